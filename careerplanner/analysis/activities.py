"""Skills a work statement names by its verb and object rather than by a name.

People list "Menu Development" and "Inventory Management" but write "Developed creative menus"
and "Managed inventory levels". The trades' activities (`data/profession_terms.csv`, from ESCO's
"plan menus", "manage inventory", "create new recipes") tell which nouns are the objects of a
skill: such a noun after a skill-making verb, in the same clause, names the skill "<object>
<the verb's noun>", with the object as written for its evidence ("menus").

Only a verb that begins its statement or clause counts ("Involved in creating exams" is
not the person's own skill), only clauses that name no known skill are read this way
("Developed REST APIs with Django" already says its skills), and only objects a trade works on:
a vague object ("projects", "solutions", "care plans") and people ("trained new nurses") name
no skill.

`named_examples` reads the examples a statement gives of a kind of tool or method ("technology
such as digital ordering systems").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from careerplanner.analysis.profession_terms import activity_objects
from careerplanner.analysis.word_lists import title_words

# Verbs whose activity is a skill of its own, by the noun that names it.
_VERB_NOUNS = {
    "design": "Design",
    "develop": "Development",
    "create": "Creation",
    "plan": "Planning",
    "manage": "Management",
    "train": "Training",
    "negotiate": "Negotiation",
    "deliver": "Delivery",
    "prepare": "Preparation",
    "forecast": "Forecasting",
    "order": "Ordering",
    "purchase": "Purchasing",
    "schedule": "Scheduling",
    "inspect": "Inspection",
    "install": "Installation",
    "supervise": "Supervision",
    "draft": "Drafting",
    "translate": "Translation",
    "audit": "Auditing",
    "repair": "Repair",
    "administer": "Administration",
    "coordinate": "Coordination",
    "monitor": "Monitoring",
    "process": "Processing",
    "review": "Review",
    "handle": "Handling",
    "assess": "Assessment",
    "operate": "Operation",
    "track": "Tracking",
    "evaluate": "Evaluation",
    "analyse": "Analysis",
    "analyze": "Analysis",
}
# Objects too general to name a skill ("managed projects", "designed solutions"): the thing
# acted on is only known from words this reader does not weigh. The work products of any
# office ("documentation", "releases", "tickets", "dashboards") are as general.
_VAGUE = frozenset(
    re.findall(
        r"[a-z]+",
        """activity task work operation duty process procedure requirement service thing action
        document record report data material order product equipment system tool resource change
        problem need project solution level part item type unit set component strategy plan
        policy programme program quality performance feature application model design structure
        result content team people staff member customer client user area way method technique
        standard guideline rule support development management planning training concept idea
        campaign initiative improvement program workflow schedule time cost budget goal target
        objective number information detail element practice option sign documentation
        architecture incident release ticket dashboard test script query sprint""",
    )
)
# Vague nouns that say how much or how of the thing before them ("inventory levels", "the
# inventory process"): the thing is still the object. Any other vague noun is the object
# itself ("care plans", "financial models"), and names no skill.
_ATTRIBUTES = frozenset(
    re.findall(
        r"[a-z]+",
        "level process procedure quality performance cost time number data record requirement need",
    )
)
# Endings of adjectives, which describe an object rather than name it ("financial models").
_ADJECTIVE = re.compile(r"(?:al|ic|ive|ous|ful|able|ible|ary|ent|ant)$")
_STOPS = frozenset(
    re.findall(
        r"[a-z]+",
        """of to for in on with at by from into as according within under during using through
        about after before between against per via without that which who while when where so
        such including like than resulting ensuring leading across over among throughout around
        upon onto toward towards""",
    )
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|[,;:.()!?•▪*]|(?<!\w)[-–](?!\w)")
_OBJECT_REACH = 4  # words from the verb to its object's noun


@dataclass(frozen=True)
class Activity:
    name: str  # "Menu Development"
    surface: str  # the object as written: "menus"
    start: int  # of the object in the text
    end: int
    phrase: str = ""  # the object with the word before it: "creative menus"
    # The name with the noun that says which ("Vehicle Presentation Delivery" of "vehicle
    # presentations"), or "" when no such noun stands before the object.
    full_name: str = ""


@cache
def _verb_forms() -> dict[str, tuple[str, bool]]:
    """Each form of a skill-making verb -> (its noun, whether the form is only ever a verb).

    "designed" and "designing" are verbs; "design" and "plan" may be nouns ("detailed
    designs"), so a base form counts only where a clause starts or after "to"."""
    forms = {}
    for verb, noun in _VERB_NOUNS.items():
        stem = verb[:-1] if verb.endswith("e") else verb
        double = verb + verb[-1] if verb == "plan" else stem
        forms[verb] = (noun, False)
        for form in (stem + "ed", double + "ed", stem + "ing", double + "ing"):
            forms[form] = (noun, True)
    return forms


# Nouns in -s that are not plurals.
_NOT_PLURAL = frozenset(
    re.findall(
        r"[a-z]+",
        "status campus bus virus bonus census focus genus corpus stimulus surplus apparatus "
        "consensus syllabus analysis basis diagnosis logistics physics mathematics sales news "
        "series species",
    )
)


def _singular(word: str) -> str:
    if word in _NOT_PLURAL or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    return word[:-1]


# What may stand before the verb of a statement: its start, a bullet, a comma ("..., ordering
# supplies from vendors"). Not a colon: "Data Collection: Designed the survey platform" is
# headed by its own name.
_CLAUSE_STARTS = frozenset([",", ";", ".", "(", "-", "–", "•", "▪", "*", "!", "?"])


def _is_verb_here(text: str, tokens, index: int, only_verb: bool) -> bool:
    """True for a verb that begins its statement or clause: "Developed creative menus",
    "..., ordering supplies" ("offline training", "Involved in creating exams": no). A line
    that starts with a capital starts a statement of a list without bullets. A form that may
    be a noun, before a capitalised word, begins a name ("Design Patterns", "Order
    Management System")."""
    following = tokens[index + 1].group() if index + 1 < len(tokens) else ""
    if not only_verb and following[:1].isupper():
        return False
    if not index or tokens[index - 1].group() in _CLAUSE_STARTS:
        return True
    word = tokens[index]
    return word.group()[0].isupper() and "\n" in text[tokens[index - 1].end() : word.start()]


def find_activities(text: str, is_term: Callable[[str], bool] | None = None) -> list[Activity]:
    """The skills `text` names by a skill-making verb and the object a trade works on.

    `is_term` tells whether a name is the vocabulary's: an object the trades' activities do not
    name still counts when verb and object make a known skill ("Designed logos": Logo Design).
    """
    forms = _verb_forms()
    objects = activity_objects()
    workers = title_words()
    tokens = list(_TOKEN.finditer(text))
    found = []
    for index, match in enumerate(tokens):
        verb = forms.get(match.group().casefold())
        if verb is None or not _is_verb_here(text, tokens, index, verb[1]):
            continue
        noun = verb[0]
        reach = 0
        best = None  # the last object noun of the phrase: "vehicle presentations"
        joiner = False
        cursor = index + 1
        while cursor <= len(tokens):
            word = tokens[cursor].group() if cursor < len(tokens) else "."
            folded = word.casefold()
            cursor += 1
            after_joiner = joiner if cursor > index + 1 else False
            joiner = folded in (",", "and", "or", "&")
            quantity = tokens[cursor - 2].group().casefold() if cursor >= 2 else ""
            if folded == "of" and best is None and quantity in _QUANTITIES:
                reach = 0  # "Created a variety of Italian pizzas": the pizzas
                continue
            ends = (
                joiner
                or not word[0].isalpha()
                or folded in _STOPS
                or forms.get(folded, ("", False))[1]
                # another verb ("Designed and tested"), not an adjective ("detailed designs")
                or (
                    folded.endswith(("ing", "ed"))
                    and _singular(folded) not in objects
                    and (best is not None or after_joiner)
                )
                or (best is not None and folded.endswith("ly") and folded not in objects)
                or reach >= _OBJECT_REACH
            )
            if ends:
                if best is not None and not (
                    best < cursor - 2 and _ADJECTIVE.search(tokens[best].group().casefold())
                ):  # an adjective before other words is no object ("financial models")
                    found.append(_activity(text, tokens, best, noun, index))
                if not joiner:
                    # "Designed branding materials for clients, including logos": the examples
                    # of the object are objects too.
                    cursor = _examples_after(tokens, cursor - 1)
                    if cursor is None:
                        break
                reach, best = 0, None  # "wireframes and prototypes": the list goes on
                continue
            head = _singular(folded)
            # "engineering projects", "financing options": a field or a kind, not the object;
            # "nurses", "drivers": people, whom the trades' skills are not named after
            if (
                head not in _VAGUE
                and not head.endswith("ing")
                and head not in workers
                and (
                    head in objects
                    or (is_term is not None and is_term(f"{head.capitalize()} {noun}"))
                )
            ):
                best = cursor - 1
            elif best is not None and head not in _ATTRIBUTES:
                best = None  # "menu item", "care plans": the object is another thing
            reach += 1
    return found


# Nouns that count or group the object that follows their "of".
_QUANTITIES = frozenset(
    re.findall(r"[a-z]+", "variety range number series set host array selection mix dozens")
)
_STATEMENT_STOPS = frozenset([".", ";", "!", "?", "•", "▪", "*"])
_EXAMPLES_REACH = 12  # tokens from an object to the "including" of its examples


def _examples_after(tokens, at: int) -> int | None:
    """The token after an "including" or "such as" that follows in the same statement."""
    for cursor in range(at, min(len(tokens), at + _EXAMPLES_REACH)):
        word = tokens[cursor].group().casefold()
        if word in _STATEMENT_STOPS:
            return None
        if word == "including":
            return cursor + 1
        if word == "such" and cursor + 1 < len(tokens) and tokens[cursor + 1].group() == "as":
            return cursor + 2
    return None


_DETERMINERS = frozenset(
    re.findall(r"[a-z]+", "a an the all any each every our their its his her new")
)


def _activity(text: str, tokens, at: int, noun: str, verb: int) -> Activity:
    match = tokens[at]
    head = _singular(match.group().casefold())
    before = tokens[at - 1] if at - 1 > verb else None
    start = match.start()
    full_name = ""
    # "vehicle presentations", "web interfaces": the object with the word that says which
    if before is not None and before.group()[0].isalpha() and text[before.end() : start] == " ":
        word = before.group().casefold()
        if word not in _DETERMINERS and word not in _STOPS and word not in ("and", "or"):
            start = before.start()
            if not _ADJECTIVE.search(word) and not word.endswith(("ing", "ed", "ly")):
                full_name = f"{word.capitalize()} {head.capitalize()} {noun}"
    return Activity(
        f"{head.capitalize()} {noun}",
        match.group(),
        match.start(),
        match.end(),
        text[start : match.end()],
        full_name,
    )


# "modern technology such as digital ordering systems", "tools like inventory trackers": the
# examples of a kind of tool or method are skills, whatever the vocabulary knows of them.
_EXAMPLES = re.compile(
    r"\b(?:technolog(?:y|ies)|tools?|software|systems?|platforms?|techniques?|methods?|"
    r"equipment|applications?|programs?|instruments?|machinery|devices?)\s+"
    r"(?:such as|like|including)\s+(?P<items>[^\n.;:!?()]{3,120})",
    re.I,
)
_ITEM_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s)\s*", re.I)
_EXAMPLE_WORD = re.compile(r"^[A-Za-z][A-Za-z-]*$")


def named_examples(text: str) -> list[Activity]:
    """The examples a statement gives of a kind of tool or method ("technology such as digital
    ordering systems"), of two to four words each: one ordinary word ("reverse-searing") is as
    likely a step as a skill."""
    found = []
    for match in _EXAMPLES.finditer(text):
        at = match.start("items")
        for part in _ITEM_SPLIT.split(match.group("items")):
            words = part.split()
            cut = next((n for n, w in enumerate(words) if w.casefold() in _STOPS), len(words))
            item = " ".join(words[:cut])
            whole = cut == len(words)
            if 2 <= cut <= 4 and all(_EXAMPLE_WORD.match(w) for w in words[:cut]):
                start = text.find(item, at)
                found.append(Activity(item, item, start, start + len(item)))
            if not whole:
                break  # "... for efficient food preparation": the list has ended
            at = text.find(part, at) + len(part)
    return found
