"""Which alternative labels of a generic ESCO skill name it, and which are examples of it.

ESCO lists products and vendors among the alternative labels of a skill written in lower case
("procurement of ICT network equipment": "Juniper Networks", "Avaya", "NEC"; "search engines":
"Google"; "use online tools to collaborate": "WebEx"). Read as the skill's names, an
electrician's "NEC code" would be the procurement of network equipment, and "WebEx" a way of
collaborating rather than the product. An example is a product of its own name instead.
"""

from __future__ import annotations

import re

from careerplanner.core.skills import initials

_LABEL_WORD = re.compile(r"[a-z0-9]+")
_SHORT_CAPITALS = 3  # "NEC", "ST", "RS": letters enough to name too many things to read alone


def names_and_examples(
    label: str, alternatives: list[str], common: set[str] | frozenset[str]
) -> tuple[list[str], list[str]]:
    """(the alternatives that name the skill, the products it gives as examples).

    Only a skill labelled in lower case is generic; a product's own skill ("Cisco": "Cisco
    Systems") keeps every alternative. An alternative names a generic skill when it is written
    in lower case, shares a word with the label ("PCB testing methods" of "printed circuit
    boards testing methods") or is the label's initials ("GIS", "PLCs"). Another is an example,
    unless it is a short run of capitals ("NEC") or one ordinary word ("Email"), which are
    dropped: read alone they would name too many things."""
    first = label.split()[0] if label.split() else ""
    if not first.islower():
        return alternatives, []
    short_forms = {initials(label).casefold(), initials(label, keep_minor=True).casefold()}
    content = {w for w in _LABEL_WORD.findall(label.casefold()) if len(w) >= 3}
    names, examples = [], []
    for alternative in alternatives:
        folded = alternative.casefold()
        letters = re.sub(r"[^a-z0-9]", "", folded)
        if (
            alternative[:1].islower()
            or content & set(_LABEL_WORD.findall(folded))
            or {letters, letters.removesuffix("s")} & short_forms
        ):
            names.append(alternative)
            continue
        short_capitals = alternative.isupper() and len(letters) <= _SHORT_CAPITALS
        ordinary_word = " " not in alternative.strip() and folded in common
        if not (short_capitals or ordinary_word):
            examples.append(alternative)
    return names, examples
