"""The evidence ledger: links, files and notes that prove a skill at a level.

A level reached on the roadmap counts in the profile only up to the highest level with evidence
(see `careerplanner.store.user.levels`), so every change here records the skill levels it moved
in the progress history, in the same transaction.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from careerplanner.core.roadmap import Evidence, EvidenceKind
from careerplanner.errors import UserError
from careerplanner.store import stamps
from careerplanner.store.connection import Database
from careerplanner.store.user.changes import announces_change
from careerplanner.store.user.levels import checked_level
from careerplanner.store.user.progress import record_skill_levels

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


def _checked_file(path: Path | str) -> tuple[str, str]:
    """(resolved path, SHA-256) of an evidence file, or a UserError saying why it can't be read."""
    file = Path(path).expanduser()
    try:
        sha = file_sha256(file)
    except FileNotFoundError:
        raise UserError(f"Can't find the evidence file {file}.") from None
    except IsADirectoryError:
        raise UserError(f"{file} is a folder; choose a file as evidence.") from None
    except PermissionError:
        raise UserError(f"Can't read the evidence file {file}; check its permissions.") from None
    return str(file.resolve()), sha


@announces_change
def add_evidence(
    db: Database,
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
    level = checked_level(level, "evidence level")
    given = [name for name, value in (("link", url), ("file", path), ("note", text)) if value]
    if len(given) != 1:
        raise UserError("Evidence is one link, one file or one note; give exactly one of them.")
    if level == 0:
        raise UserError("Evidence is logged for a level from L1 to L5.")
    kind = EvidenceKind(given[0])
    stored_path, sha = _checked_file(path) if kind is EvidenceKind.FILE else ("", "")
    stamp = stamps.now_stamp()
    with db.atomic():
        cursor = db.execute(
            f"INSERT INTO evidence ({_EVIDENCE_COLUMNS.removeprefix('id, ')}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [skill_key, skill_name, level, kind.value, title, url, stored_path, sha, text, stamp],
        )
        evidence_id = cursor.lastrowid
        record_skill_levels(db, source="evidence logged", keys={skill_key})
    return get_evidence(db, evidence_id)


@announces_change
def delete_evidence(db: Database, evidence_id: int) -> Evidence:
    """Delete one evidence item; returns it as it was (for `restore_evidence`, the undo)."""
    item = get_evidence(db, evidence_id)
    with db.atomic():
        db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
        record_skill_levels(db, source="evidence removed", keys={item.skill_key})
    return item


@announces_change
def restore_evidence(db: Database, item: Evidence) -> Evidence:
    """Put a deleted evidence item back exactly (same id, checksum and timestamp)."""
    with db.atomic():
        db.execute(
            f"INSERT INTO evidence ({_EVIDENCE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                item.id,
                item.skill_key,
                item.skill_name,
                item.level,
                EvidenceKind(item.kind).value,
                item.title,
                item.url,
                item.path,
                item.sha256,
                item.text,
                item.created_at,
            ],
        )
        record_skill_levels(db, source="evidence restored", keys={item.skill_key})
    return get_evidence(db, item.id)
