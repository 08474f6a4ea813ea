"""The compiled skill finder, kept on disk per dataset version so a process need not rebuild it.

Compiling the vocabulary (the dataset's terms, every profession's skills, the curated table)
costs more than reading a resume. An installed dataset version never changes, so the finder is
built once per version and kept as a JSON file (never pickle: the file is data, not code) named
by a digest of everything it was built from: the app version, the caller's key (the active
dataset ids and digests and the alias table, from `store/market/terms.vocabulary_key`), the
bundled word lists and tables, and this format's version. Anything else (a missing, stale,
damaged or foreign file) means building again; writing is atomic and failure to write is no
error, since the cache only saves time.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from careerplanner import __version__
from careerplanner.analysis.skill_finder import SkillFinder
from careerplanner.core.collector import paused_collector
from careerplanner.paths import bundled_data_path

# 2: entries carry `capitalised`; 3: branches as JSON texts; 4: own names first; 5: ESCO's
# example products are no names of its generic skills
FORMAT_VERSION = 5
KEEP_FILES = 3  # older cache files than the newest few are deleted
_BUNDLED_INPUTS = ("aliases.csv", "profession_terms.csv", "credentials.csv", "words")
_log = logging.getLogger(__name__)


def cache_digest(
    key: str, format_version: int = FORMAT_VERSION, inputs: tuple[str, ...] = _BUNDLED_INPUTS
) -> str:
    """The digest naming a cache file for `key`, the cache's format version and the bundled
    data files it was built from (by size and time), in this version of the app."""
    digest = hashlib.sha256(f"{format_version}\n{__version__}\n{key}\n".encode())
    for name in inputs:
        path = bundled_data_path(name)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                stat = file.stat()
                digest.update(f"{file.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def cached_finder(cache_dir: Path, key: str, build: Callable[[], SkillFinder]) -> SkillFinder:
    """The finder for `key`, read from `cache_dir` when kept there, else built and kept."""
    path = Path(cache_dir) / f"finder-{cache_digest(key)}.json"
    try:
        with paused_collector(), open(path, encoding="utf-8") as handle:
            state = json.load(handle)
            if state.get("format") == FORMAT_VERSION:
                finder = SkillFinder.from_state(state["finder"])
                # The finder's hundreds of thousands of dicts and lists live as long as the
                # process: frozen, the collector no longer walks them all in its next young
                # and middle collections (~0.2 s of a resume parse) nor in every full one.
                gc.freeze()
                return finder
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError) as error:
        _log.warning("Rebuilding the skill finder: its cache %s is unreadable (%s)", path, error)
    finder = build()
    write_cache_file(path, {"format": FORMAT_VERSION, "finder": finder.to_state()}, "finder-")
    return finder


def write_cache_file(path: Path, state: dict, prefix: str, keep: int = KEEP_FILES) -> None:
    """Write `state` as compact JSON to `path` atomically, then delete all but the newest `keep`
    files named `<prefix>*.json` beside it. Failing to write is logged, never raised: a cache
    only saves time."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # like the data folder
        handle, temporary = tempfile.mkstemp(prefix=f".{prefix}", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                # dumps, not dump: dump streams through the pure-Python encoder (3x slower)
                out.write(json.dumps(state, separators=(",", ":")))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(path.parent, prefix, path, keep)
    except OSError as error:
        _log.warning("A cache file could not be written in %s (%s)", path.parent, error)


def _prune(folder: Path, prefix: str, newest: Path, keep: int) -> None:
    files = sorted(folder.glob(f"{prefix}*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [f for f in files if f != newest][keep - 1 :]:
        old.unlink(missing_ok=True)
