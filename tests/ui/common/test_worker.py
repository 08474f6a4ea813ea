"""The worker adapter: results, errors and progress come back on the GUI thread; Cancel cancels;
a superseded request's late result is ignored; each worker opens its own connection."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QPushButton

from careerplanner.errors import Cancelled, UserError
from careerplanner.ui.common.context import with_databases
from careerplanner.ui.common.worker import ProgressDialog, TaskRunner


@pytest.fixture
def runner(qapp):
    runner = TaskRunner()
    yield runner
    runner.cancel_all()
    runner.wait_for_done()


def test_result_arrives_on_the_gui_thread(qtbot, runner):
    seen = {}

    def work(progress, cancel):
        seen["worker_thread"] = threading.get_ident()
        return 42

    def done(value):
        seen["value"] = value
        seen["on_gui_thread"] = QThread.currentThread() is QApplication.instance().thread()

    runner.start("answer", work, done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["on_gui_thread"]
    assert seen["worker_thread"] != threading.get_ident()


def test_user_error_is_delivered_as_the_exception(qtbot, runner):
    errors = []

    def work(progress, cancel):
        raise UserError("resume.pdf is password-protected.")

    runner.start("fail", work, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "resume.pdf is password-protected."


def test_progress_is_throttled_to_changes_of_the_shown_value(qtbot, runner):
    reports = []

    def work(progress, cancel):
        for done in range(100_000):
            progress(done, 100_000, "Reading rows")
        return "done"

    task = runner.start("rows", work)
    task.progressed.connect(lambda done, total, message: reports.append(done))
    with qtbot.waitSignal(runner.idle, timeout=10_000):
        pass
    # one report per shown percent, not 100,000 queued signals
    assert 0 < len(reports) <= 101


def test_cancel_from_the_progress_dialog_cancels_the_task(qtbot, runner):
    started = threading.Event()
    errors = []

    def work(progress, cancel):
        started.set()
        while True:
            cancel.check()
            progress(1, 2, "Working")
            threading.Event().wait(0.005)

    task = runner.start("long", work, on_error=errors.append, progress_title="Long work")
    dialog = task.progress_dialog
    assert isinstance(dialog, ProgressDialog)
    assert not dialog.isVisible()  # not before ~0.5 s
    qtbot.waitUntil(started.is_set)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)  # appears after ~0.5 s
    cancel_button = dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled)


def test_a_superseded_request_is_ignored(qtbot, runner):
    release_first = threading.Event()
    first_running = threading.Event()
    results = []

    def slow(progress, cancel):
        first_running.set()
        release_first.wait(5)
        return "old"  # ignores its cancel token: a late result that must be dropped

    runner.start("search", slow, results.append)
    qtbot.waitUntil(first_running.is_set)
    runner.start("search", lambda progress, cancel: "new", results.append)
    qtbot.waitUntil(lambda: results == ["new"])
    release_first.set()
    with qtbot.waitSignal(runner.idle, timeout=5000):
        pass  # idle comes after the late "old" was delivered to the runner (and dropped)
    assert results == ["new"]


def test_each_worker_opens_its_own_connection(qtbot, runner, data_dir, ctx_factory):
    ctx = ctx_factory()
    seen = []

    def work(dbs, progress, cancel):
        seen.append(dbs.market.conn is not ctx.market_db.conn)
        return dbs.market.execute("SELECT count(*) FROM dataset").fetchone()[0]

    results = []
    runner.start("count", with_databases(data_dir, work), results.append)
    qtbot.waitUntil(lambda: bool(results))
    assert results == [0]
    assert seen == [True]


def test_a_result_for_a_screen_closed_meanwhile_is_dropped(qtbot, runner):
    """A screen deleted while its task runs (its window closed) gets nothing delivered, and
    nothing is raised in the event loop."""
    from PySide6.QtWidgets import QListWidget, QWidget

    class Screen(QWidget):
        def __init__(self):
            super().__init__()
            self.list = QListWidget(self)
            self.shown = []

        def show_result(self, value):
            self.shown.append(value)
            self.list.addItem(str(value))

    release = threading.Event()

    def work(progress, cancel):
        release.wait(10)
        return 7

    screen = Screen()
    delivered = screen.shown
    task = runner.start("fits", work, screen.show_result, screen.show_result)
    screen.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(screen))
    release.set()
    qtbot.waitUntil(lambda: task.done if shiboken6.isValid(task) else True)
    qtbot.waitUntil(lambda: runner.running_count() == 0)
    assert delivered == []
