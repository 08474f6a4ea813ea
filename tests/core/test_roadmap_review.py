"""The light spaced review schedule and "due for review"."""

from __future__ import annotations

from datetime import date, timedelta

from careerplanner.core.roadmap import Goal, StepState, suggest_steps
from careerplanner.core.roadmap_review import (
    REVIEW_INTERVALS_DAYS,
    due_for_review,
    next_review,
    review_interval,
    upcoming_reviews,
)

START = date(2026, 3, 2)


def started_goal(name="SQL", reviews=0, last=None, started=START):
    steps = suggest_steps(1, 3)
    steps[0].state = StepState.LEARNING
    return Goal(
        1,
        f"technology:{name.lower()}",
        name,
        3,
        start_level=1,
        steps=steps,
        started_on=started,
        review_count=reviews,
        last_review=last,
    )


def test_intervals_grow_then_stay_at_the_longest():
    waits = [review_interval(n).days for n in range(8)]
    assert waits[: len(REVIEW_INTERVALS_DAYS)] == list(REVIEW_INTERVALS_DAYS)
    assert waits == sorted(waits)
    assert waits[-1] == REVIEW_INTERVALS_DAYS[-1]


def test_first_review_counts_from_the_start_then_from_the_last_review():
    assert next_review(started_goal()) == START + timedelta(days=2)
    reviewed = started_goal(reviews=1, last=date(2026, 3, 10))
    assert next_review(reviewed) == date(2026, 3, 17)


def test_goals_not_started_or_complete_have_no_review():
    fresh = Goal(1, "technology:sql", "SQL", 3, start_level=1, steps=suggest_steps(1, 3))
    assert next_review(fresh) is None
    done = started_goal()
    for step in done.steps:
        step.state = StepState.DONE
    assert next_review(done) is None


def test_upcoming_reviews_are_spaced_and_never_in_the_past():
    dates = upcoming_reviews(started_goal(), 3)
    assert dates == [date(2026, 3, 4), date(2026, 3, 11), date(2026, 3, 25)]
    late = upcoming_reviews(started_goal(), 2, today=date(2026, 6, 1))
    assert late == [date(2026, 6, 1), date(2026, 6, 8)]


def test_due_for_review_lists_overdue_first():
    early = started_goal("Rust", started=date(2026, 1, 1))
    recent = started_goal("SQL", started=date(2026, 3, 1))
    future = started_goal("Go", started=date(2026, 3, 20))
    due = due_for_review([recent, future, early], today=date(2026, 3, 10))
    assert [item.goal.skill_name for item in due] == ["Rust", "SQL"]
    assert due[0].days_overdue == (date(2026, 3, 10) - date(2026, 1, 3)).days
    assert due_for_review([future], date(2026, 3, 21)) == []
    assert [d.goal.skill_name for d in due_for_review([future], date(2026, 3, 22))] == ["Go"]
