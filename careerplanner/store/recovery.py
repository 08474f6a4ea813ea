"""Recovering from a damaged database: find the newest good backup, keep the damaged files.

The damaged file (and its -wal/-shm companions) is moved into `damaged/` next to the backups,
never deleted, and the backup is copied into place with SQLite's backup API.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from careerplanner.paths import ensure_private_dir, file_version
from careerplanner.store.backup import list_backups
from careerplanner.store.database import DatabaseSpec, path_uri


def is_good_copy(path: Path, spec: DatabaseSpec) -> bool:
    """A backup is good when it is ours, not newer than this code, and passes quick_check."""
    try:
        conn = sqlite3.connect(f"{path_uri(path)}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return app_id == spec.application_id and version <= spec.schema_version and verdict == "ok"


def newest_good_backup(backup_dir: Path, stem: str, spec: DatabaseSpec) -> Path | None:
    for candidate in list_backups(backup_dir, stem):
        if is_good_copy(candidate, spec):
            return candidate
    return None


# What SQLite says when the disk, not the file, is the problem (read-only, full, failing).
IO_ERRORS = frozenset(
    {
        "unable to open database file",
        "disk I/O error",
        "database or disk is full",
        "attempt to write a readonly database",
    }
)


class _EarlyCheck(threading.Thread):
    """A quick_check started ahead of need, on a thread of its own: SQLite leaves Python's lock
    while it reads, so the check runs beside whatever the process does meanwhile."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="early-quick-check", daemon=True)
        self.path = path
        self.file = file_version(path)  # the verdict is this file's, not one put in its place
        self.verdict = ""

    def run(self) -> None:
        self.verdict = _quick_check_now(self.path)


_EARLY_CHECKS: dict[Path, _EarlyCheck] = {}


def start_quick_check(path: Path) -> None:
    """Start `quick_check(path)` now, for the next `quick_check(path)` to take its verdict: the
    window's start-up checks the user's data while it builds the window (a large file takes
    10-15 ms). Only that next call takes it, and only while the file is the one checked (a
    backup restored in its place since is checked again); any later call checks again."""
    path = Path(path)
    if path.is_file() and path not in _EARLY_CHECKS:
        _EARLY_CHECKS[path] = check = _EarlyCheck(path)
        check.start()


def quick_check(path: Path) -> str:
    """SQLite's quick_check verdict ("ok" when healthy) without writing to the file (or the
    verdict of the check `start_quick_check` started on it)."""
    early = _EARLY_CHECKS.pop(Path(path), None)
    if early is not None:
        early.join()
        if early.file == file_version(path):
            return early.verdict
    return _quick_check_now(path)


def _quick_check_now(path: Path) -> str:
    try:
        conn = sqlite3.connect(f"{path_uri(path)}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    return "; ".join(str(r[0]) for r in rows[:3])


def set_aside(db_path: Path, damaged_dir: Path) -> Path:
    """Move the damaged database and its -wal/-shm files into `damaged_dir`; return the new path."""
    kept = _kept_name(db_path, damaged_dir)
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            shutil.move(source, Path(f"{kept}{suffix}"))
    return kept


def _kept_name(db_path: Path, damaged_dir: Path) -> Path:
    ensure_private_dir(damaged_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return damaged_dir / f"{db_path.name}.{stamp}"


def restore_from(backup: Path, db_path: Path, damaged_dir: Path, spec: DatabaseSpec) -> Path | None:
    """Put `backup` in place of `db_path`, keeping whatever was there in `damaged_dir`.

    Copy, check, then rename: the backup is copied beside the database with SQLite's backup API
    and checked (ours, quick_check ok) before anything moves, and the old file is kept by a hard
    link, so a crash at any moment leaves a `user.db` (the old one or the restored one) and no
    stray copy. Returns where the previous file was kept (None when there was none).
    """
    partial = db_path.with_name(db_path.name + ".restoring")
    journal = Path(f"{partial}-journal")  # a stale one from a crash would be rolled back into it
    journal.unlink(missing_ok=True)
    try:
        fd = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        os.close(fd)
        source = sqlite3.connect(f"{path_uri(backup)}?mode=ro", uri=True)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            # A plain rollback-journal file until it is opened as user.db (which turns WAL on):
            # checking it read-only then leaves no -wal/-shm beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
            source.close()
        if not is_good_copy(partial, spec):
            raise OSError(f"the copy of {backup.name} failed its check")
        _fsync(partial)
        kept = _keep_current(db_path, damaged_dir) if db_path.exists() else None
        os.replace(partial, db_path)
        _fsync(db_path.parent)
    finally:
        partial.unlink(missing_ok=True)
        journal.unlink(missing_ok=True)
    return kept


def _keep_current(db_path: Path, damaged_dir: Path) -> Path:
    """Keep the current file in `damaged_dir` without a moment with no `db_path`: a hard link of
    the main file, then its -wal/-shm moved (they must not meet the restored file: SQLite would
    replay the old WAL into it)."""
    kept = _kept_name(db_path, damaged_dir)
    try:
        os.link(db_path, kept)
    except OSError:  # a file system without hard links: a plain copy (nothing holds it open)
        shutil.copy2(db_path, kept)
    for suffix in ("-wal", "-shm"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{kept}{suffix}"))
    return kept


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
