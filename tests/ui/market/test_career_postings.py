"""The career page's job-postings figures, from a real postings import (a slice of the Glassdoor
file written to tmp_path) on the real O*NET slice: postings roles found through the occupation's
titles, pay-raising skills and seniority with their n, and the small-sample flag."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import shared_path

SLICE_ROWS = 150  # 98 "data scientist" postings (n >= 30), 16 "data engineer" (a small sample)


def write_postings_slice(target: Path, rows: int = SLICE_ROWS) -> list[dict]:
    """The first `rows` postings of the real file, written as a CSV; returns them as read."""
    source = shared_path("data", "postings", "glassdoor_data_science_2020.csv")
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        kept = [row for _, row in zip(range(rows), reader, strict=False)]
        fields = reader.fieldnames
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(kept)
    return kept


@pytest.fixture
def career(market_home, window):
    window.show_screen("market")
    market = window.screen_widget("market")
    market.tabs.setCurrentWidget(market.career_page)
    return market.career_page


def _import_postings(window, qtbot, tmp_path) -> list[dict]:
    rows = write_postings_slice(tmp_path / "postings-slice.csv")
    with qtbot.waitSignal(window.files.dataset_imported, timeout=60_000):
        window.files.import_dataset_path(tmp_path / "postings-slice.csv")
    return rows


def _show(qtbot, career, title: str) -> None:
    career.role_search.edit.clear()
    qtbot.keyClicks(career.role_search.edit, title)
    results = career.role_search.results
    qtbot.waitUntil(lambda: results.count() > 0 and results.item(0).text().startswith(title))
    results.setCurrentRow(0)
    results.itemActivated.emit(results.currentItem())


def test_without_postings_the_page_says_so_and_hides_the_postings_tabs(career, qtbot):
    _show(qtbot, career, "Data Scientists")
    assert career.code == "15-2051.00"
    assert career.postings.summary.text().startswith("No job-postings dataset is installed")
    tabs = career.figure_tabs
    visible = [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    assert visible == ["Asked for most", "Your path in", "O*NET ratings", "Pay (BLS)"]


def test_data_scientists_show_the_postings_whose_role_is_data_scientist(
    career, window, qtbot, tmp_path
):
    _show(qtbot, career, "Data Scientists")
    rows = _import_postings(window, qtbot, tmp_path)  # the page refreshes on dataset_changed
    postings = career.postings
    jobs = Counter(row["job_simp"] for row in rows)
    match = postings.current()
    assert match is not None and match.role == "data scientist"
    assert match.matched_title == "Data Scientist"
    assert match.figures.jobs == jobs["data scientist"] == 98
    summary = postings.summary.text()
    assert summary.startswith("98 job postings whose role is “data scientist”")
    assert "Pay in 98 salaried postings: median $" in summary
    assert postings.warning.isHidden()  # n >= 30: no small-sample flag
    # the roles offered are those whose name is one of the occupation's titles
    offered = [postings.role_combo.itemData(i) for i in range(postings.role_combo.count())]
    assert offered[0] == "data scientist" and "data engineer" in offered
    assert "analyst" not in offered and "Scientist" not in offered  # one word: a trade
    # seniority breakdown: every posting once; the file's own "senior" cells are all there
    seniority = dict((name, count) for name, count, _share in postings.seniority_model.rows())
    assert sum(seniority.values()) == 98
    senior_cells = sum(
        1 for row in rows if row["job_simp"] == "data scientist" and row["seniority"] == "senior"
    )
    assert seniority["senior"] >= senior_cells == 16
    window.show_screen("market")
    career.figure_tabs.setCurrentWidget(postings.seniority_panel)
    qtbot.waitUntil(lambda: postings.seniority_panel.chart.draw_count > 0)
    # pay-raising skills: more pay with the skill, at least 3 salaried postings each side, n shown
    raising = postings.pay_model.rows()
    assert raising, "the slice has skills that raise pay"
    for skill in raising:
        assert skill.salary_with_median > skill.salary_without_median
        assert min(skill.salary_with_n, skill.salary_without_n) >= 3
        assert skill.salary_with_n + skill.salary_without_n == match.figures.jobs_with_salary
    model = postings.pay_model
    for number, skill in enumerate(raising):
        note = model.index(number, 4).data()
        small = min(skill.salary_with_n, skill.salary_without_n) < 30
        assert note == ("small sample" if small else "")
        assert model.index(number, 1).data().endswith(f"({skill.salary_with_n})")
    demanded = postings.demand_model.rows()
    assert demanded and demanded[0].jobs == 98
    assert [s.jobs_with_skill for s in demanded] == sorted(
        (s.jobs_with_skill for s in demanded), reverse=True
    )


def test_a_small_role_is_flagged_and_a_shared_title_is_named(career, window, qtbot, tmp_path):
    _import_postings(window, qtbot, tmp_path)
    _show(qtbot, career, "Database Architects")
    postings = career.postings
    assert career.code == "15-1243.00"
    match = postings.current()
    assert match.role == "data engineer" and match.figures.jobs == 16
    assert not postings.warning.isHidden()
    assert postings.warning.text().startswith("Small sample: 16 postings")
    # O*NET lists "Data Engineer" for Data Scientists too (within this slice of O*NET)
    assert "a title O*NET also gives Data Scientists" in postings.summary.text()
    assert match.occupations == ("15-1243.00", "15-2051.00")
    tabs = career.figure_tabs
    assert all(tabs.isTabVisible(i) for i in range(tabs.count()))
    # switching the postings role on the Data Scientists page drops the flag again
    _show(qtbot, career, "Data Scientists")
    assert postings.warning.isHidden()
    postings.role_combo.setCurrentIndex(postings.role_combo.findData("data engineer"))
    assert not postings.warning.isHidden()
    assert sum(count for _, count, _ in postings.seniority_model.rows()) == 16


def test_a_role_the_postings_do_not_cover_says_so_and_shows_the_bls_pay(
    career, window, qtbot, tmp_path
):
    _import_postings(window, qtbot, tmp_path)
    window.show_screen("market")
    _show(qtbot, career, "Data Scientists")
    career.figure_tabs.setCurrentWidget(career.postings.seniority_panel)
    _show(qtbot, career, "Web Developers")
    assert career.code == "15-1254.00"
    assert career.postings.current() is None
    assert "no postings role is one of the titles of Web Developers" in (
        career.postings.summary.text()
    )
    assert career.postings.warning.isHidden() and career.postings.role_row.isHidden()
    tabs = career.figure_tabs
    assert tabs.isTabVisible(tabs.currentIndex())  # never a hidden postings tab
    assert career.postings.pay_model.rowCount() == 0
