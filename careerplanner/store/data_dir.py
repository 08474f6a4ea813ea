"""The user's data directory and the two databases in it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import NamedTuple

from careerplanner.errors import DamagedDatabaseError, NewerDatabaseError, UserError
from careerplanner.paths import ensure_private_dir, user_data_dir
from careerplanner.store import recovery
from careerplanner.store.backup import backup_database
from careerplanner.store.connection import Database
from careerplanner.store.database import open_database, read_header
from careerplanner.store.market.schema import MARKET_DB
from careerplanner.store.user.schema import USER_DB


class RebuildableDatabaseError(DamagedDatabaseError):
    """Your data is damaged, no good backup exists, but the plain JSON copy can rebuild it."""

    def __init__(self, message: str, plain_copy: Path) -> None:
        super().__init__(message)
        self.plain_copy = plain_copy


class RestorableDatabaseError(DamagedDatabaseError):
    """Your data is damaged and a good backup exists; `backup` names it."""

    def __init__(self, message: str, backup: Path) -> None:
        super().__init__(message)
        self.backup = backup


class RebuildableMarketError(DamagedDatabaseError):
    """market.db is damaged; it holds only datasets, so it can be rebuilt from the bundled ones."""


class DataDir(NamedTuple):  # a NamedTuple: cheaper than a dataclass on the start-up path
    root: Path

    @classmethod
    def default(cls) -> DataDir:
        return cls(user_data_dir())

    @property
    def user_db_path(self) -> Path:
        return self.root / "user.db"

    @property
    def market_db_path(self) -> Path:
        return self.root / "market.db"

    @property
    def backup_dir(self) -> Path:
        return self.root / "backups"

    @property
    def damaged_dir(self) -> Path:
        return self.root / "damaged"

    def prepare(self) -> None:
        try:
            ensure_private_dir(self.root)
        except PermissionError as error:
            raise UserError(f"Can't write to {self.root}; check its permissions.") from error
        except OSError as error:
            if self.root.is_symlink() and not self.root.exists():
                raise UserError(
                    f"The data folder {self.root} is a symbolic link that leads nowhere (back "
                    "to itself, or to something gone); point it at a folder, or set "
                    "CAREERPLANNER_HOME to one."
                ) from error
            raise UserError(
                f"Can't create the data folder {self.root} ({error.strerror})."
            ) from error
        if not os.access(self.root, os.W_OK):  # a read-only disk says so here, even to root
            raise UserError(
                f"Can't write to {self.root}: the folder or its disk is read-only. Make it "
                "writable, or set CAREERPLANNER_HOME to a folder you can write to."
            )

    def open_user_db(self) -> Database:
        """Open the user's database, checking it first: it is the precious one."""
        self.prepare()
        self._check_user_db()
        return open_database(self.user_db_path, USER_DB, self.backup_dir)

    def open_market_db(self) -> Database:
        """Open the datasets' database; a damaged one is refused with the offer to rebuild it."""
        self.prepare()
        path = self.market_db_path
        try:
            self._check_market_db()
            return open_database(path, MARKET_DB, self.backup_dir)
        except NewerDatabaseError:
            raise
        except DamagedDatabaseError as error:
            problem = str(error).removeprefix(f"{path} ").rstrip(".")
            raise RebuildableMarketError(
                f"The market data in {path} is damaged ({problem}). It holds only datasets, none "
                "of your own data, and can be rebuilt from the datasets bundled with Career "
                "Planner (datasets you imported yourself must be imported again); the damaged "
                "file will be kept. Choose Rebuild, or run `careerplanner data rebuild-market`."
            ) from error

    @property
    def _market_checked_path(self) -> Path:
        return self.root / "market.db.checked"

    def _check_market_db(self) -> None:
        """SQLite's quick_check over market.db, once per version of the file: it takes about a
        second on a large file, so what identifies the last file found healthy is kept beside
        it and an unchanged file is not read again. Its inode and change time are part of that:
        a write that keeps the size, with the modification time set back afterwards, still
        moves the change time, which no user tool can set back."""
        path = self.market_db_path
        try:
            info = path.stat()
        except FileNotFoundError:
            return
        if info.st_size == 0:
            return
        stamp = f"{info.st_size} {info.st_mtime_ns} {info.st_ino} {info.st_ctime_ns}"
        checked = self._market_checked_path
        try:
            if checked.read_text() == stamp:
                return
        except OSError:
            pass
        read_header(path)  # raises DamagedDatabaseError for a damaged header
        verdict = recovery.quick_check(path)
        if verdict in recovery.IO_ERRORS:
            raise UserError(f"Can't read {path} ({verdict}); check that the disk is readable.")
        if verdict != "ok":
            raise DamagedDatabaseError(f"{path} failed its integrity check ({verdict}).")
        try:
            fd = os.open(checked, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(stamp)
        except OSError:
            pass  # only a cache: the next start checks again

    def set_aside_market_db(self) -> Path | None:
        """Move a damaged market.db (with its -wal/-shm) into `damaged/`; where it went."""
        self._market_checked_path.unlink(missing_ok=True)
        if not self.market_db_path.exists():
            return None
        return recovery.set_aside(self.market_db_path, self.damaged_dir)

    def backup_user_db(self, reason: str) -> Path:
        """A checked, rotated backup of the user's data (before imports, restores, on close)."""
        db = self.open_user_db()
        try:
            return backup_database(db.conn, self.backup_dir, "user", reason)
        finally:
            db.close()

    def restore_user_db(self, backup: Path | None = None) -> Path:
        """Replace the user's database by `backup` (default: the newest good one).

        The current file, damaged or not, is kept in `damaged/`. Returns the backup used.
        """
        self.prepare()
        chosen = backup or recovery.newest_good_backup(self.backup_dir, "user", USER_DB)
        if chosen is None:
            raise UserError(f"There is no usable backup of your data in {self.backup_dir}.")
        if not recovery.is_good_copy(chosen, USER_DB):
            raise UserError(f"{chosen} is not a usable backup of your data; nothing was changed.")
        recovery.restore_from(chosen, self.user_db_path, self.damaged_dir, USER_DB)
        return chosen

    @property
    def plain_copy_path(self) -> Path:
        return self.root / "user-data.json"

    def _check_user_db(self) -> None:
        """Refuse damaged user data with an offer (restore a backup, or rebuild from the plain
        copy) instead of opening it; leave the file exactly as it is.

        The backups are looked at only when something is wrong: finding the newest good one
        runs an integrity check over it, which every command would otherwise pay for."""
        path = self.user_db_path
        if not path.exists():
            return
        damage: DamagedDatabaseError | None = None
        empty = False
        try:
            header = read_header(path)
            problem = None
            if header is None:
                empty, problem = True, "it is empty"
            elif header.application_id == USER_DB.application_id:
                problem = self._integrity_problem(path)
            elif header.application_id != 0 or header.is_foreign_plain_sqlite:
                problem = "it belongs to another application"
        except DamagedDatabaseError as error:
            damage, problem = error, str(error)
        if problem is None:
            return
        backup = recovery.newest_good_backup(self.backup_dir, "user", USER_DB)
        plain_copy = self.plain_copy_path if self.plain_copy_path.exists() else None
        if backup is None and plain_copy is None:
            if empty:
                return  # a fresh, never-written file
            if damage is not None:
                raise damage
        if backup is not None:
            raise RestorableDatabaseError(
                f"Your data in {path} is damaged ({problem}). The backup {backup.name} can be "
                "restored; the damaged file will be kept. Choose Restore, or run "
                "`careerplanner data restore`.",
                backup=backup,
            )
        if plain_copy is not None:
            raise RebuildableDatabaseError(
                f"Your data in {path} is damaged ({problem}) and there is no usable backup, "
                f"but it can be rebuilt from its plain copy {plain_copy.name}; the damaged file "
                "will be kept. Choose Rebuild, or run `careerplanner data rebuild`.",
                plain_copy=plain_copy,
            )
        raise DamagedDatabaseError(
            f"Your data in {path} is damaged ({problem}) and there is no backup to restore; "
            "the file was left untouched."
        )

    def _integrity_problem(self, path: Path) -> str | None:
        """quick_check's complaint, or None; a disk that can't be read or written is not damage."""
        verdict = recovery.quick_check(path)
        if verdict == "ok":
            return None
        if verdict in recovery.IO_ERRORS:
            if shutil.disk_usage(self.root).free < 1024 * 1024:
                raise UserError(
                    f"Not enough disk space in {self.root} to open your data; nothing was "
                    "changed. Free some space and try again."
                )
            raise UserError(
                f"Can't read or write {path} ({verdict}); check that the disk is writable. "
                "Nothing was changed."
            )
        return f"integrity check: {verdict}"
