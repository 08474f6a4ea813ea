"""Small, real slices of the O*NET releases the tests carry, for fast tests.

`make_release(target, version)` copies a release keeping only the rows of the computer and
mathematical occupations (SOC major group 15), byte for byte as in the release otherwise (CRLF,
header rows, Read Me). The slice keeps every file's layout, so recognition, validation, the
rating fallback and the diff all run on real rows.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
import zipfile
from functools import cache
from pathlib import Path

from tests.conftest import onet_release

GROUP = b"15-"
USED_FILES = (
    "Read Me.txt",
    "Occupation Data.txt",
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
    "Technology Skills.txt",
    "Skills.txt",
    "Knowledge.txt",
    "Level Scale Anchors.txt",
    "Related Occupations.txt",
    "Job Zones.txt",
)


def slice_bytes(name: str, data: bytes) -> bytes:
    """Keep the header and the group-15 rows (Level Scale Anchors: the Basic Skills rows)."""
    if name == "Read Me.txt":
        return data
    lines = data.split(b"\n")
    header, body = lines[0], [line for line in lines[1:] if line]
    if name == "Level Scale Anchors.txt":
        kept = [line for line in body if line.startswith(b"2.A.1.")]  # Basic Skills: content
    else:
        kept = [line for line in body if line.startswith(GROUP)]
    return b"\n".join([header, *kept]) + b"\n"


@cache
def sliced_files(version: str) -> dict[str, bytes]:
    """The sliced used files of a release (computed once per test session)."""
    return {name: slice_bytes(name, data) for name, data in release_files(version).items()}


def release_files(version: str) -> dict[str, bytes]:
    """The used files of a real release (29.2 / 24.2 folders, 29.3 zip) by file name."""
    if version == "29.3":
        archive = zipfile.ZipFile(onet_release("29.3"))
        return {
            Path(n).name: archive.read(n) for n in archive.namelist() if Path(n).name in USED_FILES
        }
    folder = onet_release(version)
    return {f.name: f.read_bytes() for f in folder.iterdir() if f.name in USED_FILES}


def make_release(target: Path, version: str = "29.2", sliced: bool = True) -> Path:
    """Write a (sliced) copy of a release folder at `target` and return it."""
    target.mkdir(parents=True, exist_ok=True)
    files = sliced_files(version) if sliced else release_files(version)
    for name, data in files.items():
        (target / name).write_bytes(data)
    return target


def make_release_zip(target: Path, version: str = "29.3", sliced: bool = True) -> Path:
    """A sliced release zipped the way O*NET ships it (files inside a db_x_y_text/ folder)."""
    folder = f"db_{version.replace('.', '_')}_text"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        files = sliced_files(version) if sliced else release_files(version)
        for name, data in files.items():
            archive.writestr(f"{folder}/{name}", data)
    target.write_bytes(buffer.getvalue())
    return target


def database_fingerprint(path: Path) -> str:
    """A digest of every row of every table (what "the database is unchanged" means)."""
    conn = sqlite3.connect(path)
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            digest.update(line.encode("utf-8"))
        return digest.hexdigest()
    finally:
        conn.close()


def file_bytes(path: Path) -> dict[str, bytes]:
    """The database file and its WAL, byte for byte."""
    return {
        p.name: p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists()
    }
