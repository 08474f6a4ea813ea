"""Dropping a resume: the reading shows at once in a dialog in front of the window, with
Cancel, and the window never goes away."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QProgressDialog

from tests.conftest import RESUMES


def _drop(window, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(
        QDropEvent(
            QPointF(50, 50),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )


def test_a_dropped_resume_is_seen_being_read_in_front_of_the_window(market_home, window, qtbot):
    seen: list[tuple[bool, bool]] = []

    def look() -> None:
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        seen.append((window.isVisible(), bool(dialogs)))
        for dialog in dialogs:
            assert dialog.parentWidget() is window
            assert dialog.windowModality() == Qt.WindowModality.WindowModal
            assert dialog.labelText().startswith("Reading") or dialog.labelText()

    with qtbot.waitSignal(window.files.resume_imported, timeout=60_000):
        _drop(window, RESUMES / "altacv_sample.pdf")
        QApplication.processEvents()
        look()
        qtbot.waitUntil(lambda: (look(), seen[-1][1])[1], timeout=5_000)
    look()
    assert all(visible for visible, _dialog in seen)  # the window never went away
    assert any(dialog for _visible, dialog in seen)  # the reading was shown
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
