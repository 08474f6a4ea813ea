"""What the market pages and the gap report show: a role's requirements as gap requirements,
and the Market explorer's lookups across the active datasets.

    role_requirements(market_db, code, all_technologies=False) -> RoleRequirements | None
        (an O*NET code, or "postings:ROLE" for a postings role; built by services.role_needs)
    technology_matcher(market_db) -> NameMatcher      name forms of the active technologies
    find_skills(market_db, text) / posting_skill_rows(market_db, key) / posting_pairings(...)

Reads always name the dataset version they read, so a screen never mixes two versions.
"""

from __future__ import annotations

from careerplanner.services.role_needs import (
    POSTINGS_PREFIX,
    RoleRequirements,
    market_index,
    occupation_needs,
    postings_needs,
    postings_role_for,
    technology_matcher,
)
from careerplanner.store.connection import Database
from careerplanner.store.market import postings
from careerplanner.store.market.datasets import active_dataset_id, active_versions
from careerplanner.store.market.technologies import technologies_named_like

__all__ = ["RoleRequirements", "role_requirements", "technology_matcher"]


# -- roles and their requirements ----------------------------------------------------------------


_REQUIREMENTS: dict[tuple, RoleRequirements | None] = {}
_REQUIREMENTS_KEPT = 32  # a few target roles × both technology choices


def role_requirements(
    market_db: Database, code: str, all_technologies: bool = False
) -> RoleRequirements | None:
    """What an O*NET occupation asks for (see `_role_requirements`), cached per dataset version:
    an installed version never changes, and switching versions changes the active ids."""
    row = market_db.execute("PRAGMA database_list").fetchone()
    versions = active_versions(market_db)
    cache_key = (row[2] or str(id(market_db)), versions, code, all_technologies)
    if cache_key not in _REQUIREMENTS:
        if len(_REQUIREMENTS) >= _REQUIREMENTS_KEPT:
            _REQUIREMENTS.pop(next(iter(_REQUIREMENTS)))
        _REQUIREMENTS[cache_key] = _role_requirements(market_db, code, all_technologies)
    return _REQUIREMENTS[cache_key]


def _role_requirements(
    market_db: Database, code: str, all_technologies: bool
) -> RoleRequirements | None:
    """Where the active postings dataset covers the occupation (a postings role of its title
    with enough postings), its requirements come from those postings; otherwise from what
    O*NET and ESCO say it most needs (`services.role_needs`, which explains both)."""
    index = market_index(market_db)
    if code.startswith(POSTINGS_PREFIX):
        return postings_needs(market_db, index, code[len(POSTINGS_PREFIX) :])
    if code not in index.titles:
        return None
    role = postings_role_for(market_db, code)
    if role is not None and not all_technologies:
        found = postings_needs(market_db, index, role, code, index.titles[code])
        if found is not None:
            return found
    return occupation_needs(index, code, all_technologies)


# -- the Market explorer -------------------------------------------------------------------------


def find_skills(market_db: Database, text: str, limit: int = 30) -> list[tuple[str, str, str]]:
    """Skills whose name contains `text`, from the active O*NET technologies and postings:
    (key, name, where it is found), most widespread first."""
    words = text.strip()
    if not words:
        return []
    found: dict[str, tuple[str, str, int]] = {}
    onet = active_dataset_id(market_db, "onet")
    if onet is not None:
        for key, name, count in technologies_named_like(market_db, onet, words, limit):
            found[key] = (name, f"{count} occupations", count)
    postings_id = active_dataset_id(market_db, "postings")
    if postings_id is not None:
        for key, name, jobs in postings.skills_named_like(market_db, postings_id, words, limit):
            name_before, where, weight = found.get(key, (name, "", 0))
            where = f"{where}, {jobs} postings" if where else f"{jobs} postings"
            found[key] = (name_before, where, weight + jobs)
    ranked = sorted(found.items(), key=lambda item: (-item[1][2], item[1][0].casefold()))
    return [(key, name, where) for key, (name, where, _) in ranked[:limit]]


def posting_skill_rows(market_db: Database, skill_key: str) -> list[dict]:
    """Postings figures for one skill from the active postings dataset, all roles ("" = all)."""
    dataset_id = active_dataset_id(market_db, "postings")
    if dataset_id is None:
        return []
    return postings.skill_rows(market_db, dataset_id, skill_key)


def posting_pairings(market_db: Database, skill_key: str, limit: int = 10):
    """(other skill name, share, lift) for the skills most often alongside `skill_key`."""
    dataset_id = active_dataset_id(market_db, "postings")
    if dataset_id is None:
        return []
    return postings.paired_skill_names(market_db, dataset_id, skill_key, limit)
