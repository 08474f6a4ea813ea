"""Tables fit their columns to new rows once (not on every layout) and keep a width the user set."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHeaderView

from careerplanner.ui.chart_panel import make_table_view
from careerplanner.ui.table_model import Column, RowTableModel


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


def _table(qtbot):
    model = RowTableModel(COLUMNS)
    view = make_table_view(model, "Items", first_column_width=150)
    qtbot.addWidget(view)
    view.resize(900, 300)
    return model, view


def test_columns_fit_new_rows_and_keep_the_users_first_column(qtbot):
    model, view = _table(qtbot)
    header = view.horizontalHeader()
    view.show()
    qtbot.waitExposed(view)
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Interactive
    assert header.sectionSize(0) == 150

    model.set_rows([Item("a", "short")])
    narrow = header.sectionSize(1)
    assert narrow < 200
    long_note = "a much longer note that needs a far wider column than the first one " * 2
    model.set_rows([Item("a", "short"), Item("b", long_note)])
    assert header.sectionSize(1) > narrow
    assert header.sectionSize(1) >= view.fontMetrics().horizontalAdvance(long_note) * 0.9

    header.resizeSection(0, 260)  # the user widens the names
    model.set_rows([Item("c", "again")])
    assert header.sectionSize(0) == 260


def test_a_hidden_table_is_fitted_when_it_is_shown(qtbot):
    model, view = _table(qtbot)
    header = view.horizontalHeader()
    long_note = "text wide enough to need a fitted column, well beyond the default width"
    model.set_rows([Item("a", long_note)])  # while hidden: nothing measured yet
    assert header.sectionSize(1) < view.fontMetrics().horizontalAdvance(long_note) * 0.9
    view.show()
    qtbot.waitExposed(view)
    assert header.sectionSize(0) == 150
    assert header.sectionSize(1) >= view.fontMetrics().horizontalAdvance(long_note) * 0.9
