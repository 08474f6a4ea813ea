"""The Roadmap screen's Qt models, checked by pytest-qt's qtmodeltester over rows from a real
roadmap (goals, steps, evidence and history written through the store)."""

from __future__ import annotations

from datetime import date

from careerplanner.store.user.evidence import add_evidence, list_evidence
from careerplanner.store.user.goals import add_goal, due_reviews, list_goals
from careerplanner.store.user.levels import all_effective_levels
from careerplanner.store.user.progress import progress_history
from careerplanner.store.user.steps import update_step
from careerplanner.store.user.targets import add_target_role
from careerplanner.ui.common.table_model import SORT_ROLE, RowTableModel, sorted_view_model
from careerplanner.ui.roadmap.models import (
    FIT_HISTORY_COLUMNS,
    LEVEL_HISTORY_COLUMNS,
    EvidenceModel,
    GoalModel,
    HistoryModel,
    StepModel,
    goal_rows,
    record_fit_now,
)
from careerplanner.ui.roadmap.panels import REVIEW_COLUMNS


def _roadmap(ctx):
    db = ctx.user_db
    sql = add_goal(db, "technology:sql", "SQL", 2, date(2027, 1, 1))
    add_goal(db, "custom:knitting", "Knitting", 3)
    for step in sql.steps[:2]:
        update_step(db, step.id, state="done", today=date(2026, 1, 1))
    add_evidence(db, "technology:sql", "SQL", 1, text="Passed the course")
    return db


def test_goal_and_step_models(qtmodeltester, market_home, ctx_factory):
    ctx = ctx_factory()
    db = _roadmap(ctx)
    goals = list_goals(db)
    rows = goal_rows(goals, all_effective_levels(db), {"technology:sql"}, {}, date.today())
    model = GoalModel()
    model.set_rows(rows)
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    proxy = sorted_view_model(model)
    qtmodeltester.check(proxy)
    proxy.sort(2)  # target level: sorted as numbers
    assert [proxy.index(r, 2).data(SORT_ROLE) for r in range(2)] == [2, 3]
    assert model.index(1, 7).data() == "not in the current dataset"
    steps = StepModel()
    steps.set_rows(goals[0].steps)
    qtmodeltester.check(steps)
    qtmodeltester.check(sorted_view_model(steps))


def test_evidence_history_and_review_models(qtmodeltester, market_home, ctx_factory):
    ctx = ctx_factory()
    db = _roadmap(ctx)
    evidence = EvidenceModel()
    evidence.set_rows(list_evidence(db))
    assert evidence.index(0, 4).data() == "Passed the course"
    qtmodeltester.check(evidence)
    add_target_role(db, "15-1243.00", "Database Architects", "2026-01-01T00:00:00")
    assert record_fit_now(db, ctx.market_db, "test") == 1
    for columns, kind in ((LEVEL_HISTORY_COLUMNS, "skill"), (FIT_HISTORY_COLUMNS, "fit")):
        model = HistoryModel(columns)
        model.set_rows(progress_history(db, kind))
        qtmodeltester.check(model)
        qtmodeltester.check(sorted_view_model(model))
    reviews = RowTableModel(REVIEW_COLUMNS)
    reviews.set_rows(due_reviews(db))
    assert reviews.rowCount() == 1  # started on 2026-01-01: long overdue
    qtmodeltester.check(reviews)
