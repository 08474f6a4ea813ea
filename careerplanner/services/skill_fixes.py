"""The user's corrections to the skill reader, shared by the command line and the Profile screen.

A skill the reader missed is added under the key the active dataset gives that name (so the gap
and the roadmap see it as the same skill the market asks for); a name the dataset does not know
is kept as the user's own skill (`custom:<name>`). Marking a found skill "not a skill" keeps it
out of the profile across re-imports. Both are kept in the JSON backup and the plain copy, which
read every table of the user's database.
"""

from __future__ import annotations

from careerplanner.analysis.text import fold_in_place
from careerplanner.core.skills import normalise, skill_key
from careerplanner.services.resume_import import resume_finder
from careerplanner.store.connection import Database
from careerplanner.store.user.profile import UserSkill, add_skill, reject_skill, unreject_skill
from careerplanner.store.user.progress import record_skill_levels


def resolve_skill(finder, name: str) -> tuple[str, str, bool]:
    """(key, display name, in the dataset) for a skill name the user typed."""
    text = " ".join(name.split())
    spans = finder.find_spans(text, fold_in_place(text))
    for start, end, key, canonical in spans:
        if (start == 0 and end == len(text)) or normalise(canonical) == normalise(text):
            return key, canonical, True
    return skill_key("custom", text), text, False


def add_missed_skill(
    user_db: Database, market_db: Database, name: str, level: int | str, reason: str
) -> UserSkill:
    """Add a skill the reader missed, at the user's level, and record it in the progress."""
    key, canonical, known = resolve_skill(resume_finder(market_db), name)
    skill = add_skill(user_db, key, canonical, level, reason, in_taxonomy=known)
    record_skill_levels(user_db, source="added by you")
    return skill


def mark_not_a_skill(user_db: Database, name: str, reason: str) -> str:
    """Mark a found skill "not a skill"; returns its name."""
    removed = reject_skill(user_db, name, reason)
    record_skill_levels(user_db, source="not a skill")
    return removed


def take_back_not_a_skill(user_db: Database, name: str) -> str:
    return unreject_skill(user_db, name)
