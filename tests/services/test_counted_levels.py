"""One count of the user's levels for every screen: a level reached on the roadmap counts once
its evidence is logged, in the gap as in the roadmap."""

from __future__ import annotations

from careerplanner.core.roadmap import StepState
from careerplanner.services.levels import user_levels
from careerplanner.store.user.evidence import add_evidence
from careerplanner.store.user.goals import add_goal, get_goal
from careerplanner.store.user.steps import update_step

KEY = "technology:rust"


def finish_every_step(db, goal):
    for step in get_goal(db, goal.id).steps:
        update_step(db, step.id, state=StepState.DONE)


def test_a_reached_level_counts_only_once_evidence_is_logged(data_dir):
    db = data_dir.open_user_db()
    try:
        goal = add_goal(db, KEY, "Rust", 2, start_level=0)
        finish_every_step(db, goal)
        assert user_levels(db).get(KEY, 0) == 0  # reached on the roadmap, no evidence yet

        add_evidence(db, KEY, "Rust", 2, text="Shipped a CLI tool in Rust")
        levels = user_levels(db)
        assert levels[KEY] == 2
        assert levels.names[KEY] == "Rust"
        assert KEY in levels.by_form.values()  # found by name as well as by key
    finally:
        db.close()
