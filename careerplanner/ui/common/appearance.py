"""Fonts, icon, style sheet and light/dark colours: how the application looks.

The bundled DejaVu fonts are registered at start-up so a machine without any fonts (a bare
container, a minimal Linux) still draws text instead of empty boxes. Colours always come from the
palette, which follows the system's light or dark scheme unless the user chose light or dark
(View > Theme, kept in the settings file); charts get the same colours through `chart_theme()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

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
    """Use the bundled font when the system has none (or only ones Qt cannot use)."""
    families = load_bundled_fonts()
    system_families = set(QFontDatabase.families()) - set(families)
    if not system_families and families:
        font = QFont(families[0])
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    else:
        # Keep the system font, but let Qt fall back to DejaVu for missing glyphs.
        font = app.font()
        font.setFamilies([font.family(), FALLBACK_FAMILY])
        app.setFont(font)


def app_icon() -> QIcon:
    icon = QIcon()
    for name in ("app-256.png", "app.png"):
        path = resource_path("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def apply_style_sheet(app: QApplication) -> None:
    path = resource_path("style.qss")
    if path.is_file():
        app.setStyleSheet(path.read_text(encoding="utf-8"))


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
