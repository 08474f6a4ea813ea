"""The Gap screen behind another screen (issue 17): a change only marks its gaps out of date,
so a step ticked off on the Roadmap screen does not recompute every target's gap; once the Gap
screen is shown again, what it shows is up to date."""

from __future__ import annotations

from careerplanner.services.gap import set_own_level
from careerplanner.store.user.targets import add_target_role


def _gap_screen_with_a_target(window):
    ctx = window.ctx
    add_target_role(ctx.user_db, "15-1252.00", "Software Developers")
    ctx.events.targets_changed.emit()
    window.show_screen("gap")
    return window.screen_widget("gap")


def _row(gap, skill_key):
    return {row.skill_key: row for row in gap.rows}[skill_key]


def test_a_hidden_gap_screen_catches_up_when_shown_again(market_home, window):
    gap_screen = _gap_screen_with_a_target(window)
    before = gap_screen.current_gap()
    assert before is not None and before.missing
    missing = before.missing[0]
    window.show_screen("about")
    set_own_level(window.ctx.user_db, missing, missing.required_level, "done at work")
    window.ctx.events.profile_changed.emit()
    window.ctx.events.dataset_changed.emit()
    assert gap_screen.current_gap() is before  # hidden: nothing recomputed yet
    window.show_screen("gap")
    after = gap_screen.current_gap()
    assert _row(after, missing.skill_key).met
    assert after.fit > before.fit
    assert f"fit {after.fit:.0%}" in gap_screen.fit_label.text()


def test_a_target_added_while_hidden_shows_once_the_screen_is_back(market_home, window):
    gap_screen = _gap_screen_with_a_target(window)
    window.show_screen("about")
    add_target_role(window.ctx.user_db, "15-1211.00", "Computer Systems Analysts")
    window.ctx.events.targets_changed.emit()
    assert [gap.role_code for gap in gap_screen.gaps] == ["15-1252.00"]
    window.show_screen("gap")
    assert [gap.role_code for gap in gap_screen.gaps] == ["15-1252.00", "15-1211.00"]


def test_the_gap_screen_in_view_updates_at_once(market_home, window):
    gap_screen = _gap_screen_with_a_target(window)
    before = gap_screen.current_gap()
    missing = before.missing[0]
    set_own_level(window.ctx.user_db, missing, missing.required_level, "done at work")
    window.ctx.events.profile_changed.emit()
    assert _row(gap_screen.current_gap(), missing.skill_key).met
