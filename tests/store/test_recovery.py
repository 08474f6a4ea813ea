"""A damaged user database at start: refused with an offer to restore; damaged files kept."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from careerplanner.errors import DamagedDatabaseError
from careerplanner.store.data_dir import RestorableDatabaseError


def write_profile(data_dir, name):
    db = data_dir.open_user_db()
    with db.atomic():
        db.execute(
            "INSERT OR REPLACE INTO profile (id, name, updated_at) VALUES (1, ?, 'now')", [name]
        )
    db.close()


def corrupt_garbage_header(path):
    data = bytearray(path.read_bytes())
    data[:16] = b"GARBAGE GARBAGE!"
    path.write_bytes(bytes(data))


def corrupt_mid_file(path):
    # Scribble over every page after the first: the schema survives, the b-trees do not.
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, len(data), page):
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def zero_length(path):
    path.write_bytes(b"")


def foreign_sqlite(path):
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 777")
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "damage", [corrupt_garbage_header, corrupt_mid_file, zero_length, foreign_sqlite]
)
def test_damaged_database_offers_the_newest_good_backup(data_dir, damage):
    write_profile(data_dir, "Ada")
    data_dir.backup_user_db(reason="test")
    db = data_dir.open_user_db()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    damage(data_dir.user_db_path)
    damaged_bytes = data_dir.user_db_path.read_bytes()

    with pytest.raises(RestorableDatabaseError, match=r"damaged .* can be restored") as caught:
        data_dir.open_user_db()
    assert data_dir.user_db_path.read_bytes() == damaged_bytes  # refused, untouched

    data_dir.restore_user_db(caught.value.backup)
    db = data_dir.open_user_db()
    assert db.execute("SELECT name FROM profile").fetchone()[0] == "Ada"
    db.close()
    kept = [p for p in data_dir.damaged_dir.iterdir() if p.name.startswith("user.db.")]
    assert any(p.read_bytes() == damaged_bytes for p in kept)


def test_damage_without_backup_is_a_plain_refusal(data_dir):
    write_profile(data_dir, "Ada")
    corrupt_garbage_header(data_dir.user_db_path)
    with pytest.raises(DamagedDatabaseError, match="not a Career Planner database"):
        data_dir.open_user_db()


def test_restore_from_the_command_line(data_dir):
    write_profile(data_dir, "Grace")
    data_dir.backup_user_db(reason="test")
    corrupt_garbage_header(data_dir.user_db_path)
    env = {**os.environ, "CAREERPLANNER_HOME": str(data_dir.root)}
    check = subprocess.run(
        [sys.executable, "-m", "careerplanner", "data", "check"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1
    assert "careerplanner data restore" in check.stderr
    restore = subprocess.run(
        [sys.executable, "-m", "careerplanner", "data", "restore"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert restore.returncode == 0, restore.stderr
    db = data_dir.open_user_db()
    assert db.execute("SELECT name FROM profile").fetchone()[0] == "Grace"
    db.close()


def test_a_check_started_early_answers_only_for_the_file_it_read(data_dir):
    """The window starts the user data's check while Qt loads, and opening the data takes its
    verdict once; a file put in place since (damaged, here) is checked again."""
    from careerplanner.store import recovery

    write_profile(data_dir, "Ada " * 20000)  # a name over many pages
    path = data_dir.user_db_path
    damaged = path.with_name("damaged.db")
    data = bytearray(path.read_bytes())
    data[-4096 * 3 : -4096 * 3 + 64] = b"\xff" * 64  # a page of the name's chain, not the schema
    damaged.write_bytes(bytes(data))
    recovery.start_quick_check(path)
    recovery._EARLY_CHECKS[path].join()  # its verdict: healthy
    damaged.replace(path)
    with pytest.raises(DamagedDatabaseError, match="integrity check"):
        data_dir.open_user_db()
    assert path not in recovery._EARLY_CHECKS  # taken, once
    recovery.start_quick_check(data_dir.root / "missing.db")  # nothing to check: no thread
    assert data_dir.root / "missing.db" not in recovery._EARLY_CHECKS
