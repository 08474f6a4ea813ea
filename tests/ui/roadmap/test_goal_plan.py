"""Create goals shows what it will add, lets the user untick, spreads dates by effort, and says
why when it refuses."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from careerplanner.errors import UserError
from careerplanner.store.user.goals import list_goals
from careerplanner.store.user.targets import add_target_role
from careerplanner.ui.roadmap import goal_plan_dialog
from careerplanner.ui.roadmap.goal_plan import plan_goals
from careerplanner.ui.roadmap.goal_plan_dialog import GoalPlanDialog
from careerplanner.ui.roadmap.models import role_gap
from careerplanner.ui.roadmap.view import create_goals_from_top_gaps

TODAY = date(2026, 12, 7)
ROLE = "15-1243.00"


@pytest.fixture
def ctx(market_home, ctx_factory):
    ctx = ctx_factory()
    add_target_role(ctx.user_db, ROLE, "Database Architects", "2026-01-01T00:00:00")
    return ctx


def test_the_plan_proposes_the_top_gaps_with_dates_spread_by_effort(ctx):
    gap = role_gap(ctx.user_db, ctx.market_db, ROLE)
    plan = plan_goals(gap, ctx.user_db, 5, TODAY)
    ticked = [goal for goal in plan if goal.ticked]
    assert len(ticked) == 5 and len(plan) > 5  # more to tick instead
    assert [g.skill_key for g in ticked] == [row.skill_key for row in gap.missing[:5]]
    assert all(g.target_level > g.start_level for g in plan)
    dates = [g.target_date for g in ticked]
    assert len(set(dates)) > 1  # not one shared date
    assert all(day > TODAY for day in dates)


def test_unticked_goals_are_not_added(ctx, qtbot, monkeypatch):
    def untick_two(parent, title, plan):
        dialog = GoalPlanDialog(parent, title, plan)
        qtbot.addWidget(dialog)
        for row in (1, 3):
            dialog.table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.text() == "Add 3 goals"
        return dialog.chosen()

    monkeypatch.setattr(goal_plan_dialog, "ask_goal_plan", untick_two)
    goals = create_goals_from_top_gaps(ctx, ROLE, 5, TODAY)
    plan = plan_goals(role_gap(ctx.user_db, ctx.market_db, ROLE), ctx.user_db, 5, TODAY)
    assert len(goals) == 3 == len(list_goals(ctx.user_db))
    assert {g.skill_key for g in goals}.isdisjoint({g.skill_key for g in plan[:5]})


def test_cancel_adds_nothing(ctx, monkeypatch):
    monkeypatch.setattr(goal_plan_dialog, "ask_goal_plan", lambda *_args: None)
    assert create_goals_from_top_gaps(ctx, ROLE, 5, TODAY) == []
    assert list_goals(ctx.user_db) == []


def test_a_refusal_says_why(ctx):
    create_goals_from_top_gaps(ctx, ROLE, 1000, TODAY)  # every gap now has a goal
    gap = role_gap(ctx.user_db, ctx.market_db, ROLE)
    with pytest.raises(UserError, match="already have goals on your roadmap"):
        plan_goals(gap, ctx.user_db, 5, TODAY)


def test_the_dialog_shows_names_as_plain_text_and_disables_add_with_nothing_ticked(ctx, qtbot):
    gap = role_gap(ctx.user_db, ctx.market_db, ROLE)
    plan = [goal._replace(skill_name="<b>x</b>") for goal in plan_goals(gap, ctx.user_db, 1, TODAY)]
    dialog = GoalPlanDialog(None, "<i>Role</i>", plan)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 0).text() == "<b>x</b>"
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
