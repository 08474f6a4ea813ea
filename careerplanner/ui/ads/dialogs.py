"""The Job ads screen's dialogs: add an ad by pasting it, add or change a requirement, tag ads,
and the native file choosers.

The screen calls the module-level `ask_*` / `choose_*` functions only, so tests replace them
(monkeypatch) and nothing ever blocks a test. Each returns plain values, or None on Cancel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.plain_text import make_labels_plain, plain_label
from careerplanner.ui.roadmap.dialogs import OptionalDate

AD_FILE_FILTER = (
    "Job ads (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.eml *.json);;"
    "Text (*.txt *.md *.markdown);;Web page (*.html *.htm);;PDF (*.pdf);;Word (*.docx);;"
    "E-mail (*.eml);;JSON Resume job (*.json);;All files (*)"
)
LEVELS = range(6)
REQUIRED_CHOICES = (("must", "Must have"), ("nice", "Nice to have"))


@dataclass(frozen=True)
class AdInput:
    """What the user typed into "Add job ad"; empty strings are "not given" (the service then
    looks for them in the text)."""

    text: str
    title: str = ""
    company: str = ""
    location: str = ""
    link: str = ""  # kept as text, never opened
    salary: str = ""
    seen: date | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class RequirementInput:
    skill: str
    level: int
    required: str  # "must" | "nice"


def clipboard_text() -> str:
    """The clipboard's text, or "" when it holds none (an image, nothing)."""
    clipboard = QGuiApplication.clipboard()
    return clipboard.text() if clipboard is not None else ""


def split_tags(text: str) -> tuple[str, ...]:
    """Tags as typed: separated by commas, blanks around them dropped, each once."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in {t.casefold() for t in seen}:
            seen[tag] = None
    return tuple(seen)


def _buttons(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    if ok_text:
        box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _line(text: str, name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class AddAdDialog(QDialog):
    """The ad's text (the clipboard's, when it holds text) and the optional facts about it."""

    def __init__(
        self,
        parent=None,
        initial: AdInput | None = None,
        problem: str = "",
        details_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ad details" if details_only else "Add job ad")
        self.setObjectName("add_job_ad_dialog")
        layout = QVBoxLayout(self)
        self.problem = plain_label(problem)  # the service's sentence when the last try failed
        set_text_role(self.problem, "warning")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Why the ad was not added")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        hint = QLabel(
            "Paste the ad's text. Title, company, location and salary are found in the text "
            "when you leave them empty. The ad stays on this computer."
        )
        set_text_role(hint, "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Job ad text")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("The job ad's text")
        self.text.setPlainText(initial.text if initial else clipboard_text())
        layout.addWidget(self.text, 1)
        # Details of an ad already read: its text stays as it was (fix its requirements instead).
        for widget in (hint, self.text):
            widget.setVisible(not details_only)
        form = QFormLayout()
        given = initial or AdInput("")
        self.title = _line(given.title, "Ad title", "found in the text when empty")
        self.company = _line(given.company, "Company", "found in the text when empty")
        self.location = _line(given.location, "Location", "found in the text when empty")
        self.link = _line(given.link, "Link", "kept as a note, never opened")
        self.salary = _line(given.salary, "Salary", "e.g. $120,000 - $140,000 a year")
        self.tags = _line(", ".join(given.tags), "Tags", "e.g. backend-berlin, spring 2027")
        self.seen = OptionalDate("Date seen", given.seen, date.today())
        form.addRow("&Title:", self.title)
        form.addRow("&Company:", self.company)
        form.addRow("&Location:", self.location)
        form.addRow("Lin&k:", self.link)
        form.addRow("&Salary:", self.salary)
        if not details_only:
            form.addRow("T&ags:", self.tags)
        form.addRow("", self.seen)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, "Save" if details_only else "Add ad"))
        make_labels_plain(self)
        self.resize(640, 260 if details_only else 560)
        (self.title if details_only else self.text).setFocus()

    def value(self) -> AdInput:
        return AdInput(
            text=self.text.toPlainText(),
            title=self.title.text().strip(),
            company=self.company.text().strip(),
            location=self.location.text().strip(),
            link=self.link.text().strip(),
            salary=self.salary.text().strip(),
            seen=self.seen.value(),
            tags=split_tags(self.tags.text()),
        )


def ask_job_ad(parent, initial: AdInput | None = None, problem: str = "") -> AdInput | None:
    """Ask for a pasted ad; `initial` and `problem` re-open it as it was, with what went wrong."""
    dialog = AddAdDialog(parent, initial, problem)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.value()


def ask_ad_details(parent, current: AdInput) -> AdInput | None:
    """Ask for an ad's title, company, location, link, salary and date seen (its text and tags
    are changed elsewhere)."""
    dialog = AddAdDialog(parent, current, details_only=True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.value()


def ask_requirement(
    parent, skill_names: list[str], current: RequirementInput | None = None
) -> RequirementInput | None:
    """Ask for a requirement the reader missed (or a new level / must-or-nice for one)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Change requirement" if current else "Add requirement")
    form = QFormLayout(dialog)
    skill = QComboBox()
    skill.setEditable(True)
    skill.setAccessibleName("Requirement skill")
    skill.addItems(skill_names)
    skill.setCurrentText(current.skill if current else "")
    skill.setEnabled(current is None)  # a change keeps the skill; remove it to replace it
    form.addRow("&Skill:", skill)
    level = QComboBox()
    level.setAccessibleName("Required level")
    for value in LEVELS:
        level.addItem(f"L{value}", value)
    level.setCurrentIndex(level.findData(current.level if current else 2))
    form.addRow("&Level:", level)
    required = QComboBox()
    required.setAccessibleName("Must or nice")
    for value, text in REQUIRED_CHOICES:
        required.addItem(text, value)
    required.setCurrentIndex(required.findData(current.required if current else "must"))
    form.addRow("&Required:", required)
    form.addRow(_buttons(dialog))
    make_labels_plain(dialog)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return RequirementInput(
        skill.currentText().strip(), int(level.currentData()), str(required.currentData())
    )


def ask_tags(parent, current: tuple[str, ...], known: list[str]) -> tuple[str, ...] | None:
    """Ask for an ad's tags (comma-separated), showing the tags already in use."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Tags")
    form = QFormLayout(dialog)
    edit = _line(", ".join(current), "Tags", "e.g. backend-berlin, spring 2027")
    form.addRow("&Tags:", edit)
    if known:
        used = plain_label("In use: " + ", ".join(known))
        set_text_role(used, "hint")
        used.setWordWrap(True)
        form.addRow("", used)
    form.addRow(_buttons(dialog))
    make_labels_plain(dialog)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return split_tags(edit.text())


def choose_ad_files(parent) -> list[Path]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Add job ads", "", AD_FILE_FILTER)
    return [Path(path) for path in paths]


def choose_ad_folder(parent) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, "Add every job ad in a folder")
    return Path(path) if path else None
