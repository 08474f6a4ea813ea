"""A resume file → sections, positions and skills with depth and evidence (nothing stored)."""

from __future__ import annotations

import bisect
import hashlib
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from careerplanner.analysis.ad_list_items import claimed_items
from careerplanner.analysis.depth import Occurrence, PositionSpan, infer_depth, is_core_skill
from careerplanner.analysis.profession_terms import trade_of
from careerplanner.analysis.requirement_terms import requirement_spans
from careerplanner.analysis.role_skills import core_skills
from careerplanner.analysis.senses import SenseResolver
from careerplanner.analysis.skill_finder import Mention, SkillFinder
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.core.skills import FoundSkill, SkillTerm, skill_key
from careerplanner.importers.resume.formats import read_resume
from careerplanner.importers.resume.listed_items import certificate_skill, listed_items
from careerplanner.importers.resume.pdf_reader import PdfWorker
from careerplanner.importers.resume.prose_skills import (
    activities,
    elided,
    specialties,
    statement,
    teaching,
    whole_term,
)
from careerplanner.importers.resume.sections import (
    DEGREE_WORDS,
    Position,
    Section,
    find_positions,
    split_sections,
    without_inline_headings,
)

# Sections whose words are lists of skills: ambiguous names need no further context there.
LIST_SECTIONS = {"skills", "languages", "certifications"}
# Sections whose lines name no skills of the person (contact lines, hobbies, referees).
SKIPPED_SECTIONS = {"header", "links", "interests", "references"}
_CONTACT = re.compile(
    r"@|https?://|www\.|\.com\b|\.io\b|://"
    r"|\+?\(?\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]\d{3,4}\b"  # a phone number, not "2019 - 2021"
)
# The field a person means to move into is no skill of theirs yet. Only the aim's own forms
# ("moving into", "transitioning to", "a career change to"): "led the move to Kubernetes" is
# something they did.
_AIM = re.compile(
    r"\b(?:moving|transitioning|pivoting|switching|career change)\s+"
    r"(?:in)?to\b[^.;:\n]*",
    re.I,
)
_CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")
# The field of a degree or diploma is the person's own field ("Bachelor of Science in Mechanical
# Engineering", "Diploma in Automotive Sales Training"): a name in capitals after "in" or "of",
# up to a break (a comma, a dash, a bracket, a year). A software degree's field ("Computer
# Science") is what its holder's tools already show, and the labels hold it neither way.
_DEGREE = re.compile(
    r"\b(?:bachelor|master|associate|diploma|degree|doctorate|b\.?\s?sc?|m\.?\s?sc?|b\.?a|"
    r"m\.?a|b\.?eng|m\.?eng|ph\.?\s?d|mba)\b[.'s]*[^\n,|;:()\u2013\u2014\d]*",
    re.I,
)
_FIELD = re.compile(
    r"\b(?:in|of)\s+(?P<field>[A-Z][\w'-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w'-]*){0,3})"
)
# A diploma's "Training" or "Studies" is not part of the field ("Automotive Sales Training").
_FIELD_TAIL = re.compile(r"\s+(?:training|studies|program|programme|course)$", re.I)
_FIELD_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:-[A-Za-z]+)?|and|&)$")
_INSTITUTION = re.compile(
    r"\b(?:university|college|school|institute|academy|hospital|polytechnic)\b", re.I
)
# Words after "of" that name the kind of degree, not its field ("Bachelor of Science in ...").
_PLACEHOLDER = re.compile(r"\b(?:your|my|field|discipline|major|subject)\b", re.I)
_DEGREE_KINDS = frozenset(
    ["science", "sciences", "arts", "applied science", "fine arts", "laws", "engineering",
     "technology", "philosophy"]
)  # fmt: skip
EXPERT_TITLE = re.compile(r"contributor|maintainer|creator|open source", re.I)


@dataclass
class ParsedResume:
    file_name: str
    format: str
    sha256: str
    pages: int
    sections: list[Section]
    positions: list[Position]
    lines: list[str]
    skills: list[FoundSkill] = field(default_factory=list)

    def section_lines(self, kind: str) -> list[str]:
        return [
            self.lines[i].strip()
            for s in self.sections
            if s.kind == kind
            for i in range(s.start, s.end)
            if self.lines[i].strip()
        ]

    def to_json(self) -> dict:
        """The `resume parse --json` shape, readable by ../shared/resumes/score.py."""
        return {
            "file": self.file_name,
            "format": self.format,
            "skills": [
                {
                    "name": s.name,
                    "key": s.key,
                    "aliases": s.aliases,
                    "depth": s.level,
                    "in_taxonomy": s.in_taxonomy,
                    "evidence": [
                        {"text": e.text, "section": e.section, "reason": e.reason}
                        for e in s.evidence
                    ],
                }
                for s in self.skills
            ],
            "sections": [
                {"kind": s.kind, "heading": s.heading, "lines": s.end - s.start}
                for s in self.sections
            ],
            "positions": [
                {
                    "title": p.title,
                    "employer": p.employer,
                    "start": p.start.isoformat() if p.start else None,
                    "end": None if p.current or not p.end else p.end.isoformat(),
                    "current": p.current,
                    "years": round(p.years, 1),
                }
                for p in self.positions
            ],
            "education": self.section_lines("education"),
            "certifications": self.section_lines("certifications"),
            "projects": self.section_lines("projects"),
            "publications": self.section_lines("publications"),
        }


def parse_resume(
    path: Path,
    finder: SkillFinder | Callable[[], SkillFinder],
    *,
    today: date | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    worker: PdfWorker | None = None,
) -> ParsedResume:
    """Read and analyse one resume file; raises UserError for a file it cannot use."""
    path = Path(path)
    today = today or date.today()
    progress(0, 3, f"Reading {path.name}")
    # A finder still to be loaded loads while the PDF worker reads the file: the two take
    # about as long, and the worker's wait leaves this process idle.
    pending = _InBackground(finder) if callable(finder) else None
    try:
        raw = read_resume(path, cancel, worker)
    except BaseException:
        if pending is not None:
            pending.wait()  # the file's own error is the one to report
        raise
    if pending is not None:
        finder = pending.result()
    cancel.check()
    progress(1, 3, "Finding sections and positions")
    text = finder.clean(raw.text)
    lines = text.split("\n")
    sections = split_sections(lines)
    lines = without_inline_headings(lines, sections)
    positions = find_positions(lines, sections, today)
    progress(2, 3, "Finding skills")
    occurrences = _occurrences(lines, sections, positions, finder)
    spans = [
        PositionSpan(
            p.years,
            p.end,
            " at ".join(filter(None, (p.title, p.employer))),
            p.title,
            core_skills(p.title or ""),
        )
        for p in positions
    ]
    skills = infer_depth(occurrences, spans, today)
    progress(3, 3, "Done")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return ParsedResume(
        path.name, raw.format, digest, raw.pages, sections, positions, lines, skills
    )


class _InBackground:
    """Runs `make()` on a thread; `result()` waits for it and returns it (or raises its error)."""

    def __init__(self, make: Callable[[], SkillFinder]) -> None:
        self._make = make
        self._value: SkillFinder | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="finder-load", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._make()
        except BaseException as error:  # handed to the caller's thread by result()
            self._error = error

    def wait(self) -> None:
        self._thread.join()

    def result(self) -> SkillFinder:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _occurrences(lines, sections, positions, finder) -> list[Occurrence]:
    skip = {i for p in positions for i in p.header_lines}
    skip.update(_footer_lines(lines, sections))
    # An employer's name is not the person's skill ("Google"), unless they built it in the open.
    employers = {
        p.employer.casefold() for p in positions if p.employer and not EXPERT_TITLE.search(p.title)
    }
    owner = {}
    for n, p in enumerate(positions):
        for i in p.body:
            owner.setdefault(i, n)
    chunks = [
        (section, _searchable_lines(lines, section, skip))
        for section in sections
        if section.kind not in SKIPPED_SECTIONS
    ]
    # First pass: which ambiguous names the resume confirms somewhere (a Skills list, a cue
    # word); the second pass then accepts their other well-written mentions too.
    known = frozenset(
        mention.key
        for section, chunk in chunks
        for mention in finder.find(
            "\n".join(chunk), trusted=section.kind in LIST_SECTIONS, cleaned=True
        )
    )
    found: list[Occurrence] = []
    claimed: list[Occurrence] = []
    document = "\n".join(lines)
    senses = SenseResolver(document, finder)
    for section, chunk in chunks:
        # One call per section, so a list wrapped over two lines keeps its neighbours.
        text = "\n".join(chunk)
        trusted = section.kind in LIST_SECTIONS
        surfaces_by_line: dict[int, list[str]] = {}
        aims = [m.span() for m in _AIM.finditer(text)]
        mentioned = []
        named: list[tuple[int, int, str]] = []
        mentions = finder.find(text, trusted=trusted, cleaned=True, known=known)
        terms = _table_terms(text, finder, document, mentions, trusted)
        mentioned.extend(mention.start for mention in mentions)
        for mention in [*mentions, *terms]:
            named.append((mention.start, mention.end, mention.surface))
            if mention.surface.casefold() in employers:
                continue
            if any(start <= mention.start < end for start, end in aims):
                continue  # "moving into health informatics": where they go, not what they have
            index = section.start + mention.line - 1
            surfaces_by_line.setdefault(index, []).append(mention.surface)
            # "EMR" on a nurse's resume is the medical record, not Amazon's MapReduce.
            key, name = senses.sense(mention.surface) or (mention.key, mention.name)
            found.append(
                Occurrence(
                    key,
                    name,
                    mention.surface,
                    lines[index],
                    statement(lines, index),
                    section.kind,
                    owner.get(index),
                )
            )
        if not trusted and section.kind not in ("education", "publications"):
            # A statement naming a skill of the finder says its skill by name; a term of the
            # table only covers its own words ("Managed inventory levels for all grilling
            # ingredients" still names inventory management).
            covered = [(t.start, t.end) for t in terms]
            found.extend(activities(text, section, lines, owner, finder, mentioned, covered))
            found.extend(elided(text, section, lines, owner, finder, named))
        if section.kind == "summary":
            for offset, line in enumerate(chunk):
                listed = surfaces_by_line.get(section.start + offset, [])
                claimed.extend(_claimed_in_summary(line, listed, finder.common_words))
        if section.kind in ("skills", "certifications"):
            for offset, line in enumerate(chunk):
                if line.strip() and not line.rstrip().endswith(":"):
                    listed = surfaces_by_line.get(section.start + offset, [])
                    found.extend(_unknown_listed(line, listed, section.kind))
    degrees = _degree_fields(lines, sections, positions, finder)
    found.extend(_listed_elsewhere(lines, chunks, found + degrees, owner, finder.common_words))
    found.extend(degrees)
    found.extend(_trades_of_positions(positions, finder))
    found.extend(specialties(lines, sections, positions, owner, found))
    known_skills = list(found)
    for section, chunk in chunks:
        if section.kind not in LIST_SECTIONS and section.kind != "education":
            found.extend(teaching("\n".join(chunk), section, lines, owner, known_skills))
    # A summary's claim that restates a skill found elsewhere ("financing options" beside
    # "Vehicle financing") is that skill, not another.
    named = {w for o in found for w in _CONTENT_WORD.findall(o.name.casefold())}
    found.extend(o for o in claimed if not named & set(_CONTENT_WORD.findall(o.name.casefold())))
    return found


def _listed_elsewhere(lines, chunks, found, owner, common_words) -> list[Occurrence]:
    """Other mentions of the skills a list named that no vocabulary knows: "Branding" under
    Skills makes "Designed branding materials" evidence of it, and a degree's field
    ("Nursing") its use at work ("founder of the nursing programme")."""
    listed = {
        o.key: o.name for o in found if not o.in_taxonomy and o.section in ("skills", "education")
    }
    if not listed:
        return []
    # Written in lower case, the names match whatever the case in the text; and since the list
    # itself confirms them, an ordinary word ("Budgeting") needs no other context.
    terms = [SkillTerm(key, name.casefold()) for key, name in listed.items()]
    own = SkillFinder(terms, [t.name for t in terms], common_words)
    more = []
    for section, chunk in chunks:
        if section.kind in LIST_SECTIONS or section.kind == "education":
            continue
        text = "\n".join(chunk)
        for mention in own.find(text, cleaned=True, known=frozenset(listed)):
            index = section.start + mention.line - 1
            more.append(
                Occurrence(
                    mention.key,
                    listed[mention.key],
                    mention.surface,
                    lines[index],
                    statement(lines, index),
                    section.kind,
                    owner.get(index),
                    in_taxonomy=False,
                )
            )
    return more


def _degree_fields(lines, sections, positions, finder) -> list[Occurrence]:
    """The field of each degree or diploma of the education section, as a skill of the person:
    the vocabulary's term when it names the whole field, else an out-of-taxonomy skill. The
    positions whose titles name the field's head ("Sales Consultant" for a diploma in
    Automotive Sales) are work in that field, and give it their years."""
    fields = []
    for section in sections:
        if section.kind != "education":
            continue
        for index in range(section.start, section.end):
            line = lines[index]
            names = [
                m.group("field")
                for degree in _DEGREE.finditer(line)
                for m in _FIELD.finditer(degree.group())
                if m.group("field").casefold() not in _DEGREE_KINDS
                and not _PLACEHOLDER.search(m.group("field"))
            ]
            if not names and _bare_field(lines, index, section.end):
                names = [line.strip()]
            if not names:
                continue
            field_name = _FIELD_TAIL.sub("", names[0])
            whole = whole_term(field_name, finder)
            if not whole and " and " in field_name:
                # "Computer Science and Engineering": a known field and its neighbour
                first = field_name.split(" and ")[0]
                if whole := whole_term(first, finder):
                    field_name = first
            key, name = (
                (whole[0].key, whole[0].name)
                if whole
                else (skill_key("custom", field_name), field_name)
            )
            fields.append(
                Occurrence(key, name, field_name, line, line, "education", None, bool(whole))
            )
            head = field_name.split()[-1]
            fields.extend(
                Occurrence(key, name, field_name, p.title, p.title, "experience", n, bool(whole))
                for n, p in enumerate(positions)
                if p.title and is_core_skill(head, p.title)
            )
    return fields


def _trades_of_positions(positions, finder) -> list[Occurrence]:
    """The trade a position's title names ("Painter" -> Painting, "Registered Nurse" ->
    Nursing), used for the position's years: a worker's trade is their core skill."""
    trades = []
    for number, position in enumerate(positions):
        words = re.findall(r"[A-Za-z]+", position.title or "")
        trade = trade_of(words[-1]) if words else None
        if trade is None:
            continue
        whole = whole_term(trade, finder)
        key, name = (whole[0].key, whole[0].name) if whole else (skill_key("custom", trade), trade)
        title = position.title
        trades.append(Occurrence(key, name, trade, title, title, "experience", number, bool(whole)))
    return trades


def _bare_field(lines: list[str], index: int, end: int) -> bool:
    """An entry of the education section that is its field alone, on the line above its
    institution ("Nursing" over "Lutheran Hospital of ... | Kaiserswerth")."""
    line = lines[index].strip()
    words = line.split()
    if not 1 <= len(words) <= 3 or not all(_FIELD_WORD.match(w) for w in words):
        return False
    if _INSTITUTION.search(line) or DEGREE_WORDS.search(line) or _PLACEHOLDER.search(line):
        return False
    following = next((lines[i] for i in range(index + 1, end) if lines[i].strip()), "")
    return _INSTITUTION.search(following) is not None


def _table_terms(text: str, finder, document: str, mentions, listed: bool) -> list[Mention]:
    """The terms of the requirement table (`analysis.requirement_terms`: "HIPAA", "journal
    entries", "blueprint reading") in `text` that no mention of the finder already covers, as
    mentions: the terms the job-ad reader finds are found in a resume too, so an ad's
    requirement and the resume's skill meet.

    Outside a list, a term written as one ordinary word ("dashboards", "Firewall",
    "probability") is more often the thing a statement is about than a skill named: there it
    counts spelled in several words, as a short form in capitals ("HIPAA") or as a name no
    prose uses as a word ("Cerner")."""
    line_starts = [m.start() for m in re.finditer(r"\n", text)]
    terms = []
    for start, end, key, name in requirement_spans(text, finder, document):
        if any(m.start < end and start < m.end for m in mentions):
            continue
        surface = text[start:end]
        if not listed and _ordinary_word(surface, finder.common_words):
            continue
        line = bisect.bisect_right(line_starts, start) + 1
        terms.append(Mention(key, name, surface, start, end, line))
    return terms


def _ordinary_word(surface: str, common_words) -> bool:
    """One word of ordinary English prose ("Firewall", "dashboards"), not a short form in
    capitals nor a product's name."""
    if surface.isupper() or re.search(r"[\s/-]", surface):
        return False
    word = surface.casefold()
    return word in common_words or (word.endswith("s") and word[:-1] in common_words)


def _searchable_lines(lines: list[str], section, skip: set[int]) -> list[str]:
    """The section's lines, with those that name no skill of the person blanked out."""
    chunk = []
    for index in range(section.start, section.end):
        line = lines[index]
        drop = (
            index in skip
            or (_CONTACT.search(line) and len(line) < 80)
            or (
                section.kind == "education"
                and DEGREE_WORDS.search(line)
                and not re.search(r"cours", line, re.I)
            )
        )
        if section.kind == "certifications" and not drop:
            line = _without_issuer(line)
        chunk.append("" if drop else line)
    return chunk


def _without_issuer(line: str) -> str:
    """A certificate line without its issuer ("..., Amazon Web Services (AWS)", "| Amazon").

    A tail that is itself a credential's short form ("BLS, ACLS (American Heart Association)")
    is another certificate of a list, not an issuer: only the parenthesised issuer goes. A line
    of several certificates ("RN, Arizona Board of Nursing; BLS; PCCN") loses each one's issuer.
    """
    if ";" in line:
        return "; ".join(_without_issuer(part.strip()) for part in line.split(";"))
    for separator in (" | ", ", "):
        if separator in line:
            tail = line[line.rindex(separator) + len(separator) :]
            if _CREDENTIAL_TAIL.match(tail):
                return _PARENTHESISED.sub("", line)
            return line[: line.rindex(separator)]
    return line


# "ACLS", "CCRN (2021)", "CPR (American Red Cross)": a short form in capitals, then an aside.
_CREDENTIAL_TAIL = re.compile(r"^[A-Z][A-Z0-9+-]{1,7}(?:\s*\([^()]*\))?\s*$")
_PARENTHESISED = re.compile(r"\s*\([^()]*\)")


def _footer_lines(lines: list[str], sections) -> set[int]:
    """Lines repeating the person's name (page headers and footers such as "John Doe – 2/2")."""
    header = next((s for s in sections if s.kind == "header"), None)
    name = (
        next((lines[i].strip() for i in range(header.start, header.end) if lines[i].strip()), "")
        if header
        else ""
    )
    if not name or len(name) > 40 or len(name.split()) > 4:
        return set()
    folded = name.casefold()
    return {i for i, line in enumerate(lines) if folded in line.casefold() and len(line) < 80}


def _claimed_in_summary(line: str, found: list[str], common_words) -> list[Occurrence]:
    """What a summary's claims are about that the vocabulary does not know ("Expert in
    negotiating deals"), kept as out-of-taxonomy skills."""
    known = [(at, at + len(s)) for s in found if (at := line.find(s)) >= 0]
    return [
        Occurrence(skill_key("custom", name), name, name, line, line, "summary", None, False)
        for _offset, name in claimed_items(line, known, common_words, gerunds=True)
    ]


def _unknown_listed(line: str, found: list[str], section: str) -> list[Occurrence]:
    """Items of a skills list (or what a certificate certifies) that the vocabulary does not
    know, kept and marked as out of taxonomy."""
    if section == "certifications":
        # A certificate that names a known skill ("Certified Kubernetes Application
        # Developer") certifies that skill, which the finder already has.
        certified = None if found else certificate_skill(line)
        items = [certified] if certified else []
    else:
        items = listed_items(line, found)
    return [
        Occurrence(
            skill_key("custom", item), item, item, line, line, section, None, in_taxonomy=False
        )
        for item in items
    ]
