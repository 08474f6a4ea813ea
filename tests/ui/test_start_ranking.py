"""The Start screen's "Roles that fit you" (issue 15): it paints first, fills in from a worker,
and each role is a click away from its gap."""

from __future__ import annotations

from PySide6.QtCore import Qt

from careerplanner.services.resume_import import import_resume_file
from careerplanner.store.user.targets import target_roles
from tests.conftest import RESUMES


def test_roles_that_fit_you_fill_in_and_open_their_gap(market_home, window, qtbot):
    start = window.screen_widget("start")
    assert start.fitting.count() == 0 and "Read your resume" in start.fitting_hint.text()
    ctx = window.ctx
    resume = RESUMES / "sb2nov_sourabh_bajaj_resume.pdf"
    import_resume_file(ctx.user_db, ctx.market_db, resume, ctx.data_dir.backup_dir)
    ctx.events.profile_changed.emit()
    # The screen is usable at once: the list says it is ranking, then fills in.
    assert "Ranking every role" in start.fitting_hint.text() or start.fitting.count() == 0
    qtbot.waitUntil(lambda: start.fitting.count() > 0, timeout=60_000)
    first = start.fitting.item(0).text()
    assert "%" in first and "req.)" in first  # the fit and the count behind it
    assert "Click one to see its gap" in start.fitting_hint.text()
    code, title = start.fitting.item(0).data(Qt.ItemDataRole.UserRole)
    rect = start.fitting.visualItemRect(start.fitting.item(0))
    qtbot.mouseClick(start.fitting.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert code in [target.code for target in target_roles(ctx.user_db)]
    assert window.current_screen() == "gap"
    gap_screen = window.screen_widget("gap")
    qtbot.waitUntil(lambda: gap_screen.current_gap() is not None, timeout=30_000)
    assert title in gap_screen.fit_label.text()
