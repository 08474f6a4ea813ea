"""Schema of the market database: imported dataset versions, rebuildable from their files.

Migrations are append-only once released; each released version has a fixture database.
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

from careerplanner.store.database import DatabaseSpec

migrations = Migrations("careerplanner.market")


@migrations()
def m001_initial(db):
    # One row per import. Exactly one row per kind family is active at a time; earlier versions
    # stay so the user can switch back. sha256 makes re-importing the same file a no-op.
    db.execute(
        """CREATE TABLE dataset (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            version TEXT NOT NULL,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            licence TEXT NOT NULL DEFAULT '',
            attribution TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 0
        )"""
    )


MARKET_DB = DatabaseSpec(label="market data", application_id=0x4350434D, migrations=migrations)
