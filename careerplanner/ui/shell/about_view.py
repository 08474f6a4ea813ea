"""About: the version, what the app promises, the datasets in use with their attributions (the
active versions: O*NET 29.3 once it is active), and the attributions of the data it ships."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from careerplanner import __version__
from careerplanner.paths import bundled_data_path, resource_path
from careerplanner.store.market.datasets import list_datasets
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.context import AppContext
from careerplanner.ui.common.plain_text import plain_label
from careerplanner.ui.datasets.view import KIND_LABELS

# Shown when the bundled data/ATTRIBUTION.md is missing (a source checkout without the bundled
# dataset): the wording the data licences ask for, from shared/data/SOURCES.md.
DEFAULT_ATTRIBUTIONS = (
    "This product includes information from the O*NET 29.2 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA. Modified by Career Planner.",
    "This product uses the ESCO classification of the European Commission.",
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics.",
    "Source: City of New York, “Jobs NYC Postings” (NYC Open Data), processed 2024-03-04; one row "
    "per Job ID and the columns read kept; the market figures are computed by Career Planner, not "
    "the City's. The City provides the data for information only, with no warranty of "
    "completeness or accuracy.",
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


def active_sources_text(market_db) -> str:
    """The datasets the figures come from now, each with its licence and attribution."""
    active = [info for info in list_datasets(market_db) if info.active]
    if not active:
        return "No dataset is installed yet."
    blocks = []
    for info in active:
        lines = [f"{info.name} ({KIND_LABELS.get(info.kind, info.kind)})"]
        if info.licence:
            lines.append(f"Licence: {info.licence}")
        if info.attribution:
            lines.append(info.attribution)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


class AboutView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel(f"Career Planner {__version__}")
        set_text_role(title, "title")
        layout.addWidget(title)
        promise = QLabel(
            "Your skill depth against the market, and your learning roadmap — on your own "
            "machine. Nothing leaves it: no account, no cloud, no network."
        )
        promise.setWordWrap(True)
        layout.addWidget(promise)
        where = plain_label(f"Your data folder: {ctx.data_dir.root}")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_text_role(where, "hint")
        where.setWordWrap(True)
        layout.addWidget(where)
        heading = QLabel("Datasets in use")
        set_text_role(heading, "subtitle")
        layout.addWidget(heading)
        # Names and attributions come from the imported files: plain text (issue 16).
        self.sources = plain_label()
        self.sources.setAccessibleName("Datasets in use and their attributions")
        self.sources.setWordWrap(True)
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.sources)
        heading = QLabel("Data bundled with the application")
        set_text_role(heading, "subtitle")
        layout.addWidget(heading)
        self.attributions = QTextBrowser()
        self.attributions.setAccessibleName("Data attributions")
        self.attributions.setOpenExternalLinks(False)
        # "O*NET" would open Markdown emphasis; escape its asterisk.
        text = attribution_markdown().replace("O*NET", "O\\*NET")
        self.attributions.setMarkdown(text + "\n\n" + font_licence_note())
        layout.addWidget(self.attributions, 1)
        ctx.events.dataset_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.sources.setText(active_sources_text(self.ctx.market_db))
