"""Every blocking dialog the application opens goes through here.

One place keeps the wording consistent and lets tests replace these functions (monkeypatch) so
nothing ever blocks a test. File dialogs are the platform's native ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

# The dialog classes are looked up when a dialog opens, not when this module loads: binding
# them costs ~5 ms that an everyday start (which opens none) would pay.
from PySide6 import QtWidgets

from careerplanner.ui.common.plain_text import PLAIN_TEXT, escaped_rich_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

RESUME_FILTER = (
    "Resumes (*.pdf *.docx *.txt *.md *.markdown *.json *.zip);;"
    "PDF (*.pdf);;Word (*.docx);;Text (*.txt *.md);;JSON Resume (*.json);;"
    "LinkedIn export (*.zip);;All files (*)"
)
DATASET_FILTER = (
    "Datasets (*.zip *.txt *.csv *.csv.gz *.csv.xz);;O*NET release (*.zip *.txt);;"
    "BLS wages (*.csv);;Job postings (*.csv *.csv.gz *.csv.xz);;Skill-demand pack (*.zip);;"
    "All files (*)"
)


def choose_resume_file(parent: QWidget | None) -> Path | None:
    path, _ = QtWidgets.QFileDialog.getOpenFileName(parent, "Open resume", "", RESUME_FILTER)
    return Path(path) if path else None


def choose_dataset_file(parent: QWidget | None) -> Path | None:
    path, _ = QtWidgets.QFileDialog.getOpenFileName(parent, "Import dataset", "", DATASET_FILTER)
    return Path(path) if path else None


def choose_dataset_folder(parent: QWidget | None) -> Path | None:
    path = QtWidgets.QFileDialog.getExistingDirectory(parent, "Import an O*NET release folder")
    return Path(path) if path else None


def message_box(parent: QWidget | None, icon, title: str, sentence: str, buttons=None):
    """A message box that shows `sentence` as plain text (it often names a file or a dataset)."""
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setProperty("textFormat", PLAIN_TEXT)
    box.setText(sentence)
    if buttons is not None:
        box.setStandardButtons(buttons)
    return box


def _message_box(parent: QWidget | None, icon, title: str, sentence: str, buttons=None):
    return message_box(parent, icon, title, sentence, buttons).exec()


def show_error(parent: QWidget | None, sentence: str, title: str = "Career Planner") -> None:
    _message_box(parent, QtWidgets.QMessageBox.Icon.Warning, title, sentence)


def show_info(parent: QWidget | None, sentence: str, title: str = "Career Planner") -> None:
    _message_box(parent, QtWidgets.QMessageBox.Icon.Information, title, sentence)


def confirm(parent: QWidget | None, question: str, title: str = "Career Planner") -> bool:
    buttons = QtWidgets.QMessageBox.StandardButton
    answer = _message_box(
        parent, QtWidgets.QMessageBox.Icon.Question, title, question, buttons.Yes | buttons.No
    )
    return answer == buttons.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    dialog = QtWidgets.QInputDialog(parent)
    dialog.setWindowTitle(title)
    # The label names a skill from a file: escaped, as the dialog builds its label from it
    # before any widget of it could be set to plain text.
    dialog.setLabelText(escaped_rich_text(label))
    dialog.setTextValue(text)
    accepted = dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
    return dialog.textValue() if accepted else None
