"""Issue 18: the Job ads screen opens without building its Fit and Group tabs; each is built,
and its figures worked out, when the user first opens it."""

from __future__ import annotations

import pytest

from careerplanner.ui.ads.dialogs import AdInput
from careerplanner.ui.ads.panels import FitPanel, GroupPanel
from careerplanner.ui.ads.view import FIT_TAB, GROUP_TAB
from tests.ui.test_ads_screen import BACKEND_AD, DATA_AD, _paste


@pytest.fixture
def ads_window(market_home, window):
    window.show_screen("ads")
    return window


def test_the_fit_and_group_tabs_are_built_when_first_opened(ads_window, qtbot, monkeypatch):
    _paste(monkeypatch, qtbot, ads_window, AdInput(BACKEND_AD, tags=("mine",)))
    view = _paste(monkeypatch, qtbot, ads_window, AdInput(DATA_AD, tags=("mine",)))
    assert not view.findChildren(FitPanel) and not view.findChildren(GroupPanel)

    view.tabs.setCurrentIndex(FIT_TAB)
    panels = view.tabs.widget(FIT_TAB).findChildren(FitPanel)
    assert len(panels) == 1 and panels[0].isVisibleTo(view)
    qtbot.waitUntil(lambda: panels[0].fit is not None, timeout=30_000)
    assert panels[0].fit.ad_id == view.current_id()
    assert panels[0].figure.text().startswith("Fit ")

    view.tabs.setCurrentIndex(GROUP_TAB)
    groups = view.tabs.widget(GROUP_TAB).findChildren(GroupPanel)
    assert len(groups) == 1 and groups[0].isVisibleTo(view)
    qtbot.waitUntil(lambda: groups[0].group is not None, timeout=30_000)
    assert groups[0].group.n == 2
    view.tabs.setCurrentIndex(FIT_TAB)
    view.tabs.setCurrentIndex(GROUP_TAB)
    assert len(view.findChildren(FitPanel)) == len(view.findChildren(GroupPanel)) == 1


def test_choosing_another_ad_with_the_fit_tab_open_shows_its_fit(ads_window, qtbot, monkeypatch):
    _paste(monkeypatch, qtbot, ads_window, AdInput(BACKEND_AD, title="Backend Engineer"))
    view = _paste(monkeypatch, qtbot, ads_window, AdInput(DATA_AD, title="Data Analyst"))
    view.tabs.setCurrentIndex(FIT_TAB)
    for row in (0, 1):
        view.table.selectRow(row)
        qtbot.waitUntil(
            lambda: (
                view.fit_panel.fit is not None and view.fit_panel.fit.ad_id == view.current_id()
            ),
            timeout=30_000,
        )
