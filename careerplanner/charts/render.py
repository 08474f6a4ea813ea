"""Render a chart builder to pixels with matplotlib's Agg backend (no Qt, no pyplot).

The GUI calls this on a worker thread so a chart never blocks the window. One drawing runs at a
time in the whole process (`MATPLOTLIB_LOCK`): matplotlib's settings (`rcParams`, which
`rc_context` changes and puts back) are global, and its font cache and renderers are not made
for threads drawing at once. The chart thread and a PDF report on the app's pool take turns.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from careerplanner.charts.theme import ChartTheme

# Names from files are drawn as they are: "$" would otherwise start matplotlib's maths notation
# (a skill called "US$ budgets $" would fail to draw, "$x^2$" would draw as a formula).
LITERAL_TEXT = {"text.parse_math": False}
# Held by whoever draws with matplotlib, for the whole drawing: two `rc_context`s at once would
# put back each other's settings mid-drawing (a PDF export then read "$" as maths and failed).
# Re-entrant: a report may draw a chart through `render_rgba`.
MATPLOTLIB_LOCK = threading.RLock()


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

    with MATPLOTLIB_LOCK, matplotlib.rc_context(LITERAL_TEXT):
        figure = matplotlib.figure.Figure(
            figsize=(width / dpi, height / dpi), dpi=dpi, layout="constrained"
        )
        canvas = FigureCanvasAgg(figure)
        draw(figure, data, theme)
        canvas.draw()
        buffer = canvas.buffer_rgba()
        return RenderedChart(bytes(buffer), int(buffer.shape[1]), int(buffer.shape[0]))
