"""The JSON backup: all of the user's data in one plain file that restores exactly.

Layout: {"format": "careerplanner-backup", "format_version": 1, "app_version", "schema_version",
"exported_at", "tables": {table: [row objects]}}. Restoring checks the whole file first (valid
JSON, our format, not newer than this version, every table and required field present) and then
replaces the data in one transaction, after a backup of the database as it was; a bad file is
refused with one sentence and the database is left unchanged.

This module turns the plain data into bytes and back, with the checks of the file itself;
reading the rows from a database and putting them back is `careerplanner.services.backup`.
"""

from __future__ import annotations

import json
from pathlib import Path

from careerplanner import __version__
from careerplanner.core.regular_file import read_capped, require_regular
from careerplanner.errors import UserError

BACKUP_FORMAT = "careerplanner-backup"
BACKUP_FORMAT_VERSION = 1
MAX_BACKUP_BYTES = 512 * 1024 * 1024
REQUIRED_FIELDS = ("format", "format_version", "schema_version", "tables")


def backup_document(schema_version: int, tables: dict[str, list[dict]], exported_at: str) -> dict:
    """The backup document around a dump of the user's tables (`store.user.rows`)."""
    return {
        "format": BACKUP_FORMAT,
        "format_version": BACKUP_FORMAT_VERSION,
        "app_version": __version__,
        "schema_version": schema_version,
        "exported_at": exported_at,
        "tables": tables,
    }


def backup_bytes(document: dict) -> bytes:
    """Serialise a backup: UTF-8, keys in a stable order, readable indentation."""
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False)
    return (text + "\n").encode("utf-8")


def _no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"the key {key!r} appears twice in one object")
        seen[key] = value
    return seen


def _refuse_constant(name):
    raise ValueError(f"{name} is not a number JSON allows")


def parse_backup(data: bytes, source: str) -> dict:
    """Parse and check a backup's outer layout; raise UserError with one sentence if it is bad."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(
            f"{source} is not a Career Planner backup (it is not UTF-8 text); nothing was changed."
        ) from None
    try:
        document = json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as error:
        raise UserError(
            f"{source} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}); nothing was changed."
        ) from None
    except ValueError as error:
        raise UserError(f"{source} is not a valid backup: {error}; nothing was changed.") from None
    except RecursionError:
        raise UserError(
            f"{source} is nested too deeply to be a backup; nothing was changed."
        ) from None
    if not isinstance(document, dict) or document.get("format") != BACKUP_FORMAT:
        raise UserError(f"{source} is not a Career Planner backup; nothing was changed.")
    for name in REQUIRED_FIELDS:
        if name not in document:
            raise UserError(f"{source} is missing the field {name}; nothing was changed.")
    version = document["format_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UserError(f"{source} has an invalid format_version ({version!r}).")
    if version > BACKUP_FORMAT_VERSION:
        raise UserError(
            f"{source} was written by a newer version of Career Planner (backup format "
            f"{version}; this version reads up to {BACKUP_FORMAT_VERSION}); update the "
            "application to restore it. Nothing was changed."
        )
    schema = document["schema_version"]
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 0:
        raise UserError(f"{source} has an invalid schema_version ({schema!r}).")
    if not isinstance(document["tables"], dict):
        raise UserError(f"{source}: the field tables is not an object; nothing was changed.")
    return document


def read_backup_file(path: Path) -> dict:
    """Read and check a backup file's outer layout."""
    path = Path(path).expanduser()
    if not path.exists():
        raise UserError(f"Can't find {path}.")
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a backup file.")
    size = require_regular(path).st_size  # not /dev/zero behind a link, not a FIFO
    too_large = f"{path} is too large to be a Career Planner backup ({size} bytes)."
    if size > MAX_BACKUP_BYTES:
        raise UserError(too_large)
    data = read_capped(path, MAX_BACKUP_BYTES, too_large)
    return parse_backup(data, str(path))


def is_older_schema(document: dict, current_schema: int, source: str) -> bool:
    """Whether a checked backup comes from an older data schema than `current_schema`; a newer
    one is refused (UserError) before anything changes."""
    if document["schema_version"] > current_schema:
        raise UserError(
            f"{source} was written by a newer version of Career Planner (data schema "
            f"{document['schema_version']}, this version knows {current_schema}); update the "
            "application to restore it. Nothing was changed."
        )
    return document["schema_version"] < current_schema
