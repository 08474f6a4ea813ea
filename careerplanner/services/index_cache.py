"""The market index (`role_needs.market_index`), kept on disk per dataset version.

Building the index reads every occupation's ratings and technologies and derives the name forms
of ~15k skill names: 1-2 s, paid by every process that computes a gap. An installed version
never changes, so the index is built once per version and kept beside the finder cache as a
JSON file (never pickle: the file is data, not code) named by a digest of everything it was
built from: the app version, the active O*NET and ESCO versions (by content digest) and the
rename table (`store/market/terms.vocabulary_key`), the bundled tables it reads, and this
format's version. Anything else (a missing, stale, damaged or foreign file) means building
again; writing is atomic and failure to write is no error, since the cache only saves time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from careerplanner import __version__
from careerplanner.paths import bundled_data_path
from careerplanner.store.connection import Database
from careerplanner.store.market.terms import market_folder, vocabulary_key

FORMAT_VERSION = 3  # 3: each occupation's ratings, technologies and ESCO skills as JSON text
KEEP_FILES = 2  # older index files (~20 MB each) than the newest two are deleted
PREFIX = "market-index-"
# What the index reads besides the database: ESCO skills of each occupation, the curated
# aliases and the ordinary words (both decide name forms).
_BUNDLED_INPUTS = ("occupation_skills.csv", "aliases.csv", "words")
_log = logging.getLogger(__name__)
T = TypeVar("T")


def index_cache_path(market_db: Database) -> Path | None:
    """Where the index of the active versions is kept (None for an in-memory database)."""
    folder = market_folder(market_db)
    if folder is None:
        return None
    return folder / "cache" / f"{PREFIX}{_digest(vocabulary_key(market_db))}.json"


def _digest(key: str) -> str:
    digest = hashlib.sha256(f"{FORMAT_VERSION}\n{__version__}\n{key}\n".encode())
    for name in _BUNDLED_INPUTS:
        path = bundled_data_path(name)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                stat = file.stat()
                digest.update(f"{file.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def cached_index(
    market_db: Database,
    build: Callable[[], T],
    to_state: Callable[[T], dict],
    from_state: Callable[[dict], T],
) -> T:
    """`from_state` of the kept state when it is there and readable, else what `build` makes,
    kept (as `to_state` of it) for the next process."""
    path = index_cache_path(market_db)
    if path is not None:
        try:
            with open(path, encoding="utf-8") as handle:
                state = json.load(handle)
            if state.get("format") == FORMAT_VERSION:
                return from_state(state["index"])
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
            _log.warning(
                "Rebuilding the market index: its cache %s is unreadable (%s)", path, error
            )
    built = build()
    if path is not None:
        _write(path, {"format": FORMAT_VERSION, "index": to_state(built)})
    return built


def _write(path: Path, state: dict) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # like the data folder
        handle, temporary = tempfile.mkstemp(prefix=f".{PREFIX}", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                # dumps, not dump: dump streams through the pure-Python encoder (3x slower)
                out.write(json.dumps(state, separators=(",", ":")))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(path.parent, keep=path)
    except OSError as error:
        _log.warning("The market index could not be cached in %s (%s)", path.parent, error)


def _prune(folder: Path, keep: Path) -> None:
    files = sorted(folder.glob(f"{PREFIX}*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [f for f in files if f != keep][KEEP_FILES - 1 :]:
        old.unlink(missing_ok=True)
