"""Write the fixture databases for the current (about to be released) schema versions.

Run once per release that changes a schema; commit the new files under tests/fixtures/ and never
edit an old one: tests/store/test_migrations.py opens every fixture with the current code.

    .venv/bin/python scripts/make_schema_fixture.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from careerplanner.store.database import DatabaseSpec, open_database  # noqa: E402
from careerplanner.store.market.schema import MARKET_DB  # noqa: E402
from careerplanner.store.user.schema import USER_DB  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"

SAMPLE_ROWS = {
    "user": [
        "INSERT INTO profile (id, name, headline, updated_at) "
        "VALUES (1, 'Ada', 'Analyst', '2026-01-01')",
        "INSERT INTO skill_history (skill_key, at, level, source, note) "
        "VALUES ('technology:sql', '2026-01-01', 2, 'resume', 'fixture')",
        "INSERT INTO target_role (role_code, title, added_at) "
        "VALUES ('15-1252.00', 'Software Developers', '2026-01-01')",
    ],
    "market": [],
}


def write_fixture(stem: str, spec: DatabaseSpec) -> Path:
    target = FIXTURES / f"{stem}-v{spec.schema_version}.db"
    if target.exists():
        print(f"{target.name} exists; released fixtures are never rewritten")
        return target
    with tempfile.TemporaryDirectory() as scratch:
        db = open_database(Path(scratch) / f"{stem}.db", spec, Path(scratch) / "backups")
        with db.atomic():
            for statement in SAMPLE_ROWS[stem]:
                db.execute(statement)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        db.execute(f"VACUUM INTO '{target}'")
        db.close()
    print(f"wrote {target.relative_to(ROOT)}")
    return target


if __name__ == "__main__":
    FIXTURES.mkdir(parents=True, exist_ok=True)
    write_fixture("user", USER_DB)
    write_fixture("market", MARKET_DB)
