"""The Roadmap screen's real dialogs, filled in and accepted as a user would (the screen's tests
replace them; these prove what they return)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from careerplanner.ui.roadmap import dialogs as roadmap_dialogs
from careerplanner.ui.roadmap.dialogs import EvidenceInput, GoalInput, StepInput


def _named(dialog, kind, name):
    return next(w for w in dialog.findChildren(kind) if w.accessibleName() == name)


def _fill_then(action):
    """Run `action(dialog)` on the dialog once it is open (it blocks in exec)."""

    def run():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        action(dialog)

    QTimer.singleShot(0, run)


def _pick(combo: QComboBox, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_goal_dialog(qapp):
    def fill(dialog):
        _named(dialog, QLineEdit, "Skill").setText("SQL")
        _pick(_named(dialog, QComboBox, "Target level"), 4)
        dialog.findChild(roadmap_dialogs.OptionalDate).enabled.setChecked(True)
        _named(dialog, QDateEdit, "Target date").setDate(QDate(2027, 5, 1))
        dialog.accept()

    _fill_then(fill)
    assert roadmap_dialogs.ask_goal(None, "Add a goal") == GoalInput("SQL", 4, date(2027, 5, 1))
    _fill_then(lambda dialog: dialog.reject())
    assert roadmap_dialogs.ask_goal(None, "Add a goal") is None


def test_step_dialog_keeps_what_is_not_changed(qapp):
    current = StepInput("Build a personal project", 2, date(2027, 1, 1), "with tests")

    def fill(dialog):
        _named(dialog, QLineEdit, "Step title").setText("Build a bigger project")
        assert _named(dialog, QPlainTextEdit, "Step note").toPlainText() == "with tests"
        dialog.accept()

    _fill_then(fill)
    answer = roadmap_dialogs.ask_step(None, "Edit step", range(1, 4), current)
    assert answer == StepInput("Build a bigger project", 2, date(2027, 1, 1), "with tests")


def test_evidence_dialog_browses_for_a_file(qapp, monkeypatch, tmp_path):
    proof = tmp_path / "talk.pdf"
    monkeypatch.setattr(roadmap_dialogs, "choose_evidence_file", lambda parent: proof)

    def fill(dialog):
        _named(dialog, QComboBox, "Evidence skill").setCurrentText("Python")
        _pick(_named(dialog, QComboBox, "Evidence level"), 3)
        _named(dialog, QPushButton, "Choose the evidence file").click()
        assert _named(dialog, QComboBox, "Evidence kind").currentData() == "file"
        _named(dialog, QLineEdit, "Evidence title").setText("Conference talk")
        dialog.accept()

    _fill_then(fill)
    answer = roadmap_dialogs.ask_evidence(None, ["Python", "SQL"], "SQL", 2)
    assert answer == EvidenceInput("Python", 3, "file", str(proof), "Conference talk")
