"""The user's skills: resume imports, inferred levels, overrides and the history of each change.

A resume import is keyed by the file's SHA-256, so importing the same file again changes nothing.
A newer resume updates the inferred level of each skill it finds and never touches an override;
every level that changes (inferred or overridden) gets a row in `skill_history`. Each import is
one transaction: a failure leaves the database exactly as it was. `profile_skills` is the one
place that says which of a skill's levels counts in the profile (the override wins).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from careerplanner.core.levels import Level
from careerplanner.core.skills import FoundSkill, normalise
from careerplanner.errors import UserError
from careerplanner.store import stamps
from careerplanner.store.connection import Database
from careerplanner.store.user.changes import announces_change


@dataclass(frozen=True)
class UserSkill:
    key: str
    name: str
    inferred_level: int
    override_level: int | None
    override_reason: str | None
    evidence: list[dict]
    in_taxonomy: bool
    added_reason: str | None = None  # set when the user added the skill the reader missed

    @property
    def level(self) -> int:
        """The level that counts: the user's override when set, else the inferred one."""
        return self.override_level if self.override_level is not None else self.inferred_level


@dataclass(frozen=True)
class ImportResult:
    import_id: int
    already_imported: bool
    added: int = 0
    changed: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    level: int
    source: str
    note: str


def store_resume_import(
    db: Database,
    *,
    sha256: str,
    file_name: str,
    file_format: str,
    parsed: dict,
    skills: Iterable[FoundSkill],
    now: str | None = None,
) -> ImportResult:
    """Record a parsed resume and fold its skills into the profile (one transaction)."""
    existing = db.execute("SELECT id FROM resume_import WHERE sha256 = ?", [sha256]).fetchone()
    if existing is not None:
        return ImportResult(existing[0], already_imported=True)
    now = now or stamps.now_stamp()
    added = changed = unchanged = 0
    rejected = rejected_keys(db)  # the user said "not a skill": a re-import never brings it back
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO resume_import (sha256, file_name, format, imported_at, parsed_json) "
            "VALUES (?, ?, ?, ?, ?)",
            [sha256, file_name, file_format, now, json.dumps(parsed, ensure_ascii=False)],
        )
        import_id = cursor.lastrowid
        for skill in skills:
            if skill.key in rejected:
                continue
            evidence = json.dumps(
                [
                    {"text": e.text, "section": e.section, "reason": e.reason}
                    for e in skill.evidence
                ],
                ensure_ascii=False,
            )
            row = db.execute(
                "SELECT inferred_level FROM user_skill WHERE skill_key = ?", [skill.key]
            ).fetchone()
            if row is None:
                added += 1
                db.execute(
                    "INSERT INTO user_skill (skill_key, name, inferred_level, evidence_json, "
                    "in_taxonomy, resume_import_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        skill.key,
                        skill.name,
                        skill.level,
                        evidence,
                        int(skill.in_taxonomy),
                        import_id,
                        now,
                    ],
                )
                _history(db, skill.key, now, skill.level, "resume", f"found in {file_name}")
                continue
            db.execute(
                "UPDATE user_skill SET name = ?, inferred_level = ?, evidence_json = ?, "
                "in_taxonomy = ?, resume_import_id = ?, updated_at = ? WHERE skill_key = ?",
                [
                    skill.name,
                    skill.level,
                    evidence,
                    int(skill.in_taxonomy),
                    import_id,
                    now,
                    skill.key,
                ],
            )
            if row[0] != skill.level:
                changed += 1
                _history(
                    db,
                    skill.key,
                    now,
                    skill.level,
                    "resume",
                    f"L{row[0]} → L{skill.level} from {file_name}",
                )
            else:
                unchanged += 1
    return ImportResult(import_id, False, added, changed, unchanged)


def _history(db, key: str, at: str, level: int, source: str, note: str) -> None:
    db.execute(
        "INSERT INTO skill_history (skill_key, at, level, source, note) VALUES (?, ?, ?, ?, ?)",
        [key, at, level, source, note],
    )


def list_skills(db: Database) -> list[UserSkill]:
    """Every skill in the profile, strongest first."""
    rows = db.execute(
        "SELECT skill_key, name, inferred_level, override_level, override_reason, "
        "evidence_json, in_taxonomy, added_reason FROM user_skill"
    ).fetchall()
    skills = [
        UserSkill(r[0], r[1], r[2], r[3], r[4], json.loads(r[5] or "[]"), bool(r[6]), r[7])
        for r in rows
    ]
    skills.sort(key=lambda s: (-s.level, s.name.casefold()))
    return skills


def profile_skills(db: Database) -> dict[str, tuple[str, int]]:
    """Skill key -> (display name, level that counts) for every profile skill, strongest first."""
    return {skill.key: (skill.name, skill.level) for skill in list_skills(db)}


def counted_levels(db: Database) -> dict[str, tuple[str, int]]:
    """Skill key -> (display name, level that counts: the override, else the inferred level),
    read in one narrow query (the gap recompute calls this after every change)."""
    rows = db.execute(
        "SELECT skill_key, name, coalesce(override_level, inferred_level) FROM user_skill"
    ).fetchall()
    return {key: (name, int(level)) for key, name, level in rows}


def profile_basics(db: Database) -> tuple[str, str]:
    """The profile's (name, headline), empty when there is no profile yet."""
    row = db.execute("SELECT name, headline FROM profile WHERE id = 1").fetchone()
    return (row[0], row[1]) if row else ("", "")


def find_skill(db: Database, name_or_key: str) -> UserSkill:
    """The profile skill named (or keyed) `name_or_key`, or a UserError saying it is not there."""
    wanted = normalise(name_or_key)
    for skill in list_skills(db):
        # Keys are compared as written: O*NET element ids ("onet:2.B.3.e") are case-sensitive.
        if name_or_key.strip() == skill.key or wanted == normalise(skill.name):
            return skill
    raise UserError(
        f"There is no skill called {name_or_key!r} in your profile; run "
        "'careerplanner resume skills' to see the names."
    )


@announces_change
def set_override(
    db: Database,
    name_or_key: str,
    level: int | str,
    reason: str,
    now: str | None = None,
) -> UserSkill:
    """Set the user's own level for a skill, with the reason, and record it in the history."""
    try:
        parsed = Level.parse(level)
    except ValueError:
        raise UserError(f"{level!r} is not a level; use L0 to L5.") from None
    if not reason.strip():
        raise UserError("Give a reason for the override (for example, what you have done since).")
    skill = find_skill(db, name_or_key)
    now = now or stamps.now_stamp()
    with db.atomic():
        db.execute(
            "UPDATE user_skill SET override_level = ?, override_reason = ?, updated_at = ? "
            "WHERE skill_key = ?",
            [int(parsed), reason.strip(), now, skill.key],
        )
        _history(db, skill.key, now, int(parsed), "override", reason.strip())
    return find_skill(db, skill.key)


@announces_change
def set_own_level(
    db: Database, key: str, name: str, level: int, reason: str, now: str | None = None
) -> None:
    """The user's own level for a requirement keyed `key`, e.g. an O*NET rating a resume never
    names: a skill already in the profile gets an override (with history); one not yet there is
    added with inferred level L0 and the override, in one transaction. Unlike `set_override`,
    the key is matched exactly (O*NET element ids such as "onet:2.B.3.e" are case-sensitive)."""
    now = now or stamps.now_stamp()
    with db.atomic():
        db.execute(
            "INSERT OR IGNORE INTO user_skill (skill_key, name, inferred_level, evidence_json, "
            "in_taxonomy, updated_at) VALUES (?, ?, 0, '[]', 1, ?)",
            [key, name, now],
        )
        db.execute(
            "UPDATE user_skill SET override_level = ?, override_reason = ?, updated_at = ? "
            "WHERE skill_key = ?",
            [level, reason, now, key],
        )
        _history(db, key, now, level, "override", reason)


@announces_change
def clear_override(db: Database, name_or_key: str, now: str | None = None) -> UserSkill:
    """Go back to the inferred level; the history records it."""
    skill = find_skill(db, name_or_key)
    now = now or stamps.now_stamp()
    with db.atomic():
        db.execute(
            "UPDATE user_skill SET override_level = NULL, override_reason = NULL, updated_at = ? "
            "WHERE skill_key = ?",
            [now, skill.key],
        )
        _history(db, skill.key, now, skill.inferred_level, "override cleared", "")
    return find_skill(db, skill.key)


def skill_history(db: Database, key: str) -> list[HistoryEntry]:
    """Every recorded level of a skill, oldest first."""
    rows = db.execute(
        "SELECT at, level, source, note FROM skill_history WHERE skill_key = ? ORDER BY at, id",
        [key],
    ).fetchall()
    return [HistoryEntry(*row) for row in rows]


def resume_imports(db: Database) -> list[tuple[int, str, str, str]]:
    """(id, file name, format, imported at) of every import, newest first."""
    return db.execute(
        "SELECT id, file_name, format, imported_at FROM resume_import ORDER BY id DESC"
    ).fetchall()


# --- The user's corrections to the reader: a skill it missed, a "skill" that is not one -------


class RejectedSkill(NamedTuple):
    key: str
    name: str
    reason: str
    rejected_at: str


def rejected_keys(db: Database) -> set[str]:
    return {key for (key,) in db.execute("SELECT skill_key FROM skill_rejection").fetchall()}


def rejected_skills(db: Database) -> list[RejectedSkill]:
    """What the user marked "not a skill", newest first."""
    rows = db.execute(
        "SELECT skill_key, name, reason, rejected_at FROM skill_rejection "
        "ORDER BY rejected_at DESC, name"
    ).fetchall()
    return [RejectedSkill(*row) for row in rows]


@announces_change
def add_skill(
    db: Database,
    key: str,
    name: str,
    level: int | str,
    reason: str,
    in_taxonomy: bool = True,
    now: str | None = None,
) -> UserSkill:
    """Add a skill the reader missed, at the user's level (an override, so re-imports keep it).

    A skill already in the profile is refused (its level is changed with an override); one the
    user had marked "not a skill" is taken back off that list.
    """
    parsed = _checked_level(level)
    if not name.strip():
        raise UserError("Give the skill's name.")
    if not reason.strip():
        raise UserError("Give a reason (for example, where you used the skill).")
    existing = db.execute("SELECT name FROM user_skill WHERE skill_key = ?", [key]).fetchone()
    if existing is not None:
        raise UserError(
            f"{existing[0]} is already in your profile; change its level with "
            "'careerplanner resume override'."
        )
    now = now or stamps.now_stamp()
    with db.atomic():
        db.execute("DELETE FROM skill_rejection WHERE skill_key = ?", [key])
        db.execute(
            "INSERT INTO user_skill (skill_key, name, inferred_level, evidence_json, in_taxonomy, "
            "override_level, override_reason, added_reason, updated_at) "
            "VALUES (?, ?, 0, '[]', ?, ?, ?, ?, ?)",
            [key, name.strip(), int(in_taxonomy), parsed, reason.strip(), reason.strip(), now],
        )
        _history(db, key, now, parsed, "added by you", reason.strip())
    return find_skill(db, key)


@announces_change
def reject_skill(db: Database, name_or_key: str, reason: str, now: str | None = None) -> str:
    """Mark a found skill "not a skill": it leaves the profile, and re-imports keep it out.
    Returns the skill's name."""
    if not reason.strip():
        raise UserError('Give a reason (for example, "an employer\'s name, not a skill").')
    skill = find_skill(db, name_or_key)
    now = now or stamps.now_stamp()
    with db.atomic():
        db.execute(
            "INSERT OR REPLACE INTO skill_rejection (skill_key, name, reason, rejected_at) "
            "VALUES (?, ?, ?, ?)",
            [skill.key, skill.name, reason.strip(), now],
        )
        db.execute("DELETE FROM user_skill WHERE skill_key = ?", [skill.key])
        _history(db, skill.key, now, 0, "not a skill", reason.strip())
    return skill.name


@announces_change
def unreject_skill(db: Database, name_or_key: str, now: str | None = None) -> str:
    """Take a skill off the "not a skill" list (the next import of a resume naming it adds it)."""
    wanted = normalise(name_or_key)
    for rejected in rejected_skills(db):
        if name_or_key.strip() == rejected.key or wanted == normalise(rejected.name):
            now = now or stamps.now_stamp()
            with db.atomic():
                db.execute("DELETE FROM skill_rejection WHERE skill_key = ?", [rejected.key])
                _history(db, rejected.key, now, 0, "a skill again", "")
            return rejected.name
    raise UserError(f"{name_or_key!r} is not on your list of things that are not skills.")


def _checked_level(level: int | str) -> int:
    try:
        return int(Level.parse(level))
    except ValueError:
        raise UserError(f"{level!r} is not a level; use L0 to L5.") from None
