"""Reading the active market data for one occupation: what it requires, its technologies, its pay.

    occupation(db, code) -> Occupation | None
    requirements(db, code) -> Requirements     Skills/Knowledge, with the fallback named
    technologies(db, code) -> list[Technology]
    wages_for(db, code) -> Wages | None        BLS figures joined on the SOC code
    level_anchors(db, element_id) -> [(LV, what that level looks like)]
    postings_roles_for(db, code) -> list[PostingsRole]   postings roles that name the occupation

All read the active version of their kind; pass `dataset_id` to read another version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from careerplanner.core.levels import Level
from careerplanner.core.market import ALL_ROLES, RoleFigures
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import active_dataset
from careerplanner.store.market.levels import onet_level_to_depth
from careerplanner.store.market.postings import postings_roles
from careerplanner.store.market.roles import SENIORITY_WORDS, squash

WAGE_MARKERS = {
    "*": "not available",
    "**": "employment estimate not available",
    "#": "at or above the top of the published range",
    "~": "reported by fewer than 0.5% of establishments",
}


@dataclass(frozen=True)
class Occupation:
    code: str
    title: str
    description: str
    job_zone: int | None


@dataclass(frozen=True)
class Rating:
    """One skill or knowledge area of an occupation: importance (IM 1–5) and level (LV 0–7)."""

    key: str  # "onet:2.A.1.a"
    element_id: str
    name: str
    domain: str  # skill | knowledge
    importance: float | None
    level: float | None
    level_n: int | None
    level_standard_error: float | None
    level_lower_ci: float | None
    level_upper_ci: float | None
    recommend_suppress: bool  # O*NET advises not to rely on this figure (either scale)
    not_relevant: bool

    @property
    def depth(self) -> Level | None:
        """The estimated required depth L0–L5 (see store.market.levels)."""
        if self.level is None:
            return None
        return onet_level_to_depth(self.level, self.not_relevant)


@dataclass(frozen=True)
class Requirements:
    code: str
    ratings: list[Rating] = field(default_factory=list)
    source_code: str | None = None  # set when the ratings are borrowed from another occupation
    source_title: str | None = None
    basis: str | None = None  # related | soc_group

    @property
    def note(self) -> str:
        """What the app says about where the ratings come from."""
        if self.source_code is None:
            return (
                ""
                if self.ratings
                else "O*NET has no Skills or Knowledge ratings for this occupation."
            )
        how = (
            "the closest related occupation"
            if self.basis == "related"
            else "an occupation in the same SOC group"
        )
        return (
            f"O*NET has no Skills or Knowledge ratings for this occupation; showing those of "
            f"{self.source_title} ({self.source_code}), {how}."
        )


@dataclass(frozen=True)
class Technology:
    key: str
    name: str
    commodity_code: int
    commodity_title: str
    hot: bool
    in_demand: bool | None  # None: the release predates the In Demand flag


@dataclass(frozen=True)
class WageFigure:
    value: float | None
    marker: str | None

    @property
    def meaning(self) -> str:
        return WAGE_MARKERS.get(self.marker or "", "")


@dataclass(frozen=True)
class Wages:
    soc: str
    title: str
    figures: dict[str, WageFigure]  # measure (a_median, h_pct90, tot_emp, ...) -> figure
    annual_only: bool
    hourly_only: bool


def _dataset_id(db: Database, kind: str, dataset_id: int | None) -> int | None:
    if dataset_id is not None:
        return dataset_id
    active = active_dataset(db, kind)
    return active.id if active else None


def occupation(db: Database, code: str, dataset_id: int | None = None) -> Occupation | None:
    dataset_id = _dataset_id(db, "onet", dataset_id)
    row = db.execute(
        "SELECT o.code, o.title, o.description, z.job_zone FROM onet_occupation o "
        "LEFT JOIN onet_job_zone z ON z.dataset_id = o.dataset_id AND z.code = o.code "
        "WHERE o.dataset_id = ? AND o.code = ?",
        [dataset_id, code],
    ).fetchone()
    return Occupation(*row) if row else None


def _ratings(db: Database, dataset_id: int, code: str) -> list[Rating]:
    by_element: dict[str, dict] = {}
    for (
        element_id,
        name,
        domain,
        scale,
        value,
        n,
        se,
        low,
        high,
        suppress,
        irrelevant,
    ) in db.execute(
        "SELECT element_id, element_name, domain, scale, value, n, standard_error, lower_ci, "
        "upper_ci, recommend_suppress, not_relevant FROM onet_rating "
        "WHERE dataset_id = ? AND code = ? ORDER BY element_id, scale",
        [dataset_id, code],
    ):
        entry = by_element.setdefault(
            element_id,
            {"name": name, "domain": domain, "suppress": False, "irrelevant": False},
        )
        entry["suppress"] = entry["suppress"] or bool(suppress)
        entry["irrelevant"] = entry["irrelevant"] or bool(irrelevant)
        if scale == "IM":
            entry["importance"] = value
        elif scale == "LV":
            entry["level"] = (value, n, se, low, high)
    ratings = []
    for element_id, e in by_element.items():
        level = e.get("level", (None,) * 5)
        ratings.append(
            Rating(
                f"onet:{element_id}",
                element_id,
                e["name"],
                e["domain"],
                e.get("importance"),
                *level,
                recommend_suppress=e["suppress"],
                not_relevant=e["irrelevant"],
            )
        )
    return ratings


def requirements(db: Database, code: str, dataset_id: int | None = None) -> Requirements:
    """The occupation's Skills and Knowledge ratings, or its fallback's (named in `note`)."""
    dataset_id = _dataset_id(db, "onet", dataset_id)
    if dataset_id is None:
        return Requirements(code)
    ratings = _ratings(db, dataset_id, code)
    if ratings:
        return Requirements(code, ratings)
    row = db.execute(
        "SELECT f.source_code, f.basis, o.title FROM onet_rating_fallback f "
        "LEFT JOIN onet_occupation o ON o.dataset_id = f.dataset_id AND o.code = f.source_code "
        "WHERE f.dataset_id = ? AND f.code = ?",
        [dataset_id, code],
    ).fetchone()
    if row is None:
        return Requirements(code)
    source_code, basis, title = row
    return Requirements(code, _ratings(db, dataset_id, source_code), source_code, title, basis)


def technologies(db: Database, code: str, dataset_id: int | None = None) -> list[Technology]:
    """The occupation's technologies, Hot and In Demand ones first."""
    dataset_id = _dataset_id(db, "onet", dataset_id)
    rows = db.execute(
        "SELECT skill_key, example, commodity_code, commodity_title, hot, in_demand "
        "FROM onet_tech_skill WHERE dataset_id = ? AND code = ? "
        "ORDER BY in_demand DESC, hot DESC, example",
        [dataset_id, code],
    ).fetchall()
    return [
        Technology(key, name, cc, ct, bool(hot), None if demand is None else bool(demand))
        for key, name, cc, ct, hot, demand in rows
    ]


def wages_for(db: Database, code: str, dataset_id: int | None = None) -> Wages | None:
    """BLS wages for an O*NET code (15-1252.00 -> SOC 15-1252) or a SOC code."""
    dataset_id = _dataset_id(db, "wages", dataset_id)
    soc = code.split(".", 1)[0]
    row = db.execute(
        "SELECT title, annual_only, hourly_only FROM wage_occupation "
        "WHERE dataset_id = ? AND soc = ?",
        [dataset_id, soc],
    ).fetchone()
    if row is None:
        return None
    figures = {
        measure: WageFigure(value, marker)
        for measure, value, marker in db.execute(
            "SELECT measure, value, marker FROM wage_figure WHERE dataset_id = ? AND soc = ?",
            [dataset_id, soc],
        )
    }
    return Wages(soc, row[0], figures, bool(row[1]), bool(row[2]))


def level_anchors(
    db: Database, element_id: str, dataset_id: int | None = None
) -> list[tuple[float, str]]:
    """O*NET's examples of what a level means for one element: [(2.0, "Count the amount of
    change ..."), (4.0, ...), (6.0, ...)] on the LV scale, lowest first."""
    dataset_id = _dataset_id(db, "onet", dataset_id)
    return db.execute(
        "SELECT anchor_value, description FROM onet_level_anchor "
        "WHERE dataset_id = ? AND element_id = ? AND scale = 'LV' ORDER BY anchor_value",
        [dataset_id, element_id],
    ).fetchall()


@dataclass(frozen=True)
class RelatedRole:
    code: str
    title: str
    tier: str


def related_roles(
    db: Database, code: str, limit: int = 10, dataset_id: int | None = None
) -> list[RelatedRole]:
    """O*NET's related occupations of `code`, most related first."""
    dataset_id = _dataset_id(db, "onet", dataset_id)
    if dataset_id is None:
        return []
    rows = db.execute(
        """SELECT r.related_code, o.title, r.tier FROM onet_related r
           JOIN onet_occupation o ON o.dataset_id = r.dataset_id AND o.code = r.related_code
           WHERE r.dataset_id = ? AND r.code = ? ORDER BY r.rank LIMIT ?""",
        [dataset_id, code, limit],
    ).fetchall()
    return [RelatedRole(*row) for row in rows]


# -- job-postings roles and O*NET occupations -------------------------------------------------

TITLE_SHARED_BY_AT_MOST = 3
"""A postings role counts for an occupation only when its name is an O*NET title of at most this
many occupations: "Data Engineer" (a title of three) does; a title of many says too little about
which occupation the postings are for."""

TITLE_MIN_WORDS = 2
"""One-word roles ("Analyst", "Scientist", "Engineer") name a trade, not an occupation."""

_TITLE_WORD = re.compile(r"[a-z0-9+#]+")
_LIKE_FLAGS = re.ASCII | re.IGNORECASE | re.DOTALL  # SQLite's LIKE: ASCII letters, any case


@dataclass(frozen=True)
class PostingsRole:
    """A postings role ("data scientist") whose name is an O*NET title of the occupation."""

    figures: RoleFigures  # the role's postings figures (n, pay percentiles, seniority)
    matched_title: str  # the occupation's title it equals ("Data Scientist")
    occupations: tuple[str, ...]  # every occupation with that title, the one asked for among them

    @property
    def role(self) -> str:
        return self.figures.role


def _title_words(text: str) -> list[str]:
    """A title's words as `roles.find_roles` compares them: seniority words left out
    ("Senior Data Scientist" and "data scientist" are both data + scientist)."""
    words = _TITLE_WORD.findall(text.casefold())
    return [word for word in words if word not in SENIORITY_WORDS] or words


def postings_roles_for(
    db: Database, code: str, postings_id: int | None = None
) -> list[PostingsRole]:
    """The roles of the active postings dataset that name occupation `code`, most postings first.

    Postings roles are free text. A role belongs to the occupation when the app's title search
    (`roles.find_roles`) would find the occupation for the role's name as an *exact*
    title (score 100: the squashed role equals a squashed occupation, alternate or reported
    title), the name has at least `TITLE_MIN_WORDS` words, and that title names at most
    `TITLE_SHARED_BY_AT_MOST` occupations. The rule is find_roles' own; it is applied here with
    one SQL scan instead of a full title search per role, which cost ~70 ms each.
    """
    postings_id = _dataset_id(db, "postings", postings_id)
    onet_id = _dataset_id(db, "onet", None)
    if postings_id is None or onet_id is None:
        return []
    # Installed versions never change, so the answer is kept per pair of versions.
    cache = db.__dict__.setdefault("_careerplanner_postings_roles", {})
    key = (postings_id, onet_id, code)
    if key not in cache:
        cache[key] = _postings_roles_for(db, code, postings_id, onet_id)
    return list(cache[key])


def _postings_roles_for(
    db: Database, code: str, postings_id: int, onet_id: int
) -> list[PostingsRole]:
    titles = "SELECT code, title FROM onet_occupation WHERE dataset_id = ? {where} UNION "
    titles += "SELECT code, title FROM onet_title WHERE dataset_id = ? {where}"
    own = {
        squash(title): title
        for _code, title in db.execute(
            titles.format(where="AND code = ?"), [onet_id, code, onet_id, code]
        )
    }
    candidates: dict[str, list[RoleFigures]] = {}
    like_patterns: dict[str, str] = {}
    for figures in postings_roles(db, postings_id):
        words = _title_words(figures.role)
        key = "".join(words)
        if figures.role != ALL_ROLES and len(words) >= TITLE_MIN_WORDS and key in own:
            candidates.setdefault(key, []).append(figures)
            like_patterns[key] = "%" + "%".join(words) + "%"
    if not candidates:
        return []
    # Which occupations share each candidate title: LIKE narrows, the squashed form decides.
    patterns = list(like_patterns.values())
    like = "AND (" + " OR ".join("title LIKE ?" for _ in patterns) + ")"
    sharing: dict[str, set[str]] = {key: set() for key in candidates}
    for other, title in db.execute(
        titles.format(where=like), [onet_id, *patterns, onet_id, *patterns]
    ):
        squashed = squash(title)
        if squashed in sharing:
            sharing[squashed].add(other)
    found = [
        PostingsRole(figures, own[key], tuple(sorted(sharing[key])))
        for key, roles in candidates.items()
        if len(sharing[key]) <= TITLE_SHARED_BY_AT_MOST
        for figures in roles
    ]
    return sorted(found, key=lambda match: (-match.figures.jobs, match.role.casefold()))


def occupation_codes(db: Database, dataset_id: int) -> set[str]:
    """Every occupation code of an O*NET dataset version (a new release is compared with it)."""
    rows = db.execute("SELECT code FROM onet_occupation WHERE dataset_id = ?", [dataset_id])
    return {code for (code,) in rows.fetchall()}


# -- every occupation at once (ranking every role) ---------------------------------------------


def all_occupations(db: Database, dataset_id: int | None = None) -> dict[str, str]:
    """Code -> title of every occupation of the active O*NET version."""
    dataset_id = _dataset_id(db, "onet", dataset_id)
    rows = db.execute(
        "SELECT code, title FROM onet_occupation WHERE dataset_id = ? ORDER BY code", [dataset_id]
    )
    return dict(rows.fetchall())


def all_requirements(db: Database, dataset_id: int | None = None) -> dict[str, Requirements]:
    """`requirements(db, code)` for every occupation, read in two queries instead of one per
    occupation: the own ratings where O*NET has them, else the fallback's (named in `note`)."""
    dataset_id = _dataset_id(db, "onet", dataset_id)
    if dataset_id is None:
        return {}
    # One row per rating (its IM and LV scales side by side, pivoted in SQL) made straight
    # into a Rating: a third of the time of gathering the scales in Python dicts.
    ratings: dict[str, list[Rating]] = {}
    for code, element_id, *figures, suppress, irrelevant in db.execute(
        "SELECT code, element_id, min(element_name), min(domain), "
        "max(CASE scale WHEN 'IM' THEN value END), max(CASE scale WHEN 'LV' THEN value END), "
        "max(CASE scale WHEN 'LV' THEN n END), "
        "max(CASE scale WHEN 'LV' THEN standard_error END), "
        "max(CASE scale WHEN 'LV' THEN lower_ci END), "
        "max(CASE scale WHEN 'LV' THEN upper_ci END), "
        "max(recommend_suppress), max(not_relevant) FROM onet_rating "
        "WHERE dataset_id = ? GROUP BY code, element_id ORDER BY code, element_id",
        [dataset_id],
    ):
        ratings.setdefault(code, []).append(
            Rating(f"onet:{element_id}", element_id, *figures, bool(suppress), bool(irrelevant))
        )
    result = {code: Requirements(code, found) for code, found in ratings.items()}
    for code, source_code, basis, title in db.execute(
        "SELECT f.code, f.source_code, f.basis, o.title FROM onet_rating_fallback f "
        "LEFT JOIN onet_occupation o ON o.dataset_id = f.dataset_id AND o.code = f.source_code "
        "WHERE f.dataset_id = ?",
        [dataset_id],
    ):
        if code not in result:
            result[code] = Requirements(
                code, ratings.get(source_code, []), source_code, title, basis
            )
    return result


def all_technologies(db: Database, dataset_id: int | None = None) -> dict[str, list[Technology]]:
    """`technologies(db, code)` for every occupation, in one query."""
    dataset_id = _dataset_id(db, "onet", dataset_id)
    result: dict[str, list[Technology]] = {}
    for code, key, name, cc, ct, hot, demand in db.execute(
        "SELECT code, skill_key, example, commodity_code, commodity_title, hot, in_demand "
        "FROM onet_tech_skill WHERE dataset_id = ? "
        "ORDER BY code, in_demand DESC, hot DESC, example",
        [dataset_id],
    ):
        result.setdefault(code, []).append(
            Technology(key, name, cc, ct, bool(hot), None if demand is None else bool(demand))
        )
    return result


def postings_roles_by_occupation(
    db: Database, postings_id: int | None = None
) -> dict[str, list[PostingsRole]]:
    """`postings_roles_for` for every occupation at once (one scan of the titles instead of
    one per occupation): occupation code -> its postings roles, most postings first."""
    postings_id = _dataset_id(db, "postings", postings_id)
    onet_id = _dataset_id(db, "onet", None)
    if postings_id is None or onet_id is None:
        return {}
    cache = db.__dict__.setdefault("_careerplanner_postings_roles_all", {})
    if (postings_id, onet_id) not in cache:
        cache[postings_id, onet_id] = _postings_roles_by_occupation(db, postings_id, onet_id)
    return cache[postings_id, onet_id]


def _postings_roles_by_occupation(
    db: Database, postings_id: int, onet_id: int
) -> dict[str, list[PostingsRole]]:
    candidates: dict[str, list[RoleFigures]] = {}
    in_order: dict[str, re.Pattern] = {}  # the role's words in order, as SQL's LIKE '%a%b%'
    for figures in postings_roles(db, postings_id):
        words = _title_words(figures.role)
        key = "".join(words)
        if figures.role != ALL_ROLES and len(words) >= TITLE_MIN_WORDS:
            candidates.setdefault(key, []).append(figures)
            in_order[key] = re.compile(".*".join(map(re.escape, words)), _LIKE_FLAGS)
    if not candidates:
        return {}
    # Every title squashed in Python (~0.1 s for 64k titles): one LIKE per postings role in
    # SQL took seconds once a dataset had hundreds of roles. A title also has to carry some
    # role's words in order, as the LIKE asked ("Electrician's Helper" is no title of the
    # role "Electricians Helper").
    patterns = list(in_order.values())
    titled: dict[str, dict[str, str]] = {}  # squashed title -> code -> the title
    for code, title in db.execute(
        "SELECT code, title FROM onet_occupation WHERE dataset_id = ? UNION "
        "SELECT code, title FROM onet_title WHERE dataset_id = ?",
        [onet_id, onet_id],
    ):
        squashed = squash(title)
        if squashed in candidates and (
            in_order[squashed].search(title) or any(p.search(title) for p in patterns)
        ):
            titled.setdefault(squashed, {}).setdefault(code, title)
    found: dict[str, list[PostingsRole]] = {}
    for key, codes in titled.items():
        if len(codes) > TITLE_SHARED_BY_AT_MOST:
            continue
        for code, title in codes.items():
            for figures in candidates[key]:
                found.setdefault(code, []).append(
                    PostingsRole(figures, title, tuple(sorted(codes)))
                )
    for roles in found.values():
        roles.sort(key=lambda match: (-match.figures.jobs, match.role.casefold()))
    return found
