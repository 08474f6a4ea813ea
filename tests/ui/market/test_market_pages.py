"""The Market screen's skill page and career page on a real market database: the default dataset
(O*NET, BLS, ESCO) and a postings CSV the test wrote (tests/services/market_postings.py). The
pages show the figures of `services.skill_page` and `services.career_page`, each with its n, and
fit a 1024x640 window without scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea

from tests.services.market_postings import CIVIL, CLERICAL


@pytest.fixture
def market(postings_home, window):
    window.resize(1024, 640)
    window.show_screen("market")
    return window.screen_widget("market")


def _screen_scrolls(window, market) -> bool:
    for _ in range(3):
        QApplication.processEvents()
    area = next(a for a in window.findChildren(QScrollArea) if a.widget().isAncestorOf(market))
    return area.verticalScrollBar().isVisible()


def test_the_skill_page_shows_every_figure_with_its_n(market, window, qtbot):
    skill = market.skill_page
    qtbot.keyClicks(skill.search, "Microsoft Excel")
    qtbot.waitUntil(lambda: skill.matches.count() > 0)  # searched once typing pauses
    assert skill.matches.item(0).text().startswith("Microsoft Excel  (")
    assert "24 postings" in skill.matches.item(0).text()
    skill.matches.setCurrentRow(0)
    text = skill.figures.text()
    assert "48 jobs analysed" in text
    assert "Demand rate 50%: 24 of 48 postings ask for it" in text
    assert "(n = 24) (small sample)" in text  # the depth rests on 24 postings
    assert "Median pay with it $" in text and "without $" in text
    assert skill.warning.isVisible() and skill.warning.text().startswith("Small sample: 24")
    # the depth distribution as a chart and its table, with what each level means
    rows = skill.depth_model.rows()
    assert [row.code for row in rows] == ["L0", "L1", "L2", "L3", "L4", "L5"]
    assert sum(row.postings for row in rows) == 24
    assert skill.depth_model.index(3, 2).data() == "daily professional use, works independently"
    qtbot.waitUntil(lambda: skill.depth_panel.chart.draw_count > 0)
    roles = {row.role: row for row in skill.role_model.rows()}
    assert (roles[CIVIL].jobs_with_skill, roles[CIVIL].jobs) == (12, 36)
    clerical = skill.role_model.rows().index(roles[CLERICAL])
    assert skill.role_model.index(clerical, 5).data() == "small sample"
    assert "Microsoft Word" in [p.name for p in skill.pairing_model.rows()]
    assert skill.occupation_model.rowCount() > 0
    assert "Gap rate: not shown" in skill.honesty.text()
    assert not _screen_scrolls(window, market)


def test_the_career_page_shows_how_to_become_a_civil_engineer(market, window, qtbot):
    market.tabs.setCurrentWidget(market.career_page)
    career = market.career_page
    qtbot.keyClicks(career.role_search.edit, "Civil Engineers")
    results = career.role_search.results
    qtbot.waitUntil(lambda: results.count() > 0 and results.item(0).text().startswith("Civil"))
    results.setCurrentRow(0)
    results.itemActivated.emit(results.currentItem())
    assert career.code == "17-2051.00"
    assert career.title.text() == "How to become: Civil Engineers (17-2051.00)"
    assert "From 36 job postings whose role is “Civil Engineer”" in career.source_note.text()
    top = career.top_model.rows()
    assert [s.share for s in top] == sorted((s.share for s in top), reverse=True)
    assert career.top_model.index(0, 1).data() == "100% (36)"
    summary = career.postings.summary.text()
    assert summary.startswith("36 job postings whose role is “Civil Engineer”")
    assert "p25–p75 $" in summary
    steps = {
        (step.name, step.your_level_text, step.required_level)
        for step, _level, _how in (career.path_model.rows())
    }
    assert ("Autodesk AutoCAD", "L0", 3) in steps
    seniority = career.postings.seniority_model.rows()
    assert sum(count for _name, count, _share in seniority) == 36
    assert [label for label, _ in career.pay_model.rows()][2] == "median"  # BLS beside it
    assert not _screen_scrolls(window, market)
