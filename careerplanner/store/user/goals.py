"""The learning roadmap's goals: reading them (with their steps and notes), adding, changing,
deleting and restoring them, and their spaced reviews. Step and note edits are in `steps`.

Every function returns core dataclasses; every change of more than one row runs in one
`db.atomic()` block and ends by recording the skill levels that changed in the progress history
(`careerplanner.store.user.progress`). The level a new goal starts from is the level that counts
now (`careerplanner.store.user.levels`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from careerplanner.core.roadmap import (
    Goal,
    Note,
    Step,
    StepState,
    suggest_steps,
)
from careerplanner.core.roadmap_review import DueReview, due_for_review
from careerplanner.errors import UserError
from careerplanner.store import stamps
from careerplanner.store.connection import Database
from careerplanner.store.user.changes import announces_change
from careerplanner.store.user.levels import checked_level, effective_level_of
from careerplanner.store.user.progress import record_skill_levels

_GOAL_COLUMNS = (
    "id, skill_key, skill_name, start_level, target_level, target_date, started_on, "
    "review_count, last_review, created_at, updated_at"
)


_STEP_COLUMNS = (
    "id, goal_id, title, to_level, state, position, due_date, note, suggested, "
    "created_at, updated_at"
)


def _goal_from_row(row) -> Goal:
    (id_, key, name, start, target, target_date, started, reviews, last, created, updated) = row
    return Goal(
        id=id_,
        skill_key=key,
        skill_name=name,
        start_level=start,
        target_level=target,
        target_date=stamps.parse_date(target_date),
        started_on=stamps.parse_date(started),
        review_count=reviews,
        last_review=stamps.parse_date(last),
        created_at=created,
        updated_at=updated,
    )


def _step_from_row(row) -> Step:
    (id_, goal_id, title, to_level, state, position, due, note, suggested, created, updated) = row
    return Step(
        id=id_,
        goal_id=goal_id,
        title=title,
        to_level=to_level,
        state=StepState(state),
        position=position,
        due_date=stamps.parse_date(due),
        note=note,
        suggested=bool(suggested),
        created_at=created,
        updated_at=updated,
    )


def _load_goals(db, where: str = "", params: list | None = None) -> list[Goal]:
    params = params or []
    goals = {
        row[0]: _goal_from_row(row)
        for row in db.execute(
            f"SELECT {_GOAL_COLUMNS} FROM roadmap_goal {where} ORDER BY id", params
        )
    }
    if not goals:
        return []
    # Children of the selected goals only (the same WHERE on the goal table).
    scope = f"goal_id IN (SELECT id FROM roadmap_goal {where})"
    steps_sql = (
        f"SELECT {_STEP_COLUMNS} FROM roadmap_step WHERE {scope} ORDER BY goal_id, position, id"
    )
    for row in db.execute(steps_sql, params):
        goals[row[1]].steps.append(_step_from_row(row))
    notes_sql = (
        "SELECT id, goal_id, text, step_id, created_at, updated_at FROM roadmap_note "
        f"WHERE {scope} ORDER BY id"
    )
    for id_, goal_id, text, step_id, created, updated in db.execute(notes_sql, params):
        goals[goal_id].notes.append(Note(id_, goal_id, text, step_id, created, updated))
    return list(goals.values())


def list_goals(db: Database) -> list[Goal]:
    """Every goal with its steps (in order) and notes, oldest goal first."""
    return _load_goals(db)


def get_goal(db: Database, goal_id: int) -> Goal:
    """One goal with its steps and notes; UserError if there is none with that id."""
    found = _load_goals(db, "WHERE id = ?", [goal_id])
    if not found:
        raise UserError(f"There is no goal {goal_id} on the roadmap.")
    return found[0]


def goal_skill_key(db: Database, goal_id: int) -> str:
    """The skill key of a goal (what its steps move)."""
    return db.execute("SELECT skill_key FROM roadmap_goal WHERE id = ?", [goal_id]).fetchone()[0]


def goal_skill_keys(db: Database, goal_ids: Iterable[int]) -> dict[int, str]:
    """Goal id -> skill key, of the goals among `goal_ids` that exist."""
    ids = list(goal_ids)
    return dict(
        db.execute(
            f"SELECT id, skill_key FROM roadmap_goal WHERE id IN ({', '.join('?' for _ in ids)})",
            ids,
        )
    )


def get_step(db: Database, step_id: int) -> Step:
    """One step; UserError if there is none with that id."""
    row = db.execute(f"SELECT {_STEP_COLUMNS} FROM roadmap_step WHERE id = ?", [step_id]).fetchone()
    if row is None:
        raise UserError(f"There is no step {step_id} on the roadmap.")
    return _step_from_row(row)


UNCHANGED = object()
"""Marks an update argument that was not given (None means "clear it")."""


@announces_change
def add_goal(
    db: Database,
    skill_key: str,
    skill_name: str,
    target_level: int,
    target_date: date | None = None,
    start_level: int | None = None,
    steps: list[Step] | None = None,
) -> Goal:
    """Add a goal with the suggested steps (or `steps`); returns it as stored.

    `start_level` defaults to the level that counts now for the skill.
    """
    target = checked_level(target_level, "target level")
    if start_level is None:
        start_level = effective_level_of(db, skill_key).level
    start = checked_level(start_level, "start level")
    if target <= start:
        raise UserError(f"{skill_name} is already at L{start}; choose a target level above it.")
    if not skill_name.strip():
        raise UserError("A goal needs the skill's name.")
    stamp = stamps.now_stamp()
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO roadmap_goal (skill_key, skill_name, start_level, target_level, "
            "target_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                skill_key,
                skill_name.strip(),
                start,
                target,
                stamps.date_text(target_date),
                stamp,
                stamp,
            ],
        )
        goal_id = cursor.lastrowid
        for position, step in enumerate(
            steps if steps is not None else suggest_steps(start, target)
        ):
            insert_step(db, goal_id, step, position, stamp)
        record_skill_levels(db, source="goal added", keys={skill_key})
    return get_goal(db, goal_id)


@announces_change
def add_goals(
    db: Database,
    wanted: list[tuple[str, str, int]],
    target_date: date | None = None,
) -> list[Goal]:
    """Goals for several skills at once — (key, name, target level) each, e.g. the top
    priorities of the gap dashboard — in one transaction. Skills that already have a goal, or
    whose level already meets the target, are left out."""
    existing = {row[0] for row in db.execute("SELECT skill_key FROM roadmap_goal")}
    added: list[Goal] = []
    with db.atomic():
        for key, name, target in wanted:
            if key in existing:
                continue
            if effective_level_of(db, key).level >= checked_level(target, "target"):
                continue
            added.append(add_goal(db, key, name, target, target_date))
            existing.add(key)
    return added


def insert_step(db, goal_id: int, step: Step, position: int, stamp: str) -> int:
    """Insert one step row; the caller owns the transaction and the history."""
    cursor = db.execute(
        "INSERT INTO roadmap_step (goal_id, position, title, to_level, state, due_date, note, "
        "suggested, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            goal_id,
            position,
            step.title,
            step.to_level,
            StepState(step.state).value,
            stamps.date_text(step.due_date),
            step.note,
            int(step.suggested),
            stamp,
            stamp,
        ],
    )
    return cursor.lastrowid


@announces_change
def update_goal(
    db: Database,
    goal_id: int,
    *,
    target_level=UNCHANGED,
    target_date=UNCHANGED,
    skill_name=UNCHANGED,
) -> Goal:
    """Change a goal's target level, target date (None clears it) or display name.

    Raising the target adds the suggested steps for the new transitions; lowering it keeps
    every step (nothing the user wrote is dropped), they simply no longer count.
    """
    goal = get_goal(db, goal_id)
    changes: dict[str, object] = {}
    new_steps: list[Step] = []
    if target_level is not UNCHANGED:
        target = checked_level(target_level, "target level")
        if target <= goal.start_level:
            raise UserError(f"The target must be above L{goal.start_level}, where the goal began.")
        covered = {step.to_level for step in goal.steps}
        new_steps = [
            step for step in suggest_steps(goal.start_level, target) if step.to_level not in covered
        ]
        changes["target_level"] = target
    if target_date is not UNCHANGED:
        changes["target_date"] = stamps.date_text(target_date)
    if skill_name is not UNCHANGED:
        if not str(skill_name).strip():
            raise UserError("A goal needs the skill's name.")
        changes["skill_name"] = str(skill_name).strip()
    if not changes:
        return goal
    stamp = stamps.now_stamp()
    changes["updated_at"] = stamp
    assignments = ", ".join(f"{column} = ?" for column in changes)
    with db.atomic():
        db.execute(
            f"UPDATE roadmap_goal SET {assignments} WHERE id = ?", [*changes.values(), goal_id]
        )
        first = max((step.position for step in goal.steps), default=-1) + 1
        for offset, step in enumerate(new_steps):
            insert_step(db, goal_id, step, first + offset, stamp)
        record_skill_levels(db, source="goal changed", keys={goal.skill_key})
    return get_goal(db, goal_id)


@announces_change
def delete_goal(db: Database, goal_id: int) -> Goal:
    """Delete a goal with its steps and notes (evidence stays: it belongs to the skill).

    Returns the goal as it was, which `restore_goal` puts back exactly (the GUI's undo).
    """
    goal = get_goal(db, goal_id)
    with db.atomic():
        db.execute("DELETE FROM roadmap_goal WHERE id = ?", [goal_id])
        record_skill_levels(db, source="goal deleted", keys={goal.skill_key})
    return goal


@announces_change
def restore_goal(db: Database, goal: Goal) -> Goal:
    """Put a deleted goal back with the same ids, steps, notes and timestamps."""
    with db.atomic():
        db.execute(
            "INSERT INTO roadmap_goal (id, skill_key, skill_name, start_level, target_level, "
            "target_date, started_on, review_count, last_review, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                goal.id,
                goal.skill_key,
                goal.skill_name,
                goal.start_level,
                goal.target_level,
                stamps.date_text(goal.target_date),
                stamps.date_text(goal.started_on),
                goal.review_count,
                stamps.date_text(goal.last_review),
                goal.created_at,
                goal.updated_at,
            ],
        )
        for step in goal.steps:
            db.execute(
                "INSERT INTO roadmap_step (id, goal_id, position, title, to_level, state, "
                "due_date, note, suggested, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    step.id,
                    goal.id,
                    step.position,
                    step.title,
                    step.to_level,
                    StepState(step.state).value,
                    stamps.date_text(step.due_date),
                    step.note,
                    int(step.suggested),
                    step.created_at,
                    step.updated_at,
                ],
            )
        for note in goal.notes:
            db.execute(
                "INSERT INTO roadmap_note (id, goal_id, step_id, text, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [note.id, goal.id, note.step_id, note.text, note.created_at, note.updated_at],
            )
        record_skill_levels(db, source="goal restored", keys={goal.skill_key})
    return get_goal(db, goal.id)


@announces_change
def set_started_on(db: Database, goal_id: int, started_on: date | None) -> None:
    """Put back the day a goal counts as started (None: not started), as an undo does when it
    takes back the step change that started the goal."""
    with db.atomic():
        db.execute(
            "UPDATE roadmap_goal SET started_on = ? WHERE id = ?",
            [stamps.date_text(started_on), goal_id],
        )


@announces_change
def mark_reviewed(db: Database, goal_id: int, today: date | None = None) -> Goal:
    """Record a review of the goal's skill today; the next one moves further out."""
    get_goal(db, goal_id)
    db.execute(
        "UPDATE roadmap_goal SET review_count = review_count + 1, last_review = ?, "
        "updated_at = ? WHERE id = ?",
        [stamps.date_text(today or date.today()), stamps.now_stamp(), goal_id],
    )
    return get_goal(db, goal_id)


def due_reviews(db: Database, today: date | None = None) -> list[DueReview]:
    """Goals due for review today or earlier ("due for review" in the app)."""
    return due_for_review(list_goals(db), today or date.today())
