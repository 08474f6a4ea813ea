"""The released market schema is frozen: a new database gets exactly the fixture's tables."""

from __future__ import annotations

import shutil
import sqlite3

from careerplanner.store.database import open_database
from careerplanner.store.market.schema import MARKET_DB
from tests.conftest import PROJECT_ROOT

_SCHEMA = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"


def schema(path) -> list[tuple]:
    db = sqlite3.connect(path)
    try:
        return db.execute(_SCHEMA).fetchall()
    finally:
        db.close()


def test_a_new_market_database_has_the_released_schema_text(tmp_path):
    """Migrations are frozen: version 1 as released plus the later migrations, statement for
    statement, is what a new database gets, and what the latest fixture holds."""
    old = tmp_path / "old" / "market.db"
    old.parent.mkdir()
    shutil.copyfile(PROJECT_ROOT / "tests" / "fixtures" / "market-v1.db", old)
    open_database(old, MARKET_DB, tmp_path / "backups").close()
    open_database(tmp_path / "market.db", MARKET_DB, tmp_path / "backups").close()
    latest = PROJECT_ROOT / "tests" / "fixtures" / f"market-v{MARKET_DB.schema_version}.db"
    assert schema(tmp_path / "market.db") == schema(old) == schema(latest)
