"""Correcting the reader on the Profile screen: add a missed skill (off the UI thread), mark a
found one "not a skill" with the reason, and take it back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from careerplanner.store.user.profile import list_skills, rejected_skills
from tests.conftest import RESUMES
from tests.ui.profile.test_view import _read_resume


def test_add_reject_and_take_back_from_the_profile_screen(market_home, window, qtbot):
    _read_resume(window, qtbot, RESUMES / "jsonresume_sample.resume.json")
    profile = window.screen_widget("profile")
    box = profile.corrections
    qtbot.waitUntil(lambda: profile.model.rowCount() > 0)

    qtbot.keyClicks(box.add_name, "Bonsai pruning")
    box.add_level.setCurrentIndex(box.add_level.findData(3))
    qtbot.keyClicks(box.add_reason, "three years on a surgical ward")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert not box.add_button.isEnabled()  # the lookup runs on the worker
    qtbot.waitUntil(lambda: box.add_button.isEnabled(), timeout=60_000)
    added = {s.name: s for s in list_skills(window.ctx.user_db)}["Bonsai pruning"]
    assert (added.level, added.added_reason) == (3, "three years on a surgical ward")
    profile.select_skill(added.key)
    assert profile.evidence.item(0).text() == "Added by you — three years on a surgical ward"

    victim = next(s for s in list_skills(window.ctx.user_db) if s.key != added.key)
    profile.select_skill(victim.key)
    qtbot.mouseClick(box.reject_button, Qt.MouseButton.LeftButton)
    assert window.shown_errors and "reason" in window.shown_errors[-1]
    assert victim.key in {s.key for s in list_skills(window.ctx.user_db)}
    qtbot.keyClicks(box.reject_reason, "a company, not a skill")
    qtbot.mouseClick(box.reject_button, Qt.MouseButton.LeftButton)
    assert victim.key not in {s.key for s in list_skills(window.ctx.user_db)}
    assert box.rejected.item(0).text() == f"{victim.name} — a company, not a skill"
    assert profile.model.rowCount() == len(list_skills(window.ctx.user_db))

    qtbot.mouseClick(box.take_back_button, Qt.MouseButton.LeftButton)
    assert rejected_skills(window.ctx.user_db) == [] and box.rejected.count() == 0
