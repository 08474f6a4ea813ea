"""Finding an O*NET occupation from the job title a person types ("Backend Engineer").

    find_roles(db, query, limit=20) -> list[RoleMatch]

Searches the active O*NET version's occupation titles, Alternate Titles and Sample of Reported
Titles. Titles are compared "squashed" (lower case, only letters, digits, + and #), so "Backend",
"Back End" and "Back-End" are the same; seniority words ("Senior", "Lead", "II") are ignored.
Ranking: the whole query equals a title > a title starts with it > contains it > shares most of
its words; an occupation's own title beats an alternate title at the same score.
The searchable titles are loaded once per dataset version and kept in memory (about 65,000).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import active_dataset

_SENIORITY = "senior sr jr junior lead principal staff head chief entry level mid i ii iii iv"
SENIORITY_WORDS = frozenset(_SENIORITY.split())
_WORD = re.compile(r"[a-z0-9+#]+")
_CODE = re.compile(r"^\d\d-\d{0,4}(\.\d{0,2})?$")


@dataclass(frozen=True)
class RoleMatch:
    code: str
    title: str  # the occupation's title
    matched_title: str  # the title that matched (may be an alternate or reported title)
    source: str  # occupation | alternate | reported | code
    score: float


def squash(text: str) -> str:
    return "".join(_WORD.findall(text.casefold()))


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.casefold()) if w not in SENIORITY_WORDS]


_CACHE: dict[tuple[str, int], tuple[dict[str, str], list[tuple[str, str, str, str]]]] = {}
_OCCUPATIONS: dict[tuple[str, int], tuple[dict[str, str], dict[str, list[str]]]] = {}


def _occupations(db: Database, dataset_id: int):
    """(code -> title, squashed title -> codes) of the occupations' own titles (about 1,000)."""
    key = (db.execute("PRAGMA database_list").fetchone()[2] or str(id(db)), dataset_id)
    cached = _OCCUPATIONS.get(key)
    if cached is None:
        occupations = dict(
            db.execute(
                "SELECT code, title FROM onet_occupation WHERE dataset_id = ?", [dataset_id]
            ).fetchall()
        )
        by_squashed: dict[str, list[str]] = {}
        for code, title in occupations.items():
            by_squashed.setdefault(squash(title), []).append(code)
        cached = _OCCUPATIONS[key] = (occupations, by_squashed)
    return cached


def _titles(db: Database, dataset_id: int):
    key = (db.execute("PRAGMA database_list").fetchone()[2] or str(id(db)), dataset_id)
    cached = _CACHE.get(key)
    if cached is None:
        occupations = _occupations(db, dataset_id)[0]
        entries = [(squash(t), code, t, "occupation") for code, t in occupations.items()]
        entries += [
            (squash(title), code, title, kind)
            for code, title, kind in db.execute(
                "SELECT code, title, kind FROM onet_title WHERE dataset_id = ?", [dataset_id]
            )
        ]
        cached = _CACHE[key] = (occupations, entries)
    return cached


def find_roles(db: Database, query: str, limit: int = 20) -> list[RoleMatch]:
    """The occupations of the active O*NET version that best match `query`, best first."""
    onet = active_dataset(db, "onet")
    if onet is None or not query.strip():
        return []
    text = query.strip()
    if _CODE.match(text):
        return [
            RoleMatch(code, title, title, "code", 100.0)
            for code, title in sorted(_occupations(db, onet.id)[0].items())
            if code.startswith(text)
        ][:limit]
    words = _words(text) or _WORD.findall(text.casefold())
    whole = "".join(words)
    if not whole:
        return []
    if limit == 1:
        exact = _exact_occupation(db, onet.id, whole, words)
        if exact is not None:
            return [exact]
    occupations, entries = _titles(db, onet.id)
    best: dict[str, tuple[float, str, str]] = {}
    for squashed, code, title, source in entries:
        score = _score(squashed, whole, words)
        if score <= 0:
            continue
        if source == "occupation":
            score += 0.5
        if code not in best or score > best[code][0]:
            best[code] = (score, title, source)
    # Among equal matches (many occupations list "Data Analyst" as an alternate title), the one
    # whose own title shares the typed words comes first.
    for code, (score, title, source) in best.items():
        best[code] = (
            score + 0.4 * _shared_words(words, occupations.get(code, title)),
            title,
            source,
        )
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], occupations.get(item[0], "")))
    return [
        RoleMatch(code, occupations.get(code, title), title, source, round(score, 2))
        for code, (score, title, source) in ranked[:limit]
    ]


def _exact_occupation(db: Database, dataset_id: int, whole: str, words: list[str]):
    """The best match when the query is one occupation's own title, without reading the 65,000
    other titles (a gap or a career page asks for the one best match of a title picked from a
    list). It is what the full search ranks first: an own title equal to the query scores
    100.5 and more, any other title at most 100.4."""
    occupations, by_squashed = _occupations(db, dataset_id)
    codes = by_squashed.get(whole, [])
    if len(codes) != 1:
        return None
    title = occupations[codes[0]]
    score = 100.5 + 0.4 * _shared_words(words, title)
    return RoleMatch(codes[0], title, title, "occupation", round(score, 2))


def _shared_words(words: list[str], title: str) -> float:
    """The share of `words` found in `title`'s words, singular or plural ("analyst(s)")."""
    own = {w.removesuffix("s") for w in _words(title)}
    return sum(w.removesuffix("s") in own for w in words) / len(words) if words else 0.0


def _score(squashed: str, whole: str, words: list[str]) -> float:
    if squashed == whole:
        return 100.0
    if whole in squashed:
        tightness = len(whole) / len(squashed)
        return (70.0 if squashed.startswith(whole) else 60.0) + 20 * tightness
    found = [w for w in words if w in squashed]
    if not found or len(found) * 2 < len(words):
        return 0.0
    covered = sum(len(w) for w in found)
    return 40.0 * len(found) / len(words) + 10 * covered / len(squashed)
