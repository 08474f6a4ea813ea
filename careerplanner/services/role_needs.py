"""What a role asks for, and the user's estimated level in the rating dimensions a resume never
names: the inputs of the gap and of the ranking of every role.

    market_index(market_db) -> MarketIndex          every occupation's needs, read once per version
    occupation_needs(index, code) -> RoleRequirements | None
    postings_needs(market_db, role, ...) -> RoleRequirements | None
    estimate_ratings(index, levels) -> dict[rating key, (level, evidence sentence)]
    estimated_levels(user_db, market_db) -> SkillLevels   the levels that count, with estimates

Where the active postings dataset covers a role (a postings role named by one of the
occupation's titles, with at least `MIN_ROLE_POSTINGS` postings; or a postings role itself), its
requirements come from the postings: each skill at least `POSTINGS_MIN_SHARE` of them ask for,
weighted by that share, at the median depth they ask for.

Where only O*NET covers a role, its requirements are what the occupation most needs:

* its Skills and Knowledge rated important (importance >= 3 of 5, not suppressed), weighted by
  importance, the required depth from O*NET's level (store.market.levels). Occupations O*NET
  did not rate borrow a related occupation's ratings, and the note says so;
* the essential skills ESCO lists for the matching ESCO occupation (data/occupation_skills.csv,
  made by scripts/make_occupation_skills.py), at working depth (L2). Together they weigh
  `ESCO_TOTAL_WEIGHT`, however many ESCO lists, so a long list does not drown the ratings;
* only the technologies O*NET marks In Demand, weighted by how central they are: the share of the
  occupation's family (its SOC minor group, "15-12") that lists the technology. A tool most of
  the family uses is a core tool (L3, weight up to 0.9); a peripheral one (Photoshop for a web
  developer) is working knowledge (L2) with a low weight.

The user's level in a rating ("Programming", "Medicine and Dentistry") is estimated from the
occupations whose work uses the user's skills: each skill points to the occupations that list it
(O*NET technologies, ESCO skills; a skill no list names, by the rare words of ESCO's skill
labels it shares, at half weight), weighted by how specific it is (a skill few occupations list
says more than Microsoft Excel) and by the user's level in it. The estimate is the level the
`NEAREST_OCCUPATIONS` closest occupations need (a weighted upper quartile), never above one
level over the user's deepest skill behind it; with no skill pointing anywhere, nothing is
estimated and the ratings stay "not rated". An estimate is labelled "(est.)" with the skills it
comes from; the user's own level replaces it.
"""

from __future__ import annotations

import csv
import json
import math
import re
import threading
from dataclasses import dataclass, field
from functools import cache

from careerplanner.analysis.skill_match import NameMatcher
from careerplanner.analysis.word_lists import common_words
from careerplanner.core.collector import paused_collector
from careerplanner.core.gap import ONET_IMPORTANT, Requirement, SkillLevels, weight_from_importance
from careerplanner.core.skills import normalise
from careerplanner.importers.datasets.postings import is_broad_role
from careerplanner.paths import bundled_data_path
from careerplanner.services.index_cache import cached_index
from careerplanner.services.levels import user_levels
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import active_dataset_id, active_versions
from careerplanner.store.market.occupations import (
    Rating,
    Requirements,
    Technology,
    all_occupations,
    all_requirements,
    all_technologies,
    postings_roles_by_occupation,
)
from careerplanner.store.market.postings import postings_roles, postings_skills
from careerplanner.store.market.renames import older_keys
from careerplanner.store.market.technologies import technology_names

OCCUPATION_SKILLS_FILE = "occupation_skills.csv"
POSTINGS_PREFIX = "postings:"  # the code of a postings role ("postings:data scientist")
_WORDS = re.compile(r"[a-z0-9]{4,}")
STEM_LETTERS = 6
ESCO_LEVEL = 2  # ESCO says a skill is essential, not how deep: working knowledge
ESCO_TOTAL_WEIGHT = 3.0  # the ESCO essentials of a role together weigh this much
ESCO_MAX_WEIGHT = 0.5  # and one of them at most this
CORE_TOOL_SHARE = 0.5  # listed by at least this share of the family: a core tool, L3
MIN_ROLE_POSTINGS = 10  # a postings role with fewer postings says too little to rank
POSTINGS_MIN_SHARE = 0.05  # a skill fewer postings ask for is not a requirement of the role
POSTINGS_MAX_REQUIREMENTS = 40
NEAREST_OCCUPATIONS = 12  # the occupations a rating estimate is read from
ESTIMATE_QUANTILE = 0.75


@dataclass(frozen=True)
class RoleRequirements:
    code: str
    title: str
    requirements: tuple[Requirement, ...]
    note: str  # where the requirements come from (postings, a borrowed occupation, ...)
    source: str = "onet"  # onet | postings


# -- the bundled ESCO skills of each occupation --------------------------------------------------


@dataclass(frozen=True)
class EscoSkills:
    occupations: tuple[str, ...]  # the ESCO occupations matched by title
    essential: tuple[str, ...]
    optional: tuple[str, ...]
    words: frozenset[str] = frozenset()  # the words of all its ESCO skill labels


@cache
def occupation_skills() -> dict[str, EscoSkills]:
    """O*NET code -> its ESCO occupations' skills (data/occupation_skills.csv)."""
    found: dict[str, dict] = {}
    path = bundled_data_path(OCCUPATION_SKILLS_FILE)
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines):
            entry = found.setdefault(row["code"], {})
            if row["relation"] == "words":
                entry["words"] = frozenset(row["skills"].split())
                continue
            entry.setdefault("esco", tuple(row["esco"].split("|")))
            entry[row["relation"]] = tuple(name for name in row["skills"].split("|") if name)
    return {
        code: EscoSkills(
            e.get("esco", ()),
            e.get("essential", ()),
            e.get("optional", ()),
            e.get("words", frozenset()),
        )
        for code, e in found.items()
    }


# -- every occupation, read once per dataset version ---------------------------------------------


@dataclass
class MarketIndex:
    """Every occupation's ratings, technologies and ESCO skills, and which occupations each
    skill name points to. Built in one pass (~1 s) and kept per installed version."""

    versions: tuple
    titles: dict[str, str]
    ratings: dict[str, Requirements]
    technologies: dict[str, list[Technology]]
    matcher: NameMatcher
    esco: dict[str, EscoSkills]
    occupations_of_form: dict[str, tuple[str, ...]] = field(default_factory=dict)
    occupations_of_word: dict[str, tuple[str, ...]] = field(default_factory=dict)
    family_share: dict[tuple[str, str], float] = field(default_factory=dict)
    family_size: dict[str, int] = field(default_factory=dict)
    depths: dict[str, dict[str, int]] = field(default_factory=dict)  # code -> rating -> depth
    rating_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> name, domain
    renamed: dict[str, list[str]] = field(default_factory=dict)
    needs: dict[tuple[str, bool], RoleRequirements | None] = field(default_factory=dict)
    # From the disk cache: each occupation's ratings and technologies as JSON text, read on
    # first use (a gap needs one occupation's, not the 68k ratings of all of them).
    rating_rows: dict[str, str] = field(default_factory=dict)
    technology_rows: dict[str, str] = field(default_factory=dict)
    esco_rows: dict[str, str] = field(default_factory=dict)

    def esco_of(self, code: str) -> EscoSkills | None:
        """The ESCO skills of the occupation (data/occupation_skills.csv), if it has any."""
        found = self.esco.get(code)
        if found is None and code in self.esco_rows:
            occupations, essential, optional, words = json.loads(self.esco_rows[code])
            found = self.esco[code] = EscoSkills(
                tuple(occupations), tuple(essential), tuple(optional), frozenset(words)
            )
        return found

    def rated(self, code: str) -> Requirements:
        """The occupation's O*NET ratings (own or borrowed)."""
        found = self.ratings.get(code)
        if found is None and code in self.rating_rows:
            source, title, basis, rows = json.loads(self.rating_rows[code])
            found = self.ratings[code] = Requirements(
                code, [Rating(f"onet:{row[0]}", *row) for row in rows], source, title, basis
            )
        return found if found is not None else Requirements(code)

    def technologies_of(self, code: str) -> list[Technology]:
        """The technologies O*NET lists for the occupation."""
        found = self.technologies.get(code)
        if found is None and code in self.technology_rows:
            found = self.technologies[code] = [
                Technology(*row) for row in json.loads(self.technology_rows[code])
            ]
        return found if found is not None else []

    def forms(self, name: str, key: str = "") -> tuple[str, ...]:
        return self.matcher.forms(name, key)


def family(code: str) -> str:
    """The SOC minor group of an O*NET code ("15-1252.00" -> "15-12")."""
    return code[:5]


_MATCHERS: dict[tuple, NameMatcher] = {}


def technology_matcher(market_db: Database) -> NameMatcher:
    """Name forms for the active O*NET version's technologies (cached per version)."""
    dataset_id = active_dataset_id(market_db, "onet")
    row = market_db.execute("PRAGMA database_list").fetchone()
    cache_key = (row[2] or str(id(market_db)), dataset_id)
    matcher = _MATCHERS.get(cache_key)
    if matcher is None:
        names = technology_names(market_db, dataset_id) if dataset_id is not None else []
        matcher = _MATCHERS[cache_key] = NameMatcher.for_names(names)
    return matcher


_INDEX: dict[tuple, MarketIndex] = {}
# One build at a time: a screen asking while a worker builds (the Start screen's ranking, at
# start-up) waits for that build instead of making a second one beside it.
_INDEX_LOCK = threading.Lock()


def market_index(market_db: Database) -> MarketIndex:
    """The index of the active versions (kept: an installed version never changes)."""
    row = market_db.execute("PRAGMA database_list").fetchone()
    key = (row[2] or str(id(market_db)), active_versions(market_db))
    with _INDEX_LOCK:
        found = _INDEX.get(key)
        if found is None:
            _INDEX.clear()  # one set of versions at a time: the index holds ~10 MB
            # Building or reading the index makes hundreds of thousands of objects and no
            # cycles: the cyclic collector would only rescan them (a seventh of the build).
            with paused_collector():
                found = _INDEX[key] = cached_index(
                    market_db,
                    lambda: _build_index(market_db, key),
                    _index_state,
                    lambda state: _index_from_state(state, key),
                )
    return found


def _build_index(market_db: Database, versions: tuple) -> MarketIndex:
    onet_id = active_dataset_id(market_db, "onet")
    index = MarketIndex(
        versions,
        all_occupations(market_db) if onet_id is not None else {},
        all_requirements(market_db) if onet_id is not None else {},
        all_technologies(market_db) if onet_id is not None else {},
        technology_matcher(market_db),
        occupation_skills(),
    )
    occupations_of_form: dict[str, set[str]] = {}
    occupations_of_word: dict[str, set[str]] = {}
    listed_in_family: dict[tuple[str, str], int] = {}
    for code in index.titles:
        index.family_size[family(code)] = index.family_size.get(family(code), 0) + 1
        forms: set[str] = set()
        keys = set()
        for tech in index.technologies.get(code, ()):
            forms.update(index.forms(tech.name, tech.key))
            keys.add(tech.key)
        for key in keys:
            listed_in_family[family(code), key] = listed_in_family.get((family(code), key), 0) + 1
        esco = index.esco.get(code)
        if esco is not None:
            for name in esco.essential + esco.optional:
                forms.update(index.forms(name))
            for word in esco.words:
                occupations_of_word.setdefault(_stem(word), set()).add(code)
        for form in forms:
            occupations_of_form.setdefault(form, set()).add(code)
        depths = {}
        for rating in index.ratings.get(code, Requirements(code)).ratings:
            if _usable(rating):
                depths[rating.key] = int(rating.depth)
                index.rating_names.setdefault(rating.key, (rating.name, rating.domain))
        index.depths[code] = depths
    index.occupations_of_form = {
        form: tuple(sorted(codes)) for form, codes in occupations_of_form.items()
    }
    index.occupations_of_word = {
        word: tuple(sorted(codes)) for word, codes in occupations_of_word.items()
    }
    index.family_share = {
        (fam, key): count / index.family_size[fam] for (fam, key), count in listed_in_family.items()
    }
    in_demand = {
        tech.key for techs in index.technologies.values() for tech in techs if tech.in_demand
    }
    index.renamed = older_keys(market_db, sorted(in_demand)) if in_demand else {}
    return index


def _index_state(index: MarketIndex) -> dict:
    """The index as JSON-ready data (`services.index_cache` keeps it on disk); the lazily
    filled `needs` are left out."""
    return {
        "titles": index.titles,
        # Each occupation's as one JSON text: parsed only when that occupation is asked for.
        "ratings": {
            code: _json(
                [
                    rated.source_code,
                    rated.source_title,
                    rated.basis,
                    [_fields(rating)[1:] for rating in rated.ratings],  # [0] is "onet:" + [1]
                ]
            )
            for code, rated in index.ratings.items()
        },
        "technologies": {
            code: _json([_fields(tech) for tech in techs])
            for code, techs in index.technologies.items()
        },
        "vendors": sorted(index.matcher.vendors),
        # The name forms the build derived (every technology and ESCO skill): deriving them
        # is half the build's time.
        "forms": [[name, key, forms] for (name, key), forms in index.matcher._cache.items()],
        "esco": {
            code: _json([esco.occupations, esco.essential, esco.optional, sorted(esco.words)])
            for code, esco in index.esco.items()
        },
        "occupations_of_form": index.occupations_of_form,
        "occupations_of_word": index.occupations_of_word,
        "family_share": [[fam, key, share] for (fam, key), share in index.family_share.items()],
        "family_size": index.family_size,
        "depths": index.depths,
        "rating_names": index.rating_names,
        "renamed": index.renamed,
    }


def _json(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def _fields(record: Rating | Technology) -> list:
    """A record's fields in order: the constructor takes them back (`Rating(*fields)`).
    (Its __dict__ holds them in that order: 10x quicker than `dataclasses.astuple`.)"""
    return list(record.__dict__.values())


def _index_from_state(state: dict, versions: tuple) -> MarketIndex:
    """The index `_index_state` wrote (the JSON lists back as tuples and frozensets); a
    TypeError for a state of another shape (the cache then builds again)."""
    for part in ("ratings", "technologies", "esco"):
        if not all(isinstance(text, str) for text in state[part].values()):
            raise TypeError(f"{part} are not JSON texts")
    matcher = NameMatcher(frozenset(state["vendors"]), frozenset(common_words()))
    matcher._cache.update(((name, key), tuple(forms)) for name, key, forms in state["forms"])
    return MarketIndex(
        versions,
        state["titles"],
        {},
        {},
        matcher,
        {},
        {form: tuple(codes) for form, codes in state["occupations_of_form"].items()},
        {word: tuple(codes) for word, codes in state["occupations_of_word"].items()},
        {(fam, key): share for fam, key, share in state["family_share"]},
        state["family_size"],
        state["depths"],
        {key: tuple(pair) for key, pair in state["rating_names"].items()},
        state["renamed"],
        rating_rows=state["ratings"],
        technology_rows=state["technologies"],
        esco_rows=state["esco"],
    )


def _usable(rating: Rating) -> bool:
    return (
        rating.importance is not None
        and rating.level is not None
        and not rating.recommend_suppress
        and not rating.not_relevant
    )


# -- an occupation's requirements ----------------------------------------------------------------


def rating_requirement(rating: Rating) -> Requirement | None:
    """An important, trustworthy O*NET rating as a gap requirement (None otherwise)."""
    if not _usable(rating) or rating.depth is None or rating.importance < ONET_IMPORTANT:
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
    )


def technology_weight(share: float) -> tuple[int, float]:
    """(required depth, weight) of an In Demand technology listed by `share` of the family."""
    level = 3 if share >= CORE_TOOL_SHARE else 2
    return level, round(0.3 + 0.6 * share, 4)


def occupation_needs(
    index: MarketIndex, code: str, all_technologies: bool = False
) -> RoleRequirements | None:
    """What an O*NET occupation most needs (see the module text); `all_technologies` counts
    every technology O*NET lists for it (at the weight its centrality gives). Kept on the
    index: the ranking asks for every occupation each time the user's data change."""
    key = (code, all_technologies)
    if key not in index.needs:
        index.needs[key] = _occupation_needs(index, code, all_technologies)
    return index.needs[key]


def _occupation_needs(
    index: MarketIndex, code: str, all_technologies: bool
) -> RoleRequirements | None:
    title = index.titles.get(code)
    if title is None:
        return None
    rated = index.rated(code)
    result = [req for req in map(rating_requirement, rated.ratings) if req is not None]
    result += _esco_requirements(index, code)
    result += _technology_requirements(index, code, all_technologies)
    notes = [rated.note] if rated.note else []
    esco = index.esco_of(code)
    if esco is not None and esco.essential:
        notes.append(f"ESCO essential skills of: {', '.join(esco.occupations)}.")
    return RoleRequirements(code, title, tuple(result), " ".join(notes))


def _esco_requirements(index: MarketIndex, code: str) -> list[Requirement]:
    esco = index.esco_of(code)
    if esco is None or not esco.essential:
        return []
    weight = round(min(ESCO_MAX_WEIGHT, ESCO_TOTAL_WEIGHT / len(esco.essential)), 4)
    techs = {normalise(tech.name) for tech in index.technologies_of(code)}
    result = []
    for name in esco.essential:
        if normalise(name) in techs:
            continue  # O*NET lists it as a technology already
        result.append(
            Requirement(
                skill_key=f"esco-skill:{normalise(name)}",
                skill_name=name,
                required_level=ESCO_LEVEL,
                weight=weight,
                note=f"ESCO essential skill, 1 of {len(esco.essential)} (depth estimated)",
                kind="esco",
                forms=index.forms(name),
            )
        )
    return result


def _technology_requirements(
    index: MarketIndex, code: str, all_technologies: bool
) -> list[Requirement]:
    techs = index.technologies_of(code)
    flagged = any(tech.in_demand is not None for tech in techs)
    fam = family(code)
    result = []
    seen: set[str] = set()
    for tech in techs:
        # Releases before the In Demand flag: Hot is the nearest sign of demand.
        wanted = tech.in_demand if flagged else tech.hot
        if tech.key in seen or not (wanted or all_technologies):
            continue
        seen.add(tech.key)
        share = index.family_share.get((fam, tech.key), 0.0)
        level, weight = technology_weight(share)
        if not wanted:
            level, weight = 2, round(weight / 3, 4)  # listed, not in demand: a minor tool
        forms = set(index.forms(tech.name, tech.key))
        forms.update(old.split(":", 1)[-1] for old in index.renamed.get(tech.key, ()))
        listed = round(share * index.family_size.get(fam, 1))
        flag = "In Demand" if tech.in_demand else ("Hot" if tech.hot else "listed")
        result.append(
            Requirement(
                skill_key=tech.key,
                skill_name=tech.name,
                required_level=level,
                weight=weight,
                note=(
                    f"O*NET technology {flag}; listed for {listed} of the "
                    f"{index.family_size.get(fam, 1)} occupations of its family (depth estimated)"
                ),
                kind="technology",
                forms=tuple(sorted(forms)),
                group=tech.commodity_title,
            )
        )
    return result


# -- a postings role's requirements --------------------------------------------------------------


def postings_needs(
    market_db: Database, index: MarketIndex, role: str, code: str = "", title: str = ""
) -> RoleRequirements | None:
    """A postings role's requirements: each skill asked for by at least `POSTINGS_MIN_SHARE` of
    its postings, weighted by that share, at the median depth the postings ask for."""
    dataset_id = active_dataset_id(market_db, "postings")
    if dataset_id is None:
        return None
    skills = [
        skill
        for skill in postings_skills(market_db, dataset_id, role)
        if skill.demand_rate >= POSTINGS_MIN_SHARE
    ]
    if not skills:
        return None
    skills.sort(key=lambda skill: (-skill.demand_rate, skill.skill_name.casefold()))
    jobs = max(skill.jobs for skill in skills)
    result = tuple(
        Requirement(
            skill_key=skill.skill_key,
            skill_name=skill.skill_name,
            required_level=max(1, min(5, round(skill.depth_median))),
            weight=round(skill.demand_rate, 4),
            note=(
                f"{skill.demand_rate:.0%} of {skill.jobs} postings ask for it; median depth "
                f"L{skill.depth_median:g}"
            ),
            kind="technology",
            forms=index.forms(skill.skill_name, skill.skill_key),
        )
        for skill in skills[:POSTINGS_MAX_REQUIREMENTS]
    )
    note = f"From {jobs} job postings for “{role}” in the active postings dataset."
    return RoleRequirements(code or POSTINGS_PREFIX + role, title or role, result, note, "postings")


def postings_role_for(market_db: Database, code: str) -> str | None:
    """The postings role that covers occupation `code` (enough postings), or None."""
    for match in postings_roles_by_occupation(market_db).get(code, ()):
        if match.figures.jobs >= MIN_ROLE_POSTINGS:
            return match.role
    return None


def ranked_postings_roles(market_db: Database) -> list[str]:
    """The roles of the active postings dataset with enough postings to rank: jobs, not the
    broad categories kept beside them ("All jobs in ...", which no one applies for)."""
    dataset_id = active_dataset_id(market_db, "postings")
    if dataset_id is None:
        return []
    return [
        figures.role
        for figures in postings_roles(market_db, dataset_id)
        if figures.role and figures.jobs >= MIN_ROLE_POSTINGS and not is_broad_role(figures.role)
    ]


# -- the user's level in a rating, estimated ------------------------------------------------------


@dataclass(frozen=True)
class Affinity:
    """How much of the user's work an occupation's skill lists name, and through which skills."""

    code: str
    score: float
    skills: tuple[tuple[str, float], ...]  # (profile key, contribution), largest first


def occupation_affinities(index: MarketIndex, levels: SkillLevels) -> list[Affinity]:
    """Occupations whose technologies or ESCO skills name the user's skills, closest first.

    Each profile skill adds to every occupation listing it: its level times its specificity
    (log of how rare it is among occupations: a skill of three occupations says more than one
    of five hundred)."""
    forms_of: dict[str, set[str]] = {}
    for form, key in getattr(levels, "by_form", {}).items():
        forms_of.setdefault(key, set()).add(form)
    names = getattr(levels, "names", {})
    total = max(1, len(index.titles))
    scores: dict[str, float] = {}
    parts: dict[str, dict[str, float]] = {}
    for key, level in levels.items():
        if key.startswith("onet:") or int(level) < 1:
            continue
        forms = set(forms_of.get(key, ()))
        forms.update(index.forms(names.get(key, key.split(":", 1)[-1]), key))
        codes: set[str] = set()
        for form in forms:
            codes.update(index.occupations_of_form.get(form, ()))
        if codes:
            weighted = {code: int(level) * _specificity(total, len(codes)) for code in codes}
        else:
            weighted = _by_words(index, names.get(key, key.split(":", 1)[-1]), int(level))
        for code, weight in weighted.items():
            if weight > 0:
                scores[code] = scores.get(code, 0.0) + weight
                parts.setdefault(code, {})[key] = weight
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [
        Affinity(
            code,
            score,
            tuple(sorted(parts[code].items(), key=lambda item: (-item[1], item[0]))),
        )
        for code, score in ranked
    ]


def named_use(index: MarketIndex, rows) -> float:
    """`occupation_affinities`' measure for a role known only by its requirements (a postings
    role no occupation covers): the user's skills its requirements name, each at its level
    times its specificity among occupations."""
    total = max(1, len(index.titles))
    score = 0.0
    for row in rows:
        if row.is_rating_row or row.estimated or row.your_level <= 0 or not row.rated:
            continue
        codes: set[str] = set()
        for form in index.forms(row.skill_name, row.skill_key):
            codes.update(index.occupations_of_form.get(form, ()))
        score += row.your_level * _specificity(total, len(codes))
    return score


def _stem(word: str) -> str:
    """A word's first six letters: "sterile", "sterilise" and "sterilisation" alike."""
    return word[:STEM_LETTERS]


def _specificity(total: int, listed_by: int) -> float:
    return math.log((total + 1) / (listed_by + 1))


def _by_words(index: MarketIndex, name: str, level: int) -> dict[str, float]:
    """A skill no list names ("Cholera Management"): the occupations whose ESCO skill labels
    share its words, each word weighed by its rarity, at half the weight of a named match
    (a shared word is weaker evidence than a shared skill)."""
    total = max(1, len(index.titles))
    result: dict[str, float] = {}
    words = {_stem(word) for word in _WORDS.findall(name.casefold())}
    for word in words:
        codes = index.occupations_of_word.get(word)
        if not codes or len(codes) > total // 4:
            continue  # "management", "analysis": words of every trade
        weight = level * _specificity(total, len(codes)) / (2 * len(words))
        for code in codes:
            result[code] = result.get(code, 0.0) + weight
    return result


def _weighted_quantile(values: list[tuple[int, float]], quantile: float) -> int:
    ordered = sorted(values)
    total = sum(weight for _value, weight in ordered)
    running = 0.0
    for value, weight in ordered:
        running += weight
        if running >= quantile * total:
            return value
    return ordered[-1][0]


def estimate_ratings(index: MarketIndex, levels: SkillLevels) -> dict[str, tuple[int, str]]:
    """Rating key -> (estimated level, "estimated from your …") for every rating the nearest
    occupations to the user's skills are rated in; empty when no skill points anywhere."""
    nearest = [a for a in occupation_affinities(index, levels) if index.depths.get(a.code)]
    nearest = nearest[:NEAREST_OCCUPATIONS]
    if not nearest:
        return {}
    names = getattr(levels, "names", {})
    evidence: dict[str, float] = {}
    for affinity in nearest:
        for key, part in affinity.skills:
            evidence[key] = evidence.get(key, 0.0) + part
    top_skills = sorted(evidence, key=lambda key: (-evidence[key], key))
    deepest = max(int(levels.get(key, 0)) for key in top_skills)
    shown = ", ".join(f"{names.get(key, key)} L{int(levels.get(key, 0))}" for key in top_skills[:3])
    more = f" and {len(top_skills) - 3} more" if len(top_skills) > 3 else ""
    like = ", ".join(index.titles[a.code] for a in nearest[:2])
    sentence = f"estimated from your {shown}{more} (the work of {like}, …)"
    by_rating: dict[str, list[tuple[int, float]]] = {}
    for affinity in nearest:
        for key, depth in index.depths[affinity.code].items():
            by_rating.setdefault(key, []).append((depth, affinity.score))
    return {
        key: (min(deepest + 1, _weighted_quantile(values, ESTIMATE_QUANTILE)), sentence)
        for key, values in by_rating.items()
    }


def with_estimates(index: MarketIndex, levels: SkillLevels) -> SkillLevels:
    """`levels` with the rating estimates attached (core.gap reads them for unrated ratings)."""
    result = levels.copy()
    result.estimates = estimate_ratings(index, levels)
    return result


def estimated_levels(user_db: Database, market_db: Database) -> SkillLevels:
    """The levels that count (`services.levels.user_levels`) with the rating estimates,
    computed again only when the levels or the active datasets change, and kept on the user
    connection: a roadmap step or a note changes the data but not the levels, and must not pay
    for new estimates. With no skills at all nothing is estimated, and the market-wide index
    is not built."""
    levels = user_levels(user_db)
    if not levels:
        return levels
    version = (
        tuple(sorted(levels.items())),
        tuple(sorted(levels.names.items())),
        active_versions(market_db),
    )
    cached = user_db.__dict__.get("_careerplanner_estimates")
    if cached is None or cached[0] != version:
        cached = user_db.__dict__["_careerplanner_estimates"] = (
            version,
            with_estimates(market_index(market_db), levels),
        )
    return cached[1].copy()
