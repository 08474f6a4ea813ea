"""Long work from the window: a progress dialog after ~0.5 s, a working Cancel, nothing changed;
and recovering from damaged data at start-up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from careerplanner.store.data_dir import DataDir
from careerplanner.ui.common import dialogs
from careerplanner.ui.shell.file_actions import DATASET_TASK
from tests.conftest import onet_release


def test_cancelling_a_real_import_changes_nothing(window, qtbot):
    release = onet_release("29.2")
    before = window.ctx.market_db.execute("SELECT count(*) FROM dataset").fetchone()[0]
    window.files.import_dataset_path(release)
    task = window.ctx.runner._current[DATASET_TASK]
    dialog = task.progress_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    with qtbot.waitSignal(window.files.import_failed, timeout=30_000) as blocker:
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert blocker.args[0] == "Cancelled; nothing was changed."
    assert window.shown_errors == []  # a cancel is not an error
    after = window.ctx.market_db.execute("SELECT count(*) FROM dataset").fetchone()[0]
    assert after == before
    rows = window.ctx.market_db.execute("SELECT count(*) FROM onet_occupation").fetchone()[0]
    assert rows == 0


def test_damaged_user_data_is_restored_from_the_newest_backup_when_the_user_agrees(
    qapp, data_home, monkeypatch
):
    from careerplanner.app import _open_with_recovery
    from careerplanner.store.user.targets import add_target_role, target_roles

    data_dir = DataDir(data_home)
    db = data_dir.open_user_db()
    add_target_role(db, "15-1252.00", "Software Developers", "2026-01-01T00:00:00+00:00")
    db.close()
    data_dir.backup_user_db("test")
    damaged = b"garbage" * 1000
    data_dir.user_db_path.write_bytes(damaged)
    for suffix in ("-wal", "-shm"):
        data_dir.user_db_path.with_name(f"user.db{suffix}").unlink(missing_ok=True)
    questions = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda _p, text, title="": questions.append(text) or True
    )
    ctx = _open_with_recovery(data_dir, smoke=False)
    try:
        assert "damaged" in questions[0] and "Restore" in questions[0]
        assert [t.code for t in target_roles(ctx.user_db)] == ["15-1252.00"]
        kept = list(data_dir.damaged_dir.iterdir())
        assert any(path.read_bytes() == damaged for path in kept)
    finally:
        ctx.close()
