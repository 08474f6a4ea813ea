"""Whether a few skill keys are among the active datasets' skills, without the whole vocabulary.

`store.market.terms.skill_terms` reads and folds every name of the active O*NET and ESCO versions
(a quarter of a second, once per process). A command that shows one goal only needs to know
whether its skill is still listed. The keys of O*NET's technologies and of its Skills and
Knowledge ratings are looked up directly. An ESCO skill is a term only when its label names no
technology, which takes every technology's name to tell, so for an ESCO key the answer is
"ask `skill_terms`".
"""

from __future__ import annotations

from collections.abc import Iterable

from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import active_dataset

ESCO_PREFIX = "esco:"  # `core.skills.skill_key("esco", label)`
RATING_PREFIX = "onet:"  # O*NET Skills and Knowledge elements, by element id


def listed_skill_keys(db: Database, keys: Iterable[str]) -> set[str] | None:
    """The keys among `keys` that `skill_terms(db)` lists, or None when telling takes the
    whole vocabulary: an ESCO key, or no active O*NET version with technologies (then the
    vocabulary may be empty, which means "no dataset" to the roadmap)."""
    onet = active_dataset(db, "onet")
    if onet is None or not _has_technologies(db, onet.id):
        return None
    listed = set()
    for key in keys:
        if _technology_listed(db, onet.id, key):
            listed.add(key)
        elif key.startswith(ESCO_PREFIX):
            return None
        elif key.startswith(RATING_PREFIX) and _rating_listed(
            db, onet.id, key[len(RATING_PREFIX) :]
        ):
            listed.add(key)
    return listed


def _has_technologies(db: Database, dataset_id: int) -> bool:
    row = db.execute(
        "SELECT 1 FROM onet_tech_skill WHERE dataset_id = ? LIMIT 1", [dataset_id]
    ).fetchone()
    return row is not None


def _technology_listed(db: Database, dataset_id: int, key: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM onet_tech_skill WHERE dataset_id = ? AND skill_key = ? LIMIT 1",
        [dataset_id, key],
    ).fetchone()
    return row is not None


def _rating_listed(db: Database, dataset_id: int, element_id: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM onet_rating WHERE dataset_id = ? AND element_id = ? LIMIT 1",
        [dataset_id, element_id],
    ).fetchone()
    return row is not None
