"""What part of a job ad a line belongs to: a requirement (must), a preference (nice), or the
boilerplate around the job (the employer's introduction, benefits, EEO and E-Verify notices,
how to apply), which names no requirement even when it names a skill.

Two signals, both general: the section heading a line sits under ("Preferred Skills:",
"Benefits", "About us", "How to apply"), and the words of the sentence itself ("... is a plus",
"... preferred", "an equal opportunity employer", "Do not apply via Employee Self-Service").
"""

from __future__ import annotations

import re
from functools import lru_cache

from careerplanner.analysis.folded_patterns import (
    Prefiltered,
    alternatives,
    fold_text,
    folded_pattern,
)
from careerplanner.analysis.word_lists import title_words

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
    r"at the forefront|\breports? (?:directly )?to (?:the|a)\b|"
    # How to apply: "If you do not have access to a computer, most public libraries have
    # computers", "Only candidates selected for an interview will be contacted".
    r"access to a computer|selected for (?:an )?interviews?|"
    r"\bno (?:tele)?phone (?:inquiries|calls)\b",
    re.I,
)


# The most characters `_HEADING_LINE` matches before its closing spaces and colon: four
# leading marks and a heading's words.
_LONGEST_HEADING = 4 + 61


def heading_kind(line: str) -> str | None:
    """MUST, NICE or BOILERPLATE when `line` is a section heading, else None."""
    if len(line) > _LONGEST_HEADING and (
        len(line.strip().removesuffix(":").rstrip()) > _LONGEST_HEADING
    ):
        return None  # a paragraph: too long for a heading
    return _heading_kind(line)


@lru_cache(maxsize=8192)  # an ad's lines are asked twice, and headings recur from ad to ad
def _heading_kind(line: str) -> str | None:
    stripped = line.strip()
    match = _HEADING_LINE.match(stripped)
    if match is None or len(match["words"].split()) > 7:
        return None
    words = match["words"]
    capitalised = all(word[:1].isupper() for word in words.split() if len(word) > 3)
    if not (stripped.endswith(":") or capitalised or len(words.split()) <= 3):
        return None  # a short sentence ("Experience with Oracle preferred"), not a heading
    if not (stripped.endswith(":") or capitalised) and _OTHER_WORD.search(_heading_rest(words)):
        return None  # "Customer profiling experience": a requirement, not a heading
    if not stripped.endswith(":") and _CLAIM_START.match(words):
        return None  # "Knowledge of SQL", "Experience With Tableau": a requirement
    if _NICE_HEADING.search(words):
        return NICE
    if _MUST_HEADING.search(words):
        return MUST
    if _BOILERPLATE_HEADING.search(words):
        return BOILERPLATE
    return None


# Words a heading in lower case is made of besides its heading words ("What you will do").
_HEADING_FILLER = re.compile(
    r"\b(?:what|who|you|your|we|our|the|a|an|of|and|or|to|for|will|do|have|nice|must|bring|"
    r"need|is|are|be|in|on|this|that|with|us|job|position|general|additional|other|required|"
    r"special|specific|basic|core|main|primary|summary|overview|details|description|"
    r"information|duties|tasks|day|looking|for|ideal|candidate|profile|desired|work|preferred)"
    r"\b|[^\w\s]",
    re.I,
)
_OTHER_WORD = re.compile(r"[^\W\d_]{2,}")
_CLAIM_START = re.compile(
    r"(?:knowledge|experience|proficiency|familiarity|expertise|understanding|background)\s+"
    r"(?:of|with|in|using)\s+\w",
    re.I,
)


def _heading_rest(words: str) -> str:
    """The words of a short line that are neither heading words nor filler."""
    for pattern in (_NICE_HEADING, _MUST_HEADING, _BOILERPLATE_HEADING, _HEADING_FILLER):
        words = pattern.sub(" ", words)
    return words


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


# A sentence whose subject is the employer ("DoITT is responsible for ...", "The New York City
# Housing Authority (NYCHA) is the nation's largest ...", "We believe ..."), after at most one
# leading clause ("Established in 1805, ..."): it describes the employer, not the job.
_NAME = r"[A-Z][\w&.-]*"
_EMPLOYER_SUBJECT = re.compile(
    rf"\W*(?:(?:[^,]{{0,80}},){{1,2}}\s+)?(?P<subject>(?:the |The )?"
    rf"(?:{_NAME},? (?:of |for |and |& )?){{0,8}}{_NAME}(?: \((?:the )?[^()]{{1,40}}\))?"
    rf"(?P<owner>[’']s(?: [a-z]+){{1,3}})?)"
    # "... Mental Hygiene, a recognized leader in ...": what the employer is, in apposition
    r"(?:,\s+(?P<apposition>an?|the|one of)\s|\s+(?P<verb>\w+)(?P<rest>(?: \w+){0,3}))"
)
# What the employer is or does, said of any subject.
_EMPLOYER_PREDICATE = re.compile(
    r"(?:is|are) (?:(?:primarily |directly |also )?responsible for|committed to|dedicated to|"
    r"proud to|one of|the (?:nation|city|state|world|country|largest|leading|premier|first|oldest)"
    r"|an? (?:integral|leading|major|growing|\w+ (?:company|agency|organi[sz]ation|leader|"
    r"provider|firm|authority|institution)\b))|provides|serves|offers|delivers|believes?|"
    r"strives|operates|oversees|has been|employs|works to|was (?:founded|established|created)"
)
# Words that make a capitalised subject the employer, whatever its verb ("The NYC Department
# of Environmental Protection (DEP) enriches ...", "NYCHA manages ...").
_ORGANISATION_WORD = re.compile(
    r"\b(?:Department|Agency|Office of|Authority|Bureau|Commission|Administration|Corporation|"
    r"Company|University|Hospital|Board|Council|Division|Foundation|Institute|City|Inc|LLC)\b"
)
# Plural nouns that follow a product's name where a verb would follow a subject.
_NOT_VERBS = frozenset(
    re.findall(
        r"[a-z]+",
        "skills tools applications products systems requirements standards concepts techniques "
        "methods programs packages suites platforms services",
    )
)
# Verbs of a sentence that asks for something or says who is hired: about the job.
_ASKING = re.compile(
    r"(?:is|are) (?:\w+ )?(?:seeking|looking|hiring|searching|recruiting|required|preferred|"
    r"desired|needed|a (?:plus|must)|essential|necessary|helpful|an? asset)|seeks|requires|needs|"
    r"wants|invites|welcomes|encourages|is (?:currently|now)"
)
# "..., we are a hub for public health", "We believe ...", "Our Agency's priorities are":
# the employer speaking of itself.
_WE = re.compile(
    r"^\W*Our (?:[\w-]+[’']s )?(?i:agency|department|mission|vision|values|priorities|strategic|"
    r"company|organi[sz]ation|firm|office|bureau|division|culture|commitment|goals?|purpose)\b|"
    r"(?:^\W*|[,—–]\s+)[Ww]e (?!are (?:\w+ )?(?:seeking|looking|hiring|searching|recruiting))"
    r"(?:are|serve|provide|believe|strive|offer|operate|pride|deliver|were founded|"
    r"have (?:\w+ )?been)\b"
)


def is_employer_sentence(sentence: str) -> bool:
    """True when the sentence's subject is the employer, not the job or its holder (whose
    title ends in a title's word: "The Clinical Data Scientist is responsible for ...")."""
    if _speaks_as_we(sentence) and _WE.search(sentence):
        return True
    # At the start, or where a full stop went missing ("... will be considered The NYC
    # Department of Environmental Protection (DEP) enriches ...").
    starts = [0, *(m.start(1) for m in _MISSING_STOP.finditer(sentence))]
    return any(_employer_subject_at(sentence, at) for at in starts)


_MISSING_STOP = re.compile(r"[a-z] (The) ")


def _speaks_as_we(sentence: str) -> bool:
    """The words one of which every match of `_WE` holds are in `sentence` (a plain search is
    far faster than the pattern's)."""
    return "Our " in sentence or "We " in sentence or "we " in sentence


def _employer_subject_at(sentence: str, at: int) -> bool:
    match = _EMPLOYER_SUBJECT.match(sentence, at)
    if match is None:
        return False
    predicate = f"{match['verb']}{match['rest']}"
    if _ASKING.match(predicate):
        return False
    subject = match["subject"]
    if match["apposition"]:
        return _ORGANISATION_WORD.search(subject) is not None
    words = re.findall(r"[A-Za-z]+", subject.split("(")[0])
    last = words[-1].casefold() if words else ""
    if last in _HOLDER_WORDS or last in title_words() or last.removesuffix("s") in title_words():
        return False
    if _EMPLOYER_PREDICATE.match(predicate):
        return True
    verb = match["verb"]
    owner = match["owner"] is not None and re.search(r"\b[A-Z]{3,6}[’']s", subject) is not None
    return (
        (_ORGANISATION_WORD.search(subject) is not None or owner)
        and re.fullmatch(r"is|are|has|was|\w+[^s]s|\w+ed", verb) is not None
        and verb.casefold() not in _NOT_VERBS
    )


# The job or its holder as a sentence's subject.
_HOLDER_WORDS = frozenset(
    ["candidate", "candidates", "applicant", "applicants", "incumbent", "position", "role", "job",
     "individual", "person", "you", "successful", "hire", "title", "employee", "employees",
     "analyst", "developer", "administrator", "consultant", "officer", "associate", "intern",
     "lead", "architect", "technician", "clerk", "aide", "worker", "inspector", "planner"]
)  # fmt: skip


# "We are Novartis."
_WE_ARE = re.compile(r"\b[Ww]e are ((?:[A-Z][\w&.-]*\s?){1,2})(?:[.!]|$)", re.M)
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n")


def employer_names(text: str) -> frozenset[str]:
    """The words of the employer's own short name ("Samba TV", "Novartis", "DoITT"): the
    subject of a sentence in which the employer speaks of itself, of one or two words and no
    word of an organisation's kind (an agency's long name is found by its "Department")."""
    # Every match of _WE_ARE holds "e are ": a plain search first is far faster.
    names = {m.group(1).strip() for m in _WE_ARE.finditer(text)} if "e are " in text else set()
    for sentence in _SENTENCES.split(text):
        match = _EMPLOYER_SUBJECT.match(sentence)
        if match is None or match["owner"] or match["apposition"]:
            continue
        praised = match["verb"] in ("is", "are") and _has_boilerplate_words(sentence)
        if not (praised or _employer_subject_at(sentence, 0)):
            continue
        subject = match["subject"].split(" (")[0].removeprefix("The ").removeprefix("the ")
        if len(subject.split()) <= 2 and not _ORGANISATION_WORD.search(subject):
            names.add(subject)
    if not names:
        return frozenset()  # most ads: the words of the whole ad need not be listed
    # A word of a name is no ordinary word of the ad ("All Data ..." starts a sentence).
    ordinary = set(re.findall(r"\b[a-z]+\b", text))
    return frozenset(
        word
        for name in names
        for word in name.split()
        if len(word) > 1 and word.casefold() not in ordinary and word not in ("We", "The")
    )


# (word, alternative): one pattern per alternative, each run only where a word every match of
# it holds stands ("ess" for "\bESS\b", "without regard to"); an alternative with no such
# word ("") always runs. Most sentences hold none of the words: a few substring tests.
_FOLDED_BOILERPLATE_BRANCHES = [
    (word, branch.pattern)
    for branch in map(Prefiltered, map(folded_pattern, alternatives(_BOILERPLATE_SENTENCE)))
    for word in branch.words or ("",)
]


# Each mention and list asks of its sentence, a sentence names several, and an employer's
# sentences recur from ad to ad.
@lru_cache(maxsize=8192)
def is_boilerplate_sentence(sentence: str) -> bool:
    return _has_boilerplate_words(sentence) or is_employer_sentence(sentence)


def _has_boilerplate_words(sentence: str) -> bool:
    """`_BOILERPLATE_SENTENCE` matches somewhere in `sentence`."""
    lowered = fold_text(sentence)
    if lowered is None:
        return _BOILERPLATE_SENTENCE.search(sentence) is not None
    for word, branch in _FOLDED_BOILERPLATE_BRANCHES:
        if word in lowered and branch.search(lowered) is not None:
            return True
    return False


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
    return [
        at
        for at, aside in _sentence_markers(pattern, sentence)
        if aside is None or aside[0] <= offset < aside[1]
    ]


# The patterns in lower case, for a sentence in lower case: the same matches, found faster.
_FOLDED_MARKERS = {}


@lru_cache(maxsize=4096)  # each skill of a sentence asks
def _sentence_markers(pattern: re.Pattern, sentence: str) -> tuple[tuple[int, tuple | None], ...]:
    """(start, the aside it stands in, or None) of each match of `pattern` in `sentence`."""
    lowered = fold_text(sentence)
    matches = (
        pattern.finditer(sentence)
        if lowered is None
        else _FOLDED_MARKERS[pattern].finditer(lowered)
    )
    found = []
    for match in matches:
        aside = _in_parentheses(sentence, match.start())
        if aside is not None:
            rest = sentence[aside[0] + 1 : match.start()] + sentence[match.end() : aside[1]]
            if not re.search(r"[^\W\d_]{2,}", rest):
                aside = None  # "(a plus)": the aside is only the marker, about the whole line
        found.append((match.start(), aside))
    return tuple(found)


_FOLDED_MARKERS.update({p: Prefiltered(folded_pattern(p)) for p in (NICE_WORDS, MUST_WORDS)})


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
    r"\b(?:degree|bachelor[’']?s?|master[’']?s?|baccalaureate|doctora(?:l|te)|ph\.? ?d|mba|diploma|"
    r"b\.?[as]\.?|m\.?[as]\.?|bs/ms|ba/bs|ms/phd|(?:semester|graduate|college) credits)\b"
    r"[^.;:]*?\b(?:in|of)\b",
    re.I,
)
# Brackets stay inside the field: "in a related field (Social Sciences, Criminology, etc.)".
_DEGREE_END = re.compile(
    r"[;:]|\.(?!\w)(?<!\betc\.)|\band\b(?=[^,]*\b(?:years?|experience)\b)|\bexperience\b|"
    r"\bwith\b",
    re.I,
)


# "a college accredited by regional ... agencies recognized by the U.S. Secretary of Education
# and the Council for Higher Education Accreditation (CHEA) in economics, ...": who accredits
# the college stands between the degree and its field.
_ACCREDITED_BY = re.compile(r"\baccredit\w* by\b[^;:]{0,300}?(?=\s+in\s)", re.I)


_FOLDED_DEGREE_PATTERNS = tuple(map(folded_pattern, (_ACCREDITED_BY, _DEGREE, _DEGREE_END)))


def degree_fields(sentence: str) -> list[tuple[int, int]]:
    """(start, end) in `sentence` of each degree's field of study."""
    return list(_degree_fields(sentence))


@lru_cache(maxsize=4096)  # each skill of a sentence, and each list in it, asks
def _degree_fields(sentence: str) -> tuple[tuple[int, int], ...]:
    lowered = fold_text(sentence)
    if lowered is None:
        accredited_by, degree, degree_end = _ACCREDITED_BY, _DEGREE, _DEGREE_END
    else:
        sentence = lowered
        accredited_by, degree, degree_end = _FOLDED_DEGREE_PATTERNS
    spans = []
    sentence = accredited_by.sub(lambda match: " " * len(match.group()), sentence)
    for match in degree.finditer(sentence):
        end = degree_end.search(sentence, match.end())
        spans.append((match.end(), end.start() if end else len(sentence)))
    return tuple(spans)


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


# "experience in one or a combination of the following: budget administration, accounting,
# ...; or in a related area", "in one or more of the fields of accounting, auditing, ...": a
# civil-service title's alternatives, each area one way to qualify, none a requirement.
_ALTERNATIVES = re.compile(
    r"\b(?:one|any) (?:or a combination |or more )?of the (?:following(?: areas| fields)?|"
    r"(?:fields|areas|disciplines) of)(?=\W)",
    re.I,
)
_ALTERNATIVES_END = re.compile(r"\.\s+(?=[A-Z0-9(])|\n\s*\n")


_FOLDED_ALTERNATIVES = folded_pattern(_ALTERNATIVES)
_ALTERNATIVES_WORDS = (
    "of the following",
    "of the fields of",
    "of the areas of",
    "of the disciplines of",
)


def without_alternatives(text: str) -> str:
    """`text` with the areas of each list of alternative qualifications left out."""
    lowered = fold_text(text)
    if lowered is None:
        alternatives, haystack = _ALTERNATIVES, text
    elif not any(words in lowered for words in _ALTERNATIVES_WORDS):
        return text  # every match holds one of these: a plain search is far faster
    else:
        alternatives, haystack = _FOLDED_ALTERNATIVES, lowered
    if alternatives.search(haystack) is None:
        return text
    parts, at = [], 0
    for match in alternatives.finditer(haystack):
        if match.start() < at:
            continue
        end = _ALTERNATIVES_END.search(text, match.end())
        parts.append(text[at : match.end()])
        at = end.start() if end else len(text)
    return "".join([*parts, text[at:]])
