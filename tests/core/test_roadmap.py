"""Roadmap rules: suggested steps, reached level, progress and the evidence rule."""

from __future__ import annotations

import pytest

from careerplanner.core.levels import TRANSITIONS, Level
from careerplanner.core.roadmap import (
    NOT_IN_DATASET,
    Evidence,
    EvidenceKind,
    Goal,
    StepState,
    dataset_status,
    effective_level,
    effective_levels,
    overall_progress,
    reached_level,
    step_progress,
    suggest_steps,
    validate_level,
)


def goal_with(start, target, states_by_level, key="technology:sql"):
    steps = suggest_steps(start, target)
    for step in steps:
        wanted = states_by_level.get(step.to_level)
        if wanted is not None:
            step.state = wanted
    return Goal(
        id=1, skill_key=key, skill_name="SQL", start_level=start, target_level=target, steps=steps
    )


def test_suggested_steps_follow_the_transitions_of_product_md():
    steps = suggest_steps(1, 3)
    assert [s.to_level for s in steps] == [2, 2, 3, 3]
    titles = [s.title for s in steps]
    assert titles == [*TRANSITIONS[Level.BASIC], *TRANSITIONS[Level.PROFICIENT]]
    assert "personal project" in titles[1]
    assert "Ship work" in titles[3]
    assert all(s.suggested and s.state is StepState.PENDING for s in steps)
    assert [s.position for s in steps] == [0, 1, 2, 3]


@pytest.mark.parametrize("level", range(1, 6))
def test_each_level_transition_has_at_least_one_step(level):
    steps = suggest_steps(level - 1, level)
    assert steps and all(s.to_level == level for s in steps)


def test_no_steps_when_the_target_is_not_above():
    assert suggest_steps(3, 3) == []
    assert suggest_steps(4, 2) == []


def test_bad_levels_are_refused_with_a_sentence():
    with pytest.raises(ValueError, match="L0 to L5"):
        suggest_steps(0, 6)
    with pytest.raises(ValueError, match="L0 to L5"):
        validate_level("expertish")
    assert validate_level("L4") == 4 and validate_level("proficient") == 3


def test_reached_level_climbs_one_finished_transition_at_a_time():
    assert goal_with(1, 4, {}).reached_level == 1
    assert goal_with(1, 4, {2: StepState.DONE}).reached_level == 2
    # L4 done but L3 not finished: the climb stops at L2.
    assert goal_with(1, 4, {2: StepState.DONE, 4: StepState.DONE}).reached_level == 2
    done_all = goal_with(1, 4, {2: StepState.DONE, 3: StepState.DONE, 4: StepState.DONE})
    assert done_all.reached_level == 4 and done_all.complete


def test_a_transition_with_only_skipped_steps_is_not_reached():
    goal = goal_with(1, 3, {2: StepState.SKIPPED})
    assert goal.reached_level == 1
    goal.steps[0].state = StepState.DONE  # one done, one skipped: reached
    assert goal.reached_level == 2


def test_a_transition_whose_steps_were_deleted_stops_the_climb():
    goal = goal_with(1, 3, {2: StepState.DONE, 3: StepState.DONE})
    goal.steps = [s for s in goal.steps if s.to_level != 2]
    assert reached_level(goal.start_level, goal.target_level, goal.steps) == 1


def test_progress_leaves_skipped_steps_out():
    goal = goal_with(0, 2, {})
    goal.steps[0].state = StepState.DONE
    goal.steps[1].state = StepState.SKIPPED
    goal.steps[2].state = StepState.LEARNING
    assert step_progress(goal.steps) == pytest.approx(0.5)
    assert step_progress([]) == 0.0
    other = goal_with(3, 4, {4: StepState.DONE})
    assert overall_progress([goal, other]) == pytest.approx(3 / 4)


def test_in_progress_means_started_and_not_complete():
    assert not goal_with(1, 2, {}).in_progress
    assert goal_with(1, 3, {2: StepState.LEARNING}).in_progress
    assert not goal_with(1, 2, {2: StepState.DONE}).in_progress  # complete


def test_a_roadmap_level_counts_only_once_evidence_is_logged():
    waiting = effective_level(
        "technology:sql", profile_level=2, roadmap_level=4, evidence_levels=[]
    )
    assert waiting.level == 2 and waiting.awaiting_evidence
    assert "counts once evidence for L4 is logged" in waiting.explanation()

    partly = effective_level("technology:sql", 2, 4, [3])
    assert partly.level == 3 and partly.awaiting_evidence

    full = effective_level("technology:sql", 2, 4, [3, 5])
    assert full.level == 4 and not full.awaiting_evidence and full.from_roadmap
    assert "with evidence logged" in full.explanation()


def test_evidence_alone_never_raises_a_level_beyond_the_roadmap():
    assert effective_level("k", 2, 0, [5]).level == 2
    assert effective_level("k", 2, 3, [5]).level == 3


def test_the_profile_level_always_counts():
    item = effective_level("k", profile_level=4, roadmap_level=2, evidence_levels=[])
    assert item.level == 4 and not item.awaiting_evidence
    assert item.explanation() == "L4 from your profile."


def test_effective_levels_cover_profile_and_roadmap_skills():
    goal = goal_with(0, 2, {1: StepState.DONE, 2: StepState.DONE}, key="technology:rust")
    evidence = [Evidence(1, "technology:rust", "Rust", 2, EvidenceKind.LINK, url="https://x")]
    levels = effective_levels({"technology:sql": 3}, [goal], evidence)
    assert set(levels) == {"technology:sql", "technology:rust"}
    assert levels["technology:rust"].level == 2
    assert levels["technology:sql"].level == 3


def test_dataset_status_marks_skills_the_active_dataset_lacks():
    assert dataset_status("technology:moss", {"technology:sql"}) == NOT_IN_DATASET
    assert dataset_status("technology:sql", {"technology:sql"}) == ""
    assert dataset_status("technology:moss", None) == ""


def test_step_state_parse():
    assert StepState.parse(" Done ") is StepState.DONE
    with pytest.raises(ValueError, match="pending, learning, done, skipped"):
        StepState.parse("finished")
