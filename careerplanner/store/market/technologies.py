"""O*NET technologies across occupations: their names, their categories, how widely they are
listed, and finding them by name. (One occupation's technologies: `occupations.technologies`.)

    technology_names(db, dataset_id) -> list[str]
    technology_keys_in(db, dataset_id, categories) -> frozenset[str]
    technology_demand(db, skill_key, dataset_id=None) -> TechnologyDemand | None
    technologies_named_like(db, dataset_id, text, limit) -> [(key, name, occupations)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import active_dataset_id


def technology_names(db: Database, dataset_id: int) -> list[str]:
    """Every technology example name of an O*NET version, each once."""
    return [
        name
        for (name,) in db.execute(
            "SELECT DISTINCT example FROM onet_tech_skill WHERE dataset_id = ?", [dataset_id]
        )
    ]


def occupation_counts(db: Database, dataset_id: int, keys: Iterable[str]) -> dict[str, int]:
    """Technology key -> how many occupations of the version list it (keys none list: absent)."""
    keys = list(keys)
    if not keys:
        return {}
    marks = ", ".join("?" for _ in keys)
    rows = db.execute(
        "SELECT skill_key, count(DISTINCT code) FROM onet_tech_skill "
        f"WHERE dataset_id = ? AND skill_key IN ({marks}) GROUP BY skill_key",
        [dataset_id, *keys],
    ).fetchall()
    return dict(rows)


def technology_keys_in(db: Database, dataset_id: int, categories: Iterable[str]) -> frozenset[str]:
    """The keys of the technologies filed under any of `categories` (UNSPSC commodity titles)."""
    categories = list(categories)
    marks = ",".join("?" * len(categories))
    return frozenset(
        key
        for (key,) in db.execute(
            f"SELECT DISTINCT skill_key FROM onet_tech_skill "
            f"WHERE dataset_id = ? AND commodity_title IN ({marks})",
            [dataset_id, *categories],
        )
    )


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


def technology_demand(
    db: Database, skill_key: str, dataset_id: int | None = None
) -> TechnologyDemand | None:
    """How the O*NET version (the active one by default) lists a technology, None if it does
    not: its occupations, In Demand ones first, then Hot ones."""
    dataset_id = dataset_id if dataset_id is not None else active_dataset_id(db, "onet")
    if dataset_id is None:
        return None
    rows = db.execute(
        """SELECT t.code, o.title, max(t.hot), max(coalesce(t.in_demand, 0)), min(t.example)
           FROM onet_tech_skill t JOIN onet_occupation o
             ON o.dataset_id = t.dataset_id AND o.code = t.code
           WHERE t.dataset_id = ? AND t.skill_key = ? GROUP BY t.code
           ORDER BY max(coalesce(t.in_demand, 0)) DESC, max(t.hot) DESC, o.title""",
        [dataset_id, skill_key],
    ).fetchall()
    if not rows:
        return None
    total = db.execute(
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


def technologies_named_like(
    db: Database, dataset_id: int, text: str, limit: int
) -> list[tuple[str, str, int]]:
    """(key, name, occupations listing it) of technologies whose name contains `text`, most
    widely listed first."""
    return db.execute(
        """SELECT skill_key, min(example), count(DISTINCT code) AS n FROM onet_tech_skill
           WHERE dataset_id = ? AND example LIKE ? GROUP BY skill_key
           ORDER BY n DESC LIMIT ?""",
        [dataset_id, f"%{text}%", limit],
    ).fetchall()
