"""Depth L0–L5 for each skill found in a resume, with the lines that justify it.

The scale is product.md's: a bare mention or a course is L1; projects and certificates L2;
professional use in a dated position L3 (about 2+ years, summed over positions); leading,
mentoring and measurable optimisation L4; architecture decisions, open-source work and
publications L5. Claims in a summary ("Proficient in Go", "Expert in Kubernetes") use the job-ad
phrase table (`analysis/job_ad_claims`, about the skills they list) and count up to L4. Skills
not used for more than six years lose a level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from careerplanner.analysis.job_ad_claims import find_claims, level_for
from careerplanner.core.skills import FoundSkill, SkillEvidence

LEAD_VERBS = re.compile(
    r"\b(?:led|lead|leading|mentor(?:ed|ing)?|coach(?:ed|ing)?|optimi[sz](?:ed|ing)|"
    r"spearhead(?:ed)?|reduc(?:ed|ing)|improv(?:ed|ing)|scal(?:ed|ing)|establish(?:ed)?|"
    r"migrat(?:ed|ing)|own(?:ed)?|drove|trained|(?:co-?)?found(?:ed|er|ing)|headed)\b",
    re.I,
)
EXPERT_SIGNS = re.compile(
    r"\b(?:architect(?:ed|ing)?|architecture decisions?|open[- ]source|maintainer|"
    r"core (?:contributor|developer|maintainer)|published|author(?:ed)?|keynote|talk at|"
    r"github stars|stars on github)\b",
    re.I,
)
# An award or recognition for a skill: the person is its go-to person (L4).
AWARD_SIGNS = re.compile(
    r"\b(?:recogni[sz]ed for|award(?:ed)? for|excellence in|prize for|honou?red for)\b", re.I
)
STALE_YEARS = 12
# A spoken language's level: the CEFR grade (A1-A2 L1, B1 L2, B2 L3, C1 L4, C2 L5) or the
# words people use for it, written after the language ("German (B2)", "Spanish - native").
_CEFR = {"a1": 1, "a2": 1, "b1": 2, "b2": 3, "c1": 4, "c2": 5}
_LANGUAGE_LEVEL = re.compile(
    r"[\s:(\-–—]*(?:\w+[\s:(\-–—]+)?\b(?P<grade>[abc][12]|native|mother tongue|bilingual|"
    r"fluent|full professional|professional working|proficient|advanced|upper[- ]intermediate|"
    r"intermediate|conversational|limited working|elementary|basic|beginner)\b",
    re.I,
)
_LANGUAGE_WORDS = {
    "native": 5,
    "mother tongue": 5,
    "bilingual": 5,
    "fluent": 4,
    "full professional": 4,
    "advanced": 4,
    "proficient": 4,
    "professional working": 3,
    "upper-intermediate": 3,
    "upper intermediate": 3,
    "intermediate": 2,
    "conversational": 2,
    "limited working": 2,
    "elementary": 1,
    "basic": 1,
    "beginner": 1,
}


# Grades said of a spoken language only: CEFR's and the words for a first language.
_LANGUAGE_ONLY = re.compile(r"\b(?:[abc][12]|native|mother tongue|bilingual|fluent)\b", re.I)


def language_level(line: str, surface: str, only_language_grades: bool = False) -> int | None:
    """The level written just after a language in `line` ("English (C1)" -> 4), or None.
    `only_language_grades` reads only the grades no other skill has (CEFR, "native")."""
    at = line.find(surface)
    if at < 0:
        return None
    match = _LANGUAGE_LEVEL.match(line, at + len(surface))
    if not match:
        return None
    grade = match.group("grade").casefold()
    if only_language_grades and not _LANGUAGE_ONLY.fullmatch(grade):
        return None
    return _CEFR.get(grade) or _LANGUAGE_WORDS.get(grade)


@dataclass
class Occurrence:
    """One mention of a skill, with where it stands in the resume."""

    key: str
    name: str
    surface: str
    line: str
    context: str  # the mention's line plus the lines of its statement before it
    section: str
    position: int | None = None  # index into the resume's positions
    in_taxonomy: bool = True


@dataclass
class PositionSpan:
    years: float
    end: date | None
    label: str
    title: str = ""
    # The essential skills (lower case) of the occupation the title names
    # (`analysis/role_skills`): a listed one gets the role's years, one level lower.
    core: frozenset[str] = frozenset()


_WORD = re.compile(r"[^\W\d_]{3,}")


def is_core_skill(skill: str, title: str) -> bool:
    """True when a job title names the skill: every word of "Graphic Design" begins a word of
    "Senior Graphic Designer" (and so "Mechanical Engineering" for "Mechanical Engineer",
    "Nursing" for "Nurse"). The role's years then count as years of that skill."""
    skill_words = [w.casefold() for w in _WORD.findall(skill)]
    title_words = [w.casefold() for w in _WORD.findall(title)]
    if not skill_words or not title_words:
        return False
    return all(
        any(_same_stem(word, title_word) for title_word in title_words) for word in skill_words
    )


def _same_stem(a: str, b: str) -> bool:
    """ "design"/"designer", "engineering"/"engineer", "nursing"/"nurse": a shared start of at
    least five letters (or the whole of a shorter word) that covers most of both."""
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    shorter = min(len(a), len(b))
    return (
        common >= min(5, shorter)
        and common >= shorter - 1
        and common * 3 >= max(len(a), len(b)) * 2
    )


@dataclass
class _Tally:
    name: str
    in_taxonomy: bool
    surfaces: list[str] = field(default_factory=list)
    evidence: list[SkillEvidence] = field(default_factory=list)
    positions: set[int] = field(default_factory=set)
    level: int = 0


def _raise(tally: _Tally, level: int, occurrence: Occurrence, reason: str) -> None:
    tally.level = max(tally.level, level)
    line = occurrence.line.strip()
    if all(e.text != line for e in tally.evidence) and len(tally.evidence) < 8:
        tally.evidence.append(SkillEvidence(line, occurrence.section, reason))


def infer_depth(
    occurrences: list[Occurrence], positions: list[PositionSpan], today: date
) -> list[FoundSkill]:
    """Fold every occurrence into one FoundSkill per key, strongest evidence first."""
    tallies: dict[str, _Tally] = {}
    # Someone with a year or more of professional work who lists a skill can use it (L2),
    # unless the list says otherwise ("Familiar: ...").
    working = sum(p.years for p in positions) >= 1
    for occ in occurrences:
        tally = tallies.setdefault(occ.key, _Tally(occ.name, occ.in_taxonomy))
        if occ.surface not in tally.surfaces:
            tally.surfaces.append(occ.surface)
        _score(tally, occ, positions, working)
    newest = max((p.end for p in positions if p.end), default=today)
    found = []
    for tally in tallies.values():
        for index, position in enumerate(positions):
            if index not in tally.positions and is_core_skill(tally.name, position.title):
                tally.positions.add(index)
                note = f"the role of {position.label}"
                tally.evidence.append(SkillEvidence(position.title, "experience", note))
    for tally in tallies.values():
        _core_of_roles(tally, positions)
    for key, tally in tallies.items():
        years = sum(positions[i].years for i in tally.positions)
        if tally.positions:
            level = 3 if years >= 1.5 else 2
            reason = f"{years:.1f} years of professional use"
            if level == 2 and len(tally.positions) >= 2:
                # Shipped work in two jobs (internships, short contracts) is professional use
                # whatever the months add up to.
                level, reason = 3, f"used at work in {len(tally.positions)} positions"
            if years >= 6 and len(tally.positions) >= 2:
                level, reason = 4, f"{years:.1f} years over {len(tally.positions)} positions"
            if level > tally.level:
                tally.level = level
                tally.evidence.insert(0, SkillEvidence(reason, "experience", "years of use"))
            last = max((positions[i].end or today for i in tally.positions), default=today)
            if (newest - last).days > STALE_YEARS * 365 and tally.level >= 3:
                tally.level -= 1
                tally.evidence.append(SkillEvidence(f"last used {last.year}", "", "not recent"))
        tally.level = max(1, min(5, tally.level))
        found.append(
            FoundSkill(
                key, tally.name, tally.level, tally.evidence, tally.surfaces, tally.in_taxonomy
            )
        )
    found.sort(key=lambda s: (-s.level, s.name.casefold()))
    return found


def _role_level(years: float, count: int) -> int:
    """The level the years of the roles give: L3 for about two years or two positions, L4 for
    six years over two positions or more, else L2."""
    if years >= 6 and count >= 2:
        return 4
    return 3 if years >= 1.5 or count >= 2 else 2


def _core_of_roles(tally: _Tally, positions: list[PositionSpan]) -> None:
    """A skill the person names that is essential to the occupation of their roles ("Staff
    Management" of a sous chef) was used in those roles: daily professional use (L3) after
    about two years, one level below what six years give the role's own trade, since the
    resume shows the role, not the skill at work."""
    name = tally.name.casefold()
    roles = [
        i
        for i, p in enumerate(positions)
        if i not in tally.positions
        and (name in p.core or any(s.casefold() in p.core for s in tally.surfaces))
    ]
    if not roles:
        return
    years = sum(positions[i].years for i in roles)
    # Daily use at most: leading or mentoring in it (L4) needs words of its own.
    level = min(3, _role_level(years, len(roles)))
    if level > tally.level:
        tally.level = level
        titles = ", ".join(dict.fromkeys(positions[i].title for i in roles))
        note = f"core skill of the role ({titles}, {years:.1f} years)"
        tally.evidence.insert(0, SkillEvidence(note, "experience", "core skill of the role"))


_CLAUSE_END = re.compile(r"[.;!?]\s|\s[-–—]\s|\n")
_YEARS_OF = re.compile(
    r"\s+of\s+(?:[\w-]+\s+){0,2}"
)  # "6 years| of |experience in"  # "X: what X is" stays one clause


def _sign_about(signs: re.Pattern, occ: Occurrence) -> bool:
    """True when a sign of the level is about this skill: in the same clause as the mention and
    not part of the skill's own words ("2.5K GitHub stars" does not make GitHub L5; "deep
    learning" is a name). A mention the context does not show as written counts the whole."""
    context = occ.context
    at = context.find(occ.surface)
    if at < 0:
        return signs.search(context) is not None
    end = at + len(occ.surface)
    starts = [m.end() for m in _CLAUSE_END.finditer(context, 0, at)]
    clause_start = starts[-1] if starts else 0
    stop = _CLAUSE_END.search(context, end)
    clause_end = stop.start() if stop else len(context)
    return any(
        not (m.start() < end and at < m.end())
        for m in signs.finditer(context, clause_start, clause_end)
    )


def claimed_level(occ: Occurrence) -> int | None:
    """The level the words about this skill claim, by the same phrase table job ads are read
    with (`analysis/job_ad_claims`): the claim before the skill in its statement, else the
    first after it ("Proficient in Go, Python" -> both L3; "working knowledge of SQL" L2 even
    beside "8 years"). None when no level word is there."""
    claims = find_claims(occ.context)
    if not claims:
        return None
    at = occ.context.find(occ.surface)
    claim = level_for(claims, at) if at >= 0 else max(claims, key=lambda c: c.level)
    if claim is None:
        return None
    # "6 years of experience in freight forwarding": the years say how much experience.
    years = [
        c
        for c in claims
        if c.end <= claim.start
        and _YEARS_OF.fullmatch(occ.context[c.end : claim.start])
        and claim.words.casefold().startswith("experience")
    ]
    return years[-1].level if years else claim.level


def _score(tally: _Tally, occ: Occurrence, positions: list[PositionSpan], working: bool) -> None:
    section = occ.section
    if occ.position is not None:
        tally.positions.add(occ.position)
        label = positions[occ.position].label
        if _sign_about(EXPERT_SIGNS, occ):
            _raise(tally, 5, occ, f"architecture or open-source work ({label})")
        elif _sign_about(LEAD_VERBS, occ):
            _raise(tally, 4, occ, f"led, mentored or optimised ({label})")
        else:
            _raise(tally, 2, occ, f"used at work ({label})")
        return
    if _sign_about(AWARD_SIGNS, occ):
        _raise(tally, 4, occ, "recognised with an award")
        return
    spoken = language_level(occ.line, occ.surface) if section == "languages" else None
    if section == "skills" and _LANGUAGE_ONLY.search(occ.line):
        # "Languages: Spanish (native), English (C1)" in a skills list: grades only a
        # language has ("Python (advanced)" is read as any listed skill)
        spoken = language_level(occ.line, occ.surface, only_language_grades=True)
    if spoken is not None:
        _raise(tally, spoken, occ, "language level stated")
        tally.level = spoken  # the stated grade is the level, higher or lower
        return
    if section == "publications":
        _raise(tally, 4, occ, "published work")
    elif section == "projects":
        level = 5 if EXPERT_SIGNS.search(occ.context) else 2
        _raise(tally, level, occ, "open-source project" if level == 5 else "project")
    elif section == "certifications":
        _raise(tally, 2, occ, "certification")
    elif section == "summary":
        claimed = min(4, claimed_level(occ) or 1)
        _raise(tally, claimed, occ, "stated in the summary")
    elif section in ("coursework", "education"):
        _raise(tally, 1, occ, "course")
    elif section == "skills" and working and claimed_level(occ) != 1:
        _raise(tally, 2, occ, "listed in skills, with professional experience")
    else:
        _raise(tally, 1, occ, f"listed in {section or 'the resume'}")
