"""Render a chart builder to pixels with matplotlib's Agg backend (no Qt, no pyplot).

The GUI calls this on a worker thread so a chart never blocks the window; one chart is rendered
at a time (the GUI's chart pool has a single thread), because matplotlib's font cache and
renderer are not meant to be shared by threads running at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from careerplanner.charts.theme import ChartTheme

# Names from files are drawn as they are: "$" would otherwise start matplotlib's maths notation
# (a skill called "US$ budgets $" would fail to draw, "$x^2$" would draw as a formula).
LITERAL_TEXT = {"text.parse_math": False}


@dataclass(frozen=True)
class RenderedChart:
    rgba: bytes  # width * height * 4 bytes, rows top to bottom
    width: int
    height: int


def render_rgba(
    draw: Callable[[Any, Any, ChartTheme], None],
    data: Any,
    theme: ChartTheme,
    width: int,
    height: int,
    dpi: float = 100.0,
) -> RenderedChart:
    """Draw `data` with `draw(fig, data, theme)` on a `width` x `height` pixel figure."""
    import matplotlib.figure  # binds `matplotlib` too, for rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = matplotlib.figure.Figure(
        figsize=(width / dpi, height / dpi), dpi=dpi, layout="constrained"
    )
    canvas = FigureCanvasAgg(figure)
    with matplotlib.rc_context(LITERAL_TEXT):
        draw(figure, data, theme)
        canvas.draw()
    buffer = canvas.buffer_rgba()
    return RenderedChart(bytes(buffer), int(buffer.shape[1]), int(buffer.shape[0]))
