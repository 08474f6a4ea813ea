"""Decide whether a dropped or opened file is a resume or a dataset (no Qt here).

The dataset side is the dataset import's own detector (`datasets.detect.detect`), so the window
routes to the dataset import exactly the files that import accepts. A resume is recognised by its
extension (PDF, Word, Markdown), or by content where the extension is ambiguous: a zip may be a
LinkedIn export, a JSON file a JSON Resume, a .txt file plain resume text. Only names and the
first bytes are read, never a whole file, so routing a huge file is instant.
"""

from __future__ import annotations

import json
import zipfile
from enum import Enum
from pathlib import Path

from careerplanner.errors import UserError
from careerplanner.importers.datasets.detect import detect
from careerplanner.importers.resume.structured import LINKEDIN_FILES

RESUME_EXTENSIONS = {".pdf", ".docx", ".doc", ".md", ".markdown", ".rtf"}
HEAD_BYTES = 4096


class FileKind(Enum):
    RESUME = "resume"
    DATASET = "dataset"
    UNKNOWN = "unknown"


def classify_file(path: Path) -> FileKind:
    """Whether `path` is a resume or a dataset file (or folder), judged by name and content."""
    if path.is_dir():
        return FileKind.DATASET if _is_dataset(path) else FileKind.UNKNOWN
    suffix = path.suffix.lower()
    if suffix in RESUME_EXTENSIONS:
        return FileKind.RESUME
    if suffix == ".json":
        # No dataset is a lone JSON file (a skill-demand pack is a zip).
        return FileKind.RESUME if _is_json_resume(path) else FileKind.UNKNOWN
    if _is_dataset(path):
        return FileKind.DATASET
    if suffix == ".zip" and _is_linkedin_export(path):
        return FileKind.RESUME
    if suffix == ".txt":
        return FileKind.RESUME
    return FileKind.UNKNOWN


def _is_dataset(path: Path) -> bool:
    try:
        detect(path)
    except (UserError, OSError):
        return False
    return True


def _is_linkedin_export(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = {name.rsplit("/", 1)[-1].lower() for name in archive.namelist()}
    except (zipfile.BadZipFile, OSError):
        return False
    return bool(names & LINKEDIN_FILES)


def _head(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(HEAD_BYTES)
    except OSError:
        return ""
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return ""


def _is_json_resume(path: Path) -> bool:
    head = _head(path)
    # A JSON Resume starts with (or soon mentions) "basics"; don't parse a possibly huge file.
    if '"basics"' in head or '"work"' in head:
        return True
    try:
        return path.stat().st_size < 1_000_000 and isinstance(
            json.loads(path.read_text("utf-8")), dict
        )
    except (OSError, ValueError):
        return False
