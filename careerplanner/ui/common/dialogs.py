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

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

RESUME_FILTER = (
    "Resumes (*.pdf *.docx *.txt *.md *.markdown *.json *.zip);;"
    "PDF (*.pdf);;Word (*.docx);;Text (*.txt *.md);;JSON Resume (*.json);;"
    "LinkedIn export (*.zip);;All files (*)"
)
DATASET_FILTER = (
    "Datasets (*.zip *.txt *.csv);;O*NET release (*.zip *.txt);;BLS wages (*.csv);;"
    "Job postings (*.csv);;Skill-demand pack (*.zip);;All files (*)"
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


def show_error(parent: QWidget | None, sentence: str, title: str = "Career Planner") -> None:
    QtWidgets.QMessageBox.warning(parent, title, sentence)


def show_info(parent: QWidget | None, sentence: str, title: str = "Career Planner") -> None:
    QtWidgets.QMessageBox.information(parent, title, sentence)


def confirm(parent: QWidget | None, question: str, title: str = "Career Planner") -> bool:
    answer = QtWidgets.QMessageBox.question(parent, title, question)
    return answer == QtWidgets.QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, accepted = QtWidgets.QInputDialog.getText(parent, title, label, text=text)
    return value if accepted else None
