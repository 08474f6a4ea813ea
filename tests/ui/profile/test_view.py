"""Reading a resume from the window and working with the profile, as a user would."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from careerplanner.store.user.profile import list_skills, skill_history
from careerplanner.ui.common import dialogs
from tests.conftest import RESUMES


def _drop(window, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(
        QDropEvent(
            QPointF(40, 40),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )


def _import_succeeds(window, qtbot, start) -> None:
    """Run `start()` and wait for the resume import to end; fail with its sentence if it failed."""
    outcome = []
    window.files.resume_imported.connect(lambda result: outcome.append(("ok", result)))
    window.files.import_failed.connect(lambda sentence: outcome.append(("failed", sentence)))
    start()
    qtbot.waitUntil(lambda: bool(outcome), timeout=60_000)
    assert outcome[0][0] == "ok", outcome[0][1]


def _read_resume(window, qtbot, path) -> None:
    _import_succeeds(window, qtbot, lambda: _drop(window, path))


def test_dropped_resume_fills_the_profile_with_levels_and_evidence(market_home, window, qtbot):
    resume = RESUMES / "sb2nov_sourabh_bajaj_resume.pdf"
    _read_resume(window, qtbot, resume)
    assert window.current_screen() == "profile"
    profile = window.screen_widget("profile")
    qtbot.waitUntil(lambda: profile.model.rowCount() > 3)
    assert profile.model.rowCount() == len(list_skills(window.ctx.user_db))
    profile.filter_edit.setText("python")
    assert profile.proxy.rowCount() >= 1
    profile.select_skill(None)
    skill = profile.selected()
    assert skill is not None and "python" in skill.name.casefold()
    assert profile.evidence.count() >= 1
    assert profile.skill_title.text().startswith(skill.name)
    # the start screen now counts the skills
    window.show_screen("start")
    assert "skills" in window.screen_widget("start").profile_label.text()


def test_override_needs_a_reason_and_is_recorded_in_the_history(
    market_home, window, qtbot, monkeypatch
):
    resume = RESUMES / "sb2nov_sourabh_bajaj_resume.pdf"
    _read_resume(window, qtbot, resume)
    profile = window.screen_widget("profile")
    qtbot.waitUntil(lambda: profile.model.rowCount() > 0)
    profile.select_skill(None)
    skill = profile.selected()
    target = 5 if skill.level != 5 else 4
    profile.override_combo.setCurrentIndex(profile.override_combo.findData(target))
    profile.reason_edit.clear()
    qtbot.mouseClick(profile.apply_button, Qt.MouseButton.LeftButton)
    assert window.shown_errors and "reason" in window.shown_errors[-1]
    qtbot.keyClicks(profile.reason_edit, "gave a conference talk on it")
    qtbot.mouseClick(profile.apply_button, Qt.MouseButton.LeftButton)
    saved = next(s for s in list_skills(window.ctx.user_db) if s.key == skill.key)
    assert saved.override_level == target
    assert saved.override_reason == "gave a conference talk on it"
    history = skill_history(window.ctx.user_db, skill.key)
    assert [entry.source for entry in history][-1] == "override"
    profile.select_skill(skill.key)
    assert profile.history_model.rowCount() == len(history)
    qtbot.waitUntil(lambda: profile.history.chart.draw_count > 0)


def test_a_damaged_resume_is_reported_and_the_profile_is_unchanged(window, qtbot, tmp_path):
    broken = tmp_path / "resume.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with qtbot.waitSignal(window.files.import_failed, timeout=60_000) as blocker:
        _drop(window, broken)
    assert "resume.pdf" in blocker.args[0]
    assert list_skills(window.ctx.user_db) == []


def test_open_resume_uses_the_file_dialog(market_home, window, qtbot, monkeypatch):
    resume = RESUMES / "jsonresume_sample.resume.json"
    monkeypatch.setattr(dialogs, "choose_resume_file", lambda _parent: resume)
    _import_succeeds(window, qtbot, window.open_resume_action.trigger)
    assert list_skills(window.ctx.user_db)
