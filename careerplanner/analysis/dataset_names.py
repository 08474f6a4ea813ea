"""Names people write for a dataset's technology names, by general rules.

Dataset names are often vendor-prefixed or padded ("Oracle Java", "Amazon Web Services AWS
software", "Rust programming language", "Python (computer programming)"); `derive_aliases`
turns them into the names people write:

* a vendor prefix (a leading word that starts at least three names followed by a capitalised
  product, optionally followed by its own acronym: "Amazon Web Services AWS") is dropped;
* trailing "software", "programming language", a lower-case parenthesised qualifier and a
  trailing or parenthesised acronym ("Google Compute Engine (GCE)") become separate aliases;
* a derived alias that is a single ordinary word ("Database" from "Oracle Database") is dropped,
  since a person writing "database" rarely means the vendor's product, except the one-word
  product of a vendor ("Word" of "Microsoft Word"), which counts only beside another skill.

O*NET's commodity titles named after an activity ("Quality control software") name the
activity, not a product (`activity_of`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from careerplanner.analysis.skill_finder import tokenize
from careerplanner.core.skills import normalise

_TRAILING_NOISE = re.compile(
    r"\s+(?:software|programming language|language|computer language|platform)$", re.I
)
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")


def find_vendors(names: Iterable[str], minimum: int = 3) -> set[str]:
    """Leading words that start at least `minimum` names followed by a capitalised product."""
    counts: Counter[str] = Counter()
    for name in names:
        words = name.split()
        if words and words[0] == "The" and len(words) > 2:
            words = [f"The {words[1]}", *words[2:]]
        if len(words) >= 2 and words[0][:1].isupper() and words[1][:1].isupper():
            counts[words[0]] += 1
    return {vendor for vendor, count in counts.items() if count >= minimum}


def _strip_vendor(name: str, vendors: set[str]) -> str | None:
    words = name.split()
    if len(words) > 2 and words[0] == "The":
        words = [f"The {words[1]}", *words[2:]]
    if len(words) < 2 or words[0] not in vendors or not words[1][:1].isupper():
        return None
    rest = words[1:]
    if len(rest) >= 2 and rest[0] in _VENDOR_SECOND_WORDS:
        rest = rest[1:]  # "Dassault Systemes SolidWorks", "Avid Technology Media Composer"
    # "Amazon Web Services AWS CloudFormation": the vendor's own name and acronym go too.
    for cut in range(1, min(4, len(rest) - 1)):
        if _is_acronym_of(rest[cut], [words[0], *rest[:cut]]):
            rest = rest[cut + 1 :]
            break
    return " ".join(rest)


def derive_aliases(name: str, vendors: set[str], common_words: set[str]) -> list[str]:
    """Names people write for a dataset's technology name (see the module docstring)."""
    aliases: list[str] = []
    base = name.strip()
    paren = _PAREN.search(base)
    if paren:
        inside = paren.group(1).strip()
        base = base[: paren.start()].strip()
        if _ACRONYM.match(inside):
            aliases.append(inside)
        aliases.append(base)
    trimmed = _TRAILING_NOISE.sub("", base)
    # "Rust programming language" → "Rust", "Alteryx software" → "Alteryx"; but "Productivity
    # software" → not "Productivity", an ordinary word.
    names_a_language = re.search(r"language$", base, re.I) is not None
    if (
        trimmed != base
        and trimmed
        and (
            " " in trimmed
            or names_a_language
            or not _is_plain_word(trimmed)
            or (trimmed.lower() not in common_words and not names_a_field(trimmed))
        )
    ):
        aliases.append(trimmed)
        base = trimmed
    words = base.split()
    if len(words) >= 3 and _is_acronym_of(words[-1], words[:-1]):
        aliases.extend([words[-1], " ".join(words[:-1])])
    else:
        # "Voice over internet protocol VoIP system": an acronym inside, then a generic word.
        for at in range(2, len(words) - 1):
            word = words[at]
            shaped = sum(c.isupper() for c in word) >= 2 and word[:1].isupper()
            if shaped and _is_acronym_of(word.upper(), words[:at]) and words[at + 1].islower():
                aliases.extend([words[at], " ".join(words[:at])])
                break
    words = base.split()
    if len(words) == 2 and words[1] in _COMPANY_WORDS and words[0][:1].isupper():
        aliases.append(words[0])  # "Epic Systems": the company's name is its product's
    if _is_product_word(words[0]) and len(words) >= 2 and all(w.islower() for w in words[1:]):
        aliases.append(words[0])  # "MapReduce big data software": the product and its field
    if 2 <= len(words) <= 3 and _names_its_vendor(words[-1], words[0]):
        aliases.append(words[-1])  # "StataCorp Stata", "Qlik Tech QlikView": the product
    for candidate in list(aliases) or [base]:
        stripped = _strip_vendor(candidate, vendors)
        if stripped:
            aliases.append(stripped)
            last = stripped.split()
            if len(last) >= 2 and _is_acronym_of(last[-1], last[:-1]):
                aliases.extend([last[-1], " ".join(last[:-1])])
    kept = []
    for alias in aliases:
        tokens = tokenize(alias)
        if not tokens or normalise(alias) == normalise(name):
            continue
        # "Database" from "Oracle Database": an ordinary word, not the product; but the
        # one-word product of a vendor ("Word", "Outlook", "Access" of Microsoft) stays, and
        # counts only beside another skill (see Vocabulary.list_only).
        ordinary = len(tokens) == 1 and (tokens[0] in common_words or len(tokens[0]) < 2)
        vendor_product = len(name.split()) == 2 and alias == name.split()[1]
        if ordinary and not (vendor_product and alias[:1].isupper() and len(tokens[0]) > 2):
            continue
        if alias not in kept:
            kept.append(alias)
    return kept


def activity_of(name: str) -> str | None:
    """The activity an O*NET commodity title names ("Quality control software" -> "Quality
    control"), or None for a product's name ("Adobe Photoshop", "Amazon Web Services AWS
    software": capitalised words)."""
    words = name.split()
    if len(words) < 3 or words[-1].lower() != "software" or _is_product_word(words[0]):
        return None
    if not any(w[:1].islower() for w in words[1:-1]):
        return None
    return " ".join(words[:-1])


# Endings of English nouns of activities and fields ("Bookkeeping", "Statistics"): a title
# "X software" with such an X names the activity's software, not a product called X.
_FIELD_ENDING = re.compile(r"(?:ing|ics|ion|ment|ance|ence|ity|ogy|ship|ness|ure|ism)$", re.I)


def names_a_field(word: str) -> bool:
    """True for a word shaped like the name of an activity or field ("Bookkeeping")."""
    return _FIELD_ENDING.search(word) is not None


_COMPANY_WORDS = {"Systems", "Technologies", "Corporation", "Inc", "Inc.", "Labs", "Software"}
# The second word of a two-word company name, cut off with the vendor's first word.
_VENDOR_SECOND_WORDS = _COMPANY_WORDS | {"Systemes", "Technology", "Microsystems"}


def _is_product_word(word: str) -> bool:
    """A word spelled like a product's name, not like an ordinary word: a capital inside it
    ("MapReduce", "QlikView")."""
    return word.isalpha() and word[:1].isupper() and any(c.isupper() for c in word[1:])


def is_vendor_named_product(name: str, alias: str) -> bool:
    """True when `alias` is the product of the dataset name `name` named like its vendor
    ("Stata" of "StataCorp Stata"): a product's name, whatever the word lists say."""
    words = name.split()
    return 2 <= len(words) <= 3 and alias == words[-1] and _names_its_vendor(alias, words[0])


def _names_its_vendor(product: str, vendor: str) -> bool:
    """True for a capitalised product named like its vendor ("Stata" of "StataCorp",
    "QlikView" of "Qlik"): the two share their first four letters or more."""
    if not product[:1].isupper() or not product.isalpha() or product == vendor:
        return False
    shorter = min(len(product), len(vendor))
    return shorter >= 4 and product[:shorter].lower() == vendor[:shorter].lower()


def _is_acronym_of(acronym: str, words: list[str]) -> bool:
    """True when `acronym` abbreviates the trailing `words` ("Domain name system DNS")."""
    if not _ACRONYM.match(acronym):
        return False
    letters = acronym.lower()
    if any(w.lower() == letters for w in words):
        return False  # "LINDO Systems LINDO API": the vendor's name, not an abbreviation
    for start in range(len(words)):
        tail = words[start:]
        if tail[0][:1].lower() != letters[0] or len(tail) > len(letters) + 1:
            continue
        position = 0
        text = " ".join(tail).lower()
        for letter in letters:
            position = text.find(letter, position)
            if position < 0:
                break
            position += 1
        else:
            return True
    return False


def _is_plain_word(form: str) -> bool:
    """A single capitalised dictionary-looking word ("Quest", "Publisher"), not "PowerPoint"."""
    return form.isalpha() and form[1:].islower()


def alias_needs_context(alias: str, common: set[str], vendors: Iterable[str] = ()) -> bool:
    """A derived alias of one word, or of ordinary capitalised words ("Building Systems").

    A one-word product name spelled as no ordinary word is ("PowerPoint", "SharePoint",
    "AutoCAD", "JReview", "Alteryx", "Spotfire") is not ambiguous for being one word; an
    ordinary word ("Quest", "Canvas") or a short acronym ("SMS", "EMR") may be something else.
    """
    words = alias.split()
    if len(words) == 1:
        word = words[0]
        return (
            len(word) <= 2
            or word.lower() in common
            or (word.isupper() and len(word) <= 3)
            or _is_plain_word(word)  # "Master", "Latitude": maybe an ordinary word
            or not word.isascii()
        )
    # A vendor's name is no ordinary word, even where dataset prose writes it in lower case:
    # "Microsoft Office" needs no context, "Building Systems" does.
    return all(
        w[:1].isupper() and _is_plain_word(w) and w.lower() in common and w not in vendors
        for w in words
    )


def common_words_of(forms: Iterable[str]) -> set[str]:
    """Ordinary words: those written in lower case inside multi-word names and labels."""
    words: set[str] = set()
    for form in forms:
        parts = re.findall(r"[^\W\d_]+", form)
        if len(parts) >= 2:
            words.update(p for p in parts if p.islower() and len(p) > 1)
    return words
