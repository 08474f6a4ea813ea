"""Writing the learning roadmap: goals, steps, notes, reviews and evidence.

Every function returns core dataclasses; every change of more than one row runs in one
`db.atomic()` block and ends by recording the skill levels that changed in the progress history.
This module is the roadmap's one entry point: it re-exports the reading functions of
`roadmap_read` and the level and history functions of `roadmap_levels`. The profile screen calls
`effective_level_of(db, skill_key)` (or `all_effective_levels(db)`) to show the level that counts
and why.
"""

from __future__ import annotations

from datetime import date

from careerplanner.core.roadmap import (
    STARTED_STATES,
    Goal,
    Note,
    Step,
    StepState,
    suggest_steps,
)
from careerplanner.core.roadmap_review import DueReview, due_for_review
from careerplanner.errors import UserError
from careerplanner.services.plain_copy import keeps_plain_copy
from careerplanner.store.connection import Database
from careerplanner.store.user.evidence import (
    _goal_key,
    add_evidence,
    all_effective_levels,
    current_dataset_keys,
    delete_evidence,
    effective_level_of,
    record_fit_scores,
    record_skill_levels,
    renamed_skills,
    resolve_skill,
    restore_evidence,
)
from careerplanner.store.user.goal_reads import (
    _get_step,
    _iso,
    _level,
    evidence_file_status,
    file_sha256,
    get_evidence,
    get_goal,
    list_evidence,
    list_goals,
    now_stamp,
    profile_basics,
    profile_skills,
    progress_history,
)
from careerplanner.store.user.roadmap_schema import create_roadmap_tables, has_roadmap_tables

__all__ = [
    "UNCHANGED",
    "add_evidence",
    "add_goal",
    "add_goals",
    "add_note",
    "add_step",
    "all_effective_levels",
    "current_dataset_keys",
    "delete_evidence",
    "delete_goal",
    "delete_note",
    "delete_step",
    "due_reviews",
    "effective_level_of",
    "ensure_roadmap_tables",
    "evidence_file_status",
    "file_sha256",
    "get_evidence",
    "get_goal",
    "list_evidence",
    "list_goals",
    "mark_reviewed",
    "now_stamp",
    "profile_basics",
    "profile_skills",
    "progress_history",
    "record_fit_scores",
    "record_skill_levels",
    "renamed_skills",
    "resolve_skill",
    "restore_evidence",
    "restore_goal",
    "update_goal",
    "update_note",
    "update_step",
]


UNCHANGED = object()
"""Marks an update argument that was not given (None means "clear it")."""


def ensure_roadmap_tables(db: Database) -> None:
    """Create the roadmap tables if a migration has not (idempotent, one transaction)."""
    if not has_roadmap_tables(db):
        with db.atomic():
            create_roadmap_tables(db)


@keeps_plain_copy
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
    target = _level(target_level, "target level")
    if start_level is None:
        start_level = effective_level_of(db, skill_key).level
    start = _level(start_level, "start level")
    if target <= start:
        raise UserError(f"{skill_name} is already at L{start}; choose a target level above it.")
    if not skill_name.strip():
        raise UserError("A goal needs the skill's name.")
    stamp = now_stamp()
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO roadmap_goal (skill_key, skill_name, start_level, target_level, "
            "target_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [skill_key, skill_name.strip(), start, target, _iso(target_date), stamp, stamp],
        )
        goal_id = cursor.lastrowid
        for position, step in enumerate(
            steps if steps is not None else suggest_steps(start, target)
        ):
            _insert_step(db, goal_id, step, position, stamp)
        record_skill_levels(db, source="goal added", keys={skill_key})
    return get_goal(db, goal_id)


@keeps_plain_copy
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
            if key in existing or effective_level_of(db, key).level >= _level(target, "target"):
                continue
            added.append(add_goal(db, key, name, target, target_date))
            existing.add(key)
    return added


def _insert_step(db, goal_id: int, step: Step, position: int, stamp: str) -> int:
    cursor = db.execute(
        "INSERT INTO roadmap_step (goal_id, position, title, to_level, state, due_date, note, "
        "suggested, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            goal_id,
            position,
            step.title,
            step.to_level,
            StepState(step.state).value,
            _iso(step.due_date),
            step.note,
            int(step.suggested),
            stamp,
            stamp,
        ],
    )
    return cursor.lastrowid


@keeps_plain_copy
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
        target = _level(target_level, "target level")
        if target <= goal.start_level:
            raise UserError(f"The target must be above L{goal.start_level}, where the goal began.")
        covered = {step.to_level for step in goal.steps}
        new_steps = [
            step for step in suggest_steps(goal.start_level, target) if step.to_level not in covered
        ]
        changes["target_level"] = target
    if target_date is not UNCHANGED:
        changes["target_date"] = _iso(target_date)
    if skill_name is not UNCHANGED:
        if not str(skill_name).strip():
            raise UserError("A goal needs the skill's name.")
        changes["skill_name"] = str(skill_name).strip()
    if not changes:
        return goal
    stamp = now_stamp()
    changes["updated_at"] = stamp
    assignments = ", ".join(f"{column} = ?" for column in changes)
    with db.atomic():
        db.execute(
            f"UPDATE roadmap_goal SET {assignments} WHERE id = ?", [*changes.values(), goal_id]
        )
        first = max((step.position for step in goal.steps), default=-1) + 1
        for offset, step in enumerate(new_steps):
            _insert_step(db, goal_id, step, first + offset, stamp)
        record_skill_levels(db, source="goal changed", keys={goal.skill_key})
    return get_goal(db, goal_id)


@keeps_plain_copy
def delete_goal(db: Database, goal_id: int) -> Goal:
    """Delete a goal with its steps and notes (evidence stays: it belongs to the skill).

    Returns the goal as it was, which `restore_goal` puts back exactly (the GUI's undo).
    """
    goal = get_goal(db, goal_id)
    with db.atomic():
        db.execute("DELETE FROM roadmap_goal WHERE id = ?", [goal_id])
        record_skill_levels(db, source="goal deleted", keys={goal.skill_key})
    return goal


@keeps_plain_copy
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
                _iso(goal.target_date),
                _iso(goal.started_on),
                goal.review_count,
                _iso(goal.last_review),
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
                    _iso(step.due_date),
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


@keeps_plain_copy
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
    level = goal.target_level if to_level is None else _level(to_level, "step level")
    if not goal.start_level < level <= goal.target_level:
        raise UserError(
            f"A step of this goal leads to a level from L{goal.start_level + 1} "
            f"to L{goal.target_level}, not L{level}."
        )
    step = Step(None, goal_id, title.strip(), level, due_date=due_date, note=note)
    position = max((s.position for s in goal.steps), default=-1) + 1
    with db.atomic():
        step_id = _insert_step(db, goal_id, step, position, now_stamp())
        record_skill_levels(db, source="step added", keys={goal.skill_key})
    return _get_step(db, step_id)


@keeps_plain_copy
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
    step = _get_step(db, step_id)
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
        changes["due_date"] = _iso(due_date)
    if note is not UNCHANGED:
        changes["note"] = str(note)
    if not changes:
        return step
    stamp = now_stamp()
    changes["updated_at"] = stamp
    assignments = ", ".join(f"{column} = ?" for column in changes)
    with db.atomic():
        db.execute(
            f"UPDATE roadmap_step SET {assignments} WHERE id = ?", [*changes.values(), step_id]
        )
        if changes.get("state") in STARTED_STATES:
            db.execute(
                "UPDATE roadmap_goal SET started_on = ? WHERE id = ? AND started_on IS NULL",
                [_iso(today or date.today()), step.goal_id],
            )
        record_skill_levels(db, source="step changed", keys={_goal_key(db, step.goal_id)})
    return _get_step(db, step_id)


@keeps_plain_copy
def set_started_on(db: Database, goal_id: int, started_on: date | None) -> None:
    """Put back the day a goal counts as started (None: not started), as an undo does when it
    takes back the step change that started the goal."""
    with db.atomic():
        db.execute(
            "UPDATE roadmap_goal SET started_on = ? WHERE id = ?", [_iso(started_on), goal_id]
        )


@keeps_plain_copy
def delete_step(db: Database, step_id: int) -> None:
    """Delete one step (and its notes)."""
    step = _get_step(db, step_id)
    with db.atomic():
        db.execute("DELETE FROM roadmap_step WHERE id = ?", [step_id])
        record_skill_levels(db, source="step deleted", keys={_goal_key(db, step.goal_id)})


@keeps_plain_copy
def add_note(db: Database, goal_id: int, text: str, step_id: int | None = None) -> Note:
    """Attach a note to a goal, or to one of its steps."""
    goal = get_goal(db, goal_id)
    if not text.strip():
        raise UserError("A note can't be empty.")
    if step_id is not None and step_id not in {step.id for step in goal.steps}:
        raise UserError(f"Step {step_id} is not part of goal {goal_id}.")
    stamp = now_stamp()
    cursor = db.execute(
        "INSERT INTO roadmap_note (goal_id, step_id, text, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [goal_id, step_id, text, stamp, stamp],
    )
    return Note(cursor.lastrowid, goal_id, text, step_id, stamp, stamp)


@keeps_plain_copy
def update_note(db: Database, note_id: int, text: str) -> None:
    """Replace a note's text."""
    if not text.strip():
        raise UserError("A note can't be empty.")
    cursor = db.execute(
        "UPDATE roadmap_note SET text = ?, updated_at = ? WHERE id = ?",
        [text, now_stamp(), note_id],
    )
    if cursor.rowcount == 0:
        raise UserError(f"There is no note {note_id} on the roadmap.")


@keeps_plain_copy
def delete_note(db: Database, note_id: int) -> None:
    if db.execute("DELETE FROM roadmap_note WHERE id = ?", [note_id]).rowcount == 0:
        raise UserError(f"There is no note {note_id} on the roadmap.")


@keeps_plain_copy
def mark_reviewed(db: Database, goal_id: int, today: date | None = None) -> Goal:
    """Record a review of the goal's skill today; the next one moves further out."""
    get_goal(db, goal_id)
    db.execute(
        "UPDATE roadmap_goal SET review_count = review_count + 1, last_review = ?, "
        "updated_at = ? WHERE id = ?",
        [_iso(today or date.today()), now_stamp(), goal_id],
    )
    return get_goal(db, goal_id)


def due_reviews(db: Database, today: date | None = None) -> list[DueReview]:
    """Goals due for review today or earlier ("due for review" in the app)."""
    return due_for_review(list_goals(db), today or date.today())
