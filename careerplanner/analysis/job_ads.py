"""Required depth in job descriptions, from product.md's phrase → level table.

"familiarity with / exposure to" → L1; "working knowledge, 1–2 years" → L2; "proficient, strong,
3+ years, hands-on" → L3; "advanced, deep, expert-level, 5+ years, lead, mentor" → L4;
"architect, define the strategy, recognised expert, 8+ years" → L5. A skill with no phrase near it
is required at L2 (a plain requirement: able to use it). The phrase is looked for in the sentence
that names the skill.
"""

from __future__ import annotations

import bisect
import re

from careerplanner.core.skills import FoundSkill, SkillEvidence

DEFAULT_REQUIRED_LEVEL = 2
_PHRASES: list[tuple[int, re.Pattern]] = [
    (
        5,
        re.compile(
            r"\b(?:architect\w*|define (?:the )?strategy|recogni[sz]ed expert|"
            r"thought leader|(?:8|9|1\d)\+? years)",
            re.I,
        ),
    ),
    (
        4,
        re.compile(
            r"\b(?:advanced|deep|expert(?:-level| level)?|expertise|mastery|"
            r"(?:5|6|7)\+? years|lead\w*|mentor\w*)\b",
            re.I,
        ),
    ),
    (
        3,
        re.compile(
            r"\b(?:proficien\w*|strong|solid|hands-on|(?:3|4)\+? years|"
            r"extensive|demonstrated|proven)\b",
            re.I,
        ),
    ),
    (
        2,
        re.compile(
            r"\b(?:working knowledge|(?:1|2)\+? years|(?:1|one)\s*(?:-|–|to)\s*"
            r"(?:2|two) years|experience with|knowledge of|ability to use)\b",
            re.I,
        ),
    ),
    (
        1,
        re.compile(
            r"\b(?:familiar\w*|exposure|awareness|basic understanding|"
            r"nice to have|a plus|bonus)\b",
            re.I,
        ),
    ),
]
# Where a sentence (or a list line) ends: ". ", ";", a newline, "!" or "?".
_STOP = re.compile(r"\. |[;\n!?]")


def phrase_level(text: str) -> int | None:
    """The depth a phrase in `text` asks for, or None when no phrase of the table is there."""
    for level, pattern in _PHRASES:  # highest first; measured faster than one combined pattern
        if pattern.search(text):
            return level
    return None


def _sentence_starts(text: str) -> list[int]:
    """The offset at which each sentence of `text` starts, in order."""
    return [0, *(match.start() + 1 for match in _STOP.finditer(text))]


def _sentence_bounds(text: str, starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], from the precomputed sentence `starts`."""
    left = starts[bisect.bisect_right(starts, start) - 1]
    after = bisect.bisect_left(starts, end + 1)  # the first sentence starting past the mention
    return left, starts[after] - 1 if after < len(starts) else len(text)


def extract_requirements(description: str, finder) -> list[FoundSkill]:
    """Skills a job description requires, each with its required depth and the sentence."""
    text = finder.clean(description) if not description.isascii() else description
    by_key: dict[str, FoundSkill] = {}
    levels: dict[int, int] = {}  # sentence start → required level, computed once per sentence
    mentions = finder.find(text, cleaned=True)
    starts = _sentence_starts(text) if mentions else []
    for mention in mentions:
        start, end = _sentence_bounds(text, starts, mention.start, mention.end)
        level = levels.get(start)
        if level is None:
            level = levels[start] = phrase_level(text[start:end]) or DEFAULT_REQUIRED_LEVEL
        skill = by_key.get(mention.key)
        if skill is None:
            skill = by_key[mention.key] = FoundSkill(mention.key, mention.name, level)
        elif level > skill.level:
            skill.level = level
        if mention.surface not in skill.aliases:
            skill.aliases.append(mention.surface)
        if len(skill.evidence) < 3:
            sentence = " ".join(text[start:end].split())[:300]
            skill.evidence.append(SkillEvidence(sentence, "job ad", f"L{level}"))
    return list(by_key.values())
