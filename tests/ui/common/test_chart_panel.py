"""The chart canvas shows only the newest picture asked for: a render that finishes after a newer
request (the race the screenshots once worked around) is dropped, not shown over the newer one."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QColor

from careerplanner.ui.common.chart_panel import ChartCanvas, chart_runner

RED, BLUE = "#ff0000", "#0000ff"


class _Gate:
    """A draw function whose renders of `held` data wait until `release` is set."""

    def __init__(self, held: str) -> None:
        self.held = held
        self.started = threading.Event()
        self.release = threading.Event()
        self.drawn: list[str] = []

    def __call__(self, fig, colour, _theme) -> None:
        if colour == self.held:
            self.started.set()
            if not self.release.wait(20):
                raise TimeoutError("the test never released the render")
        fig.set_facecolor(colour)
        self.drawn.append(colour)


@pytest.fixture
def canvas(qtbot):
    gate = _Gate(held=RED)
    canvas = ChartCanvas("Race", gate)
    canvas.gate = gate
    qtbot.addWidget(canvas)
    canvas.resize(300, 220)
    canvas.show()
    qtbot.waitExposed(canvas)
    yield canvas
    gate.release.set()
    chart_runner().wait_for_done()


def _shown_colour(canvas: ChartCanvas) -> str:
    pixmap = canvas._image.pixmap()
    assert not pixmap.isNull(), "no picture is shown"
    return pixmap.toImage().pixelColor(10, 10).name()


def test_an_older_render_finishing_after_a_newer_picture_is_dropped(canvas, qtbot):
    canvas.set_data(RED)
    qtbot.waitUntil(canvas.gate.started.is_set)  # the red render is in flight, held
    canvas.set_data(BLUE)
    canvas.gate.release.set()
    chart_runner().wait_for_done()  # red has finished; its result waits in the event queue
    canvas.draw_now()  # blue, drawn at once (what the screenshots do)
    assert _shown_colour(canvas) == QColor(BLUE).name()
    qtbot.waitUntil(lambda: canvas.dropped_count == 1)  # red arrived late: dropped
    qtbot.wait(2 * ChartCanvas.RENDER_DELAY_MS)
    assert _shown_colour(canvas) == QColor(BLUE).name()
    assert canvas.draw_count == 1
    assert canvas.gate.drawn == [RED, BLUE]


def test_a_late_render_does_not_replace_cleared_data(canvas, qtbot):
    canvas.set_data(RED)
    qtbot.waitUntil(canvas.gate.started.is_set)
    canvas.set_data(None)  # e.g. the role was removed while its chart rendered
    canvas.gate.release.set()
    qtbot.waitUntil(lambda: canvas.dropped_count == 1)
    assert canvas._image.pixmap().isNull()
    assert canvas._image.text() == "No data to chart yet."
    assert canvas.draw_count == 0


def test_a_burst_of_changes_costs_one_render_and_the_same_data_none(canvas, qtbot):
    canvas.gate.held = None  # nothing is held in this test
    for colour in ("#00ff00", "#00ffff", BLUE):
        canvas.set_data(colour)
    qtbot.waitUntil(lambda: canvas.draw_count == 1)
    assert canvas.gate.drawn == [BLUE]
    assert _shown_colour(canvas) == QColor(BLUE).name()
    generation = canvas.generation
    canvas.set_data(BLUE)  # a recompute that changed nothing
    qtbot.wait(3 * ChartCanvas.RENDER_DELAY_MS)
    chart_runner().wait_for_done()
    assert canvas.generation == generation
    assert canvas.gate.drawn == [BLUE]
