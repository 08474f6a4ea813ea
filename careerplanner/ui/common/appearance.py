"""Fonts, icon, text roles and light/dark colours: how the application looks.

The bundled DejaVu fonts are registered at start-up so a machine without any fonts (a bare
container, a minimal Linux) still draws text instead of empty boxes. Colours always come from the
palette, which follows the system's light or dark scheme unless the user chose light or dark
(View > Theme, kept in the settings file); charts get the same colours through `chart_theme()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from careerplanner.paths import resource_path

if TYPE_CHECKING:
    from careerplanner.charts.theme import ChartTheme

BUNDLED_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FALLBACK_FAMILY = "DejaVu Sans"


def load_bundled_fonts() -> list[str]:
    """Register the bundled fonts; return the families Qt now knows from them."""
    families: list[str] = []
    for name in BUNDLED_FONTS:
        path = resource_path("fonts", name)
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def ensure_readable_font(app: QApplication) -> None:
    """Use the bundled font when the system has none (or only ones Qt cannot use).

    The bundled files are registered only when the system lacks their family: a system that
    has it needs no second copy (reading the two files cost every start ~0.7 ms)."""
    system_families = set(QFontDatabase.families())
    families = [] if FALLBACK_FAMILY in system_families else load_bundled_fonts()
    if not system_families and families:
        font = QFont(families[0])
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    else:
        # Keep the system font, but let Qt fall back to DejaVu for missing glyphs.
        font = app.font()
        font.setFamilies([font.family(), FALLBACK_FAMILY])
        app.setFont(font)


def app_icon() -> QtGui.QIcon:
    """The window's icon. Set once the window has painted: PySide builds QIcon's Python type,
    with its enums, on first use (~2 ms of a start)."""
    icon = QtGui.QIcon()
    for name in ("app-256.png", "app.png"):
        path = resource_path("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


# How the application stands out from Qt's defaults. Set in code, widget by widget, rather than by
# one style sheet on the whole application: with an application style sheet every widget is
# drawn through Qt's style-sheet style (rules matched and fonts and palettes copied for each),
# which cost the first paint ~8 ms. Only the three widgets below keep a style sheet of their own,
# for what a palette and a font cannot say (padded, rounded items; a dashed border; grid lines).
# Colours still come from the palette, so light and dark follow the system or the user's choice.

NAVIGATION_STYLE = """
QListWidget#navigation {
    border: none;
    background: palette(alternate-base);
    padding-top: 8px;
    font-size: 11pt;
}
QListWidget#navigation::item {
    padding: 9px 14px;
    border-radius: 6px;
    margin: 1px 6px;
}
QListWidget#navigation::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
"""

DROP_ZONE_STYLE = """
QFrame#dropZone {
    border: 2px dashed palette(mid);
    border-radius: 12px;
    min-height: 120px;
}
"""

TABLE_GRID_STYLE = "QTableView { gridline-color: palette(midlight); }"

# A label's text role: (point size or None to keep the font's, bold).
_ROLE_FONTS = {
    "title": (17.0, True),
    "subtitle": (12.0, True),
    "figure": (20.0, True),
    "warning": (None, True),
}
WARNING_COLOUR = "#b35c00"  # readable on light and dark backgrounds alike
SUBTITLE_SPACE_ABOVE = 6  # pixels between a subtitle and what comes before it


def set_text_role(label: QLabel, role: str) -> QLabel:
    """Make `label` a screen's "title", a section's "subtitle", a large "figure", a greyed
    "hint" or a "warning"."""
    if role not in _ROLE_FONTS and role != "hint":
        raise ValueError(f"unknown text role {role!r}")
    size, bold = _ROLE_FONTS.get(role, (None, False))
    if size is not None or bold:
        font = label.font()
        if size is not None:
            font.setPointSizeF(size)
        font.setBold(bold)
        label.setFont(font)
    if role == "subtitle":
        label.setContentsMargins(0, SUBTITLE_SPACE_ABOVE, 0, 0)
    elif role == "hint":
        # A role, not a colour: the hint follows the palette when the theme changes.
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    elif role == "warning":
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(WARNING_COLOUR))
        label.setPalette(palette)
    return label


THEME_SETTING = "appearance/theme"
THEMES = (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark"))

_DARK_COLOURS = (
    ("Window", "#2b2b2b"),
    ("WindowText", "#e8e8e8"),
    ("Base", "#1e1e1e"),
    ("AlternateBase", "#262626"),
    ("ToolTipBase", "#1e1e1e"),
    ("ToolTipText", "#e8e8e8"),
    ("Text", "#e8e8e8"),
    ("Button", "#353535"),
    ("ButtonText", "#e8e8e8"),
    ("BrightText", "#ff6b6b"),
    ("Highlight", "#3d7bd9"),
    ("HighlightedText", "#ffffff"),
    ("Light", "#4a4a4a"),
    ("Midlight", "#3a3a3a"),
    ("Mid", "#555555"),
    ("Dark", "#1a1a1a"),
    ("Shadow", "#000000"),
    ("Link", "#6ea8ff"),
    ("PlaceholderText", "#9a9a9a"),
)
_LIGHT_COLOURS = (
    ("Window", "#efefef"),
    ("WindowText", "#1e1e1e"),
    ("Base", "#ffffff"),
    ("AlternateBase", "#f5f5f5"),
    ("ToolTipBase", "#ffffdc"),
    ("ToolTipText", "#1e1e1e"),
    ("Text", "#1e1e1e"),
    ("Button", "#efefef"),
    ("ButtonText", "#1e1e1e"),
    ("BrightText", "#ffffff"),
    ("Highlight", "#308cc6"),
    ("HighlightedText", "#ffffff"),
    ("Light", "#ffffff"),
    ("Midlight", "#cacaca"),
    ("Mid", "#b8b8b8"),
    ("Dark", "#9f9f9f"),
    ("Shadow", "#767676"),
    ("Link", "#0b57d0"),
    ("PlaceholderText", "#6e6e6e"),
)


def _palette(colours) -> QPalette:
    palette = QPalette()
    for role, colour in colours:
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    # Disabled text stays readable but visibly greyed in both schemes.
    mid = palette.color(QPalette.ColorRole.PlaceholderText)
    for role in ("WindowText", "Text", "ButtonText"):
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), mid)
    return palette


def dark_palette() -> QPalette:
    return _palette(_DARK_COLOURS)


def light_palette() -> QPalette:
    return _palette(_LIGHT_COLOURS)


_CHOSEN_PROPERTY = "careerplannerThemeChosen"


def theme_choice(settings) -> str:
    """The theme kept in the settings ("system" when none or an unknown one is stored)."""
    value = str(settings.value(THEME_SETTING, "system"))
    return value if value in dict(THEMES) else "system"


def apply_theme(app: QApplication, choice: str) -> None:
    """Light, dark, or the system's palette; the charts redraw in the new colours."""
    if choice == "dark":
        app.setPalette(dark_palette())
    elif choice == "light":
        app.setPalette(light_palette())
    elif app.property(_CHOSEN_PROPERTY):
        # An empty palette hands the colours back to the platform, which then follows the
        # system's light or dark scheme again.
        app.setPalette(QPalette())
    app.setProperty(_CHOSEN_PROPERTY, choice != "system")
    # A style sheet reads palette(...) once, when it is applied: set each again, so the
    # navigation, the drop zone and the tables take the new colours now, not at the next start.
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _hex(color: QColor) -> str:
    return color.name(QColor.NameFormat.HexRgb)


def chart_theme(palette: QPalette | None = None) -> ChartTheme:
    """Chart colours taken from the current palette, so charts match light and dark schemes."""
    from careerplanner.charts.theme import ChartTheme  # only once a chart is drawn

    palette = palette or QGuiApplication.palette()
    dark = is_dark(palette)
    return ChartTheme(
        background=_hex(palette.color(QPalette.ColorRole.Base)),
        foreground=_hex(palette.color(QPalette.ColorRole.Text)),
        grid=_hex(palette.color(QPalette.ColorRole.Mid)),
        accent=_hex(palette.color(QPalette.ColorRole.Highlight)),
        you="#5dade2" if dark else "#1f6fbf",
        required="#f5b041" if dark else "#c0392b",
        met="#58d68d" if dark else "#1e8449",
        font_family=QGuiApplication.font().family() or FALLBACK_FAMILY,
    )
