"""The market index (`role_needs.market_index`), kept on disk per dataset version.

Building the index reads every occupation's ratings and technologies and derives the name forms
of ~15k skill names: 1-2 s, paid by every process that computes a gap. An installed version
never changes, so the index is built once per version and kept beside the finder cache, and
written the same way (`analysis/finder_cache.write_cache_file`), as a
JSON file (never pickle: the file is data, not code) named by a digest of everything it was
built from: the app version, the active O*NET and ESCO versions (by content digest) and the
rename table (`store/market/terms.vocabulary_key`), the bundled tables it reads, and this
format's version. Anything else (a missing, stale, damaged or foreign file) means building
again; writing is atomic and failure to write is no error, since the cache only saves time.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from careerplanner.analysis.finder_cache import cache_digest, write_cache_file
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
    digest = cache_digest(vocabulary_key(market_db), FORMAT_VERSION, _BUNDLED_INPUTS)
    return folder / "cache" / f"{PREFIX}{digest}.json"


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
        write_cache_file(
            path, {"format": FORMAT_VERSION, "index": to_state(built)}, PREFIX, KEEP_FILES
        )
    return built
