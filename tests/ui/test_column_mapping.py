"""The column-mapping step: a postings CSV refused for its header gets a dialog to map its
columns, then imports with that mapping off the UI thread."""

from __future__ import annotations

import os

import pytest

from careerplanner.ui.datasets.column_mapping import ColumnMappingDialog

HEADER_GUESSED_IN_PART = (
    "Job Title,Ad Text,Salary Estimate\n"
    'Data Engineer,"Strong Python and SQL, 3+ years.",$90K-$120K\n'
    'Data Analyst,"Working knowledge of SQL and Tableau.",$60K-$80K\n'
)


@pytest.fixture
def mapping_window(market_home, window):
    return window


def _postings_datasets(window) -> int:
    sql = "SELECT count(*) FROM dataset WHERE kind = 'postings'"
    return window.ctx.market_db.execute(sql).fetchone()[0]


def _dialog_for(window, qtbot, path) -> ColumnMappingDialog:
    with qtbot.waitSignal(window.files.mapping_requested, timeout=30_000) as opened:
        window.files.import_dataset_path(path)
    dialog = opened.args[0]
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_a_refused_header_is_mapped_in_a_dialog_then_imported(mapping_window, qtbot, tmp_path):
    window = mapping_window
    path = tmp_path / "ads.csv"
    path.write_text(HEADER_GUESSED_IN_PART, encoding="utf-8")
    dialog = _dialog_for(window, qtbot, path)
    # Pre-filled with what the names tell; Import waits for the ad's text.
    assert dialog.choice()["title"] == "Job Title"
    assert dialog.choice()["salary"] == "Salary Estimate"
    assert dialog.choice()["description"] is None
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    dialog.choose("description", "Ad Text")
    assert ok.isEnabled()
    shot = os.environ.get("CAREERPLANNER_SHOT_DIR")
    if shot:  # a look at the dialog (see the report), not part of the check
        dialog.grab().save(os.path.join(shot, "column_mapping.png"))
    with qtbot.waitSignal(window.files.dataset_imported, timeout=60_000) as imported:
        dialog.accept()
    assert imported.args[0].dataset.kind == "postings"
    assert _postings_datasets(window) == 1
    assert window.shown_errors == []


def test_cancelling_the_mapping_imports_nothing(mapping_window, qtbot, tmp_path):
    window = mapping_window
    path = tmp_path / "ads.csv"
    path.write_text(HEADER_GUESSED_IN_PART, encoding="utf-8")
    dialog = _dialog_for(window, qtbot, path)
    with qtbot.waitSignal(window.files.import_failed, timeout=5000) as failed:
        dialog.reject()
    assert failed.args[0] == "ads.csv was not imported; nothing was changed."
    assert _postings_datasets(window) == 0
    assert window.shown_errors == []


def test_a_file_that_is_not_a_table_gets_its_sentence_not_the_dialog(
    mapping_window, qtbot, tmp_path
):
    window = mapping_window
    path = tmp_path / "notes.csv"
    path.write_text("just one line of notes\n", encoding="utf-8")
    with qtbot.waitSignal(window.files.import_failed, timeout=30_000):
        window.files.import_dataset_path(path)
    assert window.files.mapping_dialog is None
    assert window.shown_errors and "is not one Career Planner recognises" in window.shown_errors[0]
