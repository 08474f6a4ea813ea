"""The small reads start-up needs: the active datasets, the profile's size, the target roles.

Kept apart from `ui_queries` (which loads the gap engine and the O*NET queries) so that showing
the window and the start screen reads only what it shows.
"""

from __future__ import annotations

from typing import NamedTuple

from careerplanner.store.connection import Database


# NamedTuples: the start screen reads these, and a dataclass costs ~1 ms more to define.
class DatasetSummary(NamedTuple):
    id: int
    kind: str
    name: str
    version: str

    @property
    def label(self) -> str:
        """The name, with the version when the name does not already carry it."""
        if self.version and self.version not in self.name:
            return f"{self.name} {self.version}"
        return self.name


def table_exists(db: Database, table: str) -> bool:
    # Tables are only created by migrations and never dropped while the app runs, so a table
    # seen once on this database stays: remember it on the object (the gap recompute asks often).
    known = db.__dict__.setdefault("_careerplanner_known_tables", set())
    if table in known:
        return True
    row = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()
    if row is not None:
        known.add(table)
    return row is not None


def active_datasets(market_db: Database) -> list[DatasetSummary]:
    """The active dataset version of each kind, newest import first."""
    if not table_exists(market_db, "dataset"):
        return []
    rows = market_db.execute(
        "SELECT id, kind, name, version FROM dataset WHERE active = 1 ORDER BY imported_at DESC"
    ).fetchall()
    return [DatasetSummary(*row) for row in rows]


def active_dataset_id(market_db: Database, kind: str) -> int | None:
    for dataset in active_datasets(market_db):
        if dataset.kind == kind:
            return dataset.id
    return None


def profile_skill_count(user_db: Database) -> int:
    """How many skills the user's profile holds."""
    if not table_exists(user_db, "user_skill"):
        return 0
    return int(user_db.execute("SELECT count(*) FROM user_skill").fetchone()[0])


def startup_summary(market_db: Database, user_db: Database) -> str:
    """What was loaded, in words: the active market dataset(s) and the profile size."""
    datasets = active_datasets(market_db)
    labels = [f"{d.label} (id {d.id})" for d in datasets]
    market = ", ".join(labels) if labels else "none installed"
    count = profile_skill_count(user_db)
    noun = "skill" if count == 1 else "skills"
    return f"market dataset: {market}, {count} {noun} in profile"


class TargetRole(NamedTuple):
    code: str
    title: str


def target_roles(user_db: Database) -> list[TargetRole]:
    if not table_exists(user_db, "target_role"):
        return []
    rows = user_db.execute("SELECT role_code, title FROM target_role ORDER BY added_at").fetchall()
    return [TargetRole(code, title) for code, title in rows]


def add_target_role(user_db: Database, code: str, title: str, at: str) -> None:
    """Remember a target role (a single-row write; adding it again changes nothing)."""
    with user_db.atomic():
        user_db.execute(
            "INSERT OR IGNORE INTO target_role (role_code, title, added_at) VALUES (?, ?, ?)",
            [code, title, at],
        )


def remove_target_role(user_db: Database, code: str) -> None:
    with user_db.atomic():
        user_db.execute("DELETE FROM target_role WHERE role_code = ?", [code])
