"""Skills a resume's prose names without a skills list: by a verb and its object ("Developed
creative menus"), by the examples of a kind of tool ("technology such as digital ordering
systems"), by sharing the words of a skill just named ("food preparation and presentation"),
for a nurse, by the unit worked in ("Medical-Surgical Unit"), and the education of a field by
founding or teaching its programme ("founder of the nursing programme")."""

from __future__ import annotations

import bisect
import re

from careerplanner.analysis.activities import find_activities, named_examples
from careerplanner.analysis.depth import Occurrence
from careerplanner.core.skills import skill_key
from careerplanner.importers.resume.sections import is_bullet


def whole_term(text: str, finder) -> list:
    """The finder's mention of a term spelled by the whole of `text`, if any."""
    return [m for m in finder.find(text, trusted=True) if m.start == 0 and m.end == len(text)]


def statement(lines: list[str], index: int) -> str:
    """The line with the lines of its bullet point above it (a wrapped sentence)."""
    parts = [lines[index]]
    cursor = index - 1
    while cursor >= 0 and len(parts) < 3 and not is_bullet(parts[0]):
        if lines[cursor].strip():
            parts.insert(0, lines[cursor])
        cursor -= 1
    return " ".join(p.strip() for p in parts)


def mention(key, name, surface, lines, index, section, owner, in_taxonomy) -> Occurrence:
    """A skill named at line `index` of the resume, with that line, its statement, the kind
    of its section and the position (`owner`: line to position) it was written under."""
    return Occurrence(
        key,
        name,
        surface,
        lines[index],
        statement(lines, index),
        section.kind,
        owner.get(index),
        in_taxonomy,
    )


def known_or_custom(whole: list, name: str) -> tuple[str, str]:
    """(key, name) of the known term `whole_term` found, else of `name` out of the taxonomy."""
    return (whole[0].key, whole[0].name) if whole else (skill_key("custom", name), name)


# Where a statement ends: a sentence's stop, a semicolon, or a new bullet.
_STATEMENT_END = re.compile(r"[.;!?](?=\s|$)|\n(?=\s*[-–•▪*])")
# Where the clause of an activity ends within its statement ("Developed menus to meet customer
# preferences while demonstrating new cooking techniques": the techniques are another clause).
_CLAUSE_END = re.compile(r"\s(?:while|whereas|which|resulting|ensuring|leading|thereby|to)\s")


# "food preparation and presentation": the second noun shares the first one's modifiers when
# both are nouns of the same kind (an action's "-ion", "-ing", "-ment", "-sis", "-ance").
_ELIDED = re.compile(r"\s+(?:and|&|or)\s+([a-z]+(?:ion|ing|ment|sis|ance|ence))\b")
_NOUN_KINDS = ("ion", "ing", "ment", "sis", "ance", "ence")


def elided(text, section, lines, owner, finder, named) -> list[Occurrence]:
    """Skills named by sharing the words of a skill just before them: "food preparation and
    presentation" names food presentation, "software development and testing" software
    testing."""
    occurrences = []
    for start, end, surface in named:
        words = surface.split()
        match = _ELIDED.match(text, end)
        if len(words) < 2 or match is None:
            continue
        head, other = words[-1].casefold(), match.group(1)
        kind = next((k for k in _NOUN_KINDS if head.endswith(k)), None)
        if kind is None or not other.endswith(kind) or other == head:
            continue
        name = " ".join([*words[:-1], other.capitalize() if words[-1][:1].isupper() else other])
        whole = whole_term(name, finder)
        key, name = known_or_custom(whole, name)
        index = section.start + text.count("\n", 0, start)
        surface = text[start : match.end()]
        occurrences.append(mention(key, name, surface, lines, index, section, owner, bool(whole)))
    return occurrences


def activities(text, section, lines, owner, finder, mentioned, covered=()) -> list[Occurrence]:
    """Skills named by a verb and its object ("Developed creative menus") in statements that
    name no known skill (see `analysis/activities`), whose object is no part of a `covered`
    span ("Prepared journal entries": the term journal entries, not Entry Preparation)."""
    ends = [m.end() for m in _STATEMENT_END.finditer(text)]
    occurrences = []

    def is_term(name: str) -> bool:
        return bool(whole_term(name, finder))

    for activity in find_activities(text, is_term):
        at = bisect.bisect_right(ends, activity.start)
        begin, end = (ends[at - 1] if at else 0), (ends[at] if at < len(ends) else len(text))
        clause = _CLAUSE_END.search(text, activity.end, end)
        end = clause.start() if clause else end
        if any(begin <= start < end for start in mentioned):
            continue  # "Developed REST APIs with Django" says its skills by name
        if any(left < activity.end and activity.start < right for left, right in covered):
            continue
        index = section.start + text.count("\n", 0, activity.start)
        # A known skill by the object alone ("Inventory Management" of "warehouse inventory"),
        # else the object with the noun that says which ("Process Map Design").
        whole = whole_term(activity.name, finder)
        if not whole and activity.full_name:
            whole = whole_term(activity.full_name, finder)
        key, name = known_or_custom(whole, activity.full_name or activity.name)
        for surface in dict.fromkeys((activity.surface, activity.phrase or activity.surface)):
            occurrences.append(
                mention(key, name, surface, lines, index, section, owner, bool(whole))
            )
    for example in named_examples(text):
        if any(example.start <= start < example.end for start in mentioned):
            continue  # "tools such as Docker": the finder has it by its name
        index = section.start + text.count("\n", 0, example.start)
        key = skill_key("custom", example.name)
        occurrences.append(
            mention(key, example.name, example.surface, lines, index, section, owner, False)
        )
    return occurrences


# A clinical unit names the specialty of the nursing done there: "Medical-Surgical Unit",
# "Intensive Care Unit", "Emergency Department", "Pediatric Ward".
_UNIT = re.compile(
    r"\b(?P<specialty>[A-Z][A-Za-z]*(?:[-\s](?:and\s)?[A-Za-z][A-Za-z]*){0,2})\s+"
    r"(?:unit|ward|department|dept)\b",
    re.I,
)
_NOT_SPECIALTIES = frozenset(
    re.findall(r"[a-z]+", "the a an of at in hospital clinic nursing business sales it hr unit")
)


def specialties(lines, sections, positions, owner, found) -> list[Occurrence]:
    """The specialty of the nursing of someone whose trade or field is nursing, named by the
    unit they worked in ("Medical-surgical unit" -> Medical-surgical Nursing)."""
    if not any(o.name.casefold() == "nursing" for o in found):
        return []
    header_of = {i: n for n, p in enumerate(positions) for i in p.header_lines}
    specialties = []
    for section in sections:
        if section.kind != "experience":
            continue
        for index in range(section.start, section.end):
            for match in _UNIT.finditer(lines[index]):
                words = match.group("specialty").split()
                while words and words[0].casefold() in _NOT_SPECIALTIES:
                    words = words[1:]
                if not words or words[-1].casefold() in _NOT_SPECIALTIES:
                    continue
                name = f"{' '.join(words)} Nursing"
                specialties.append(
                    Occurrence(
                        skill_key("custom", name),
                        name,
                        match.group(),
                        lines[index],
                        lines[index],
                        "experience",
                        owner.get(index, header_of.get(index)),
                        in_taxonomy=False,
                    )
                )
    return specialties


# Founding, heading or teaching a programme of a field is educating people in it: "Headmaster
# and founder of the nursing programme", "Taught the welding course".
_TEACHING = re.compile(
    r"\b(?:found(?:ed|er|ing)|co-?founded|headmaster|headed|directed|director|taught|"
    r"teach(?:ing|er)?|instructor|lecturer)\b[^.;\n]{0,40}?\b(?P<field>[A-Za-z][\w-]*)\s+"
    r"(?:programmes?|programs?|schools?|courses?|curricul(?:um|a)|classes)\b",
    re.I,
)


def teaching(text, section, lines, owner, found) -> list[Occurrence]:
    """The education of a field the resume names elsewhere, given by someone who founded,
    headed or taught its programme ("founder of the nursing programme" -> Nursing
    Education)."""
    fields = {o.name.casefold(): o.name for o in found}
    occurrences = []
    for match in _TEACHING.finditer(text):
        field = fields.get(match.group("field").casefold())
        if field is None:
            continue
        name = f"{field} Education"
        index = section.start + text.count("\n", 0, match.start("field"))
        surface = text[match.start("field") : match.end()]
        occurrences.append(
            mention(skill_key("custom", name), name, surface, lines, index, section, owner, False)
        )
    return occurrences
