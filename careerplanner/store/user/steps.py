"""Changing a goal's steps and notes: add, edit, tick off, delete.

Reading them is part of reading the goal (`careerplanner.store.user.goals`). A step change that
moves the level a goal has reached is recorded in the progress history in the same transaction.
"""

from __future__ import annotations

from datetime import date

from careerplanner.core.roadmap import STARTED_STATES, Note, Step, StepState
from careerplanner.errors import UserError
from careerplanner.store import stamps
from careerplanner.store.connection import Database
from careerplanner.store.user.changes import announces_change
from careerplanner.store.user.goals import (
    UNCHANGED,
    get_goal,
    get_step,
    goal_skill_key,
    insert_step,
)
from careerplanner.store.user.levels import checked_level
from careerplanner.store.user.progress import record_skill_levels


@announces_change
def add_step(
    db: Database,
    goal_id: int,
    title: str,
    to_level: int | None = None,
    due_date: date | None = None,
    note: str = "",
) -> Step:
    """Add a step of the user's own at the end of a goal (it leads to the target by default)."""
    goal = get_goal(db, goal_id)
    if not title.strip():
        raise UserError("A step needs a title.")
    level = goal.target_level if to_level is None else checked_level(to_level, "step level")
    if not goal.start_level < level <= goal.target_level:
        raise UserError(
            f"A step of this goal leads to a level from L{goal.start_level + 1} "
            f"to L{goal.target_level}, not L{level}."
        )
    step = Step(None, goal_id, title.strip(), level, due_date=due_date, note=note)
    position = max((s.position for s in goal.steps), default=-1) + 1
    with db.atomic():
        step_id = insert_step(db, goal_id, step, position, stamps.now_stamp())
        record_skill_levels(db, source="step added", keys={goal.skill_key})
    return get_step(db, step_id)


@announces_change
def update_step(
    db: Database,
    step_id: int,
    *,
    state=UNCHANGED,
    title=UNCHANGED,
    due_date=UNCHANGED,
    note=UNCHANGED,
    today: date | None = None,
) -> Step:
    """Change a step's state, title, due date (None clears it) or note.

    The first step to leave "pending" marks the goal as started (the review schedule counts
    from that day); a change of level that follows is recorded in the progress history.
    """
    step = get_step(db, step_id)
    changes: dict[str, object] = {}
    if state is not UNCHANGED:
        try:
            changes["state"] = StepState.parse(str(state)).value
        except ValueError as error:
            raise UserError(f"{error}.") from None
    if title is not UNCHANGED:
        if not str(title).strip():
            raise UserError("A step needs a title.")
        changes["title"] = str(title).strip()
    if due_date is not UNCHANGED:
        changes["due_date"] = stamps.date_text(due_date)
    if note is not UNCHANGED:
        changes["note"] = str(note)
    if not changes:
        return step
    stamp = stamps.now_stamp()
    changes["updated_at"] = stamp
    assignments = ", ".join(f"{column} = ?" for column in changes)
    with db.atomic():
        db.execute(
            f"UPDATE roadmap_step SET {assignments} WHERE id = ?", [*changes.values(), step_id]
        )
        if changes.get("state") in STARTED_STATES:
            db.execute(
                "UPDATE roadmap_goal SET started_on = ? WHERE id = ? AND started_on IS NULL",
                [stamps.date_text(today or date.today()), step.goal_id],
            )
        record_skill_levels(db, source="step changed", keys={goal_skill_key(db, step.goal_id)})
    return get_step(db, step_id)


@announces_change
def delete_step(db: Database, step_id: int) -> None:
    """Delete one step (and its notes)."""
    step = get_step(db, step_id)
    with db.atomic():
        db.execute("DELETE FROM roadmap_step WHERE id = ?", [step_id])
        record_skill_levels(db, source="step deleted", keys={goal_skill_key(db, step.goal_id)})


@announces_change
def add_note(db: Database, goal_id: int, text: str, step_id: int | None = None) -> Note:
    """Attach a note to a goal, or to one of its steps."""
    goal = get_goal(db, goal_id)
    if not text.strip():
        raise UserError("A note can't be empty.")
    if step_id is not None and step_id not in {step.id for step in goal.steps}:
        raise UserError(f"Step {step_id} is not part of goal {goal_id}.")
    stamp = stamps.now_stamp()
    cursor = db.execute(
        "INSERT INTO roadmap_note (goal_id, step_id, text, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [goal_id, step_id, text, stamp, stamp],
    )
    return Note(cursor.lastrowid, goal_id, text, step_id, stamp, stamp)


@announces_change
def update_note(db: Database, note_id: int, text: str) -> None:
    """Replace a note's text."""
    if not text.strip():
        raise UserError("A note can't be empty.")
    cursor = db.execute(
        "UPDATE roadmap_note SET text = ?, updated_at = ? WHERE id = ?",
        [text, stamps.now_stamp(), note_id],
    )
    if cursor.rowcount == 0:
        raise UserError(f"There is no note {note_id} on the roadmap.")


@announces_change
def delete_note(db: Database, note_id: int) -> None:
    if db.execute("DELETE FROM roadmap_note WHERE id = ?", [note_id]).rowcount == 0:
        raise UserError(f"There is no note {note_id} on the roadmap.")
