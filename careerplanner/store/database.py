"""Opening a Career Planner database safely.

Every open goes through `open_database`: the file is created 0600 in a 0700 folder, its header is
read *before* SQLite touches it (so a file from a newer version or a foreign application is left
byte-identical), a backup is taken before any pending migration, and the connection gets WAL,
foreign keys and `synchronous=FULL`.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote

from careerplanner.errors import DamagedDatabaseError, NewerDatabaseError, UserError
from careerplanner.paths import ensure_private_dir
from careerplanner.store.backup import backup_database
from careerplanner.store.connection import Database

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations


Migration = Callable[[Database], None]


# NamedTuples rather than dataclasses on the start-up path: the dataclasses module and each
# dataclass cost ~1 ms apiece there.
class DatabaseSpec(NamedTuple):
    """What makes a file one of our databases: its application id and its migrations.

    `steps` are the migration functions in order, append-only; they run through sqlite-utils
    `Migrations` (`migrations`), which is built only when a database actually needs migrating, so
    an everyday start does not load sqlite-utils.
    """

    label: str  # "your data" / "market data": used in messages
    application_id: int
    name: str  # the migration set's name in sqlite-utils' `_sqlite_migrations` table
    steps: tuple[Migration, ...]

    @property
    def schema_version(self) -> int:
        """The version this code writes: one step per migration, append-only."""
        return len(self.steps)

    @property
    def migrations(self) -> Migrations:
        return _migrations(self.name, self.steps)


@cache
def _migrations(name: str, steps: tuple[Migration, ...]) -> Migrations:
    # Heavy: sqlite-utils (~110 ms) loads only when a database actually needs migrating.
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(name)
    for step in steps:
        migrations(name=step.__name__)(step)
    return migrations


class Header(NamedTuple):
    user_version: int
    application_id: int
    # Application id 0 with tables is another program's file, never ours. Counted only for a
    # file with no application id (None otherwise): counting makes SQLite parse the whole
    # schema, which every start would pay for on each of its files.
    table_count: int | None

    @property
    def is_foreign_plain_sqlite(self) -> bool:
        """A plain SQLite file with content: ours are stamped in the transaction that creates
        their first table, so an unstamped file of ours has no table at all."""
        return self.application_id == 0 and bool(self.table_count)


def read_header(path: Path) -> Header | None:
    """The database's `user_version` and `application_id`, read by SQLite, read-only.

    Never with a plain `open()`: POSIX locks belong to the process, so closing *any* descriptor of
    the file drops every lock this process's live connections hold on it; another process's SQLite
    then believes it is alone, checkpoints and deletes the WAL, and every later change of ours goes
    into a deleted file (issue 16). A read-only SQLite connection shares the process's locks and
    never writes the file, so a newer or foreign file stays byte-identical.

    Returns None for an empty file (a fresh pre-created database). Raises DamagedDatabaseError for
    anything that is not SQLite.
    """
    info = os.stat(path)  # stat, not open
    if not stat.S_ISREG(info.st_mode):
        raise UserError(
            f"{path} is a {'folder' if stat.S_ISDIR(info.st_mode) else 'special file'}, but "
            "Career Planner keeps its data in a file of that name; move it elsewhere or rename "
            "it, then start again. Nothing was changed."
        )
    size = info.st_size
    if size == 0:
        return None
    damaged = DamagedDatabaseError(f"{path} is not a Career Planner database (damaged header).")
    if size < 100:
        raise damaged
    try:
        conn = sqlite3.connect(f"{path_uri(path)}?mode=ro", uri=True, timeout=10)
        try:
            (user_version,) = conn.execute("PRAGMA user_version").fetchone()
            (application_id,) = conn.execute("PRAGMA application_id").fetchone()
            table_count = None
            if application_id == 0:
                (table_count,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError:
        raise  # the disk or permissions, not the file: the caller words it
    except sqlite3.DatabaseError as error:  # "file is not a database", "malformed"
        raise damaged from error
    return Header(user_version, application_id & 0xFFFFFFFF, table_count)


def path_uri(path: Path) -> str:
    """A `file:` URI for SQLite that keeps `?` and `#` in folder names from being read as query."""
    return "file:" + quote(str(Path(path).absolute()))


def _create_private_file(path: Path) -> None:
    # SQLite gives the -wal and -shm files the main file's mode, so create it 0600 up front.
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _connect(path: Path) -> Database:
    db = Database(sqlite3.connect(str(path), timeout=10, check_same_thread=False))
    db.execute("PRAGMA recursive_triggers = ON")  # what sqlite-utils sets on every connection
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    return db


def check_file(path: Path, spec: DatabaseSpec) -> Header | None:
    """Refuse a newer or foreign database before anything writes to it."""
    header = read_header(path)
    if header is None:
        return None
    if header.application_id not in (0, spec.application_id):
        raise DamagedDatabaseError(
            f"{path} belongs to another application, not Career Planner; it was left untouched."
        )
    if header.user_version > spec.schema_version:
        raise NewerDatabaseError(
            f"{path} was saved by a newer version of Career Planner (schema "
            f"{header.user_version}, this version knows {spec.schema_version}); update the "
            "application to open it. The file was left untouched."
        )
    if header.application_id == 0 and (header.user_version != 0 or header.table_count):
        raise DamagedDatabaseError(
            f"{path} is another program's SQLite file, not a Career Planner database; it was "
            "left untouched."
        )
    return header


def open_database(path: Path, spec: DatabaseSpec, backup_dir: Path) -> Database:
    """Open (creating if needed) and migrate the database at `path`."""
    ensure_private_dir(path.parent)
    try:
        if not path.exists():
            _create_private_file(path)
        header = check_file(path, spec)
        db = _connect(path)
    except OSError as error:  # permission, read-only disk, disk full
        raise UserError(
            f"Can't write to {error.filename or path} ({error.strerror}); check that the disk "
            "is writable and has free space."
        ) from error
    except sqlite3.OperationalError as error:  # the disk, not the file, is the problem
        raise UserError(
            f"Can't open {path} ({error}); check that the disk is writable and has free space."
        ) from error
    except sqlite3.DatabaseError as error:
        raise DamagedDatabaseError(f"{path} is damaged and can't be opened ({error}).") from error
    try:
        _migrate(db, path, spec, header, backup_dir)
    except BaseException:
        db.close()
        raise
    return db


def _migrate(
    db: Database,
    path: Path,
    spec: DatabaseSpec,
    header: Header | None,
    backup_dir: Path,
) -> None:
    # Every migration run stamps user_version in the same transaction, so a file stamped with
    # this version has nothing pending (the everyday case, decided without sqlite-utils).
    if header is not None and header.user_version == spec.schema_version:
        return
    pending = spec.migrations.pending(db.full)
    if not pending:
        return
    if header is not None and header.user_version > 0:
        backup_database(db.conn, backup_dir, path.stem, reason="before-migration")
    try:
        # One outer transaction: a migration that fails halfway leaves schema and rows unchanged.
        with db.atomic():
            spec.migrations.apply(db.full)
            db.execute(f"PRAGMA application_id = {int(spec.application_id)}")
            db.execute(f"PRAGMA user_version = {spec.schema_version}")
    except sqlite3.OperationalError as error:
        if "full" in str(error).lower():
            raise UserError(
                f"Not enough disk space to update {path}; nothing was changed."
            ) from error
        raise UserError(
            f"Updating {spec.label} ({path}) failed ({error}); a backup was kept in {backup_dir}."
        ) from error
