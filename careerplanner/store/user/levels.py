"""The skills the user has, and the level that counts for each.

A skill is the user's when it is in the profile, on the roadmap or in the evidence ledger. The
level that counts combines the profile's level (the override wins), the highest level reached on
the roadmap and the evidence logged; the rule itself is core's `effective_level`. These reads run
their own narrow SQL instead of loading whole goals and evidence items: it is what they need, and
it lets the goal and evidence writers record the levels they change without a circle of imports.
"""

from __future__ import annotations

from careerplanner.core.roadmap import (
    EffectiveLevel,
    Step,
    StepState,
    effective_level,
    reached_level,
    validate_level,
)
from careerplanner.errors import UserError
from careerplanner.store.connection import Database
from careerplanner.store.user.profile import profile_skills


def checked_level(value, what: str) -> int:
    """`validate_level` with its sentence raised as a UserError."""
    try:
        return validate_level(value, what)
    except ValueError as error:
        raise UserError(str(error)) from None


def skill_names(
    db: Database, with_evidence: bool = True, keys: set[str] | None = None
) -> dict[str, str]:
    """Skill key -> display name of the user's skills: the profile's names first, then the
    roadmap's (oldest goal first), then, `with_evidence`, the evidence ledger's; of the skills
    in `keys` only, when given (a large ledger is not read for one skill's name)."""
    wanted = None if keys is None else sorted(keys)
    names = {
        key: name
        for key, (name, _level) in profile_skills(db).items()
        if wanted is None or key in keys
    }
    where, params = _key_filter(wanted)
    for key, name in db.execute(
        f"SELECT skill_key, skill_name FROM roadmap_goal {where} ORDER BY id", params
    ):
        names.setdefault(key, name)
    if with_evidence:
        for key, name in db.execute(
            f"SELECT skill_key, skill_name FROM evidence {where} ORDER BY id", params
        ):
            names.setdefault(key, name)
    return names


def _key_filter(keys: list[str] | None) -> tuple[str, list[str]]:
    if keys is None:
        return "", []
    return f"WHERE skill_key IN ({', '.join('?' for _ in keys)})", list(keys)


def _reached_levels(db: Database, keys: list[str] | None) -> dict[str, int]:
    """Per skill, the highest level reached on any of its goals (core's `reached_level`).

    Read as one aggregate row per goal and level (is every step finished, is one done?), not
    step by step: a large roadmap has thousands of steps and the rule needs only that."""
    where, params = _key_filter(keys)
    goals = db.execute(
        f"SELECT id, skill_key, start_level, target_level FROM roadmap_goal {where}", params
    ).fetchall()
    levels: dict[int, list[Step]] = {}
    for goal_id, to_level, finished, done in db.execute(
        "SELECT goal_id, to_level, "
        "min(state IN ('done', 'skipped')), max(state = 'done') FROM roadmap_step "
        f"WHERE goal_id IN (SELECT id FROM roadmap_goal {where}) GROUP BY goal_id, to_level",
        params,
    ):
        # One step stands for the level's group: done when all are finished and one is done.
        state = StepState.DONE if finished and done else StepState.PENDING
        levels.setdefault(goal_id, []).append(Step(None, goal_id, "", to_level, state))
    reached: dict[str, int] = {}
    for goal_id, key, start, target in goals:
        level = reached_level(start, target, levels.get(goal_id, []))
        reached[key] = max(reached.get(key, 0), level)
    return reached


def _evidenced_levels(db: Database, keys: list[str] | None) -> dict[str, list[int]]:
    """Per skill, the highest level its evidence proves (all `effective_level` uses)."""
    where, params = _key_filter(keys)
    return {
        key: [level]
        for key, level in db.execute(
            f"SELECT skill_key, max(level) FROM evidence {where} GROUP BY skill_key", params
        )
    }


def goal_skill_names(db: Database) -> dict[str, str]:
    """Skill key -> the name the newest goal on it gives the skill."""
    return dict(db.execute("SELECT skill_key, skill_name FROM roadmap_goal ORDER BY id"))


def all_effective_levels(db: Database, keys: set[str] | None = None) -> dict[str, EffectiveLevel]:
    """The level that counts for every skill in the profile or on the roadmap (see core), or
    for the skills in `keys` only (a skill in neither counts L0, whatever its evidence)."""
    wanted = None if keys is None else sorted(keys)
    profile = {key: level for key, (_name, level) in profile_skills(db).items()}
    reached = _reached_levels(db, wanted)
    evidenced = _evidenced_levels(db, wanted)
    counted = set(profile) | set(reached)
    return {
        key: effective_level(key, profile.get(key, 0), reached.get(key, 0), evidenced.get(key, []))
        if key in counted
        else EffectiveLevel(key, 0, 0, 0, 0)
        for key in (sorted(counted) if wanted is None else wanted)
    }


def effective_level_of(db: Database, skill_key: str) -> EffectiveLevel:
    """The level that counts for one skill, with the reason: what the profile screen shows."""
    return all_effective_levels(db, {skill_key})[skill_key]
