"""The JSON backup of all the user's data: writing it from the database, restoring it into one.

The file format (and its checks) is `careerplanner.exports.backup_json`; the rows come from and
go back through `careerplanner.store.user.rows`, which restores in one transaction and refuses a
dump that does not fit the current schema, leaving the database as it was.
"""

from __future__ import annotations

from pathlib import Path

from careerplanner.exports.backup_fields import check_fields
from careerplanner.exports.backup_json import (
    backup_bytes,
    backup_document,
    is_older_schema,
    read_backup_file,
)
from careerplanner.exports.files import write_file
from careerplanner.store.connection import Database
from careerplanner.store.stamps import now_stamp
from careerplanner.store.user.rows import (
    declared_types,
    dump_user_tables,
    replace_user_tables,
    schema_version,
)


def build_backup(db: Database, exported_at: str | None = None) -> dict:
    """The backup document for the user's database."""
    return backup_document(schema_version(db), dump_user_tables(db), exported_at or now_stamp())


def write_backup(db: Database, path: Path, exported_at: str | None = None) -> Path:
    """Write the JSON backup of all user data to `path` (atomically)."""
    return write_file(path, backup_bytes(build_backup(db, exported_at)))


def restore_backup(db: Database, path: Path, backup_dir: Path | None = None) -> dict[str, int]:
    """Replace all user data with the backup at `path`; returns rows restored per table.

    Refuses (UserError, database unchanged) invalid JSON, another format, a newer backup format
    or database schema, and missing tables or fields. With `backup_dir` the database is backed
    up first.
    """
    document = read_backup_file(path)
    source = str(path)
    older = is_older_schema(document, schema_version(db), source)
    check_fields(document["tables"], declared_types(db), source)  # types and ranges, first
    return replace_user_tables(db, document["tables"], source, backup_dir, older)


def check_stored_fields(db: Database, source: str, advice: str) -> None:
    """The same type and range checks over the rows already stored (`data check`)."""
    check_fields(dump_user_tables(db), declared_types(db), source, advice)
