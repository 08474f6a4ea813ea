"""Automatic backups while the app runs: at start when due, not again within the hour, on close."""

from __future__ import annotations

import sqlite3

from careerplanner.store.backup import list_backups
from careerplanner.ui.shell.backup_schedule import BackupSchedule


def test_backups_at_start_when_due_and_on_close(ctx_factory):
    ctx = ctx_factory()
    schedule = BackupSchedule(ctx)
    schedule.start()
    (first,) = list_backups(ctx.data_dir.backup_dir, "user")
    assert "daily" in first.name

    schedule.start()  # a second start the same day: the newest backup is fresh enough
    assert list_backups(ctx.data_dir.backup_dir, "user") == [first]

    with ctx.user_db.atomic():
        ctx.user_db.execute("INSERT INTO profile (id, name, updated_at) VALUES (1, 'Ada', 'now')")
    schedule.on_close()
    newest = list_backups(ctx.data_dir.backup_dir, "user")[0]
    assert "on-close" in newest.name
    copy = sqlite3.connect(newest)
    assert copy.execute("SELECT name FROM profile").fetchone() == ("Ada",)
    copy.close()
