"""About: the version, what the app promises, and the attributions of the data it ships."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from careerplanner import __version__
from careerplanner.paths import bundled_data_path, resource_path
from careerplanner.ui.common.context import AppContext

# Shown when the bundled data/ATTRIBUTION.md is missing (a source checkout without the bundled
# dataset): the wording the data licences ask for, from shared/data/SOURCES.md.
DEFAULT_ATTRIBUTIONS = (
    "This product includes information from the O*NET 29.2 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA. Modified by Career Planner.",
    "This product uses the ESCO classification of the European Commission.",
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics.",
)


def attribution_markdown() -> str:
    """The attribution text: data/ATTRIBUTION.md when bundled, else the required sentences."""
    try:
        path = bundled_data_path("ATTRIBUTION.md")
        if path.is_file():
            return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        pass
    return "\n\n".join(DEFAULT_ATTRIBUTIONS)


def font_licence_note() -> str:
    try:
        if resource_path("fonts", "LICENSE-DejaVu.txt").is_file():
            return "Text is set in DejaVu Sans (Bitstream Vera licence, bundled with the app)."
    except FileNotFoundError:
        pass
    return ""


class AboutView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel(f"Career Planner {__version__}")
        title.setProperty("role", "title")
        layout.addWidget(title)
        promise = QLabel(
            "Your skill depth against the market, and your learning roadmap — on your own "
            "machine. Nothing leaves it: no account, no cloud, no network."
        )
        promise.setWordWrap(True)
        layout.addWidget(promise)
        where = QLabel(f"Your data folder: {html.escape(str(ctx.data_dir.root))}")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setProperty("role", "hint")
        where.setWordWrap(True)
        layout.addWidget(where)
        heading = QLabel("Data sources and attributions")
        heading.setProperty("role", "subtitle")
        layout.addWidget(heading)
        self.attributions = QTextBrowser()
        self.attributions.setAccessibleName("Data attributions")
        self.attributions.setOpenExternalLinks(False)
        # "O*NET" would open Markdown emphasis; escape its asterisk.
        text = attribution_markdown().replace("O*NET", "O\\*NET")
        self.attributions.setMarkdown(text + "\n\n" + font_licence_note())
        layout.addWidget(self.attributions, 1)
