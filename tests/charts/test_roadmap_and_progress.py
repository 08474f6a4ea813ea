"""The report's chart builders (also the Roadmap screen's progress charts) draw from plain data
onto a Figure they are given (no pyplot), in the print theme or a screen's."""

from __future__ import annotations

from datetime import UTC, datetime

from matplotlib.figure import Figure

from careerplanner.charts.profile import SkillBar, draw_profile_levels
from careerplanner.charts.progress import MAX_SERIES, draw_fit_history, draw_level_history
from careerplanner.charts.roadmap import GoalBar, draw_goal_progress
from careerplanner.charts.theme import PRINT, ChartTheme
from careerplanner.core.roadmap import ProgressPoint, StepState


def figure():
    return Figure(figsize=(6, 4))


def point(n, key, value, day):
    return ProgressPoint(n, f"2026-03-{day:02d}T10:00:00Z", "skill", key, key.upper(), value)


def test_profile_bars_show_the_counted_level_and_what_awaits_evidence():
    fig = figure()
    draw_profile_levels(fig, [SkillBar("SQL", 2, 4), SkillBar("Go", 3)], PRINT)
    ax = fig.axes[0]
    widths = [patch.get_width() for patch in ax.patches]
    assert widths == [2, 3, 2, 0]  # counted bars, then the awaiting-evidence extensions
    assert [t.get_text() for t in ax.get_yticklabels()] == ["SQL", "Go"]


def test_goal_progress_stacks_steps_by_state():
    fig = figure()
    bar = GoalBar("SQL", 2, 4, {StepState.DONE: 2, StepState.PENDING: 1})
    draw_goal_progress(fig, [bar], PRINT)
    ax = fig.axes[0]
    assert sum(patch.get_width() for patch in ax.patches) == 3


def test_level_history_keeps_the_busiest_skills_and_says_so():
    points = [point(n, f"s{n % 12}", n % 6, 1 + n % 27) for n in range(40)]
    fig = figure()
    draw_level_history(fig, points, PRINT, until=datetime(2026, 4, 1, tzinfo=UTC))
    ax = fig.axes[0]
    assert ax.get_title(loc="left").endswith(f"({MAX_SERIES} of 12 shown)")
    assert len(ax.get_legend().get_texts()) == MAX_SERIES


def test_empty_data_draws_a_message_instead_of_a_frame():
    fig = figure()
    draw_fit_history(fig, [], PRINT)
    ax = fig.axes[0]
    assert not ax.axison
    assert "No fit scores recorded yet." in [t.get_text() for t in ax.texts]


def test_a_screen_theme_colours_the_legend_and_opens_the_frame():
    dark = ChartTheme(background="#202020", foreground="#eeeeee", grid="#555555")
    fig = figure()
    draw_level_history(fig, [point(1, "sql", 2, 1), point(2, "go", 3, 2)], dark)
    ax = fig.axes[0]
    assert {text.get_color() for text in ax.get_legend().get_texts()} == {"#eeeeee"}
    assert not ax.spines["top"].get_visible()


def test_one_skill_draws_in_the_accent_colour_and_a_lone_point_shows_a_step():
    fig = figure()
    draw_level_history(fig, [point(1, "sql", 2, 1)], PRINT, title="", legend=False)
    ax = fig.axes[0]
    assert ax.get_legend() is None
    assert ax.lines[0].get_color() == PRINT.accent
    start, end = ax.lines[0].get_xdata()[0], ax.lines[0].get_xdata()[-1]
    assert (end - start).days >= 30
