"""The level that counts, read by SQL aggregates (issue 17), is exactly core's rule applied to
whole goals and evidence items, on roadmaps of every shape."""

from __future__ import annotations

import random

from careerplanner.core.roadmap import effective_levels
from careerplanner.store.user.evidence import list_evidence
from careerplanner.store.user.goals import list_goals
from careerplanner.store.user.levels import all_effective_levels, goal_skill_names, skill_names
from careerplanner.store.user.profile import profile_skills
from tests.exports.roadmap_data import open_roadmap_db, write_profile

STAMP = "2026-01-05T10:00:00Z"
STATES = ("pending", "learning", "done", "skipped")


def random_roadmap(db, seed: int) -> None:
    """Goals with steps in every state at uneven levels, and evidence at every level."""
    rng = random.Random(seed)
    keys = [f"technology:skill-{n}" for n in range(12)]
    with db.atomic():
        for goal_id in range(1, 40):
            key = rng.choice(keys)
            start = rng.randint(0, 2)
            db.execute(
                "INSERT INTO roadmap_goal (id, skill_key, skill_name, start_level, target_level,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [goal_id, key, f"Skill {goal_id}", start, rng.randint(start, 5), STAMP, STAMP],
            )
            for position in range(rng.randint(0, 8)):
                db.execute(
                    "INSERT INTO roadmap_step (goal_id, position, title, to_level, state,"
                    " created_at, updated_at) VALUES (?, ?, 'step', ?, ?, ?, ?)",
                    [goal_id, position, rng.randint(1, 5), rng.choice(STATES), STAMP, STAMP],
                )
        for _ in range(60):
            db.execute(
                "INSERT INTO evidence (skill_key, skill_name, level, kind, text, created_at)"
                " VALUES (?, 'x', ?, 'note', 'did it', ?)",
                [rng.choice(keys), rng.randint(1, 5), STAMP],
            )


def test_aggregates_count_what_the_whole_goals_count(tmp_path):
    for seed in range(8):
        db = open_roadmap_db(tmp_path / f"home{seed}")
        write_profile(db, [("technology:skill-1", "Skill 1", 2), ("technology:other", "O", 3)])
        random_roadmap(db, seed)
        profile = {key: level for key, (_name, level) in profile_skills(db).items()}
        expected = effective_levels(profile, list_goals(db), list_evidence(db))
        assert all_effective_levels(db) == expected
        some = {"technology:skill-3", "technology:skill-7", "technology:absent"}
        narrowed = all_effective_levels(db, some)
        for key in some & set(expected):
            assert narrowed[key] == expected[key]
        assert narrowed["technology:absent"].level == 0
        # The newest goal on a skill names it.
        assert goal_skill_names(db) == {g.skill_key: g.skill_name for g in list_goals(db)}
        db.close()


def test_the_names_of_a_few_skills_are_the_names_of_all_of_them(tmp_path):
    db = open_roadmap_db(tmp_path / "home")
    write_profile(db, [("technology:skill-1", "Skill 1", 2), ("technology:other", "O", 3)])
    random_roadmap(db, 3)
    everything = skill_names(db)
    some = {"technology:skill-1", "technology:skill-3", "technology:absent"}
    assert skill_names(db, keys=some) == {k: v for k, v in everything.items() if k in some}
    assert skill_names(db, with_evidence=False, keys=some) == {
        k: v for k, v in skill_names(db, with_evidence=False).items() if k in some
    }
    db.close()
