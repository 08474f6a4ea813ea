"""A chart with its table beside it (accessibility, copy-paste), drawn with matplotlib.

matplotlib and its Qt canvas are imported the first time a chart is actually drawn, so the
application starts without paying for them. The chart is redrawn when its data changes while it
is visible, when it first becomes visible, and when the system switches light/dark.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.theme import ChartTheme
from careerplanner.ui.appearance import chart_theme

DrawFunction = Callable[[Any, Any, ChartTheme], None]


def make_table_view(model, accessible_name: str, parent: QWidget | None = None) -> QTableView:
    """A sortable, read-only table with the house settings."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ChartCanvas(QWidget):
    """A matplotlib Figure in a widget, created on first draw."""

    def __init__(self, title: str, draw: DrawFunction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._draw = draw
        self._data: Any = None
        self._has_data = False
        self._dirty = False
        self.canvas = None
        self.figure = None
        self.draw_count = 0
        self.setAccessibleName(f"{title} chart")
        self.setMinimumSize(260, 200)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel("No data to chart yet.")
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setProperty("role", "hint")
        self._layout.addWidget(self._placeholder)

    def set_data(self, data: Any) -> None:
        self._data = data
        self._has_data = data is not None
        self._dirty = True
        if self.isVisible():
            self.draw_now()

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(5, 3.2), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setAccessibleName(f"{self._title} chart")
        self._layout.addWidget(self.canvas)

    def draw_now(self) -> None:
        """Draw the current data (also used by the smoke test and the screenshot script)."""
        self._dirty = False
        if not self._has_data:
            self._placeholder.show()
            if self.canvas is not None:
                self.canvas.hide()
            return
        self._ensure_canvas()
        self._placeholder.hide()
        self.canvas.show()
        self._draw(self.figure, self._data, chart_theme(self.palette()))
        self.canvas.draw()
        self.draw_count += 1

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.draw_now()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._has_data:
            self._dirty = True
            if self.isVisible():
                self.draw_now()


class ChartPanel(QSplitter):
    """A chart on the left and the same figures as a table on the right."""

    def __init__(self, title: str, draw: DrawFunction, table_model, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self.chart = ChartCanvas(title, draw)
        self.table = make_table_view(table_model, f"{title} table")
        self.addWidget(self.chart)
        self.addWidget(self.table)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def set_data(self, data: Any) -> None:
        self.chart.set_data(data)
