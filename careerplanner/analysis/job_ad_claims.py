"""Level words in a job ad, each with where it stands, so a level goes to the skills it is about.

product.md's phrase table, read more carefully than `job_ads.phrase_level` reads a whole
sentence: years written in words count like digits ("three (3) years", "five yrs"); a range
counts at its bottom ("4-6 years"); "deep learning", "deep-dive", "architecture" and "strong
desire" are not level words. Each claim is found with its span, and `level_for` gives a skill
the claim that stands before it in its sentence (the claim covers the skills it lists), else the
first one after it ("Python, 3+ years").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from careerplanner.analysis.folded_patterns import Prefiltered, folded_pattern

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_NUMBER = r"(?:\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")"
# "three (3) years", "4-6 years", "5+ yrs", "two or more years", "at least 8 years'"
YEARS = re.compile(
    rf"\b(?P<n>{_NUMBER})(?:\s*\(\d{{1,2}}\))?\s*\+?\s*"
    rf"(?:(?:-|–|to|or)\s*(?:{_NUMBER}|more)(?:\s*\(\d{{1,2}}\))?\s*\+?\s*)?"
    r"(?:full[- ]time\s+)?(?:years?|yrs?)\b",
    re.I,
)
# Highest level first. Each alternative is a level word used about a skill, written so that the
# same letters used as a name do not match ("deep learning", "architecture", "lead generation").
_CLAIMS: list[tuple[int, re.Pattern]] = [
    (
        5,
        re.compile(
            r"\b(?:architect(?:s|ed|ing)?\b(?!ure)|define (?:the )?strategy|"
            r"recogni[sz]ed expert|thought leader)",
            re.I,
        ),
    ),
    (
        4,
        re.compile(
            r"\b(?:advanced|deep(?![- ](?:learning|div\w*|neural|reinforcement))|"
            r"expert(?:-level| level)?|expertise|mastery|in-depth|"
            r"lead(?:s|ing)?\b(?! generation|-edge| edge)|mentor\w*)\b",
            re.I,
        ),
    ),
    (
        3,
        re.compile(
            r"\b(?:proficien\w*|strong(?! desire| interest| passion)|solid|skilled|hands-on|"
            r"extensive|demonstrated|proven|thorough|excellent|significant)\b",
            re.I,
        ),
    ),
    (
        2,
        re.compile(
            r"\b(?:working (?:knowledge|experience)|experience (?:with|in|using)|"
            r"knowledge of|ability to use|understanding of|experienced)\b",
            re.I,
        ),
    ),
    (
        1,
        re.compile(
            r"\b(?:familiar\w*|exposure|awareness|basic understanding|basic knowledge|"
            r"introductory|some(?=(?: [\w/-]+){0,4} (?:experience|knowledge|exposure)\b))\b",
            re.I,
        ),
    ),
]
# A job ad's duties say more than a resume's lines: overseeing others' work in a skill asks for
# more than using it, and a "Unit Lead" or "Team Lead" there is someone else's title.
_AD_CLAIMS: list[tuple[int, re.Pattern]] = [
    (
        level,
        re.compile(r"(?<!team )(?<!unit )(?<!tech )(?<!shift )(?<!group )" + p.pattern, p.flags),
    )
    if level == 4
    else (level, p)
    for level, p in _CLAIMS
] + [(3, re.compile(r"\b(?:oversees?|overseeing|supervis(?:e|es|ing))\b", re.I))]
# The same patterns for text in lower case (`find_claims`' `folded`): found 2-3 times faster.
_FOLDED_YEARS = folded_pattern(YEARS)
_FOLDED_CLAIMS = [(level, Prefiltered(folded_pattern(pattern))) for level, pattern in _CLAIMS]
_FOLDED_AD_CLAIMS = [(level, Prefiltered(folded_pattern(pattern))) for level, pattern in _AD_CLAIMS]
# Claims this close together (in characters, with no skill between) are one claim, at the
# higher level: "3+ years of experience with" is a 3+ years claim, not "experience with".
_CHAIN_GAP = 30


class Claim(NamedTuple):
    start: int
    end: int
    level: int
    words: str


def years_level(count: float) -> int:
    """product.md: 1-2 years L2; 3-4 L3; 5-7 L4; 8+ L5 (less than a year: L1)."""
    if count >= 8:
        return 5
    if count >= 5:
        return 4
    if count >= 3:
        return 3
    return 2 if count >= 1 else 1


def _count(word: str) -> float:
    word = word.lower()
    return float(_NUMBER_WORDS.get(word, 0)) if word in _NUMBER_WORDS else float(word)


def find_claims(
    text: str,
    start: int = 0,
    end: int | None = None,
    ad: bool = False,
    folded: str | None = None,
) -> list[Claim]:
    """The level words in text[start:end], in order; overlapping ones keep the higher level.
    With `ad`, read as a job ad's duties ("Oversees the SAN" asks for L3). `folded` is `text`
    in lower case with every character where it was (`analysis.text.fold_in_place`), when the
    caller has it: the same claims, found faster."""
    end = len(text) if end is None else end
    if folded is None:
        haystack, years, claims = text, YEARS, _AD_CLAIMS if ad else _CLAIMS
    else:
        haystack, years = folded, _FOLDED_YEARS
        claims = _FOLDED_AD_CLAIMS if ad else _FOLDED_CLAIMS
    found: list[Claim] = []
    window = None if folded is None else folded[start:end]
    # Every match of YEARS ends in "year(s)" or "yr(s)": without either it need not run.
    if window is None or "year" in window or "yr" in window:
        for match in years.finditer(haystack, start, end):
            level = years_level(_count(match["n"]))
            words = text[match.start() : match.end()]
            found.append(Claim(match.start(), match.end(), level, words))
    for level, pattern in claims:
        if window is not None:
            if not pattern.may_match(window):
                continue  # none of the words every match holds: the pattern need not run
            pattern = pattern.pattern
        for match in pattern.finditer(haystack, start, end):
            found.append(
                Claim(match.start(), match.end(), level, text[match.start() : match.end()])
            )
    found.sort(key=lambda claim: (claim.start, -claim.level))
    kept: list[Claim] = []
    for claim in found:
        if kept and claim.start < kept[-1].end:
            continue  # inside a claim already kept ("3+ years" holds no second claim)
        kept.append(claim)
    return kept


def chain_claims(text: str, claims: list[Claim], mentions: list[tuple[int, int]]) -> list[Claim]:
    """Claims next to each other with no skill between them, joined at their highest level;
    the joined claim's words are the whole stretch ("3+ years of experience with")."""
    chained: list[Claim] = []
    for claim in claims:
        if chained and claim.start - chained[-1].end <= _CHAIN_GAP:
            previous = chained[-1]
            between = any(previous.end <= s and e <= claim.start for s, e in mentions)
            if not between:
                level = max(previous.level, claim.level)
                words = text[previous.start : claim.end]
                chained[-1] = Claim(previous.start, claim.end, level, words)
                continue
        if chained and _PART_OF.search(text, chained[-1].end, claim.start):
            # "strong fundamentals, including knowledge of algorithms": the part is asked for
            # at the level of the whole.
            previous = chained[-1]
            if previous.level > claim.level:
                words = f"{previous.words} ... {claim.words}"
                claim = Claim(claim.start, claim.end, previous.level, words)
        chained.append(claim)
    return chained


_PART_OF = re.compile(r"\bincluding\b|\bsuch as\b", re.I)


def level_for(claims: list[Claim], start: int) -> Claim | None:
    """The claim about the skill at `start`: the nearest one before it, else the first after."""
    before = [claim for claim in claims if claim.end <= start]
    if before:
        return before[-1]
    after = [claim for claim in claims if claim.start >= start]
    return after[0] if after else None


# Years of experience of the whole role, about no skill: "Five years of full-time satisfactory
# experience as a painter", "Five years of managerial and supervisory experience."
_ROLE_YEARS = re.compile(
    rf"{YEARS.pattern}\s+of\s+(?:[\w-]+,?\s+){{0,5}}?experience"
    r"(?:\s+as\s+an?\s+[a-z]+\b|\s*(?:[.;]|$))",
    re.I | re.M,
)


_FOLDED_ROLE_YEARS = folded_pattern(_ROLE_YEARS)


def role_years_level(text: str, folded: str | None = None) -> Claim | None:
    """The first claim of years of the whole role (as a worker of a trade, or of experience
    of no named kind), whose level, one lower, the role's duties are asked at. `folded` as in
    `find_claims`."""
    if folded is None:
        match = _ROLE_YEARS.search(text)
    elif "experience" not in folded or ("year" not in folded and "yr" not in folded):
        return None  # every match holds both words: a plain search is far faster
    else:
        match = _FOLDED_ROLE_YEARS.search(folded)
    if match is None:
        return None
    level = years_level(_count(match["n"]))
    return Claim(match.start(), match.end(), level, text[match.start() : match.end()])
