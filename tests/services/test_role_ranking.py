"""Issue 15: a fit a person believes, and every role ranked by it.

Real resumes (tests/fixtures/resumes) and real profiles against the bundled default dataset.
"""

from __future__ import annotations

import pytest

from careerplanner.services.gap import role_gaps
from careerplanner.services.market_pages import role_requirements
from careerplanner.services.resume_import import import_resume_file
from careerplanner.services.role_needs import (
    POSTINGS_PREFIX,
    estimated_levels,
    market_index,
    occupation_needs,
    ranked_postings_roles,
    technology_weight,
)
from careerplanner.services.role_ranking import PRIOR_WEIGHT, rank_roles, shrunk_fit
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user.profile import add_skill
from tests.conftest import RESUMES

SOFTWARE_DEVELOPERS = "15-1252.00"
OLD_FIT = 0.23  # the best fit a senior engineer got for Software Developers before issue 15

# An ICU nurse as she would write her skills (names the reader finds in nursing resumes).
NURSE_SKILLS = (
    "Patient Care",
    "Infection Control",
    "Medication Administration",
    "Nursing Care Planning",
    "Wound Care",
    "Critical Care",
    "Patient Assessment",
)


@pytest.fixture
def databases(installed_home):
    data_dir = DataDir(installed_home)
    user_db, market_db = data_dir.open_user_db(), data_dir.open_market_db()
    yield data_dir, user_db, market_db
    user_db.close()
    market_db.close()


@pytest.fixture
def engineer(databases):
    data_dir, user_db, market_db = databases
    resume = RESUMES / "sb2nov_sourabh_bajaj_resume.pdf"  # a senior software/ML engineer
    import_resume_file(user_db, market_db, resume, data_dir.backup_dir)
    return user_db, market_db


@pytest.fixture
def nurse(databases):
    _data_dir, user_db, market_db = databases
    for name in NURSE_SKILLS:
        add_skill(user_db, f"custom:{name.casefold()}", name, 3, "ICU nurse, six years")
    return user_db, market_db


def test_a_senior_engineer_fits_software_developers_far_better_than_before(engineer):
    user_db, market_db = engineer
    (report,) = role_gaps(market_db, user_db, [SOFTWARE_DEVELOPERS])
    assert report.fit >= 0.5 > OLD_FIT + 0.2
    rows = {row.skill_name: row for row in report.rows}
    # the occupation's own skills count, at a level estimated from the resume and said so
    programming = rows["Programming"]
    assert programming.estimated and programming.met
    assert programming.level_from.startswith("estimated from your Python L5")
    # only In Demand technologies, a peripheral one weighing less than a core one
    technologies = [row for row in report.rows if row.kind == "technology"]
    assert technologies and all("In Demand" in row.note for row in technologies)
    assert rows["Python"].weight > rows["TypeScript"].weight
    assert "ESCO essential skills" in report.note and "closest related occupation" in report.note


def test_the_ranking_puts_the_engineers_own_occupation_first(engineer):
    user_db, market_db = engineer
    ranking = rank_roles(user_db, market_db, top=5)
    assert len(ranking.roles) == 5 and ranking.total > 900
    assert SOFTWARE_DEVELOPERS in [role.code for role in ranking.roles[:3]]
    first = ranking.roles[0]
    # the ranked fit is the gap's own fit for that role
    (report,) = role_gaps(market_db, user_db, [first.code])
    assert report.fit == pytest.approx(first.fit)


def test_a_nurse_ranks_nursing_occupations_high(nurse):
    user_db, market_db = nurse
    ranking = rank_roles(user_db, market_db, top=10)
    nursing = [role for role in ranking.roles if role.code.startswith("29-1141")]
    assert nursing, [role.title for role in ranking.roles]
    (report,) = role_gaps(market_db, user_db, ["Registered Nurses"])
    assert report.fit >= 0.5  # 8% before issue 15
    medicine = next(row for row in report.rows if row.skill_name == "Medicine and Dentistry")
    assert medicine.estimated and "Patient Care L3" in medicine.level_from


def test_a_role_with_few_requirements_does_not_outrank_one_with_many_on_luck(nurse):
    # Three met of three (weight 2) against 35 met of 40 (weight 25), median fit 50%:
    assert shrunk_fit(1.0, 2.0, 0.5) < shrunk_fit(0.875, 25.0, 0.5)
    assert shrunk_fit(0.9, 0.0, 0.4) == pytest.approx(0.4)  # nothing counted: the prior
    assert PRIOR_WEIGHT > 0
    user_db, market_db = nurse
    ranking = rank_roles(user_db, market_db)
    # Roles with a perfect fit over a handful of requirements exist, and sit below the top.
    lucky = [role for role in ranking.roles if role.fit == 1.0 and role.requirements <= 5]
    top = ranking.roles[:10]
    assert all(role.requirements >= 10 for role in top)
    assert all(role not in top for role in lucky)


def test_rating_estimates_need_evidence(databases):
    _data_dir, user_db, market_db = databases
    # No skills: nothing to estimate from, so the ratings stay "not rated" (not L0).
    assert estimated_levels(user_db, market_db).estimates == {}
    (report,) = role_gaps(market_db, user_db, [SOFTWARE_DEVELOPERS])
    ratings = [row for row in report.rows if row.kind in ("skill", "knowledge")]
    assert ratings and not any(row.rated for row in ratings)


def test_technology_weight_follows_how_central_it_is():
    core_level, core_weight = technology_weight(0.8)
    side_level, side_weight = technology_weight(0.1)
    assert (core_level, side_level) == (3, 2)
    assert core_weight > side_weight > 0


def test_every_occupation_needs_its_most_important_ratings(databases):
    _data_dir, _user_db, market_db = databases
    index = market_index(market_db)
    needs = occupation_needs(index, "29-1141.00")  # Registered Nurses
    names = {req.skill_name for req in needs.requirements}
    assert "Medicine and Dentistry" in names
    kinds = {req.kind for req in needs.requirements}
    assert {"skill", "knowledge", "esco"} <= kinds
    esco = [req for req in needs.requirements if req.kind == "esco"]
    assert sum(req.weight for req in esco) == pytest.approx(3.0, abs=0.01)  # however many


def test_a_postings_role_asks_for_what_its_postings_ask_for(databases):
    _data_dir, _user_db, market_db = databases
    ranked = ranked_postings_roles(market_db)  # the bundled City of New York postings
    assert ranked, "the default dataset carries postings roles with enough postings"
    needs = role_requirements(market_db, POSTINGS_PREFIX + ranked[0])
    assert needs.source == "postings" and "job postings" in needs.note
    weights = [req.weight for req in needs.requirements]
    assert weights == sorted(weights, reverse=True) and 0 < weights[-1] <= weights[0] <= 1
    for req in needs.requirements:
        assert "postings ask for it" in req.note and 1 <= req.required_level <= 5
