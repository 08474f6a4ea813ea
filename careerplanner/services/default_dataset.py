"""The bundled default dataset's manifest (`data/default.json`), and which of its parts a market
database still lacks.

Kept apart from the installer so that start-up can ask "is anything missing?" with one query,
without loading the importers: on every start but the first, the answer is no.
"""

from __future__ import annotations

import json
from pathlib import Path

from careerplanner import paths
from careerplanner.errors import UserError
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import installed_kinds

DEFAULT_MANIFEST = "default.json"


def default_data_dir() -> Path:
    """The bundled `data/` folder (source tree, wheel or PyInstaller bundle)."""
    try:
        folder = paths.bundled_data_path()
    except FileNotFoundError:
        folder = None
    if folder is None or not (folder / DEFAULT_MANIFEST).is_file():
        raise UserError(
            "The bundled dataset is missing (data/default.json); reinstall the application."
        )
    return folder


def missing_default_parts(db: Database, folder: Path | None = None) -> list[dict]:
    """The manifest's parts (`{"kind", "file", ...}`) whose kind has no version in `db` yet."""
    folder = Path(folder) if folder else default_data_dir()
    manifest = json.loads((folder / DEFAULT_MANIFEST).read_text(encoding="utf-8"))
    installed = installed_kinds(db)
    return [part for part in manifest["parts"] if part["kind"] not in installed]
