"""The gap screen with a real resume on the real default dataset: what the fit counts, O*NET
ratings shown apart until rated, setting your own level, what-if wording and the pay effect."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from careerplanner.services.resume_import import import_resume_file
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user.profile import skill_history
from careerplanner.store.user.targets import add_target_role
from tests.conftest import RESUMES


@pytest.fixture
def gap_screen(installed_home, window, qtbot):
    ctx = window.ctx
    resume = RESUMES / "sb2nov_sourabh_bajaj_resume.pdf"
    import_resume_file(ctx.user_db, ctx.market_db, resume, DataDir.default().backup_dir)
    ctx.events.profile_changed.emit()
    add_target_role(ctx.user_db, "15-1252.00", "Software Developers", "2026-01-01T00:00:00")
    ctx.events.targets_changed.emit()
    window.show_screen("gap")
    return window.screen_widget("gap")


def _choose(combo, text_start: str) -> None:
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text_start))
    combo.setCurrentIndex(index)


def test_the_screen_says_what_the_fit_counts_and_keeps_ratings_apart(gap_screen):
    gap = gap_screen.current_gap()
    assert gap is not None and 0 < gap.fit < 1
    assert "Software Developers: fit" in gap_screen.fit_label.text()
    counts = gap_screen.source_label.text()
    # issue 15: O*NET ratings count at a level estimated from the resume, and it says so
    assert "the fit counts" in counts and "estimated from your skills" in counts
    # One set of numbers on the screen: rows listed = the table's rows, counted, met, to grow.
    listed = f"{len(gap.rows)} requirements listed"
    assert listed in counts and gap_screen.gap_model.rowCount() == len(gap.rows)
    met = gap.requirement_count - gap.unmet_count
    assert f"counts {gap.requirement_count} of them, {met} met and {gap.unmet_count} to grow" in (
        counts
    )
    you_column = 1
    model = gap_screen.gap_model
    shown = {
        model.index(r, 0).data(): model.index(r, you_column).data() for r in range(model.rowCount())
    }
    assert shown["Reading Comprehension"].endswith("(est.)")
    assert shown["Programming"] in ("L4 (est.)", "L5 (est.)")  # from the resume, said so
    assert shown["Python"].startswith("L5") or shown["Python"].startswith("L4")
    # no rating dimension outranks a technology the resume lacks
    first = model.rows()[0]
    assert first.kind == "technology" and first.priority > 0


def test_setting_your_level_for_a_rating_counts_it(gap_screen, qtbot):
    before = gap_screen.current_gap().fit
    # The estimated level (issue 15) is replaced by the user's own: here, lower.
    _choose(gap_screen.whatif_skill, "Critical Thinking")
    gap_screen.whatif_level.setCurrentIndex(1)
    sentence = gap_screen.whatif_result.text()
    assert sentence.startswith("Lower Critical Thinking from L")
    qtbot.mouseClick(gap_screen.set_level_button, Qt.MouseButton.LeftButton)
    gap = gap_screen.current_gap()
    row = next(row for row in gap.rows if row.skill_name == "Critical Thinking")
    assert row.rated and row.your_level == 1 and not row.estimated
    assert gap.fit < before
    history = skill_history(gap_screen.ctx.user_db, row.skill_key)
    assert history[-1].level == 1 and "gap screen" in history[-1].note


def test_a_what_if_at_the_current_level_says_keep(gap_screen):
    gap = gap_screen.current_gap()
    assert all(row.rated for row in gap.missing)
    _choose(gap_screen.whatif_skill, gap.missing[0].skill_name)
    gap_screen.whatif_level.setCurrentIndex(0)
    assert gap_screen.whatif_result.text().startswith(f"Keep {gap.missing[0].skill_name} at L0")


def test_pay_for_the_role_is_shown_with_its_source(gap_screen):
    text = gap_screen.pay_label.text()
    assert text.startswith("Pay for the role (annual, BLS OEWS")
    assert "median $" in text


def test_side_by_side_marks_estimated_levels_like_the_single_role_view(gap_screen, qtbot):
    add_target_role(
        gap_screen.ctx.user_db, "15-1243.00", "Database Architects", "2026-01-02T00:00:00"
    )
    gap_screen.ctx.events.targets_changed.emit()
    assert gap_screen.role_combo.count() == 2
    gap_screen.tabs.setCurrentIndex(1)
    model = gap_screen.comparison_proxy
    you = {model.index(r, 0).data(): model.index(r, 1) for r in range(model.rowCount())}
    assert you["Programming"].data().endswith("(est.)")
    tooltip = you["Programming"].data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("<p>estimated from your")  # escaped rich text: shown literally
    assert you["Reading Comprehension"].data().endswith("(est.)")
    single = {row.skill_name: row.your_level_text for row in gap_screen.current_gap().rows}
    for name, index in you.items():
        if name in single:
            assert index.data() == single[name], name


def test_a_recompute_that_changes_nothing_resets_no_table_and_a_change_shows(gap_screen, qtbot):
    resets = []
    gap_screen.gap_model.modelReset.connect(lambda: resets.append("gap"))
    gap_screen.comparison_model.modelReset.connect(lambda: resets.append("comparison"))
    shown = gap_screen.current_gap()
    gap_screen.recompute()  # what every unrelated profile or dataset signal leads to
    assert resets == [] and gap_screen.current_gap() is shown
    # a change through another connection (as a worker's import makes) is picked up
    row = shown.missing[0]
    worker = DataDir.default().open_user_db()
    try:
        from careerplanner.services.gap import set_own_level

        set_own_level(worker, row, row.required_level, "done at work")
    finally:
        worker.close()
    gap_screen.recompute()
    assert resets == ["comparison", "gap"]
    after = {r.skill_key: r for r in gap_screen.current_gap().rows}[row.skill_key]
    assert after.your_level == row.required_level and after.met
    assert gap_screen.current_gap().fit > shown.fit
