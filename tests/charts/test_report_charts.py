"""The chart builders draw from plain data onto a Figure they are given (no pyplot)."""

from __future__ import annotations

from datetime import UTC, datetime

from matplotlib.figure import Figure

from careerplanner.charts import report_charts as charts
from careerplanner.core.roadmap import ProgressPoint, StepState


def axes():
    return Figure(figsize=(6, 4)).add_subplot()


def point(n, key, value, day):
    return ProgressPoint(n, f"2026-03-{day:02d}T10:00:00Z", "skill", key, key.upper(), value)


def test_profile_bars_show_the_counted_level_and_what_awaits_evidence():
    ax = axes()
    charts.draw_profile_levels(ax, [charts.SkillBar("SQL", 2, 4), charts.SkillBar("Go", 3)])
    widths = [patch.get_width() for patch in ax.patches]
    assert widths == [2, 3, 2, 0]  # counted bars, then the awaiting-evidence extensions
    assert [t.get_text() for t in ax.get_yticklabels()] == ["SQL", "Go"]


def test_goal_progress_stacks_steps_by_state():
    ax = axes()
    bar = charts.GoalBar("SQL", 2, 4, {StepState.DONE: 2, StepState.PENDING: 1})
    charts.draw_goal_progress(ax, [bar])
    assert sum(patch.get_width() for patch in ax.patches) == 3


def test_level_history_keeps_the_busiest_skills_and_says_so():
    points = [point(n, f"s{n % 12}", n % 6, 1 + n % 27) for n in range(40)]
    ax = axes()
    charts.draw_level_history(ax, points, until=datetime(2026, 4, 1, tzinfo=UTC))
    assert ax.get_title(loc="left").endswith(f"({charts.MAX_SERIES} of 12 shown)")
    assert len(ax.get_legend().get_texts()) == charts.MAX_SERIES


def test_empty_data_draws_a_message_instead_of_a_frame():
    ax = axes()
    charts.draw_fit_history(ax, [])
    assert not ax.axison
    assert "No fit scores recorded yet." in [t.get_text() for t in ax.texts]
