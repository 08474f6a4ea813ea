"""Reading a job ad into its requirements; `ads parse` and (issue 14) the ads collection share it.

The ad is read by `importers.ads.reader`, and its skills are found by the same finder over the
active dataset's vocabulary that resume import uses (`resume_import.resume_finder`), so a fix to
the reader lands in resumes and ads at once. Nothing here writes a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from careerplanner.analysis.job_ads import AdRequirement, read_ad_requirements, reads_language
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken
from careerplanner.errors import UserError
from careerplanner.importers.ads.reader import RawAd, read_ad
from careerplanner.services.resume_import import resume_finder
from careerplanner.store.connection import Database

MAX_TITLE_CHARS = 120


@dataclass
class ParsedAd:
    file_name: str
    format: str
    title: str
    skills: list[AdRequirement]
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        """The shape `../shared/ads/score_ads.py` reads, with the file's name and format."""
        return {
            "file": self.file_name,
            "format": self.format,
            "title": self.title,
            "skills": [skill.to_json() for skill in self.skills],
            "notes": self.notes,
        }


def parse_ad_text(raw: RawAd, file_name: str, finder) -> ParsedAd:
    """The requirements of an ad already read into text."""
    if not raw.text.strip():
        raise UserError(f"{file_name} holds no text; there is no job ad to read.")
    if not reads_language(raw.text):
        raise UserError(
            f"{file_name} does not look like English; Career Planner reads job ads in English "
            "only, so nothing was read."
        )
    skills = read_ad_requirements(raw.text, finder)
    skills.sort(key=lambda s: (s.required != "must", -s.level, s.name.casefold()))
    notes = list(raw.notes)
    if not skills:
        notes.append(f"No skill of the active dataset was found in {file_name}.")
    return ParsedAd(file_name, raw.format, raw.title or _first_line(raw.text), skills, notes)


def parse_ad_file(
    market_db: Database, path: Path, cancel: CancelToken = NEVER_CANCELLED, finder=None
) -> ParsedAd:
    """Read `path` and find its requirements against the active vocabulary; nothing is stored."""
    raw = read_ad(Path(path), cancel)
    cancel.check()
    return parse_ad_text(raw, Path(path).name, finder or resume_finder(market_db))


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = " ".join(line.split()).strip("#*-• ")
        if line:
            return line if len(line) <= MAX_TITLE_CHARS else ""
    return ""
