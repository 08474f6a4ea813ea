"""The small reads start-up needs: the profile's size and the target roles.

Kept apart from the market pages service (which loads the gap engine and the O*NET queries) so
that showing the window and the start screen reads only what it shows.
"""

from __future__ import annotations

from typing import NamedTuple

from careerplanner.store import stamps
from careerplanner.store.connection import Database


def profile_skill_count(user_db: Database) -> int:
    """How many skills the user's profile holds."""
    return int(user_db.execute("SELECT count(*) FROM user_skill").fetchone()[0])


# A NamedTuple: the start screen reads these, and a dataclass costs ~1 ms more to define.
class TargetRole(NamedTuple):
    code: str
    title: str


def target_roles(user_db: Database) -> list[TargetRole]:
    rows = user_db.execute("SELECT role_code, title FROM target_role ORDER BY added_at").fetchall()
    return [TargetRole(code, title) for code, title in rows]


def add_target_role(user_db: Database, code: str, title: str, at: str | None = None) -> None:
    """Remember a target role, added `at` (default: now); adding it again changes nothing."""
    with user_db.atomic():
        user_db.execute(
            "INSERT OR IGNORE INTO target_role (role_code, title, added_at) VALUES (?, ?, ?)",
            [code, title, at or stamps.now_stamp()],
        )


def remove_target_role(user_db: Database, code: str) -> None:
    with user_db.atomic():
        user_db.execute("DELETE FROM target_role WHERE role_code = ?", [code])
