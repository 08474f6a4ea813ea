"""The one adapter between Qt-free long operations and the GUI thread.

A long operation is a plain function `fn(progress, cancel) -> result` from the Qt-free packages.
`TaskRunner.start` runs it on a QThreadPool and brings its progress, result or error back to the
GUI thread through signals on a `Task` (a QObject the GUI thread owns). The QRunnable holds the
Task by composition: `QRunnable + QObject` multiple inheritance broke on PySide6 6.5.

Rules the adapter keeps:
- Never touch a widget from the worker: the runnable only emits signals, and the Task lives in
  the GUI thread, so Qt queues every delivery onto the GUI thread.
- A file-backed SQLite connection belongs to the thread that opened it: `with_databases` opens
  fresh connections inside the worker and closes them there.
- Progress is throttled at the source (an update is emitted only when the shown percentage or
  message changes), so a function calling `progress` a million times cannot flood the event loop.
- Requests carry a key; starting a new request with the same key cancels the previous one and its
  late result is ignored (a superseded request never overwrites a newer answer).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from careerplanner.core.progress import CancelToken, Progress
from careerplanner.errors import Cancelled
from careerplanner.ui.common.lazy_qt import qt
from careerplanner.ui.common.plain_text import make_labels_plain

TaskFunction = Callable[[Progress, CancelToken], Any]

# How long a task may run before its progress dialog appears (milliseconds).
PROGRESS_DELAY_MS = 500
# How long quitting waits for cancelled tasks to end (milliseconds); see `stop_all_work`.
QUIT_WAIT_MS = 30_000


class Task(QObject):
    """One request's signals and cancel token. Created and owned by the GUI thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception; `Cancelled` when the user cancelled
    ended = Signal()  # after succeeded or failed, whichever came

    def __init__(self, key: str, generation: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.generation = generation
        self.token = CancelToken()
        self.done = False
        self.superseded = False
        self.progress_dialog: ProgressDialog | None = None

    def cancel(self) -> None:
        self.token.cancel()


class _Runnable(QRunnable):
    """Runs the function on a pool thread and reports only through the Task's signals."""

    def __init__(self, fn: TaskFunction, task: Task) -> None:
        super().__init__()
        self._fn = fn
        self._task = task
        self._last_shown: tuple[int, str] | None = None
        self.setAutoDelete(True)

    def _report(self, done: int, total: int, message: str) -> None:
        shown = (100 * done // total if total > 0 else -1, message)
        if shown == self._last_shown:
            return
        self._last_shown = shown
        self._task.progressed.emit(int(done), int(total), str(message))

    def run(self) -> None:
        try:
            self._task.token.check()
            result = self._fn(self._report, self._task.token)
        except BaseException as error:  # delivered to the GUI thread, which decides what to show
            self._task.failed.emit(error)
        else:
            self._task.succeeded.emit(result)


class ProgressDialog(QProgressDialog):
    """A window-modal progress dialog that appears only if the task takes longer than ~0.5 s.

    It changes its bar and label only when the shown value changes, and its Cancel button
    cancels the task's token (the store then rolls back its transaction).
    """

    def __init__(
        self, task: Task, title: str, parent: QWidget | None, delay_ms: int = PROGRESS_DELAY_MS
    ) -> None:
        # The label is set plain before any text reaches it: progress messages name files and
        # datasets, and Qt lays a label out (loading any "image" in it) as it is constructed.
        super().__init__("", "Cancel", 0, 0, parent)
        make_labels_plain(self)
        self.setLabelText(title)
        if parent is not None:
            # In front of its window, which stays usable to look at but not to edit meanwhile.
            self.setWindowModality(qt().WindowModality.WindowModal)
        self.setWindowTitle(title)
        self.setAccessibleName(f"{title} progress")
        self.setAutoClose(False)
        self.setAutoReset(False)
        # Our own delay timer decides when to show; keep Qt's estimate from showing it early.
        self.setMinimumDuration(2**31 - 1)
        self._shown_value: tuple[int, int, str] | None = None
        self._task = task
        self.canceled.connect(self._on_cancel)
        task.progressed.connect(self._on_progress)
        task.ended.connect(self._on_ended)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._appear)
        self._timer.start(delay_ms)
        self.hide()

    def _appear(self) -> None:
        # Not over a window that was closed meanwhile (the user quit within the delay): the
        # dialog would be the last window open, and the application would not quit.
        parent = self.parentWidget()
        if parent is not None and not parent.window().isVisible():
            return
        if not self._task.done:
            self.show()
            # In front of the window it belongs to, which stays where it is behind it.
            self.raise_()
            self.activateWindow()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        maximum = total if total > 0 else 0  # 0..0 is Qt's "busy" bar
        value = (min(done, total) if total > 0 else 0, maximum, message)
        if value == self._shown_value:
            return
        self._shown_value = value
        if self.maximum() != maximum:
            self.setMaximum(maximum)
        self.setValue(value[0])
        self.setLabelText(message)

    def _on_cancel(self) -> None:
        self._task.cancel()
        self.setLabelText("Cancelling…")

    def _on_ended(self) -> None:
        self._timer.stop()
        self.canceled.disconnect(self._on_cancel)
        self.hide()
        self.deleteLater()


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps track of which request is the current one."""

    idle = Signal()  # the last running task has delivered

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        _RUNNERS.add(self)
        if not any(known is self._pool for known in _POOLS):
            _POOLS.append(self._pool)
        self._generations: dict[str, int] = {}
        self._current: dict[str, Task] = {}

    def start(
        self,
        key: str,
        fn: TaskFunction,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        progress_title: str | None = None,
        dialog_parent: QWidget | None = None,
        progress_delay_ms: int = PROGRESS_DELAY_MS,
    ) -> Task:
        """Run `fn(progress, cancel)` off the GUI thread; call back on the GUI thread.

        Starting a task with the key of a running one cancels the running one, and whatever it
        still delivers is dropped. With `progress_title`, a progress dialog appears after ~0.5 s.
        """
        previous = self._current.get(key)
        if previous is not None and not previous.done:
            previous.superseded = True
            previous.cancel()
        generation = self._generations.get(key, 0) + 1
        self._generations[key] = generation
        task = Task(key, generation, self)
        self._current[key] = task

        def deliver_success(result: Any) -> None:
            if self._finish(task) and on_success is not None and _receiver_alive(on_success):
                on_success(result)

        def deliver_error(error: BaseException) -> None:
            if self._finish(task) and on_error is not None and _receiver_alive(on_error):
                on_error(error)

        task.succeeded.connect(deliver_success)
        task.failed.connect(deliver_error)
        if progress_title:
            # Kept on the task: a parentless dialog would otherwise be garbage-collected.
            task.progress_dialog = ProgressDialog(
                task, progress_title, dialog_parent, progress_delay_ms
            )
        self._pool.start(_Runnable(fn, task))
        return task

    def _finish(self, task: Task) -> bool:
        """Mark `task` ended; True when it is still the current request for its key."""
        task.done = True
        current = self._generations.get(task.key) == task.generation
        if current:
            self._current.pop(task.key, None)
        task.ended.emit()
        task.deleteLater()
        if not self.running_count():
            self.idle.emit()
        return current and not task.superseded

    def running_count(self) -> int:
        return sum(1 for task in self._current.values() if not task.done)

    def is_running(self, key: str) -> bool:
        task = self._current.get(key)
        return task is not None and not task.done

    def cancel_all(self) -> None:
        for task in list(self._current.values()):
            task.superseded = True
            task.cancel()

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (used on close so no worker outlives the databases)."""
        return self._pool.waitForDone(msecs)


def _receiver_alive(callback: Callable) -> bool:
    """False for the method of a widget deleted while its task ran (a screen whose window was
    closed): what the task brings back is dropped, not handed to a deleted widget."""
    receiver = getattr(callback, "__self__", None)
    return not isinstance(receiver, QObject) or shiboken6.isValid(receiver)


_RUNNERS: weakref.WeakSet[TaskRunner] = weakref.WeakSet()
# Every pool a runner used, kept: a runner may be gone (its window closed) while its pool's
# threads still run its tasks.
_POOLS: list[QThreadPool] = []


def stop_all_work(msecs: int | None = None) -> bool:
    """Quitting: cancel every task of every runner (the app's and the charts') and wait for
    their threads (`QUIT_WAIT_MS`). A worker still running Python while the interpreter and Qt
    tear down can corrupt memory ("corrupted double-linked list", exit 134): it reports to a
    Task that is being deleted. When one outlives the wait, `work_in_flight` says so and the
    application leaves without tearing down (`app.run_gui`)."""
    wait = QUIT_WAIT_MS if msecs is None else msecs
    runners = list(_RUNNERS)
    for runner in runners:
        runner.cancel_all()
    return all([runner.wait_for_done(wait) for runner in runners])


def work_in_flight() -> bool:
    """Whether a task is still running on any runner's pool."""
    return any(pool.activeThreadCount() for pool in _POOLS)


def is_cancellation(error: BaseException) -> bool:
    return isinstance(error, Cancelled)
