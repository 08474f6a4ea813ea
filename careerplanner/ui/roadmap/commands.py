"""Undo and redo for every roadmap edit: QUndoCommand subclasses over `store.roadmap_repo`.

Each edit runs once through the repository *before* it is pushed (so a refused edit raises its
UserError and leaves no entry on the stack); the command remembers what it needs to reverse it
and to do it again through the repository's own functions:

- a goal added or deleted: `delete_goal` / `restore_goal` (same ids, steps, notes, timestamps);
- a step's state, title, due date or note: `update_step` with the old or the new values;
- evidence added or deleted: `delete_evidence` / `restore_evidence` (same id and checksum);
- any other change inside one goal (a step added or deleted, a note, a review, a new target):
  the goal as it was before or after, put back with `delete_goal` + `restore_goal` in one
  transaction, which keeps every id stable so the commands further up the stack stay valid.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtGui import QUndoCommand

from careerplanner.core.roadmap import Evidence, Goal, Step
from careerplanner.errors import UserError
from careerplanner.services.levels import user_data_version
from careerplanner.store.connection import Database
from careerplanner.store.user.evidence import delete_evidence, get_evidence, restore_evidence
from careerplanner.store.user.goals import delete_goal, get_goal, restore_goal, set_started_on
from careerplanner.store.user.steps import update_step
from careerplanner.ui.common import dialogs

# Called after every undo and redo with the ids of the goals the command changed (None: more
# than goals may have changed, so the whole screen is read again) and the user database's
# `user_data_version` just before the change.
Changed = Callable[[frozenset[int] | None, tuple[int, int] | None], None]


def expect_same_goal(db: Database, goal: Goal) -> None:
    """Refuse to touch goal `goal.id` unless it is still the goal this command made or saw:
    ids can be reused once a goal is deleted elsewhere (another window, the command line)."""
    stored = get_goal(db, goal.id)
    if (stored.skill_key, stored.created_at) != (goal.skill_key, goal.created_at):
        raise UserError(f"the goal {goal.skill_name} was changed outside this window")


def expect_same_evidence(db: Database, item: Evidence) -> None:
    stored = get_evidence(db, item.id)
    if (stored.skill_key, stored.created_at) != (item.skill_key, item.created_at):
        raise UserError(f"the evidence for {item.skill_name} was changed outside this window")


def put_goal_back(db: Database, goal: Goal) -> Goal:
    """Make the stored goal exactly `goal` (steps, notes, reviews), in one transaction."""
    expect_same_goal(db, goal)
    with db.atomic():
        delete_goal(db, goal.id)
        return restore_goal(db, goal)


class _RoadmapCommand(QUndoCommand):
    """Skips the first redo (the edit already ran) and reports every change afterwards."""

    # The goals this command changes, when nothing else changes; None when it may touch more.
    goal_ids: frozenset[int] | None = None

    def __init__(self, text: str, db: Database, changed: Changed) -> None:
        super().__init__(text)
        self.db = db
        self._changed = changed
        self._pushed = False

    def redo(self) -> None:
        if self._pushed:
            self._run(self.apply, "redo")
        self._pushed = True

    def undo(self) -> None:
        self._run(self.revert, "undo")

    def _run(self, step: Callable[[], None], verb: str) -> None:
        """Apply or revert; if the data changed underneath (another window, the command line),
        say so, drop the command from the stack and leave the database as it is."""
        before = user_data_version(self.db)
        try:
            step()
        except (UserError, sqlite3.Error) as error:
            self.setObsolete(True)
            self._changed(None, None)  # changed underneath: read everything again
            dialogs.show_error(None, f"Can't {verb} “{self.text()}”: {error}")
            return
        self._changed(self.goal_ids, before)

    def apply(self) -> None:  # overridden
        raise AssertionError("subclasses define apply")

    def revert(self) -> None:  # overridden
        raise AssertionError("subclasses define revert")


class AddGoalsCommand(_RoadmapCommand):
    """Goals added (one by hand, or several from the gap): undo deletes them, redo restores."""

    def __init__(self, db, changed: Changed, goals: list[Goal]) -> None:
        names = ", ".join(goal.skill_name for goal in goals[:3])
        more = f" and {len(goals) - 3} more" if len(goals) > 3 else ""
        super().__init__(f"Add goal{'s' if len(goals) > 1 else ''} {names}{more}", db, changed)
        self.goals = goals

    def apply(self) -> None:
        for goal in self.goals:
            restore_goal(self.db, goal)

    def revert(self) -> None:
        for goal in self.goals:
            expect_same_goal(self.db, goal)
        with self.db.atomic():
            for goal in reversed(self.goals):
                delete_goal(self.db, goal.id)


class DeleteGoalCommand(_RoadmapCommand):
    def __init__(self, db, changed: Changed, deleted: Goal) -> None:
        super().__init__(f"Delete goal {deleted.skill_name}", db, changed)
        self.goal = deleted

    def apply(self) -> None:
        expect_same_goal(self.db, self.goal)
        delete_goal(self.db, self.goal.id)

    def revert(self) -> None:
        restore_goal(self.db, self.goal)


class GoalSnapshotCommand(_RoadmapCommand):
    """Any change inside one goal, reversed and repeated by putting the goal back as it was."""

    def __init__(self, text: str, db, changed: Changed, before: Goal, after: Goal) -> None:
        super().__init__(text, db, changed)
        self.before = before
        self.after = after
        self.goal_ids = frozenset({before.id})

    def apply(self) -> None:
        put_goal_back(self.db, self.after)

    def revert(self) -> None:
        put_goal_back(self.db, self.before)


STEP_FIELDS = ("state", "title", "due_date", "note")


class UpdateStepCommand(_RoadmapCommand):
    """A step's state, title, due date or note; both directions go through `update_step`."""

    def __init__(
        self,
        text: str,
        db,
        changed: Changed,
        before: Step,
        after: Step,
        started_before: date | None = None,
    ) -> None:
        super().__init__(text, db, changed)
        # The first step out of "pending" starts the goal; undoing that change un-starts it.
        self.started_before = started_before
        self.step_id = before.id
        self.identity = (before.goal_id, before.created_at)
        self.goal_ids = frozenset({before.goal_id})
        self.old = {name: getattr(before, name) for name in STEP_FIELDS}
        self.new = {name: getattr(after, name) for name in STEP_FIELDS}

    def _expect_same_step(self) -> None:
        goal = get_goal(self.db, self.identity[0])
        if not any((s.id, s.created_at) == (self.step_id, self.identity[1]) for s in goal.steps):
            raise UserError("the step was changed outside this window")

    def apply(self) -> None:
        self._expect_same_step()
        update_step(self.db, self.step_id, **self.new)

    def revert(self) -> None:
        self._expect_same_step()
        update_step(self.db, self.step_id, **self.old)
        if self.started_before is None:
            set_started_on(self.db, self.identity[0], None)


class AddEvidenceCommand(_RoadmapCommand):
    def __init__(self, db, changed: Changed, item: Evidence) -> None:
        super().__init__(f"Add evidence for {item.skill_name} L{item.level}", db, changed)
        self.item = item

    def apply(self) -> None:
        restore_evidence(self.db, self.item)

    def revert(self) -> None:
        expect_same_evidence(self.db, self.item)
        delete_evidence(self.db, self.item.id)


class DeleteEvidenceCommand(_RoadmapCommand):
    def __init__(self, db, changed: Changed, item: Evidence) -> None:
        super().__init__(f"Delete evidence for {item.skill_name} L{item.level}", db, changed)
        self.item = item

    def apply(self) -> None:
        expect_same_evidence(self.db, self.item)
        delete_evidence(self.db, self.item.id)

    def revert(self) -> None:
        restore_evidence(self.db, self.item)


def goal_edit(
    text: str, db, changed: Changed, goal_id: int, edit: Callable[[], object]
) -> GoalSnapshotCommand:
    """Run `edit` (a repository call changing goal `goal_id`) and return its undo command."""
    before = get_goal(db, goal_id)
    edit()
    after = get_goal(db, goal_id)
    return GoalSnapshotCommand(text, db, changed, before, after)


def step_edit(text: str, db, changed: Changed, step: Step, **changes) -> UpdateStepCommand:
    """Run `update_step(step.id, **changes)` and return its undo command.

    `step` must be the step as stored now (the undo puts back its state, title, date, note).
    """
    started_before = get_goal(db, step.goal_id).started_on
    after = update_step(db, step.id, **changes)
    return UpdateStepCommand(text, db, changed, replace(step), after, started_before)
