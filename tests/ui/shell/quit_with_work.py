"""Start the application as `careerplanner` does, start work once the window is up, close the
window at once, and let the process end as it would (run by test_quit_with_work.py).

    quit_with_work.py stubborn   a task that ignores Cancel (and keeps reporting progress) for
                                 longer than the quit waits (cut to a fraction of a second)
    quit_with_work.py dialog     a task with a progress dialog, the window closed before the
                                 dialog's delay is over
    quit_with_work.py dialog-shown   the same, the window closed with the dialog up
"""

from __future__ import annotations

import faulthandler
import os
import sys
import time

faulthandler.enable()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import careerplanner.app as app_module  # noqa: E402
from careerplanner.cli import main  # noqa: E402
from careerplanner.ui.common import worker  # noqa: E402
from careerplanner.ui.shell.main_window import MainWindow  # noqa: E402

STUBBORN_SECONDS = 20.0


def stubborn(progress, _cancel) -> None:
    """Python work that never looks at its cancel token (like a call stuck in a library)."""
    end = time.monotonic() + STUBBORN_SECONDS
    step = 0
    while time.monotonic() < end:
        step += 1
        progress(step % 100, 100, f"step {step}")
        time.sleep(0.001)


def until_cancelled(_progress, cancel) -> None:
    while True:
        cancel.check()
        time.sleep(0.001)


def start_work(mode: str) -> None:
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    if mode == "stubborn":
        window.ctx.runner.start("stubborn", stubborn)
        QTimer.singleShot(0, window.close)
        return
    task = window.ctx.runner.start(
        "with-dialog",
        until_cancelled,
        progress_title="Working",
        dialog_parent=window,
        progress_delay_ms=0,
    )
    if mode == "dialog-shown":  # the dialog is up when the window is closed
        QTimer.singleShot(200, lambda: print("dialog shown:", task.progress_dialog.isVisible()))
        QTimer.singleShot(300, window.close)
    else:  # the dialog comes due after the window closed, before the quit is processed (on a
        window.close()  # busy machine its delay can run out in between)


def main_with(mode: str) -> int:
    worker.QUIT_WAIT_MS = 300  # the quit's wait, cut short so the test need not take 30 s
    started = app_module._startup_done

    def startup_done() -> None:
        started()
        QTimer.singleShot(0, lambda: start_work(mode))

    app_module._startup_done = startup_done
    return main([])


if __name__ == "__main__":
    sys.exit(main_with(sys.argv[1]))
