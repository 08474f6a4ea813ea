"""The main window: navigation, shortcuts, window state in the data folder, drops, one instance."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QScrollArea

from careerplanner.ui.shell.main_window import SCREENS, MainWindow
from careerplanner.ui.shell.single_instance import SingleInstance


def test_sidebar_switches_screens_and_builds_each_once(window, qtbot):
    assert window.current_screen() == "start"
    window.navigation.setCurrentRow(3)
    assert window.current_screen() == "gap"
    # Each screen sits in its own scroll area (usable on a small window).
    page = window.stack.currentWidget()
    assert isinstance(page, QScrollArea) and page.isAncestorOf(window.screen_widget("gap"))
    first = window.screen_widget("gap")
    window.show_screen("start")
    window.show_screen("gap")
    assert window.screen_widget("gap") is first


def test_ctrl_number_shortcuts_switch_screens(window, qtbot):
    for number, screen in enumerate(SCREENS, start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_screen() == screen.key


def test_menu_has_standard_shortcuts(window):
    assert window.open_resume_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)


def test_geometry_and_last_screen_are_remembered_in_the_data_folder(
    window, qtbot, data_home, ctx_factory
):
    window.resize(700, 520)
    window.show_screen("datasets")
    window.save_state()  # the application calls it as it quits
    window.close()
    settings_file = data_home / "settings.ini"
    assert settings_file.is_file()
    again = MainWindow(ctx_factory())
    qtbot.addWidget(again)
    assert again.current_screen() == "datasets"
    assert (again.width(), again.height()) == (700, 520)


def _drop(window, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    return event


def test_dropping_an_unknown_file_says_what_is_accepted(window, tmp_path):
    odd = tmp_path / "holiday.png"
    odd.write_bytes(b"\x89PNG\r\n")
    _drop(window, odd)
    assert window.shown_errors
    assert "holiday.png is neither a resume" in window.shown_errors[0]


def test_dropping_a_damaged_dataset_reports_the_reason_and_changes_nothing(window, qtbot, tmp_path):
    bad = tmp_path / "Occupation Data.txt"
    bad.write_text("O*NET-SOC Code\tTitle\tDescription\r\nnot-a-code\tX\tY\r\n", encoding="utf-8")
    before = window.ctx.market_db.execute("SELECT count(*) FROM dataset").fetchone()[0]
    with qtbot.waitSignal(window.files.import_failed, timeout=10_000) as blocker:
        _drop(window, bad)
    assert "Occupation Data.txt" in blocker.args[0]
    assert window.ctx.market_db.execute("SELECT count(*) FROM dataset").fetchone()[0] == before


def test_second_instance_is_refused_while_the_first_holds_the_lock(qapp, data_home):
    data_home.mkdir(parents=True)
    first = SingleInstance(data_home)
    assert first.acquire()
    try:
        second = subprocess.run(
            [sys.executable, "-m", "careerplanner", "--smoke"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 1
        assert "already running" in second.stderr
    finally:
        first.release()


def test_a_second_start_brings_the_first_window_forward(qtbot, data_home):
    data_home.mkdir(parents=True)
    first = SingleInstance(data_home)
    assert first.acquire()
    qtbot.waitUntil(lambda: first.listening)  # it listens once the event loop runs
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=10_000):
            subprocess.run(
                [sys.executable, "-m", "careerplanner", "--smoke"],
                capture_output=True,
                text=True,
                timeout=60,
            )
    finally:
        first.release()


def test_the_lock_file_is_private_while_held_even_under_umask_000(qapp, data_home):
    """app.lock names the owner's process; like every file of the data folder it is 0600,
    whatever the umask (issue 16, class 11). Checked while held: a clean exit removes it."""
    data_home.mkdir(parents=True)
    previous = os.umask(0)
    try:
        lock = SingleInstance(data_home)
        assert lock.acquire()
    finally:
        os.umask(previous)
    try:
        assert stat.S_IMODE((data_home / "app.lock").stat().st_mode) == 0o600
    finally:
        lock.release()
    assert not (data_home / "app.lock").exists()
