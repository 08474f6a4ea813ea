"""The app's own open skill-demand pack: reading (validated) and writing (docs/pack-format.md).

A pack is a zip holding `manifest.json` and one CSV file per table. The manifest names the
dataset (kind, id, version, published date, source, licence, attribution), describes each table
(columns with their type, the key) and gives the SHA-256 of every file. `read_pack` checks all of
it before returning anything, so a refused pack never reaches the database; `write_pack` writes
to a temporary file and renames it into place, so a failed export leaves no half-written pack.

This module knows nothing about the database: the store passes the table layout it expects
(`TableSpec`s, built from the market schema) and receives plain rows (`ImportedDataset`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from careerplanner.core.datasets import PACK_MANIFEST
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.errors import UserError
from careerplanner.importers.datasets import ImportedDataset, ImportedFile
from careerplanner.importers.safe_zip import SafeZip
from careerplanner.importers.tabular import CellError, read_table

PACK_FORMAT = "careerplanner-skill-demand-pack"
PACK_FORMAT_VERSION = 1
MAX_MANIFEST_BYTES = 4 << 20
FILES_TABLE = "dataset_file"
"""The table listing the files the dataset was originally imported from (kept for provenance)."""

_TEXT_FIELDS = ("id", "kind", "name", "version", "published", "source", "licence", "attribution")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: str  # integer | real | text
    nullable: bool = False


@dataclass(frozen=True)
class TableSpec:
    """A table's layout as the app expects it: columns in order and the key (may be empty)."""

    name: str
    columns: tuple[ColumnSpec, ...]
    key: tuple[str, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@dataclass
class PackManifest:
    """The parsed manifest.json of a pack."""

    id: str
    kind: str
    name: str
    version: str
    published: str
    source: str
    licence: str
    attribution: str
    dataset_sha256: str
    notes: str = ""
    format_version: int = PACK_FORMAT_VERSION
    files: dict[str, str] = field(default_factory=dict)  # file name -> sha256
    tables: list[dict] = field(default_factory=list)


Schema = Callable[[str], Mapping[str, TableSpec] | None]
"""Given a dataset kind, the tables the app expects for it (None: an unknown kind)."""


# ---------------------------------------------------------------------------- reading


def read_pack(
    path: Path,
    schema: Schema,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> tuple[PackManifest, ImportedDataset]:
    """Open, check and parse a pack; raise `UserError` naming the file and the reason.

    Refused: not a zip or an unsafe one (see `SafeZip`), a missing or invalid manifest, a newer
    format version, a file listed but missing or present but not listed, a SHA-256 mismatch, a
    table the app does not know or with other columns, a ragged row, a bad number, NaN or
    infinity, and a key that appears twice.
    """
    path = Path(path)
    pack = path.name
    with SafeZip.open(path) as archive:
        names = archive.names()
        if PACK_MANIFEST not in names:
            raise UserError(f"{pack} is not a skill-demand pack: it has no {PACK_MANIFEST}.")
        if archive.size(PACK_MANIFEST) > MAX_MANIFEST_BYTES:
            raise UserError(f"{pack}: {PACK_MANIFEST} is too large to be a pack manifest.")
        manifest = parse_manifest(archive.read(PACK_MANIFEST), pack)
        specs = schema(manifest.kind)
        if specs is None:
            raise UserError(
                f"{pack}: {PACK_MANIFEST} names the dataset kind “{manifest.kind}”, which this "
                "version of Career Planner does not know."
            )
        listed = set(manifest.files)
        for name in names:
            if name != PACK_MANIFEST and name not in listed:
                raise UserError(f"{pack}: the file “{name}” is not listed in {PACK_MANIFEST}.")
        for name in manifest.files:
            if name not in names:
                raise UserError(f"{pack}: the file “{name}” listed in {PACK_MANIFEST} is missing.")
        data: dict[str, bytes] = {}
        for done, (name, expected) in enumerate(sorted(manifest.files.items()), start=1):
            cancel.check()
            progress(done, len(manifest.files) * 2, f"Checking {name}")
            content = archive.read(name)
            if hashlib.sha256(content).hexdigest() != expected:
                raise UserError(
                    f"{pack}: the checksum of “{name}” does not match {PACK_MANIFEST} "
                    "(the file was changed or damaged); nothing was imported."
                )
            data[name] = content
    dataset = ImportedDataset(
        kind=manifest.kind,
        name=manifest.name,
        version=manifest.version,
        source=manifest.source,
        sha256=manifest.dataset_sha256,
        licence=manifest.licence,
        attribution=manifest.attribution,
        published=manifest.published,
        notes=[manifest.notes] if manifest.notes else [],
    )
    expected_tables = {**specs, FILES_TABLE: DATASET_FILE_SPEC}
    seen: set[str] = set()
    for done, table in enumerate(manifest.tables, start=1):
        cancel.check()
        spec = _check_table_entry(table, expected_tables, manifest, pack)
        if spec.name in seen:
            raise UserError(f"{pack}: {PACK_MANIFEST} describes the table “{spec.name}” twice.")
        seen.add(spec.name)
        progress(len(manifest.files) + done, len(manifest.files) * 2, f"Reading {spec.name}")
        rows = _parse_table(data[table["file"]], f"{pack}: {table['file']}", spec, table)
        if spec.name == FILES_TABLE:
            dataset.files = [ImportedFile(*row) for row in rows]
        else:
            dataset.tables[spec.name] = (spec.column_names, rows)
    return manifest, dataset


def parse_manifest(raw: bytes, pack: str) -> PackManifest:
    """Check the manifest's JSON, format and fields; refuse with the reason."""

    def no_duplicates(pairs: list[tuple[str, object]]) -> dict:
        keys = [key for key, _ in pairs]
        for key in keys:
            if keys.count(key) > 1:
                raise UserError(f"{pack}: {PACK_MANIFEST} has the key “{key}” twice.")
        return dict(pairs)

    try:
        document = json.loads(
            raw.decode("utf-8-sig"), object_pairs_hook=no_duplicates, parse_constant=_no_constant
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, ValueError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if hasattr(error, "lineno") else ""
        raise UserError(f"{pack}: {PACK_MANIFEST} is not valid JSON{where}.") from error
    if not isinstance(document, dict) or document.get("format") != PACK_FORMAT:
        raise UserError(
            f"{pack}: {PACK_MANIFEST} is not a Career Planner skill-demand pack manifest."
        )
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UserError(f"{pack}: {PACK_MANIFEST} has no valid “format_version”.")
    if version > PACK_FORMAT_VERSION:
        raise UserError(
            f"{pack} uses pack format {version}, newer than this version of Career Planner "
            f"reads ({PACK_FORMAT_VERSION}); update the application to import it."
        )
    for key in (*_TEXT_FIELDS, "dataset_sha256"):
        if not isinstance(document.get(key), str):
            raise UserError(f"{pack}: {PACK_MANIFEST} lacks the text field “{key}”.")
    if not document["id"] or not document["kind"] or not document["name"]:
        raise UserError(f"{pack}: {PACK_MANIFEST} has an empty “id”, “kind” or “name”.")
    if not _SHA256.match(document["dataset_sha256"]):
        raise UserError(f"{pack}: {PACK_MANIFEST} has an invalid “dataset_sha256”.")
    files = document.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(v, str) and _SHA256.match(v) for v in files.values()
    ):
        raise UserError(f"{pack}: {PACK_MANIFEST} needs “files”: each file name with its SHA-256.")
    tables = document.get("tables")
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise UserError(f"{pack}: {PACK_MANIFEST} needs “tables”, a list of table descriptions.")
    notes = document.get("notes", "")
    return PackManifest(
        **{key: document[key] for key in _TEXT_FIELDS},
        dataset_sha256=document["dataset_sha256"],
        notes=notes if isinstance(notes, str) else "",
        format_version=version,
        files=files,
        tables=tables,
    )


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed")


def _check_table_entry(table: dict, expected: Mapping[str, TableSpec], manifest, pack) -> TableSpec:
    name, file = table.get("name"), table.get("file")
    if not isinstance(name, str) or not isinstance(file, str):
        raise UserError(f"{pack}: a table in {PACK_MANIFEST} lacks its “name” or “file”.")
    spec = expected.get(name)
    if spec is None:
        raise UserError(
            f"{pack}: the table “{name}” is not part of a “{manifest.kind}” dataset in this "
            "version of Career Planner."
        )
    if file not in manifest.files:
        raise UserError(f"{pack}: the table “{name}” points to “{file}”, which is not listed.")
    declared = table.get("columns")
    wanted = [{"name": c.name, "type": c.type, "nullable": c.nullable} for c in spec.columns]
    written = (
        [
            {k: c.get(k) for k in ("name", "type", "nullable")} if isinstance(c, dict) else c
            for c in declared
        ]
        if isinstance(declared, list)
        else None
    )
    # A pack written before a migration added nullable columns at the end of a table lacks
    # them: it is read as it was written, and the store leaves those columns NULL (unknown).
    older = written is not None and 0 < len(written) < len(wanted)
    if (
        older
        and written == wanted[: len(written)]
        and all(c.nullable for c in spec.columns[len(written) :])
    ):
        spec = TableSpec(spec.name, spec.columns[: len(written)], spec.key)
        wanted = wanted[: len(written)]
    if written != wanted:
        raise UserError(
            f"{pack}: the columns of “{file}” in {PACK_MANIFEST} differ from the table "
            f"“{name}” this version of Career Planner expects ({', '.join(spec.column_names)})."
        )
    key = table.get("key")
    if not isinstance(key, list) or key != list(spec.key):
        raise UserError(f"{pack}: the key of “{file}” in {PACK_MANIFEST} is not {list(spec.key)}.")
    return spec


def _parse_table(raw: bytes, source: str, spec: TableSpec, entry: dict) -> list[tuple]:
    table = read_table(raw, source, delimiter=",", allow_header_only=True)
    if table.header != spec.column_names:
        raise UserError(
            f"{source}, line 1: the header should be {', '.join(spec.column_names)} "
            f"(found {', '.join(table.header)})."
        )
    markers = {c.get("name"): c.get("null") for c in entry["columns"]}
    converters = {c.name: _converter(c, markers.get(c.name)) for c in spec.columns}
    rows = table.convert(converters)
    declared_rows = entry.get("rows")
    if isinstance(declared_rows, int) and declared_rows != len(rows):
        raise UserError(
            f"{source} holds {len(rows):,} rows but {PACK_MANIFEST} says {declared_rows:,}; "
            "the pack is incomplete."
        )
    if spec.key:
        _check_unique(table, rows, spec, source)
    return rows


def _converter(column: ColumnSpec, null_marker: object) -> Callable[[str], object]:
    nullable = column.nullable
    if column.type == "text":
        if nullable and isinstance(null_marker, str) and null_marker:
            return lambda value: None if value == null_marker else value
        return lambda value: value
    parse = int if column.type == "integer" else float

    def convert(value: str) -> object:
        if value == "":
            if nullable:
                return None
            raise CellError("the cell is empty but this column needs a number.")
        try:
            number = parse(value)
        except ValueError:
            number = float(value) if column.type == "integer" else None
            if number is None:
                raise
        if isinstance(number, float) and not math.isfinite(number):
            raise CellError(f"“{value}” is not a finite number (NaN and infinity are refused).")
        return number

    return convert


def _check_unique(table, rows: list[tuple], spec: TableSpec, source: str) -> None:
    positions = [spec.column_names.index(k) for k in spec.key]
    seen: dict[tuple, int] = {}
    for index, row in enumerate(rows):
        key = tuple(row[p] for p in positions)
        first = seen.setdefault(key, index)
        if first != index:
            shown = ", ".join(f"{k}={v!r}" for k, v in zip(spec.key, key, strict=True))
            raise UserError(
                f"{source}, line {table.line_of(index)}: the key ({shown}) appears twice "
                f"(first on line {table.line_of(first)})."
            )


# ---------------------------------------------------------------------------- writing

DATASET_FILE_SPEC = TableSpec(
    FILES_TABLE,
    (
        ColumnSpec("role", "text"),
        ColumnSpec("file_name", "text"),
        ColumnSpec("rows", "integer"),
        ColumnSpec("layout", "text"),
    ),
    ("role",),
)


def write_pack(
    out_path: Path,
    manifest: PackManifest,
    tables: Iterable[tuple[TableSpec, Iterable[tuple]]],
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Path:
    """Write a pack: one CSV per table plus manifest.json with every file's SHA-256.

    Rows must be in the spec's column order. The zip is written next to `out_path` under a
    temporary name and renamed into place at the end.
    """
    out_path = Path(out_path)
    partial = out_path.with_name(f".{out_path.name}.partial")
    files: dict[str, str] = {}
    entries: list[dict] = []
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for done, (spec, rows) in enumerate(tables, start=1):
                cancel.check()
                progress(done, done + 1, f"Writing {spec.name}")
                file_name = f"{spec.name}.csv"
                content, count, markers = _table_csv(spec, rows)
                archive.writestr(file_name, content)
                files[file_name] = hashlib.sha256(content).hexdigest()
                entries.append(_table_entry(spec, file_name, count, markers))
            document = _manifest_document(manifest, files, entries)
            archive.writestr(
                PACK_MANIFEST, json.dumps(document, indent=2, ensure_ascii=False) + "\n"
            )
        os.replace(partial, out_path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return out_path


def _table_csv(spec: TableSpec, rows: Iterable[tuple]) -> tuple[bytes, int, dict[str, str]]:
    rows = list(rows)
    markers: dict[str, str] = {}
    nullable_text: list[tuple[int, str]] = []
    for position, column in enumerate(spec.columns):
        if column.type == "text" and column.nullable:
            marker = _unused_marker(row[position] for row in rows)
            markers[column.name] = marker
            nullable_text.append((position, marker))
        _check_values(column, (row[position] for row in rows))
    if nullable_text:
        rows = [_with_markers(row, nullable_text) for row in rows]
    buffer = io.StringIO(newline="")
    # The csv module writes None as an empty cell and a float as repr(): the shortest text that
    # reads back as exactly the same double.
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(spec.column_names)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8"), len(rows), markers


def _with_markers(row: tuple, nullable_text: list[tuple[int, str]]) -> tuple:
    if all(row[position] is not None for position, _ in nullable_text):
        return row
    cells = list(row)
    for position, marker in nullable_text:
        if cells[position] is None:
            cells[position] = marker
    return tuple(cells)


def _check_values(column: ColumnSpec, values: Iterable[object]) -> None:
    """Refuse what a CSV cell can't carry exactly: infinities and binary data."""
    for value in values:
        if value is None or isinstance(value, int | str):
            continue
        if isinstance(value, float):
            if math.isfinite(value):
                continue
            raise UserError(f"The column “{column.name}” holds {value}, which a pack can't carry.")
        raise UserError(
            f"The column “{column.name}” holds {type(value).__name__} data, which a pack can't "
            "carry."
        )


def _unused_marker(values: Iterable[object]) -> str:
    """A text that stands for NULL in a nullable text column: "\\N", lengthened until unused."""
    present = {v for v in values if isinstance(v, str) and v.startswith("\\N")}
    marker = "\\N"
    while marker in present:
        marker += "N"
    return marker


def _table_entry(spec: TableSpec, file_name: str, rows: int, markers: Mapping[str, str]) -> dict:
    columns = []
    for column in spec.columns:
        entry: dict[str, object] = {
            "name": column.name,
            "type": column.type,
            "nullable": column.nullable,
        }
        if column.name in markers:
            entry["null"] = markers[column.name]
        columns.append(entry)
    return {
        "name": spec.name,
        "file": file_name,
        "rows": rows,
        "key": list(spec.key),
        "columns": columns,
    }


def _manifest_document(manifest: PackManifest, files: dict, entries: list) -> dict:
    document: dict[str, object] = {"format": PACK_FORMAT, "format_version": PACK_FORMAT_VERSION}
    for key in _TEXT_FIELDS:
        document[key] = getattr(manifest, key)
    document["dataset_sha256"] = manifest.dataset_sha256
    document["notes"] = manifest.notes
    document["files"] = files
    document["tables"] = entries
    return document


def column_type(declared: str) -> str:
    """A SQLite declared type -> the pack column type, by SQLite's own affinity rules."""
    upper = declared.upper()
    if "INT" in upper:
        return "integer"
    if any(word in upper for word in ("CHAR", "CLOB", "TEXT")) or not upper:
        return "text"
    if any(word in upper for word in ("REAL", "FLOA", "DOUB")):
        return "real"
    return "real"  # NUMERIC affinity: numbers


__all__ = [
    "PACK_FORMAT_VERSION",
    "ColumnSpec",
    "PackManifest",
    "TableSpec",
    "column_type",
    "read_pack",
    "write_pack",
]
