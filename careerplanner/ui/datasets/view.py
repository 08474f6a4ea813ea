"""Datasets: the installed versions, importing an update, what changed, switching versions."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from careerplanner.store.market.datasets import DatasetInfo, list_datasets, use_dataset
from careerplanner.store.market.diff import diff_datasets
from careerplanner.ui.common import dialogs
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.chart_panel import make_table_view
from careerplanner.ui.common.context import AppContext, with_databases
from careerplanner.ui.common.splitters import remember_splitter
from careerplanner.ui.common.table_model import ROW_ROLE, Column, RowTableModel, sorted_view_model
from careerplanner.ui.common.worker import is_cancellation
from careerplanner.ui.datasets.changes import ChangesPage

KIND_LABELS = {
    "onet": "Occupations (O*NET)",
    "wages": "Wages (BLS)",
    "postings": "Job postings",
    "esco": "Skill names (ESCO)",
}

DATASET_COLUMNS: list[Column[DatasetInfo]] = [
    Column("Active", lambda d: "✓" if d.active else "", lambda d: int(d.active)),
    Column("Name", lambda d: d.name),
    Column("Kind", lambda d: KIND_LABELS.get(d.kind, d.kind)),
    Column("Version", lambda d: d.version),
    Column("Published", lambda d: d.published or "—"),
    Column("Imported", lambda d: d.imported_at[:16].replace("T", " ")),
    Column("Licence", lambda d: d.licence or "—"),
]


def previous_version(datasets: list[DatasetInfo], chosen: DatasetInfo) -> DatasetInfo | None:
    """The version of the same kind listed just before `chosen` (list order: oldest first)."""
    same_kind = [d for d in datasets if d.kind == chosen.kind]
    position = next(i for i, d in enumerate(same_kind) if d.id == chosen.id)
    return same_kind[position - 1] if position > 0 else None


class DatasetModel(RowTableModel[DatasetInfo]):
    def __init__(self, parent=None) -> None:
        super().__init__(DATASET_COLUMNS, parent)


class DatasetsView(QWidget):
    navigate_requested = Signal(str)
    import_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.datasets: list[DatasetInfo] = []
        self.last_diff: dict | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel("Datasets")
        set_text_role(title, "title")
        layout.addWidget(title)
        hint = QLabel(
            "Every import is kept as a version; one per kind is active. Import an update from a "
            "downloaded file (or drop it on the window), see what changed, or switch back."
        )
        hint.setWordWrap(True)
        set_text_role(hint, "hint")
        layout.addWidget(hint)

        buttons = QHBoxLayout()
        self.import_button = QPushButton("Import dataset…")
        self.import_button.setAccessibleName("Import dataset")
        self.activate_button = QPushButton("Make active")
        self.activate_button.setAccessibleName("Make the selected dataset version active")
        self.diff_button = QPushButton("What changed")
        self.diff_button.setAccessibleName("Show what changed since the previous version")
        for button in (self.import_button, self.activate_button, self.diff_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.model = DatasetModel(self)
        self.proxy = sorted_view_model(self.model, self)
        self.table = make_table_view(
            self.proxy, "Installed dataset versions", first_column_width=60
        )
        self.details = QTextBrowser()
        self.details.setAccessibleName("Dataset details")
        self.changes = ChangesPage()
        self.side = QTabWidget()
        self.side.addTab(self.details, "Details")
        self.side.addTab(self.changes, "What changed")
        self.splitter = splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        remember_splitter(splitter, ctx.settings, "datasets")

        self.import_button.clicked.connect(self.import_requested)
        self.activate_button.clicked.connect(self.activate_selected)
        self.diff_button.clicked.connect(self.show_diff)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        ctx.events.dataset_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        self.datasets = list_datasets(self.ctx.market_db)
        self.model.set_rows(self.datasets)
        self._select(selected.id if selected else None)
        self._show_selected()

    def _select(self, dataset_id: int | None) -> None:
        for row in range(self.proxy.rowCount()):
            info = self.proxy.index(row, 0).data(ROW_ROLE)
            if dataset_id is None or info.id == dataset_id:
                self.table.selectionModel().select(
                    self.proxy.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return

    def selected(self) -> DatasetInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ROW_ROLE) if rows else None

    def _show_selected(self, *_args) -> None:
        info = self.selected()
        self.activate_button.setEnabled(info is not None and not info.active)
        self.diff_button.setEnabled(
            info is not None and previous_version(self.datasets, info) is not None
        )
        if info is None:
            self.details.setMarkdown(
                "No dataset is installed yet. Import an O*NET release, BLS wages, a job-postings "
                "file or a skill-demand pack."
            )
            return
        parts = [
            f"<h3>{html.escape(info.name)}</h3>",
            f"<p><b>Kind:</b> {html.escape(KIND_LABELS.get(info.kind, info.kind))}<br>",
            f"<b>Source file:</b> {html.escape(info.source)}<br>",
            f"<b>Published:</b> {html.escape(info.published or 'not stated')}<br>",
            f"<b>Imported:</b> {html.escape(info.imported_at)}<br>",
            f"<b>Licence:</b> {html.escape(info.licence or 'not stated')}<br>",
            f"<b>Status:</b> {'active' if info.active else 'kept (inactive)'}</p>",
        ]
        if info.attribution:
            parts.append(f"<p><b>Attribution:</b> {html.escape(info.attribution)}</p>")
        self.details.setHtml("".join(parts))

    def activate_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        self.ctx.runner.start(
            "use-dataset",
            with_databases(self.ctx.data_dir, lambda dbs, _p, _c: use_dataset(dbs.market, info.id)),
            lambda _result: self._activated(info),
            self._failed,
        )

    def _activated(self, info: DatasetInfo) -> None:
        self.ctx.events.dataset_changed.emit()
        self.ctx.events.status_message.emit(f"{info.name} is now the active version.")

    def show_diff(self) -> None:
        info = self.selected()
        before = previous_version(self.datasets, info) if info else None
        if info is None or before is None:
            return
        self.ctx.runner.start(
            "diff-dataset",
            with_databases(
                self.ctx.data_dir,
                lambda dbs, _p, _c: diff_datasets(dbs.market, before.id, info.id),
            ),
            self._show_diff_result,
            self._failed,
            progress_title="Comparing dataset versions",
            dialog_parent=self,
        )

    def _show_diff_result(self, result: dict) -> None:
        self.last_diff = result
        self.changes.show_diff(result, self.ctx.user_db)
        self.side.setCurrentWidget(self.changes)
        table, side = self.splitter.sizes()
        if side < table:  # the changes are the page now: give them the larger share
            self.splitter.setSizes([(table + side) * 2 // 5, (table + side) * 3 // 5])

    def _failed(self, error: BaseException) -> None:
        if not is_cancellation(error):
            dialogs.show_error(self, str(error))
