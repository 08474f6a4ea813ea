"""What a dataset path is, judged by content (header rows, zip members), never by file name.

    detect(path) -> Detection(kind, path, description)

Kinds: "onet" (an O*NET text release: folder, zip, or a single O*NET text file), "wages" (a BLS
OEWS table), "esco" (ESCO skill collection CSVs), "postings" (a job-postings CSV or a folder of
saved job ads) and "pack" (a Career Planner skill-demand pack). Anything else is refused with a
sentence naming the file and what was expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from careerplanner.core.datasets import PACK_MANIFEST
from careerplanner.core.regular_file import require_regular, require_regular_tree
from careerplanner.errors import UserError
from careerplanner.importers.datasets.esco import is_esco_header
from careerplanner.importers.datasets.onet_files import looks_like_onet_header, parse_readme
from careerplanner.importers.datasets.postings import is_job_ads_folder
from careerplanner.importers.datasets.postings_csv import compression_of, is_postings_csv, read_head
from careerplanner.importers.datasets.wages import is_wage_header
from careerplanner.importers.safe_zip import SafeZip, is_zip
from careerplanner.importers.tabular import header_of

EXPECTED = (
    "an O*NET text release (folder or zip), a BLS OEWS wage table, a job-postings CSV, "
    "an ESCO skills CSV or a Career Planner skill-demand pack"
)


@dataclass(frozen=True)
class Detection:
    kind: str
    path: Path
    description: str


def detect(path: str | Path) -> Detection:
    """Recognise a dataset file or folder; raise UserError when it is none we know."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"{path} does not exist.")
    if path.is_dir():
        require_regular_tree(path)  # no FIFO or /dev/zero behind a name inside it
        return _detect_folder(path)
    require_regular(path)
    if path.stat().st_size == 0:
        raise UserError(f"{path.name} is empty.")
    if is_zip(path):
        return _detect_zip(path)
    with open(path, "rb") as handle:
        head = handle.read(65536)
    if head.startswith(b"PK"):
        SafeZip.open(path)  # raises the specific sentence (truncated, damaged)
    if compression_of(head):  # a postings CSV kept as .csv.gz or .csv.xz
        head = read_head(path)
    header = header_of(head, path.name)
    kind = _kind_of_header(header)
    if kind == "onet":
        return Detection("onet", path, "an O*NET text file")
    if kind is not None:
        return Detection(kind, path, _DESCRIPTIONS[kind])
    if is_postings_csv(path):
        return Detection("postings", path, "a job-postings CSV")
    shown = ", ".join(header[:6]) + (", …" if len(header) > 6 else "")
    raise UserError(
        f"{path.name}, line 1: the header “{shown}” is not one Career Planner recognises; "
        f"expected {EXPECTED}."
    )


_DESCRIPTIONS = {
    "wages": "a BLS OEWS national wage table",
    "esco": "an ESCO skills CSV",
}


def _kind_of_header(header: tuple[str, ...]) -> str | None:
    if looks_like_onet_header(header):
        return "onet"
    if is_wage_header(header):
        return "wages"
    if is_esco_header(header):
        return "esco"
    return None


def _detect_folder(path: Path) -> Detection:
    kinds = set()
    for file in sorted(path.iterdir()):
        if file.is_file() and file.suffix.lower() in (".txt", ".csv"):
            with open(file, "rb") as handle:
                head = handle.read(65536)
            if file.suffix.lower() == ".txt" and parse_readme(head):
                continue
            try:
                kinds.add(_kind_of_header(header_of(head, file.name)))
            except UserError:
                continue
    if "onet" in kinds:
        return Detection("onet", path, "an O*NET text release (folder)")
    if "esco" in kinds:
        return Detection("esco", path, "a folder of ESCO skills CSVs")
    if is_job_ads_folder(path) and not _only_notes(path):
        return Detection("postings", path, "a folder of saved job ads")
    raise UserError(
        f"{path.name} is a folder without any dataset Career Planner recognises; "
        f"expected {EXPECTED}."
    )


_NOTE_NAMES = re.compile(r"(read[ _-]?me|licen[cs]e|copying|changelog|notice)\b", re.I)


def _only_notes(folder: Path) -> bool:
    """A folder whose only files are a read-me, a licence and the like holds no job ads."""
    files = [f for f in folder.iterdir() if f.is_file() and not f.name.startswith(".")]
    return all(_NOTE_NAMES.match(f.stem.strip()) for f in files)


def _detect_zip(path: Path) -> Detection:
    with SafeZip.open(path) as archive:
        names = archive.names()
        if PACK_MANIFEST in names:
            return Detection("pack", path, "a Career Planner skill-demand pack")
        if "xl/workbook.xml" in names:
            raise UserError(
                f"{path.name} is an Excel workbook; save its first sheet as CSV (UTF-8) and "
                "import the CSV (BLS publishes its wage tables as .xlsx)."
            )
        for member in sorted(names, key=archive.size):
            if not member.lower().endswith(".txt"):
                continue
            data = archive.read(member)
            if parse_readme(data) is None and looks_like_onet_header(header_of(data, member)):
                return Detection("onet", path, "an O*NET text release (zip)")
    raise UserError(
        f"{path.name} is a zip file but holds no dataset Career Planner recognises; "
        f"expected {EXPECTED}."
    )
