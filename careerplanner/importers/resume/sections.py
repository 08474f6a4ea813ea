"""Splitting resume text into sections and finding dated positions.

A heading is a short line that names a known section ("Work Experience", "SKILLS & AWARDS",
"Coursework:"). A position is a line holding a date range ("Jan 2020 – Present", "2013-12-01 -
2014-12-01") with the short lines around it naming the title and the employer; its body runs to
the next position's header or the section's end.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from careerplanner.analysis.word_lists import title_words
from careerplanner.importers.resume.markdown import unmark

# One-word headings; multi-word ones are in _MULTI.
_SINGLE = {
    # "Qualifications" and "Highlights" hold statements ("9 years, 1.1 million accident-free
    # miles"), read as a summary's are, not as a list of skill names.
    "summary": "summary profile about objective overview qualifications highlights",
    "experience": "experience employment career vocational appointments positions",
    "education": "education training",
    "skills": "skills technologies expertise competencies strengths tools proficiencies",
    "projects": "projects",
    "publications": "publications papers talks presentations",
    "certifications": "certifications certificates licenses certification credentials licensure",
    "awards": "awards honors honours achievements accomplishments",
    "languages": "languages",
    "coursework": "coursework courses",
    "interests": "interests hobbies",
    "links": "links contact",
    "volunteer": "volunteer volunteering community leadership",
    "references": "references",
    "other": "miscellaneous",
}
_HEADING_LOOKUP = {word: kind for kind, words in _SINGLE.items() for word in words.split()}
# Words that head a section only when written as a heading (capitals or title case).
_WEAK = {
    "research": "experience",
    "graduate": "coursework",
    "undergraduate": "coursework",
    "extra": "other",
    "programming": "skills",
}
HEADINGS = set(_SINGLE)
_QUALIFIERS = {
    "relevant",
    "selected",
    "professional",
    "technical",
    "key",
    "core",
    "other",
    "additional",
    "academic",
    "personal",
    "recent",
    "my",
    "work",
    "research",
}
_MULTI = {
    "work experience": "experience",
    "volunteer experience": "volunteer",
    "core competencies": "skills",
    "tech stack": "skills",
    "side projects": "projects",
    "open source": "projects",
    "about me": "summary",
    "work history": "experience",
    "employment history": "experience",
    "spoken languages": "languages",
    "language skills": "languages",
    "additional information": "other",
    "contact information": "links",
    "summary of qualifications": "summary",
    "areas of expertise": "skills",
    "professional development": "education",
    "clinical rotations": "experience",
}

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "spring": 3,
    "summer": 6,
    "fall": 9,
    "autumn": 9,
    "winter": 12,
}
_MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
    r"|spring|summer|fall|autumn|winter"
)
_POINT = (
    rf"(?:(?:{_MONTH})\s*'?\d{{2,4}}|\d{{4}}-\d{{1,2}}(?:-\d{{1,2}})?|\d{{1,2}}/\d{{4}}|\d{{4}})"
)
_NOW = r"present|current|now|today|ongoing|date"
DATE_RANGE = re.compile(
    rf"(?P<start>{_POINT})\s*(?:-|–|—|to|until|till)\s*(?P<end>{_POINT}|{_NOW})", re.I
)
# "© 2019-2024 Jane Doe. All rights reserved.": a page footer's years, not a job's.
_COPYRIGHT = re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|all rights reserved", re.I)
_BULLET = re.compile(r"^\s*[•◦▪‣·*\-–●○■□➢►✓]\s*")
# Words that make a line a job title: these, and the head words of every trade's titles
# (`data/words/title-words.txt`, from O*NET's alternate titles: "Nurse", "Chef", "Paralegal").
_OWN_TITLE_WORDS = (
    "engineer|developer|programmer|manager|scientist|intern|assistant|lead|director|"
    "architect|analyst|consultant|founder|co-?founder|researcher|designer|teacher|ceo|cto|cio|"
    "president|head|officer|administrator|specialist|fellow|member|contributor|owner|"
    "technician|associate|instructor|lecturer|professor|sre|devops|maintainer|creator|"
    "paralegal|cook|chef|nurse|clerk|representative"
)
# Looked up word by word in a set: one regex of all of them cost ~10 ms to compile at every start.
_TITLE_WORD_SET = frozenset(
    {word.replace("-?", "") for word in _OWN_TITLE_WORDS.split("|")} | title_words()
)
_WORD_RUN = re.compile(r"\w+")


def has_title_word(text: str) -> bool:
    """True when a whole word of `text`, in any case, is a title word or its plural
    ("Nurse", "ENGINEERS"; "co-founder" by its "founder")."""
    for run in _WORD_RUN.findall(text):
        if run.isascii():
            word = run.lower()
            if word in _TITLE_WORD_SET or (word[-1:] == "s" and word[:-1] in _TITLE_WORD_SET):
                return True
        elif _title_word_pattern().fullmatch(run):  # Unicode case rules ("ſ" is "s")
            return True
    return False


@functools.cache
def _title_word_pattern() -> re.Pattern:
    words = "|".join(sorted(_TITLE_WORD_SET, key=len, reverse=True))
    return re.compile(rf"(?:{words})s?", re.I)


# "MA" after a comma is a place ("Boston, MA"), not a Master of Arts.
DEGREE_WORDS = re.compile(
    r"\b(?:bachelor|master|(?<!, )(?:b\.?s\.?c?|m\.?s\.?c?|b\.?a|m\.?a)|meng|beng|ph\.?d|mba|"
    r"degree|diploma|university|college|school|institute|gpa|thesis|grad\.?)\b",
    re.I,
)


@dataclass
class Section:
    kind: str  # one of HEADINGS, or "header" for the lines before the first heading
    heading: str
    start: int  # first line index after the heading (the heading's own for an inline one)
    end: int  # one past the last line
    inline: bool = False  # "Skills: Python, SQL": the heading begins the section's first line


@dataclass
class Position:
    title: str
    employer: str
    start: date | None
    end: date | None
    current: bool
    header_lines: list[int] = field(default_factory=list)
    body: range = range(0)
    section: str = "experience"

    @property
    def years(self) -> float:
        if self.start is None:
            return 0.0
        end = self.end or self.start
        return max(0.25, (end - self.start).days / 365.25)


def heading_kind(line: str) -> str | None:
    """The section a heading line opens, or None for an ordinary line."""
    # Markdown and plain-text decoration: "## Skills", "**Experience**", "SKILLS:".
    cleaned = re.sub(r"^[#*_=\s]+|[\s:·•|*_=#]+$", "", line.strip()).strip()
    if not cleaned or len(cleaned) > 40 or cleaned[-1:] in ".,;":
        return None
    lowered = re.sub(r"\s+", " ", cleaned.lower())
    if lowered in _MULTI:
        return _MULTI[lowered]
    if lowered in _HEADING_LOOKUP:
        return _HEADING_LOOKUP[lowered]
    if lowered in _WEAK and (cleaned.isupper() or cleaned.istitle()):
        return _WEAK[lowered]
    # "Skills & Expertise", "Projects and Publications", "Relevant Work Experience": every
    # part a heading word (or a qualifier such as "relevant"), written as a heading.
    if not (cleaned.isupper() or cleaned.istitle() or cleaned[:1].isupper()):
        return None
    parts = [p for p in re.split(r"\s*(?:&|\band\b|/|,|\+)\s*", lowered) if p]
    kinds = []
    for part in parts:
        words = [w for w in part.split() if w not in _QUALIFIERS]
        phrase = " ".join(words)
        kind = _MULTI.get(phrase) or _HEADING_LOOKUP.get(phrase)
        if kind is None and words:
            kind = _HEADING_LOOKUP.get(words[-1]) if len(words) <= 2 else None
        if kind is None:
            return None
        kinds.append(kind)
    return kinds[0] if kinds else None


HEADER_LINES = 6  # name, title and contact lines before the first heading

# "Skills: SEO, HubSpot", "Summary: Marketing manager with ...": a heading and its content on
# one line, as plain-text resumes write their short sections.
_INLINE_HEADING = re.compile(r"\s*([A-Za-z][A-Za-z &/+]{0,38}?)\s*:[ \t]+(?=\S)")


def _inline_heading(lines: list[str], index: int) -> tuple[str, str] | None:
    """(kind, heading) of a line that is a short section of its own, heading first: a blank
    line (or the text's edge) on both sides, so "Tools: Python, SQL" among a position's bullets
    stays part of the position."""
    match = _INLINE_HEADING.match(lines[index])
    if match is None:
        return None
    kind = heading_kind(match.group(1))
    if kind is None:
        return None
    alone_before = index == 0 or not lines[index - 1].strip()
    alone_after = index + 1 == len(lines) or not lines[index + 1].strip()
    return (kind, lines[index][: match.end()]) if alone_before and alone_after else None


def without_inline_headings(lines: list[str], sections: list[Section]) -> list[str]:
    """`lines` with each inline heading ("Skills:") blanked to spaces: the line then holds only
    the section's content, at the same offsets."""
    lines = list(lines)
    for section in sections:
        if section.inline:
            line = lines[section.start]
            lines[section.start] = " " * len(section.heading) + line[len(section.heading) :]
    return lines


def split_sections(lines: list[str]) -> list[Section]:
    """Sections in order; the first is the "header" (name and contact lines).

    A resume whose headings are not recognised would otherwise be all header, so the header
    keeps at most HEADER_LINES non-empty lines and the rest becomes an "other" section.
    """
    sections: list[Section] = []
    current = Section("header", "", 0, len(lines))
    for index, line in enumerate(lines):
        kind = heading_kind(line)
        if kind is not None:
            current.end = index
            sections.append(current)
            current = Section(kind, line.strip(), index + 1, len(lines))
        elif inline := _inline_heading(lines, index):
            current.end = index
            sections.append(current)
            current = Section(inline[0], inline[1], index, len(lines), inline=True)
    sections.append(current)
    header = sections[0]
    filled = [i for i in range(header.start, header.end) if lines[i].strip()]
    if len(filled) > HEADER_LINES:
        cut = filled[HEADER_LINES]
        sections.insert(1, Section("other", "", cut, header.end))
        header.end = cut
    return [s for s in sections if s.end > s.start or s.kind != "header"]


def parse_point(text: str, is_end: bool = False) -> date | None:
    try:
        return _parse_point(text, is_end)
    except ValueError:  # "0000-01" or a month 13: no date anyone worked on, so none at all
        return None


def _parse_point(text: str, is_end: bool) -> date | None:
    text = text.strip().lower().rstrip(".")
    if re.fullmatch(_NOW, text):
        return None
    match = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", text)
    if match:
        return date(int(match.group(1)), max(1, min(12, int(match.group(2)))), 1)
    match = re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if match:
        return date(int(match.group(2)), max(1, min(12, int(match.group(1)))), 1)
    match = re.fullmatch(rf"({_MONTH})\s*'?(\d{{2,4}})", text)
    if match:
        word = match.group(1).rstrip(".").lower()
        month = MONTHS.get(word) or MONTHS.get(word[:4]) or MONTHS.get(word[:3])
        year = int(match.group(2))
        if year < 100:
            year += 2000 if year < 50 else 1900
        return date(year, month or 1, 1)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 12 if is_end else 1, 1)
    return None


def find_positions(lines: list[str], sections: list[Section], today: date) -> list[Position]:
    """Dated positions in work-like sections (and job-titled entries anywhere)."""
    lines = [unmark(line) for line in lines]
    candidates = []
    for section in sections:
        if section.kind in (
            "skills",
            "languages",
            "coursework",
            "links",
            "interests",
            "header",
            "certifications",
            "awards",
            "publications",
            "summary",
        ):
            continue
        for index in range(section.start, section.end):
            match = DATE_RANGE.search(lines[index])
            if match and not _COPYRIGHT.search(lines[index]):
                candidates.append((section, index, match))
    positions: list[Position] = []
    for section, index, match in candidates:
        header = _header_lines(lines, section, index, positions)
        own = lines[index][: match.start()] + lines[index][match.end() :]
        near = [i for i in header if i < index][-1:] + [i for i in header if i > index]
        header_text = " ".join([*(lines[i] for i in near), own]).strip()
        if section.kind in ("education", "projects", "volunteer", "other") and not (
            has_title_word(header_text) and not DEGREE_WORDS.search(header_text)
        ):
            continue
        if (
            section.kind == "experience"
            and DEGREE_WORDS.search(header_text)
            and not has_title_word(header_text)
        ):
            continue
        start = parse_point(match.group("start"))
        current = re.fullmatch(_NOW, match.group("end").strip(), re.I) is not None
        end = today if current else parse_point(match.group("end"), is_end=True)
        title, employer = _title_and_employer([lines[i] for i in header] + [own])
        positions.append(
            Position(title, employer, start, end, current, [*header, index], section=section.kind)
        )
    for n, position in enumerate(positions):
        first = max(position.header_lines) + 1
        following = positions[n + 1].header_lines if n + 1 < len(positions) else []
        section_end = (
            next(
                s.end for s in sections if s.start <= first - 1 < s.end or s.start <= first < s.end
            )
            if first < len(lines)
            else first
        )
        stop = min([*following, section_end]) if following else section_end
        position.body = range(first, max(first, stop))
    return positions


def _header_lines(lines, section, index, previous) -> list[int]:
    """Short lines just above and below a date line: the title, employer and location."""
    taken = {i for p in previous for i in p.header_lines}
    header = []
    counted = 0
    cursor = index - 1
    while cursor >= section.start and counted < 2 and cursor not in taken:
        line = lines[cursor].strip()
        cursor -= 1
        if not line:
            continue
        if len(line) > 90 or _YEAR.search(line):
            break
        if line.endswith((".", ",")) and not _is_name(line):
            break  # the end of a sentence; "Dunamu Inc." is a name
        if is_bullet(line) and (len(line) > 50 or not _is_name(_BULLET.sub("", line))):
            break  # a bullet point of the previous entry, not "• Google" opening this one
        if not (_is_location(line) or _is_name(_BULLET.sub("", line)) or _is_title(line)):
            break  # the tail of the previous entry's sentence ("Stylus and Scala using Play")
        header.insert(0, cursor + 1)
        if not _is_location(line):
            counted += 1
        if is_bullet(line):
            break  # "• Google": an entry's own bullet opens it
    cursor = index + 1
    below = 0
    while cursor < section.end and below < 2:
        line = lines[cursor].strip()
        cursor += 1
        if not line:
            continue
        if is_bullet(line) or len(line) > 90 or DATE_RANGE.search(line) or line.endswith("."):
            break
        words = len(line.split())
        # Below the dates only a location, a job title or a short name belongs to the header;
        # a longer line is already the first sentence of the description.
        if _YEAR.search(line) or _DURATION.search(line):
            break  # "February 10, 2026" (a page footer), "2 years 10 months"
        if not (_is_location(line) or _is_title(line) or words <= 3):
            break
        if _opens_next_entry(lines, cursor, section.end):
            break  # "COURSERA | INTERN" above the next date line heads the next entry
        header.append(cursor - 1)
        below += 1
    return header


def _is_title(line: str) -> bool:
    return has_title_word(line) and len(line.split()) <= 10


def _opens_next_entry(lines: list[str], cursor: int, end: int) -> bool:
    """True when the next non-empty line after `cursor` holds a date range."""
    while cursor < end and not lines[cursor].strip():
        cursor += 1
    return cursor < end and DATE_RANGE.search(lines[cursor]) is not None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DURATION = re.compile(r"\b\d+\s+(?:years?|months?|yrs?|mos?)\b", re.I)
_LOCATION_SHAPE = re.compile(
    r"^[A-Z][\w .'-]+,\s*(?:[A-Z]{2}|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)?)$|^(?:remote|online)$", re.I
)


def _is_location(line: str) -> bool:
    """ "Mountain View, CA", "Seoul, S.Korea", "Remote" — but not "Data Analyst, Initech"."""
    return _LOCATION_SHAPE.match(line) is not None and not has_title_word(line)


_CONNECTORS = {"of", "and", "the", "at", "for", "in", "de", "&", "-", "–", "—", "|", "·"}


def _is_name(text: str) -> bool:
    """Every word capitalised (or a connector): "Georgia Institute of Technology", "Kasa Inc."."""
    words = [w.strip("()[].,'\"") for w in text.split()]
    words = [w for w in words if w]  # ")" left alone on a line is no name
    return bool(words) and all(
        w[:1].isupper() or w[:1].isdigit() or w in _CONNECTORS for w in words
    )


_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")


def _title_and_employer(header: list[str]) -> tuple[str, str]:
    parts: list[str] = []
    for line in header:
        # "Grant Thornton LLP (2017 – 2020)", "Hospital — 2019 to present": the date was cut
        # out of the line, its brackets and dash are left.
        line = _EMPTY_BRACKETS.sub("", _BULLET.sub("", line)).strip(" |·,:;-–—")
        if _is_location(line):
            continue
        for part in re.split(r"\s[|·]\s|\s+[–—-]\s+|\s{2,}|,\s(?=[A-Z])", line):
            part = part.strip(" ,|·–—")
            if part and not _is_location(part) and not DATE_RANGE.search(part):
                parts.append(part)
    title = next((p for p in parts if has_title_word(p)), parts[0] if parts else "")
    employer = next((p for p in parts if p != title), "")
    return title, employer


def is_bullet(line: str) -> bool:
    return _BULLET.match(line) is not None
