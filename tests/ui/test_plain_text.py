"""Names from files are shown as text, never read as HTML (issue 16, class 4).

A dataset, occupation, technology, goal or evidence named like `<img src="FILE">` must show
literally on every screen, and Qt must never open FILE: rich text would load the "image" each
time the name is shown (with /dev/zero, until memory runs out). FILE here is a probe file whose
opening the kernel reports (inotify), so the test sees a read whatever part of Qt does it.
"""

from __future__ import annotations

import ctypes
import os
import sqlite3
import sys
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTextEdit

from careerplanner.store.user.evidence import add_evidence
from careerplanner.store.user.goals import add_goal
from careerplanner.store.user.targets import add_target_role
from careerplanner.ui.shell.main_window import MainWindow
from careerplanner.ui.shell.smoke import exercise_all_screens

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")

IN_OPEN, IN_ACCESS = 0x20, 0x01
ROLE_CODE = "15-1252.00"


class OpenWatch:
    """Reports whether any process opened or read `path` since the watch began (inotify)."""

    def __init__(self, path) -> None:
        self._libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self._libc.inotify_init1(os.O_NONBLOCK)
        assert self.fd >= 0
        wd = self._libc.inotify_add_watch(self.fd, os.fsencode(path), IN_OPEN | IN_ACCESS)
        assert wd >= 0

    def opened(self) -> bool:
        try:
            return bool(os.read(self.fd, 4096))
        except BlockingIOError:
            return False

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture
def hostile(market_home, tmp_path):
    """Market data whose names are markup pointing at a probe file."""
    probe = tmp_path / "probe.png"
    probe.write_bytes(b"not an image")
    img = f'<img src="{probe}">'
    names = {
        "dataset": f"{img}<b>Dataset</b>",
        "occupation": f"<b>Role</b>{img}",
        "technology": f"<i>Tech</i>{img}",
        "goal": f"<b>Goal</b>{img}",
        "evidence": f"<u>Proof</u>{img}",
    }
    db = sqlite3.connect(market_home / "market.db")
    with db:
        db.execute("UPDATE dataset SET name = ? || name", [names["dataset"]])
        db.execute(
            "UPDATE onet_occupation SET title = ? WHERE code = ?", [names["occupation"], ROLE_CODE]
        )
        db.execute(
            "UPDATE onet_tech_skill SET example = ? WHERE rowid = (SELECT min(rowid) FROM "
            "onet_tech_skill WHERE code = ? AND hot = 1)",
            [names["technology"], ROLE_CODE],
        )
    db.close()
    return probe, names


def _shown_texts(window) -> list[tuple[QLabel, str]]:
    return [(label, label.text()) for label in window.findChildren(QLabel)]


def test_names_from_files_show_literally_and_no_file_is_read(hostile, ctx_factory, qtbot):
    probe, names = hostile
    watch = OpenWatch(probe)
    try:
        ctx = ctx_factory()
        add_target_role(ctx.user_db, ROLE_CODE, names["occupation"])
        goal = add_goal(ctx.user_db, "hostile-goal", names["goal"], 3, date(2030, 1, 1), 0)
        add_evidence(ctx.user_db, goal.skill_key, goal.skill_name, 2, text=names["evidence"])
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        for _ in range(2):  # the second pass shows what the first one's refreshes filled in
            exercise_all_screens(window)
            for screen in window.screens:
                window.show_screen(screen.key)
                QApplication.processEvents()
                window.grab()  # lays out and paints every shown label
        QApplication.processEvents()
        assert not watch.opened(), "Qt opened a file named in the data"

        marked = [(label, text) for label, text in _shown_texts(window) if "<img" in text]
        assert marked, "no screen showed a name from the data: the walk checked nothing"
        rich = [text for label, text in marked if label.textFormat() != Qt.TextFormat.PlainText]
        assert rich == []
        browsers = " ".join(edit.toPlainText() for edit in window.findChildren(QTextEdit))
        assert "<img" not in browsers or f'src="{probe}"' in browsers  # shown literally
    finally:
        watch.close()


def test_the_probe_catches_a_rich_text_label(hostile, qtbot):
    """The check above can fail: a label left as rich text does open the file."""
    probe, names = hostile
    watch = OpenWatch(probe)
    try:
        label = QLabel(names["dataset"])
        qtbot.addWidget(label)
        label.show()
        label.grab()
        QApplication.processEvents()
        assert watch.opened()
    finally:
        watch.close()


def test_message_boxes_and_progress_dialogs_show_names_literally(hostile, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from careerplanner.ui.common.dialogs import message_box
    from careerplanner.ui.common.worker import ProgressDialog, Task

    probe, names = hostile
    watch = OpenWatch(probe)
    try:
        box = message_box(None, QMessageBox.Icon.Warning, "x", f"{names['dataset']} is damaged.")
        qtbot.addWidget(box)
        assert box.textFormat() == Qt.TextFormat.PlainText
        box.show()
        box.grab()
        task = Task("t", 1)
        dialog = ProgressDialog(task, f"Importing {names['dataset']}", None, 0)
        qtbot.addWidget(dialog)
        dialog.setLabelText(f"Reading {names['technology']}")
        dialog.show()
        dialog.grab()
        QApplication.processEvents()
        labels = [label for label in dialog.findChildren(QLabel) if "<" in label.text()]
        assert labels and all(lb.textFormat() == Qt.TextFormat.PlainText for lb in labels)
        assert not watch.opened()
    finally:
        watch.close()


def test_the_note_dialog_names_the_skill_literally(hostile, qtbot, monkeypatch):
    from PySide6.QtWidgets import QDialog, QInputDialog

    from careerplanner.ui.common import dialogs

    probe, names = hostile
    watch = OpenWatch(probe)
    shown: list[str] = []

    def look(dialog):
        dialog.show()
        dialog.grab()
        shown.extend(label.text() for label in dialog.findChildren(QLabel))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QInputDialog, "exec", look)
    try:
        assert dialogs.ask_text(None, "Add a note", f"Note on {names['goal']}:") is None
        assert not watch.opened()
        assert any("&lt;b&gt;Goal&lt;/b&gt;" in text for text in shown)  # escaped: literal
    finally:
        watch.close()
