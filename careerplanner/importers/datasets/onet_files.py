"""Finding the files of an O*NET text release and recognising each one by its header row.

A release arrives as a folder or as the zip O*NET ships (`db_29_3_text.zip`, with the files in a
sub-folder). File names are never trusted: each text file's header row says what it is. Files we
do not use (Abilities, Tasks, UNSPSC Reference, ...) are skipped and listed; a file that looks
like one we use but lacks a required column is refused naming that column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from careerplanner.importers.safe_zip import SafeZip, is_zip
from careerplanner.importers.tabular import column_key, header_of

CODE = "O*NET-SOC Code"
RATING_COLUMNS = (
    CODE,
    "Element ID",
    "Element Name",
    "Scale ID",
    "Data Value",
    "N",
    "Standard Error",
    "Lower CI Bound",
    "Upper CI Bound",
    "Recommend Suppress",
    "Not Relevant",
    "Date",
    "Domain Source",
)


@dataclass(frozen=True)
class FileRole:
    """A kind of O*NET file: `signature` columns identify it, `required` must all be present."""

    role: str
    label: str  # the official file name, for messages and the diff
    signature: tuple[str, ...]
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()


ROLES: tuple[FileRole, ...] = (
    FileRole("occupations", "Occupation Data", (CODE, "Title"), (CODE, "Title", "Description")),
    FileRole(
        "alternate_titles",
        "Alternate Titles",
        ("Alternate Title",),
        (CODE, "Alternate Title", "Short Title", "Source(s)"),
    ),
    FileRole(
        "reported_titles",
        "Sample of Reported Titles",
        ("Reported Job Title",),
        (CODE, "Reported Job Title", "Shown in My Next Move"),
    ),
    FileRole(
        "technology_skills",
        "Technology Skills",
        ("Hot Technology",),
        (CODE, "Example", "Commodity Code", "Commodity Title", "Hot Technology"),
        ("In Demand",),
    ),
    # Skills, Knowledge, Abilities, Work Activities... share one layout; the element ids in the
    # rows tell them apart (2.A/2.B skills, 2.C knowledge), see `rating_domain`.
    FileRole("ratings", "Skills / Knowledge", (CODE, "Element ID", "Scale ID"), RATING_COLUMNS),
    FileRole(
        "level_anchors",
        "Level Scale Anchors",
        ("Anchor Value",),
        ("Element ID", "Element Name", "Scale ID", "Anchor Value", "Anchor Description"),
    ),
    FileRole(
        "related_occupations",
        "Related Occupations",
        ("Related O*NET-SOC Code",),
        (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
    ),
    FileRole(
        "job_zones", "Job Zones", (CODE, "Job Zone"), (CODE, "Job Zone", "Date", "Domain Source")
    ),
)

FILE_LABELS = {
    "occupations": "Occupation Data",
    "alternate_titles": "Alternate Titles",
    "reported_titles": "Sample of Reported Titles",
    "technology_skills": "Technology Skills",
    "skills": "Skills",
    "knowledge": "Knowledge",
    "level_anchors": "Level Scale Anchors",
    "related_occupations": "Related Occupations",
    "job_zones": "Job Zones",
}

_README = re.compile(r"O\*NET\s+(\d+\.\d+)\s+Database", re.IGNORECASE)
_RELEASE_MONTH = re.compile(r"^(\w+)\s+(\d{4})\s+Release", re.IGNORECASE | re.MULTILINE)
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES.split(), start=1)}


def recognise(header: tuple[str, ...]) -> FileRole | None:
    """The role whose signature columns all appear in `header`, or None."""
    keys = {column_key(h) for h in header}
    for role in ROLES:
        if all(column_key(c) in keys for c in role.signature):
            return role
    return None


def looks_like_onet_header(header: tuple[str, ...]) -> bool:
    return recognise(header) is not None


@dataclass(frozen=True)
class ReleaseFile:
    """One text file of a release: a display name for messages and a way to read its bytes."""

    name: str  # "Skills.txt" or "Skills.txt in db_29_3_text.zip"
    read: Callable[[], bytes]
    path: Path | None = None  # a file on disk, which can be read piece by piece


@dataclass
class ReleaseInfo:
    version: str = ""
    published: str = ""  # "2025-02"
    readme: bytes = b""


def parse_readme(data: bytes) -> ReleaseInfo | None:
    """Version and month from "O*NET 29.2 Database / February 2025 Release"."""
    text = data[:2000].decode("utf-8", errors="replace")
    match = _README.search(text)
    if not match:
        return None
    info = ReleaseInfo(version=match.group(1), readme=data)
    month = _RELEASE_MONTH.search(text)
    if month and month.group(1).casefold() in _MONTHS:
        info.published = f"{month.group(2)}-{_MONTHS[month.group(1).casefold()]:02d}"
    return info


def version_from_name(name: str) -> str:
    """A fallback version from a download's name: `db_29_3_text` -> 29.3, `29.2` -> 29.2."""
    match = re.search(r"(\d{2})[._](\d)", name)
    return f"{match.group(1)}.{match.group(2)}" if match else ""


@contextmanager
def release_files(path: Path) -> Iterator[list[ReleaseFile]]:
    """Every `.txt` file of a release folder or zip (a zip is checked by SafeZip first)."""
    if path.is_dir():
        yield [
            ReleaseFile(f.name, f.read_bytes, f) for f in sorted(path.rglob("*.txt")) if f.is_file()
        ]
        return
    if not is_zip(path):
        if path.read_bytes()[:2] == b"PK":
            SafeZip.open(path)  # a damaged zip: raises its specific sentence
        yield [ReleaseFile(path.name, path.read_bytes, path)]  # a single O*NET text file
        return
    with SafeZip.open(path) as archive:
        yield [
            ReleaseFile(f"{member.rsplit('/', 1)[-1]} in {path.name}", _reader(archive, member))
            for member in archive.names()
            if member.lower().endswith(".txt")
        ]


def _reader(archive: SafeZip, member: str) -> Callable[[], bytes]:
    return lambda: archive.read(member)


def file_header(data: bytes, name: str) -> tuple[str, ...]:
    return header_of(data, name)
