"""The Roadmap screen's dialogs: a goal, a step, an evidence item, and the native file dialogs.

The screen calls the module-level `ask_*` / `choose_*` functions only, so tests replace them
(monkeypatch) and nothing ever blocks a test. Each returns plain values, or None on Cancel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

EXPORT_CHOICES = (
    # (format for exports.writer, menu text, file filter, default file name)
    ("md", "Markdown…", "Markdown (*.md)", "roadmap.md"),
    ("csv", "CSV…", "CSV (*.csv)", "roadmap.csv"),
    ("ics", "iCalendar (milestones and reviews)…", "iCalendar (*.ics)", "roadmap.ics"),
    ("pdf", "PDF report…", "PDF (*.pdf)", "career-report.pdf"),
    ("json", "JSON backup (everything)…", "JSON backup (*.json)", "careerplanner-backup.json"),
    ("jsonresume", "JSON Resume…", "JSON Resume (*.json)", "resume.json"),
)


@dataclass(frozen=True)
class GoalInput:
    skill: str  # what the user typed (resolved by the store) or the goal's own name
    target_level: int
    target_date: date | None


@dataclass(frozen=True)
class StepInput:
    title: str
    to_level: int
    due_date: date | None
    note: str


@dataclass(frozen=True)
class EvidenceInput:
    skill: str
    level: int
    kind: str  # "link", "file" or "note"
    value: str  # the URL, the file path or the note's text
    title: str


class OptionalDate(QWidget):
    """A date that may be left out: a check box and a calendar date field."""

    def __init__(self, label: str, value: date | None, default: date, parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(label)
        self.enabled.setAccessibleName(f"Set {label.lower()}")
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setAccessibleName(label)
        day = value or default
        self.edit.setDate(QDate(day.year, day.month, day.day))
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.enabled.isChecked() else None


def _level_combo(levels, current: int, name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for level in levels:
        combo.addItem(f"L{level}", level)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def ask_goal(
    parent,
    title: str,
    skill: str = "",
    target_level: int = 3,
    target_date: date | None = None,
    skill_editable: bool = True,
) -> GoalInput | None:
    """Ask for a goal's skill, target level and target date."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    skill_edit = QLineEdit(skill)
    skill_edit.setAccessibleName("Skill")
    skill_edit.setPlaceholderText("e.g. SQL, Python, Project management")
    skill_edit.setReadOnly(not skill_editable)
    form.addRow("&Skill:", skill_edit)
    level = _level_combo(range(1, 6), target_level, "Target level")
    form.addRow("&Target level:", level)
    when = OptionalDate("Target date", target_date, date.today().replace(day=1))
    form.addRow("", when)
    form.addRow(_buttons(dialog))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return GoalInput(skill_edit.text().strip(), int(level.currentData()), when.value())


def ask_step(parent, title: str, levels: range, step: StepInput | None = None) -> StepInput | None:
    """Ask for a step's title, the level it leads to, a due date and a note."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    title_edit = QLineEdit(step.title if step else "")
    title_edit.setAccessibleName("Step title")
    form.addRow("&Step:", title_edit)
    level = _level_combo(levels, step.to_level if step else levels[-1], "Leads to level")
    form.addRow("&Leads to:", level)
    due = OptionalDate("Due date", step.due_date if step else None, date.today())
    form.addRow("", due)
    note = QPlainTextEdit(step.note if step else "")
    note.setAccessibleName("Step note")
    note.setTabChangesFocus(True)
    form.addRow("&Note:", note)
    form.addRow(_buttons(dialog))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return StepInput(title_edit.text(), int(level.currentData()), due.value(), note.toPlainText())


def ask_evidence(
    parent, skills: list[str], skill: str = "", level: int = 2
) -> EvidenceInput | None:
    """Ask for one evidence item: a link, a local file (native dialog) or a note."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Add evidence")
    form = QFormLayout(dialog)
    skill_combo = QComboBox()
    skill_combo.setEditable(True)
    skill_combo.setAccessibleName("Evidence skill")
    skill_combo.addItems(skills)
    skill_combo.setCurrentText(skill)
    form.addRow("&Skill:", skill_combo)
    level_combo = _level_combo(range(1, 6), level, "Evidence level")
    form.addRow("&Level:", level_combo)
    kind = QComboBox()
    kind.setAccessibleName("Evidence kind")
    for value, text in (("link", "Link"), ("file", "Local file"), ("note", "Note")):
        kind.addItem(text, value)
    form.addRow("&Kind:", kind)
    value_edit = QLineEdit()
    value_edit.setAccessibleName("Link, file path or note")
    browse = QPushButton("&Browse…")
    browse.setAccessibleName("Choose the evidence file")
    row = QHBoxLayout()
    row.addWidget(value_edit, 1)
    row.addWidget(browse)
    form.addRow("&What:", row)
    title_edit = QLineEdit()
    title_edit.setAccessibleName("Evidence title")
    form.addRow("&Title:", title_edit)

    def pick_file() -> None:
        path = choose_evidence_file(dialog)
        if path is not None:
            value_edit.setText(str(path))
            kind.setCurrentIndex(kind.findData("file"))

    browse.clicked.connect(pick_file)
    form.addRow(_buttons(dialog))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return EvidenceInput(
        skill_combo.currentText().strip(),
        int(level_combo.currentData()),
        str(kind.currentData()),
        value_edit.text().strip(),
        title_edit.text().strip(),
    )


def choose_evidence_file(parent) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Choose an evidence file", "", "All files (*)")
    return Path(path) if path else None


def choose_export_path(parent, fmt: str) -> Path | None:
    """The native save dialog for one export format."""
    for value, text, file_filter, default_name in EXPORT_CHOICES:
        if value == fmt:
            path, _ = QFileDialog.getSaveFileName(
                parent, f"Export {text.rstrip('…')}", default_name, file_filter
            )
            return Path(path) if path else None
    raise ValueError(f"unknown export format {fmt!r}")


def choose_backup_file(parent) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, "Restore from a JSON backup", "", "JSON backup (*.json);;All files (*)"
    )
    return Path(path) if path else None
