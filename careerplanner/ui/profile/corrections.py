"""The user's corrections to the skill reader, on the Profile screen: add a skill it missed, mark
a found one "not a skill" (with the reason; later imports leave it out), and take that back.

Adding looks the name up in the active dataset's vocabulary, which takes a moment to build, so
it runs on the worker (`TaskRunner`) with its own connections; the other two are one small write.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from careerplanner.core.levels import Level
from careerplanner.errors import UserError
from careerplanner.services.skill_fixes import (
    add_missed_skill,
    mark_not_a_skill,
    take_back_not_a_skill,
)
from careerplanner.store.user.profile import UserSkill, rejected_skills
from careerplanner.ui.common import dialogs
from careerplanner.ui.common.context import AppContext, with_databases

ADD_TASK = "profile.add-skill"


class CorrectionsBox(QGroupBox):
    """Corrections to what the reader found; `selected()` gives the skill chosen in the table."""

    def __init__(self, ctx: AppContext, selected: Callable[[], UserSkill | None], parent=None):
        super().__init__("Correct the reader", parent)
        self.ctx = ctx
        self._selected = selected
        form = QFormLayout(self)
        self.reject_reason = QLineEdit()
        self.reject_reason.setAccessibleName("Why it is not a skill")
        self.reject_reason.setPlaceholderText("Why (e.g. 'an employer's name')")
        self.reject_button = QPushButton("Not a skill")
        self.reject_button.setAccessibleName("Mark the selected skill as not a skill")
        self.reject_button.clicked.connect(self.reject_selected)
        row = QHBoxLayout()
        row.addWidget(self.reject_reason, 1)
        row.addWidget(self.reject_button)
        form.addRow("Selected", row)

        self.add_name = QLineEdit()
        self.add_name.setAccessibleName("Name of a skill to add")
        self.add_name.setPlaceholderText("A skill the reader missed")
        self.add_level = QComboBox()
        self.add_level.setAccessibleName("Level of the skill to add")
        for level in Level:
            self.add_level.addItem(f"{level.code} {level.title}", int(level))
        self.add_level.setCurrentIndex(2)
        self.add_reason = QLineEdit()
        self.add_reason.setAccessibleName("Why you have the skill")
        self.add_reason.setPlaceholderText("Where you used it")
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add the skill")
        self.add_button.clicked.connect(self.add_skill)
        # Two lines, not four fields on one: on a 1024 px wide window the detail column is
        # about 430 px, and the name and the reason were cut to a few letters.
        row = QHBoxLayout()
        row.addWidget(self.add_name, 1)
        row.addWidget(self.add_level)
        form.addRow("Add", row)
        row = QHBoxLayout()
        row.addWidget(self.add_reason, 1)
        row.addWidget(self.add_button)
        form.addRow("", row)

        self.rejected = QListWidget()
        self.rejected.setAccessibleName("Marked as not a skill")
        self.rejected.setMaximumHeight(90)
        self.take_back_button = QPushButton("It is a skill after all")
        self.take_back_button.clicked.connect(self.take_back)
        form.addRow("Not skills", self.rejected)
        form.addRow("", self.take_back_button)
        self.refresh()

    def refresh(self) -> None:
        self.rejected.clear()
        for rejected in rejected_skills(self.ctx.user_db):
            item = QListWidgetItem(f"{rejected.name} — {rejected.reason}")
            item.setData(Qt.ItemDataRole.UserRole, rejected.key)
            self.rejected.addItem(item)
        self.take_back_button.setEnabled(self.rejected.count() > 0)

    def reject_selected(self) -> None:
        skill = self._selected()
        if skill is None:
            dialogs.show_error(self, "Select the skill that is not a skill first.")
            return
        try:
            name = mark_not_a_skill(self.ctx.user_db, skill.key, self.reject_reason.text())
        except UserError as error:
            dialogs.show_error(self, str(error))
            return
        self.reject_reason.clear()
        self._changed(f"{name} is marked as not a skill; later imports leave it out.")

    def take_back(self) -> None:
        item = self.rejected.currentItem() or self.rejected.item(0)
        if item is None:
            return
        name = take_back_not_a_skill(self.ctx.user_db, item.data(Qt.ItemDataRole.UserRole))
        self._changed(f"{name} is no longer marked as not a skill.")

    def add_skill(self) -> None:
        """Add the typed skill on the worker (the vocabulary lookup takes a moment)."""
        name, reason = self.add_name.text(), self.add_reason.text()
        level = int(self.add_level.currentData())

        def work(dbs, _progress, _cancel):
            return add_missed_skill(dbs.user, dbs.market, name, level, reason)

        self.add_button.setEnabled(False)
        self.ctx.runner.start(
            ADD_TASK,
            with_databases(self.ctx.data_dir, work),
            self._added,
            self._failed,
        )

    def _added(self, skill: UserSkill) -> None:
        self.add_button.setEnabled(True)
        self.add_name.clear()
        self.add_reason.clear()
        self._changed(f"Added {skill.name} at L{skill.level}.")

    def _failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        if isinstance(error, UserError):
            dialogs.show_error(self, str(error))
        else:
            dialogs.show_error(self, f"The skill could not be added ({type(error).__name__}).")

    def _changed(self, message: str) -> None:
        self.ctx.events.profile_changed.emit()
        self.ctx.events.status_message.emit(message)
