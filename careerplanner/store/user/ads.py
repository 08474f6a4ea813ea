"""The user's job ads: the ad's text and fields, the reader's requirements, the user's fixes,
tags and the status tracker with the date of each change.

An ad is added in ONE transaction with its requirements, tags and first status, so a crash or a
kill leaves either the whole ad or nothing. The reader's requirements are replaced when the ad
is read again; the fixes (`job_ad_fix`) are kept apart and never touched by a re-read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from careerplanner.errors import UserError
from careerplanner.store import stamps
from careerplanner.store.connection import Database
from careerplanner.store.user.changes import announces_change

STATUSES = ("saved", "applied", "interviewing", "offer", "rejected", "withdrawn")
FIX_ACTIONS = ("remove", "add", "set")


class NewAd(NamedTuple):
    sha256: str
    text: str
    source_format: str
    source_name: str = ""
    title: str = ""
    company: str = ""
    location: str = ""
    link: str = ""
    salary_text: str = ""
    salary_annual: float | None = None
    salary_currency: str = ""
    salary_period: str = ""
    seen_on: str | None = None
    read_with: str = ""
    notes: tuple[str, ...] = ()


class StoredRequirement(NamedTuple):
    skill_key: str
    skill_name: str
    level: int
    required: str  # must | nice
    aliases: tuple[str, ...] = ()
    evidence: tuple[tuple[str, str], ...] = ()  # (sentence, reason)


class RequirementFix(NamedTuple):
    skill_key: str
    skill_name: str
    action: str  # remove | add | set
    level: int | None
    required: str | None
    fixed_at: str = ""


class AdRow(NamedTuple):
    id: int
    title: str
    company: str
    location: str
    link: str
    salary_text: str
    salary_annual: float | None
    salary_currency: str
    salary_period: str
    seen_on: str | None
    source_name: str
    source_format: str
    status: str
    read_with: str
    added_at: str
    updated_at: str


_AD_COLUMNS = (
    "id, title, company, location, link, salary_text, salary_annual, salary_currency, "
    "salary_period, seen_on, source_name, source_format, status, read_with, added_at, updated_at"
)


def ad_with_digest(db: Database, sha256: str) -> int | None:
    """The id of the ad whose text has this digest, or None."""
    row = db.execute("SELECT id FROM job_ad WHERE sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


@announces_change
def insert_ad(
    db: Database,
    ad: NewAd,
    requirements: Iterable[StoredRequirement],
    tags: Iterable[str] = (),
    now: str | None = None,
) -> int:
    """Store one ad whole (fields, requirements, tags, first status) in one transaction."""
    now = now or stamps.now_stamp()
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO job_ad (sha256, title, company, location, link, salary_text, "
            "salary_annual, salary_currency, salary_period, seen_on, source_name, source_format, "
            "text, read_with, notes_json, added_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                ad.sha256,
                ad.title,
                ad.company,
                ad.location,
                ad.link,
                ad.salary_text,
                ad.salary_annual,
                ad.salary_currency,
                ad.salary_period,
                ad.seen_on,
                ad.source_name,
                ad.source_format,
                ad.text,
                ad.read_with,
                json.dumps(list(ad.notes), ensure_ascii=False),
                now,
                now,
            ],
        )
        ad_id = cursor.lastrowid
        _insert_requirements(db, ad_id, requirements)
        _insert_tags(db, ad_id, tags)
        db.execute(
            "INSERT INTO job_ad_status (ad_id, status, at) VALUES (?, 'saved', ?)", [ad_id, now]
        )
    return ad_id


def _insert_requirements(db: Database, ad_id: int, requirements) -> None:
    for req in requirements:
        db.execute(
            "INSERT INTO job_ad_requirement (ad_id, skill_key, skill_name, level, required, "
            "aliases_json, evidence_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                ad_id,
                req.skill_key,
                req.skill_name,
                req.level,
                req.required,
                json.dumps(list(req.aliases), ensure_ascii=False),
                json.dumps([list(e) for e in req.evidence], ensure_ascii=False),
            ],
        )


def _insert_tags(db: Database, ad_id: int, tags: Iterable[str]) -> None:
    for tag in tags:
        db.execute("INSERT OR IGNORE INTO job_ad_tag (ad_id, tag) VALUES (?, ?)", [ad_id, tag])


def ad_rows(
    db: Database,
    *,
    tag: str | None = None,
    status: str | None = None,
    ids: Sequence[int] | None = None,
) -> list[AdRow]:
    """The ads (without their text), newest first, filtered by tag, status and ids."""
    where, parameters = [], []
    if tag is not None:
        where.append("id IN (SELECT ad_id FROM job_ad_tag WHERE tag = ?)")
        parameters.append(tag)
    if status is not None:
        where.append("status = ?")
        parameters.append(status)
    if ids is not None:
        where.append(f"id IN ({','.join('?' * len(ids))})" if ids else "0")
        parameters.extend(int(i) for i in ids)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = db.execute(
        f"SELECT {_AD_COLUMNS} FROM job_ad{clause} ORDER BY id DESC", parameters
    ).fetchall()
    return [AdRow(*row) for row in rows]


def ad_row(db: Database, ad_id: int) -> AdRow:
    row = db.execute(f"SELECT {_AD_COLUMNS} FROM job_ad WHERE id = ?", [ad_id]).fetchone()
    if row is None:
        raise UserError(f"There is no ad #{ad_id} in your ads.")
    return AdRow(*row)


def ad_text(db: Database, ad_id: int) -> tuple[str, tuple[str, ...]]:
    """The ad's text and the notes from reading it."""
    row = db.execute("SELECT text, notes_json FROM job_ad WHERE id = ?", [ad_id]).fetchone()
    if row is None:
        raise UserError(f"There is no ad #{ad_id} in your ads.")
    return row[0], tuple(json.loads(row[1]))


def ad_texts(db: Database) -> list[tuple[int, str, str]]:
    """(id, text, read_with) of every ad, oldest first: what a re-read goes through."""
    return db.execute("SELECT id, text, read_with FROM job_ad ORDER BY id").fetchall()


def read_with_counts(db: Database) -> dict[str, int]:
    """How many ads were read with each dataset label."""
    return dict(db.execute("SELECT read_with, count(*) FROM job_ad GROUP BY read_with").fetchall())


def _in_ids(column: str, ids: Sequence[int] | None) -> tuple[str, list]:
    if ids is None:
        return "", []
    return f" WHERE {column} IN ({','.join('?' * len(ids)) or 'NULL'})", [int(i) for i in ids]


def requirements_by_ad(
    db: Database, ids: Sequence[int] | None = None, full: bool = False
) -> dict[int, list[StoredRequirement]]:
    """The reader's requirements of each ad (all ads when `ids` is None). Without `full` the
    words and evidence are left out (a list of 500 ads needs only skill, level and must/nice)."""
    clause, parameters = _in_ids("ad_id", ids)
    extra = ", aliases_json, evidence_json" if full else ""
    found: dict[int, list[StoredRequirement]] = {}
    for row in db.execute(
        f"SELECT ad_id, skill_key, skill_name, level, required{extra} FROM job_ad_requirement"
        f"{clause} ORDER BY ad_id, skill_key",
        parameters,
    ):
        if full:
            aliases = tuple(json.loads(row[5]))
            evidence = tuple(tuple(item) for item in json.loads(row[6]))
            req = StoredRequirement(row[1], row[2], row[3], row[4], aliases, evidence)
        else:
            req = StoredRequirement(row[1], row[2], row[3], row[4])
        found.setdefault(row[0], []).append(req)
    return found


def requirements_version(db: Database) -> tuple:
    """A value that changes whenever any ad's requirements or fixes do (an ad added, removed,
    read again or fixed), and not with a status or a tag: ids are never reused (AUTOINCREMENT),
    so an addition moves the sequence, a removal lowers the count, and every other change of
    requirements or fixes raises an ad's `revision`."""
    return db.execute(
        "SELECT count(*), total(revision), "
        "(SELECT seq FROM sqlite_sequence WHERE name = 'job_ad') FROM job_ad"
    ).fetchone()


def requirement_rows(db: Database) -> list[tuple[int, str, str, int, str]]:
    """(ad id, skill key, name, level, must|nice) of every ad: the whole collection in one read,
    as plain tuples (a list of 500 ads with their fits reads ~6,000 of them)."""
    return db.execute(
        "SELECT ad_id, skill_key, skill_name, level, required FROM job_ad_requirement"
    ).fetchall()


def fixes_by_ad(db: Database, ids: Sequence[int] | None = None) -> dict[int, list[RequirementFix]]:
    clause, parameters = _in_ids("ad_id", ids)
    found: dict[int, list[RequirementFix]] = {}
    for row in db.execute(
        "SELECT ad_id, skill_key, skill_name, action, level, required, fixed_at FROM job_ad_fix"
        f"{clause} ORDER BY ad_id, skill_key",
        parameters,
    ):
        found.setdefault(row[0], []).append(RequirementFix(*row[1:]))
    return found


def tags_by_ad(db: Database, ids: Sequence[int] | None = None) -> dict[int, tuple[str, ...]]:
    clause, parameters = _in_ids("ad_id", ids)
    found: dict[int, list[str]] = {}
    for ad_id, tag in db.execute(
        f"SELECT ad_id, tag FROM job_ad_tag{clause} ORDER BY ad_id, tag", parameters
    ):
        found.setdefault(ad_id, []).append(tag)
    return {ad_id: tuple(tags) for ad_id, tags in found.items()}


def status_dates(db: Database, ids: Sequence[int] | None = None) -> dict[int, str]:
    """When each ad's status last changed."""
    clause, parameters = _in_ids("ad_id", ids)
    return dict(
        db.execute(
            # The latest change is the last row written (a date given by hand may be earlier).
            f"SELECT ad_id, at FROM job_ad_status WHERE id IN (SELECT max(id) FROM job_ad_status"
            f"{clause} GROUP BY ad_id)",
            parameters,
        ).fetchall()
    )


def status_history(db: Database, ad_id: int) -> list[tuple[str, str]]:
    """(status, when), in the order the changes were made."""
    return db.execute(
        "SELECT status, at FROM job_ad_status WHERE ad_id = ? ORDER BY id", [ad_id]
    ).fetchall()


def tag_counts(db: Database) -> list[tuple[str, int]]:
    return db.execute(
        "SELECT tag, count(*) FROM job_ad_tag GROUP BY tag ORDER BY tag COLLATE NOCASE"
    ).fetchall()


def _require_ad(db: Database, ad_id: int) -> None:
    if db.execute("SELECT 1 FROM job_ad WHERE id = ?", [ad_id]).fetchone() is None:
        raise UserError(f"There is no ad #{ad_id} in your ads.")


@announces_change
def record_status(db: Database, ad_id: int, status: str, at: str | None = None) -> None:
    """Set the ad's status and add the change, with its date, to its history."""
    if status not in STATUSES:
        raise UserError(f"“{status}” is not a status; use one of {', '.join(STATUSES)}.")
    _require_ad(db, ad_id)
    at = at or stamps.now_stamp()
    with db.atomic():
        db.execute("UPDATE job_ad SET status = ?, updated_at = ? WHERE id = ?", [status, at, ad_id])
        db.execute(
            "INSERT INTO job_ad_status (ad_id, status, at) VALUES (?, ?, ?)", [ad_id, status, at]
        )


@announces_change
def replace_tags(db: Database, ad_id: int, tags: Iterable[str]) -> None:
    _require_ad(db, ad_id)
    with db.atomic():
        db.execute("DELETE FROM job_ad_tag WHERE ad_id = ?", [ad_id])
        _insert_tags(db, ad_id, tags)


@announces_change
def add_ad_tags(db: Database, ad_ids: Iterable[int], tags: Iterable[str]) -> None:
    ad_ids, tags = list(ad_ids), list(tags)
    for ad_id in ad_ids:
        _require_ad(db, ad_id)
    with db.atomic():
        for ad_id in ad_ids:
            _insert_tags(db, ad_id, tags)


@announces_change
def remove_ad_tag(db: Database, ad_ids: Iterable[int], tag: str) -> None:
    with db.atomic():
        for ad_id in ad_ids:
            db.execute("DELETE FROM job_ad_tag WHERE ad_id = ? AND tag = ?", [ad_id, tag])


@announces_change
def save_fix(db: Database, ad_id: int, fix: RequirementFix) -> None:
    """Keep the user's fix of one requirement (the latest fix of a skill replaces the earlier)."""
    if fix.action not in FIX_ACTIONS:
        raise ValueError(fix.action)
    _require_ad(db, ad_id)
    now = fix.fixed_at or stamps.now_stamp()
    with db.atomic():
        db.execute(
            "INSERT OR REPLACE INTO job_ad_fix (ad_id, skill_key, skill_name, action, level, "
            "required, fixed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [ad_id, fix.skill_key, fix.skill_name, fix.action, fix.level, fix.required, now],
        )
        _revised(db, ad_id, now)


@announces_change
def delete_fix(db: Database, ad_id: int, skill_key: str) -> None:
    with db.atomic():
        db.execute("DELETE FROM job_ad_fix WHERE ad_id = ? AND skill_key = ?", [ad_id, skill_key])
        _revised(db, ad_id)


@announces_change
def move_fix(db: Database, ad_id: int, old_key: str, new_key: str, new_name: str) -> None:
    """A fix made under a skill's old key follows the skill to its new key (a dataset rename)."""
    with db.atomic():
        db.execute(
            "UPDATE OR REPLACE job_ad_fix SET skill_key = ?, skill_name = ? "
            "WHERE ad_id = ? AND skill_key = ?",
            [new_key, new_name, ad_id, old_key],
        )
        _revised(db, ad_id)


@announces_change
def replace_requirements(
    db: Database,
    ad_id: int,
    requirements: Iterable[StoredRequirement],
    read_with: str,
    now: str | None = None,
) -> None:
    """A new reading of the ad: the reader's requirements replaced, the fixes kept."""
    now = now or stamps.now_stamp()
    with db.atomic():
        db.execute("DELETE FROM job_ad_requirement WHERE ad_id = ?", [ad_id])
        _insert_requirements(db, ad_id, requirements)
        db.execute("UPDATE job_ad SET read_with = ? WHERE id = ?", [read_with, ad_id])
        _revised(db, ad_id, now)


def _revised(db: Database, ad_id: int, now: str | None = None) -> None:
    """The ad's requirements or fixes changed (inside the caller's transaction)."""
    db.execute(
        "UPDATE job_ad SET revision = revision + 1, updated_at = ? WHERE id = ?",
        [now or stamps.now_stamp(), ad_id],
    )


_FIELDS = ("title", "company", "location", "link", "salary_text", "seen_on")


@announces_change
def update_fields(db: Database, ad_id: int, values: dict, now: str | None = None) -> None:
    """Change the ad's own fields (title, company, ..., salary figures)."""
    allowed = set(_FIELDS) | {"salary_annual", "salary_currency", "salary_period"}
    unknown = set(values) - allowed
    if unknown:
        raise ValueError(sorted(unknown))
    _require_ad(db, ad_id)
    if not values:
        return
    now = now or stamps.now_stamp()
    assignments = ", ".join(f"{name} = ?" for name in values)
    with db.atomic():
        db.execute(
            f"UPDATE job_ad SET {assignments}, updated_at = ? WHERE id = ?",
            [*values.values(), now, ad_id],
        )


@announces_change
def delete_ads(db: Database, ad_ids: Iterable[int]) -> int:
    """Remove ads with everything about them; returns how many there were."""
    removed = 0
    with db.atomic():
        for ad_id in ad_ids:
            removed += db.execute("DELETE FROM job_ad WHERE id = ?", [int(ad_id)]).rowcount
    return removed
