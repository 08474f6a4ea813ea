"""A user database with a realistic roadmap, shared by the roadmap tests.

The profile rows are written straight into `user_skill` (see store/user/schema.py) the way a
resume import leaves them; everything else goes through the roadmap repository.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from careerplanner.core.roadmap import StepState
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user import evidence, goals, progress, steps
from careerplanner.store.user.schema import ROADMAP_TABLES

HOSTILE = 'Robert\'); DROP TABLE roadmap_goal;-- =1+1 "quoted", comma; 日本語 😀'
MOSS = "Microsoft Office SharePoint Server MOSS"  # in O*NET 29.2, gone from 29.3
MOSS_KEY = "technology:microsoft office sharepoint server moss"
SQL_KEY = "technology:structured query language sql"  # O*NET's name for SQL

PROFILE = [
    ("technology:python", "Python", 3),
    (SQL_KEY, "SQL", 2),
    ("onet:2.B.3.e", "Programming", 2),
    ("technology:docker", "Docker", 1),
]


def open_roadmap_db(root: Path):
    """The user database of a data dir under `root` (opening migrates it: the roadmap tables
    are there)."""
    return DataDir(root).open_user_db()


def write_profile(db, skills=PROFILE, stamp="2026-01-05T10:00:00Z") -> None:
    """Profile rows as a resume import writes them (replacing the previous import's rows)."""
    with db.atomic():
        db.execute(
            "INSERT OR REPLACE INTO profile (id, name, headline, updated_at) VALUES (1, ?, ?, ?)",
            ["Ada Lovelace", "Data engineer", stamp],
        )
        db.execute("DELETE FROM user_skill")
        for key, name, level in skills:
            db.execute(
                "INSERT INTO user_skill (skill_key, name, inferred_level, updated_at) "
                "VALUES (?, ?, ?, ?)",
                [key, name, level, stamp],
            )


def populate(db, evidence_file: Path) -> dict:
    """A roadmap with goals, step states, notes, all three evidence kinds and fit history."""
    write_profile(db)
    sql = goals.add_goal(db, SQL_KEY, "SQL", 4, date(2027, 3, 1))
    moss = goals.add_goal(db, MOSS_KEY, MOSS, 2, date(2027, 1, 15))
    odd = goals.add_goal(db, "custom:" + HOSTILE.lower(), HOSTILE, 1)
    steps.update_step(db, sql.steps[0].id, state=StepState.DONE, today=date(2026, 11, 1))
    steps.update_step(db, sql.steps[1].id, state=StepState.DONE)
    steps.update_step(db, sql.steps[2].id, state="learning", due_date=date(2026, 12, 24))
    steps.update_step(db, moss.steps[1].id, state="skipped", note=HOSTILE)
    extra = steps.add_step(db, sql.id, "Write a query-tuning guide", due_date=date(2027, 2, 1))
    steps.add_note(db, sql.id, "Window functions done; next: CTEs 😀")
    steps.add_note(db, sql.id, HOSTILE, step_id=extra.id)
    evidence_file.write_bytes(b"certificate of completion\n")
    evidence.add_evidence(db, SQL_KEY, "SQL", 3, url="https://example.org/=HYPERLINK(1)")
    evidence.add_evidence(db, SQL_KEY, "SQL", 2, path=evidence_file, title="Certificate")
    evidence.add_evidence(db, MOSS_KEY, MOSS, 1, text="-2+3 " + HOSTILE)
    progress.record_fit_scores(db, {"15-1252.00": ("Software Developers", 0.5)}, "gap")
    progress.record_fit_scores(db, {"15-1252.00": ("Software Developers", 0.625)}, "gap")
    return {"sql": sql.id, "moss": moss.id, "odd": odd.id}


def roadmap_rows(db) -> dict[str, list[tuple]]:
    """Every row of every roadmap table, for before/after comparisons."""
    return {
        table: db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in ROADMAP_TABLES
    }


def file_rows(path: Path) -> dict[str, list[tuple]]:
    """The same, read from a database file with a plain sqlite3 connection."""
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ROADMAP_TABLES
        }
    finally:
        conn.close()
