"""The Roadmap screen driven as a user would, on a real market database (a slice of O*NET 29.2)
in a private data folder: every edit checked in the database, then undone and redone."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from careerplanner.core.roadmap import StepState
from careerplanner.store.user.evidence import add_evidence, file_sha256, list_evidence
from careerplanner.store.user.goals import add_goal, delete_goal, get_goal, list_goals
from careerplanner.store.user.levels import effective_level_of
from careerplanner.store.user.progress import progress_history
from careerplanner.store.user.steps import update_step
from careerplanner.store.user.targets import add_target_role
from careerplanner.ui.common import dialogs
from careerplanner.ui.roadmap import dialogs as roadmap_dialogs
from careerplanner.ui.roadmap.dialogs import EvidenceInput, GoalInput, StepInput
from careerplanner.ui.roadmap.view import create_goals_from_top_gaps


@pytest.fixture
def roadmap(market_home, window):
    window.show_screen("roadmap")
    view = window.screen_widget("roadmap")
    view.shown_errors = window.shown_errors
    return view


def _click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _answer(monkeypatch, name, value):
    monkeypatch.setattr(roadmap_dialogs, name, lambda *args, **kwargs: value)


def _goals(view):
    return list_goals(view.ctx.user_db)


def _add_goal(view, monkeypatch, skill="SQL", level=2, when=None):
    _answer(monkeypatch, "ask_goal", GoalInput(skill, level, when))
    view.add_goal_action.trigger()
    return view.selected_goal()


def _select_step(view, position):
    assert view.detail.select_step(view.selected_goal().steps[position].id)
    return view.detail.selected_step()


def test_add_a_goal_by_hand_then_undo_and_redo(roadmap, monkeypatch):
    goal = _add_goal(roadmap, monkeypatch, "SQL", 2, date(2027, 6, 30))
    stored = _goals(roadmap)
    assert [(g.skill_name, g.target_level, g.target_date) for g in stored] == [
        (goal.skill_name, 2, date(2027, 6, 30))
    ]
    assert "SQL" in goal.skill_name.upper()
    assert stored[0].steps and {s.to_level for s in stored[0].steps} == {1, 2}
    assert roadmap.goal_model.rowCount() == 1
    assert roadmap.undo_action.isEnabled()

    roadmap.undo_action.trigger()
    assert _goals(roadmap) == []
    assert roadmap.goal_model.rowCount() == 0

    roadmap.redo_action.trigger()
    again = _goals(roadmap)
    assert again == stored  # same ids, steps and timestamps
    assert roadmap.goal_model.rowCount() == 1


def test_a_refused_goal_says_why_and_changes_nothing(roadmap, monkeypatch):
    _answer(monkeypatch, "ask_goal", GoalInput("", 3, None))
    roadmap.add_goal_action.trigger()
    assert roadmap.shown_errors == ["Name a skill, for example “SQL”."]
    assert _goals(roadmap) == []
    assert roadmap.undo_stack.count() == 0


def test_undoing_the_step_that_started_a_goal_unstarts_it(roadmap, monkeypatch, qtbot):
    _add_goal(roadmap, monkeypatch, "SQL", 1)
    step = _select_step(roadmap, 0)
    _click(qtbot, roadmap.detail.state_buttons[StepState.LEARNING])
    assert get_goal(roadmap.ctx.user_db, step.goal_id).started_on == date.today()

    roadmap.undo_stack.undo()
    goal = get_goal(roadmap.ctx.user_db, step.goal_id)
    assert goal.steps[0].state == StepState.PENDING
    assert goal.started_on is None  # the review schedule does not count from an undone start

    roadmap.undo_stack.redo()
    assert get_goal(roadmap.ctx.user_db, step.goal_id).started_on == date.today()


def test_steps_complete_undo_redo_and_the_keyboard(roadmap, monkeypatch, qtbot):
    _add_goal(roadmap, monkeypatch, "SQL", 1)
    step = _select_step(roadmap, 0)
    _click(qtbot, roadmap.detail.state_buttons[StepState.LEARNING])
    assert get_goal(roadmap.ctx.user_db, step.goal_id).steps[0].state == "learning"
    _click(qtbot, roadmap.detail.state_buttons[StepState.DONE])
    goal = get_goal(roadmap.ctx.user_db, step.goal_id)
    assert goal.steps[0].state == StepState.DONE
    assert goal.started_on == date.today()

    # Ctrl+Z and Ctrl+Shift+Z on the screen
    roadmap.detail.step_table.setFocus()
    qtbot.keyClick(roadmap.detail.step_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    state = get_goal(roadmap.ctx.user_db, step.goal_id).steps[0].state
    assert state == StepState.LEARNING
    qtbot.keyClick(
        roadmap.detail.step_table,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert get_goal(roadmap.ctx.user_db, step.goal_id).steps[0].state == "done"


def test_add_edit_delete_steps_with_undo_and_redo(roadmap, monkeypatch, qtbot):
    goal = _add_goal(roadmap, monkeypatch, "SQL", 2)
    db = roadmap.ctx.user_db
    before = get_goal(db, goal.id)

    _answer(
        monkeypatch,
        "ask_step",
        StepInput("Build a reporting database", 2, date(2027, 1, 15), "for the club"),
    )
    _click(qtbot, roadmap.detail.add_step_button)
    added = get_goal(db, goal.id)
    new = added.steps[-1]
    assert (new.title, new.to_level, new.due_date, new.note) == (
        "Build a reporting database",
        2,
        date(2027, 1, 15),
        "for the club",
    )
    roadmap.undo_action.trigger()
    assert get_goal(db, goal.id) == before
    roadmap.redo_action.trigger()
    assert get_goal(db, goal.id) == added  # the same step id comes back

    # edit the new step's title and due date
    roadmap.detail.select_step(new.id)
    _answer(
        monkeypatch, "ask_step", StepInput("Ship a reporting database", 2, None, "for the club")
    )
    _click(qtbot, roadmap.detail.edit_step_button)
    edited = get_goal(db, goal.id).steps[-1]
    assert (edited.id, edited.title, edited.due_date) == (new.id, "Ship a reporting database", None)
    roadmap.undo_action.trigger()
    back = get_goal(db, goal.id).steps[-1]
    assert (back.title, back.due_date) == ("Build a reporting database", date(2027, 1, 15))
    roadmap.redo_action.trigger()

    # delete the first step: undo puts it back exactly, in its place
    first = _select_step(roadmap, 0)
    full = get_goal(db, goal.id)
    _click(qtbot, roadmap.detail.delete_step_button)
    assert first.id not in {s.id for s in get_goal(db, goal.id).steps}
    roadmap.undo_action.trigger()
    assert get_goal(db, goal.id) == full
    roadmap.redo_action.trigger()
    assert first.id not in {s.id for s in get_goal(db, goal.id).steps}


def test_notes_and_goal_edits_undo(roadmap, monkeypatch, qtbot):
    goal = _add_goal(roadmap, monkeypatch, "SQL", 1)
    db = roadmap.ctx.user_db
    monkeypatch.setattr(dialogs, "ask_text", lambda *args, **kwargs: "Asked Ana for a review")
    _click(qtbot, roadmap.detail.add_note_button)
    assert [n.text for n in get_goal(db, goal.id).notes] == ["Asked Ana for a review"]
    assert roadmap.detail.notes.count() == 1
    roadmap.undo_action.trigger()
    assert get_goal(db, goal.id).notes == []

    # raising the target adds the next transition's steps; undo removes them again
    _answer(monkeypatch, "ask_goal", GoalInput(goal.skill_name, 3, date(2027, 3, 1)))
    roadmap.edit_goal_action.trigger()
    raised = get_goal(db, goal.id)
    assert (raised.target_level, raised.target_date) == (3, date(2027, 3, 1))
    assert {s.to_level for s in raised.steps} == {1, 2, 3}
    roadmap.undo_action.trigger()
    assert get_goal(db, goal.id).target_level == 1
    assert {s.to_level for s in get_goal(db, goal.id).steps} == {1}

    roadmap.delete_goal_action.trigger()
    assert _goals(roadmap) == []
    roadmap.undo_action.trigger()
    assert [g.id for g in _goals(roadmap)] == [goal.id]


def test_create_goals_from_my_top_gaps(roadmap, qtbot):
    ctx = roadmap.ctx
    add_target_role(ctx.user_db, "15-1243.00", "Database Architects", "2026-01-01T00:00:00")
    ctx.events.targets_changed.emit()
    assert roadmap.gap_role.currentData() == "15-1243.00"
    roadmap.gap_count.setValue(4)
    _click(qtbot, roadmap.gap_button)
    goals = _goals(roadmap)
    from careerplanner.ui.roadmap.models import role_gap, top_gap_goals

    # the goals are the priorities the gap would have shown before they were added
    assert len(goals) == 4
    top = top_gap_goals(role_gap(ctx.user_db, ctx.market_db, "15-1243.00"), 4)
    assert [(g.skill_key, g.target_level) for g in goals] == [(k, t) for k, _n, t in top]
    assert all(g.target_date and g.target_date > date.today() for g in goals)
    # the fit score was recorded for the progress chart
    assert progress_history(ctx.user_db, "fit")
    # one undo removes them all; asking again adds nothing new and says so
    roadmap.undo_action.trigger()
    assert _goals(roadmap) == []
    roadmap.redo_action.trigger()
    assert len(_goals(roadmap)) == 4
    # Asking again proposes the next gaps, never the same skill twice.
    again = create_goals_from_top_gaps(ctx, "15-1243.00", 4)
    assert len(again) == 4
    assert {g.skill_key for g in again}.isdisjoint(g.skill_key for g in goals)


def test_evidence_makes_the_roadmap_level_count(roadmap, monkeypatch, qtbot, tmp_path):
    goal = _add_goal(roadmap, monkeypatch, "SQL", 1)
    db = roadmap.ctx.user_db
    for index in range(len(goal.steps)):
        _select_step(roadmap, index)
        _click(qtbot, roadmap.detail.state_buttons[StepState.DONE])
    level = effective_level_of(db, goal.skill_key)
    assert (level.roadmap_level, level.level) == (1, 0)
    assert "counts once evidence for L1 is logged" in roadmap.detail.explanation.text()

    proof = tmp_path / "certificate.pdf"
    proof.write_bytes(b"%PDF-1.4 SQL course certificate")
    _answer(
        monkeypatch, "ask_evidence", EvidenceInput(goal.skill_name, 1, "file", str(proof), "Course")
    )
    roadmap.tabs.setCurrentWidget(roadmap.evidence)
    _click(qtbot, roadmap.evidence.add_button)
    items = list_evidence(db)
    assert [(i.kind, i.path, i.level) for i in items] == [("file", str(proof.resolve()), 1)]
    assert items[0].sha256 == file_sha256(proof)
    assert effective_level_of(db, goal.skill_key).level == 1
    roadmap.evidence.table.selectRow(0)
    assert roadmap.evidence.explanation.text().endswith(
        "L1 reached on the roadmap, with evidence logged."
    )
    # the file check runs off the GUI thread (hashing a large file must not freeze the window)
    qtbot.waitUntil(lambda: roadmap.evidence.model.index(0, 5).data() == "ok")
    proof.write_bytes(b"%PDF-1.4 edited afterwards")
    roadmap.refresh()
    qtbot.waitUntil(lambda: roadmap.evidence.model.index(0, 5).data() == "changed")

    roadmap.undo_action.trigger()
    assert list_evidence(db) == []
    assert effective_level_of(db, goal.skill_key).level == 0
    roadmap.redo_action.trigger()
    assert list_evidence(db) == items
    # the level history recorded the change for the chart and its table
    points = progress_history(db, "skill")
    assert [p.value for p in points if p.subject_key == goal.skill_key][-1] == 1
    assert roadmap.progress.level_model.rowCount() == len(points)

    roadmap.evidence.table.selectRow(0)
    _click(qtbot, roadmap.evidence.delete_button)
    assert list_evidence(db) == []
    roadmap.undo_action.trigger()
    assert list_evidence(db) == items


def test_due_for_review_and_mark_reviewed(roadmap, monkeypatch, qtbot):
    goal = _add_goal(roadmap, monkeypatch, "SQL", 2)
    db = roadmap.ctx.user_db
    # a step started three weeks ago: the first review (after 2 days) is overdue
    update_step(db, goal.steps[0].id, state="learning", today=date.today() - timedelta(days=21))
    roadmap.refresh()
    assert roadmap.reviews.model.rowCount() == 1
    assert "due for review" in roadmap.goal_model.index(0, 7).data()
    assert roadmap.tabs.tabText(3) == "&Reviews (1 due)"
    _click(qtbot, roadmap.reviews.mark_button)
    reviewed = get_goal(db, goal.id)
    assert (reviewed.review_count, reviewed.last_review) == (1, date.today())
    assert roadmap.reviews.model.rowCount() == 0
    roadmap.undo_action.trigger()
    assert get_goal(db, goal.id).review_count == 0
    assert roadmap.reviews.model.rowCount() == 1


def test_a_skill_outside_the_dataset_is_marked_not_dropped(roadmap, monkeypatch):
    _add_goal(roadmap, monkeypatch, "Knitting patterns for robots", 2)
    assert roadmap.goal_model.index(0, 7).data() == "not in the current dataset"
    assert "stays on your roadmap" in roadmap.detail.explanation.text()


@pytest.mark.parametrize("fmt", ["md", "csv", "ics", "pdf", "json", "jsonresume"])
def test_export_each_format(roadmap, monkeypatch, qtbot, tmp_path, fmt):
    goal = _add_goal(roadmap, monkeypatch, "SQL", 2, date(2027, 6, 30))
    db = roadmap.ctx.user_db
    # L1 reached and evidenced: a level that counts (JSON Resume lists those)
    for step in goal.steps:
        if step.to_level == 1:
            update_step(db, step.id, state="done")
    add_evidence(db, goal.skill_key, goal.skill_name, 1, url="https://example.org/c")
    add_target_role(db, "15-1243.00", "Database Architects", "2026-01-01T00:00:00")
    target = tmp_path / f"out.{fmt}"
    _answer(monkeypatch, "choose_export_path", target)
    with qtbot.waitSignal(roadmap.exported, timeout=60000) as written:
        roadmap.export_actions[fmt].trigger()
    assert written.args == [str(target)]
    data = target.read_bytes()
    if fmt == "pdf":
        from pdfminer.high_level import extract_text

        assert data.startswith(b"%PDF")
        text = extract_text(str(target))
        assert "Gap for Database Architects" in text and goal.skill_name[:20] in text
    elif fmt == "ics":
        assert b"BEGIN:VCALENDAR" in data and b"20270630" in data
    elif fmt == "csv":
        rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
        assert any(goal.skill_name in row for row in rows)
    elif fmt in ("json", "jsonresume"):
        document = json.loads(data)
        assert goal.skill_name in json.dumps(document)
    else:
        assert goal.skill_name in data.decode("utf-8")


def test_restore_a_backup_after_confirming(roadmap, monkeypatch, qtbot, tmp_path):
    goal = _add_goal(roadmap, monkeypatch, "SQL", 2)
    backup = tmp_path / "backup.json"
    _answer(monkeypatch, "choose_export_path", backup)
    with qtbot.waitSignal(roadmap.exported, timeout=60000):
        roadmap.export_actions["json"].trigger()
    roadmap.delete_goal_action.trigger()
    assert _goals(roadmap) == []

    _answer(monkeypatch, "choose_backup_file", backup)
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kwargs: False)
    roadmap.restore_action.trigger()
    assert _goals(roadmap) == []  # declined: nothing happens

    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kwargs: True)
    with qtbot.waitSignal(roadmap.restored, timeout=60000):
        roadmap.restore_action.trigger()
    assert [g.id for g in _goals(roadmap)] == [goal.id]
    assert roadmap.goal_model.rowCount() == 1
    assert roadmap.undo_stack.count() == 0


def test_a_damaged_backup_is_refused_and_nothing_changes(roadmap, monkeypatch, qtbot, tmp_path):
    _add_goal(roadmap, monkeypatch, "SQL", 2)
    before = _goals(roadmap)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "careerplanner-backup", "tables": ')
    _answer(monkeypatch, "choose_backup_file", broken)
    monkeypatch.setattr(dialogs, "confirm", lambda *args, **kwargs: True)
    roadmap.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(roadmap.shown_errors), timeout=30000)
    assert "broken.json" in roadmap.shown_errors[-1]
    assert _goals(roadmap) == before


def test_progress_charts_draw_with_their_tables(roadmap, monkeypatch, qtbot):
    goal = _add_goal(roadmap, monkeypatch, "SQL", 1)
    add_evidence(roadmap.ctx.user_db, goal.skill_key, goal.skill_name, 1, text="x")
    for index in range(len(goal.steps)):
        _select_step(roadmap, index)
        _click(qtbot, roadmap.detail.state_buttons[StepState.DONE])
    roadmap.tabs.setCurrentWidget(roadmap.progress)
    chart = roadmap.progress.level_panel.chart
    qtbot.waitUntil(lambda: chart.draw_count > 0, timeout=30000)
    assert roadmap.progress.level_model.rowCount() >= 1
    assert roadmap.progress.level_model.index(0, 2).data() == "L1"


def test_an_undo_the_data_no_longer_allows_says_so_and_changes_nothing(roadmap, monkeypatch):
    goal = _add_goal(roadmap, monkeypatch, "SQL", 2)
    db = roadmap.ctx.user_db
    delete_goal(db, goal.id)  # e.g. `careerplanner roadmap remove` meanwhile
    add_goal(db, "custom:chess", "Chess", 2)
    before = _goals(roadmap)
    roadmap.undo_action.trigger()
    assert roadmap.shown_errors and roadmap.shown_errors[-1].startswith("Can't undo")
    assert _goals(roadmap) == before
    assert roadmap.undo_stack.count() == 0  # the stale command is gone
    assert [row.goal.skill_name for row in roadmap.goal_model.rows()] == ["Chess"]


def test_gap_action_adds_goals_while_the_roadmap_screen_is_closed(
    market_home, ctx_factory, monkeypatch
):
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, text, title="": errors.append(text))
    ctx = ctx_factory()
    add_target_role(ctx.user_db, "15-1252.00", "Software Developers", "2026-01-01T00:00:00")
    with_changes = []
    ctx.events.profile_changed.connect(lambda: with_changes.append(True))
    goals = create_goals_from_top_gaps(ctx, "15-1252.00", 3)
    assert len(goals) == 3 and _goals_of(ctx) == goals
    assert with_changes  # the other screens hear about the new levels
    assert create_goals_from_top_gaps(ctx, "99-9999.00", 3) == []
    assert errors == ["The active dataset has no role 99-9999.00; choose another target role."]
    assert _goals_of(ctx) == goals


def _goals_of(ctx):
    return list_goals(ctx.user_db)


def test_every_control_has_a_name_for_screen_readers_and_keyboard_focus(roadmap, qtbot):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QHeaderView,
        QSpinBox,
    )

    def ours(widget) -> bool:
        # Qt's own parts (headers, corner buttons, combo pop-ups) are named by Qt itself.
        return (
            not isinstance(widget, QHeaderView)
            and not widget.objectName().startswith("qt_")
            and widget.window() is roadmap.window()
        )

    controls = [
        widget
        for kind in (QAbstractButton, QAbstractItemView, QComboBox, QSpinBox)
        for widget in roadmap.findChildren(kind)
        if ours(widget)
    ]
    assert len(controls) > 20
    unnamed = [
        widget
        for widget in controls
        if not (widget.accessibleName() or getattr(widget, "text", lambda: "")())
    ]
    assert unnamed == []
    assert all(widget.focusPolicy() != Qt.FocusPolicy.NoFocus for widget in controls)


def test_the_gap_screen_button_creates_goals_that_undo_on_the_roadmap(market_home, window, qtbot):
    ctx = window.ctx
    add_target_role(ctx.user_db, "15-1243.00", "Database Architects", "2026-01-01T00:00:00")
    ctx.events.targets_changed.emit()
    roadmap = window.screen_widget("roadmap")  # open: the goals land on its undo stack
    window.show_screen("gap")
    gap = window.screen_widget("gap")
    qtbot.waitUntil(lambda: gap.role_combo.count() == 1)
    _click(qtbot, gap.create_goals_button)
    assert len(_goals(roadmap)) == 5
    assert roadmap.goal_model.rowCount() == 5
    roadmap.undo_action.trigger()
    assert _goals(roadmap) == []


def test_a_step_click_updates_its_goal_and_the_hidden_tabs_when_shown(roadmap, monkeypatch, qtbot):
    """A change inside one goal reads only that goal again; the evidence and history tabs,
    hidden meanwhile, show the change when the user opens them (issue 17: at scale, reading
    everything again took most of a second per click)."""
    other = _add_goal(roadmap, monkeypatch, "Python", 2)
    goal = _add_goal(roadmap, monkeypatch, "SQL", 1)
    db = roadmap.ctx.user_db
    add_evidence(db, goal.skill_key, goal.skill_name, 1, text="a query I wrote")
    roadmap.refresh()
    history_rows = roadmap.progress.level_model.rowCount()
    roadmap.select_goal(goal.id)
    _select_step(roadmap, 0)
    _click(qtbot, roadmap.detail.state_buttons[StepState.DONE])

    rows = {row.goal.id: row for row in roadmap.goal_model.rows()}
    assert rows[goal.id].goal.steps[0].state == StepState.DONE
    assert rows[goal.id].counted.level == 1  # the step and the evidence make L1 count
    assert rows[other.id].goal == get_goal(db, other.id)  # the other goal is untouched
    assert roadmap.selected_goal().id == goal.id  # the selection stays where it was
    assert "1 complete" in roadmap.summary.text()

    roadmap.tabs.setCurrentWidget(roadmap.progress)
    assert roadmap.progress.level_model.rowCount() == len(progress_history(db, "skill"))
    assert roadmap.progress.level_model.rowCount() > history_rows
    roadmap.tabs.setCurrentWidget(roadmap.evidence)
    roadmap.evidence.table.selectRow(0)
    assert "L1 reached on the roadmap" in roadmap.evidence.explanation.text()

    roadmap.tabs.setCurrentWidget(roadmap.reviews)
    roadmap.undo_action.trigger()  # the undo takes the same path
    assert roadmap.goal_model.rows()[-1].goal.steps[0].state == StepState.PENDING
    assert "0 complete" in roadmap.summary.text()
