"""The released market schema is frozen: a new database gets exactly the fixture's tables."""

from __future__ import annotations

import sqlite3

from careerplanner.store.database import open_database
from careerplanner.store.market.schema import MARKET_DB
from tests.conftest import PROJECT_ROOT

_SCHEMA = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"


def test_a_new_market_database_has_the_released_schema_text(tmp_path):
    released = sqlite3.connect(PROJECT_ROOT / "tests" / "fixtures" / "market-v1.db")
    try:
        expected = released.execute(_SCHEMA).fetchall()
    finally:
        released.close()
    db = open_database(tmp_path / "market.db", MARKET_DB, tmp_path / "backups")
    try:
        assert db.execute(_SCHEMA).fetchall() == expected
    finally:
        db.close()
