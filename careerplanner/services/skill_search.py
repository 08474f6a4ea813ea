"""Search as you type over skill names, in memory.

The Market explorer's skill search runs at every pause in typing; a SQL `LIKE` over every
technology and posting skill name costs tens of milliseconds each time, while a filter over
the names held in memory costs a few. The names are read once per version of the market data
(kept on the connection) and give the same answer as `market_pages.find_skills`: (key, name,
where it is found), most widespread first. Matching ignores case, and the typed text is taken
literally (no SQL wildcards).
"""

from __future__ import annotations

from typing import NamedTuple

from careerplanner.store.connection import Database
from careerplanner.store.market import postings
from careerplanner.store.market.datasets import active_dataset_id
from careerplanner.store.market.technologies import technologies_named_like

EVERY_NAME = ""  # `LIKE '%%'`: every row
NO_LIMIT = -1  # SQLite's LIMIT -1: no limit


class _Named(NamedTuple):
    key: str
    name: str
    folded: str
    count: int


class SkillNames:
    """The active technologies and posting skills, each list most widespread first."""

    def __init__(self, market_db: Database) -> None:
        self.technologies = self._read(market_db, "onet", technologies_named_like)
        self.postings = self._read(market_db, "postings", postings.skills_named_like)

    @staticmethod
    def _read(market_db: Database, kind: str, read) -> list[_Named]:
        dataset = active_dataset_id(market_db, kind)
        if dataset is None:
            return []
        rows = read(market_db, dataset, EVERY_NAME, NO_LIMIT)
        return [_Named(key, name, name.casefold(), count) for key, name, count in rows]

    def find(self, text: str, limit: int = 30) -> list[tuple[str, str, str]]:
        words = text.strip().casefold()
        if not words:
            return []
        found: dict[str, tuple[str, str, int]] = {}
        for item in _first(self.technologies, words, limit):
            found[item.key] = (item.name, f"{item.count} occupations", item.count)
        for item in _first(self.postings, words, limit):
            name, where, weight = found.get(item.key, (item.name, "", 0))
            where = f"{where}, {item.count} postings" if where else f"{item.count} postings"
            found[item.key] = (name, where, weight + item.count)
        ranked = sorted(found.items(), key=lambda entry: (-entry[1][2], entry[1][0].casefold()))
        return [(key, name, where) for key, (name, where, _) in ranked[:limit]]


def _first(names: list[_Named], words: str, limit: int) -> list[_Named]:
    matches = []
    for item in names:
        if words in item.folded:
            matches.append(item)
            if len(matches) == limit:
                break
    return matches


def _market_version(market_db: Database) -> tuple[int, int]:
    conn = market_db.conn
    return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes


def skill_names(market_db: Database) -> SkillNames:
    """The names to search, read once per version of the market database."""
    version = _market_version(market_db)
    cached = market_db.__dict__.get("_careerplanner_skill_names")
    if cached is None or cached[0] != version:
        cached = market_db.__dict__["_careerplanner_skill_names"] = (version, SkillNames(market_db))
    return cached[1]


def find_skills_fast(market_db: Database, text: str, limit: int = 30) -> list[tuple[str, str, str]]:
    """`market_pages.find_skills`, from the names in memory."""
    return skill_names(market_db).find(text, limit)
