"""Every released schema version opens and migrates to the current one, losing nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from careerplanner.store.database import open_database
from careerplanner.store.market.schema import MARKET_DB
from careerplanner.store.user.schema import USER_DB

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SPECS = {"user": USER_DB, "market": MARKET_DB}
RELEASED = sorted(FIXTURES.glob("*-v*.db"))


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    conn.close()
    return counts


def test_there_is_a_fixture_for_every_current_schema():
    for stem, spec in SPECS.items():
        assert (FIXTURES / f"{stem}-v{spec.schema_version}.db").exists(), (
            f"no fixture for {stem} v{spec.schema_version}: run scripts/make_schema_fixture.py"
        )


@pytest.mark.parametrize("fixture", RELEASED, ids=lambda p: p.name)
def test_released_schema_migrates_to_current(fixture, tmp_path):
    stem = fixture.name.split("-v")[0]
    spec = SPECS[stem]
    copy = tmp_path / f"{stem}.db"
    shutil.copyfile(fixture, copy)
    before = row_counts(copy)

    db = open_database(copy, spec, tmp_path / "backups")
    assert db.execute("PRAGMA user_version").fetchone()[0] == spec.schema_version
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    db.close()

    after = row_counts(copy)
    for table, count in before.items():
        if table != "_sqlite_migrations":
            assert after.get(table, 0) >= count, f"{table} lost rows migrating {fixture.name}"


def schema_of(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")
        return dict(rows.fetchall())
    finally:
        conn.close()


@pytest.mark.parametrize(
    "fixture", [path for path in RELEASED if path.name.startswith("user-")], ids=lambda p: p.name
)
def test_every_released_user_schema_migrates_to_what_a_new_database_gets(fixture, tmp_path):
    """Released migrations are frozen: a new database gets, statement for statement, the schema
    of version 1 as released (tests/fixtures/user-v1.db) plus the later migrations."""
    copy = tmp_path / "old" / "user.db"
    copy.parent.mkdir()
    shutil.copyfile(fixture, copy)
    open_database(copy, USER_DB, tmp_path / "backups").close()
    open_database(tmp_path / "user.db", USER_DB, tmp_path / "backups").close()
    assert schema_of(tmp_path / "user.db") == schema_of(copy)
