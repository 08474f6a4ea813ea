"""Reading and writing the learning roadmap: goals, steps, notes, evidence, progress history.

Every function returns core dataclasses; every change of more than one row runs in one
`db.atomic()` block and ends by recording the skill levels that changed in the progress history.
The profile screen calls `effective_level_of(db, skill_key)` (or `all_effective_levels(db)`) to
show the level that counts and why.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path

import sqlite_utils

from careerplanner.core.roadmap import (
    STARTED_STATES,
    EffectiveLevel,
    Evidence,
    EvidenceKind,
    Goal,
    Note,
    ProgressPoint,
    Step,
    StepState,
    effective_levels,
    suggest_steps,
    validate_level,
)
from careerplanner.core.roadmap_review import DueReview, due_for_review
from careerplanner.core.skills import normalise, skill_key
from careerplanner.errors import UserError
from careerplanner.store.roadmap_schema import create_roadmap_tables, has_roadmap_tables

UNCHANGED = object()
"""Marks an update argument that was not given (None means "clear it")."""


def now_stamp() -> str:
    """The current time as stored: ISO 8601, UTC, seconds."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ensure_roadmap_tables(db: sqlite_utils.Database) -> None:
    """Create the roadmap tables if a migration has not (idempotent, one transaction)."""
    if not has_roadmap_tables(db):
        with db.atomic():
            create_roadmap_tables(db)


def _level(value, what: str) -> int:
    """`validate_level` with its sentence raised as a UserError."""
    try:
        return validate_level(value, what)
    except ValueError as error:
        raise UserError(str(error)) from None


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# --- the user's profile levels -------------------------------------------------------------


def profile_skills(db: sqlite_utils.Database) -> dict[str, tuple[str, int]]:
    """Skill key -> (display name, level) from the profile; the user's override wins.

    Read through the profile repository (read-only), so the rule of which level counts lives
    in one place.
    """
    from careerplanner.store import profile_repo

    return {skill.key: (skill.name, skill.level) for skill in profile_repo.list_skills(db)}


# --- goals, steps, notes -------------------------------------------------------------------

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
        target_date=_date(target_date),
        started_on=_date(started),
        review_count=reviews,
        last_review=_date(last),
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
        due_date=_date(due),
        note=note,
        suggested=bool(suggested),
        created_at=created,
        updated_at=updated,
    )


def list_goals(db: sqlite_utils.Database) -> list[Goal]:
    """Every goal with its steps (in order) and notes, oldest goal first."""
    goals = {
        row[0]: _goal_from_row(row)
        for row in db.execute(f"SELECT {_GOAL_COLUMNS} FROM roadmap_goal ORDER BY id")
    }
    steps_sql = f"SELECT {_STEP_COLUMNS} FROM roadmap_step ORDER BY goal_id, position, id"
    for row in db.execute(steps_sql):
        goals[row[1]].steps.append(_step_from_row(row))
    notes_sql = (
        "SELECT id, goal_id, text, step_id, created_at, updated_at FROM roadmap_note ORDER BY id"
    )
    for id_, goal_id, text, step_id, created, updated in db.execute(notes_sql):
        goals[goal_id].notes.append(Note(id_, goal_id, text, step_id, created, updated))
    return list(goals.values())


def get_goal(db: sqlite_utils.Database, goal_id: int) -> Goal:
    """One goal with its steps and notes; UserError if there is none with that id."""
    for goal in list_goals(db):
        if goal.id == goal_id:
            return goal
    raise UserError(f"There is no goal {goal_id} on the roadmap.")


def add_goal(
    db: sqlite_utils.Database,
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
        record_skill_levels(db, source="goal added")
    return get_goal(db, goal_id)


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


def update_goal(
    db: sqlite_utils.Database,
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
        record_skill_levels(db, source="goal changed")
    return get_goal(db, goal_id)


def delete_goal(db: sqlite_utils.Database, goal_id: int) -> None:
    """Delete a goal with its steps and notes (evidence stays: it belongs to the skill)."""
    get_goal(db, goal_id)
    with db.atomic():
        db.execute("DELETE FROM roadmap_goal WHERE id = ?", [goal_id])
        record_skill_levels(db, source="goal deleted")


def _get_step(db, step_id: int) -> Step:
    row = db.execute(f"SELECT {_STEP_COLUMNS} FROM roadmap_step WHERE id = ?", [step_id]).fetchone()
    if row is None:
        raise UserError(f"There is no step {step_id} on the roadmap.")
    return _step_from_row(row)


def add_step(
    db: sqlite_utils.Database,
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
        record_skill_levels(db, source="step added")
    return _get_step(db, step_id)


def update_step(
    db: sqlite_utils.Database,
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
        record_skill_levels(db, source="step changed")
    return _get_step(db, step_id)


def delete_step(db: sqlite_utils.Database, step_id: int) -> None:
    """Delete one step (and its notes)."""
    _get_step(db, step_id)
    with db.atomic():
        db.execute("DELETE FROM roadmap_step WHERE id = ?", [step_id])
        record_skill_levels(db, source="step deleted")


def add_note(
    db: sqlite_utils.Database, goal_id: int, text: str, step_id: int | None = None
) -> Note:
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


def update_note(db: sqlite_utils.Database, note_id: int, text: str) -> None:
    """Replace a note's text."""
    if not text.strip():
        raise UserError("A note can't be empty.")
    cursor = db.execute(
        "UPDATE roadmap_note SET text = ?, updated_at = ? WHERE id = ?",
        [text, now_stamp(), note_id],
    )
    if cursor.rowcount == 0:
        raise UserError(f"There is no note {note_id} on the roadmap.")


def delete_note(db: sqlite_utils.Database, note_id: int) -> None:
    if db.execute("DELETE FROM roadmap_note WHERE id = ?", [note_id]).rowcount == 0:
        raise UserError(f"There is no note {note_id} on the roadmap.")


# --- reviews -------------------------------------------------------------------------------


def mark_reviewed(db: sqlite_utils.Database, goal_id: int, today: date | None = None) -> Goal:
    """Record a review of the goal's skill today; the next one moves further out."""
    get_goal(db, goal_id)
    db.execute(
        "UPDATE roadmap_goal SET review_count = review_count + 1, last_review = ?, "
        "updated_at = ? WHERE id = ?",
        [_iso(today or date.today()), now_stamp(), goal_id],
    )
    return get_goal(db, goal_id)


def due_reviews(db: sqlite_utils.Database, today: date | None = None) -> list[DueReview]:
    """Goals due for review today or earlier ("due for review" in the app)."""
    return due_for_review(list_goals(db), today or date.today())


# --- evidence ------------------------------------------------------------------------------

_EVIDENCE_COLUMNS = (
    "id, skill_key, skill_name, level, kind, title, url, path, sha256, text, created_at"
)


def _evidence_from_row(row) -> Evidence:
    id_, key, name, level, kind, title, url, path, sha, text, created = row
    return Evidence(id_, key, name, level, EvidenceKind(kind), title, url, path, sha, text, created)


def list_evidence(db: sqlite_utils.Database, skill_key: str | None = None) -> list[Evidence]:
    """The evidence ledger, or one skill's part of it, oldest first."""
    sql = f"SELECT {_EVIDENCE_COLUMNS} FROM evidence"
    params: list[object] = []
    if skill_key is not None:
        sql += " WHERE skill_key = ?"
        params.append(skill_key)
    return [_evidence_from_row(row) for row in db.execute(sql + " ORDER BY id", params)]


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def add_evidence(
    db: sqlite_utils.Database,
    skill_key: str,
    skill_name: str,
    level: int,
    *,
    url: str = "",
    path: Path | str | None = None,
    text: str = "",
    title: str = "",
) -> Evidence:
    """Log one item of evidence for a skill at a level: a link (`url`), a local file (`path`,
    whose SHA-256 is kept) or a note (`text`). Exactly one of the three must be given."""
    level = _level(level, "evidence level")
    given = [name for name, value in (("link", url), ("file", path), ("note", text)) if value]
    if len(given) != 1:
        raise UserError("Evidence is one link, one file or one note; give exactly one of them.")
    if level == 0:
        raise UserError("Evidence is logged for a level from L1 to L5.")
    kind = EvidenceKind(given[0])
    sha = ""
    stored_path = ""
    if kind is EvidenceKind.FILE:
        file = Path(path).expanduser()
        try:
            sha = file_sha256(file)
        except FileNotFoundError:
            raise UserError(f"Can't find the evidence file {file}.") from None
        except IsADirectoryError:
            raise UserError(f"{file} is a folder; choose a file as evidence.") from None
        except PermissionError:
            raise UserError(
                f"Can't read the evidence file {file}; check its permissions."
            ) from None
        stored_path = str(file.resolve())
    stamp = now_stamp()
    with db.atomic():
        cursor = db.execute(
            f"INSERT INTO evidence ({_EVIDENCE_COLUMNS.removeprefix('id, ')}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [skill_key, skill_name, level, kind.value, title, url, stored_path, sha, text, stamp],
        )
        evidence_id = cursor.lastrowid
        record_skill_levels(db, source="evidence logged")
    return list_evidence_item(db, evidence_id)


def list_evidence_item(db: sqlite_utils.Database, evidence_id: int) -> Evidence:
    row = db.execute(
        f"SELECT {_EVIDENCE_COLUMNS} FROM evidence WHERE id = ?", [evidence_id]
    ).fetchone()
    if row is None:
        raise UserError(f"There is no evidence item {evidence_id}.")
    return _evidence_from_row(row)


def delete_evidence(db: sqlite_utils.Database, evidence_id: int) -> None:
    list_evidence_item(db, evidence_id)
    with db.atomic():
        db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
        record_skill_levels(db, source="evidence removed")


def evidence_file_status(item: Evidence) -> str:
    """For file evidence: "ok", "changed" (checksum differs) or "missing"; "" otherwise."""
    if item.kind is not EvidenceKind.FILE:
        return ""
    try:
        return "ok" if file_sha256(Path(item.path)) == item.sha256 else "changed"
    except OSError:
        return "missing"


# --- levels that count, and the progress history -------------------------------------------


def all_effective_levels(db: sqlite_utils.Database) -> dict[str, EffectiveLevel]:
    """The level that counts for every skill in the profile or on the roadmap (see core)."""
    profile = {key: level for key, (_name, level) in profile_skills(db).items()}
    return effective_levels(profile, list_goals(db), list_evidence(db))


def effective_level_of(db: sqlite_utils.Database, skill_key: str) -> EffectiveLevel:
    """The level that counts for one skill, with the reason: what the profile screen shows."""
    levels = all_effective_levels(db)
    if skill_key in levels:
        return levels[skill_key]
    return EffectiveLevel(skill_key, 0, 0, 0, 0)


def _skill_names(db) -> dict[str, str]:
    names = {key: name for key, (name, _level) in profile_skills(db).items()}
    for key, name in db.execute("SELECT skill_key, skill_name FROM roadmap_goal"):
        names.setdefault(key, name)
    return names


def _latest_values(db, kind: str) -> dict[str, float]:
    rows = db.execute(
        "SELECT subject_key, value FROM progress_history WHERE id IN "
        "(SELECT max(id) FROM progress_history WHERE kind = ? GROUP BY subject_key)",
        [kind],
    )
    return dict(rows.fetchall())


def record_skill_levels(db: sqlite_utils.Database, source: str) -> int:
    """Append a history point for every skill whose counted level changed; returns how many.

    Call after any change to the profile (resume import, override) as well: roadmap edits call
    it themselves.
    """
    latest = _latest_values(db, "skill")
    names = _skill_names(db)
    stamp = now_stamp()
    changed = [
        (key, item.level)
        for key, item in all_effective_levels(db).items()
        if latest.get(key) != item.level and not (key not in latest and item.level == 0)
    ]
    with db.atomic():
        for key, level in changed:
            db.execute(
                "INSERT INTO progress_history (at, kind, subject_key, subject_name, value, source) "
                "VALUES (?, 'skill', ?, ?, ?, ?)",
                [stamp, key, names.get(key, key), level, source],
            )
    return len(changed)


def record_fit_scores(
    db: sqlite_utils.Database, scores: Mapping[str, tuple[str, float]], source: str
) -> int:
    """Append a point for every target role (code -> (title, fit 0..1)) whose fit changed."""
    latest = _latest_values(db, "fit")
    stamp = now_stamp()
    changed = [
        (code, title, float(fit))
        for code, (title, fit) in sorted(scores.items())
        if latest.get(code) is None or abs(latest[code] - float(fit)) > 1e-9
    ]
    with db.atomic():
        for code, title, fit in changed:
            db.execute(
                "INSERT INTO progress_history (at, kind, subject_key, subject_name, value, source) "
                "VALUES (?, 'fit', ?, ?, ?, ?)",
                [stamp, code, title, fit, source],
            )
    return len(changed)


def progress_history(db: sqlite_utils.Database, kind: str | None = None) -> list[ProgressPoint]:
    """The progress history (all of it, or one kind: "skill" or "fit"), oldest first."""
    sql = "SELECT id, at, kind, subject_key, subject_name, value, source FROM progress_history"
    params: list[object] = []
    if kind is not None:
        sql += " WHERE kind = ?"
        params.append(kind)
    return [ProgressPoint(*row) for row in db.execute(sql + " ORDER BY id", params)]


def current_dataset_keys(market_db: sqlite_utils.Database) -> set[str] | None:
    """Skill keys of the active market datasets, or None when no dataset is installed."""
    from careerplanner.store import market_repo

    terms = market_repo.skill_terms(market_db)
    return {term.key for term in terms} or None


def renamed_skills(
    market_db: sqlite_utils.Database, skill_keys: set[str], active_keys: set[str]
) -> dict[str, str]:
    """Old key -> new display name, for roadmap skills the active dataset lists under a new name."""
    from careerplanner.store import market_repo

    names = {term.key: term.name for term in market_repo.skill_terms(market_db)}
    renames = {}
    for key in sorted(skill_keys - active_keys):
        new_key = market_repo.resolve_skill_key(market_db, key)
        if new_key != key and new_key in names:
            renames[key] = names[new_key]
    return renames


def profile_basics(db: sqlite_utils.Database) -> tuple[str, str]:
    """The profile's (name, headline), empty when there is no profile yet."""
    if not db["profile"].exists():
        return "", ""
    row = db.execute("SELECT name, headline FROM profile WHERE id = 1").fetchone()
    return (row[0], row[1]) if row else ("", "")


def resolve_skill(
    db: sqlite_utils.Database, market_db: sqlite_utils.Database | None, text: str
) -> tuple[str, str]:
    """(skill key, display name) for a skill the user typed.

    Looked up, in order, as a key or name in the profile, on the roadmap, then in the active
    dataset (names before aliases); anything else becomes a custom skill of the user's own.
    """
    text = text.strip()
    if not text:
        raise UserError("Name a skill, for example “SQL”.")
    wanted = normalise(text)
    known = {key: name for key, (name, _level) in profile_skills(db).items()}
    for key, name in db.execute("SELECT skill_key, skill_name FROM roadmap_goal ORDER BY id"):
        known.setdefault(key, name)
    if text in known:
        return text, known[text]
    for key, name in known.items():
        if normalise(name) == wanted:
            return key, name
    if market_db is not None:
        from careerplanner.store import market_repo

        terms = market_repo.skill_terms(market_db)
        for term in terms:
            if term.key == text or normalise(term.name) == wanted:
                return term.key, term.name
        for term in terms:
            if any(normalise(alias) == wanted for alias in term.aliases):
                return term.key, term.name
    if ":" in text:
        return text, text.split(":", 1)[1]
    return skill_key("custom", text), text
