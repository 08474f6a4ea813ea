"""Work for a screen that is not in view waits until it is shown.

A change (a step ticked off on the Roadmap screen) is announced to every screen built so far;
a screen behind another one that recomputed its figures at once would do it on every click,
for nothing the user sees, and slow the click down. `WhenShown` runs the work at once when the
screen is the one shown, and otherwise once, the next time it is shown.

The screens live in the main window's QStackedWidget: its `currentChanged` says when one comes
into view, without a Python showEvent (handing Qt's first event object to Python costs every
start a few milliseconds). A screen outside any stack (built alone) is always "shown".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget


def _stack_of(widget: QWidget) -> QStackedWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QStackedWidget):
        parent = parent.parentWidget()
    return parent


def is_shown(widget: QWidget) -> bool:
    """Whether `widget` is on the page its stack shows (True outside any stack)."""
    stack = _stack_of(widget)
    if stack is None:
        return True
    current = stack.currentWidget()
    return current is not None and (current is widget or current.isAncestorOf(widget))


class WhenShown:
    """Runs `work()` now when `screen` is shown, else once when it is next shown."""

    def __init__(self, screen: QWidget, work: Callable[[], None]) -> None:
        self._screen = screen
        self._work = work
        self._pending = False
        self._watched: QStackedWidget | None = None

    @property
    def pending(self) -> bool:
        return self._pending

    def request(self) -> None:
        stack = _stack_of(self._screen)
        if stack is None or is_shown(self._screen):
            self._pending = False
            self._work()
            return
        self._pending = True
        if stack is not self._watched:
            stack.currentChanged.connect(self._current_changed)
            self._watched = stack

    def _current_changed(self, _index: int) -> None:
        if self._pending and is_shown(self._screen):
            self._pending = False
            self._work()
