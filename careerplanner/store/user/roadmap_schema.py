"""Tables of the learning roadmap in the user's database.

`create_roadmap_tables(db)` is part of the user database's migration m001
(store/user_schema.py): once released, never edit these statements; change the roadmap tables
in a new migration. The roadmap references skills by their stable key and keeps the skill's
display name itself, with no foreign key into `user_skill`: a resume re-import or a dataset
update can never cascade into it. `IF NOT EXISTS` keeps the function safe to call on a database
that already has the tables.
"""

from __future__ import annotations

ROADMAP_TABLES = (
    "roadmap_goal",
    "roadmap_step",
    "roadmap_note",
    "evidence",
    "progress_history",
)

_STATEMENTS = (
    """CREATE TABLE IF NOT EXISTS roadmap_goal (
        id INTEGER PRIMARY KEY,
        skill_key TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        start_level INTEGER NOT NULL CHECK (start_level BETWEEN 0 AND 5),
        target_level INTEGER NOT NULL CHECK (target_level BETWEEN 0 AND 5),
        target_date TEXT,
        started_on TEXT,
        review_count INTEGER NOT NULL DEFAULT 0 CHECK (review_count >= 0),
        last_review TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS roadmap_goal_by_skill ON roadmap_goal(skill_key)",
    """CREATE TABLE IF NOT EXISTS roadmap_step (
        id INTEGER PRIMARY KEY,
        goal_id INTEGER NOT NULL REFERENCES roadmap_goal(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        title TEXT NOT NULL,
        to_level INTEGER NOT NULL CHECK (to_level BETWEEN 1 AND 5),
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'learning', 'done', 'skipped')),
        due_date TEXT,
        note TEXT NOT NULL DEFAULT '',
        suggested INTEGER NOT NULL DEFAULT 0 CHECK (suggested IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS roadmap_step_by_goal ON roadmap_step(goal_id, position)",
    """CREATE TABLE IF NOT EXISTS roadmap_note (
        id INTEGER PRIMARY KEY,
        goal_id INTEGER NOT NULL REFERENCES roadmap_goal(id) ON DELETE CASCADE,
        step_id INTEGER REFERENCES roadmap_step(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS roadmap_note_by_goal ON roadmap_note(goal_id)",
    # Evidence hangs on a skill and level, not on a goal: it outlives any goal that is deleted.
    """CREATE TABLE IF NOT EXISTS evidence (
        id INTEGER PRIMARY KEY,
        skill_key TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        kind TEXT NOT NULL CHECK (kind IN ('link', 'file', 'note')),
        title TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        path TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (kind != 'link' OR url != ''),
        CHECK (kind != 'file' OR (path != '' AND length(sha256) = 64)),
        CHECK (kind != 'note' OR text != '')
    )""",
    "CREATE INDEX IF NOT EXISTS evidence_by_skill ON evidence(skill_key, level)",
    # Append-only: one row each time a skill's counted level or a target role's fit changes.
    """CREATE TABLE IF NOT EXISTS progress_history (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('skill', 'fit')),
        subject_key TEXT NOT NULL,
        subject_name TEXT NOT NULL,
        value REAL NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        CHECK (kind != 'skill' OR value BETWEEN 0 AND 5),
        CHECK (kind != 'fit' OR value BETWEEN 0 AND 1)
    )""",
    "CREATE INDEX IF NOT EXISTS progress_history_by_subject "
    "ON progress_history(kind, subject_key, at)",
)


def create_roadmap_tables(db) -> None:
    """Create the roadmap tables and indexes (goals, steps, notes, evidence, history)."""
    for statement in _STATEMENTS:
        db.execute(statement)


def has_roadmap_tables(db) -> bool:
    """True when every roadmap table exists (the migration ran, or the tables were created)."""
    existing = set(db.table_names())
    return all(name in existing for name in ROADMAP_TABLES)
