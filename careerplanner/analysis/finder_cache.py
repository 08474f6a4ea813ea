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

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from careerplanner import __version__
from careerplanner.analysis.skill_finder import SkillFinder
from careerplanner.paths import bundled_data_path

FORMAT_VERSION = 2  # 2: entries carry `capitalised`
KEEP_FILES = 3  # older cache files than the newest few are deleted
_BUNDLED_INPUTS = ("aliases.csv", "profession_terms.csv", "credentials.csv", "words")
_log = logging.getLogger(__name__)


def cache_digest(key: str) -> str:
    """The digest naming the cache file for `key` and the bundled inputs of this install."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}\n{__version__}\n{key}\n".encode())
    for name in _BUNDLED_INPUTS:
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
        with open(path, encoding="utf-8") as handle:
            state = json.load(handle)
        if state.get("format") == FORMAT_VERSION:
            return SkillFinder.from_state(state["finder"])
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError) as error:
        _log.warning("Rebuilding the skill finder: its cache %s is unreadable (%s)", path, error)
    finder = build()
    _write(path, {"format": FORMAT_VERSION, "finder": finder.to_state()})
    return finder


def _write(path: Path, state: dict) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # like the data folder
        handle, temporary = tempfile.mkstemp(prefix=".finder-", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(state, out, separators=(",", ":"))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(path.parent, keep=path)
    except OSError as error:
        _log.warning("The skill finder could not be cached in %s (%s)", path.parent, error)


def _prune(folder: Path, keep: Path) -> None:
    files = sorted(folder.glob("finder-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [f for f in files if f != keep][KEEP_FILES - 1 :]:
        old.unlink(missing_ok=True)
