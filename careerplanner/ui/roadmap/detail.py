"""The selected goal: its steps (pending / learning / done / skipped, due dates, notes) and its
notes. Display and buttons only; the screen's `RoadmapEdits` runs the edits (so they can be
undone)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from careerplanner.core.roadmap import Step, StepState
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.chart_panel import make_table_view
from careerplanner.ui.common.table_model import ROW_ROLE, sorted_view_model
from careerplanner.ui.roadmap.models import GoalRow, StepModel
from careerplanner.ui.roadmap.panels import button, selected_row

STATE_BUTTONS = (
    (StepState.LEARNING, "&Learning", "Mark the selected step learning"),
    (StepState.DONE, "&Done", "Mark the selected step done"),
    (StepState.SKIPPED, "S&kip", "Mark the selected step skipped"),
    (StepState.PENDING, "&Pending", "Mark the selected step pending"),
)


class GoalDetail(QWidget):
    def __init__(self, edits, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.heading = QLabel("Select a goal to see its steps.")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Selected goal")
        layout.addWidget(self.heading)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        set_text_role(self.explanation, "hint")
        self.explanation.setAccessibleName("Level that counts for this skill")
        layout.addWidget(self.explanation)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        steps = QWidget()
        steps_layout = QVBoxLayout(steps)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        self.step_model = StepModel(self)
        self.step_proxy = sorted_view_model(self.step_model, self)
        self.step_table = make_table_view(
            self.step_proxy, "Steps of the goal", first_column_width=36
        )
        steps_layout.addWidget(self.step_table, 1)
        grid = QGridLayout()
        self.add_step_button = button("Add &step…", "Add a step", edits.add_step)
        self.edit_step_button = button("Edit step…", "Edit the selected step", edits.edit_step)
        self.delete_step_button = button(
            "Delete step", "Delete the selected step", edits.delete_step
        )
        grid.addWidget(self.add_step_button, 0, 0)
        grid.addWidget(self.edit_step_button, 0, 1)
        grid.addWidget(self.delete_step_button, 0, 2)
        self.state_buttons = {}
        for column, (state, text, name) in enumerate(STATE_BUTTONS):
            widget = button(text, name, lambda _c=False, s=state: edits.set_step_state(s))
            self.state_buttons[state] = widget
            grid.addWidget(widget, 1, column)
        steps_layout.addLayout(grid)
        splitter.addWidget(steps)

        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(QLabel("Notes on this goal:"))
        self.notes = QListWidget()
        self.notes.setAccessibleName("Notes on the goal")
        self.notes.setWordWrap(True)
        notes_layout.addWidget(self.notes, 1)
        row = QHBoxLayout()
        self.add_note_button = button("Add &note…", "Add a note to the goal", edits.add_note)
        self.delete_note_button = button(
            "Delete note", "Delete the selected note", edits.delete_note
        )
        row.addWidget(self.add_note_button)
        row.addWidget(self.delete_note_button)
        row.addStretch(1)
        notes_layout.addLayout(row)
        splitter.addWidget(notes)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.step_table.doubleClicked.connect(lambda _index: edits.edit_step())
        self.show_goal(None)

    def show_goal(self, row: GoalRow | None) -> None:
        selected_step = self.selected_step()
        enabled = row is not None
        for widget in (
            self.add_step_button,
            self.edit_step_button,
            self.delete_step_button,
            self.add_note_button,
            self.delete_note_button,
            *self.state_buttons.values(),
        ):
            widget.setEnabled(enabled)
        self.notes.clear()
        if row is None:
            self.heading.setText("Select a goal to see its steps.")
            self.explanation.clear()
            self.step_model.set_rows([])
            return
        goal = row.goal
        when = f" by {goal.target_date.isoformat()}" if goal.target_date else ""
        self.heading.setText(
            f"{goal.skill_name}: L{goal.start_level} → L{goal.target_level}{when} — "
            f"{goal.progress:.0%} of the steps done, L{goal.reached_level} reached"
        )
        parts = [row.counted.explanation()] if row.counted else []
        if row.dataset_status:
            parts.append(f"This skill is {row.dataset_status}; the goal stays on your roadmap.")
        self.explanation.setText(" ".join(parts))
        self.step_model.set_rows(goal.steps)
        for note in goal.notes:
            item = QListWidgetItem(f"{note.created_at[:10]}  {note.text}")
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            self.notes.addItem(item)
        if selected_step is not None:
            self.select_step(selected_step.id)

    def selected_step(self) -> Step | None:
        return selected_row(self.step_table)

    def select_step(self, step_id: int) -> bool:
        for row in range(self.step_proxy.rowCount()):
            index = self.step_proxy.index(row, 0)
            step = self.step_proxy.data(index, ROW_ROLE)
            if step.id == step_id:
                self.step_table.selectRow(row)
                self.step_table.setCurrentIndex(index)
                return True
        return False

    def selected_note_id(self) -> int | None:
        item = self.notes.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))
