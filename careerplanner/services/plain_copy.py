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
`refresh_plain_copy` writes it at once (after a restore, say). A table that did not change since
the copy was written is not read again: its part of the previous copy is kept (the database's
triggers tell which tables changed, `store/user/rows.change_tokens`; `cache/plain-copy-parts.json`
says where each table's rows are in the copy), and a table that only grew gets its new rows.
`rebuild_from_plain_copy` makes a new user database from it when the database is damaged and no
good backup exists.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

from careerplanner.errors import UserError
from careerplanner.exports.backup_json import backup_document, read_backup_file
from careerplanner.exports.files import write_file
from careerplanner.paths import ensure_private_dir
from careerplanner.services.backup import restore_backup
from careerplanner.services.plain_copy_writer import PlainCopyWriter
from careerplanner.store import recovery
from careerplanner.store.connection import Database
from careerplanner.store.data_dir import DataDir
from careerplanner.store.database import open_database
from careerplanner.store.stamps import now_stamp
from careerplanner.store.user.rows import (
    change_tokens,
    has_row,
    highest_id,
    json_name,
    keyed_by_id,
    read_snapshot,
    schema_version,
    table_columns,
    table_rows_json,
    user_table_names,
)
from careerplanner.store.user.schema import USER_DB

PLAIN_COPY_NAME = "user-data.json"
PARTS_NAME = "plain-copy-parts.json"  # in the data folder's cache: where each table's rows are
PARTS_FORMAT = 2  # 2: the copy is known by its inode, size and time, not by a digest
USER_DB_NAME = "user.db"  # as DataDir.user_db_path names it

log = logging.getLogger(__name__)


def plain_copy_path(data_dir_root: Path) -> Path:
    """Where the plain copy of the user's data lives in a data directory."""
    return Path(data_dir_root) / PLAIN_COPY_NAME


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _write_copy(user_db: Database, root: Path, previous: bytes | None = None) -> bytes | None:
    """Write the copy unless the data is in the state `previous` (a `_data_state`) and the
    copy is there; returns the state of the data the copy holds (None: not known)."""
    with read_snapshot(user_db):  # one state of every table
        tokens = change_tokens(user_db)
        state = _data_state(user_db, tokens)
        if state is not None and state == previous and plain_copy_path(root).is_file():
            return state
        tables, parts = _tables_json(user_db, root, tokens)
        version = schema_version(user_db)
    document = backup_document(version, {}, now_stamp())
    del document["tables"]
    # The backup document with its tables spliced in, written piece by piece: the large part
    # is serialised once and never copied into one buffer.
    head = (_compact(document)[:-1] + ',"tables":').encode("utf-8")
    written = {}
    path = write_file(
        plain_copy_path(root),
        [head, *tables, b"}\n"],
        before_replace=lambda fd: written.update(file=_identity(os.fstat(fd))),
    )
    os.chmod(path, 0o600)  # mkstemp already makes it 0600; say so explicitly, it is personal data
    _keep_parts(root, written["file"], len(head), parts)
    return state


def _data_state(user_db: Database, tokens: dict[str, tuple[int, int]]) -> bytes | None:
    """The state of the data, in a few bytes: the schema's version and every table's change
    tokens (its triggers set new random ones at each change). Equal states, equal data: a copy
    of it need not be written again. None when a table has no tokens (it can't be told)."""
    names = user_table_names(user_db)
    if any(name not in tokens for name in names):
        return None
    return _compact([schema_version(user_db), [[name, *tokens[name]] for name in names]]).encode()


def _tables_json(user_db: Database, root: Path, tokens: dict) -> tuple[list, dict[str, dict]]:
    """The copy's "tables" object in pieces, and where each table's rows are in it (with what
    they were made from). A table whose triggers' `tokens` are the ones the previous copy was
    made with keeps its rows from that copy; one that only had rows added gets those."""
    old_data, old_parts = _previous_copy(root)
    pieces, parts = [b"{"], {}
    offset = 1
    for number, table in enumerate(user_table_names(user_db)):
        columns = [column.name for column in table_columns(user_db, table)]
        token = tokens.get(table)
        rows = _reused_rows(user_db, table, columns, token, old_data, old_parts.get(table))
        if rows is None:
            rows = [table_rows_json(user_db, table)]
        start = json_name(table) + b":["
        if number:
            start = b"," + start
        size = sum(len(piece) for piece in rows)
        part = {"columns": columns, "tokens": list(token) if token else None}
        part["start"], part["end"] = offset + len(start), offset + len(start) + size
        if keyed_by_id(user_db, table):
            part["max_id"] = highest_id(user_db, table)
        parts[table] = part
        pieces += [start, *rows, b"]"]
        offset = part["end"] + 1
    pieces.append(b"}")
    return pieces, parts


def _reused_rows(db, table, columns, token, old_data, old) -> list | None:
    """The table's rows from the previous copy (and any added since), in pieces (views of the
    previous copy, not copies of it), None when they must be read again: changed, or the
    previous copy or its record can't be trusted for them."""
    if token is None or old is None or old["columns"] != columns or old["tokens"] is None:
        return None
    if old["tokens"][0] != token[0]:
        return None  # a row changed, went, or came in among the others
    start, end = old["start"], old["end"]
    if old_data[start - 1 : start] != b"[" or old_data[end : end + 1] != b"]":
        return None
    kept = old_data[start:end]
    if old["tokens"][1] == token[1]:
        return [kept]
    if "max_id" not in old or not has_row(db, table, old["max_id"]):
        # The copy's last row is gone: the data went back (a backup restored), not forward.
        return None
    # Rows were only added, and each after the last (an insert below the highest id changes
    # the "rewritten" token, its trigger says): the new rows are those above the old highest.
    added = table_rows_json(db, table, after_id=old["max_id"])
    return [kept, b",", added] if len(kept) and added else [kept, added]


def _parts_path(root: Path) -> Path:
    return Path(root) / "cache" / PARTS_NAME


def _previous_copy(root: Path) -> tuple[bytes, dict[str, dict]]:
    """The copy on disk and where its tables' rows are (offsets in the tables object), when the
    record of its parts describes exactly this file; else nothing to reuse.

    "Exactly this file" is the file the record was written for: the same inode, size and
    modification time (as `git` trusts its index). Written again by another process, or edited
    by hand, the copy is another file, and is then read no further."""
    try:
        record = json.loads(_parts_path(root).read_bytes())
        with plain_copy_path(root).open("rb") as handle:
            identity = _identity(os.fstat(handle.fileno()))
            data = handle.read()
        check = record.pop("check")
        trusted = (
            check == _record_check(record)
            and record["format"] == PARTS_FORMAT
            and record["file"] == identity
            and data[-2:] == b"}\n"
        )
        return (memoryview(data)[record["head"] : -2], record["tables"]) if trusted else (b"", {})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return b"", {}


def _identity(stat: os.stat_result) -> list[int]:
    """Which file this is: inode, size and modification time (nanoseconds). Not the change
    time of `paths.file_version`: it is taken before the rename that puts the copy in place,
    and a rename moves it."""
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def _record_check(record: dict) -> str:
    """A checksum of the record itself: a damaged record is never trusted."""
    return hashlib.sha256(_compact(record).encode("utf-8")).hexdigest()


def _keep_parts(root: Path, file: list[int], head: int, parts: dict[str, dict]) -> None:
    """Record where each table's rows are in the copy just written (`file`: its `_identity`,
    `head`: where its tables start). Written after the copy: a crash between, or another
    process's copy put in place since, leaves a record of another file, which is not trusted."""
    record = {"format": PARTS_FORMAT, "file": file, "head": head, "tables": parts}
    record["check"] = _record_check(record)
    try:
        ensure_private_dir(Path(root) / "cache")
        write_file(_parts_path(root), _compact(record).encode("utf-8"))
    except (UserError, OSError) as error:
        # The record left describes another copy: it will not be trusted (its `file`).
        log.info("The record of the plain copy's parts was not kept: %s", error)


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
