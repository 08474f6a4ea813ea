"""A role's career page ("How to become a …") from real imports: postings where they cover the
role (at least 30), O*NET where they do not, saying which; the path in from the user's own
levels; pay with its n beside the BLS percentiles."""

from __future__ import annotations

import statistics

import pytest

from careerplanner.errors import UserError
from careerplanner.importers.datasets.postings import is_broad_role
from careerplanner.services.career_page import career_page, how_to_become, page_lines
from careerplanner.services.dataset_import import import_path
from careerplanner.services.role_needs import ranked_postings_roles
from careerplanner.services.skill_page import skill_page
from careerplanner.store.data_dir import DataDir
from careerplanner.store.market.datasets import active_dataset_id
from careerplanner.store.market.postings import postings_roles
from careerplanner.store.user.profile import add_skill, set_own_level
from tests.conftest import FIXTURES
from tests.services.market_postings import CATEGORIES, CIVIL, CLERICAL, write_postings_csv


@pytest.fixture
def dbs(postings_home):
    data_dir = DataDir.default()
    market, user = data_dir.open_market_db(), data_dir.open_user_db()
    yield market, user
    user.close()
    market.close()


def test_civil_engineer_comes_from_its_postings(dbs, written_postings):
    market, user = dbs
    page = career_page(market, user, "Civil Engineer")
    civil = [p for p in written_postings if p.role == CIVIL]
    assert (page.code, page.title) == ("17-2051.00", "Civil Engineers")
    assert how_to_become(page) == "How to become a Civil Engineer"
    assert page.source == "postings" and page.source_note.startswith("From 36 job postings")
    role = page.postings_role
    assert role.role == CIVIL and role.jobs == len(civil) == 36
    # the skills asked for most, ranked by their share of the role's postings
    shares = {s.name: s for s in page.top_skills}
    assert shares["Autodesk AutoCAD"].share == 1.0 and shares["Autodesk AutoCAD"].postings == 36
    excel = shares["Microsoft Excel"]
    assert excel.postings == sum(p.excel for p in civil) == 12
    assert [s.share for s in page.top_skills] == sorted(
        (s.share for s in page.top_skills), reverse=True
    )
    # where people start: every posting once, with its share
    assert dict(role.seniority) == {"experienced (non-manager)": 27, "junior": 9}
    # pay: median and the middle half with n, and BLS beside it
    _p10, p25, median, p75, _p90 = role.pay_percentiles
    salaries = sorted(p.salary for p in civil)
    assert median == statistics.median(salaries) and role.jobs_with_salary == 36
    assert p25 < median < p75
    assert dict(page.bls_pay)["median"] > 50_000 and "SOC 17-2051" in page.bls_source
    # skills that raise pay: Excel postings pay more here, at least 3 salaried each side
    raising = {s.skill_name: s for s in page.pay_raising}
    with_excel = [p.salary for p in civil if p.excel]
    without = [p.salary for p in civil if not p.excel]
    assert raising["Microsoft Excel"].salary_with_median == statistics.median(with_excel)
    assert raising["Microsoft Excel"].salary_without_median == statistics.median(without)
    assert all(min(s.salary_with_n, s.salary_without_n) >= 3 for s in page.pay_raising)


def test_the_path_in_starts_where_the_user_stands(dbs):
    market, user = dbs
    set_own_level(user, "technology:autodesk autocad", "Autodesk AutoCAD", 2, "drafted at school")
    page = career_page(market, user, "Civil Engineer")
    steps = {step.name: step for step in page.path}
    autocad = steps["Autodesk AutoCAD"]
    assert (autocad.your_level, autocad.required_level) == (2, 3)
    assert [level for level, _how in autocad.moves] == [3]
    assert autocad.moves[0][1].startswith("Use it daily in professional work")
    assert steps["Microsoft Excel"].moves[0][0] == 1  # from L0


def test_the_path_in_shows_the_users_estimated_level_in_a_rating_with_its_evidence(
    no_postings_home,
):
    # As on the Gap screen: a rating the user never rated (Medicine and Dentistry) starts from
    # the level their skills suggest, labelled "(est.)", with the skills it comes from.
    data_dir = DataDir.default()
    market, user = data_dir.open_market_db(), data_dir.open_user_db()
    try:
        for name in ("Patient Care", "Infection Control", "Medication Administration"):
            add_skill(user, f"custom:{name.casefold()}", name, 3, "ICU nurse, six years")
        page = career_page(market, user, "Registered Nurses")
    finally:
        user.close()
        market.close()
    estimated = [step for step in page.path if step.estimated]
    assert estimated, "a nurse's skills point to the ratings of nursing"
    step = estimated[0]
    assert step.your_level_text == f"L{step.your_level} (est.)"
    assert step.evidence.startswith("estimated from your ") and "L3" in step.evidence
    assert step.moves[0][0] == step.your_level + 1
    shown = next(s for s in page.as_dict()["path_in"]["steps"] if s["key"] == step.key)
    assert shown["estimated"] and shown["evidence"] == step.evidence
    assert f"    (your level is {step.evidence})" in page_lines(page)


def test_a_role_with_few_postings_takes_its_skills_from_o_net_and_says_so(dbs):
    market, user = dbs
    page = career_page(market, user, CLERICAL)
    assert page.postings_role.jobs == 12 and page.postings_small_sample
    assert page.source == "onet"
    assert "only 12 postings name the role (fewer than 30)" in page.source_note
    assert page.top_skills and all(s.share is None for s in page.top_skills)
    text = "\n".join(page_lines(page))
    assert "n = 12 [small sample]" in text


def test_without_postings_every_role_comes_from_o_net(no_postings_home):
    data_dir = DataDir.default()
    market, user = data_dir.open_market_db(), data_dir.open_user_db()
    try:
        page = career_page(market, user, "Civil Engineer")
    finally:
        user.close()
        market.close()
    assert page.source == "onet" and page.postings_role is None
    assert page.source_note.endswith("no job-postings dataset is installed.")
    data = page.as_dict()
    assert data["postings"] is None and data["bls_pay"]["percentiles"]["median"] > 0
    assert len(data["top_skills"]) == 15 and data["path_in"]["of"] == 6


def test_an_unknown_role_is_one_sentence(dbs):
    market, user = dbs
    with pytest.raises(UserError) as raised:
        career_page(market, user, "Qwxyz Blorp")
    assert str(raised.value).startswith("No role called “Qwxyz Blorp” in the market data; try")


def test_broad_postings_roles_stand_in_only_when_named_alike_and_asking_for_its_skills(
    no_postings_home, tmp_path
):
    # Postings whose roles are broad categories ("Engineering & Planning"), as the City's are.
    write_postings_csv(tmp_path / "categories.csv", categories=True, clerical=60)
    data_dir = DataDir.default()
    market, user = data_dir.open_market_db(), data_dir.open_user_db()
    try:
        import_path(market, tmp_path / "categories.csv")
        civil = career_page(market, user, "Civil Engineer")
        nurse = career_page(market, user, "Registered Nurse")
    finally:
        user.close()
        market.close()
    # engineer-s / engineer-ing, and its postings ask for AutoCAD and civil engineering
    assert civil.postings_basis == "closest"
    assert civil.postings_role.role == CATEGORIES[CIVIL] and civil.postings_role.jobs == 36
    assert "the broader “Engineering & Planning” (it holds other jobs too)" in civil.postings_note
    assert civil.source == "onet"  # the skills still come from the occupation itself
    assert civil.as_dict()["postings"]["basis"] == "closest"
    # no postings role shares a word with Registered Nurses: no postings figures at all
    assert nurse.postings_role is None and nurse.postings_basis == ""


def test_the_citys_postings_name_jobs_not_only_categories(no_postings_home):
    # The City's "Job Category" runs categories together: the roles are the jobs (Civil Service
    # Titles, ranks moved into seniority), so "Civil Engineer" finds its own postings, not the
    # broader "Engineering, Architecture, & Planning", which stays a role of its own.
    data_dir = DataDir.default()
    market, user = data_dir.open_market_db(), data_dir.open_user_db()
    try:
        import_path(market, FIXTURES / "postings" / "nyc_jobs_postings_slice.csv")
        page = career_page(market, user, "Civil Engineer")
    finally:
        user.close()
        market.close()
    data = page.as_dict()["postings"]
    assert page.postings_basis == "named" and data["role"] == "Civil Engineer"
    assert data["jobs_analysed"] == 1 and data["small_sample"]
    assert page.source == "onet"  # one posting is too few to rank its skills
    assert "All jobs in Engineering, Architecture, & Planning" not in dict(page.other_roles)


def test_broad_categories_are_not_ranked_as_roles_and_come_after_jobs_on_a_skill_page(
    no_postings_home,
):
    """ "All jobs in <category>" is kept for the career page's broader stand-in, but no one
    applies for it: it is not ranked among the roles that fit, and a skill page lists the jobs
    its demand comes from before the categories."""
    data_dir = DataDir.default()
    market = data_dir.open_market_db()
    try:
        import_path(market, FIXTURES / "postings" / "nyc_jobs_postings_slice.csv")
        dataset_id = active_dataset_id(market, "postings")
        all_roles = [figures.role for figures in postings_roles(market, dataset_id)]
        assert any(is_broad_role(role) for role in all_roles)
        ranked = ranked_postings_roles(market)
        assert not any(is_broad_role(role) for role in ranked)
        excel = skill_page(market, "Microsoft Excel").postings
        roles = [demand.role for demand in excel.roles]
    finally:
        market.close()
    broad = [is_broad_role(role) for role in roles]
    assert any(broad) and not all(broad)
    assert broad == sorted(broad)  # every job before the first category
