"""Decide whether a dropped or opened file is a resume or a dataset (no Qt here).

The extension is a first hint; the content decides where it is ambiguous: a zip may be a LinkedIn
export (a resume), an O*NET release or a skill-demand pack (datasets); a CSV may be BLS wages or job
postings; a JSON file may be a JSON Resume. Only names and the first bytes are read, never a whole
file, so routing a huge file is instant.
"""

from __future__ import annotations

import json
import zipfile
from enum import Enum
from pathlib import Path

RESUME_EXTENSIONS = {".pdf", ".docx", ".doc", ".md", ".markdown", ".rtf"}
ONET_MARKERS = ("occupation data.txt", "technology skills.txt", "skills.txt", "knowledge.txt")
LINKEDIN_MARKERS = ("profile.csv", "positions.csv", "skills.csv")
PACK_MARKER = "manifest.json"
HEAD_BYTES = 4096


class FileKind(Enum):
    RESUME = "resume"
    DATASET = "dataset"
    UNKNOWN = "unknown"


def _zip_names(path: Path) -> list[str]:
    try:
        with zipfile.ZipFile(path) as archive:
            return [name.rsplit("/", 1)[-1].lower() for name in archive.namelist()]
    except (zipfile.BadZipFile, OSError):
        return []


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


def _looks_like_onet_text(head: str) -> bool:
    first_line = head.splitlines()[0] if head else ""
    return "O*NET-SOC Code" in first_line and "\t" in first_line


def _classify_zip(path: Path) -> FileKind:
    names = _zip_names(path)
    if PACK_MARKER in names or any(name in ONET_MARKERS for name in names):
        return FileKind.DATASET
    if any(name in LINKEDIN_MARKERS for name in names):
        return FileKind.RESUME
    return FileKind.UNKNOWN


def _classify_csv(path: Path) -> FileKind:
    header = _head(path).splitlines()[0:1]
    columns = header[0].lower() if header else ""
    if "occ_code" in columns or "description" in columns or "o*net-soc code" in columns:
        return FileKind.DATASET
    return FileKind.UNKNOWN


def _classify_json(path: Path) -> FileKind:
    head = _head(path)
    # A JSON Resume starts with (or soon mentions) "basics"; don't parse a possibly huge file.
    if '"basics"' in head or '"work"' in head:
        return FileKind.RESUME
    try:
        if path.stat().st_size < 1_000_000 and isinstance(
            json.loads(path.read_text("utf-8")), dict
        ):
            return FileKind.RESUME
    except (OSError, ValueError):
        pass
    return FileKind.UNKNOWN


def classify_file(path: Path) -> FileKind:
    """Whether `path` is a resume or a dataset file (or folder), judged by name and content."""
    if path.is_dir():
        names = {child.name.lower() for child in path.iterdir()}
        return FileKind.DATASET if names & set(ONET_MARKERS) else FileKind.UNKNOWN
    suffix = path.suffix.lower()
    if suffix in RESUME_EXTENSIONS:
        return FileKind.RESUME
    if suffix == ".zip":
        return _classify_zip(path)
    if suffix in (".csv", ".tsv", ".xls", ".xlsx"):
        return _classify_csv(path)
    if suffix == ".json":
        return _classify_json(path)
    if suffix == ".txt":
        return FileKind.DATASET if _looks_like_onet_text(_head(path)) else FileKind.RESUME
    return FileKind.UNKNOWN
