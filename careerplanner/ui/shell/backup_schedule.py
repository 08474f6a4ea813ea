"""Automatic backups of the user's data while the app runs (reliability rule 7).

At start when the newest backup is over a day old, every hour while the window is open (only
if that newest backup is over an hour old), and on close. A backup of a small user database takes
milliseconds, so it runs on the GUI thread's connection; a failure (disk full) is reported once
in the status bar, never as a blocking dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from careerplanner.store.backup import backup_if_due

HOUR = 3600
DAY = 24 * HOUR


class BackupSchedule(QObject):
    backup_failed = Signal(str)

    def __init__(self, ctx, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._timer = QTimer(self)
        self._timer.setInterval(HOUR * 1000)
        self._timer.timeout.connect(lambda: self.run("scheduled", HOUR))

    def start(self) -> None:
        self.run("daily", DAY)
        self._timer.start()

    def on_close(self) -> None:
        self._timer.stop()
        self.run("on-close", 0)

    def run(self, reason: str, max_age_seconds: float):
        """Back up if the newest backup is older than `max_age_seconds`; the path, or None."""
        try:
            return backup_if_due(
                self._ctx.user_db.conn,
                self._ctx.data_dir.backup_dir,
                "user",
                reason,
                max_age_seconds,
            )
        except OSError as error:
            self.backup_failed.emit(f"Couldn't back up your data ({error}).")
            return None
