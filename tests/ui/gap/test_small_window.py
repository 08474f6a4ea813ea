"""The Gap screen is usable on a 1024x640 window: the chart keeps 200 px, the table 8 rows,
and the explanation of the figures is in the app."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from careerplanner.store.user.targets import add_target_role
from careerplanner.ui.gap.explain import ExplainDialog
from careerplanner.ui.gap.view import MIN_CHART_HEIGHT, MIN_TABLE_ROWS


@pytest.fixture
def gap_at(market_home, window, qtbot):
    def show(width: int, height: int):
        ctx = window.ctx
        add_target_role(ctx.user_db, "15-1252.00", "Software Developers", "2026-01-01T00:00:00")
        ctx.events.targets_changed.emit()
        window.resize(width, height)
        window.show_screen("gap")
        gap = window.screen_widget("gap")
        qtbot.waitUntil(lambda: window.size().toTuple() == (width, height))
        QApplication.processEvents()
        return gap

    return show


@pytest.mark.parametrize("size", [(1024, 640), (1366, 768), (1920, 1080)])
def test_chart_and_table_have_room_at_common_window_sizes(gap_at, window, size):
    gap = gap_at(*size)
    assert window.size().toTuple() == size  # no screen forces the window larger
    assert gap.gap_model.rowCount() >= MIN_TABLE_ROWS
    assert gap.table_rows_shown() >= MIN_TABLE_ROWS
    assert gap.gap_panel.chart.height() >= MIN_CHART_HEIGHT
    assert gap.usability_problems() == []


def test_the_table_goes_under_the_chart_on_a_narrow_window(gap_at):
    assert gap_at(1024, 640).gap_panel.stacked
    assert not gap_at(1920, 1080).gap_panel.stacked


def test_the_divider_is_remembered(gap_at, window, ctx_factory, qtbot):
    from careerplanner.ui.shell.main_window import MainWindow

    gap = gap_at(1366, 768)
    gap.splitter.moveSplitter(330, 1)
    moved = gap.splitter.sizes()[0]
    window.ctx.settings.sync()
    again = MainWindow(ctx_factory())
    qtbot.addWidget(again)
    again.resize(1366, 768)
    again.show()
    again.show_screen("gap")
    QApplication.processEvents()
    assert again.screen_widget("gap").splitter.sizes()[0] == moved


def test_how_is_this_computed_is_explained_in_the_app(gap_at, qtbot):
    gap = gap_at(1024, 640)
    assert "docs/" not in gap.source_label.text()
    dialog = ExplainDialog(gap)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert "Priority" in text and "Fit" in text and "L3 Proficient" in text


def test_every_screen_fits_a_1024x640_window_without_scrolling_the_page(gap_at, window):
    gap_at(1024, 640)
    for index, screen in enumerate(window.screens):
        window.show_screen(screen.key)
        QApplication.processEvents()
        page = window.stack.widget(index)  # the screen's scroll area
        assert not page.verticalScrollBar().isVisible(), screen.key
        assert not page.horizontalScrollBar().isVisible(), screen.key
    assert window.size().toTuple() == (1024, 640)
