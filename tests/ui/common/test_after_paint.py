"""Work that waits for the window's first paint (the Start screen's fits at start-up)."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from careerplanner.ui.common.after_paint import FALLBACK_MS, after_paint, waiting_for_paint


def run_event_loop(msecs: int) -> None:
    """A real event loop, which waits for events (as the application's does), for `msecs`."""
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def test_the_callback_runs_once_the_window_is_exposed(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel("Fits follow", window)
    seen = []

    def record() -> None:
        handle = window.windowHandle()
        seen.append(handle is not None and handle.isExposed())

    after_paint(label, record)
    assert waiting_for_paint() and seen == []  # not at once: the window has not painted
    window.show()
    run_event_loop(FALLBACK_MS // 2)
    assert seen == [True]  # when the loop first waits with the window exposed: no fallback
    qtbot.wait(FALLBACK_MS + 50)
    assert seen == [True] and not waiting_for_paint()  # the fallback does not run it again


def test_a_window_never_shown_gets_its_callback_after_a_moment(qtbot):
    hidden = QWidget()
    qtbot.addWidget(hidden)
    seen = []
    after_paint(hidden, lambda: seen.append("ran"))
    qtbot.waitUntil(lambda: seen == ["ran"], timeout=FALLBACK_MS * 10)


def test_a_widget_deleted_before_its_paint_never_runs_its_callback(qtbot):
    doomed = QWidget()
    seen = []
    after_paint(doomed, lambda: seen.append("ran"))
    doomed.deleteLater()
    run_event_loop(FALLBACK_MS * 2)  # idle turns and the fallback's time both pass
    assert seen == [] and not waiting_for_paint()
