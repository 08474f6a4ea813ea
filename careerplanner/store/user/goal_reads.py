"""Reading the learning roadmap: goals with their steps and notes, evidence, progress history,
and the few profile facts the roadmap needs (read through the profile repository).

Use these through `careerplanner.store.user.goals`, which re-exports them.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

from careerplanner.core.roadmap import (
    Evidence,
    EvidenceKind,
    Goal,
    Note,
    ProgressPoint,
    Step,
    StepState,
    validate_level,
)
from careerplanner.errors import UserError
from careerplanner.store.connection import Database


def now_stamp() -> str:
    """The current time as stored: ISO 8601, UTC, seconds."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _level(value, what: str) -> int:
    """`validate_level` with its sentence raised as a UserError."""
    try:
        return validate_level(value, what)
    except ValueError as error:
        raise UserError(str(error)) from None


def profile_skills(db: Database) -> dict[str, tuple[str, int]]:
    """Skill key -> (display name, level) from the profile; the user's override wins.

    Read through the profile repository (read-only), so the rule of which level counts lives
    in one place.
    """
    from careerplanner.store.user import profile as profile_repo

    return {skill.key: (skill.name, skill.level) for skill in profile_repo.list_skills(db)}


def profile_basics(db: Database) -> tuple[str, str]:
    """The profile's (name, headline), empty when there is no profile yet."""
    if not db["profile"].exists():
        return "", ""
    row = db.execute("SELECT name, headline FROM profile WHERE id = 1").fetchone()
    return (row[0], row[1]) if row else ("", "")


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


def _get_step(db, step_id: int) -> Step:
    row = db.execute(f"SELECT {_STEP_COLUMNS} FROM roadmap_step WHERE id = ?", [step_id]).fetchone()
    if row is None:
        raise UserError(f"There is no step {step_id} on the roadmap.")
    return _step_from_row(row)


_EVIDENCE_COLUMNS = (
    "id, skill_key, skill_name, level, kind, title, url, path, sha256, text, created_at"
)


def _evidence_from_row(row) -> Evidence:
    id_, key, name, level, kind, title, url, path, sha, text, created = row
    return Evidence(id_, key, name, level, EvidenceKind(kind), title, url, path, sha, text, created)


def list_evidence(db: Database, skill_key: str | None = None) -> list[Evidence]:
    """The evidence ledger, or one skill's part of it, oldest first."""
    sql = f"SELECT {_EVIDENCE_COLUMNS} FROM evidence"
    params: list[object] = []
    if skill_key is not None:
        sql += " WHERE skill_key = ?"
        params.append(skill_key)
    return [_evidence_from_row(row) for row in db.execute(sql + " ORDER BY id", params)]


def get_evidence(db: Database, evidence_id: int) -> Evidence:
    row = db.execute(
        f"SELECT {_EVIDENCE_COLUMNS} FROM evidence WHERE id = ?", [evidence_id]
    ).fetchone()
    if row is None:
        raise UserError(f"There is no evidence item {evidence_id}.")
    return _evidence_from_row(row)


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def evidence_file_status(item: Evidence) -> str:
    """For file evidence: "ok", "changed" (checksum differs) or "missing"; "" otherwise."""
    if item.kind is not EvidenceKind.FILE:
        return ""
    try:
        return "ok" if file_sha256(Path(item.path)) == item.sha256 else "changed"
    except OSError:
        return "missing"


def progress_history(db: Database, kind: str | None = None) -> list[ProgressPoint]:
    """The progress history (all of it, or one kind: "skill" or "fit"), oldest first."""
    sql = "SELECT id, at, kind, subject_key, subject_name, value, source FROM progress_history"
    params: list[object] = []
    if kind is not None:
        sql += " WHERE kind = ?"
        params.append(kind)
    return [ProgressPoint(*row) for row in db.execute(sql + " ORDER BY id", params)]
