"""A chart with its table beside it (accessibility, copy-paste), drawn with matplotlib.

matplotlib is imported the first time a chart is actually drawn (on the chart thread), so the
application starts without paying for it. A chart is re-rendered when its data changes while it
is visible, when it first becomes visible, when it is resized, and when the system switches
between light and dark; only the newest picture asked for is ever shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.render import RenderedChart, render_rgba
from careerplanner.charts.theme import ChartTheme
from careerplanner.ui.common.appearance import TABLE_GRID_STYLE, chart_theme, set_text_role
from careerplanner.ui.common.worker import TaskRunner

DrawFunction = Callable[[Any, Any, ChartTheme], None]


# Columns are sized from this many rows (the visible ones first): measuring a cell goes
# through the delegate and several calls into the Python model, so measuring 100 rows of a
# 7-column table took ~300 ms.
FIT_SAMPLE_ROWS = 10


class _ColumnFitter(QObject):
    """Fits a table's columns to their contents when the table's shape changes.

    The shape is its column titles and whether it has rows at all: the first rows, or new
    columns, are measured; new rows under the same columns (a recompute) keep the widths, so
    columns do not jump about and a width the user chose stays. Not the ResizeToContents mode:
    that re-measures every column each time the table is laid out (every time its screen is
    shown). A hidden table is fitted when it is next shown.
    """

    def __init__(self, view: QTableView, first_column_width: int) -> None:
        super().__init__(view)  # lives and dies with the view, and so do its connections
        self._view = view
        self._first_column_width = first_column_width
        self._fitted_shape: tuple | None = None
        model = view.model()
        model.modelReset.connect(self.contents_changed)
        model.columnsInserted.connect(self.contents_changed)
        view.installEventFilter(self)

    def _shape(self) -> tuple:
        model = self._view.model()
        titles = tuple(
            model.headerData(column, Qt.Orientation.Horizontal)
            for column in range(model.columnCount())
        )
        return titles, model.rowCount() > 0

    def contents_changed(self, *_args) -> None:
        if self._view.isVisible():
            self.fit()

    def fit(self) -> None:
        shape = self._shape()
        if shape == self._fitted_shape:
            return
        self._fitted_shape = shape
        header = self._view.horizontalHeader()
        if self._first_column_width and header.count():
            # The first column holds names, which can be long: a fixed, user-resizable width
            # keeps the figures beside it in view. Set once: a width the user chose stays.
            header.resizeSection(0, self._first_column_width)
            self._first_column_width = 0
        for column in range(1, len(shape[0])):
            self._view.resizeColumnToContents(column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Show:
            self.fit()
        return False


def make_table_view(
    model, accessible_name: str, parent: QWidget | None = None, first_column_width: int = 190
) -> QTableView:
    """A sortable, read-only table with the house settings."""
    view = QTableView(parent)
    view.setStyleSheet(TABLE_GRID_STYLE)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
    _ColumnFitter(view, first_column_width)
    # Start in the model's own order (e.g. priority), not sorted by the first column.
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    return view


_chart_runner: TaskRunner | None = None


def chart_runner() -> TaskRunner:
    """The task runner charts render on: its own pool with ONE thread (see charts.render)."""
    global _chart_runner
    if _chart_runner is None:
        pool = QThreadPool(QCoreApplication.instance())
        pool.setMaxThreadCount(1)
        _chart_runner = TaskRunner(QCoreApplication.instance(), pool)
    return _chart_runner


class ChartCanvas(QWidget):
    """A chart rendered off the GUI thread and shown as an image.

    Changing the data (or the size, or the light/dark palette) asks for a new picture. Each
    request gets a generation number, and a rendered image is shown only while its generation
    is still the newest: a render that finishes after a newer one was asked for (a slow render
    of older data, or one overtaken by `draw_now`) is dropped, never shown over the newer one.
    Renders start a moment after the last request (`RENDER_DELAY_MS`), so a burst of changes
    (typing, a recompute that sets several charts) costs one render, and the GUI thread finishes
    laying out and painting the tables before matplotlib competes with it for the interpreter.
    """

    RENDER_DELAY_MS = 40
    drawn = Signal()

    def __init__(self, title: str, draw: DrawFunction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._draw = draw
        self._data: Any = None
        self._dirty = False
        self._key = f"chart-{id(self)}"
        self._generation = 0  # of the newest picture asked for; older renders are dropped
        self.draw_count = 0
        self.dropped_count = 0  # stale renders that arrived after a newer request
        self.setAccessibleName(f"{title} chart")
        self.setMinimumSize(260, 200)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._image = QLabel("No data to chart yet.")
        self._image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_text_role(self._image, "hint")
        self._image.setAccessibleName(f"{title} chart")
        self._image.setMinimumSize(1, 1)
        self._image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout.addWidget(self._image)
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(self.RENDER_DELAY_MS)
        self._render_timer.timeout.connect(self._render_if_visible)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(self._request_render)

    @property
    def has_data(self) -> bool:
        return self._data is not None

    @property
    def generation(self) -> int:
        """The number of the newest picture asked for."""
        return self._generation

    def set_data(self, data: Any) -> None:
        """Show `data`; the same data again (a recompute that changed nothing) costs nothing."""
        if _same(data, self._data) and (self._dirty or self.draw_count or data is None):
            return
        self._data = data
        self._request_render()

    def _request_render(self) -> None:
        self._generation += 1
        self._dirty = True
        if self._data is None:
            self._render_timer.stop()
            self._render_if_visible()  # clearing is instant
        elif self.isVisible():
            self._render_timer.start()

    def _render_if_visible(self) -> None:
        if not self.isVisible():
            return
        self._dirty = False
        if self._data is None:
            self._image.clear()
            self._image.setText("No data to chart yet.")
            return
        width, height, ratio = self._pixel_size()
        draw, data, theme = self._draw, self._data, chart_theme(self.palette())
        generation = self._generation
        chart_runner().start(
            self._key,
            lambda _progress, _cancel: render_rgba(draw, data, theme, width, height, 100 * ratio),
            lambda rendered: self._show(rendered, ratio, generation),
        )

    def _pixel_size(self) -> tuple[int, int, float]:
        ratio = self.devicePixelRatioF() or 1.0
        # Exactly the widget's size: a larger image would be cropped by the label.
        width = max(self.width(), 120)
        height = max(self.height(), 90)
        return int(width * ratio), int(height * ratio), ratio

    def _show(self, rendered: RenderedChart, ratio: float, generation: int) -> None:
        if not shiboken6.isValid(self):  # the screen was closed while the chart rendered
            return
        if generation != self._generation:
            self.dropped_count += 1  # a newer picture was asked for: this one is stale
            return
        image = QImage(
            rendered.rgba, rendered.width, rendered.height, QImage.Format.Format_RGBA8888
        ).copy()  # copy: the QImage must own its pixels once `rendered` goes away
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self._image.setPixmap(pixmap)
        self.draw_count += 1
        self.drawn.emit()

    def draw_now(self) -> None:
        """Render synchronously (smoke test, screenshots). A render still in flight is waited
        for (matplotlib draws one chart at a time) and, being older, dropped when it arrives."""
        self._render_timer.stop()
        chart_runner().wait_for_done()
        self._generation += 1
        self._dirty = False
        if self._data is None:
            return
        width, height, ratio = self._pixel_size()
        rendered = render_rgba(
            self._draw, self._data, chart_theme(self.palette()), width, height, 100 * ratio
        )
        self._show(rendered, ratio, self._generation)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty or (self._data is not None and self.draw_count == 0):
            self._dirty = True
            self._render_timer.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._data is not None:
            self._resize_timer.start()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._data is not None:
            self._request_render()


def _same(new: Any, old: Any) -> bool:
    """Whether two chart data are the same (identical, or equal plain data)."""
    if new is old:
        return True
    if type(new) is not type(old):
        return False
    try:
        return bool(new == old)
    except (TypeError, ValueError):  # data without a plain equality (e.g. arrays)
        return False


class ChartPanel(QSplitter):
    """A chart and the same figures as a table: side by side on a wide screen, the table under
    the chart on a narrow one (both then get the full width, and the table more rows)."""

    STACK_BELOW_WIDTH = 720
    CHART_MIN_HEIGHT = 200

    def __init__(
        self,
        title: str,
        draw: DrawFunction,
        table_model,
        parent=None,
        first_column_width=190,
        stack_below: int | None = None,
        beside: tuple[int, int] = (3, 2),
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        # Side by side, the chart's and the table's shares of the width (a table with a
        # column of words needs more than one of numbers).
        self._beside = beside
        self.setChildrenCollapsible(False)
        # 0: always side by side (a short table, on a screen where height is scarce).
        self._stack_below = self.STACK_BELOW_WIDTH if stack_below is None else stack_below
        self.chart = ChartCanvas(title, draw)
        self.table = make_table_view(
            table_model, f"{title} table", first_column_width=first_column_width
        )
        self.addWidget(self.chart)
        self.addWidget(self.table)
        self.setStretchFactor(0, beside[0])
        self.setStretchFactor(1, beside[1])
        self._sized = False
        self._user_moved = False  # once the user drags the divider, their sizes stay
        self.splitterMoved.connect(self._moved_by_user)

    def _moved_by_user(self, *_args) -> None:
        self._user_moved = True

    @property
    def stacked(self) -> bool:
        return self.orientation() == Qt.Orientation.Vertical

    def _fit_to_width(self) -> None:
        """Choose side by side or stacked for the current width; share the room once per
        arrangement (a size the user drags to then stays)."""
        wanted = (
            Qt.Orientation.Vertical
            if 0 < self.width() < self._stack_below
            else Qt.Orientation.Horizontal
        )
        if wanted != self.orientation():
            self.setOrientation(wanted)
            # Growing later: stacked, the table takes most of it (more rows); beside, the chart.
            chart_share, table_share = (1, 2) if self.stacked else self._beside
            self.setStretchFactor(0, chart_share)
            self.setStretchFactor(1, table_share)
            self._sized = False
            self._user_moved = False
        if self.width() <= 0 or not self.isVisible():
            return
        if not self._user_moved:
            # Until the user moves the divider, the shares hold as the panel grows: stacked,
            # the chart keeps its minimum and the table gets the rest (more rows); beside, the
            # `beside` shares (a panel first laid out small would otherwise keep its table small).
            self._sized = False
        if self._sized:
            return
        self._sized = True
        if self.stacked:
            chart = max(self.CHART_MIN_HEIGHT, self.height() * 2 // 5)
            self.setSizes([chart, max(self.height() - chart, 1)])
        else:
            # The chart gets the larger share; the table beside it scrolls.
            chart, table = self._beside
            chart_width = self.width() * chart // (chart + table)
            self.setSizes([chart_width, self.width() - chart_width])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_to_width()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_to_width()

    def set_data(self, data: Any) -> None:
        self.chart.set_data(data)
