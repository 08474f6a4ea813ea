"""The chart builders draw on a plain matplotlib Figure (no pyplot, no Qt) and render."""

from __future__ import annotations

import io

from matplotlib.figure import Figure

from careerplanner.charts.gap import MAX_ROWS, draw_fit_bars, draw_gap_dumbbell
from careerplanner.charts.market import (
    draw_depth_distribution,
    draw_pay_percentiles,
    draw_share_bars,
)
from careerplanner.charts.progress import draw_level_history
from careerplanner.charts.theme import LIGHT, ChartTheme
from careerplanner.core.gap import Requirement, compute_gap
from careerplanner.core.roadmap import ProgressPoint


def _render(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def test_dumbbell_shows_one_line_per_skill_up_to_the_limit():
    requirements = [Requirement(f"k{i}", f"Skill {i}", i % 6, 0.5) for i in range(40)]
    gap = compute_gap("x", "X", requirements, {"k1": 3})
    fig = Figure(layout="constrained")
    draw_gap_dumbbell(fig, gap.rows, LIGHT, title="X")
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == MAX_ROWS
    assert ax.get_xlabel() == "Top 25 of 40 listed, by priority"
    assert _render(fig).startswith(b"\x89PNG")


def test_empty_dumbbell_says_so():
    fig = Figure()
    draw_gap_dumbbell(fig, [], LIGHT)
    assert fig.axes[0].texts[0].get_text() == "No requirements"


def test_dark_theme_colours_reach_the_figure():
    dark = ChartTheme(background="#202020", foreground="#eeeeee")
    fig = Figure()
    draw_depth_distribution(fig, [1, 2, 3, 4, 5, 6], dark, n=21)
    assert fig.get_facecolor()[:3] == (32 / 255, 32 / 255, 32 / 255)
    assert fig.axes[0].get_title(loc="left") == "Required depth (n = 21)"


def _level(at: str, level: int) -> ProgressPoint:
    return ProgressPoint(None, f"{at}T00:00:00+00:00", "skill", "sql", "SQL", level)


def test_other_charts_render():
    for draw, data in (
        (draw_level_history, [_level("2025-01-01", 1), _level("2025-06-01", 3)]),
        (draw_level_history, []),
        (draw_pay_percentiles, [("p10", 50_000.0), ("median", None), ("p90", 150_000.0)]),
        (draw_share_bars, [("Data Scientist", 0.4), ("Analyst", 0.2)]),
        (draw_fit_bars, [("Web Developers", 0.25), ("Database Architects", 0.5)]),
    ):
        fig = Figure(layout="constrained")
        draw(fig, data, LIGHT)
        assert _render(fig).startswith(b"\x89PNG")
