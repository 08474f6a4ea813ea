"""The same skill under two keys: the name forms a requirement and a profile skill share.

O*NET lists some technologies twice ("Structure query language SQL" and "Structured query
language SQL"), renames others between releases, and a resume says "SQL" or "AWS". A gap
requirement therefore counts the user's level when a profile skill goes by one of the same
*forms*: the normalised name, the aliases `vocabulary.derive_aliases` derives by its general
rules (vendor prefix dropped, trailing "software" dropped, trailing acronym split off), and the
spellings the curated alias table (data/aliases.csv) groups under one canonical name.

A vendor prefix is dropped before any product ("Apple macOS" is "macOS"). A single ordinary
word derived from a longer name ("Database" from "Oracle Database") is not a form: "Database"
on a resume does not mean the vendor's product. Neither are the O*NET rating dimensions
("Programming", "Mathematics") matched by name: they are ratings, not resume skills.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from careerplanner.analysis.dataset_names import derive_aliases, find_vendors
from careerplanner.analysis.vocabulary import read_curated_aliases
from careerplanner.analysis.word_lists import common_words
from careerplanner.core.skills import normalise


@cache
def _curated_groups() -> dict[str, frozenset[str]]:
    """Each spelling in the curated table → every spelling of its canonical skill."""
    groups: dict[str, set[str]] = {}
    for row in read_curated_aliases():
        canonical = normalise(row.canonical)
        groups.setdefault(canonical, {canonical}).add(normalise(row.alias))
    by_form: dict[str, frozenset[str]] = {}
    for forms in groups.values():
        frozen = frozenset(forms)
        for form in forms:
            by_form[form] = frozen
    return by_form


@dataclass(frozen=True)
class NameMatcher:
    """Name forms for one dataset: its vendor prefixes and ordinary words decide the aliases."""

    vendors: frozenset[str]
    common: frozenset[str]
    _cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def for_names(cls, technology_names: Iterable[str]) -> NameMatcher:
        """A matcher whose vendor prefixes come from the dataset's technology names."""
        return cls(frozenset(find_vendors(technology_names)), frozenset(common_words()))

    def forms(self, name: str, key: str = "") -> tuple[str, ...]:
        """The normalised names `name` (and the name part of `key`) go by, sorted."""
        cached = self._cache.get((name, key))
        if cached is None:
            cached = self._cache[(name, key)] = self._forms(name, key)
        return cached

    def _forms(self, name: str, key: str) -> tuple[str, ...]:
        found = {normalise(name)}
        if ":" in key:
            found.add(key.split(":", 1)[1])
        for alias in derive_aliases(name, self.vendors, self.common):  # read-only: no copies
            found.add(normalise(alias))
        # The finder only drops a vendor before a capitalised product, to stay safe in prose;
        # a name compared with a name can also lose it before "macOS" or "iOS".
        words = name.split()
        if len(words) >= 2 and words[0] in self.vendors:
            rest = " ".join(words[1:])
            if len(words) > 2 or normalise(rest) not in self.common:
                found.add(normalise(rest))
        curated = _curated_groups()
        for form in list(found):
            found |= curated.get(form, frozenset())
        return tuple(sorted(form for form in found if form))


# -- O*NET ratings estimated from technology skills ----------------------------------------------
# An O*NET rating dimension is estimated only where the evidence is direct and explainable: the
# O*NET element for writing programs is evidenced by the languages and development tools O*NET
# itself files under these technology categories (Python and Java under "Object or component
# oriented development software", Go and C under "Development environment software",
# JavaScript under "Web platform development software"). The estimate is the deepest of them;
# the gap says it is an estimate and names the skills, and the user's own level replaces it.
RATING_EVIDENCE: dict[str, tuple[str, ...]] = {
    "onet:2.B.3.e": (  # Programming: "writing computer programs for various purposes"
        "Object or component oriented development software",
        "Development environment software",
        "Web platform development software",
    ),
}
