"""A read-only QAbstractTableModel over a list of core dataclasses, described by columns.

Each screen's model is a `RowTableModel` with its own `Column`s; sorting and filtering are done by
a QSortFilterProxyModel on top (`sorted_view_model`), which sorts by `SORT_ROLE` so numbers sort
as numbers and levels as levels, whatever their displayed text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from careerplanner.ui.common.plain_text import escaped_rich_text

Row = TypeVar("Row")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex

# Plain ints for `data()`, which runs thousands of times per paint.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_SORT = int(SORT_ROLE)
_ROW = int(ROW_ROLE)
_SERVED_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _SORT, _ROW})
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None
    tooltip: Callable[[Row], str] | None = None
    numeric: bool = False  # right-aligned


def level_text(level: int | None) -> str:
    return "—" if level is None else f"L{level}"


def percent_text(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def money_text(amount: float | None) -> str:
    return "—" if amount is None else f"${amount:,.0f}"


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows are dataclass instances; columns say how each is shown and sorted."""

    def __init__(self, columns: Sequence[Column[Row]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []

    # -- data in -------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def replace_row(self, row: int, value: Row) -> None:
        """One row changed in place: the view keeps its selection and scroll position."""
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    # -- Qt interface --------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        # Views ask for ~8 roles per cell on every paint and size measurement; most are roles
        # we never serve, so reject them first, and compare plain ints (not enum members).
        if role not in _SERVED_ROLES or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None
        row = self._rows[number]
        column = self._columns[index.column()]
        if role == _DISPLAY:
            return column.text(row)
        if role == _SORT:
            key = column.sort_key(row) if column.sort_key else column.text(row)
            return key if isinstance(key, (int, float, str)) else str(key)
        if role == _TOOLTIP:
            # Tooltips are always read as rich text: escape what came from files.
            return escaped_rich_text(column.tooltip(row)) if column.tooltip is not None else None
        if role == _ALIGNMENT:
            return _RIGHT_ALIGNED if column.numeric else None
        return row  # ROW_ROLE

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].title
            return None
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def sorted_view_model(source: QAbstractTableModel, parent: QObject | None = None):
    """A proxy that sorts by SORT_ROLE and filters case-insensitively on every column."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(source)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return proxy
