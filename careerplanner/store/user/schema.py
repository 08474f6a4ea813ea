"""Schema of the user's own database: profile, resume imports, skill levels, overrides, history.

Migrations are append-only: once a version has been released, never edit a migration; add one.
Each released schema version has a fixture database under tests/fixtures/.
"""

from __future__ import annotations

from careerplanner.store.database import DatabaseSpec
from careerplanner.store.user.roadmap_schema import create_roadmap_tables


def m001_initial(db):
    db.execute(
        """CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL DEFAULT '',
            headline TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE resume_import (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            file_name TEXT NOT NULL,
            format TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            parsed_json TEXT NOT NULL
        )"""
    )
    # One row per skill the user has; the inferred level comes from the newest resume, the
    # override (when set) is the user's word and wins.
    db.execute(
        """CREATE TABLE user_skill (
            skill_key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            inferred_level INTEGER NOT NULL CHECK (inferred_level BETWEEN 0 AND 5),
            evidence_json TEXT NOT NULL DEFAULT '[]',
            in_taxonomy INTEGER NOT NULL DEFAULT 1,
            resume_import_id INTEGER REFERENCES resume_import(id),
            override_level INTEGER CHECK (override_level BETWEEN 0 AND 5),
            override_reason TEXT,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE skill_history (
            id INTEGER PRIMARY KEY,
            skill_key TEXT NOT NULL,
            at TEXT NOT NULL,
            level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 5),
            source TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX skill_history_by_skill ON skill_history(skill_key, at)")
    db.execute(
        """CREATE TABLE target_role (
            role_code TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            added_at TEXT NOT NULL
        )"""
    )
    create_roadmap_tables(db)


USER_DB = DatabaseSpec(
    label="your data",
    application_id=0x43505553,
    name="careerplanner.user",
    steps=(m001_initial,),
)
