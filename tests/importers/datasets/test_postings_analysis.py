"""Postings -> market figures on real Glassdoor postings, checked by independent recomputation."""

from __future__ import annotations

import csv
import statistics

import pytest

from careerplanner.analysis.job_ads import extract_requirements, requirements_reader
from careerplanner.analysis.vocabulary import shared_vocabulary
from careerplanner.core.market import ALL_ROLES
from careerplanner.core.progress import CancelToken
from careerplanner.errors import Cancelled, UserError
from careerplanner.importers.datasets.postings import analyse_postings, postings_dataset
from careerplanner.importers.datasets.postings_fields import role_from_title
from tests.conftest import ESCO_FOLDER, RESUMES, onet_release, shared_path

SLICE_ROWS = 80


@pytest.fixture(scope="module")
def finder():
    technology = onet_release("29.2") / "Technology Skills.txt"
    return shared_vocabulary(str(technology), str(ESCO_FOLDER)).finder()


@pytest.fixture(scope="module")
def real_rows():
    path = shared_path("data", "postings", "glassdoor_data_science_2020.csv")
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def real_slice(real_rows, tmp_path_factory):
    """The first rows of the real file, written out as their own CSV (same columns)."""
    path = tmp_path_factory.mktemp("slice") / "glassdoor_slice.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(real_rows[0]))
        writer.writeheader()
        writer.writerows(real_rows[:SLICE_ROWS])
    return path


def test_salaries_agree_with_the_files_own_min_max_columns(real_rows, tmp_path):
    """The file's avg_salary column is an independent parse of the same text: $K a year, or
    the hourly midpoint for hourly rows (which we annualise with 2,080 hours)."""
    from careerplanner.importers.datasets.postings import read_postings_csv

    path = shared_path("data", "postings", "glassdoor_data_science_2020.csv")
    postings = list(read_postings_csv(path))
    assert len(postings) == len(real_rows) == 742
    for posting, row in zip(postings, real_rows, strict=True):
        expected = annual_pay(row)
        assert posting.salary == pytest.approx(expected), posting.source


def annual_pay(row) -> float:
    average = float(row["avg_salary"])
    return average * 2080 if row["hourly"] == "1" else average * 1000


def naive(rows, finder):
    """Recompute the figures the obvious way, straight from csv rows."""
    postings = []
    for row in rows:
        skills: dict[str, int] = {}
        for found in extract_requirements(row["Job Description"], finder):
            skills[found.key] = max(found.level, skills.get(found.key, 0))
        role = row["job_simp"] if row["job_simp"] != "na" else role_from_title(row["Job Title"])
        postings.append((role.casefold(), annual_pay(row), skills))
    return postings


def test_figures_match_an_independent_recomputation(real_rows, real_slice, finder):
    analysis = analyse_postings(real_slice, requirements_reader(finder))
    assert analysis.jobs == SLICE_ROWS
    postings = naive(real_rows[:SLICE_ROWS], finder)
    figures = analysis.figures
    assert {r.role.casefold() for r in figures.roles} == {ALL_ROLES} | {p[0] for p in postings}
    checked = 0
    for skill in figures.skills:
        scope = [p for p in postings if skill.role in (ALL_ROLES,) or p[0] == skill.role.casefold()]
        with_skill = [p for p in scope if skill.skill_key in p[2]]
        without = [p for p in scope if skill.skill_key not in p[2]]
        levels = [p[2][skill.skill_key] for p in with_skill]
        assert skill.jobs == len(scope)
        assert skill.jobs_with_skill == len(with_skill)
        assert skill.demand_rate == pytest.approx(len(with_skill) / len(scope))
        assert skill.depth_median == statistics.median(levels)
        assert skill.depth_mean == pytest.approx(statistics.mean(levels))
        assert skill.depth_distribution == tuple(levels.count(n) for n in range(6))
        pay_with = statistics.median(p[1] for p in with_skill)
        assert skill.salary_with_median == pytest.approx(pay_with)
        assert skill.salary_with_n == len(with_skill)
        if without:
            assert skill.salary_without_median == pytest.approx(
                statistics.median(p[1] for p in without)
            )
        assert skill.salary_without_n == len(without)
        checked += 1
    assert checked > 50  # the vocabulary finds plenty in data-science ads
    everyone = figures.role(ALL_ROLES)
    pay = sorted(p[1] for p in postings)
    quartiles = statistics.quantiles(pay, n=4, method="inclusive")
    assert everyone.pay_percentiles[1:4] == pytest.approx(tuple(quartiles))
    assert everyone.jobs_with_salary == SLICE_ROWS
    for pair in figures.pairings:
        if pair.role != ALL_ROLES:
            continue
        with_a = [p for p in postings if pair.skill_key in p[2]]
        with_b = [p for p in postings if pair.other_key in p[2]]
        both = [p for p in with_a if pair.other_key in p[2]]
        assert pair.together == len(both)
        assert pair.lift == pytest.approx(len(both) / len(with_a) / (len(with_b) / len(postings)))


def test_common_data_science_skills_are_found_with_depth(real_slice, finder):
    figures = analyse_postings(real_slice, requirements_reader(finder)).figures
    by_name = {s.skill_name: s for s in figures.skills if s.role == ALL_ROLES}
    for name in ("Python", "SQL", "Machine Learning"):
        assert name in by_name, sorted(by_name)[:40]
        assert by_name[name].jobs_with_skill >= 5
    assert any(s.depth_mean > 1 for s in by_name.values())


def test_dataset_rows_follow_the_figures(real_slice, finder):
    analysis = analyse_postings(real_slice, requirements_reader(finder))
    dataset = postings_dataset(analysis)
    assert dataset.kind == "postings"
    assert dataset.name == "glassdoor_slice"
    assert dataset.sha256 == analysis.sha256
    columns, rows = dataset.tables["posting_skill"]
    assert len(rows) == len(analysis.figures.skills)
    first = dict(zip(columns, rows[0], strict=True))
    skill = analysis.figures.skills[0]
    assert first["skill_key"] == skill.skill_key
    assert [first[f"depth_l{n}"] for n in range(6)] == list(skill.depth_distribution)


def test_cancel_during_analysis(real_slice, finder):
    token = CancelToken()

    def progress(done, total, message):
        token.cancel()

    with pytest.raises(Cancelled):
        analyse_postings(real_slice, requirements_reader(finder), progress=progress, cancel=token)


def test_folder_of_job_ads(tmp_path, finder):
    folder = tmp_path / "ads"
    folder.mkdir()
    (folder / "job.json").write_bytes((RESUMES / "jsonresume_sample.job.json").read_bytes())
    (folder / "data.txt").write_text(
        "Senior Data Engineer\nWe need 5+ years of Python and expert-level SQL.\n",
        encoding="utf-8",
    )
    analysis = analyse_postings(folder, requirements_reader(finder))
    assert analysis.jobs == 2
    names = {s.skill_name for s in analysis.figures.skills if s.role == ALL_ROLES}
    assert {"Python", "JavaScript"} <= names
    roles = {r.role for r in analysis.figures.roles}
    assert roles == {ALL_ROLES, "Data Engineer", "Web Developer"}


def test_no_descriptions_at_all(tmp_path, finder):
    path = tmp_path / "empty_ads.csv"
    path.write_text("title,description\nA,\nB,\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        analyse_postings(path, requirements_reader(finder))
    assert str(caught.value) == "empty_ads.csv holds no job ads with a description to analyse."


def test_roles_differing_only_in_case_are_one_role(tmp_path, finder):
    path = tmp_path / "jobs.csv"
    rows = [("Data Analyst", "SQL"), ("data analyst", "SQL and Python"), ("DATA ANALYST", "R")]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "description"])
        writer.writerows(rows)
    roles = [
        r
        for r in analyse_postings(path, requirements_reader(finder)).figures.roles
        if r.role != ALL_ROLES
    ]
    assert [(r.role, r.jobs) for r in roles] == [("Data Analyst", 3)]


def test_every_pair_of_the_slice_is_counted_once(real_slice, finder):
    figures = analyse_postings(real_slice, requirements_reader(finder)).figures
    keys = [(p.role, p.skill_key, p.other_key) for p in figures.pairings]
    assert len(keys) == len(set(keys))
    assert all(a != b for _, a, b in keys)
    assert all(p.share <= 1 for p in figures.pairings)


def test_repeated_descriptions_are_counted_and_noted(real_rows, tmp_path, finder):
    path = tmp_path / "repeats.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(real_rows[0]))
        writer.writeheader()
        writer.writerows(real_rows[:5] + real_rows[:3])
    analysis = analyse_postings(path, requirements_reader(finder))
    assert (analysis.jobs, analysis.duplicates) == (8, 3)
    assert postings_dataset(analysis).notes == [
        "8 postings analysed",
        "3 of them repeat an earlier posting's description word for word (each is counted, as "
        "in the file)",
    ]


def test_a_repeated_description_counts_like_the_first_under_its_own_role_and_pay(
    real_rows, tmp_path, finder
):
    # Repeats reuse the first analysis of their text; each still counts in its own role with
    # its own salary, exactly as if it had been analysed again.
    roles_and_pay = [("analyst", 40), ("mle", 90), ("analyst", 60), ("mle", 150)]
    repeats = [
        {**row, "job_simp": role, "Salary Estimate": f"${pay}K", "avg_salary": str(pay)}
        | {"hourly": "0"}
        for row, (role, pay) in zip(real_rows[:4], roles_and_pay, strict=True)
    ]
    rows = real_rows[:6] + repeats
    path = tmp_path / "repeats_elsewhere.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(real_rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    analysis = analyse_postings(path, requirements_reader(finder))
    assert analysis.duplicates == 4
    postings = naive(rows, finder)
    for skill in analysis.figures.skills:
        scope = [p for p in postings if skill.role == ALL_ROLES or p[0] == skill.role.casefold()]
        with_skill = [p for p in scope if skill.skill_key in p[2]]
        assert (skill.jobs, skill.jobs_with_skill) == (len(scope), len(with_skill))
        assert skill.depth_distribution == tuple(
            [p[2][skill.skill_key] for p in with_skill].count(n) for n in range(6)
        )
        assert skill.salary_with_median == pytest.approx(
            statistics.median(p[1] for p in with_skill)
        )
