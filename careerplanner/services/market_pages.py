"""Small read-only queries the screens need that the other repositories do not offer.

Everything here reads; the one write (the user's target roles) is a single-row change. Queries
always name the dataset version they read, so a screen never mixes two versions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerplanner.core.gap import (
    ONET_IMPORTANT,
    Requirement,
    SkillLevels,
    technology_requirement,
    weight_from_importance,
)
from careerplanner.store.connection import Database
from careerplanner.store.market import occupations as market_queries
from careerplanner.store.market.occupations import Rating, occupation, technologies

# The small queries the start-up path needs live in `summary_queries`; screens import them here.
from careerplanner.store.user.targets import (  # noqa: F401  (re-exported)
    DatasetSummary,
    TargetRole,
    active_dataset_id,
    active_datasets,
    add_target_role,
    profile_skill_count,
    remove_target_role,
    startup_summary,
    target_roles,
)
from careerplanner.store.user.targets import (
    table_exists as _exists,
)

if TYPE_CHECKING:
    # The start screen reads through this module; the skill matcher (and its vocabulary) loads
    # on first use instead, to keep it off the start-up path.
    from careerplanner.analysis.skill_match import NameMatcher


# -- the user's levels and target roles ----------------------------------------------------------


def user_data_version(user_db: Database) -> tuple[int, int]:
    """A value that changes whenever the user database does: a commit through another
    connection (a worker's; SQLite's `data_version`) or a change through this one
    (`total_changes`). One pragma: cheap enough to ask on every recompute."""
    conn = user_db.conn
    return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes


def user_levels(user_db: Database) -> SkillLevels:
    """Each skill's level that counts: the user's override when set, else the inferred level,
    raised by a level reached on the roadmap once its evidence is logged (the evidence rule of
    `core.roadmap.effective_level`). Every screen and the command line count the same levels.

    A `core.gap.SkillLevels` (a dict of key → level) that also knows the names each skill goes
    by, so a requirement kept under another key still finds the user's level. Read once per
    `user_data_version` of the connection (kept on it); each caller gets its own copy.
    """
    version = user_data_version(user_db)
    cached = user_db.__dict__.get("_careerplanner_levels")
    if cached is None or cached[0] != version:
        cached = user_db.__dict__["_careerplanner_levels"] = (version, _read_levels(user_db))
    return cached[1].copy()


_NAME_FORMS: list = []  # one NameMatcher for profile names, made on first use (it caches forms)


def _read_levels(user_db: Database) -> SkillLevels:
    if not _exists(user_db, "user_skill"):
        return SkillLevels()
    rows = {
        key: (name, int(level))
        for key, name, level in user_db.execute(
            "SELECT skill_key, name, coalesce(override_level, inferred_level) FROM user_skill"
        ).fetchall()
    }
    if _exists(user_db, "roadmap_goal"):
        from careerplanner.store.user.goals import all_effective_levels, list_goals

        goal_names = {goal.skill_key: goal.skill_name for goal in list_goals(user_db)}
        for key, counted in all_effective_levels(user_db).items():
            name = rows[key][0] if key in rows else goal_names.get(key, key)
            if counted.level > rows.get(key, (name, 0))[1]:
                rows[key] = (name, counted.level)
    if not _NAME_FORMS:
        from careerplanner.analysis.common_words import common_words
        from careerplanner.analysis.skill_match import NameMatcher

        _NAME_FORMS.append(NameMatcher(frozenset(), frozenset(common_words())))
    matcher = _NAME_FORMS[0]
    by_form: dict[str, str] = {}
    for key, (name, _level) in sorted(rows.items(), key=lambda item: -item[1][1]):
        if key.startswith("onet:"):
            continue  # a rating the user set is matched by its key only
        for form in matcher.forms(name, key):
            by_form.setdefault(form, key)  # the higher level wins a shared form
    return SkillLevels(
        {key: level for key, (_name, level) in rows.items()},
        by_form,
        {key: name for key, (name, _level) in rows.items()},
    )


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


def technology_matcher(market_db: Database) -> NameMatcher:
    """Name forms for the active O*NET version's technologies (cached per version)."""
    dataset_id = active_dataset_id(market_db, "onet")
    row = market_db.execute("PRAGMA database_list").fetchone()
    cache_key = (row[2] or str(id(market_db)), dataset_id)
    matcher = _MATCHERS.get(cache_key)
    if matcher is None:
        from careerplanner.analysis.skill_match import NameMatcher

        names = (
            [
                name
                for (name,) in market_db.execute(
                    "SELECT DISTINCT example FROM onet_tech_skill WHERE dataset_id = ?",
                    [dataset_id],
                )
            ]
            if dataset_id is not None
            else []
        )
        matcher = _MATCHERS[cache_key] = NameMatcher.for_names(names)
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
        from careerplanner.analysis.skill_match import RATING_EVIDENCE

        found = {}
        for rating_key, categories in RATING_EVIDENCE.items():
            marks = ",".join("?" * len(categories))
            found[rating_key] = frozenset(
                key
                for (key,) in market_db.execute(
                    f"SELECT DISTINCT skill_key FROM onet_tech_skill "
                    f"WHERE dataset_id = ? AND commodity_title IN ({marks})",
                    [dataset_id, *categories],
                )
            )
        _EVIDENCE[cache_key] = found
    return found


def _renamed_from(market_db: Database, keys: list[str]) -> dict[str, list[str]]:
    """Older keys of each key (O*NET renames between releases, the skill_alias table)."""
    if not keys or not _exists(market_db, "skill_alias"):
        return {}
    found: dict[str, list[str]] = {}
    marks = ",".join("?" * len(keys))
    for old, new in market_db.execute(
        f"SELECT old_key, new_key FROM skill_alias WHERE new_key IN ({marks})", keys
    ):
        found.setdefault(new, []).append(old)
    return found


_REQUIREMENTS: dict[tuple, RoleRequirements | None] = {}
_REQUIREMENTS_KEPT = 32  # a few target roles × both technology choices


def role_requirements(
    market_db: Database, code: str, all_technologies: bool = False
) -> RoleRequirements | None:
    """What an O*NET occupation asks for (see `_role_requirements`), cached per dataset version:
    an installed version never changes, and switching versions changes the active ids."""
    row = market_db.execute("PRAGMA database_list").fetchone()
    versions = (
        tuple(market_db.execute("SELECT id, imported_at FROM dataset WHERE active = 1"))
        if _exists(market_db, "dataset")
        else ()
    )
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
    L0–L5 by `market_levels`; technologies flagged Hot or In Demand (every listed one with
    `all_technologies`), their depth estimated by `core.gap.technology_requirement`. Each
    technology carries its name forms (analysis.skill_match) and its keys before renames, so a
    profile skill under another key or an older name still counts.
    """
    found = occupation(market_db, code)
    if found is None:
        return None
    rated = market_queries.requirements(market_db, code)
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
    renamed = _renamed_from(market_db, [tech.key for tech in chosen])
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


@dataclass(frozen=True)
class RelatedRole:
    code: str
    title: str
    tier: str


def related_roles(market_db: Database, code: str, limit: int = 10) -> list[RelatedRole]:
    dataset_id = active_dataset_id(market_db, "onet")
    if dataset_id is None:
        return []
    rows = market_db.execute(
        """SELECT r.related_code, o.title, r.tier FROM onet_related r
           JOIN onet_occupation o ON o.dataset_id = r.dataset_id AND o.code = r.related_code
           WHERE r.dataset_id = ? AND r.code = ? ORDER BY r.rank LIMIT ?""",
        [dataset_id, code, limit],
    ).fetchall()
    return [RelatedRole(*row) for row in rows]


@dataclass(frozen=True)
class TechnologyDemand:
    """How O*NET occupations list one technology: how many, and how many flag it."""

    skill_key: str
    name: str
    occupations: int
    hot: int
    in_demand: int
    total_occupations: int
    top_occupations: tuple[tuple[str, str, bool, bool], ...]  # (code, title, hot, in demand)


def technology_demand(market_db: Database, skill_key: str) -> TechnologyDemand | None:
    dataset_id = active_dataset_id(market_db, "onet")
    if dataset_id is None:
        return None
    rows = market_db.execute(
        """SELECT t.code, o.title, max(t.hot), max(coalesce(t.in_demand, 0)), min(t.example)
           FROM onet_tech_skill t JOIN onet_occupation o
             ON o.dataset_id = t.dataset_id AND o.code = t.code
           WHERE t.dataset_id = ? AND t.skill_key = ? GROUP BY t.code
           ORDER BY max(coalesce(t.in_demand, 0)) DESC, max(t.hot) DESC, o.title""",
        [dataset_id, skill_key],
    ).fetchall()
    if not rows:
        return None
    total = market_db.execute(
        "SELECT count(*) FROM onet_occupation WHERE dataset_id = ?", [dataset_id]
    ).fetchone()[0]
    return TechnologyDemand(
        skill_key=skill_key,
        name=rows[0][4],
        occupations=len(rows),
        hot=sum(1 for row in rows if row[2]),
        in_demand=sum(1 for row in rows if row[3]),
        total_occupations=int(total),
        top_occupations=tuple((c, t, bool(h), bool(d)) for c, t, h, d, _ in rows[:25]),
    )


def find_skills(market_db: Database, text: str, limit: int = 30):
    """Skills whose name contains `text`, from the active O*NET technologies and postings:
    (key, name, where it is found), most widespread first."""
    words = text.strip()
    if not words:
        return []
    found: dict[str, tuple[str, str, int]] = {}
    onet = active_dataset_id(market_db, "onet")
    if onet is not None:
        for key, name, count in market_db.execute(
            """SELECT skill_key, min(example), count(DISTINCT code) AS n FROM onet_tech_skill
               WHERE dataset_id = ? AND example LIKE ? GROUP BY skill_key
               ORDER BY n DESC LIMIT ?""",
            [onet, f"%{words}%", limit],
        ):
            found[key] = (name, f"{count} occupations", count)
    postings = active_dataset_id(market_db, "postings")
    if postings is not None:
        for key, name, jobs in market_db.execute(
            """SELECT skill_key, skill_name, jobs_with_skill FROM posting_skill
               WHERE dataset_id = ? AND role = '' AND skill_name LIKE ?
               ORDER BY jobs_with_skill DESC LIMIT ?""",
            [postings, f"%{words}%", limit],
        ):
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
    cursor = market_db.execute(
        "SELECT * FROM posting_skill WHERE dataset_id = ? AND skill_key = ? ORDER BY jobs DESC",
        [dataset_id, skill_key],
    )
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def posting_pairings(market_db: Database, skill_key: str, limit: int = 10):
    """(other skill name, share, lift) for the skills most often alongside `skill_key`."""
    dataset_id = active_dataset_id(market_db, "postings")
    if dataset_id is None:
        return []
    return market_db.execute(
        """SELECT coalesce(s.skill_name, p.other_key), p.share, p.lift FROM posting_pairing p
           LEFT JOIN posting_skill s ON s.dataset_id = p.dataset_id AND s.role = p.role
             AND s.skill_key = p.other_key
           WHERE p.dataset_id = ? AND p.role = '' AND p.skill_key = ?
           ORDER BY p.share DESC LIMIT ?""",
        [dataset_id, skill_key, limit],
    ).fetchall()
