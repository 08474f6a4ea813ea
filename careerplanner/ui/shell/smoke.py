"""`careerplanner --smoke [--all-screens]`: the start-up check.

Waits until the window is shown and every background task (such as installing the bundled
dataset) has delivered, optionally shows every screen and draws every chart once, prints one
line saying what was loaded, and quits the event loop. With `--size WxH` it also asks each
screen whether it is usable at that size (exit 1 with the reasons on stderr when not).
"""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from careerplanner import __version__
from careerplanner.store.market.datasets import active_datasets
from careerplanner.store.user.targets import profile_skill_count
from careerplanner.ui.common.after_paint import waiting_for_paint

WAIT_FOR_PAINT_MS = 10


def exercise_all_screens(window) -> list[str]:
    """Show every screen and draw its charts once; return the screen keys shown."""
    shown = []
    for screen in window.screens:
        window.show_screen(screen.key)
        widget = window.screen_widget(screen.key)
        QApplication.processEvents()
        if hasattr(widget, "exercise"):
            widget.exercise()
        shown.append(screen.key)
    return shown


def usability_problems(window) -> list[str]:
    """What a screen says it cannot show usably at the window's size (each screen built so far
    that checks itself: `usability_problems()`), one sentence each."""
    problems = []
    size = f"{window.width()}x{window.height()}"
    for screen in window.screens:
        widget = window.screen_widget(screen.key)
        check = getattr(widget, "usability_problems", None)
        if check is not None:
            problems += [f"{screen.title} at {size}: {problem}" for problem in check()]
    return problems


class SmokeRun(QObject):
    def __init__(
        self, app: QApplication, window, all_screens: bool, check_usable: bool = False
    ) -> None:
        super().__init__(window)
        self._check_usable = check_usable
        self._app = app
        self._window = window
        self._all_screens = all_screens
        self._screens_done = False
        self._waiting = False
        self.exit_code: int | None = None

    def start(self) -> None:
        QTimer.singleShot(0, self._step)

    def _runner_busy(self) -> bool:
        return self._window.ctx.runner.running_count() > 0

    def _step(self) -> None:
        """Called whenever the event loop goes idle; finish once nothing is pending."""
        try:
            if waiting_for_paint():
                # Start-up's own work (the Start screen's fits) begins once the window has
                # painted: the check waits for it to begin, then for it to end.
                QTimer.singleShot(WAIT_FOR_PAINT_MS, self._step)
                return
            if self._runner_busy():
                if not self._waiting:
                    self._waiting = True
                    self._window.ctx.runner.idle.connect(self._on_idle)
                return
            if self._all_screens and not self._screens_done:
                self._screens_done = True
                exercise_all_screens(self._window)
                self._later()
                return
            self._finish()
        except Exception:
            traceback.print_exc()
            self.exit_code = 2
            self._app.exit(2)

    def _on_idle(self) -> None:
        self._later()

    def _later(self) -> None:
        QTimer.singleShot(0, self._step)

    def _finish(self) -> None:
        ctx = self._window.ctx
        shown = "all screens drawn" if self._all_screens else "main window shown"
        visible = self._window.isVisible()
        problems = usability_problems(self._window) if self._check_usable else []
        if self._app.windowIcon().isNull():
            problems.append("The window has no icon (it is set once the window has painted).")
        for problem in problems:
            print(problem, file=sys.stderr)
        print(
            f"Career Planner {__version__}: {shown}; {startup_summary(ctx.market_db, ctx.user_db)}"
        )
        sys.stdout.flush()
        self.exit_code = 0 if visible and not problems else 1
        self._app.exit(self.exit_code)


def startup_summary(market_db, user_db) -> str:
    """What was loaded, in words: the active market dataset(s) and the profile size."""
    datasets = active_datasets(market_db)
    labels = [f"{d.label} (id {d.id})" for d in datasets]
    market = ", ".join(labels) if labels else "none installed"
    count = profile_skill_count(user_db)
    noun = "skill" if count == 1 else "skills"
    return f"market dataset: {market}, {count} {noun} in profile"
