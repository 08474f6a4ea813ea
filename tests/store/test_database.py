"""Opening, migrating, refusing and backing up databases — on real SQLite files."""

from __future__ import annotations

import hashlib
import sqlite3
import stat

import pytest

from careerplanner.errors import DamagedDatabaseError, NewerDatabaseError, UserError
from careerplanner.store.backup import list_backups
from careerplanner.store.database import DatabaseSpec, open_database
from careerplanner.store.user.schema import USER_DB


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def two_step_spec(fail_second: bool = False) -> tuple[DatabaseSpec, DatabaseSpec]:
    """Version 1 (one migration) and version 2 (two) of a small test schema."""

    def create_notes(db):
        db.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")

    def add_column(db):
        db.execute("ALTER TABLE note ADD COLUMN tag TEXT")
        if fail_second:
            db.execute("INSERT INTO note (text) VALUES ('half done')")
            raise sqlite3.OperationalError("simulated failure halfway")

    return (
        DatabaseSpec("test data", 0x54455354, "test.schema", (create_notes,)),
        DatabaseSpec("test data", 0x54455354, "test.schema", (create_notes, add_column)),
    )


def test_new_database_is_private_and_stamped(data_dir):
    db = data_dir.open_user_db()
    db.close()
    path = data_dir.user_db_path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == USER_DB.schema_version
    assert conn.execute("PRAGMA application_id").fetchone()[0] == USER_DB.application_id
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_second_open_migrates_nothing_and_loses_nothing(data_dir):
    db = data_dir.open_user_db()
    db.execute("INSERT INTO profile (id, name, updated_at) VALUES (1, 'Ada', 'now')")
    db.conn.commit()
    db.close()
    db = data_dir.open_user_db()
    assert db.execute("SELECT name FROM profile").fetchone()[0] == "Ada"
    assert list_backups(data_dir.backup_dir, "user") == []  # nothing pending: no backup taken
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_newer_database_is_refused_byte_identical(data_dir):
    db = data_dir.open_user_db()
    db.execute(f"PRAGMA user_version = {USER_DB.schema_version + 1}")
    db.close()
    before = digest(data_dir.user_db_path)
    with pytest.raises(NewerDatabaseError, match="saved by a newer version of Career Planner"):
        data_dir.open_user_db()
    assert digest(data_dir.user_db_path) == before


def test_foreign_sqlite_file_is_refused_untouched(data_dir):
    data_dir.prepare()
    conn = sqlite3.connect(data_dir.user_db_path)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = digest(data_dir.user_db_path)
    with pytest.raises(DamagedDatabaseError, match="belongs to another application"):
        data_dir.open_user_db()
    assert digest(data_dir.user_db_path) == before


def test_garbage_header_is_refused_untouched(data_dir):
    data_dir.prepare()
    data_dir.user_db_path.write_bytes(b"this is not a database" * 50)
    before = digest(data_dir.user_db_path)
    with pytest.raises(DamagedDatabaseError, match="not a Career Planner database"):
        data_dir.open_user_db()
    assert digest(data_dir.user_db_path) == before


def test_pending_migration_is_preceded_by_a_checked_private_backup(tmp_path):
    old, new = two_step_spec()
    path, backups = tmp_path / "t.db", tmp_path / "backups"
    db = open_database(path, old, backups)
    db.execute("INSERT INTO note (text) VALUES ('keep me')")
    db.conn.commit()
    db.close()

    db = open_database(path, new, backups)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [c.name for c in db["note"].columns] == ["id", "text", "tag"]
    db.close()

    (backup,) = list_backups(backups, "t")
    assert "before-migration" in backup.name
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT text FROM note").fetchall() == [("keep me",)]
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    copy.close()


def test_migration_failing_halfway_changes_nothing(tmp_path):
    old, broken = two_step_spec(fail_second=True)
    path, backups = tmp_path / "t.db", tmp_path / "backups"
    db = open_database(path, old, backups)
    db.execute("INSERT INTO note (text) VALUES ('keep me')")
    db.conn.commit()
    db.close()

    with pytest.raises(UserError, match=r"failed .* a backup was kept"):
        open_database(path, broken, backups)

    conn = sqlite3.connect(path)
    assert conn.execute("SELECT text FROM note").fetchall() == [("keep me",)]
    assert [r[1] for r in conn.execute("PRAGMA table_info(note)")] == ["id", "text"]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    assert len(list_backups(backups, "t")) == 1


def test_backups_rotate(tmp_path):
    from careerplanner.store.backup import backup_database

    conn = sqlite3.connect(tmp_path / "x.db")
    conn.execute("CREATE TABLE t (a)")
    for _ in range(13):
        backup_database(conn, tmp_path / "b", "x", reason="test")
    conn.close()
    assert len(list_backups(tmp_path / "b", "x")) == 10


def test_read_only_data_folder_gives_a_sentence(tmp_path, monkeypatch):
    import os

    if os.geteuid() == 0:
        pytest.skip("root ignores directory permissions")
    from careerplanner.store.data_dir import DataDir

    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(UserError, match="Can't write to"):
        DataDir(locked / "home").open_user_db()


def test_data_folder_blocked_by_a_file_gives_a_sentence(tmp_path):
    from careerplanner.store.data_dir import DataDir

    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should go")
    with pytest.raises(UserError, match="Can't create the data folder"):
        DataDir(blocker / "home").open_user_db()


def test_scheduled_backup_only_when_the_newest_is_old_enough(tmp_path):
    import os
    import time

    from careerplanner.store.backup import backup_if_due

    conn = sqlite3.connect(tmp_path / "x.db")
    conn.execute("CREATE TABLE t (a)")
    first = backup_if_due(conn, tmp_path / "b", "x", "scheduled", max_age_seconds=3600)
    assert first is not None
    assert backup_if_due(conn, tmp_path / "b", "x", "scheduled", max_age_seconds=3600) is None
    old = time.time() - 7200
    os.utime(first, (old, old))  # the newest backup is now two hours old
    assert backup_if_due(conn, tmp_path / "b", "x", "scheduled", max_age_seconds=3600) is not None
    conn.close()
