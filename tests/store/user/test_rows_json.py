"""The plain copy's tables made by SQLite (`rows.user_tables_json`, issue 17) are the very bytes
the Python JSON writer gives for the same rows: floats to the last digit, any text, bytes."""

from __future__ import annotations

import json
import sqlite3

from careerplanner.store.user import rows
from careerplanner.store.user.evidence import add_evidence
from careerplanner.store.user.goals import add_goal
from careerplanner.store.user.progress import record_fit_scores

ODD_TEXT = "".join(chr(code) for code in range(0x20)) + '\x7f\u2028 é 漢 😀 \\ " / </script>'
FITS = (0.1 + 0.2, 1 / 3, 1.0, 1e-7, -0.0, 5e-324, 0.9999999999999999, 0.123456789)


def _python_json(db) -> bytes:
    dump = rows.dump_user_tables(db)
    return json.dumps(dump, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def test_the_tables_as_sqlite_writes_them_are_the_python_writers_bytes(data_dir):
    db = data_dir.open_user_db()
    try:
        assert rows.user_tables_json(db) == _python_json(db)  # empty tables too
        add_goal(db, "technology:python", "Python", 3, start_level=0)
        add_evidence(db, "technology:python", "Python", 2, text=ODD_TEXT, title="x\x00y")
        for number, fit in enumerate(FITS):
            record_fit_scores(db, {f"role-{number}": (ODD_TEXT, fit)}, "roadmap changed")
        # A value a backup gave as bytes ({"$base64": ...}) is kept as a BLOB.
        dump = rows.dump_user_tables(db)
        dump["evidence"][0]["url"] = {rows.BYTES_TAG: "AAEC/w=="}
        # and floats where integers belong (SQLite keeps them): the largest, the smallest
        dump["roadmap_goal"][0]["review_count"] = 1.7976931348623157e308
        dump["roadmap_step"][0]["position"] = 1e16 + 2.5e-3
        rows.replace_user_tables(db, dump, "a test backup")
        assert rows.dump_user_tables(db)["evidence"][0]["url"] == {rows.BYTES_TAG: "AAEC/w=="}
        assert rows.user_tables_json(db) == _python_json(db)
        assert json.loads(rows.user_tables_json(db)) == rows.dump_user_tables(db)
    finally:
        db.close()


def test_rows_come_in_id_order_and_past_sqlites_string_limit_too(data_dir):
    """SQLite joins a table's rows in one string; a table too large for one string (its
    limit is 1 GB, lowered here) is read row by row, and gives the same bytes."""
    db = data_dir.open_user_db()
    try:
        for number in range(40):
            add_goal(db, f"technology:skill-{number}", f"Skill {number} {'x' * 60}", 3)
        db.execute("UPDATE roadmap_goal SET skill_name = 'changed' WHERE id = 1")
        joined = rows.table_rows_json(db, "roadmap_goal")
        ids = [row["id"] for row in json.loads(b"[" + joined + b"]")]
        assert ids == sorted(ids) and len(ids) == 40
        db.conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, len(joined) // 4)
        assert rows.table_rows_json(db, "roadmap_goal") == joined
        assert rows.table_rows_json(db, "roadmap_goal", after_id=30) == b",".join(
            json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode()
            for row in rows.dump_user_tables(db)["roadmap_goal"][30:]
        )
    finally:
        db.close()
