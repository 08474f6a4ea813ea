"""The items of a resume's skills list and certificates, kept even when no vocabulary knows them.

A person's own list of skills is the strongest statement of them there is: "Food Safety",
"Contract Negotiation", "Vehicle financing" or "Medical-Surgical Nursing" are skills although
every word is ordinary English and no dataset spells them that way. So an item is kept, as an
out-of-taxonomy skill, unless it is clearly not one: a level word ("Proficient"), a year count,
a template's placeholder, a sentence, or a name the finder already found as written. An item
that merely contains a known term ("Medical-Surgical Nursing" holds "Nursing") is kept whole.

A certificate names what it certifies: "Basic Sterile Technique Certificate" is a claim of
sterile technique, "Culinary Mastery Diploma (CMD)" one of culinary mastery.
"""

from __future__ import annotations

import re

# "Languages: Python, Go" — the category before a colon is a heading, not an item.
_CATEGORY = re.compile(r"^(?:([^:]{1,40}):)?(.+)$")
# A category that only groups ("Languages:", "Design Tools:", "Other:") rather than naming a
# skill of its own ("Prototyping: Figma, Sketch", "Manufacturing: CNC Machining").
_GROUPING = re.compile(
    r"\b(?:tools?|software|skills?|languages?|frameworks?|librar(?:y|ies)|technolog(?:y|ies)|"
    r"platforms?|databases?|others?|misc\w*|general|technical|soft|hard|core|key|stack|"
    r"environments?|systems?|methodolog(?:y|ies)|competenc(?:y|ies)|expertise|interests?|"
    r"familiar|proficient|advanced|intermediate|basic|beginner|expert|certifications?|"
    r"programming|areas?|concepts|knowledge|applications?|packages?|services|devops|cloud|"
    r"web|frontend|front-end|backend|back-end|data|infrastructure|testing|ops)\b",
    re.I,
)
# Separators of a list; a slash only between two items ("SQL/Python"), never inside "CI/CD"
# (the finder already found such names whole, and a known name is not split again).
_SEPARATORS = re.compile(r"\s*(?:[,;|•·▪‣◦]|\s[-–−/]\s|/)\s*")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_PLACEHOLDER = re.compile(r"\b(?:x{2,}|y{2,}|z{2,}|lorem|ipsum|skill level|category)\b", re.I)
# Words that say how well, not what: "Python (proficient)", "Fluent", "Intermediate".
_LEVEL_WORD = (
    r"(?:basic|beginner|elementary|intermediate|advanced|proficient|proficiency|expert|"
    r"expertise|fluent|native|familiar|familiarity|working|knowledge|good|strong|excellent|"
    r"novice|competent|conversational|professional|limited|full|bilingual|mother|tongue|level|"
    r"years?|yrs|experience|relevant|related|additional|other|work|selected)"
)
_LEVEL_ONLY = re.compile(rf"{_LEVEL_WORD}(?:[\s.,]+{_LEVEL_WORD})*[.,]?", re.I)
# Words that end a certificate's name without being part of what it certifies.
_CERTIFICATE_WORDS = re.compile(
    r"\s+(?:certificate|certification|certified|diploma|programme|program|course|licen[cs]e|"
    r"award)s?\b.*$",
    re.I,
)
_CERTIFICATE_LEAD = re.compile(r"^(?:certified|certificate (?:in|of)|diploma in)\s+", re.I)
_TRAILING_ACRONYM = re.compile(r"\s*\([A-Z0-9&]{2,8}\)\s*$")
# Not a skill, though listed: a degree ("Bachelor of Science in Nursing"), a membership or an
# association ("Member of the American Nurses Association").
_NOT_A_SKILL = re.compile(
    r"\b(?:bachelor'?s?|master'?s|degree|b\.?sc|m\.?sc|ph\.?d|mba|associate'?s degree)\b|"
    r"^member\b|\b(?:association|society|federation)\b",
    re.I,
)
# What joins two names into a list rather than into one name: "SQL & Python", "SQL and Python".
_JOINERS = re.compile(r"^[\s,;/&+]*(?:(?:and|or|&)[\s,;/&+]*)*$", re.I)
_DATE_OR_NUMBER = re.compile(r"\b(?:\d{4}|\d+[+%]?|current|present|expected)\b", re.I)
_GLUE = "\x00"  # stands for the slash of a found name while the line is split
_COMMA = "\x01"  # stands for a separator inside parentheses while the line is split
MAX_WORDS = 6
MAX_CHARS = 50


def listed_items(line: str, found: list[str]) -> list[str]:
    """The items of one skills-list line that the finder did not already find as written.

    `found` holds the surfaces the finder found on this line.
    """
    category, body = _CATEGORY.match(line.strip()).groups()
    found_folded = {f.casefold() for f in found}
    for surface in found:  # a found name with a slash ("CI/CD") is one item, not two
        if "/" in surface:
            body = body.replace(surface, surface.replace("/", _GLUE))
    kept: list[str] = []
    category = _clean(category or "")
    if (
        category
        and not _GROUPING.search(category)
        and _is_item(category)
        and category.casefold() not in found_folded
        and not _only_found_names(category, found)
    ):
        kept.append(category)
    for raw in _SEPARATORS.split(_protect_parentheses(body)):
        raw = raw.replace(_COMMA, ",")
        outer = _clean(_PARENTHESIS.sub(" ", raw))
        outer_is_skill = outer.casefold() in found_folded or _is_item(outer)
        candidates = [outer]
        # "CRM (VinSolutions, DealerSocket)": a skill's parenthesis lists items of its own;
        # "published a book (Notes on Nursing)" is no skill, and neither is its parenthesis.
        if outer_is_skill:
            for inner in _PARENTHESIS.findall(raw):
                candidates.extend(_clean(part) for part in _SEPARATORS.split(inner))
        for item in candidates:
            if (
                _is_item(item)
                and item.casefold() not in found_folded
                and item not in kept
                and not _only_found_names(item, found)
            ):
                kept.append(item)
    return kept


def _only_found_names(item: str, found: list[str]) -> bool:
    """True when `item` is found names joined by "&", "and" or "or" ("SQL & Python": two
    skills, not a third); "Medical-Surgical Nursing" is more than its "Nursing"."""
    rest = item
    for surface in sorted(found, key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(surface)}(?!\w)", " ", rest, flags=re.I)
    return rest != item and _JOINERS.fullmatch(rest) is not None


def _protect_parentheses(text: str) -> str:
    """`text` with the separators inside parentheses hidden, so the list splits at top level."""
    return _PARENTHESIS.sub(lambda m: m.group().replace(",", _COMMA).replace(";", _COMMA), text)


def _clean(raw: str) -> str:
    return " ".join(raw.replace(_GLUE, "/").replace(_COMMA, ",").strip(" .()[]*-–−:\"'").split())


def _is_item(item: str) -> bool:
    words = item.split()
    if not item or len(words) > MAX_WORDS or len(item) > MAX_CHARS or not item[0].isalnum():
        return False
    if not re.search(r"[^\W\d_]{2}", item):
        return False  # "1 / 2", "A2", a page number
    if _PLACEHOLDER.search(item) or _DATE_OR_NUMBER.search(item):
        return False  # "XXX", "category 1", "3 years": placeholders and counts
    if _LEVEL_ONLY.fullmatch(item):
        return False  # "Proficient", "Working knowledge": how well, not what
    if _NOT_A_SKILL.search(item):
        return False  # a degree, a membership, an association
    # A sentence-like item ("published best-selling book") starts lower-case in a list whose
    # items are capitalised; a lower-case item of one or two words is still a name ("lamps"
    # is not, but nothing tells it from "budgeting" but a dictionary of skills).
    return item[0].isupper() or item[0].isdigit() or len(words) <= 2


def certificate_skill(line: str) -> str | None:
    """What a certificate line certifies ("Basic Sterile Technique Certificate" -> "Basic
    Sterile Technique"), or None for a line that names no certificate."""
    name = line.strip(" -–−•·*")
    name = _TRAILING_ACRONYM.sub("", name)
    if not _CERTIFICATE_WORDS.search(name) and not _CERTIFICATE_LEAD.match(name):
        return None
    name = _CERTIFICATE_LEAD.sub("", _CERTIFICATE_WORDS.sub("", name))
    name = re.split(r"\s+(?:for|from|by|at|in)\s+", name, maxsplit=1)[0]
    name = _TRAILING_ACRONYM.sub("", name).strip(" ,.:-")
    return name if _is_item(name) and (len(name.split()) >= 2 or name.isupper()) else None
