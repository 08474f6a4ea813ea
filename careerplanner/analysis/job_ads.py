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
from dataclasses import dataclass, field
from functools import lru_cache, partial

from careerplanner.analysis.ad_list_items import (
    INTRODUCER,
    claimed_items,
    coordinated_phrases,
    coordinated_starts,
    example_items,
    headed_phrases,
    list_items,
    listed_modifiers,
    proper_name_around,
    shared_modifier_phrases,
    skill_nouns,
)
from careerplanner.analysis.folded_patterns import folded_pattern
from careerplanner.analysis.job_ad_claims import (
    chain_claims,
    find_claims,
    level_for,
    role_years_level,
)
from careerplanner.analysis.job_ad_sections import (
    BOILERPLATE,
    MUST,
    MUST_WORDS,
    NICE,
    NICE_WORDS,
    degree_fields,
    employer_names,
    heading_kind,
    in_unit_name,
    is_boilerplate_sentence,
    line_kinds,
    nice_or_must,
    without_alternatives,
)
from careerplanner.analysis.profession_terms import trade_of
from careerplanner.analysis.requirement_terms import merge_spans, requirement_spans
from careerplanner.analysis.senses import SenseResolver
from careerplanner.analysis.text import fold_in_place
from careerplanner.core.skills import FoundSkill, SkillEvidence, initials, skill_key

DEFAULT_REQUIRED_LEVEL = 2
NICE_LEVEL = 1  # a "nice to have" named with no level words: awareness is enough
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


# A full stop of an abbreviation ("(e.g. Spotfire, jReview)", "the U.S. Department") ends no
# sentence.
_ABBREVIATION_END = re.compile(
    r"(?:\be\.g|\bi\.e|\bvs|\bapprox|\bincl|\bu\.s|\bu\.k|\binc|\bst|\bdr|\bmr|\bms|\bjr|\bco)$",
    re.I,
)


def _next_full_stop(text: str, at: int) -> int:
    found = text.find(". ", at)
    while found >= 0 and _ABBREVIATION_END.search(text, max(0, found - 8), found):
        found = text.find(". ", found + 2)
    return found


def _last_full_stop(text: str, before: int) -> int:
    found = text.rfind(". ", 0, before)
    while found >= 0 and _ABBREVIATION_END.search(text, max(0, found - 8), found):
        found = text.rfind(". ", 0, found)
    return found


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding text[start] begins: one past the last stop before it."""
    return 1 + max(
        _last_full_stop(text, start + 1),
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
            _next_full_stop(text, end),
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


# --- One job ad read whole: must or nice, boilerplate left out, a level per skill -------------


@dataclass
class AdRequirement:
    """A skill a job ad asks for: the level, must or nice, and the words behind both."""

    key: str
    name: str
    level: int
    required: str  # "must" | "nice"
    aliases: list[str] = field(default_factory=list)
    evidence: list[SkillEvidence] = field(default_factory=list)
    levelled: bool = False  # some mention of it stands with level words of its own

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "key": self.key,
            "aliases": self.aliases,
            "level": self.level,
            "required": self.required,
            "evidence": [
                {"text": e.text, "section": e.section, "reason": e.reason} for e in self.evidence
            ],
        }


# English function words: about a fifth of the words of any English ad (0.18-0.28 on the labelled
# ads and resumes), none of a German, French or Spanish one. Nouns and "in", "a", "team" are left
# out: other languages share them.
_ENGLISH = frozenset(
    re.findall(
        r"\w+",
        "the and of to for with or is are be will on as our you your we this that by at from "
        "have has an",
    )
)
_WORD = re.compile(r"[^\W\d_]+")


def reads_language(text: str) -> bool:
    """False when `text` is long enough to tell and is not English (the vocabulary's language)."""
    words = _WORD.findall(text[:20_000].lower())
    if len(words) < 20:
        return True  # a bare list of skills reads the same in any language
    return sum(word in _ENGLISH for word in words) / len(words) >= 0.03


# The pattern in lower case, for the ad's folded text.
_INTRODUCER = folded_pattern(INTRODUCER)


def read_ad_requirements(description: str, finder) -> list[AdRequirement]:
    """The skills one job ad requires: boilerplate sentences and sections left out; each skill
    must or nice (by its section heading, then by its sentence's own words); its level from the
    level words about it (a must level is never raised by a higher preferred one)."""
    text = finder.clean(description) if not description.isascii() else description
    text = without_alternatives(text)
    folded = fold_in_place(text)
    spans = merge_spans(finder.find_spans(text, folded), requirement_spans(text, finder))
    kinds = line_kinds(text)
    by_key: dict[str, AdRequirement] = {}
    claims_of: dict[int, list] = {}  # sentence start -> its claims
    listed: dict[int, tuple[int, str, list]] = {}  # sentence start -> end, section, mentions
    senses = SenseResolver(text, finder)
    employer = None  # the employer's own name, read when first needed
    line = 0
    for start, end, key, name in spans:
        while kinds[line][1] < start:
            line += 1
        section = kinds[line][2]
        left, right = _ad_sentence(text, start, end)
        sentence = text[left:right]
        if section == BOILERPLATE or is_boilerplate_sentence(sentence):
            continue
        if any(a <= start - left < b for a, b in degree_fields(sentence)):
            continue  # a field of study, not a skill the job asks for
        if in_unit_name(sentence, start - left):
            continue  # "the Office of Data Science": the employer's structure
        sense = senses.sense(text[start:end])
        if sense is not None:
            key, name = sense  # "GCP" in a clinical trial's ad: Good Clinical Practice
        named = proper_name_around(text, start, end, left, right)
        if (
            named is not None
            and named[2] is not None
            and _known_words(text, spans, *named[:2], finder)
        ):
            named = None  # "Cisco LAN": two known skills side by side, each asked for
        if named is not None:
            if named[2] is None:
                continue  # "Cost Estimating Manager", "Analytics Team": a title or a unit
            if employer is None:
                employer = employer_names(text)
            if employer & set(text[named[0] : start].split() + text[end : named[1]].split()):
                continue  # "Novartis Data Science": the employer's own unit
            start, end = named[0], named[1]
            key, name = skill_key("custom", named[2]), named[2]
        claims = claims_of.get(left)
        if claims is None:
            mentions = [(s, e) for s, e, _k, _n in spans if left <= s and e <= right]
            claims = claims_of[left] = chain_claims(
                text, find_claims(text, left, right, ad=True, folded=folded), mentions
            )
        # A preference with no level words asks for less than a plain requirement.
        claim, level, required = _level_and_need(sentence, start - left, claims, left, section)
        _merge(by_key, key, name, level, required, text[start:end], sentence, _reason(claim, level))
        listed.setdefault(left, (right, section, []))[2].append((start - left, end - left))
        shared = _known_with_shared_head(text, start, end, finder)
        if shared is not None:  # "unsupervised and deep learning"
            at, (key, name) = shared
            claim, level, required = _level_and_need(sentence, at - left, claims, left, section)
            _merge(by_key, key, name, level, required, name, sentence, _reason(claim, level))
    # What "experience with", "knowledge of" ... are about, in sentences naming no known skill.
    line = 0
    introducers = INTRODUCER.finditer(text) if folded is None else _INTRODUCER.finditer(folded)
    for intro in introducers:
        left, right = _ad_sentence(text, intro.start(), intro.end())
        if left in listed:
            continue
        while kinds[line][1] < intro.start():
            line += 1
        section = kinds[line][2]
        if section == BOILERPLATE or is_boilerplate_sentence(text[left:right]):
            continue
        claims_of[left] = chain_claims(
            text, find_claims(text, left, right, ad=True, folded=folded), []
        )
        listed[left] = (right, section, [])
    _add_trades(by_key, text, folded, kinds, claims_of, finder)
    # A list asks for its items in a sentence with level words, or under a heading of
    # requirements; elsewhere (the employer's introduction) it describes.
    headed = next(
        (a for a, b, _kind in kinds if heading_kind(text[a:b]) in (MUST, NICE)), len(text)
    )
    for left, (right, section, known) in listed.items():
        # Examples of a known skill ("software such as McAfee and CrowdStrike") are skills of
        # its kind wherever they stand.
        only_examples = not claims_of[left] and left < headed
        _add_list_items(
            by_key, text[left:right], known, claims_of[left], left, section, finder, only_examples
        )
    _add_coordinated(by_key, text, folded, kinds, claims_of, finder, headed, spans)
    _apply_role_years(by_key, text, folded)
    _merge_short_forms(by_key, text)
    return list(by_key.values())


def _merge_short_forms(by_key, text: str) -> None:
    """A short form the ad defines ("Welfare Management System (WMS)") is the same skill as
    its long form: its mentions join the long form's, and it is no skill of its own."""
    long_forms: dict[str, AdRequirement] = {}
    for skill in by_key.values():
        for form in (skill.name, *skill.aliases):
            if " " in form and initials(form) != form:
                long_forms.setdefault(initials(form), skill)
    for key, skill in list(by_key.items()):
        short = skill.name
        owner = long_forms.get(short)
        if not key.startswith("custom:") or not short.isupper() or owner is None:
            continue
        if owner is skill or f"({short})" not in text:
            continue
        del by_key[key]
        for alias in skill.aliases:
            if alias not in owner.aliases:
                owner.aliases.append(alias)
        if skill.required == MUST and (owner.required == NICE or skill.level > owner.level):
            owner.required, owner.level = MUST, max(owner.level, skill.level)


def _apply_role_years(by_key, text: str, folded: str | None) -> None:
    """Years of the whole role ("Five years of experience as a painter") ask for the role's
    duties one level lower: each must-have named with no level words of its own."""
    role = role_years_level(text, folded)
    if role is None or role.level - 1 <= DEFAULT_REQUIRED_LEVEL:
        return
    level = role.level - 1
    reason = f'L{level}: a duty of the role, which asks for "{" ".join(role.words.split())}"'
    for skill in by_key.values():
        if skill.required == MUST and not skill.levelled and skill.level < level:
            skill.level = level
            skill.evidence.insert(0, SkillEvidence(skill.evidence[0].text, MUST, reason))
            del skill.evidence[3:]


# "five years of experience as a painter": the worker's trade is what the job requires.
_AS_WORKER = re.compile(
    r"\b(?:experience|employment|work|years?)\s+as\s+an?\s+([A-Za-z]+(?:\s+[A-Za-z]+){0,2})"
)


def _add_trades(by_key, text, folded, kinds, claims_of, finder) -> None:
    line = 0
    for match in _AS_WORKER.finditer(text):
        # "as an apprentice painter", "as a Registered Nurse": the first worker's word
        trade = next(filter(None, map(trade_of, match.group(1).split())), None)
        if trade is None:
            continue
        while kinds[line][1] < match.start():
            line += 1
        section = kinds[line][2]
        left, right = _ad_sentence(text, match.start(), match.end())
        sentence = text[left:right]
        if section == BOILERPLATE or is_boilerplate_sentence(sentence):
            continue
        if left not in claims_of:
            claims_of[left] = chain_claims(
                text, find_claims(text, left, right, ad=True, folded=folded), []
            )
        offset = match.start(1) - left
        claim, level, required = _level_and_need(sentence, offset, claims_of[left], left, section)
        whole = [m for m in finder.find(trade, trusted=True) if m.end - m.start == len(trade)]
        key, name = (whole[0].key, whole[0].name) if whole else (skill_key("custom", trade), trade)
        _merge(by_key, key, name, level, required, trade, sentence, _reason(claim, level))


def _add_coordinated(by_key, text, folded, kinds, claims_of, finder, headed: int, spans) -> None:
    """Skills sharing a head noun ("Causal & Predictive analysis", "program and policy
    evaluation", "A/B, website usability, and website conversion rate testing") and the fields
    skills are asked in ("documentation skills"), in a sentence with level words or under a
    heading of requirements."""
    line = 0
    done = set()
    starts = coordinated_starts(text, folded)
    known_whole = partial(_whole_known, finder)
    for at_text in starts:
        while kinds[line][1] < at_text:
            line += 1
        section = kinds[line][2]
        left, right = _ad_sentence(text, at_text, at_text + 1)
        sentence = text[left:right]
        if left in done or section == BOILERPLATE or is_boilerplate_sentence(sentence):
            continue
        done.add(left)
        if left not in claims_of:
            claims_of[left] = chain_claims(
                text, find_claims(text, left, right, ad=True, folded=folded), []
            )
        asked = claims_of[left] or left >= headed or _says_need(sentence)
        if not asked and not _is_duty(text, left):
            continue
        known = [(s - left, e - left) for s, e, _k, _n in spans if left <= s and e <= right]
        found = coordinated_phrases(sentence, known, finder.common_words)
        found += listed_modifiers(sentence, known, finder.common_words, known_whole)
        found += skill_nouns(sentence, known)
        found += shared_modifier_phrases(sentence, finder.common_words)
        if not found:
            continue
        names = {a.casefold() for s in by_key.values() for a in (s.name, *s.aliases)}
        for at, name in found:
            if name.casefold() in names:
                continue
            claim, level, required = _level_and_need(sentence, at, claims_of[left], left, section)
            key, name = known_whole(name) or (skill_key("custom", name), name)
            _merge(by_key, key, name, level, required, name, sentence, _reason(claim, level))
            names.add(name.casefold())


# "unsupervised and deep learning": a word joined to a known skill's name shares its head.
_JOINED_BEFORE = re.compile(r"\b([A-Za-z][\w-]+),? (?:and|or|&|and/or) $")


def _known_with_shared_head(text: str, start: int, end: int, finder):
    """(offset, (key, name)) of the skill the vocabulary knows that the word joined before the
    known skill at text[start:end] names with that skill's head: "unsupervised and deep
    learning" names unsupervised learning too. None when there is none."""
    words = text[start:end].split()
    if len(words) < 2:
        return None
    before = _JOINED_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return None
    skill = _whole_known(finder, " ".join([before.group(1), *words[1:]]))
    return None if skill is None else (before.start(1), skill)


_NON_SPACE = re.compile(r"\S+")


def _known_words(text: str, spans, start: int, end: int, finder) -> bool:
    """Every word of text[start:end] is a known skill: part of a mention found there, or a
    skill's whole name ("Cisco LAN" is Cisco and LAN; "Oracle InForm" is another product)."""
    inside = [(s, e) for s, e, _k, _n in spans if s < end and start < e]
    return all(
        any(s <= word.start() and word.end() <= e for s, e in inside)
        or _whole_known(finder, word.group()) is not None
        for word in _NON_SPACE.finditer(text, start, end)
    )


# A duty of a list: the sentence opens a line after a bullet or a number ("• Supporting ...",
# "3. Oversee ..."), or follows a bullet inside a line.
_DUTY_MARK = re.compile(r"(?:[•▪‣◦]|(?:^|\n)[ \t]*(?:[-*·o]|\d{1,2}[.)]))[ \t]*$", re.M)


def _is_duty(text: str, left: int) -> bool:
    """The sentence starting at `left` is an item of a list of duties (or requirements)."""
    return _DUTY_MARK.search(text, max(0, left - 40), left) is not None


def _says_need(sentence: str) -> bool:
    """The sentence says it asks for what it names ("... skills are a must", "... preferred")."""
    return MUST_WORDS.search(sentence) is not None or NICE_WORDS.search(sentence) is not None


def _whole_known(finder, name: str) -> tuple[str, str] | None:
    """(key, name) of the skill the vocabulary spells exactly `name`, else None."""
    whole = [m for m in finder.find(name, trusted=True) if m.end - m.start == len(name)]
    return (whole[0].key, whole[0].name) if whole else None


_UNLEVELLED = "named, with no level words"


def _reason(claim, level: int) -> str:
    return f'L{level} from "{claim.words}"' if claim else f"L{level}: {_UNLEVELLED}"


def _level_and_need(sentence: str, offset: int, claims, left: int, section: str):
    claim = level_for(claims, left + offset)
    required = nice_or_must(sentence, offset) or section
    required = NICE if required == NICE else MUST
    level = claim.level if claim else NICE_LEVEL if required == NICE else DEFAULT_REQUIRED_LEVEL
    return claim, level, required


def _add_list_items(
    by_key, sentence, known, claims, left, section, finder, only_examples=False
) -> None:
    """The unknown items of the lists that name known skills ("logistic regression, gradient
    descent, SQL"), as out-of-taxonomy requirements (see `analysis/ad_list_items`)."""
    items = _sentence_items(
        sentence, tuple(known), finder.common_words, only_examples, bool(claims)
    )
    if not items:
        return  # most sentences: nothing to look up
    degrees = degree_fields(sentence)
    names = {
        alias.casefold(): key
        for key, skill in by_key.items()
        for alias in (skill.name, *skill.aliases)
    }
    done = set()
    for offset, item in items:
        # An item named again counts again ("Strong knowledge of WMS" after "the WMS"); one
        # the finder knows was read with its own mention.
        key = names.get(item.casefold(), skill_key("custom", item))
        if not key.startswith("custom:") or (offset, key) in done:
            continue
        if any(a <= offset < b for a, b in degrees) or in_unit_name(sentence, offset):
            continue
        done.add((offset, key))
        claim, level, required = _level_and_need(sentence, offset, claims, left, section)
        name = by_key[key].name if key in by_key else item
        _merge(by_key, key, name, level, required, item, sentence, _reason(claim, level))
        names[item.casefold()] = key


# A third of the City's list sentences recur from ad to ad (a title's qualifications).
@lru_cache(maxsize=4096)
def _sentence_items(
    sentence: str,
    known: tuple[tuple[int, int], ...],
    common_words: frozenset[str],
    only_examples: bool,
    claimed: bool,
) -> tuple[tuple[int, str], ...]:
    """The unknown items `_add_list_items` reads in a sentence: (offset, name) of each."""
    items = example_items(sentence, list(known), common_words)
    if not only_examples:
        items += list_items(sentence, list(known), common_words)
        items += claimed_items(sentence, list(known), common_words)
    if claimed:
        items += headed_phrases(sentence, list(known), common_words)
    return tuple(items)


def _ad_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: as `_sentence_start`/`_sentence_end` see it, and a
    bullet "•" inside a line also starts a new one (ads pasted from forms join their bullets)."""
    left, right = _sentence_start(text, start), _sentence_end(text, end)
    bullet = text.rfind("•", left, start)
    if bullet >= 0:
        left = bullet + 1
    bullet = text.find("•", end, right)
    return left, right if bullet < 0 else bullet


def _merge(by_key, key, name, level, required, surface, sentence, reason) -> None:
    """Fold one mention into its skill: must wins over nice, and a must level over a nice one."""
    skill = by_key.get(key)
    evidence = SkillEvidence(" ".join(sentence.split())[:300], required, reason)
    levelled = not reason.endswith(_UNLEVELLED)
    if skill is None:
        by_key[key] = AdRequirement(key, name, level, required, [surface], [evidence], levelled)
        return
    skill.levelled = skill.levelled or levelled
    if required == MUST and skill.required == NICE:
        skill.required, skill.level = MUST, level
        skill.evidence.insert(0, evidence)
    elif required == skill.required and level > skill.level:
        skill.level = level
        skill.evidence.insert(0, evidence)
    elif len(skill.evidence) < 3:
        skill.evidence.append(evidence)
    del skill.evidence[3:]
    if surface not in skill.aliases:
        skill.aliases.append(surface)
