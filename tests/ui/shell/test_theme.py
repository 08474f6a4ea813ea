"""View > Theme: light, dark or the system's scheme, kept in the settings file."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from careerplanner.ui.common.appearance import apply_theme, chart_theme, is_dark, theme_choice
from careerplanner.ui.shell.main_window import MainWindow


@pytest.fixture
def back_to_system(qapp):
    yield
    apply_theme(QApplication.instance(), "system")  # the palette is the whole test session's


def test_dark_is_chosen_from_the_view_menu_and_kept_in_the_settings(
    window, ctx_factory, qtbot, data_home, back_to_system
):
    assert not is_dark()
    window.theme_actions["dark"].trigger()
    assert is_dark()
    assert chart_theme().background == "#1e1e1e"  # charts follow the chosen palette
    assert "theme=dark" in (data_home / "settings.ini").read_text(encoding="utf-8")
    window.close()

    apply_theme(QApplication.instance(), "system")  # as a new process would start
    ctx = ctx_factory()
    assert theme_choice(ctx.settings) == "dark"
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.theme_actions["dark"].text().endswith("(current)")


def test_light_and_back_to_the_system(window, back_to_system):
    window.theme_actions["dark"].trigger()
    window.theme_actions["light"].trigger()
    assert not is_dark()
    assert window.theme_actions["light"].text().endswith("(current)")
    assert not window.theme_actions["dark"].text().endswith("(current)")
    window.theme_actions["system"].trigger()
    assert theme_choice(window.ctx.settings) == "system"


def test_an_unknown_stored_theme_means_the_system(window):
    window.ctx.settings.setValue("appearance/theme", "<b>neon</b>")
    assert theme_choice(window.ctx.settings) == "system"
