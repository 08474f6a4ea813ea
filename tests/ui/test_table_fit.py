"""Tables fit their columns when their shape changes (first rows, new columns), not on every
layout or recompute, and keep the widths the user set."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHeaderView

from careerplanner.ui.common.chart_panel import make_table_view
from careerplanner.ui.common.table_model import Column, RowTableModel


@dataclass(frozen=True)
class Item:
    name: str
    note: str


# Three columns: the last one stretches to fill the view, the middle one shows the fitting.
COLUMNS = [
    Column("Name", lambda r: r.name),
    Column("Note", lambda r: r.note),
    Column("Size", lambda r: str(len(r.note)), numeric=True),
]


class WideningModel(RowTableModel[Item]):
    """Changes its columns with a reset, as the gap screen's side-by-side table does."""

    def set_columns_and_rows(self, columns, rows) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._rows = list(rows)
        self.endResetModel()


LONG_NOTE = "a note long enough to need a far wider column than its title alone would get"


def _shown_table(qtbot, model):
    view = make_table_view(model, "Items", first_column_width=150)
    qtbot.addWidget(view)
    view.resize(1200, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def _text_width(view, text: str) -> int:
    return view.fontMetrics().horizontalAdvance(text)


def test_the_first_rows_are_measured_and_later_ones_keep_the_widths(qtbot):
    model = RowTableModel(COLUMNS)
    view = _shown_table(qtbot, model)
    header = view.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive
    assert header.sectionSize(1) < _text_width(view, LONG_NOTE) * 0.9  # no rows yet

    model.set_rows([Item("a", "short"), Item("b", LONG_NOTE)])
    assert header.sectionSize(0) == 150
    assert header.sectionSize(1) >= _text_width(view, LONG_NOTE) * 0.9

    header.resizeSection(0, 260)  # the user widens the names and narrows the notes
    header.resizeSection(1, 120)
    model.set_rows([Item("c", "again"), Item("d", LONG_NOTE + " and more")])
    assert (header.sectionSize(0), header.sectionSize(1)) == (260, 120)


def test_new_columns_are_measured(qtbot):
    model = WideningModel(COLUMNS[:1] + COLUMNS[2:])
    model.set_rows([Item("a", LONG_NOTE)])
    view = _shown_table(qtbot, model)
    model.set_columns_and_rows(COLUMNS, [Item("a", LONG_NOTE)])
    assert view.horizontalHeader().sectionSize(1) >= _text_width(view, LONG_NOTE) * 0.9


def test_a_hidden_table_is_fitted_when_it_is_shown(qtbot):
    model = RowTableModel(COLUMNS)
    view = make_table_view(model, "Items", first_column_width=150)
    qtbot.addWidget(view)
    view.resize(1200, 300)
    header = view.horizontalHeader()
    model.set_rows([Item("a", LONG_NOTE)])  # while hidden: nothing measured yet
    assert header.sectionSize(1) < _text_width(view, LONG_NOTE) * 0.9
    view.show()
    qtbot.waitExposed(view)
    assert header.sectionSize(0) == 150
    assert header.sectionSize(1) >= _text_width(view, LONG_NOTE) * 0.9
