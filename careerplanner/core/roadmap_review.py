"""A light spaced review schedule for skills in progress.

Once a goal is started (a step is learning or done) and until it is complete, the user is asked
to review the skill after growing intervals: 2 days, then 1, 2, 4 and 8 weeks, then every 8 weeks.
Each review counts from the day it was done, so a late review does not pile up overdue ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from careerplanner.core.roadmap import Goal

REVIEW_INTERVALS_DAYS = (2, 7, 14, 28, 56)


def review_interval(review_count: int) -> timedelta:
    """The wait after the `review_count`-th review (0: after starting)."""
    index = min(max(review_count, 0), len(REVIEW_INTERVALS_DAYS) - 1)
    return timedelta(days=REVIEW_INTERVALS_DAYS[index])


def next_review(goal: Goal) -> date | None:
    """The next review date of `goal`, or None when it is not in progress."""
    if not goal.in_progress:
        return None
    base = goal.last_review or goal.started_on
    if base is None:
        return None
    return base + review_interval(goal.review_count)


def upcoming_reviews(goal: Goal, count: int = 3, today: date | None = None) -> list[date]:
    """The next `count` review dates, assuming each review happens on its day.

    With `today`, an overdue review is shown today rather than in the past.
    """
    first = next_review(goal)
    if first is None:
        return []
    if today is not None and first < today:
        first = today
    dates = [first]
    for offset in range(1, count):
        dates.append(dates[-1] + review_interval(goal.review_count + offset))
    return dates


@dataclass(frozen=True)
class DueReview:
    goal: Goal
    due: date
    days_overdue: int


def due_for_review(goals: Iterable[Goal], today: date) -> list[DueReview]:
    """Goals whose next review is today or earlier, most overdue first."""
    due = []
    for goal in goals:
        when = next_review(goal)
        if when is not None and when <= today:
            due.append(DueReview(goal=goal, due=when, days_overdue=(today - when).days))
    return sorted(due, key=lambda item: (-item.days_overdue, item.goal.skill_name))
