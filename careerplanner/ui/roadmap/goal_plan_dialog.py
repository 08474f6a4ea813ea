"""The plan of goals from a role's top gaps, shown before anything is added: the user unticks
what they do not want. `ask_goal_plan` is the one entry (tests replace it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from careerplanner.ui.common.appearance import TABLE_GRID_STYLE
from careerplanner.ui.common.plain_text import plain_label
from careerplanner.ui.roadmap.goal_plan import PlannedGoal

HEADERS = ("Skill", "Your level", "Target", "Target date")


class GoalPlanDialog(QDialog):
    def __init__(self, parent, role_title: str, plan: list[PlannedGoal]) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle("Create goals from the top priorities")
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = plain_label(
            f"Goals for {role_title}, highest priority first. Untick what you do not want, "
            "or tick another. Dates allow about a quarter per level to climb, a month "
            "apart in priority order; you can change them later."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(plan), len(HEADERS))
        self.table.setStyleSheet(TABLE_GRID_STYLE)
        self.table.setAccessibleName("Goals to add")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, goal in enumerate(plan):
            name = QTableWidgetItem(goal.skill_name)  # item text is always plain text
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked if goal.ticked else Qt.CheckState.Unchecked)
            self.table.setItem(row, 0, name)
            for column, text in enumerate(
                (f"L{goal.start_level}", f"L{goal.target_level}", goal.target_date.isoformat()),
                start=1,
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.itemChanged.connect(lambda _item: self._update_button())
        self._update_button()

    def chosen(self) -> list[PlannedGoal]:
        return [
            goal
            for row, goal in enumerate(self.plan)
            if self.table.item(row, 0).checkState() == Qt.CheckState.Checked
        ]

    def _update_button(self) -> None:
        count = len(self.chosen())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"Add {count} goal{'' if count == 1 else 's'}")
        ok.setEnabled(count > 0)


def ask_goal_plan(parent, role_title: str, plan: list[PlannedGoal]) -> list[PlannedGoal] | None:
    """The goals the user keeps from `plan`; None when they cancel."""
    dialog = GoalPlanDialog(parent, role_title, plan)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()
