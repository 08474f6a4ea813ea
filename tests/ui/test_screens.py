"""Each screen driven as a user would, on a real market database (a slice of O*NET 29.2 and BLS
wages) in a private data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from careerplanner.store.user.targets import target_roles
from careerplanner.ui.common import dialogs
from tests.conftest import onet_release
from tests.ui.conftest import slice_lines


@pytest.fixture
def market_window(market_home, window):
    return window


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _add_target(qtbot, start, title: str) -> None:
    start.role_search.edit.clear()
    qtbot.keyClicks(start.role_search.edit, title)
    results = start.role_search.results
    wanted = title.casefold().replace(" ", "")
    qtbot.waitUntil(
        lambda: results.count() > 0 and wanted in results.item(0).text().casefold().replace(" ", "")
    )
    results.setCurrentRow(0)  # the user picks: nothing is pre-selected
    _click(qtbot, start.add_button)


def test_start_finds_a_role_by_a_title_people_use_and_shows_the_fit(market_window, qtbot):
    start = market_window.screen_widget("start")
    _add_target(qtbot, start, "Backend Engineer")
    assert [t.code for t in target_roles(market_window.ctx.user_db)] == ["15-1254.00"]
    qtbot.waitUntil(lambda: start.targets.count() == 1)
    # The list shows at once; the fit follows once the screen has painted.
    qtbot.waitUntil(lambda: start.targets.item(0).text().startswith("Web Developers — fit 0%"))
    assert "O*NET 29.2" in start.market_label.text()


def test_start_remove_a_target_role(market_window, qtbot):
    start = market_window.screen_widget("start")
    _add_target(qtbot, start, "Database Architect")
    qtbot.waitUntil(lambda: start.targets.count() == 1)
    start.targets.setCurrentRow(0)
    _click(qtbot, start.remove_button)
    assert start.targets.count() == 0
    assert target_roles(market_window.ctx.user_db) == []


def test_gap_compares_roles_side_by_side_with_fit_priority_and_what_if(market_window, qtbot):
    start = market_window.screen_widget("start")
    _add_target(qtbot, start, "Database Architects")
    _add_target(qtbot, start, "Web Developers")
    market_window.show_screen("gap")
    gap = market_window.screen_widget("gap")
    assert gap.role_combo.count() == 2
    assert "fit 0%" in gap.fit_label.text()
    assert gap.gap_model.rowCount() > 10
    priorities = [row.priority for row in gap.gap_model.rows()]
    assert priorities == sorted(priorities, reverse=True)
    # the chart beside the table was drawn
    qtbot.waitUntil(lambda: gap.gap_panel.chart.draw_count > 0)
    # side by side: one column per role
    headers = [
        gap.comparison_model.headerData(i, Qt.Orientation.Horizontal)
        for i in range(gap.comparison_model.columnCount())
    ]
    assert headers[2:4] == ["Database Architects", "Web Developers"]
    # what-if: raising the first skill to its required level improves the fit
    gap.whatif_skill.setCurrentIndex(0)
    sentence = gap.whatif_result.text()
    assert sentence.startswith("Raise ")
    assert "goes from 0% to" in sentence and not sentence.endswith("to 0%.")
    # untick a role: the comparison loses its column
    gap.role_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert gap.comparison_model.columnCount() == 4


def test_gap_table_sorts_by_clicking_the_header(market_window, qtbot):
    start = market_window.screen_widget("start")
    _add_target(qtbot, start, "Database Architects")
    market_window.show_screen("gap")
    gap = market_window.screen_widget("gap")
    table = gap.gap_panel.table
    header = table.horizontalHeader()
    first_section = QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=first_section)
    names = [gap.gap_proxy.index(r, 0).data() for r in range(gap.gap_proxy.rowCount())]
    assert len(names) > 10
    assert names in (sorted(names, key=str.casefold), sorted(names, key=str.casefold, reverse=True))
    assert header.sortIndicatorSection() == 0


def test_market_explorer_skill_and_career_pages(market_window, qtbot):
    market_window.show_screen("market")
    market = market_window.screen_widget("market")
    skill = market.skill_page
    qtbot.keyClicks(skill.search, "SQL")
    qtbot.waitUntil(lambda: skill.matches.count() > 0)  # searched once typing pauses
    skill.matches.setCurrentRow(0)
    assert "listed for" in skill.figures.text() and "occupations" in skill.figures.text()
    assert skill.occupation_model.rowCount() > 0
    market.tabs.setCurrentWidget(market.career_page)
    career = market.career_page
    qtbot.keyClicks(career.role_search.edit, "Software Developers")
    qtbot.waitUntil(lambda: career.role_search.results.count() > 0)
    career.role_search.results.setCurrentRow(0)
    item = career.role_search.results.currentItem()
    career.role_search.results.itemActivated.emit(item)
    assert career.code == "15-1252.00"
    assert career.rating_model.rowCount() > 0
    # Software Developers has no ratings of its own: the page says whose it shows
    assert "no Skills or Knowledge ratings" in career.ratings_note.text()
    assert [label for label, _ in career.pay_model.rows()] == ["p10", "p25", "median", "p75", "p90"]
    assert all(value and value > 30_000 for _, value in career.pay_model.rows())
    assert career.path_in.text().startswith("Your path in: you meet 0 of the top 6 skills")
    assert career.top_model.rowCount() == 15  # from O*NET: no postings are installed
    assert "no job-postings dataset is installed" in career.source_note.text()
    assert career.related.count() > 0


def _onet_24_slice(folder: Path) -> Path:
    source = onet_release("24.2")
    folder.mkdir()
    (folder / "Read Me.txt").write_bytes((source / "Read Me.txt").read_bytes())
    slice_lines(
        source / "Technology Skills.txt",
        folder / "Technology Skills.txt",
        # 24.2 predates the 2019 SOC codes of the 29.2 slice: keep its computer occupations
        lambda line: line.startswith("15-11"),
    )
    return folder


def test_datasets_import_switch_and_diff(market_window, qtbot, tmp_path, monkeypatch):
    market_window.show_screen("datasets")
    view = market_window.screen_widget("datasets")
    assert {d.name for d in view.datasets} >= {"O*NET 29.2"}
    older = _onet_24_slice(tmp_path / "onet-24.2")
    monkeypatch.setattr(dialogs, "choose_dataset_file", lambda _parent: older)
    with qtbot.waitSignal(market_window.files.dataset_imported, timeout=20_000):
        _click(qtbot, view.import_button)
    qtbot.waitUntil(lambda: any(d.version == "24.2" for d in view.datasets))
    # An older release is kept but not made active (it would replace the newer one).
    active = {d.kind: d.version for d in view.datasets if d.active}
    assert active["onet"] == "29.2"
    older_info = next(d for d in view.datasets if d.version == "24.2")
    view._select(older_info.id)
    assert view.activate_button.isEnabled()
    _click(qtbot, view.activate_button)
    qtbot.waitUntil(
        lambda: {d.version for d in view.datasets if d.active and d.kind == "onet"} == {"24.2"}
    )
    # switch back to 29.2
    newer = next(d for d in view.datasets if d.version == "29.2")
    view._select(newer.id)
    _click(qtbot, view.activate_button)
    qtbot.waitUntil(
        lambda: {d.version for d in view.datasets if d.active and d.kind == "onet"} == {"29.2"}
    )
    # what changed between the two versions (listed oldest release first)
    view._select(newer.id)
    assert view.diff_button.isEnabled()
    _click(qtbot, view.diff_button)
    qtbot.waitUntil(lambda: view.last_diff is not None, timeout=20_000)
    # A page a person reads: a sentence with the counts, then sortable tables with counts.
    page = view.changes
    assert view.side.currentWidget() is page
    summary = page.summary.text()
    assert summary.startswith("From O*NET 24.2 to O*NET 29.2: ")
    assert "skills added" in summary and "files changed" in summary
    assert "{" not in summary and "True" not in summary  # never the raw structure
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles[0].startswith("Added (") and titles[-1].startswith("Files (")
    added = page.models["added"]
    assert added.rowCount() == int(titles[0].removeprefix("Added (").rstrip(")"))
    assert added.rowCount() > 0  # 29.2 lists technologies 24.2 did not
    assert f"{added.rowCount()} skills added" in summary
    assert page.models["files"].rowCount() > 0


def test_importing_the_same_dataset_again_changes_nothing(market_window, qtbot, market_template):
    view = market_window.screen_widget("datasets")
    before = [(d.id, d.active) for d in view.datasets]
    onet = market_template.parent.parent / "onet-29.2-slice"
    messages = []
    market_window.ctx.events.status_message.connect(messages.append)
    with qtbot.waitSignal(market_window.files.dataset_imported, timeout=20_000):
        market_window.files.import_dataset_path(onet)
    assert any("already installed" in message for message in messages)
    view.refresh()
    assert [(d.id, d.active) for d in view.datasets] == before


def test_about_shows_version_and_attributions(window):
    window.show_screen("about")
    about = window.screen_widget("about")
    text = about.attributions.toPlainText()
    assert "O*NET" in text and "CC BY 4.0" in text
    assert "ESCO" in text
    assert "Bureau of Labor Statistics" in text
