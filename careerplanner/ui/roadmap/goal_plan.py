"""Goals from a role's top gaps, planned before they are added: which skills, from which level
to which, by when. The user sees the plan and unticks what they do not want
(`dialogs.ask_goal_plan`); a refusal says why.

Dates are spread by effort: about a quarter per level to climb, and a month later for each goal
ahead of it in priority order (nobody starts five skills on the same day), within 18 months.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from careerplanner.core.gap import RoleGap
from careerplanner.errors import UserError
from careerplanner.store.connection import Database
from careerplanner.store.user.goals import add_goal, list_goals
from careerplanner.ui.roadmap.models import WEEKS_PER_LEVEL

STAGGER_WEEKS = 4  # a month later per goal ahead in priority order
MAX_PLAN_WEEKS = 78
EXTRA_CHOICES = 5  # shown unticked below the proposed ones, to tick instead


class PlannedGoal(NamedTuple):
    skill_key: str
    skill_name: str
    start_level: int
    target_level: int
    target_date: date
    ticked: bool


def plan_goals(gap: RoleGap, db: Database, limit: int, today: date) -> list[PlannedGoal]:
    """The top `limit` requirements still short and not yet on the roadmap, ticked, and a few
    more unticked; raises UserError saying why when there is nothing to add."""
    if not gap.missing:
        raise UserError(f"You already meet every requirement of {gap.role_title} shown.")
    on_roadmap = {goal.skill_key for goal in list_goals(db)}
    open_rows = [row for row in gap.missing if row.skill_key not in on_roadmap]
    if not open_rows:
        raise UserError(f"Your top gaps for {gap.role_title} already have goals on your roadmap.")
    planned = []
    for rank, row in enumerate(open_rows[: limit + EXTRA_CHOICES]):
        weeks = min(WEEKS_PER_LEVEL * max(row.gap, 1) + STAGGER_WEEKS * rank, MAX_PLAN_WEEKS)
        planned.append(
            PlannedGoal(
                row.skill_key,
                row.skill_name,
                row.your_level,
                row.required_level,
                today + timedelta(weeks=weeks),
                rank < limit,
            )
        )
    return planned


def add_planned_goals(db: Database, planned: list[PlannedGoal]) -> list:
    """Add the chosen goals in one transaction; returns them as stored."""
    with db.atomic():
        return [
            add_goal(db, goal.skill_key, goal.skill_name, goal.target_level, goal.target_date)
            for goal in planned
        ]
