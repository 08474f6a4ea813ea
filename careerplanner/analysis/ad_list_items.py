"""Items of a list in a job ad that no vocabulary knows, named beside skills it does know.

An ad lists what it asks for: "logistic regression, gradient descent, cross-validation, SQL",
"VoIP, disaster recovery, automated failover, load balancing". When a list holds a skill the
finder knows, its other items are skills of the same kind even when no dataset spells them, so
they are kept (as out-of-taxonomy requirements), like the items of a resume's skills list.

Only items shaped like the name of a method, a field or a product are kept: a noun phrase of
two to four words with no function word ("gradient descent", "Secure Access Control System"),
or one word spelled like a product ("VoIP", "NX-OS", "CrowdStrike"). A single ordinary word
("bias", "routers", "testing") is too vague to name a requirement on its own.
"""

from __future__ import annotations

import re

from careerplanner.analysis.folded_patterns import fold_text, folded_pattern
from careerplanner.analysis.vocabulary import ACTIVITY_VERBS
from careerplanner.analysis.word_lists import read_word_list, title_words

# What separates the items of a list; "and"/"or" only between items, so "research and
# development" is split too (a list rarely needs it whole, and its halves are not kept alone).
_SEPARATOR = re.compile(r"\s*(?:[,;:()\[\]•|]|\s/\s|\betc\.?|\band/or\b|\band\b|\bor\b)\s*", re.I)
# Words that make a segment a clause of the sentence, not an item of a list.
_CLAUSE_WORDS = frozenset(
    re.findall(
        r"[a-z]+",
        "a an the this that these those our your their its his her we you they it i me us them "
        "and or but nor latest efficient responsible regarding enable enables ensure ensures "
        "is are was were be been being will would should could can may might must shall do does "
        "did have has had not no to of for with in on at by from into as than then so such "
        "including include includes like e g eg ie i e more most other others etc via per who "
        "which what when where how why all any each every some many much very well also about "
        "within across using use used work working knowledge experience experienced years year "
        "ability able skills skill strong solid excellent good great proven demonstrated "
        "familiarity familiar understanding proficiency proficient preferred required plus "
        "desired desirable bonus ideally advanced basic deep expert expertise related similar "
        "equivalent field fields degree bachelor master masters phd new high multiple various "
        "different overall both only better best effective relevant several key major general "
        "specific appropriate additional certain diverse small large full self both either "
        "neither own same time day days if unless whether while although because since until "
        # Words that judge rather than name ("if necessary", "varied settings").
        "necessary possible potential varied accurate satisfactory prior",
    )
)
# An item's words: letters with digits, "+", "#", "." or "-" inside ("C#", "NX-OS", "3Com").
_ITEM_WORD = re.compile(r"^[^\W_][\w+#.&'-]*$")
# Endings of English nouns of method and field ("validation", "learning", "management",
# "complexity", "analysis") and of adjectives, which do not end a name.
_NOUN_END = re.compile(r"(?:ion|ing|ment|ity|sis|ance|ence|ics|ogy|ure)$")
_ADJECTIVE_END = re.compile(r"(?:ic|al|ive|ous|ful|ble|ly|ed)$")
# A clause's last words are a list's first item only after a word that introduces one.
INTRODUCERS = frozenset(["in", "with", "of", "on", "including", "include", "as", "using"])
# Heads of phrases that name things or results a job handles rather than a skill.
_VAGUE_HEADS = read_word_list("vague-heads.txt")
MAX_ITEM_WORDS = 4
MIN_LIST_ITEMS = 3  # a pair is a phrase ("Python and SQL"); three or more is a list


def _is_product_word(word: str) -> bool:
    """Spelled like a product, not like an ordinary word: a capital inside it ("VoIP",
    "CrowdStrike"), all capitals with a letter count of two to six ("MFT", "NX-OS"), or letters
    and digits together ("3Com", "S3")."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    inner_capital = word[:1].isupper() and any(c.isupper() for c in word[1:])
    shouting = all(c.isupper() for c in letters) and 3 <= len(letters) <= 6  # not "CA", "PA"
    mixed = any(c.isdigit() for c in word) and word[:1].isalnum()
    return inner_capital or shouting or mixed


def _is_clause_word(word: str) -> bool:
    """A clause's word, or one joined of them by hyphens ("full-time", "well-being")."""
    return word in _CLAUSE_WORDS or (
        "-" in word and all(part in _CLAUSE_WORDS for part in word.split("-"))
    )


def _item_name(segment: str, common_words: frozenset[str], gerund: bool = False) -> str | None:
    """The segment as a requirement's name, or None when it is not shaped like one."""
    words = segment.strip(" .'\"-").split()
    if not words or len(words) > MAX_ITEM_WORDS:
        return None
    if any(not _ITEM_WORD.match(w) or _is_clause_word(w.casefold()) for w in words):
        return None
    if any(w[:1].isdigit() and not _is_product_word(w) for w in words):
        return None  # "5 years", "2019"
    if len(words) == 1:
        word = words[0]
        if "-" in word and all(part.isalpha() for part in word.split("-")):
            parts = word.split("-")  # "cross-validation": two words written as one
            if len(parts) == 2 and all(len(p) >= 3 for p in parts) and word.islower():
                return word if _NOUN_END.search(word) else None
        return word if _is_product_word(word) and word.casefold() not in common_words else None
    if any(w.islower() and w.endswith("ly") for w in words):
        return None  # "effectively under deadlines": a manner, not a name
    if len(words) >= 3 and words[0].islower() and words[0].endswith("ed"):
        words = words[1:]  # "automated data classification": the skill is data classification
    # "ensuring quality" is an activity's clause; a person's own claim "Expert in negotiating
    # deals" (`gerund`) names what they do.
    activity = words[0].endswith("ing") and not (gerund and len(words) >= 2)
    if words[0].islower() and (activity or words[0] in ACTIVITY_VERBS):
        return None  # "ensuring quality", "build predictions": an activity's clause, not a name
    if words[-1].casefold() in _VAGUE_HEADS:
        return None  # "data collection tools", "outreach materials": things, not a skill
    last = words[-1].casefold()
    if (last.endswith("s") or words[-1].islower()) and last.removesuffix("s") in _TITLE_OR_UNIT:
        return None  # "Data Scientists", "analytics team": people and units ("Law Manager" is
        # a product)
    if words[-1].islower() and _ADJECTIVE_END.search(words[-1]):
        return None  # "only physical": the noun is missing
    # A phrase in lower case, or capitalised word by word (a name), not a sentence's start.
    capitalised = all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    if not (capitalised or all(w.islower() or _is_product_word(w) for w in words)):
        return None
    return " ".join(words)


def _covers_known(start: int, end: int, known, text: str) -> bool:
    """A known skill with, at most, a word or two around it ("Python scripting")."""
    return len(text.split()) <= MAX_ITEM_WORDS + 2 and any(
        start <= s and e <= end for s, e in known
    )


def _element(sentence, start, end, known, common_words) -> tuple[int, int, str | None, bool]:
    is_known = any(s < end and start < e for s, e in known)
    segment = sentence[start:end]
    # One lower-case word of a list beside known skills ("installing, troubleshooting and
    # maintaining", "welding, plastering, CAD") names a field or a trade when shaped like one.
    name = (
        None
        if is_known
        else _item_name(segment, common_words) or _listed_word(segment, common_words)
    )
    return (start, end, name, is_known)


_WORD_SPAN = re.compile(r"\S+")


def _clause_edges(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the words before the segment's first clause word end, and where the words after
    its last clause word begin (each at most MAX_ITEM_WORDS words long, else empty)."""
    words = [
        (m.start(), m.end(), m.group().strip(".,'\"").casefold())
        for m in _WORD_SPAN.finditer(sentence, start, end)
    ]
    clause = [i for i, (_s, _e, w) in enumerate(words) if w in _CLAUSE_WORDS]
    if not clause:
        return start, end
    first, last = clause[0], clause[-1]
    head_end = words[first - 1][1] if 0 < first <= MAX_ITEM_WORDS else start
    tail = len(words) - last - 1
    introduced = words[last][2] in INTRODUCERS
    tail_start = words[last + 1][0] if 0 < tail <= MAX_ITEM_WORDS and introduced else end
    return head_end, tail_start


# A list followed by one of these names the employer's teams, not skills.
_UNIT_WORD = re.compile(
    r"[A-Z][\w&-]*\s+(?:\([A-Z][\w&]*\)\s+)?(?i:teams?|groups?|departments?|units?|divisions?|offices?|organi[sz]ations?)\b"
)


def list_items(
    sentence: str, known: list[tuple[int, int]], common_words: frozenset[str]
) -> list[tuple[int, str]]:
    """(offset, name) of each unknown item of a list in `sentence` that also names a known
    skill; `known` holds the (start, end) of the known skills' mentions in the sentence."""
    if not known:
        return []
    segments = []  # (start, end) of the text between separators
    at = 0
    lowered = fold_text(sentence)
    separators = (
        _SEPARATOR.finditer(sentence) if lowered is None else _FOLDED_SEPARATOR.finditer(lowered)
    )
    for match in separators:
        if match.start() > at:
            segments.append((at, match.start()))
        at = match.end()
    if at < len(sentence):
        segments.append((at, len(sentence)))
    items = []
    run: list[tuple[int, int, str | None, bool]] = []  # consecutive list-like segments

    def close_run() -> None:
        if run and any(_UNIT_WORD.search(sentence, start, end) for start, end, *_ in run[-1:]):
            run.clear()  # "Data Scientists, Data Platform, and Ad Server Engineering teams"
        if len(run) >= MIN_LIST_ITEMS and any(is_known for *_rest, is_known in run):
            items.extend((start, name) for start, _end, name, is_known in run if name)
        run.clear()

    for start, end in segments:
        text = sentence[start:end]
        if len(text.split()) <= MAX_ITEM_WORDS or _covers_known(start, end, known, text):
            run.append(_element(sentence, start, end, known, common_words))
            continue
        # A clause around the list: its last words may be the list's first item ("foundations
        # in linear algebra, ..."), its first words the list's last ("... and SQL are needed").
        head_end, tail_start = _clause_edges(sentence, start, end)
        if head_end > start:
            run.append(_element(sentence, start, head_end, known, common_words))
        close_run()
        if tail_start < end:
            run.append(_element(sentence, tail_start, end, known, common_words))
    close_run()
    return items


_CLAIM_SEPARATOR = re.compile(rf"{_SEPARATOR.pattern}|(?<=\w)/(?=\w)", re.I)
# The patterns in lower case, for ASCII text in lower case: the same matches, found faster.
_FOLDED_SEPARATOR = folded_pattern(_SEPARATOR)
_FOLDED_CLAIM_SEPARATOR = folded_pattern(_CLAIM_SEPARATOR)
# Words that introduce what a requirement is about: "experience with", "knowledge of",
# "proficiency in", "familiarity with", "skilled in", "exposure to".
INTRODUCER = re.compile(
    r"\b(?:(?:experience|experienced|knowledge|understanding|familiarity|familiar|proficiency|"
    r"proficient|skilled|expertise|expert|exposure|background|competence|competency|fluency|"
    r"fluent|certification|certified)\s+(?:[a-z]+\s+)?(?:with|in|of|on|to|using))\s+",
    re.I,
)
_FOLDED_INTRODUCER = re.compile(INTRODUCER.pattern)
# Every INTRODUCER match holds one of these.
_INTRODUCER_STEMS = (
    "experience", "knowledge", "understanding", "familiar", "proficien", "skilled", "expert",
    "exposure", "background", "competen", "fluen", "certifi",
)  # fmt: skip
# Where what a requirement is about ends: a clause break or words that start a new clause.
_OBJECT_END = re.compile(
    r"[;:!?]|\.(?!g\.)\s|\s(?:to|that|which|who|for|such as|as well as|including|is|are|required|"
    r"preferred|desired|a plus|strongly|highly|in order)\b",
    re.I,
)
_FOLDED_OBJECT_END = folded_pattern(_OBJECT_END)


def claimed_items(
    sentence: str,
    known: list[tuple[int, int]],
    common_words: frozenset[str],
    gerunds: bool = False,
) -> list[tuple[int, str]]:
    """(offset, name) of each unknown thing a requirement's words are about ("experience with
    Law Manager", "knowledge of records management, archiving and FileSite"): the items right
    after the words, while they are shaped like names. With `gerunds`, an activity counts too
    ("Expert in negotiating deals", a claim a person makes of themselves)."""
    items = []
    folded = sentence.lower()
    if not any(word in folded for word in _INTRODUCER_STEMS):
        return items  # a plain search is far faster than the pattern's
    # The pattern without IGNORECASE over the lower-case text: the same matches, found faster.
    same_length = len(folded) == len(sentence)
    ascii = sentence.isascii()
    object_end, separator, haystack = (
        (_FOLDED_OBJECT_END, _FOLDED_CLAIM_SEPARATOR, folded)
        if ascii
        else (_OBJECT_END, _CLAIM_SEPARATOR, sentence)
    )
    for intro in (_FOLDED_INTRODUCER if same_length else INTRODUCER).finditer(
        folded if same_length else sentence
    ):
        stop = object_end.search(haystack, intro.end())
        end = stop.start() if stop else len(sentence)
        at = intro.end()
        claim: list[tuple[int, str]] = []  # this claim's items, in order
        # After a claim even a slash joins items ("MedDRA/WHO-Drug"), not one name.
        for match in [*separator.finditer(haystack, at, end), None]:
            seg_end = match.start() if match else end
            if seg_end > at:
                if any(at < e and s < seg_end for s, e in known):
                    claim.append((at, ""))  # a known skill: the list goes on
                else:
                    segment = sentence[at:seg_end]
                    name = _item_name(segment, common_words, gerunds) or _listed_word(
                        segment, common_words
                    )
                    if name is None and _second_head(segment, claim):
                        pass  # "NYCDEP specifications and standards, MUTCD": the list goes on
                    elif name is None:
                        break  # the list is over: a clause, not a name
                    else:
                        claim.append((at, name))
            if match is None:
                break
            at = match.end()
        items += [(offset, name) for offset, name in _share_heads(claim) if name]
    return items


def _head_of(name: str) -> str | None:
    """The lower-case head of a name that starts with a product's or a body's name: "NYCDEP
    specifications" gives "specifications"; None for any other shape."""
    first, _, rest = name.partition(" ")
    if rest and _is_product_word(first) and all(w.islower() for w in rest.split()):
        return rest
    return None


def _second_head(segment: str, claim: list[tuple[int, str]]) -> bool:
    """A plural noun coordinated with the head of the item before it ("specifications and
    standards"): part of that item, not the end of the list."""
    word = segment.strip(" .'\"-")
    if not claim or not word.isalpha() or not word.islower() or not word.endswith("s"):
        return False
    head = _head_of(claim[-1][1])
    return head is not None and head.split()[-1].endswith("s")


def _share_heads(claim: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Bare names before a name with a head share that head: "NYCDOT, NYSDOT and NYCDEP
    specifications" are three sets of specifications, not two agencies and one skill."""
    shared = list(claim)
    for index, (_offset, name) in enumerate(claim):
        head = _head_of(name)
        if head is None:
            continue
        before = index - 1
        while before >= 0 and " " not in shared[before][1] and _is_product_word(shared[before][1]):
            offset, bare = shared[before]
            shared[before] = (offset, f"{bare} {head}")
            before -= 1
    return shared


# Activities every job does, too general to be what a requirement is about on their own.
_GENERIC_ACTIVITIES = frozenset(
    re.findall(
        r"[a-z]+",
        "managing testing working using developing setting building supporting leading planning "
        "writing processing reporting training handling performing providing creating making "
        "delivering coordinating maintaining operating organizing organising communicating "
        "setting environment management development operation operations production",
    )
)


def _listed_word(segment: str, common_words: frozenset[str]) -> str | None:
    """A field word of a list (see `_field_word`); one in "-ing" only when its verb is no
    everyday one ("clustering", "sharding", but not "responding" or "bringing")."""
    word = _field_word(segment, common_words)
    if word is None or not word.endswith("ing") or word in _STANDALONE_HEADS:
        return word
    stem = word[:-3]
    verbs = {stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem}
    return None if verbs & common_words else word


def _field_word(segment: str, common_words: frozenset[str]) -> str | None:
    """One lower-case word naming a field or an activity ("troubleshooting", "bookkeeping")."""
    word = segment.strip(" .'\"-")
    if not word.isalpha() or not word.islower() or len(word) < 6:
        return None
    if word in _STANDALONE_HEADS:
        return word  # "optimization", "troubleshooting": everyday words that name a field
    if word in common_words or word in _VAGUE_HEADS or word in _GENERIC_ACTIVITIES:
        return None
    return word if _NOUN_END.search(word) and not word.endswith("ance") else None


# The last word of a job title or of an organisation's unit: a name ending so is not a skill.
_TITLE_OR_UNIT = (
    frozenset(
        re.findall(
            r"[a-z]+",
            "developer developers engineer engineers manager managers analyst analysts scientist "
            "scientists specialist specialists director directors officer officers administrator "
            "coordinator consultant architect lead head intern associate assistant supervisor "
            "team teams department division unit bureau office group lab labs center centre "
            "council board committee institute university college school agency authority "
            "services inc llc corp corporation company section branch administration commission "
            "level",
        )
    )
    | title_words()
)
# Words after a product's name that still mean the product ("Microsoft Office Suite").
_GENERIC_TAILS = frozenset(
    re.findall(
        r"[a-z]+",
        "applications application suite software tools tool products product platform platforms "
        "package packages programs program environment environments stack process processes "
        "practices principles policies procedures standards methodology methodologies methods "
        "techniques concepts skills experience",
    )
)
_NAME_WORD = re.compile(r"[A-Z][\w&+#.-]*|[A-Za-z]*[A-Z][\w&+#.-]*")
# "City-provided", "Re-run", "Java-based": a capital before a lower-case part is no name's.
_LOWER_PART = re.compile(r"-[a-z]+$")
MAX_NAME_WORDS = 5
_GRADE = re.compile(r"[IVX]{1,4}|\d{1,2}|Level|Grade|[A-Z]")
# Text ending where a list item or a line begins: a line break, a bullet, a dash or a number.
_ITEM_START = re.compile(r"(?:[\n•·*]|(?<!\S)[-–]|(?<!\S)\d{1,2}[.)])[ \t]*$")
_POSSESSIVE_END = re.compile(r"\w['’]s?[ \t]+$")


def proper_name_around(
    text: str, start: int, end: int, left: int, right: int
) -> tuple[int, int, str | None] | None:
    """A longer proper name the known skill at text[start:end] is part of, or None: "Oracle
    InForm", "Secure Access Control System", "NYC Financial Management System" name another
    product or system than the skill's words. Returns (start, end, the name) or, when the
    name ends in a title's or a unit's word ("Cost Estimating Manager"), (start, end, None).
    Only capitalised words joined by single spaces count, within text[left:right]."""
    if not text[start].isupper():
        return None
    first, last = start, end
    words = 0
    while words < 3:  # capitalised words after it
        match = _NAME_WORD.match(text, last + 1) if text[last : last + 1] == " " else None
        if match is None or match.end() > right or not _word_ends(text, match.end()):
            break
        if _LOWER_PART.search(match.group()):
            break
        word = match.group().rstrip(".").casefold()
        if word in _CLAUSE_WORDS or word in _GENERIC_TAILS:
            break  # "REST APIs Is ...", "Microsoft Office Applications": the same skill
        last, words = match.start() + len(match.group().rstrip(".")), words + 1
    after = words
    while words < 4:  # and before it, not the sentence's first word
        space = first - 1
        if space <= left or text[space] != " ":
            break
        begin = text.rfind(" ", left, space) + 1
        begin = max(begin, left)
        word = text[begin:space]
        folded = word.casefold()
        if not _NAME_WORD.fullmatch(word) or not text[left:begin].strip():
            break  # the sentence's first word is capitalised whatever it is
        if folded in ACTIVITY_VERBS:
            break  # "Follow Change Management": a verb, not part of the name
        if _ITEM_START.search(text, max(0, begin - 8), begin):
            break  # "- Oversee Cyber Security", "6. Possess CISSP": an item's first word is
            # capitalised as a sentence's is
        if folded in _TITLE_OR_UNIT and _POSSESSIVE_END.search(text, left, begin):
            break  # "the Comptroller's Office Cyber Security policies": the owner's unit
        if _LOWER_PART.search(word):
            break  # "City-provided WiFi": the capital starts a sentence or a compound
        if folded in _CLAUSE_WORDS and word != "New":  # "New York City ..." is a name
            break
        first, words = begin, words + 1
    if first == start and last == end:
        return None
    name = " ".join(text[first:last].split())  # a PDF may have broken the name's line
    # "Clerical Associate III": a title's grade after its last word
    tail = (
        next((w for w in reversed(name.split()) if not _GRADE.fullmatch(w)), name.split()[-1])
        .casefold()
        .strip(".")
    )
    if tail in _TITLE_OR_UNIT or tail.removesuffix("s") in _TITLE_OR_UNIT or tail in _VAGUE_HEADS:
        return (first, last, None)  # "Cost Estimating Manager", "Case Management Meetings"
    if _UNIT_WORD.match(text, text.rfind(" ", first, last) + 1, right):
        return (first, last, None)  # "Ad Server Engineering teams": a unit's name
    if after == 0 and len(name.split()) - len(text[start:end].split()) < 1:
        return None
    return (first, last, name) if len(name.split()) <= MAX_NAME_WORDS else None


def _word_ends(text: str, at: int) -> bool:
    return at >= len(text) or not text[at].isalnum()


# Head nouns that name a method, an activity or a field ("claims processing", "model
# validation", "records management"): a phrase of one or two words before such a head, in a
# sentence that asks for a level, names a skill.
_SKILL_HEADS = (
    "management|analysis|analytics|processing|modeling|modelling|testing|validation|deployment|"
    "monitoring|reconciliation|documentation|evaluation|oversight|auditing|accounting|"
    "optimi[sz]ation|forecasting|segmentation|profiling|manipulation|wrangling|cleaning|"
    "visuali[sz]ation|inference|estimating|scheduling|procurement|troubleshooting|regression|"
    "trials?|takeoffs?"
)
HEAD_NOUN = re.compile(_SKILL_HEADS)
HEADED_PHRASE = re.compile(rf"\b(?:[a-z][a-z-]+ ){{1,2}}(?:{_SKILL_HEADS})\b")


# "program and policy evaluation", "Causal & Predictive analysis": two skills sharing a head.
COORDINATED_HEADS = re.compile(
    rf"\b([A-Za-z][a-z-]+) (?:and|&|or|and/or) ([A-Za-z][a-z-]+) ((?i:{_SKILL_HEADS}))\b"
)


# "A/B, website usability, and website conversion rate testing": three or more modifiers
# sharing one head noun; the first is one word (the words before it belong to the clause), the
# later ones up to three.
_MODIFIER = r"[A-Za-z][\w/-]*"
_JOIN = r",? (?:and|or|&|and/or) "
COORDINATED_LIST = re.compile(
    rf"\b({_MODIFIER}(?:, (?:{_MODIFIER} ){{0,2}}{_MODIFIER})+{_JOIN}(?:{_MODIFIER} ){{0,2}}"
    rf"{_MODIFIER}) ((?i:{_SKILL_HEADS}))\b"
)
_LIST_JOIN = re.compile(rf"{_JOIN}|, ")
_NEXT_WORD = re.compile(r" ([A-Za-z]+)")
# Heads that name a skill on their own ("documentation skills"); the others need their modifier.
_STANDALONE_HEADS = read_word_list("standalone-heads.txt")
# "documentation skills", "configuration and troubleshooting skills": what the skills are of.
SKILL_NOUNS = re.compile(r"\b([a-z][a-z-]+)(?: and ([a-z][a-z-]+))? skills\b")


def skill_nouns(sentence: str, known: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(offset, name) of each field a sentence asks skills in ("good documentation skills"),
    when its word names a skill on its own."""
    items = []
    for match in SKILL_NOUNS.finditer(sentence):
        for group in (1, 2):
            word = match.group(group)
            at = match.start(group)
            if word in _STANDALONE_HEADS and not any(
                s < at + len(word) and at < e for s, e in known
            ):
                items.append((at, word))
    return items


# "model validation, testing and deployment": one modifier shared by heads listed after it.
SHARED_MODIFIER = re.compile(
    rf"\b([a-z][a-z-]+) ((?:{_SKILL_HEADS})(?:, (?:{_SKILL_HEADS}))*{_JOIN}(?:{_SKILL_HEADS}))\b"
)
_HEAD_WORD = re.compile(_SKILL_HEADS)
_COORDINATED = (COORDINATED_HEADS, COORDINATED_LIST, SHARED_MODIFIER, SKILL_NOUNS)
# The letters every head noun starts with ("optimi[sz]ation": "optimi", "trials?": "trial"),
# for a plain search.
_HEAD_STEMS = tuple(re.sub(r".\?.*|\[.*", "", head) for head in _SKILL_HEADS.split("|"))
# No match of the patterns above holds one of these: each match lies between two of them.
_PHRASE_BREAKS = "\n.;:()"


def coordinated_starts(text: str, folded: str | None) -> list[int]:
    """Where COORDINATED_HEADS, COORDINATED_LIST, SHARED_MODIFIER and SKILL_NOUNS match in
    `text` (each pattern's `finditer`), in order. `folded` is `text` in lower case with every
    character where it was (`analysis.text.fold_in_place`), or None.

    The patterns are slow over a whole ad; with `folded`, they run only between the phrase
    breaks around a head noun (and a joining word) or " skills", which every match holds: the
    same matches, about three times faster.
    """
    if folded is None:
        return sorted(match.start() for pattern in _COORDINATED for match in pattern.finditer(text))
    starts = []
    for left, right in _windows_around(folded, _HEAD_STEMS):
        window = folded[left:right]
        if " and" in window or " or " in window or " & " in window:
            for pattern in (COORDINATED_HEADS, SHARED_MODIFIER):
                starts += [match.start() for match in pattern.finditer(text, left, right)]
            if ", " in window:
                starts += [m.start() for m in COORDINATED_LIST.finditer(text, left, right)]
    for left, right in _windows_around(text, (" skills",)):
        starts += [match.start() for match in SKILL_NOUNS.finditer(text, left, right)]
    return sorted(starts)


def _windows_around(text: str, words: tuple[str, ...]) -> set[tuple[int, int]]:
    """(start, end) of each stretch between two phrase breaks that holds one of `words`."""
    windows = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            left = max(text.rfind(stop, 0, at) for stop in _PHRASE_BREAKS) + 1
            ends = [end for end in (text.find(stop, at) for stop in _PHRASE_BREAKS) if end >= 0]
            right = min(ends) if ends else len(text)
            windows.add((left, right))
            at = text.find(word, right)
    return windows


def _continues_noun(sentence: str, at: int) -> bool:
    """The word before sentence[at] is a lower-case noun or adjective of the same phrase."""
    before = sentence[:at].split()[-1:]
    return bool(
        before
        and before[0].isalpha()
        and before[0].islower()
        and before[0] not in _CLAUSE_WORDS
        and before[0] not in ACTIVITY_VERBS
    )


def shared_modifier_phrases(sentence: str, common_words: frozenset[str]) -> list[tuple[int, str]]:
    """(offset, name) of each skill of a list of head nouns sharing the modifier before them
    ("model validation, testing and deployment" names model testing and model deployment)."""
    items = []
    for match in SHARED_MODIFIER.finditer(sentence):
        modifier = match.group(1)
        if _continues_noun(sentence, match.start()):
            continue  # "network performance profiling and optimization": a longer name
        if not _is_modifier(modifier) or _ADJECTIVE_END.search(modifier):
            continue  # "analyze validation, testing ...", "statistical testing, ...": no name
        after = _NEXT_WORD.match(sentence, match.end())
        if after and (after.group(1).casefold() not in _CLAUSE_WORDS or after.group(1) == "of"):
            continue  # "... deployment pipelines", "analysis and forecasting of trends"
        for head in _HEAD_WORD.finditer(sentence, match.start(2), match.end(2)):
            name = _item_name(f"{modifier} {head.group()}", common_words)
            if name:
                items.append(
                    (match.start(1) if head.start() == match.start(2) else head.start(), name)
                )
    return items


def _has_own_head(words: list[str]) -> bool:
    """The item names a thing of its own ("dashboards", "trend analysis", "method development"):
    a list of such items shares no head noun."""
    last = words[-1].casefold()
    plural = last.endswith("s") and not last.endswith(("ss", "is", "us"))
    action = len(words) > 1 and last.endswith(("ment", "tion", "sis"))
    # "safe, secure and confidential processing": qualities of one thing, not kinds of it
    adjective = len(words) == 1 and _ADJECTIVE_END.search(last) is not None
    return plural or action or adjective or HEAD_NOUN.fullmatch(last) is not None


def listed_modifiers(
    sentence: str, known: list[tuple[int, int]], common_words: frozenset[str], finder_knows
) -> list[tuple[int, str]]:
    """(offset, name) of each skill of a list of three or more modifiers sharing one head noun
    ("A/B, website usability, and website conversion rate testing"). A modifier that is a skill
    on its own ("SQL, Python and statistical analysis") makes the words a list, not modifiers,
    unless the vocabulary knows the modifier with the head ("A/B testing")."""
    items = []
    for match in COORDINATED_LIST.finditer(sentence):
        after = _NEXT_WORD.match(sentence, match.end())
        if after and after.group(1).casefold() not in _CLAUSE_WORDS:
            continue  # "retention and retrieval management responsibilities": a longer noun
        if _continues_noun(sentence, match.start()):
            continue  # "community engagement, ...": the first item is a longer noun
        head = match.group(2).casefold()
        parts, at = [], match.start(1)
        for join in [*_LIST_JOIN.finditer(sentence, match.start(1), match.end(1)), None]:
            end = join.start() if join else match.end(1)
            parts.append((at, sentence[at:end]))
            at = join.end() if join else at
        named = []
        for at, modifier in parts:
            phrase = f"{modifier} {head}"
            if finder_knows(phrase):
                named.append((at, phrase))
                continue
            words = modifier.split()
            if (
                _has_own_head(words)
                or any(s < at + len(modifier) and at < e for s, e in known)
                or any(
                    w.casefold() in _CLAUSE_WORDS
                    or w.casefold() in ACTIVITY_VERBS
                    or w.endswith(("ly", "ing", "ed"))
                    or _is_product_word(w)
                    or not w.islower()
                    for w in words
                )
            ):
                named = []
                break  # a list of skills or a clause, not modifiers of one head
            name = _item_name(phrase.casefold(), common_words)
            if name is None:
                named = []
                break
            named.append((at, name))
        items.extend(named)
    return items


def coordinated_phrases(
    sentence: str, known: list[tuple[int, int]], common_words: frozenset[str]
) -> list[tuple[int, str]]:
    """(offset, name) of each skill of a pair that shares its head noun ("program and policy
    evaluation" names program evaluation and policy evaluation)."""
    items = []
    for match in COORDINATED_HEADS.finditer(sentence):
        if any(match.start(1) < e and s < match.end(1) for s, e in known):
            continue  # "Matlab and multivariate analysis": a known skill is no modifier
        if match.group(1)[:1].isupper() != match.group(2)[:1].isupper():
            continue  # "Matlab and multivariate analysis": two modifiers are written alike
        before = sentence[: match.start()].split()[-1:]
        if before and _joins(before[0], match.group(1)):
            continue  # "Life Science and healthcare analytics": the first is a longer name
        modifiers = [(match.start(1), match.group(1)), (match.start(2), match.group(2))]
        if any(not _is_modifier(word.casefold()) for _at, word in modifiers):
            continue  # "analyze and report evaluation", "run docs and other documentation"
        head = match.group(3).casefold()
        for at, word in modifiers:
            name = _item_name(f"{word.casefold()} {head}", common_words)
            if name:
                items.append((at, name))
    return items


def _joins(before: str, word: str) -> bool:
    """True when `before` is part of the same name as `word` ("Life Science", "organizational
    research"), not a verb or a function word before it ("lead Causal ...")."""
    folded = before.casefold()
    if folded in _CLAUSE_WORDS or folded in ACTIVITY_VERBS or not before[-1].isalnum():
        return False
    return before[:1].isupper() == word[:1].isupper()


def _is_modifier(word: str) -> bool:
    return not (
        word in _CLAUSE_WORDS
        or word in ACTIVITY_VERBS
        or word.endswith(("ly", "s"))
        or HEAD_NOUN.fullmatch(word)
    )


_RANKS = frozenset(["senior", "junior", "upper", "middle", "top", "executive"])


def headed_phrases(
    sentence: str, known: list[tuple[int, int]], common_words: frozenset[str]
) -> list[tuple[int, str]]:
    """(offset, name) of each phrase ending in a skill's head noun ("claims processing") that
    is shaped like a name and overlaps no known skill."""
    items = []
    for match in HEADED_PHRASE.finditer(sentence):
        start, end = match.span()
        if any(start < e and s < end for s, e in known):
            continue
        words = match.group().split()
        while words and (words[0] in _CLAUSE_WORDS or words[0].endswith(("ly", "ing", "ed"))):
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or words[0] in ACTIVITY_VERBS or words[0] in _RANKS:
            continue  # "senior management": a layer of people, not a skill
        name = _item_name(" ".join(words), common_words)
        if name:
            items.append((start, name))
    return items


# "(e.g. Spotfire, jReview)", "(such as Epic or Cerner)": examples of the skill just named.
_EXAMPLES = re.compile(
    r"\(\s*(?:e\.\s?g\.?|eg\.|such as|including|for example)[,:]?\s*"
    r"(?P<items>[^()]{1,160})\)",
    re.I,
)
# "software, such as McAfee and CrowdStrike": examples that run to the clause's end, counted
# when one of them is a known skill.
_RUNNING_EXAMPLES = re.compile(
    r"\b(?:such as|e\.\s?g\.,?|for example,?)\s+(?P<items>[^()\[\].;:!?]{1,160})", re.I
)
# "companies such as Accenture and Adobe": employers, clients and partners are no skills.
_ORGANISATIONS = re.compile(
    r"\b(?:companies|clients|customers|partners|organi[sz]ations|agencies|brands|employers|"
    r"institutions|firms|businesses|vendors|sponsors|members|communities|populations|fields|"
    r"disciplines|backgrounds)\W*$",
    re.I,
)
_EXAMPLE_REACH = 40  # characters between the named skill and its examples' bracket
# A product's one-word name: a capital at its start or inside it ("Spotfire", "jReview").
_NAME_SHAPED = re.compile(r"^(?:[A-Z][a-zA-Z0-9+#-]{2,}|[a-z]{1,2}[A-Z][a-zA-Z0-9]+)$")


def example_items(
    sentence: str, known: list[tuple[int, int]], common_words: frozenset[str]
) -> list[tuple[int, str]]:
    """(offset, name) of each unknown example in brackets right after a known skill ("data
    visualization tools (e.g. Spotfire, jReview)"), or beside a known one inside them: the
    examples of a kind of skill are skills of that kind, even with names no dataset spells."""
    items = []
    running = [
        m
        for m in _RUNNING_EXAMPLES.finditer(sentence)
        if sentence[m.start() - 1 : m.start()] != "("
        and not _ORGANISATIONS.search(sentence, max(0, m.start() - 30), m.start())
    ]
    for match in [*_EXAMPLES.finditer(sentence), *running]:
        bracket, at, end = match.start(), match.start("items"), match.end("items")
        before = match.re is _EXAMPLES and any(
            e <= bracket
            and bracket - e <= _EXAMPLE_REACH
            and not re.search(r"[.;:]", sentence[e:bracket])
            for _s, e in known
        )
        inside = any(at <= s and e <= end for s, e in known)
        if not (before or inside):
            continue
        for part in [*_CLAIM_SEPARATOR.finditer(sentence, at, end), None]:
            seg_end = part.start() if part else end
            if seg_end > at and not any(at < e and s < seg_end for s, e in known):
                segment = sentence[at:seg_end].strip(" .'\"")
                name = _item_name(segment, common_words)
                if name is None and _NAME_SHAPED.match(segment):
                    name = segment if segment.casefold() not in common_words else None
                if name:
                    items.append((at + sentence[at:seg_end].find(segment), name))
            if part is None:
                break
            at = part.end()
    return items
