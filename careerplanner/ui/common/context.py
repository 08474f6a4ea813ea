"""What every screen is given: the data folder, the GUI thread's connections, the task runner,
the settings and the change notifications. Built once by `careerplanner.app`.

Views read through the GUI thread's connections (quick reads only) and run anything long through
`runner`, whose workers open their own connections (`worker_databases`). After a write, the writer
publishes what changed through `events`, and each view refreshes only what it shows.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QSettings, Signal

from careerplanner.store.connection import Database
from careerplanner.store.data_dir import DataDir
from careerplanner.ui.common.worker import TaskRunner, stop_all_work

SETTINGS_FILE = "settings.ini"


class AppEvents(QObject):
    """Change notifications, published after a write commits."""

    profile_changed = Signal()  # skills, levels or overrides changed
    dataset_changed = Signal()  # a dataset was imported or the active one switched
    targets_changed = Signal()  # the user's target roles changed
    ads_changed = Signal()  # job ads were added, removed, fixed, tagged or moved on
    status_message = Signal(str)  # a sentence for the status bar


def open_settings(data_dir: DataDir) -> QSettings:
    """Window state and preferences, in an ini file inside the data folder.

    An explicit file (not the platform's registry or ~/.config) keeps everything the app writes in
    one place, and under CAREERPLANNER_HOME in tests and scripts. The file is private (0600)
    whatever the umask, like the rest of the data folder: QSettings replaces it keeping its
    permissions, so it is created 0600 first.
    """
    path = data_dir.root / SETTINGS_FILE
    if data_dir.root.is_dir():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        os.chmod(path, 0o600)
    return QSettings(str(path), QSettings.Format.IniFormat)


class AppContext:
    # A plain class: the dataclasses module costs start-up ~3 ms, for one constructor.
    def __init__(
        self,
        data_dir: DataDir,
        user_db: Database,
        market_db: Database,
        runner: TaskRunner,
        events: AppEvents,
        settings: QSettings,
    ) -> None:
        self.data_dir = data_dir
        self.user_db = user_db
        self.market_db = market_db
        self.runner = runner
        self.events = events
        self.settings = settings

    def close(self) -> None:
        # Every worker, the charts' too, ends before the databases close and the app quits.
        stop_all_work()
        self.settings.sync()
        self.user_db.close()
        self.market_db.close()


class WorkerDatabases:
    """Connections opened lazily inside a worker thread and closed when the task ends."""

    def __init__(self, data_dir: DataDir) -> None:
        self._data_dir = data_dir
        self.backup_dir = data_dir.backup_dir
        self._user: Database | None = None
        self._market: Database | None = None

    @property
    def user(self) -> Database:
        if self._user is None:
            self._user = self._data_dir.open_user_db()
        return self._user

    @property
    def market(self) -> Database:
        if self._market is None:
            self._market = self._data_dir.open_market_db()
        return self._market

    def close(self) -> None:
        for db in (self._user, self._market):
            if db is not None:
                db.close()


def with_databases(data_dir: DataDir, fn):
    """Wrap `fn(dbs, progress, cancel)` as a task function that owns its own connections."""

    def task(progress, cancel):
        dbs = WorkerDatabases(data_dir)
        try:
            return fn(dbs, progress, cancel)
        finally:
            dbs.close()

    return task
