"""Skill-demand packs in and out of the market database.

    export_pack(db, dataset_id, out_path, progress, cancel) -> Path
    import_pack(path, db, progress, cancel) -> InstallResult

Any installed version (O*NET, wages, ESCO or postings) exports as a pack; importing that pack
elsewhere reproduces the version exactly: the same dataset row (name, version, source, sha256,
licence, attribution, published date, notes), the same files and every content row. The pack's
table layouts are checked against this database's own schema before anything is written, and
the rows go in through `store.market.datasets.install_dataset`, in one transaction.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from careerplanner.core.datasets import DATASET_TABLES
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.exports.files import write_file
from careerplanner.importers.datasets.pack import (
    DATASET_FILE_SPEC,
    ColumnSpec,
    PackManifest,
    TableSpec,
    column_type,
    read_pack,
    write_pack,
)
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import (
    InstallResult,
    dataset_files,
    get_dataset,
    install_dataset,
    read_dataset_tables,
)
from careerplanner.store.market.schema import column_info


def table_specs(db: Database, kind: str) -> dict[str, TableSpec] | None:
    """The tables of a dataset kind as this database defines them (types, NULLs, keys)."""
    tables = DATASET_TABLES.get(kind)
    if tables is None:
        return None
    specs = {}
    for table, columns in tables.items():
        info = column_info(db, table)  # cid, name, type, notnull, default, pk
        key = [name for name, row in sorted(info.items(), key=lambda item: item[1][5]) if row[5]]
        specs[table] = TableSpec(
            table,
            tuple(
                ColumnSpec(name, column_type(info[name][2]), nullable=not info[name][3])
                for name in columns
            ),
            tuple(name for name in key if name != "dataset_id"),
        )
    return specs


def pack_id(kind: str, name: str, version: str) -> str:
    """A readable identifier: "onet-o-net-29-2-29-2"-style slug of kind, name and version."""
    slug = re.sub(r"[^a-z0-9]+", "-", f"{kind} {name} {version}".casefold()).strip("-")
    return slug or kind


def export_pack(
    db: Database,
    dataset_id: int,
    out_path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Path:
    """Write installed version `dataset_id` as a pack at `out_path`: a file is replaced
    atomically; a device or a pipe (`-o /dev/stdout`) is written to, never replaced."""
    out_path = Path(out_path)
    if out_path.exists() and not out_path.is_file() and not out_path.is_dir():
        with tempfile.TemporaryDirectory(prefix="careerplanner-pack-") as folder:
            built = export_pack(db, dataset_id, Path(folder) / "pack.zip", progress, cancel)
            return write_file(out_path, built.read_bytes())
    dataset = get_dataset(db, dataset_id)
    specs = table_specs(db, dataset.kind) or {}
    contents = read_dataset_tables(db, dataset_id)
    tables = [(specs[name], rows) for name, (_columns, rows) in contents.items() if name in specs]
    files = [
        (f["role"], f["file_name"], f["rows"], f["layout"]) for f in dataset_files(db, dataset_id)
    ]
    tables.append((DATASET_FILE_SPEC, files))
    manifest = PackManifest(
        id=pack_id(dataset.kind, dataset.name, dataset.version),
        kind=dataset.kind,
        name=dataset.name,
        version=dataset.version,
        published=dataset.published,
        source=dataset.source,
        licence=dataset.licence,
        attribution=dataset.attribution,
        dataset_sha256=dataset.sha256,
        notes=dataset.notes,
    )
    return write_pack(Path(out_path), manifest, tables, progress, cancel)


def import_pack(
    path: Path,
    db: Database,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    activate: bool = True,
) -> InstallResult:
    """Validate a pack completely, then install it as a new version in one transaction.

    A pack whose dataset is already installed (same content SHA-256) changes nothing. Raises
    `UserError` naming the file and the reason, `Cancelled` (rolled back) on Cancel.
    """
    _manifest, dataset = read_pack(Path(path), lambda kind: table_specs(db, kind), progress, cancel)
    return install_dataset(db, dataset, progress, cancel, activate=activate)
