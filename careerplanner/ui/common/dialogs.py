"""Every blocking dialog the application opens goes through here.

One place keeps the wording consistent and lets tests replace these functions (monkeypatch) so
nothing ever blocks a test. File dialogs are the platform's native ones.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

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
    path, _ = QFileDialog.getOpenFileName(parent, "Open resume", "", RESUME_FILTER)
    return Path(path) if path else None


def choose_dataset_file(parent: QWidget | None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Import dataset", "", DATASET_FILTER)
    return Path(path) if path else None


def choose_dataset_folder(parent: QWidget | None) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, "Import an O*NET release folder")
    return Path(path) if path else None


def show_error(parent: QWidget | None, sentence: str, title: str = "Career Planner") -> None:
    QMessageBox.warning(parent, title, sentence)


def show_info(parent: QWidget | None, sentence: str, title: str = "Career Planner") -> None:
    QMessageBox.information(parent, title, sentence)


def confirm(parent: QWidget | None, question: str, title: str = "Career Planner") -> bool:
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, accepted = QInputDialog.getText(parent, title, label, text=text)
    return value if accepted else None
