"""Backups with SQLite's backup API: checked, private, atomically renamed, rotated.

Never copy a live database file: with WAL the main file alone is not the database.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from careerplanner.paths import ensure_private_dir

KEEP_BACKUPS = 10


def backup_database(conn: sqlite3.Connection, backup_dir: Path, stem: str, reason: str) -> Path:
    """Write a checked copy of `conn`'s database to `backup_dir` and return its path."""
    ensure_private_dir(backup_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = backup_dir / f"{stem}-{stamp}-{reason}.db"
    partial = final.with_suffix(".db.partial")
    journal = Path(f"{partial}-journal")
    try:
        fd = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        os.close(fd)
        target = sqlite3.connect(str(partial))
        try:
            conn.backup(target)
            # A backup is a closed file: no WAL, so reading it (read-only) leaves nothing beside it.
            target.execute("PRAGMA journal_mode = DELETE")
            verdict = target.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            target.close()
        if verdict != "ok":
            raise OSError(f"the backup of {stem} failed its integrity check ({verdict})")
        os.chmod(partial, 0o600)
        os.replace(partial, final)
    finally:  # a failed backup (disk full, a check that failed) leaves nothing behind
        partial.unlink(missing_ok=True)
        journal.unlink(missing_ok=True)
    remove_stale_leftovers(backup_dir)
    rotate_backups(backup_dir, stem)
    return final


def remove_stale_leftovers(backup_dir: Path, older_than_seconds: float = 3600) -> None:
    """Delete what a backup killed mid-way left (`.partial`, `-journal`): never a fresh one,
    which may be another process's backup in progress."""
    now = datetime.now(UTC).timestamp()
    for leftover in backup_dir.glob("*.db.partial*"):
        try:
            if now - leftover.stat().st_mtime > older_than_seconds:
                leftover.unlink()
        except OSError:
            continue


def list_backups(backup_dir: Path, stem: str) -> list[Path]:
    """Backups of `stem`, newest first."""
    if not backup_dir.is_dir():
        return []
    return sorted(backup_dir.glob(f"{stem}-*.db"), reverse=True)


def rotate_backups(backup_dir: Path, stem: str, keep: int = KEEP_BACKUPS) -> None:
    for old in list_backups(backup_dir, stem)[keep:]:
        old.unlink(missing_ok=True)


def newest_backup_age(backup_dir: Path, stem: str) -> float | None:
    """Seconds since the newest backup of `stem` was written (None when there is none)."""
    backups = list_backups(backup_dir, stem)
    if not backups:
        return None
    return max(0.0, datetime.now(UTC).timestamp() - backups[0].stat().st_mtime)


def backup_if_due(
    conn: sqlite3.Connection, backup_dir: Path, stem: str, reason: str, max_age_seconds: float
) -> Path | None:
    """The scheduled backup: write one only when the newest is older than `max_age_seconds`."""
    age = newest_backup_age(backup_dir, stem)
    if age is not None and age < max_age_seconds:
        return None
    return backup_database(conn, backup_dir, stem, reason)
