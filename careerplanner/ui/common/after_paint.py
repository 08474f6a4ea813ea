"""`after_paint(widget, callback)`: start work once `widget`'s window is on screen and painted.

A QTimer of 0 ms fires at the next turn of the event loop, but ahead of the window system's
expose event, which paints the window (measured at start-up: the Start screen's timer ran, then
the window was exposed and painted). Work started from one on a worker thread slowed that
paint: the worker's imports and Python code hold Python's lock while the UI thread waits for it
(the layout calls back into Python). So the callback runs the first time the event loop is about
to wait for events with the window exposed, which a window is once its expose event, and the
paint it brings, have been handled; or after FALLBACK_MS at the latest: a window never shown
(or an event loop driven by hand, as tests drive it, which never waits).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QAbstractEventDispatcher, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 150
_pending: set[_AfterPaint] = set()


class _AfterPaint(QObject):
    """One pending callback; a child of its widget, so a screen deleted meanwhile never runs it."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        _pending.add(self)
        self._dispatcher = QAbstractEventDispatcher.instance()
        self._dispatcher.aboutToBlock.connect(self._when_idle)
        # A timer of its own, deleted with it (a single-shot timer calling a deleted object's
        # method crashed the process).
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._run)
        self._fallback.start(FALLBACK_MS)

    def _when_idle(self) -> None:
        window = self._widget.window().windowHandle()
        if window is not None and window.isExposed():
            self._run()

    def _run(self) -> None:
        if self._callback is None:
            return  # already run: by the event loop's wait, then the fallback timer
        callback, self._callback = self._callback, None
        _pending.discard(self)
        self._fallback.stop()
        self._dispatcher.aboutToBlock.disconnect(self._when_idle)
        self.deleteLater()
        callback()


def after_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run `callback` once `widget`'s window has been exposed and painted (see the module)."""
    _AfterPaint(widget, callback)


def waiting_for_paint() -> bool:
    """Whether a callback still waits (the smoke check lets start-up's work begin first)."""
    for waiting in list(_pending):
        if not shiboken6.isValid(waiting):
            _pending.discard(waiting)  # deleted with its widget: it will never run
    return bool(_pending)
