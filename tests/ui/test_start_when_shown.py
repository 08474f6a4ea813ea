"""The Start screen behind another screen (issue 17): a change waits until Start is shown again,
so a step ticked off on the Roadmap screen does not recount every target's fit and rank every
role; what Start shows once it is back is up to date."""

from __future__ import annotations

from careerplanner.store.user.targets import add_target_role


def test_start_catches_up_when_shown_again(market_home, window, qtbot):
    start = window.screen_widget("start")
    assert start.targets.count() == 0
    window.show_screen("roadmap")
    ctx = window.ctx
    add_target_role(ctx.user_db, "15-1252.00", "Software Developers")
    ctx.events.targets_changed.emit()
    ctx.events.profile_changed.emit()
    assert start.targets.count() == 0  # hidden: nothing read, nothing ranked
    window.show_screen("start")
    assert start.targets.item(0).text().startswith("Software Developers")
    qtbot.waitUntil(
        lambda: "fit" in start.targets.item(0).text() and "…" not in start.targets.item(0).text()
    )


def test_start_in_view_updates_at_once(market_home, window):
    start = window.screen_widget("start")
    ctx = window.ctx
    add_target_role(ctx.user_db, "15-1252.00", "Software Developers")
    ctx.events.targets_changed.emit()
    assert start.targets.count() == 1
