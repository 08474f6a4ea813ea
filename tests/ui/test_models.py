"""Every Qt model, checked by pytest-qt's qtmodeltester, with rows from the real data."""

from __future__ import annotations

from careerplanner.core.gap import compare_roles, compute_gap
from careerplanner.services.market_pages import role_requirements
from careerplanner.store.market.datasets import list_datasets
from careerplanner.store.market.occupations import requirements
from careerplanner.store.user.profile import HistoryEntry, UserSkill
from careerplanner.ui.common.table_model import SORT_ROLE, RowTableModel, sorted_view_model
from careerplanner.ui.datasets.view import DatasetModel
from careerplanner.ui.gap.view import ComparisonModel, GapRowModel
from careerplanner.ui.market.view import RATING_COLUMNS
from careerplanner.ui.profile.view import LevelHistoryModel, ProfileSkillModel


def _gaps(ctx):
    levels = {"onet:2.A.1.a": 3}
    gaps = []
    for code in ("15-1243.00", "15-1252.00"):
        found = role_requirements(ctx.market_db, code)
        gaps.append(compute_gap(code, found.title, found.requirements, levels))
    return gaps


def test_gap_model(qtmodeltester, market_home, ctx_factory):
    model = GapRowModel()
    model.set_rows(_gaps(ctx_factory())[0].rows)
    assert model.rowCount() > 10
    qtmodeltester.check(model)
    qtmodeltester.check(sorted_view_model(model))


def test_comparison_model(qtmodeltester, market_home, ctx_factory):
    gaps = _gaps(ctx_factory())
    model = ComparisonModel()
    model.set_roles([gap.role_title for gap in gaps], compare_roles(gaps))
    assert model.columnCount() == 5
    qtmodeltester.check(model)


def test_dataset_model(qtmodeltester, market_home, ctx_factory):
    model = DatasetModel()
    model.set_rows(list_datasets(ctx_factory().market_db))
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_rating_model_sorts_numbers_as_numbers(qtmodeltester, market_home, ctx_factory):
    model = RowTableModel(RATING_COLUMNS)
    model.set_rows(requirements(ctx_factory().market_db, "15-1243.00").ratings)
    qtmodeltester.check(model)
    proxy = sorted_view_model(model)
    proxy.sort(2)
    values = [proxy.index(row, 2).data(SORT_ROLE) for row in range(proxy.rowCount())]
    assert values == sorted(values)


def test_profile_models(qtmodeltester):
    skills = ProfileSkillModel()
    skills.set_rows(
        [
            UserSkill("technology:python", "Python", 3, None, None, [{"text": "Python"}], True),
            UserSkill("technology:sql", "SQL", 2, 4, "led the migration", [], True),
        ]
    )
    qtmodeltester.check(skills)
    assert skills.index(1, 1).data() == "L4 Advanced"
    history = LevelHistoryModel()
    history.set_rows(
        [
            HistoryEntry("2025-01-01T00:00:00+00:00", 2, "resume", "found in cv.pdf"),
            HistoryEntry("2025-06-01T00:00:00+00:00", 3, "override", "shipped it at work"),
        ]
    )
    qtmodeltester.check(history)
    qtmodeltester.check(ProfileSkillModel())
