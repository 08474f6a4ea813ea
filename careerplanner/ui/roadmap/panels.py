"""The Roadmap screen's secondary tabs: the evidence ledger, progress over time (charts with
tables beside them) and the reviews that are due. Display and buttons only: the screen's
`RoadmapEdits` runs every edit so it lands on the screen's undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.progress import draw_fit_history, draw_level_history
from careerplanner.core.roadmap import EffectiveLevel, Evidence, ProgressPoint
from careerplanner.core.roadmap_review import DueReview
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.chart_panel import ChartPanel, make_table_view
from careerplanner.ui.common.table_model import ROW_ROLE, Column, RowTableModel, sorted_view_model
from careerplanner.ui.roadmap.models import (
    FIT_HISTORY_COLUMNS,
    LEVEL_HISTORY_COLUMNS,
    EvidenceModel,
    HistoryModel,
)


def selected_row(view):
    """The dataclass behind the current row of a table view over a proxy, or None."""
    index = view.currentIndex()
    if not index.isValid():
        return None
    return view.model().data(index, ROW_ROLE)


def button(text: str, accessible_name: str, slot) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(accessible_name)
    widget.clicked.connect(slot)
    return widget


class EvidencePanel(QWidget):
    """Links, local files and notes that prove a level; the level that counts, and why."""

    def __init__(self, add, delete, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        hint = QLabel(
            "Evidence proves a level: a level reached on the roadmap counts in your profile "
            "once evidence for it is logged. Files are kept where they are, with a checksum."
        )
        hint.setWordWrap(True)
        set_text_role(hint, "hint")
        layout.addWidget(hint)
        self.model = EvidenceModel(self)
        self.proxy = sorted_view_model(self.model, self)
        self.table = make_table_view(self.proxy, "Evidence ledger")
        layout.addWidget(self.table, 1)
        self.explanation = QLabel()
        self.explanation.setAccessibleName("Level that counts for the selected skill")
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        row = QHBoxLayout()
        self.add_button = button("Add &evidence…", "Add evidence", add)
        self.delete_button = button("Delete evidence", "Delete the selected evidence", delete)
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._levels: dict[str, EffectiveLevel] = {}
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._explain())

    def set_data(self, evidence: list[Evidence], levels: dict[str, EffectiveLevel]) -> None:
        self._levels = levels
        chosen = self.selected()
        self.model.set_rows(evidence)
        ids = [item.id for item in evidence]
        if evidence:
            row = ids.index(chosen.id) if chosen is not None and chosen.id in ids else 0
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self._explain()

    def selected(self) -> Evidence | None:
        return selected_row(self.table)

    def _explain(self) -> None:
        item = self.selected()
        if item is None:
            self.explanation.setText("Select an item to see the level that counts for its skill.")
            return
        level = self._levels.get(item.skill_key)
        text = level.explanation() if level else "Not in your profile or on your roadmap."
        self.explanation.setText(f"{item.skill_name}: {text}")


class ProgressPanel(QSplitter):
    """The level per skill and the fit per target role over time, each with its table."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.level_model = HistoryModel(LEVEL_HISTORY_COLUMNS, self)
        self.fit_model = HistoryModel(FIT_HISTORY_COLUMNS, self)
        self.level_panel = ChartPanel(
            "Skill levels over time", draw_level_history, sorted_view_model(self.level_model, self)
        )
        self.fit_panel = ChartPanel(
            "Fit for your target roles over time",
            draw_fit_history,
            sorted_view_model(self.fit_model, self),
        )
        self.addWidget(self.level_panel)
        self.addWidget(self.fit_panel)

    def set_data(self, history: list[ProgressPoint]) -> None:
        levels = [point for point in history if point.kind == "skill"]
        fits = [point for point in history if point.kind == "fit"]
        self.level_model.set_rows(list(reversed(levels)))  # newest first in the tables
        self.fit_model.set_rows(list(reversed(fits)))
        self.level_panel.set_data(levels or None)
        self.fit_panel.set_data(fits or None)


REVIEW_COLUMNS: list[Column[DueReview]] = [
    Column("Skill", lambda r: r.goal.skill_name, lambda r: r.goal.skill_name.casefold()),
    Column("Due", lambda r: r.due.isoformat(), lambda r: r.due.isoformat()),
    Column(
        "Overdue",
        lambda r: f"{r.days_overdue} days" if r.days_overdue else "today",
        lambda r: r.days_overdue,
        numeric=True,
    ),
    Column("Reviews so far", lambda r: str(r.goal.review_count), lambda r: r.goal.review_count),
]


class ReviewPanel(QWidget):
    """Skills in progress whose spaced review is due, with "Mark reviewed"."""

    def __init__(self, mark_reviewed, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        hint = QLabel(
            "Once you start a goal, review the skill after 2 days, then 1, 2, 4 and 8 weeks: "
            "a few minutes of recall keeps what you learned."
        )
        hint.setWordWrap(True)
        set_text_role(hint, "hint")
        layout.addWidget(hint)
        self.model = RowTableModel(REVIEW_COLUMNS, self)
        self.proxy = sorted_view_model(self.model, self)
        self.table = make_table_view(self.proxy, "Due for review")
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.mark_button = button(
            "&Mark reviewed", "Mark the selected skill reviewed", mark_reviewed
        )
        row.addWidget(self.mark_button)
        row.addStretch(1)
        layout.addLayout(row)

    def set_data(self, due: list[DueReview]) -> None:
        self.model.set_rows(due)
        if due and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def selected(self) -> DueReview | None:
        return selected_row(self.table)
