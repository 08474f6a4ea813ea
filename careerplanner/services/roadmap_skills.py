"""How the user's skills meet the market dataset: resolving the skill a user typed, and which
roadmap skills the active dataset no longer lists (or lists under a new name).

These read both databases (the user's and the market's), so they are use cases, not store reads;
the roadmap never depends on a dataset being installed.
"""

from __future__ import annotations

from careerplanner.core.skills import normalise, skill_key
from careerplanner.errors import UserError
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import active_dataset, resolve_skill_key
from careerplanner.store.market.technologies import occupation_counts
from careerplanner.store.market.term_keys import listed_skill_keys
from careerplanner.store.market.terms import skill_terms
from careerplanner.store.user.levels import skill_names


def current_dataset_keys(market_db: Database) -> set[str] | None:
    """Skill keys of the active market datasets, or None when no dataset is installed."""
    return {term.key for term in skill_terms(market_db)} or None


def renamed_skills(
    market_db: Database, skill_keys: set[str], active_keys: set[str]
) -> dict[str, str]:
    """Old key -> new display name, for roadmap skills the active dataset lists under a new name."""
    names = {term.key: term.name for term in skill_terms(market_db)}
    renames = {}
    for key in sorted(skill_keys - active_keys):
        new_key = resolve_skill_key(market_db, key)
        if new_key != key and new_key in names:
            renames[key] = names[new_key]
    return renames


def dataset_marks(
    market_db: Database, skill_keys: set[str]
) -> tuple[set[str] | None, dict[str, str]]:
    """What marks the skills `skill_keys` on the roadmap: the active datasets' keys (None: no
    dataset, nothing is marked) and the renames (`renamed_skills`), as `current_dataset_keys`
    says them, for these skills only.

    The whole vocabulary is read only when it must be: for an ESCO skill, or one the dataset
    lists under a new name. A command that changes one step need not pay a quarter of a second
    for it. The keys returned may then be just those of `skill_keys` that are listed."""
    listed = listed_skill_keys(market_db, skill_keys)
    if listed is not None and all(
        resolve_skill_key(market_db, key) == key for key in skill_keys - listed
    ):
        return listed, {}
    active = current_dataset_keys(market_db)
    return active, renamed_skills(market_db, skill_keys, active) if active else {}


def resolve_skill(db: Database, market_db: Database | None, text: str) -> tuple[str, str]:
    """(skill key, display name) for a skill the user typed.

    Looked up, in order, as a key or name in the profile, on the roadmap, then in the active
    dataset (names before aliases); anything else becomes a custom skill of the user's own.
    """
    text = text.strip()
    if not text:
        raise UserError("Name a skill, for example “SQL”.")
    wanted = normalise(text)
    known = skill_names(db, with_evidence=False)
    if text in known:
        return text, known[text]
    for key, name in known.items():
        if normalise(name) == wanted:
            return key, name
    if market_db is not None:
        found = _dataset_skill(market_db, text, wanted)
        if found is not None:
            return found
    if ":" in text:
        return text, text.split(":", 1)[1]
    return skill_key("custom", text), text


def _dataset_skill(market_db: Database, text: str, wanted: str) -> tuple[str, str] | None:
    terms = skill_terms(market_db)
    for term in terms:
        if term.key == text or normalise(term.name) == wanted:
            return term.key, term.name
    for term in terms:
        if any(normalise(alias) == wanted for alias in term.aliases):
            return term.key, term.name
    # O*NET often puts a vendor or a spelled-out name first ("Microsoft Excel",
    # "Structured query language SQL"): accept a unique name that ends in what was typed.
    endings = sorted({(t.key, t.name) for t in terms if normalise(t.name).endswith(" " + wanted)})
    if len(endings) == 1:
        return endings[0]
    if endings:
        widest = _widest_technology(market_db, endings)
        if widest is not None:
            return widest
        names = ", ".join(name for _key, name in endings[:4])
        raise UserError(
            f"“{text}” could mean several skills of the dataset ({names}"
            f"{', …' if len(endings) > 4 else ''}); type the full name."
        )
    return None


def _widest_technology(market_db, candidates: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The candidate listed for at least three times as many occupations as any other in the
    active O*NET release ("Structured query language SQL" against "Windent SQL"), else None."""
    onet = active_dataset(market_db, "onet")
    if onet is None:
        return None
    counts = occupation_counts(market_db, onet.id, (key for key, _name in candidates))
    ranked = sorted(candidates, key=lambda item: -counts.get(item[0], 0))
    first = counts.get(ranked[0][0], 0)
    second = counts.get(ranked[1][0], 0) if len(ranked) > 1 else 0
    return ranked[0] if first >= 3 * max(second, 1) else None
