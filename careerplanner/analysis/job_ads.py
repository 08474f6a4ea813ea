"""Required depth in job descriptions, from product.md's phrase → level table.

"familiarity with / exposure to" → L1; "working knowledge, 1–2 years" → L2; "proficient, strong,
3+ years, hands-on" → L3; "advanced, deep, expert-level, 5+ years, lead, mentor" → L4;
"architect, define the strategy, recognised expert, 8+ years" → L5. A skill with no phrase near it
is required at L2 (a plain requirement: able to use it). The phrase is looked for in the sentence
that names the skill.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from careerplanner.analysis.text import fold_in_place
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


# The same table for text that `analysis.text.fold_in_place` already case-folded (the phrases are
# written in lower case): matching without IGNORECASE is over twice as fast.
_FOLDED_PHRASES = [(level, re.compile(pattern.pattern)) for level, pattern in _PHRASES]
# Every alternative of every phrase above contains one of these words (tests check it). Without
# word boundaries each starts with a letter, so this search skips along quickly; the 60 % of
# sentences that hold none are at the default level after it alone.
PHRASE_WORDS = re.compile(
    "architect|define|recogni|thought|years|advanced|deep|expert|mastery|lead|mentor|"
    "proficien|strong|solid|hands-on|extensive|demonstrated|proven|working knowledge|"
    "experience with|knowledge of|ability to use|familiar|exposure|awareness|"
    "basic understanding|nice to have|a plus|bonus"
)


def phrase_level(text: str) -> int | None:
    """The depth a phrase in `text` asks for, or None when no phrase of the table is there."""
    for level, pattern in _PHRASES:  # highest first; measured faster than one combined pattern
        if pattern.search(text):
            return level
    return None


def _sentence_level(text: str, folded: str | None, start: int, end: int) -> int:
    """The required level the sentence text[start:end] states (the default when none).

    Same answer as `phrase_level(text[start:end])`: searching `folded` between `start` and `end`
    sees the same word boundaries as the slice, because every sentence starts and ends next to
    a stop character ("." ";" "!" "?" or a newline), which is not a word character.
    """
    if folded is None:
        return phrase_level(text[start:end]) or DEFAULT_REQUIRED_LEVEL
    if PHRASE_WORDS.search(folded, start, end) is None:
        return DEFAULT_REQUIRED_LEVEL
    for level, pattern in _FOLDED_PHRASES:  # highest first, as in phrase_level
        if pattern.search(folded, start, end):
            return level
    return DEFAULT_REQUIRED_LEVEL


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding text[start] begins: one past the last stop before it."""
    return 1 + max(
        text.rfind(". ", 0, start + 1),
        text.rfind(";", 0, start),
        text.rfind("\n", 0, start),
        text.rfind("!", 0, start),
        text.rfind("?", 0, start),
    )


def _sentence_end(text: str, end: int) -> int:
    """Where the sentence holding text[end - 1] ends: the first stop at or after `end`."""
    stops = [
        at
        for at in (
            text.find(". ", end),
            text.find(";", end),
            text.find("\n", end),
            text.find("!", end),
            text.find("?", end),
        )
        if at >= 0
    ]
    return min(stops) if stops else len(text)


def _levelled_mentions(text: str, finder) -> list[tuple[int, int, str, str, int, int]]:
    """(start, end, key, name, sentence start, level) of each mention in the cleaned `text`.

    A mention's sentence runs from one past the last stop (". ", ";", "!", "?", a newline)
    before it to the first stop after it. Its level is computed once per sentence start, by
    the first mention there. Searching for the stops around each mention is cheaper than
    listing every stop of the ad: most ads name a dozen skills and hold a hundred stops.
    """
    folded = fold_in_place(text)
    spans = finder.find_spans(text, folded)
    levels: dict[int, int] = {}  # sentence start -> required level
    mentions = []
    for start, end, key, name in spans:
        left = _sentence_start(text, start)
        level = levels.get(left)
        if level is None:
            right = _sentence_end(text, end)
            level = levels[left] = _sentence_level(text, folded, left, right)
        mentions.append((start, end, key, name, left, level))
    return mentions


def extract_requirements(description: str, finder) -> list[FoundSkill]:
    """Skills a job description requires, each with its required depth and the sentence."""
    text = finder.clean(description) if not description.isascii() else description
    by_key: dict[str, FoundSkill] = {}
    for start, end, key, name, left, level in _levelled_mentions(text, finder):
        skill = by_key.get(key)
        if skill is None:
            skill = by_key[key] = FoundSkill(key, name, level)
        elif level > skill.level:
            skill.level = level
        surface = text[start:end]
        if surface not in skill.aliases:
            skill.aliases.append(surface)
        if len(skill.evidence) < 3:
            sentence = " ".join(text[left : _sentence_end(text, end)].split())[:300]
            skill.evidence.append(SkillEvidence(sentence, "job ad", f"L{level}"))
    return list(by_key.values())


def required_levels(description: str, finder) -> dict[str, tuple[str, int]]:
    """What the postings importer needs of one ad: skill key -> (name, required level).

    The same skills and levels as `extract_requirements`, without the evidence and spellings
    (which cost as much again over 100,000 ads).
    """
    text = finder.clean(description) if not description.isascii() else description
    required: dict[str, tuple[str, int]] = {}
    for _start, _end, key, name, _left, level in _levelled_mentions(text, finder):
        known = required.get(key)
        if known is None:
            required[key] = (name, level)
        elif level > known[1]:
            required[key] = (known[0], level)
    return required


def requirements_reader(finder) -> Callable[[str], dict[str, tuple[str, int]]]:
    """`required_levels` bound to `finder`: what `importers.datasets.postings.analyse_postings`
    asks of each description (it takes the analysis as a parameter rather than importing it)."""
    return partial(required_levels, finder=finder)
