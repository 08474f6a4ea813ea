"""Depth L0–L5 for each skill found in a resume, with the lines that justify it.

The scale is product.md's: a bare mention or a course is L1; projects and certificates L2;
professional use in a dated position L3 (about 2+ years, summed over positions); leading,
mentoring and measurable optimisation L4; architecture decisions, open-source work and
publications L5. Claims in a summary ("Proficient in Go", "Expert in Kubernetes") use the job-ad
phrase table and count up to L4. Skills not used for more than six years lose a level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from careerplanner.analysis.job_ads import phrase_level
from careerplanner.core.skills import FoundSkill, SkillEvidence

LEAD_VERBS = re.compile(
    r"\b(?:led|lead|leading|mentor(?:ed|ing)?|coach(?:ed|ing)?|optimi[sz](?:ed|ing)|"
    r"spearhead(?:ed)?|reduc(?:ed|ing)|improv(?:ed|ing)|scal(?:ed|ing)|establish(?:ed)?|"
    r"migrat(?:ed|ing)|own(?:ed)?|drove|trained)\b",
    re.I,
)
EXPERT_SIGNS = re.compile(
    r"\b(?:architect(?:ed|ing)?|architecture decisions?|open[- ]source|maintainer|"
    r"core (?:contributor|developer|maintainer)|published|author(?:ed)?|keynote|talk at|"
    r"github stars|stars on github)\b",
    re.I,
)
STALE_YEARS = 12


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
    for key, tally in tallies.items():
        years = sum(positions[i].years for i in tally.positions)
        if tally.positions:
            level = 3 if years >= 1.5 else 2
            reason = f"{years:.1f} years of professional use"
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


def _score(tally: _Tally, occ: Occurrence, positions: list[PositionSpan], working: bool) -> None:
    section = occ.section
    if occ.position is not None:
        tally.positions.add(occ.position)
        label = positions[occ.position].label
        if EXPERT_SIGNS.search(occ.context):
            _raise(tally, 5, occ, f"architecture or open-source work ({label})")
        elif LEAD_VERBS.search(occ.context):
            _raise(tally, 4, occ, f"led, mentored or optimised ({label})")
        else:
            _raise(tally, 2, occ, f"used at work ({label})")
        return
    if section == "publications":
        _raise(tally, 4, occ, "published work")
    elif section == "projects":
        level = 5 if EXPERT_SIGNS.search(occ.context) else 2
        _raise(tally, level, occ, "open-source project" if level == 5 else "project")
    elif section == "certifications":
        _raise(tally, 2, occ, "certification")
    elif section == "summary":
        claimed = min(4, phrase_level(occ.context) or 1)
        _raise(tally, claimed, occ, "stated in the summary")
    elif section in ("coursework", "education"):
        _raise(tally, 1, occ, "course")
    elif section == "skills" and working and phrase_level(occ.context) != 1:
        _raise(tally, 2, occ, "listed in skills, with professional experience")
    else:
        _raise(tally, 1, occ, f"listed in {section or 'the resume'}")
