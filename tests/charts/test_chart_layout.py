"""Charts stay readable on a small window and draw names from files literally."""

from __future__ import annotations

import itertools

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from careerplanner.charts.gap import MAX_ROWS, draw_gap_dumbbell
from careerplanner.charts.render import LITERAL_TEXT, render_rgba
from careerplanner.charts.theme import LIGHT
from careerplanner.core.gap import Requirement, compute_gap


def _gap(count: int, name=lambda i: f"Requirement number {i}"):
    requirements = [Requirement(f"k{i}", name(i), 1 + i % 5, 0.5) for i in range(count)]
    return compute_gap("x", "Software Developers", requirements, {"k1": 3})


def _drawn(width_px: int, height_px: int, rows) -> Figure:
    fig = Figure(figsize=(width_px / 100, height_px / 100), dpi=100)
    FigureCanvasAgg(fig)
    draw_gap_dumbbell(fig, rows, LIGHT, title="Software Developers")
    fig.canvas.draw()
    return fig


@pytest.mark.parametrize("size", [(560, 210), (700, 330), (1000, 600)])
def test_gap_labels_never_overlap_and_the_legend_leaves_the_title_alone(size):
    gap = _gap(150)
    fig = _drawn(*size, gap.rows)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    labels = [t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text()]
    assert 3 <= len(labels) <= MAX_ROWS
    for upper, lower in itertools.pairwise(labels):
        assert not upper.overlaps(lower)
    title = ax.title.get_window_extent(renderer)
    legend = fig.legends[0].get_window_extent(renderer)
    assert not legend.overlaps(title)
    # The count under the chart says how many of all the requirements it shows.
    assert ax.get_xlabel() == f"Top {len(labels)} of 150 listed, by priority"


def test_a_small_chart_gives_way_to_the_table():
    assert len(_drawn(560, 210, _gap(40).rows).axes[0].get_yticklabels()) < MAX_ROWS


def test_names_with_dollar_signs_are_drawn_as_written():
    names = ["US$ budgets $", r"$\notacommand$ modelling", "C$#"]
    gap = _gap(3, lambda i: names[i])
    rendered = render_rgba(
        lambda fig, rows, theme: draw_gap_dumbbell(fig, rows, theme, title="$a$"),
        gap.rows,
        LIGHT,
        600,
        300,
    )
    assert rendered.width == 600
    with matplotlib.rc_context(LITERAL_TEXT):
        fig = _drawn(600, 300, gap.rows)
    shown = {t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert set(names) <= shown
