"""Every edit of the Roadmap screen (goals, steps, notes, reviews, evidence), each undoable.

`RoadmapEdits` is owned by `RoadmapView`: each method asks (dialog), runs the change through
`store.user.goals` on the GUI thread (single-row or one-goal writes, quick) and, when the
change was made, pushes its command (`roadmap.commands`) onto the screen's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from careerplanner.core.roadmap import Evidence, Goal, Step, StepState
from careerplanner.core.roadmap_review import DueReview
from careerplanner.errors import UserError
from careerplanner.services.levels import user_data_version
from careerplanner.services.roadmap_skills import resolve_skill
from careerplanner.store.user.evidence import add_evidence, delete_evidence
from careerplanner.store.user.goals import (
    add_goal,
    delete_goal,
    goal_skill_keys,
    mark_reviewed,
    update_goal,
)
from careerplanner.store.user.steps import add_note, add_step, delete_note, delete_step
from careerplanner.ui.common import dialogs
from careerplanner.ui.common.context import AppContext
from careerplanner.ui.roadmap import dialogs as roadmap_dialogs
from careerplanner.ui.roadmap.commands import (
    AddEvidenceCommand,
    AddGoalsCommand,
    DeleteEvidenceCommand,
    DeleteGoalCommand,
    goal_edit,
    step_edit,
)
from careerplanner.ui.roadmap.models import record_fit_now


class Selection(NamedTuple):
    """What the user has selected on the screen, read at the moment an edit runs."""

    goal: Callable[[], Goal | None]
    step: Callable[[], Step | None]
    note_id: Callable[[], int | None]
    evidence: Callable[[], Evidence | None]
    review: Callable[[], DueReview | None]
    select_goal: Callable[[int], bool]
    skill_names: Callable[[], list[str]]  # the skills of the goals shown


class RoadmapEdits:
    def __init__(
        self,
        parent: QWidget,
        ctx: AppContext,
        undo_stack: QUndoStack,
        refresh: Callable[[], None],
        selection: Selection,
        refresh_goals: Callable[[frozenset[int]], None] | None = None,
    ) -> None:
        self.parent = parent  # of the dialogs
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.refresh = refresh
        self.refresh_goals = refresh_goals or (lambda _goal_ids: refresh())
        self.selection = selection
        self.publishing = False  # True while this screen announces its own change

    def changed(
        self, goal_ids: frozenset[int] | None = None, before: tuple[int, int] | None = None
    ) -> None:
        """After any edit, undo or redo: history, this screen, the other screens, status bar.

        `goal_ids`: only these goals changed (a step's state, a note), so only their rows are
        read again, and, with `before` (the user database's `user_data_version` just before
        the change), only their skills' levels; None reads the whole screen again.
        """
        db = self.ctx.user_db
        touched = None
        if goal_ids and before is not None:
            keys = goal_skill_keys(db, goal_ids)
            if len(keys) == len(goal_ids):  # else a goal went meanwhile: read every level
                touched = (before, set(keys.values()))
        record_fit_now(db, self.ctx.market_db, "roadmap changed", touched)
        if goal_ids:
            self.refresh_goals(goal_ids)
        else:
            self.refresh()
        self.publishing = True
        try:
            self.ctx.events.profile_changed.emit()
        finally:
            self.publishing = False

    def run(self, make_command) -> bool:
        """Run an edit; on success push its command, else show the reason (nothing changed)."""
        before = user_data_version(self.ctx.user_db)
        try:
            command = make_command()
        except UserError as error:
            dialogs.show_error(self.parent, str(error))
            return False
        self.undo_stack.push(command)
        self.changed(command.goal_ids, before)
        self.ctx.events.status_message.emit(f"{command.text()}. Ctrl+Z undoes it.")
        return True

    def _goal_edit(self, text: str, goal: Goal, change) -> None:
        """A change inside one goal, `change()` run against the user's database."""
        self.run(lambda: goal_edit(text, self.ctx.user_db, self.changed, goal.id, change))

    # -- goals ---------------------------------------------------------------------------------

    def add_goal(self) -> None:
        answer = roadmap_dialogs.ask_goal(self.parent, "Add a goal")
        if answer is None:
            return
        db = self.ctx.user_db
        added: list[Goal] = []

        def run():
            key, name = resolve_skill(db, self.ctx.market_db, answer.skill)
            added.append(add_goal(db, key, name, answer.target_level, answer.target_date))
            return AddGoalsCommand(db, self.changed, added)

        if self.run(run):
            self.selection.select_goal(added[0].id)

    def edit_goal(self) -> None:
        goal = self.selection.goal()
        if goal is None:
            return
        answer = roadmap_dialogs.ask_goal(
            self.parent, "Edit goal", goal.skill_name, goal.target_level, goal.target_date
        )
        if answer is None:
            return
        self._goal_edit(
            f"Edit goal {goal.skill_name}",
            goal,
            lambda: update_goal(
                self.ctx.user_db,
                goal.id,
                target_level=answer.target_level,
                target_date=answer.target_date,
                skill_name=answer.skill or goal.skill_name,
            ),
        )

    def delete_goal(self) -> None:
        goal = self.selection.goal()
        if goal is None:
            return
        db = self.ctx.user_db
        self.run(lambda: DeleteGoalCommand(db, self.changed, delete_goal(db, goal.id)))

    # -- steps, notes, reviews -----------------------------------------------------------------

    def add_step(self) -> None:
        goal = self.selection.goal()
        if goal is None:
            return
        levels = range(goal.start_level + 1, goal.target_level + 1)
        answer = roadmap_dialogs.ask_step(self.parent, f"Add a step to {goal.skill_name}", levels)
        if answer is None:
            return
        self._goal_edit(
            f"Add step “{answer.title.strip()}”",
            goal,
            lambda: add_step(
                self.ctx.user_db,
                goal.id,
                answer.title,
                answer.to_level,
                answer.due_date,
                answer.note,
            ),
        )

    def edit_step(self) -> None:
        goal, step = self.selection.goal(), self.selection.step()
        if goal is None or step is None:
            return
        levels = range(goal.start_level + 1, goal.target_level + 1)
        current = roadmap_dialogs.StepInput(step.title, step.to_level, step.due_date, step.note)
        answer = roadmap_dialogs.ask_step(self.parent, "Edit step", levels, current)
        if answer is None:
            return
        self.run(
            lambda: step_edit(
                f"Edit step “{step.title}”",
                self.ctx.user_db,
                self.changed,
                step,
                title=answer.title,
                due_date=answer.due_date,
                note=answer.note,
            )
        )

    def set_step_state(self, state: StepState) -> None:
        step = self.selection.step()
        if step is None or step.state == state:
            return
        self.run(
            lambda: step_edit(
                f"Mark “{step.title}” {state.value}",
                self.ctx.user_db,
                self.changed,
                step,
                state=state,
            )
        )

    def delete_step(self) -> None:
        goal, step = self.selection.goal(), self.selection.step()
        if goal is None or step is None:
            return
        self._goal_edit(
            f"Delete step “{step.title}”",
            goal,
            lambda: delete_step(self.ctx.user_db, step.id),
        )

    def add_note(self) -> None:
        goal = self.selection.goal()
        if goal is None:
            return
        text = dialogs.ask_text(self.parent, "Add a note", f"Note on {goal.skill_name}:")
        if text is None:
            return
        step = self.selection.step()
        step_id = step.id if step is not None and step.goal_id == goal.id else None
        self._goal_edit(
            f"Add note to {goal.skill_name}",
            goal,
            lambda: add_note(self.ctx.user_db, goal.id, text, step_id),
        )

    def delete_note(self) -> None:
        goal, note_id = self.selection.goal(), self.selection.note_id()
        if goal is None or note_id is None:
            return
        self._goal_edit(
            f"Delete note on {goal.skill_name}",
            goal,
            lambda: delete_note(self.ctx.user_db, note_id),
        )

    def mark_reviewed(self) -> None:
        due = self.selection.review()
        if due is None:
            return
        goal = due.goal
        self._goal_edit(
            f"Review {goal.skill_name}",
            goal,
            lambda: mark_reviewed(self.ctx.user_db, goal.id),
        )

    # -- evidence ------------------------------------------------------------------------------

    def add_evidence(self) -> None:
        goal = self.selection.goal()
        answer = roadmap_dialogs.ask_evidence(
            self.parent,
            self.selection.skill_names(),
            goal.skill_name if goal else "",
            goal.reached_level if goal and goal.reached_level > 0 else 2,
        )
        if answer is None:
            return
        db = self.ctx.user_db

        def run():
            key, name = resolve_skill(db, self.ctx.market_db, answer.skill)
            given = {"link": "url", "file": "path", "note": "text"}[answer.kind]
            item = add_evidence(
                db, key, name, answer.level, title=answer.title, **{given: answer.value}
            )
            return AddEvidenceCommand(db, self.changed, item)

        self.run(run)

    def delete_evidence(self) -> None:
        item = self.selection.evidence()
        if item is None:
            return
        db = self.ctx.user_db
        self.run(lambda: DeleteEvidenceCommand(db, self.changed, delete_evidence(db, item.id)))
