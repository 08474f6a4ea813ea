"""ESCO skill collections (CSV as published by the European Commission) -> kind "esco".

Used for aliases: an ESCO skill whose preferred label names a technology gives that technology
its alternative labels ("Haskell" <- "Haskell techniques"); the digital skills become terms of
their own for the skill finder. Accepts one collection CSV or a folder of them (digital,
transversal, language), each recognised by its header row.
"""

from __future__ import annotations

from pathlib import Path

from careerplanner.core.datasets import DATASET_TABLES
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.errors import UserError
from careerplanner.importers.datasets import (
    ESCO_ATTRIBUTION,
    ImportedDataset,
    ImportedFile,
    content_digest,
)
from careerplanner.importers.tabular import header_of, read_table

SIGNATURE = ("conceptUri", "preferredLabel", "altLabels")
COLUMNS = ("conceptUri", "preferredLabel", "altLabels", "skillType", "reuseLevel")


def is_esco_header(header: tuple[str, ...]) -> bool:
    return all(column in header for column in SIGNATURE)


def read_esco(
    path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    version: str = "",
) -> ImportedDataset:
    """Read one ESCO collection CSV, or every ESCO CSV in a folder (the files do not state
    their ESCO version; pass `version` when it is known)."""
    path = Path(path)
    files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
    rows: dict[str, tuple] = {}
    parts, imported = [], []
    for done, file in enumerate(files):
        cancel.check()
        progress(done, len(files), f"Reading {file.name}")
        data = file.read_bytes()
        if not is_esco_header(header_of(data, file.name)):
            if path.is_dir():
                continue
            raise UserError(f"{file.name}, line 1: the header is not an ESCO skills header.")
        table = read_table(data, file.name, delimiter=",")
        positions = table.require_columns(*COLUMNS)
        for uri, label, alt, skill_type, reuse in ([r[i] for i in positions] for r in table.rows):
            # The same skill can sit in two collections; one row per concept.
            rows[uri] = (uri, label.strip(), alt.strip(), skill_type, reuse)
        parts.append((file.name, data))
        imported.append(ImportedFile(f"esco:{file.name}", file.name, len(table)))
    if not rows:
        raise UserError(f"{path.name} holds no ESCO skills CSV.")
    progress(len(files), len(files), "ESCO skills checked")
    return ImportedDataset(
        kind="esco",
        name=f"ESCO skills {version}".strip(),
        version=version or "unknown",
        source=path.name,
        sha256=content_digest(parts),
        licence="ESCO: free reuse with acknowledgement (Commission Decision 2011/833/EU)",
        attribution=ESCO_ATTRIBUTION,
        tables={
            "esco_skill": (
                DATASET_TABLES["esco"]["esco_skill"],
                sorted(rows.values()),
            )
        },
        files=imported,
    )
