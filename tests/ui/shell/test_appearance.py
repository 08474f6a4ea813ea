"""How labels stand out (titles, hints, warnings) in both themes, and text on a machine with no
fonts."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from careerplanner.ui.common.appearance import WARNING_COLOUR, apply_theme, set_text_role


@pytest.fixture
def back_to_system(qapp):
    yield
    apply_theme(QApplication.instance(), "system")  # the palette is the whole test session's


def drawn_colour(label: QLabel) -> str:
    return label.palette().color(label.foregroundRole()).name()


def test_titles_and_headings_are_larger_and_bold_than_body_text(qtbot):
    body = QLabel("Body")
    title = set_text_role(QLabel("Where do you stand?"), "title")
    subtitle = set_text_role(QLabel("1. Your resume"), "subtitle")
    figure = set_text_role(QLabel("68%"), "figure")
    for label in (body, title, subtitle, figure):
        qtbot.addWidget(label)
    assert not body.font().bold()
    assert body.font().pointSizeF() < subtitle.font().pointSizeF() < title.font().pointSizeF()
    assert title.font().pointSizeF() < figure.font().pointSizeF()
    assert title.font().bold() and subtitle.font().bold() and figure.font().bold()
    assert subtitle.contentsMargins().top() > 0  # a little space above a section


def test_a_hint_is_greyed_in_the_theme_in_use_and_follows_a_change_of_theme(qtbot, back_to_system):
    hint = set_text_role(QLabel("Read your resume to see every role ranked."), "hint")
    body = QLabel("Body")
    qtbot.addWidget(hint)
    qtbot.addWidget(body)
    app = QApplication.instance()
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        QApplication.processEvents()  # the new palette reaches widgets as an event
        placeholder = app.palette().color(QPalette.ColorRole.PlaceholderText).name()
        assert drawn_colour(hint) == placeholder
        assert drawn_colour(hint) != drawn_colour(body)


def test_a_warning_keeps_its_colour_in_both_themes(qtbot, back_to_system):
    warning = set_text_role(QLabel("Re-read these ads"), "warning")
    qtbot.addWidget(warning)
    for theme in ("light", "dark"):
        apply_theme(QApplication.instance(), theme)
        QApplication.processEvents()
        assert drawn_colour(warning) == WARNING_COLOUR
        assert warning.font().bold()


def test_an_unknown_text_role_is_a_programming_error(qtbot):
    label = QLabel("x")
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match="neon"):
        set_text_role(label, "neon")


def test_a_machine_without_fonts_still_draws_text(tmp_path):
    """Fontconfig pointed at no fonts at all: the bundled DejaVu Sans is registered and used,
    and a label's text comes out as ink, not blank."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    script = textwrap.dedent(
        """
        from PySide6.QtGui import QColor, QFontDatabase
        from PySide6.QtWidgets import QLabel
        from careerplanner.app import create_application

        app = create_application()
        label = QLabel("Career Planner")
        label.resize(200, 40)
        image = label.grab().toImage()
        background = label.palette().color(label.backgroundRole()).name()
        ink = sum(
            QColor(image.pixel(x, y)).name() != background
            for x in range(image.width())
            for y in range(image.height())
        )
        print("DejaVu Sans" in QFontDatabase.families(), ink)
        """
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    registered, ink = result.stdout.split()
    assert registered == "True"
    assert int(ink) > 50


def test_a_theme_chosen_while_the_window_is_open_recolours_the_styled_widgets(
    window, back_to_system
):
    """The navigation, the drop zone and the tables keep style sheets of their own, which read
    the palette when applied: switching theme applies them again."""
    from PySide6.QtGui import QColor

    def colour_inside(widget) -> str:
        image = widget.grab().toImage()
        return QColor(image.pixel(image.width() // 2, image.height() - 10)).name()

    window.resize(1024, 640)
    window.show()
    drop_zone = window.screen_widget("start").drop_zone
    app = QApplication.instance()
    for theme in ("light", "dark", "light"):
        window.theme_actions[theme].trigger()
        QApplication.processEvents()
        palette = app.palette()
        assert (
            colour_inside(window.navigation)
            == palette.color(QPalette.ColorRole.AlternateBase).name()
        )
        assert colour_inside(drop_zone) == palette.color(QPalette.ColorRole.Window).name()
