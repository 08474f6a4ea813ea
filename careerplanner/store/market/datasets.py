"""Dataset versions in the market database: install, list, switch, read back.

Every import is one `dataset` row plus its content rows; earlier versions stay and exactly one
version per kind is active. `install_dataset` writes a fully validated `ImportedDataset` (from
`careerplanner.importers.datasets`), or rows streamed from a reader as it checks them, in ONE
transaction: the new rows, the alias rows for renamed skills and the switch of the active
version commit together or not at all (a failure, a bad cell part way through a stream, a
Cancel or a kill leaves the previous version active and no partial rows).

    install_dataset(db, dataset, progress, cancel) -> InstallResult
    install_dataset(db, dataset, progress, cancel, rows=chunks, judge=verdict) -> InstallResult
    list_datasets(db) / get_dataset(db, id) / active_dataset(db, kind) / previous_dataset(db, kind)
    active_datasets(db) / active_dataset_id(db, kind)     the start screen's small reads
    use_dataset(db, id)
    read_dataset_tables(db, id)            # for pack export: {table: (columns, rows)}
    dataset_files(db, id)

The start screen reads the active datasets through this module, so it stays cheap to import:
NamedTuples rather than dataclasses (the dataclasses module and each dataclass cost ~1 ms apiece
on the start-up path), and no sqlite-utils until the first write.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, NamedTuple, Protocol

from careerplanner.core.datasets import DATASET_TABLES
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.errors import UserError
from careerplanner.store.connection import Database

BATCH_ROWS = 20_000


class DatasetContent(Protocol):
    """What `install_dataset` needs (an `importers.datasets.ImportedDataset` fits)."""

    kind: str
    name: str
    version: str
    source: str
    sha256: str
    licence: str
    attribution: str
    published: str
    tables: dict[str, tuple[tuple[str, ...], list[tuple]]]
    files: list[Any]
    notes: list[str]


class DatasetInfo(NamedTuple):
    id: int
    kind: str
    name: str
    version: str
    source: str
    sha256: str
    licence: str
    attribution: str
    published: str
    imported_at: str
    active: bool
    notes: str

    def as_dict(self) -> dict:
        return self._asdict()


class InstallResult(NamedTuple):
    dataset: DatasetInfo
    already_installed: bool
    rows: int
    renames: int = 0

    @property
    def sentence(self) -> str:
        d = self.dataset
        if self.already_installed:
            state = (
                "it is the active one" if d.active else f"switch to it with `dataset use {d.id}`"
            )
            return f"{d.name} is already installed as dataset {d.id} ({state}); nothing changed."
        if not d.active and d.notes.startswith(NOT_ACTIVE):
            why = d.notes.split("\n", 1)[0].removeprefix(NOT_ACTIVE)
            return (
                f"Installed {d.name} as dataset {d.id} ({self.rows:,} rows) but did not make it "
                f"active: {why}. Make it active with `careerplanner dataset use {d.id}` if you "
                "mean to."
            )
        return f"Installed {d.name} as dataset {d.id} ({self.rows:,} rows); it is now active."


NOT_ACTIVE = "not made active: "  # the first note of a version installed without switching to it


class DatasetSummary(NamedTuple):
    """The active version of a kind as the start screen and the market pages name it."""

    id: int
    kind: str
    name: str
    version: str

    @property
    def label(self) -> str:
        """The name, with the version when the name does not already carry it."""
        if self.version and self.version not in self.name:
            return f"{self.name} {self.version}"
        return self.name


def active_datasets(db: Database) -> list[DatasetSummary]:
    """The active dataset version of each kind, newest import first."""
    rows = db.execute(
        "SELECT id, kind, name, version FROM dataset WHERE active = 1 ORDER BY imported_at DESC"
    ).fetchall()
    return [DatasetSummary(*row) for row in rows]


def installed_kinds(db: Database) -> set[str]:
    """The dataset kinds ("onet", "wages", ...) with at least one version installed."""
    return {kind for (kind,) in db.execute("SELECT DISTINCT kind FROM dataset")}


def active_dataset_id(db: Database, kind: str) -> int | None:
    """The id of the active version of `kind`, None when none is installed."""
    for dataset in active_datasets(db):
        if dataset.kind == kind:
            return dataset.id
    return None


def active_versions(db: Database) -> tuple[tuple[int, str], ...]:
    """(id, imported_at) of every active version: changes whenever any kind switches version."""
    return tuple(db.execute("SELECT id, imported_at FROM dataset WHERE active = 1"))


_COLUMNS = (
    "id, kind, name, version, source, sha256, licence, attribution, published, imported_at, "
    "active, notes"
)


def _info(row: tuple) -> DatasetInfo:
    return DatasetInfo(*row[:10], bool(row[10]), row[11])


def list_datasets(db: Database) -> list[DatasetInfo]:
    """Every installed version, by kind, then oldest to newest."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM dataset ORDER BY kind, published, id").fetchall()
    return [_info(r) for r in rows]


def get_dataset(db: Database, dataset_id: int) -> DatasetInfo:
    row = db.execute(f"SELECT {_COLUMNS} FROM dataset WHERE id = ?", [dataset_id]).fetchone()
    if row is None:
        raise UserError(
            f"There is no dataset {dataset_id}; `dataset list` shows the installed ones."
        )
    return _info(row)


def active_dataset(db: Database, kind: str) -> DatasetInfo | None:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM dataset WHERE kind = ? AND active = 1", [kind]
    ).fetchone()
    return _info(row) if row else None


def previous_dataset(db: Database, kind: str) -> DatasetInfo | None:
    """The version before the active one of `kind` (by publication date, then import order)."""
    versions = [d for d in list_datasets(db) if d.kind == kind]
    for position, dataset in enumerate(versions):
        if dataset.active:
            return versions[position - 1] if position > 0 else None
    return None


def use_dataset(db: Database, dataset_id: int) -> DatasetInfo:
    """Make `dataset_id` the active version of its kind."""
    dataset = get_dataset(db, dataset_id)
    with db.atomic():
        db.execute("UPDATE dataset SET active = 0 WHERE kind = ? AND active = 1", [dataset.kind])
        db.execute("UPDATE dataset SET active = 1 WHERE id = ?", [dataset_id])
    return get_dataset(db, dataset_id)


def _check_tables(dataset: DatasetContent) -> None:
    known = DATASET_TABLES.get(dataset.kind)
    if known is None:
        raise UserError(
            f"{dataset.source}: “{dataset.kind}” is not a kind of dataset Career Planner knows."
        )
    for table, (columns, _rows) in dataset.tables.items():
        if table not in known:
            raise UserError(
                f"{dataset.source}: the table “{table}” does not belong to a "
                f"{dataset.kind} dataset."
            )
        unknown = set(columns) - set(known[table])
        if unknown:
            raise UserError(
                f"{dataset.source}: the table “{table}” has unknown columns {sorted(unknown)}."
            )


def install_dataset(
    db: Database,
    dataset: DatasetContent,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    activate: bool = True,
    *,
    rows: Iterable[tuple[str, list[tuple]]] | None = None,
    judge: Callable[[], tuple[bool, str]] | None = None,
) -> InstallResult:
    """Write a validated dataset and make it active, all in one transaction.

    Content already installed (same sha256) changes nothing. Raises `Cancelled` (rolled back)
    when `cancel` is set, UserError for a full disk or content that does not fit the schema.

    `rows`, when given, are (table, rows) chunks written instead of `dataset.tables` as they
    arrive (an importer reading a release piece by piece: memory stays flat in its size); an
    error they raise part way rolls everything back. `judge()` is asked once every row is
    written, still inside the transaction: (activate, reason not to) or a UserError that
    rolls it all back.
    """
    existing = db.execute("SELECT id FROM dataset WHERE sha256 = ?", [dataset.sha256]).fetchone()
    if existing:
        return InstallResult(get_dataset(db, existing[0]), already_installed=True, rows=0)
    _check_tables(dataset)
    total = sum(len(table_rows) for _, table_rows in dataset.tables.values())
    done = 0
    renames = 0
    gc_was_enabled = gc.isenabled()
    gc.disable()  # nothing cyclic is built here; the collector would only rescan the rows
    try:
        with db.atomic():
            dataset_id = _insert_dataset_row(db, dataset)
            statements: dict[str, str] = {}
            chunks = _batches(dataset) if rows is None else _streamed(dataset, rows)
            for table, columns, batch in chunks:
                cancel.check()
                if table not in statements:
                    statements[table] = (
                        f"INSERT INTO {table} (dataset_id, {', '.join(columns)}) "
                        f"VALUES ({dataset_id}, {', '.join('?' * len(columns))})"
                    )
                db.conn.executemany(statements[table], batch)
                done += len(batch)
                if rows is None:  # a stream's reader reports its own progress
                    progress(done, total, f"Saving {dataset.name}")
                del batch
            db.conn.executemany(
                "INSERT INTO dataset_file (dataset_id, role, file_name, rows, layout) "
                "VALUES (?, ?, ?, ?, ?)",
                [(dataset_id, f.role, f.file_name, f.rows, f.layout) for f in dataset.files],
            )
            if judge is not None:
                activate, reason = judge()
                if not activate and reason:
                    dataset.notes.insert(0, NOT_ACTIVE + reason)
            db.execute(
                "UPDATE dataset SET notes = ? WHERE id = ?", ["\n".join(dataset.notes), dataset_id]
            )
            cancel.check()
            if dataset.kind == "onet":
                # Start-up: the start screen imports this module; the rename detector (difflib)
                # is only needed by an O*NET install.
                from careerplanner.store.market.renames import record_renames

                renames = record_renames(db, dataset_id)
            if activate:
                db.execute(
                    "UPDATE dataset SET active = 0 WHERE kind = ? AND active = 1", [dataset.kind]
                )
                db.execute("UPDATE dataset SET active = 1 WHERE id = ?", [dataset_id])
            cancel.check()
    except sqlite3.OperationalError as error:
        if "full" in str(error).lower():
            raise UserError(
                f"Not enough disk space to install {dataset.name}; nothing was changed."
            ) from error
        raise
    finally:
        if gc_was_enabled:
            gc.enable()
    return InstallResult(
        get_dataset(db, dataset_id), already_installed=False, rows=done, renames=renames
    )


def _batches(dataset: DatasetContent) -> Iterator[tuple[str, tuple[str, ...], list[tuple]]]:
    for table, (columns, table_rows) in dataset.tables.items():
        for start in range(0, len(table_rows), BATCH_ROWS):
            yield table, columns, table_rows[start : start + BATCH_ROWS]


def _streamed(
    dataset: DatasetContent, chunks: Iterable[tuple[str, list[tuple]]]
) -> Iterator[tuple[str, tuple[str, ...], list[tuple]]]:
    """Streamed chunks carry every column of their table, in `DATASET_TABLES` order."""
    known = DATASET_TABLES[dataset.kind]
    for table, table_rows in chunks:
        if table not in known:
            raise UserError(
                f"{dataset.source}: the table “{table}” does not belong to a "
                f"{dataset.kind} dataset."
            )
        yield table, known[table], table_rows


def _insert_dataset_row(db: Database, dataset: DatasetContent) -> int:
    cursor = db.execute(
        "INSERT INTO dataset (kind, name, version, source, sha256, licence, attribution, "
        "published, imported_at, active, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
        [
            dataset.kind,
            dataset.name,
            dataset.version,
            dataset.source,
            dataset.sha256,
            dataset.licence,
            dataset.attribution,
            dataset.published,
            datetime.now(UTC).isoformat(timespec="seconds"),
            "\n".join(dataset.notes),
        ],
    )
    return int(cursor.lastrowid)


def read_dataset_tables(
    db: Database, dataset_id: int
) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """The content of a version, table by table, in the columns an importer provides (the
    inverse of `install_dataset`; pack export writes these)."""
    kind = get_dataset(db, dataset_id).kind
    tables = {}
    for table, columns in DATASET_TABLES.get(kind, {}).items():
        rows = db.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE dataset_id = ? ORDER BY rowid"
            if _has_rowid(db, table)
            else f"SELECT {', '.join(columns)} FROM {table} WHERE dataset_id = ?",
            [dataset_id],
        ).fetchall()
        if rows:
            tables[table] = (columns, rows)
    return tables


def dataset_files(db: Database, dataset_id: int) -> list[dict]:
    """The files an import read: role, file name, rows and layout notes."""
    rows = db.execute(
        "SELECT role, file_name, rows, layout FROM dataset_file WHERE dataset_id = ? ORDER BY role",
        [dataset_id],
    ).fetchall()
    return [dict(zip(("role", "file_name", "rows", "layout"), r, strict=True)) for r in rows]


def _has_rowid(db: Database, table: str) -> bool:
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    return "WITHOUT ROWID" not in sql.upper()


def resolve_skill_key(db: Database, key: str) -> str:
    """Follow renames: the key a skill has in the active O*NET version.

    A key the active version still lists is returned unchanged (after switching back to an
    older release, its old names are live again); an unknown key is returned unchanged too.
    """
    onet = active_dataset(db, "onet")
    seen = {key}
    while True:
        if onet is not None and _tech_key_exists(db, onet.id, key):
            return key
        row = db.execute("SELECT new_key FROM skill_alias WHERE old_key = ?", [key]).fetchone()
        if row is None or row[0] in seen:
            return key
        key = row[0]
        seen.add(key)


def _tech_key_exists(db: Database, dataset_id: int, key: str) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM onet_tech_skill WHERE dataset_id = ? AND skill_key = ? LIMIT 1",
            [dataset_id, key],
        ).fetchone()
        is not None
    )
