"""What part of a job ad a line belongs to: a requirement (must), a preference (nice), or the
boilerplate around the job (the employer's introduction, benefits, EEO and E-Verify notices,
how to apply), which names no requirement even when it names a skill.

Two signals, both general: the section heading a line sits under ("Preferred Skills:",
"Benefits", "About us", "How to apply"), and the words of the sentence itself ("... is a plus",
"... preferred", "an equal opportunity employer", "Do not apply via Employee Self-Service").
"""

from __future__ import annotations

import re

MUST, NICE, BOILERPLATE = "must", "nice", "boilerplate"

# A heading: a short line of its own, often ending with ":" or written in capitals.
_HEADING_LINE = re.compile(r"^[\W\d_]{0,4}(?P<words>[^\W\d_][^.!?:]{1,60}?)\s*:?\s*$")
_NICE_HEADING = re.compile(
    r"\b(?:prefer\w*|desir\w*|nice[- ]to[- ]haves?|bonus\w*|plus(?:es)?|optional|ideal\w*|"
    r"assets?|additional skills|good to have)\b",
    re.I,
)
_BOILERPLATE_HEADING = re.compile(
    r"\b(?:benefits?|perks|about (?:us|the (?:company|team|agency|employer)|\w+)|who we are|"
    r"our (?:company|mission|culture|values|story)|why (?:join|work)|what we offer|"
    r"equal (?:employment )?opportunit\w*|eeo|e-verify|diversity|inclusion|"
    r"how to apply|to apply|application (?:process|instructions)|apply|"
    r"additional information|compensation|salary|pay|work authori[sz]ation|disclaimer|"
    r"sunshine act|residency requirement|loan forgiveness|hours|shift|work location|"
    r"location|legal|privacy|note)\b",
    re.I,
)
_MUST_HEADING = re.compile(
    r"\b(?:requirements?|qualifications?|responsibilit\w*|duties|skills|experience|"
    r"what you|you (?:will|have|bring)|role|job description|the job|the position|"
    r"must[- ]haves?|essential|minimum|key|knowledge|abilities|competenc\w*|education|"
    r"technical|tools|background|about you|who you are)\b",
    re.I,
)
# Sentence words that make the skills of the sentence a preference.
NICE_WORDS = re.compile(
    r"\b(?:prefer|prefers|preferred(?! candidate| applicant)|preferably|preference|desired|"
    r"desirable|(?:or|and/or) (?:an )?interest in|"
    r"an? (?:big |huge |strong |)plus|bonus|nice[- ]to[- ]have|advantageous|"
    r"(?:is|are|would be) an? (?:asset|advantage)|ideally|not required|helpful)\b",
    re.I,
)
MUST_WORDS = re.compile(r"\b(?:required|requires?|must|mandatory|essential|minimum)\b", re.I)
# Sentences that are about the employer or the application, never a requirement of the job.
_BOILERPLATE_SENTENCE = re.compile(
    r"equal (?:employment )?opportunity|without regard to|e-verify|affirmative action|"
    r"reasonable accommodation|veteran status|sexual orientation|national origin|"
    r"self-service|\bESS\b|\bapply (?:online|via|through|at|by|now|here|for this)|"
    r"click (?:here|apply|the)|submit (?:your|a|an) (?:resume|cv|cover letter|application)|"
    r"cover letter|\bbenefits? (?:include|package|program)|401\(?k\)?|paid time off|"
    r"\bdental(?:,? (?:and |& )?vision| (?:insurance|plans?|coverage|benefits?))\b|pension|"
    r"tuition (?:assistance|reimbursement)|loan forgiveness|"
    r"residency requirement|#LI-|recruiters?\b|job id\b|"
    r"\b(?:we are|is) (?:a|an|the) (?:leading|global|world|premier|fast-growing|"
    r"innovative|award-winning|nonprofit|non-profit)|founded in|headquartered|our mission|"
    r"fortune \d+|transfers of value|reimbursement of recruiting|uniquely positioned|"
    r"at the forefront|\breports? (?:directly )?to (?:the|a)\b",
    re.I,
)


def heading_kind(line: str) -> str | None:
    """MUST, NICE or BOILERPLATE when `line` is a section heading, else None."""
    stripped = line.strip()
    match = _HEADING_LINE.match(stripped)
    if match is None or len(match["words"].split()) > 7:
        return None
    words = match["words"]
    capitalised = all(word[:1].isupper() for word in words.split() if len(word) > 3)
    if not (stripped.endswith(":") or capitalised or len(words.split()) <= 3):
        return None  # a short sentence ("Experience with Oracle preferred"), not a heading
    if _NICE_HEADING.search(words):
        return NICE
    if _MUST_HEADING.search(words):
        return MUST
    if _BOILERPLATE_HEADING.search(words):
        return BOILERPLATE
    return None


def line_kinds(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each line of `text`: the kind of the heading above it (MUST before
    any heading). A heading line is itself BOILERPLATE (a heading names no requirement)."""
    kinds = []
    current = MUST
    at = 0
    for line in text.split("\n"):
        end = at + len(line)
        kind = heading_kind(line)
        if kind is not None:
            current = kind
            kinds.append((at, end, BOILERPLATE))
        else:
            kinds.append((at, end, current))
        at = end + 1
    return kinds


def is_boilerplate_sentence(sentence: str) -> bool:
    return _BOILERPLATE_SENTENCE.search(sentence) is not None


def _in_parentheses(sentence: str, at: int) -> tuple[int, int] | None:
    """The (start, end) of the parenthesised aside holding sentence[at], if any."""
    left = sentence.rfind("(", 0, at)
    if left < 0 or sentence.rfind(")", left, at) >= 0:
        return None
    right = sentence.find(")", at)
    return (left, len(sentence) if right < 0 else right)


def _markers(pattern: re.Pattern, sentence: str, offset: int) -> list[int]:
    """Where `pattern` matches in a way that can be about the skill at `offset`: a marker in a
    parenthesised aside ("SQL (Oracle preferred)") is only about what the aside names."""
    found = []
    for match in pattern.finditer(sentence):
        aside = _in_parentheses(sentence, match.start())
        if aside is not None:
            rest = sentence[aside[0] + 1 : match.start()] + sentence[match.end() : aside[1]]
            if not re.search(r"[^\W\d_]{2,}", rest):
                aside = None  # "(a plus)": the aside is only the marker, about the whole line
        if aside is None or aside[0] <= offset < aside[1]:
            found.append(match.start())
    return found


def nice_or_must(sentence: str, offset: int) -> str | None:
    """NICE or MUST by the sentence's own words about the skill at `offset`, or None.

    Where a sentence holds both ("Python is required, Spark is a plus"), the words of the
    skill's own clause (between commas) decide; failing that, the marker nearest the skill.
    """
    nice = _markers(NICE_WORDS, sentence, offset)
    must = _markers(MUST_WORDS, sentence, offset)
    if not nice:
        return MUST if must else None
    if not must:
        return NICE
    left = sentence.rfind(",", 0, offset) + 1
    right = sentence.find(",", offset)
    right = len(sentence) if right < 0 else right
    in_clause_nice = any(left <= at < right for at in nice)
    in_clause_must = any(left <= at < right for at in must)
    if in_clause_nice != in_clause_must:
        return NICE if in_clause_nice else MUST
    nearest_nice = min(abs(at - offset) for at in nice)
    nearest_must = min(abs(at - offset) for at in must)
    return NICE if nearest_nice <= nearest_must else MUST


# The field of a degree ("a Bachelor's degree in Statistics, Economics or Physics") names what
# the person studied, not a skill the job requires. The field runs from the degree word to the
# end of the clause, or to the first words that start asking for experience again.
_DEGREE = re.compile(
    r"\b(?:degree|bachelor'?s?|master'?s?|baccalaureate|doctora(?:l|te)|ph\.? ?d|mba|diploma|"
    r"b\.?[as]\.?|m\.?[as]\.?|bs/ms|ba/bs|ms/phd|(?:semester|graduate|college) credits)\b"
    r"[^.;:]*?\b(?:in|of)\b",
    re.I,
)
_DEGREE_END = re.compile(
    r"[.;:()]|\band\b(?=[^,]*\b(?:years?|experience)\b)|\bexperience\b|\bwith\b", re.I
)


def degree_fields(sentence: str) -> list[tuple[int, int]]:
    """(start, end) in `sentence` of each degree's field of study."""
    spans = []
    for match in _DEGREE.finditer(sentence):
        end = _DEGREE_END.search(sentence, match.end())
        spans.append((match.end(), end.start() if end else len(sentence)))
    return spans


# The name of an organisation unit or a title ("the Office of Data Science", "Director of Human
# Resources", "Department of Finance") names the employer's structure, not a skill.
_UNIT_BEFORE = re.compile(
    r"\b(?:Office|Department|Dept\.?|Division|Bureau|Directorate|Director|Commissioner|Unit|"
    r"Agency|Ministry|School|College|University|Institute|Center|Centre|Board|Council|Team) "
    r"(?:of|for) (?:the )?(?:[A-Z][\w&-]* (?:and |& )?)*\(?$"
)


def in_unit_name(sentence: str, offset: int) -> bool:
    """True when the skill at `offset` is (part of) a unit's or a title's name."""
    return _UNIT_BEFORE.search(sentence[max(0, offset - 120) : offset]) is not None
