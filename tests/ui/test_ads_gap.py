"""A tag of the user's job ads is a target on the Gap screen beside the O*NET roles: ticked, it
gets a gap, a fit, a what-if and a column side by side, from the ads' own requirements."""

from __future__ import annotations

from PySide6.QtCore import Qt

from careerplanner.services import job_ads
from careerplanner.services.skill_fixes import add_missed_skill
from careerplanner.store.user.goals import list_goals
from careerplanner.store.user.targets import add_target_role
from tests.ui.test_ads_screen import BACKEND_AD, DATA_AD


def _item(gap, code: str):
    for row in range(gap.role_list.count()):
        item = gap.role_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == code:
            return item
    return None


def test_a_tag_of_ads_is_a_target_beside_the_roles(market_home, window, qtbot):
    ctx = window.ctx
    add_missed_skill(ctx.user_db, ctx.market_db, "SQL", 3, "reports at work")
    add_target_role(ctx.user_db, "15-1243.00", "Database Architects")
    for text in (BACKEND_AD, DATA_AD):
        job_ads.add_ad_text(ctx.user_db, ctx.market_db, text, tags=("mine",))
    window.show_screen("gap")
    gap = window.screen_widget("gap")
    item = _item(gap, "ads:mine")
    assert item is not None and "Ads tagged “mine” (2 ads)" in item.text()
    assert item.checkState() == Qt.CheckState.Unchecked  # a role the user chose stays alone
    assert [g.role_code for g in gap.gaps] == ["15-1243.00"]

    item.setCheckState(Qt.CheckState.Checked)
    assert [g.role_code for g in gap.gaps] == ["15-1243.00", "ads:mine"]
    ads_gap = gap.gaps[1]
    expected = job_ads.group_requirements(ctx.user_db, ctx.market_db, tag="mine")
    assert {row.skill_key for row in ads_gap.rows} == {req.skill_key for req in expected}
    sql = next(row for row in ads_gap.rows if "SQL" in row.skill_name)
    assert sql.weight == 1.0  # both ads ask for SQL
    assert "Ads tagged “mine”: fit" in gap.fit_label.text()
    headers = [
        gap.comparison_model.headerData(i, Qt.Orientation.Horizontal)
        for i in range(gap.comparison_model.columnCount())
    ]
    assert "Ads tagged “mine”" in headers

    gap.role_combo.setCurrentIndex(gap.role_combo.findData("ads:mine"))
    assert "share of these ads" in gap.source_label.text()
    if gap.whatif_skill.count():
        assert "fit for Ads tagged “mine”" in gap.update_what_if()

    # "Create goals" plans from the ads' top gaps, as it does for a role.
    missing = [row.skill_key for row in gap.current_gap().missing]
    qtbot.mouseClick(gap.create_goals_button, Qt.MouseButton.LeftButton)
    goals = list_goals(ctx.user_db)
    assert goals and [goal.skill_key for goal in goals] == missing[: len(goals)]

    # A new ad with the tag changes the target at once (the Job ads screen says so).
    job_ads.add_ad_text(
        ctx.user_db, ctx.market_db, BACKEND_AD.replace("Berlin", "Hamburg"), tags=("mine",)
    )
    ctx.events.ads_changed.emit()
    assert "(3 ads)" in _item(gap, "ads:mine").text()
    assert _item(gap, "ads:mine").checkState() == Qt.CheckState.Checked
