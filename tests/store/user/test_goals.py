"""The roadmap repository on a real user database: goals, steps, notes, evidence, history."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from careerplanner.core.roadmap import EvidenceKind, Step, StepState
from careerplanner.errors import UserError
from careerplanner.store.user import evidence, goals, levels, progress, steps
from careerplanner.store.user.schema import ROADMAP_TABLES
from tests.exports.roadmap_data import (
    HOSTILE,
    SQL_KEY,
    open_roadmap_db,
    populate,
    roadmap_rows,
    write_profile,
)


@pytest.fixture
def db(tmp_path):
    database = open_roadmap_db(tmp_path / "home")
    write_profile(database)
    yield database
    database.close()


def test_opening_the_user_database_creates_the_roadmap_tables(tmp_path):
    database = open_roadmap_db(tmp_path / "home")
    assert set(ROADMAP_TABLES) <= set(database.table_names())
    foreign = database.execute("PRAGMA foreign_key_list(roadmap_step)").fetchall()
    assert {row[2] for row in foreign} == {"roadmap_goal"}
    # Nothing on the roadmap points into user_skill: a re-import can't cascade into it.
    for table in ROADMAP_TABLES:
        targets = {row[2] for row in database.execute(f"PRAGMA foreign_key_list({table})")}
        assert "user_skill" not in targets


def test_a_goal_starts_at_the_level_that_counts_with_suggested_steps(db):
    goal = goals.add_goal(db, SQL_KEY, "SQL", 4, date(2027, 3, 1))
    assert (goal.start_level, goal.target_level, goal.target_date) == (2, 4, date(2027, 3, 1))
    assert [s.to_level for s in goal.steps] == [3, 3, 4, 4]
    assert all(s.suggested and s.state is StepState.PENDING for s in goal.steps)
    assert goals.list_goals(db)[0].skill_name == "SQL"


def test_a_target_not_above_the_current_level_is_refused_and_nothing_changes(db):
    before = roadmap_rows(db)
    with pytest.raises(UserError, match="already at L3; choose a target level above it"):
        goals.add_goal(db, "technology:python", "Python", 3)
    with pytest.raises(UserError, match="L0 to L5"):
        goals.add_goal(db, "technology:python", "Python", 9)
    assert roadmap_rows(db) == before


def test_a_failing_multi_row_change_rolls_back_completely(db):
    before = roadmap_rows(db)
    bad_steps = [Step(None, None, "fine", 3), Step(None, None, "level 9 breaks a CHECK", 9)]
    with pytest.raises(Exception, match="CHECK"):
        goals.add_goal(db, SQL_KEY, "SQL", 4, steps=bad_steps)
    assert roadmap_rows(db) == before


def test_steps_change_state_and_the_first_start_dates_the_goal(db):
    goal = goals.add_goal(db, SQL_KEY, "SQL", 3)
    step = steps.update_step(db, goal.steps[0].id, state="Learning", today=date(2026, 5, 1))
    assert step.state is StepState.LEARNING
    steps.update_step(db, goal.steps[1].id, state="done", today=date(2026, 6, 1))
    assert goals.get_goal(db, goal.id).started_on == date(2026, 5, 1)
    with pytest.raises(UserError, match="not a step state"):
        steps.update_step(db, goal.steps[0].id, state="finished")
    steps.update_step(db, goal.steps[0].id, due_date=date(2026, 7, 1), note="week 3")
    steps.update_step(db, goal.steps[0].id, due_date=None)
    again = goals.get_goal(db, goal.id).steps[0]
    assert again.due_date is None and again.note == "week 3"


def test_own_steps_and_target_changes_never_drop_steps(db):
    goal = goals.add_goal(db, SQL_KEY, "SQL", 3)
    own = steps.add_step(db, goal.id, "Rewrite the reporting queries")
    assert own.to_level == 3 and not own.suggested
    with pytest.raises(UserError, match="from L3 to L3, not L5"):
        steps.add_step(db, goal.id, "too far", to_level=5)
    raised = goals.update_goal(db, goal.id, target_level=5)
    assert sorted({s.to_level for s in raised.steps}) == [3, 4, 5]
    lowered = goals.update_goal(db, goal.id, target_level=3, target_date=date(2027, 1, 1))
    assert len(lowered.steps) == len(raised.steps)  # nothing the user had is dropped
    assert lowered.target_date == date(2027, 1, 1)


def test_notes_belong_to_a_goal_or_one_of_its_steps(db):
    first = goals.add_goal(db, SQL_KEY, "SQL", 3)
    second = goals.add_goal(db, "technology:docker", "Docker", 2)
    note = steps.add_note(db, first.id, "started", step_id=first.steps[0].id)
    with pytest.raises(UserError, match="is not part of goal"):
        steps.add_note(db, first.id, "wrong goal", step_id=second.steps[0].id)
    with pytest.raises(UserError, match="can't be empty"):
        steps.add_note(db, first.id, "   ")
    steps.update_note(db, note.id, "started, week 2")
    assert goals.get_goal(db, first.id).notes[0].text == "started, week 2"
    steps.delete_note(db, note.id)
    assert goals.get_goal(db, first.id).notes == []


def test_deleting_a_goal_keeps_the_evidence_of_its_skill(db):
    goal = goals.add_goal(db, SQL_KEY, "SQL", 3)
    steps.add_note(db, goal.id, "a note")
    evidence.add_evidence(db, SQL_KEY, "SQL", 3, url="https://example.org/pr/1")
    goals.delete_goal(db, goal.id)
    assert goals.list_goals(db) == []
    assert db.execute("SELECT count(*) FROM roadmap_step").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM roadmap_note").fetchone()[0] == 0
    assert len(evidence.list_evidence(db)) == 1
    with pytest.raises(UserError, match="There is no goal"):
        goals.get_goal(db, goal.id)


def test_the_evidence_rule_through_the_repository(db):
    goal = goals.add_goal(db, SQL_KEY, "SQL", 3)
    for step in goal.steps:
        steps.update_step(db, step.id, state="done")
    waiting = levels.effective_level_of(db, SQL_KEY)
    assert (waiting.level, waiting.roadmap_level, waiting.awaiting_evidence) == (2, 3, True)
    evidence.add_evidence(db, SQL_KEY, "SQL", 3, text="Shipped the billing reports")
    counted = levels.effective_level_of(db, SQL_KEY)
    assert (counted.level, counted.awaiting_evidence) == (3, False)
    history = [p.value for p in progress.progress_history(db, "skill") if p.subject_key == SQL_KEY]
    assert history == [2, 3]  # recorded when the level changed, and only then


def test_file_evidence_keeps_path_and_checksum(db, tmp_path):
    proof = tmp_path / "certificate.pdf"
    proof.write_bytes(b"%PDF-1.4 certificate")
    item = evidence.add_evidence(db, SQL_KEY, "SQL", 2, path=proof, title="Certificate")
    assert item.kind is EvidenceKind.FILE
    assert item.sha256 == hashlib.sha256(b"%PDF-1.4 certificate").hexdigest()
    assert item.path == str(proof.resolve())
    assert evidence.evidence_file_status(item) == "ok"
    proof.write_bytes(b"edited")
    assert evidence.evidence_file_status(item) == "changed"
    proof.unlink()
    assert evidence.evidence_file_status(item) == "missing"


def test_bad_evidence_is_refused_and_nothing_changes(db, tmp_path):
    before = roadmap_rows(db)
    with pytest.raises(UserError, match="Can't find the evidence file"):
        evidence.add_evidence(db, SQL_KEY, "SQL", 2, path=tmp_path / "nope.pdf")
    with pytest.raises(UserError, match="is a folder"):
        evidence.add_evidence(db, SQL_KEY, "SQL", 2, path=tmp_path)
    with pytest.raises(UserError, match="exactly one"):
        evidence.add_evidence(db, SQL_KEY, "SQL", 2, url="https://x", text="and a note")
    with pytest.raises(UserError, match="L1 to L5"):
        evidence.add_evidence(db, SQL_KEY, "SQL", 0, url="https://x")
    assert roadmap_rows(db) == before


def test_fit_scores_are_recorded_when_they_change(db):
    assert progress.record_fit_scores(db, {"15-1252.00": ("Software Developers", 0.5)}, "gap") == 1
    assert progress.record_fit_scores(db, {"15-1252.00": ("Software Developers", 0.5)}, "gap") == 0
    assert progress.record_fit_scores(db, {"15-1252.00": ("Software Developers", 0.75)}, "gap") == 1
    points = progress.progress_history(db, "fit")
    assert [(p.subject_name, p.value) for p in points] == [
        ("Software Developers", 0.5),
        ("Software Developers", 0.75),
    ]


def test_reviews_move_out_after_each_review(db):
    goal = goals.add_goal(db, SQL_KEY, "SQL", 4)
    steps.update_step(db, goal.steps[0].id, state="learning", today=date(2026, 3, 2))
    assert [d.goal.id for d in goals.due_reviews(db, today=date(2026, 3, 4))] == [goal.id]
    reviewed = goals.mark_reviewed(db, goal.id, today=date(2026, 3, 4))
    assert (reviewed.review_count, reviewed.last_review) == (1, date(2026, 3, 4))
    assert goals.due_reviews(db, today=date(2026, 3, 10)) == []
    assert len(goals.due_reviews(db, today=date(2026, 3, 11))) == 1


def test_sql_hostile_text_is_stored_verbatim(tmp_path):
    database = open_roadmap_db(tmp_path / "home")
    ids = populate(database, tmp_path / "proof.txt")
    odd = goals.get_goal(database, ids["odd"])
    assert odd.skill_name == HOSTILE
    assert any(n.text == HOSTILE for n in goals.get_goal(database, ids["sql"]).notes)
    assert "roadmap_goal" in database.table_names()


def test_goals_for_the_top_gaps_come_in_one_action(db):
    goals.add_goal(db, "technology:docker", "Docker", 3)
    added = goals.add_goals(
        db,
        [
            (SQL_KEY, "SQL", 4),
            ("technology:docker", "Docker", 4),  # already has a goal
            ("technology:python", "Python", 3),  # already at L3
            ("technology:spark", "Apache Spark", 3),
        ],
        target_date=date(2027, 6, 30),
    )
    assert [(g.skill_name, g.start_level, g.target_level) for g in added] == [
        ("SQL", 2, 4),
        ("Apache Spark", 0, 3),
    ]
    assert all(g.target_date == date(2027, 6, 30) for g in added)


def test_one_bad_request_among_many_adds_no_goal(db):
    before = roadmap_rows(db)
    with pytest.raises(UserError, match="L0 to L5"):
        goals.add_goals(db, [(SQL_KEY, "SQL", 4), ("technology:spark", "Spark", 7)])
    assert roadmap_rows(db) == before


def test_a_deleted_goal_and_evidence_come_back_exactly(db, tmp_path):
    ids = populate(db, tmp_path / "proof.txt")
    before = roadmap_rows(db)
    goal = goals.delete_goal(db, ids["sql"])
    items = [evidence.delete_evidence(db, item.id) for item in evidence.list_evidence(db, SQL_KEY)]
    goals.restore_goal(db, goal)
    for item in items:
        evidence.restore_evidence(db, item)
    after = roadmap_rows(db)
    # Everything is back byte for byte; the history only gained points (append-only).
    history_before = before.pop("progress_history")
    history_after = after.pop("progress_history")
    assert after == before
    assert history_after[: len(history_before)] == history_before
    assert levels.effective_level_of(db, SQL_KEY).level == 3
