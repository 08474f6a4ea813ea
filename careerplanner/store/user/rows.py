"""Every row of the user's database as plain data, and back: the engine of the JSON backup.

`dump_user_tables` reads every table of the user's own data (profile, resume imports, skills and
overrides, history, target roles, the roadmap) as lists of row dicts, in primary-key order.
`replace_user_tables` puts such a dump back in ONE transaction after checking it against the
current schema, so a bad backup is refused before anything changes and a failure halfway rolls
back. The JSON file format around it lives in `careerplanner.exports.backup_json`, the use case
(back up, restore) in `careerplanner.services.backup`.
"""

from __future__ import annotations

import base64
import contextlib
import json
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from careerplanner.errors import UserError
from careerplanner.store.backup import backup_database
from careerplanner.store.connection import Database
from careerplanner.store.user.changes import announces_change

BYTES_TAG = "$base64"
"""A BLOB value is written as {"$base64": "..."} (JSON has no bytes)."""

COPY_CHANGES = "copy_change"  # which tables changed since the plain copy (schema v4)
_SKIPPED_TABLES = ("_sqlite_migrations", COPY_CHANGES)


class ColumnInfo(NamedTuple):
    name: str
    required: bool  # NOT NULL without a default: a row must give it
    primary_key: int


def user_table_names(db: Database) -> list[str]:
    """The tables holding user data, in a stable order (schema bookkeeping left out)."""
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    return [name for (name,) in rows if name not in _SKIPPED_TABLES]


def table_columns(db: Database, table: str) -> list[ColumnInfo]:
    rows = db.execute("SELECT name, [notnull], dflt_value, pk FROM pragma_table_info(?)", [table])
    return [
        ColumnInfo(name, bool(notnull) and default is None and not pk, pk)
        for name, notnull, default, pk in rows.fetchall()
    ]


def declared_types(db: Database) -> dict[str, dict[str, str]]:
    """Each user table's columns with their declared SQL type (the JSON backup's field checks)."""
    return {
        table: dict(db.execute("SELECT name, type FROM pragma_table_info(?)", [table]).fetchall())
        for table in user_table_names(db)
    }


def schema_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _encode(value):
    if isinstance(value, bytes):
        return {BYTES_TAG: base64.b64encode(value).decode("ascii")}
    return value


def dump_user_tables(db: Database) -> dict[str, list[dict]]:
    """Every user table as a list of row dicts, ordered by primary key (rowid otherwise)."""
    dump: dict[str, list[dict]] = {}
    for table in user_table_names(db):
        columns = table_columns(db, table)
        keys = [c.name for c in sorted(columns, key=lambda c: c.primary_key) if c.primary_key]
        order = ", ".join(f'"{key}"' for key in keys) or "rowid"
        names = [c.name for c in columns]
        select = ", ".join(f'"{name}"' for name in names)
        rows = db.execute(f'SELECT {select} FROM "{table}" ORDER BY {order}').fetchall()
        dump[table] = [
            {name: _encode(value) for name, value in zip(names, row, strict=True)} for row in rows
        ]
    return dump


def user_tables_json(db: Database) -> bytes:
    """`dump_user_tables` as compact JSON in UTF-8: the very bytes `json.dumps(dump,
    ensure_ascii=False, separators=(",", ":"), allow_nan=False)` gives, made row by row by
    SQLite's JSON functions instead of through a Python object per value (the plain copy of a
    large roadmap is megabytes: a quarter of a second of CPU the Python way, a fraction here).

    SQLite writes a float with 15 digits, which can change its value: floats are written by
    Python's repr, as `json.dumps` does; a BLOB as {"$base64": ...}, as `_encode` does. Read
    in one transaction (one consistent state of every table)."""
    with read_snapshot(db):
        return b"{" + b",".join(table_entry(db, table) for table in user_table_names(db)) + b"}"


@contextlib.contextmanager
def read_snapshot(db: Database) -> Iterator[None]:
    """Every read inside sees one state of the database (a read transaction, unless the
    connection is in one already)."""
    conn = db.conn
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN")
    try:
        yield
    finally:
        if own_transaction:
            conn.execute("ROLLBACK")  # it only read


def table_entry(db: Database, table: str) -> bytes:
    """`"table":[rows]` of `user_tables_json`."""
    return json_name(table) + b":[" + table_rows_json(db, table) + b"]"


def json_name(table: str) -> bytes:
    return json.dumps(table, ensure_ascii=False).encode()


def table_rows_json(db: Database, table: str, after_id: int | None = None) -> bytes:
    """The rows of `table` as JSON objects joined by commas, in primary-key order (rowid
    otherwise); with `after_id`, those whose `id` is above it only."""
    conn = db.conn
    conn.create_function("careerplanner_float_json", 1, float.__repr__, deterministic=True)
    conn.create_function("careerplanner_bytes_json", 1, _bytes_json, deterministic=True)
    columns = table_columns(db, table)
    keys = [c.name for c in sorted(columns, key=lambda c: c.primary_key) if c.primary_key]
    order = ", ".join(f'"{key}"' for key in keys) or "rowid"
    where, params = ("", []) if after_id is None else ("WHERE id > ?", [after_id])
    fields = ", ".join(
        f"""'{c.name.replace("'", "''")}', {_json_value(f'"{c.name}"')}""" for c in columns
    )
    select = f'SELECT json_object({fields}) AS row FROM "{table}" {where} ORDER BY {order}'
    try:
        # SQLite joins the rows itself: three times faster than fetching them one by one. It
        # takes them in the subquery's order (an aggregate over an ordered subquery reads it
        # as it comes; SQLite 3.44's ORDER BY inside group_concat is not needed for that).
        (joined,) = conn.execute(
            f"SELECT CAST(group_concat(row, ',') AS BLOB) FROM ({select})", params
        ).fetchone()
        return joined or b""
    except sqlite3.DataError:  # a table whose JSON passes SQLite's 1 GB string limit
        rows = conn.execute(f"SELECT CAST(row AS BLOB) FROM ({select})", params)
        return b",".join(row for (row,) in rows)


def keyed_by_id(db: Database, table: str) -> bool:
    """Whether `table`'s primary key is its integer `id` (rows in `id` order, new ones last)."""
    keys = [c for c in table_columns(db, table) if c.primary_key]
    return [c.name for c in keys] == ["id"]


def has_row(db: Database, table: str, row_id: int) -> bool:
    """Whether a table keyed by `id` has the row `row_id` (0: no row, always there)."""
    if not row_id:
        return True
    return db.execute(f'SELECT 1 FROM "{table}" WHERE id = ?', [row_id]).fetchone() is not None


def highest_id(db: Database, table: str) -> int:
    """The highest `id` of a table keyed by `id` (0 when empty): read from the key's b-tree,
    not a scan."""
    return db.execute(f'SELECT coalesce(max(id), 0) FROM "{table}"').fetchone()[0]


def change_tokens(db: Database) -> dict[str, tuple[int, int]]:
    """Per user table, the (rewritten, appended) tokens its triggers set at every change."""
    rows = db.execute(f"SELECT table_name, rewritten, appended FROM {COPY_CHANGES}")
    return {name: (rewritten, appended) for name, rewritten, appended in rows}


def _json_value(column: str) -> str:
    """The SQL that gives a column's value for json_object, as `json.dumps` writes it: text,
    integers and nulls as SQLite writes them; floats and bytes (rare) through Python. Checking
    each value's type as it comes is cheaper than a pass to find which columns hold any."""
    return (
        f"CASE typeof({column}) WHEN 'real' THEN json(careerplanner_float_json({column})) "
        f"WHEN 'blob' THEN json(careerplanner_bytes_json({column})) ELSE {column} END"
    )


def _bytes_json(value: bytes) -> str:
    return json.dumps(_encode(value))


def _decode(value, where: str):
    if isinstance(value, dict):
        if set(value) == {BYTES_TAG} and isinstance(value[BYTES_TAG], str):
            try:
                return base64.b64decode(value[BYTES_TAG], validate=True)
            except ValueError:
                pass
        raise UserError(f"{where} holds a value that is not text or a number.")
    if isinstance(value, list):
        raise UserError(f"{where} holds a list where a single value belongs.")
    if isinstance(value, bool):
        return int(value)
    return value


def check_user_tables(
    db: Database,
    tables: Mapping[str, object],
    source: str,
    older_schema: bool = False,
) -> dict[str, list[dict]]:
    """Check a dump against the current schema; return it with values decoded.

    Raises UserError naming `source`, the table, the row and the field for an unknown or missing
    table, a row that is not an object, an unknown field or a missing required field. A dump
    from an `older_schema` may lack tables that later migrations added: they restore empty.
    """
    current = user_table_names(db)
    unknown = sorted(set(tables) - set(current))
    if unknown:
        raise UserError(
            f"{source} has a table this version of Career Planner doesn't know ({unknown[0]})."
        )
    checked: dict[str, list[dict]] = {}
    for table in current:
        if table not in tables and not older_schema:
            raise UserError(f"{source} is missing the table {table}.")
        rows = tables.get(table, [])
        if not isinstance(rows, list):
            raise UserError(f"{source}: the table {table} is not a list of rows.")
        columns = {c.name: c for c in table_columns(db, table)}
        decoded_rows = []
        for number, row in enumerate(rows, start=1):
            where = f"{source}: row {number} of {table}"
            if not isinstance(row, dict):
                raise UserError(f"{where} is not an object.")
            extra = sorted(set(row) - set(columns))
            if extra:
                raise UserError(f"{where} has a field this version doesn't know ({extra[0]}).")
            missing = [name for name, info in columns.items() if info.required and name not in row]
            if missing:
                raise UserError(f"{where} is missing the field {missing[0]}.")
            decoded_rows.append(
                {key: _decode(value, f"{where}, field {key}") for key, value in row.items()}
            )
        checked[table] = decoded_rows
    return checked


@announces_change
def replace_user_tables(
    db: Database,
    tables: Mapping[str, object],
    source: str,
    backup_dir: Path | None = None,
    older_schema: bool = False,
) -> dict[str, int]:
    """Replace all user data with `tables` in one transaction; returns rows restored per table.

    With `backup_dir`, the current database is backed up first. A dump that breaks a constraint
    (a level out of range, a step of a goal that does not exist, ...) is refused and the
    database is left exactly as it was.
    """
    checked = check_user_tables(db, tables, source, older_schema)
    if backup_dir is not None:
        backup_database(db.conn, backup_dir, "user", reason="before-restore")
    try:
        with db.atomic():
            # Foreign keys are checked at COMMIT, so the tables can be filled in any order.
            db.execute("PRAGMA defer_foreign_keys = ON")
            for table in checked:
                db.execute(f'DELETE FROM "{table}"')
            for table, rows in checked.items():
                for number, row in enumerate(rows, start=1):
                    _insert_row(db, table, row, f"{source}: row {number} of {table}")
    except sqlite3.IntegrityError as error:
        raise UserError(
            f"{source} holds rows that point at missing rows ({error}); nothing was changed."
        ) from error
    return {table: len(rows) for table, rows in checked.items()}


def _insert_row(db: Database, table: str, row: dict, where: str) -> None:
    columns = ", ".join(f'"{name}"' for name in row)
    marks = ", ".join("?" for _ in row)
    try:
        db.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(row.values()))
    except sqlite3.IntegrityError as error:
        raise UserError(f"{where} is not valid ({error}); nothing was changed.") from error
