"""The Roadmap toolbar does not move under the mouse, and Export is in view at the default
width and at 1024x640."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from careerplanner.store.user.targets import add_target_role
from careerplanner.ui.roadmap.view import create_goals_from_top_gaps


@pytest.mark.parametrize("size", [(1180, 760), (1024, 640)])
def test_export_is_in_view_and_undo_keeps_its_place(market_home, window, qtbot, size):
    window.resize(*size)
    window.show_screen("roadmap")
    view = window.screen_widget("roadmap")
    QApplication.processEvents()
    bar = view.export_button.parentWidget()
    assert view.export_button.isVisible()
    assert bar.rect().contains(view.export_button.geometry())
    undo = bar.widgetForAction(view.undo_action)
    redo = bar.widgetForAction(view.redo_action)
    before = (undo.geometry(), redo.geometry(), view.export_button.geometry())

    add_target_role(window.ctx.user_db, "15-1243.00", "Database Architects", "2026-01-01")
    window.ctx.events.targets_changed.emit()
    assert create_goals_from_top_gaps(window.ctx, "15-1243.00", 5)
    QApplication.processEvents()
    assert view.undo_action.isEnabled()
    assert view.undo_action.text() == "&Undo"
    assert view.undo_action.toolTip().startswith("Undo ")  # what it would undo
    assert (undo.geometry(), redo.geometry(), view.export_button.geometry()) == before
    view.undo_action.trigger()
    QApplication.processEvents()
    assert view.redo_action.isEnabled() and not view.undo_action.isEnabled()
    assert (undo.geometry(), redo.geometry(), view.export_button.geometry()) == before
