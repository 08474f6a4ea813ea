"""Dataset files -> rows for the store: O*NET releases, BLS wages, ESCO skills, postings, packs.

Every reader here validates the *whole* input before returning and never touches the database:
it returns an `ImportedDataset` (plain rows per table, with the columns named), which
`careerplanner.store.market.datasets.install_dataset` writes in one transaction. An O*NET
release can also be streamed (`onet.open_onet_release`): its rows are checked chunk by chunk as
the installer writes them, inside that one transaction, which a bad cell rolls back. The table and
column names are those of `careerplanner.core.datasets.DATASET_TABLES`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ImportedFile:
    """One file an import read: its role (recognised from the header), name, rows, layout notes."""

    role: str
    file_name: str
    rows: int
    layout: str = ""


@dataclass
class ImportedDataset:
    """A validated dataset version, ready to install.

    `tables` maps a table name to `(columns, rows)`; each row is a tuple in `columns` order
    (without `dataset_id`, which the store adds). `sha256` identifies the content: importing
    content with a known sha256 again changes nothing.
    """

    kind: str  # onet | wages | esco | postings
    name: str
    version: str
    source: str
    sha256: str
    licence: str = ""
    attribution: str = ""
    published: str = ""
    tables: dict[str, tuple[tuple[str, ...], list[tuple]]] = field(default_factory=dict)
    files: list[ImportedFile] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def row_count(self) -> int:
        return sum(len(rows) for _, rows in self.tables.values())


def content_digest(parts: list[tuple[str, bytes]]) -> str:
    """A SHA-256 over named parts, independent of their order and of how they were packaged
    (the same release read from a folder or from its zip gives the same digest)."""
    return combined_digest([(name, hashlib.sha256(data).digest()) for name, data in parts])


def combined_digest(parts: list[tuple[str, bytes]]) -> str:
    """`content_digest` from each part's own SHA-256 digest, so a reader can hash a file and
    let its bytes go before reading the next."""
    outer = hashlib.sha256()
    for name, digest in sorted(parts, key=lambda part: part[0]):
        outer.update(name.encode("utf-8") + b"\0" + digest)
    return outer.hexdigest()


ONET_ATTRIBUTION = (
    "This product includes information from the {release} Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA. Modified by Career Planner."
)
ESCO_ATTRIBUTION = "This product uses the ESCO classification of the European Commission."
BLS_ATTRIBUTION = (
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics."
)
