"""What the market pages and the gap report show: a role's requirements as gap requirements,
and the Market explorer's lookups across the active datasets.

    role_requirements(market_db, code, all_technologies=False) -> RoleRequirements | None
    technology_matcher(market_db) -> NameMatcher      name forms of the active technologies
    find_skills(market_db, text) / posting_skill_rows(market_db, key) / posting_pairings(...)

Reads always name the dataset version they read, so a screen never mixes two versions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerplanner.core.gap import (
    ONET_IMPORTANT,
    Requirement,
    technology_requirement,
    weight_from_importance,
)
from careerplanner.store.connection import Database
from careerplanner.store.market import postings
from careerplanner.store.market.datasets import active_dataset_id, active_versions
from careerplanner.store.market.occupations import Rating, occupation, requirements, technologies
from careerplanner.store.market.renames import older_keys
from careerplanner.store.market.technologies import (
    technologies_named_like,
    technology_keys_in,
    technology_names,
)

if TYPE_CHECKING:
    # The skill matcher (and its vocabulary) loads on first use, off the start-up path.
    from careerplanner.analysis.skill_match import NameMatcher


# -- roles and their requirements ----------------------------------------------------------------


@dataclass(frozen=True)
class RoleRequirements:
    code: str
    title: str
    requirements: tuple[Requirement, ...]
    note: str  # where the ratings come from (borrowed from a related occupation, ...)


def _rating_requirement(
    rating: Rating, evidence: Mapping[str, frozenset[str]] | None = None
) -> Requirement | None:
    """An important, trustworthy O*NET rating as a gap requirement (None otherwise)."""
    if rating.importance is None or rating.level is None or rating.depth is None:
        return None
    if rating.importance < ONET_IMPORTANT or rating.recommend_suppress or rating.not_relevant:
        return None
    return Requirement(
        skill_key=rating.key,
        skill_name=rating.name,
        required_level=int(rating.depth),
        weight=weight_from_importance(rating.importance),
        note=(
            f"O*NET {rating.domain}: importance {rating.importance:.1f}/5, level "
            f"{rating.level:.1f}/7 (depth estimated)"
        ),
        kind=rating.domain,
        estimate_from=(evidence or {}).get(rating.key, frozenset()),
    )


_MATCHERS: dict[tuple, NameMatcher] = {}


def _skill_match():
    """The skill matcher, loaded on first use: it builds the skill vocabulary (~30 ms), which
    the screens that import this module do not need until they match a name."""
    from careerplanner.analysis import skill_match

    return skill_match


def technology_matcher(market_db: Database) -> NameMatcher:
    """Name forms for the active O*NET version's technologies (cached per version)."""
    dataset_id = active_dataset_id(market_db, "onet")
    row = market_db.execute("PRAGMA database_list").fetchone()
    cache_key = (row[2] or str(id(market_db)), dataset_id)
    matcher = _MATCHERS.get(cache_key)
    if matcher is None:
        names = technology_names(market_db, dataset_id) if dataset_id is not None else []
        matcher = _MATCHERS[cache_key] = _skill_match().NameMatcher.for_names(names)
    return matcher


_EVIDENCE: dict[tuple, dict[str, frozenset[str]]] = {}


def rating_evidence(market_db: Database) -> dict[str, frozenset[str]]:
    """Rating key → the technology keys that evidence it (analysis.skill_match.RATING_EVIDENCE:
    O*NET's own technology categories), for the active O*NET version (cached)."""
    dataset_id = active_dataset_id(market_db, "onet")
    row = market_db.execute("PRAGMA database_list").fetchone()
    cache_key = (row[2] or str(id(market_db)), dataset_id)
    found = _EVIDENCE.get(cache_key)
    if found is None:
        found = {
            rating_key: technology_keys_in(market_db, dataset_id, categories)
            for rating_key, categories in _skill_match().RATING_EVIDENCE.items()
        }
        _EVIDENCE[cache_key] = found
    return found


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
    """What an O*NET occupation asks for, as gap requirements, from the active O*NET version.

    Skills and knowledge rated important (IM >= 3, not suppressed), their level mapped onto
    L0–L5 by `store.market.levels`; technologies flagged Hot or In Demand (every listed one with
    `all_technologies`), their depth estimated by `core.gap.technology_requirement`. Each
    technology carries its name forms (analysis.skill_match) and its keys before renames, so a
    profile skill under another key or an older name still counts.
    """
    found = occupation(market_db, code)
    if found is None:
        return None
    rated = requirements(market_db, code)
    evidence = rating_evidence(market_db)
    result = [_rating_requirement(rating, evidence) for rating in rated.ratings]
    result = [req for req in result if req is not None]
    matcher = technology_matcher(market_db)
    chosen = []
    seen: set[str] = set()
    for tech in technologies(market_db, code):
        if tech.key in seen or not (all_technologies or tech.hot or tech.in_demand):
            continue
        seen.add(tech.key)
        chosen.append(tech)
    renamed = older_keys(market_db, [tech.key for tech in chosen])
    for tech in chosen:
        level, weight = technology_requirement(tech.hot, tech.in_demand)
        flags = [flag for flag, on in (("In Demand", tech.in_demand), ("Hot", tech.hot)) if on]
        forms = set(matcher.forms(tech.name, tech.key))
        forms.update(old.split(":", 1)[-1] for old in renamed.get(tech.key, ()))
        result.append(
            Requirement(
                skill_key=tech.key,
                skill_name=tech.name,
                required_level=level,
                weight=weight,
                note=f"O*NET technology {'/'.join(flags) or 'listed'} (depth estimated)",
                kind="technology",
                forms=tuple(sorted(forms)),
                group=tech.commodity_title,
            )
        )
    return RoleRequirements(code, found.title, tuple(result), rated.note)


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
