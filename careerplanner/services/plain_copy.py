"""The plain JSON copy of the user's data (reliability rule 8), and rebuilding from it.

SQLite backups protect against most damage, but a second copy in a plain, readable format is what
calibre and Firefox keep for the day every binary copy is lost: `<data dir>/user-data.json`
holds the profile, the overrides and the whole roadmap in the JSON backup format of
`careerplanner.exports.backup_json`, written compactly (it is read by programs, and a large
roadmap's copy is several megabytes). It is rewritten (atomically, mode 0600) after the user's
data changes: the store announces each change (`careerplanner.store.user.changes`). The
composition root (`careerplanner.cli.main`, for the window and the commands) registers
`note_change`, which writes the copy once per action on a thread of its own
(`careerplanner.services.plain_copy_writer`), and `flush_plain_copy` before it exits;
`refresh_plain_copy` writes it at once (after a restore, say).
`rebuild_from_plain_copy` makes a new user database from it when the database is damaged and no
good backup exists.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from careerplanner.errors import UserError
from careerplanner.exports.backup_json import backup_document, read_backup_file
from careerplanner.exports.files import write_file
from careerplanner.services.backup import restore_backup
from careerplanner.services.plain_copy_writer import PlainCopyWriter, tables_digest
from careerplanner.store import recovery
from careerplanner.store.connection import Database
from careerplanner.store.data_dir import DataDir
from careerplanner.store.database import open_database
from careerplanner.store.stamps import now_stamp
from careerplanner.store.user.rows import dump_user_tables, schema_version
from careerplanner.store.user.schema import USER_DB

PLAIN_COPY_NAME = "user-data.json"
USER_DB_NAME = "user.db"  # as DataDir.user_db_path names it

log = logging.getLogger(__name__)


def plain_copy_path(data_dir_root: Path) -> Path:
    """Where the plain copy of the user's data lives in a data directory."""
    return Path(data_dir_root) / PLAIN_COPY_NAME


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _write_copy(user_db: Database, root: Path, previous: bytes | None = None) -> bytes | None:
    """Write the copy unless its tables are the ones of `previous` (a digest); returns the
    digest of the tables written (or kept), None when nothing was written."""
    tables = _compact(dump_user_tables(user_db))
    digest = tables_digest(tables.encode("utf-8"))
    if digest == previous and plain_copy_path(root).is_file():
        return digest
    document = backup_document(schema_version(user_db), {}, now_stamp())
    del document["tables"]
    # The backup document with its tables spliced in: the large part is serialised once.
    text = _compact(document)[:-1] + ',"tables":' + tables + "}\n"
    path = write_file(plain_copy_path(root), text.encode("utf-8"))
    os.chmod(path, 0o600)  # mkstemp already makes it 0600; say so explicitly, it is personal data
    return digest


def write_plain_copy(user_db: Database, data_dir_root: Path) -> Path:
    """Write the plain JSON copy of everything in `user_db` to `<data_dir_root>/user-data.json`.

    The file is replaced atomically (a crash leaves the previous copy whole) and is private
    (0600). Raises UserError when the folder can't be written (disk full, read-only).
    """
    _write_copy(user_db, Path(data_dir_root))
    return plain_copy_path(data_dir_root)


def _user_db_root(db: Database) -> Path | None:
    """The data directory of `db` when it is the user database of a data directory (not a
    staging copy such as the one `rebuild_from_plain_copy` builds, which must not overwrite
    the copy it is being built from)."""
    if db.execute("PRAGMA application_id").fetchone()[0] != USER_DB.application_id:
        return None
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file and Path(file).name == USER_DB_NAME:
            return Path(file).parent
    return None


def refresh_plain_copy(db: Database) -> Path | None:
    """Rewrite the plain copy after a committed change; never fails the change itself. The
    listener of `careerplanner.store.user.changes` that the composition roots register.

    Skipped inside an open transaction (the outer change refreshes it once it commits, so the
    copy never holds rows that might still roll back) and for databases that are not a user
    database in a data directory. A failure to write is logged: the change is already safely
    in the database, and the next change writes the copy again.
    """
    if db.conn.in_transaction:
        return None
    root = _user_db_root(db)
    if root is None:
        return None
    try:
        return write_plain_copy(db, root)
    except (UserError, OSError) as error:
        log.warning("The plain copy of your data was not updated: %s", error)
        return None


_WRITER = PlainCopyWriter(_write_copy)


def note_change(db: Database, at_once: bool = False) -> None:
    """The listener of `careerplanner.store.user.changes` the composition root registers: the
    copy is written once the action's writes are over, on the writer's thread, from its own
    connection. Ignored inside an open transaction (the outer change notes it once it
    commits) and for databases that are not the user database of a data directory.
    `at_once` starts the write without waiting for more changes (a command's one action)."""
    if db.conn.in_transaction:
        return
    root = _user_db_root(db)
    if root is not None:
        _WRITER.note(root, at_once)


def flush_plain_copy(timeout: float | None = 60.0) -> bool:
    """Write the copies `note_change` has pending and wait for them (before the process
    exits); False when they took longer than `timeout` seconds."""
    return _WRITER.flush(timeout)


def rebuild_from_plain_copy(data_dir) -> dict[str, int]:
    """Make a new user database from `<data dir>/user-data.json`; returns rows per table.

    For a damaged database with no good backup. The plain copy is checked completely before
    anything moves; the new database is built beside the old one and only then put in place,
    and the damaged file (with its -wal/-shm) is kept in `damaged/`. `data_dir` is a
    `careerplanner.store.data_dir.DataDir` or the data directory's path.
    """
    if not isinstance(data_dir, DataDir):
        data_dir = DataDir(Path(data_dir))

    source = plain_copy_path(data_dir.root)
    if not source.exists():
        raise UserError(
            f"There is no plain copy of your data ({source}) to rebuild from; nothing was changed."
        )
    read_backup_file(source)  # refuse a bad copy before anything moves
    data_dir.prepare()
    staging = data_dir.user_db_path.with_name(data_dir.user_db_path.name + ".rebuilding")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{staging}{suffix}").unlink(missing_ok=True)  # a rebuild that died earlier
    try:
        db = open_database(staging, USER_DB, data_dir.backup_dir)
        try:
            counts = restore_backup(db, source)
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise UserError(f"The database rebuilt from {source} failed its check.")
        finally:
            db.close()  # the last close checkpoints the WAL into the file
    except BaseException:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{staging}{suffix}").unlink(missing_ok=True)
        raise
    try:
        if data_dir.user_db_path.exists():
            recovery.set_aside(data_dir.user_db_path, data_dir.damaged_dir)
        os.replace(staging, data_dir.user_db_path)
    except OSError as error:
        raise UserError(
            f"Can't put the rebuilt data in place in {data_dir.root} ({error.strerror})."
        ) from error
    return counts
