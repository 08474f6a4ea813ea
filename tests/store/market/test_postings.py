"""Storing postings figures: one transaction, read back exactly, bad input leaves nothing behind."""

from __future__ import annotations

import csv

import pytest

from careerplanner.analysis.vocabulary import shared_vocabulary
from careerplanner.core.market import ALL_ROLES
from careerplanner.core.progress import CancelToken
from careerplanner.errors import Cancelled, UserError
from careerplanner.importers.datasets.postings import PostingColumns, analyse_postings
from careerplanner.services.dataset_import import (
    ad_requirements_reader,
    default_finder,
    import_postings,
)
from careerplanner.store.database import open_database
from careerplanner.store.market.datasets import active_dataset, get_dataset
from careerplanner.store.market.postings import (
    pay_raising_skills,
    postings_roles,
    postings_skills,
    skill_by_role,
    skill_pairings,
)
from careerplanner.store.market.schema import MARKET_DB
from tests.conftest import ESCO_FOLDER, onet_release, shared_path

HOSTILE = 'Robert\'); DROP TABLE posting_skill;-- "x" ünï'


@pytest.fixture(scope="module")
def finder():
    technology = onet_release("29.2") / "Technology Skills.txt"
    return shared_vocabulary(str(technology), str(ESCO_FOLDER)).finder()


@pytest.fixture(scope="module")
def real_slice(tmp_path_factory):
    source = shared_path("data", "postings", "glassdoor_data_science_2020.csv")
    with open(source, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[:61]
    path = tmp_path_factory.mktemp("slice") / "glassdoor_60.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "market.db", MARKET_DB, tmp_path / "backups")
    yield database
    database.close()


def snapshot(db) -> list[str]:
    return list(db.conn.iterdump())


def test_figures_read_back_equal_to_those_computed(db, real_slice, finder):
    analysis = analyse_postings(real_slice, ad_requirements_reader(finder))
    result = import_postings(db, real_slice, finder)
    assert not result.already_installed
    dataset = active_dataset(db, "postings")
    assert dataset.id == result.dataset.id and dataset.name == "glassdoor_60"
    assert dataset.sha256 == analysis.sha256
    figures = analysis.figures
    assert postings_roles(db, dataset.id) == sorted(
        figures.roles, key=lambda r: (r.role != ALL_ROLES, -r.jobs, r.role)
    )
    for role in figures.roles:
        stored = postings_skills(db, dataset.id, role.role)
        computed = [s for s in figures.skills if s.role == role.role]
        assert sorted(stored, key=lambda s: s.skill_key) == sorted(
            computed, key=lambda s: s.skill_key
        )
    python = next(s for s in figures.skills if s.skill_name == "Python" and s.role == ALL_ROLES)
    breakdown = skill_by_role(db, dataset.id, python.skill_key)
    assert sum(s.jobs_with_skill for s in breakdown) == python.jobs_with_skill
    pairs = skill_pairings(db, dataset.id, python.skill_key)
    assert pairs == sorted(
        (p for p in figures.pairings if p.role == ALL_ROLES and p.skill_key == python.skill_key),
        key=lambda p: (-p.together, -p.lift, p.other_key),
    )
    raising = pay_raising_skills(db, dataset.id)
    assert all(s.raises_pay and s.salary_with_n >= 3 for s in raising)
    assert [s.salary_premium for s in raising] == sorted(
        (s.salary_premium for s in raising), reverse=True
    )


def test_small_roles_are_kept_and_every_role_figure_carries_its_n(db, real_slice, finder):
    # The 60 real rows hold 47 data scientists, a few analysts and engineers, and single ads
    # whose role comes from the title: each role is kept, with its own n and the flag.
    dataset_id = import_postings(db, real_slice, finder).dataset.id
    everyone, *roles = postings_roles(db, dataset_id)
    assert everyone.role == ALL_ROLES and everyone.jobs == 60
    assert sum(role.jobs for role in roles) == everyone.jobs  # no posting dropped
    assert min(role.jobs for role in roles) == 1
    assert {role.role for role in roles if not role.small_sample} == {"data scientist"}
    for role in roles:
        assert role.small_sample == (role.jobs < 30)
        assert role.jobs_with_salary <= role.jobs  # the pay percentiles' own n
        assert sum(count for _, count in role.seniority) == role.jobs
        for skill in postings_skills(db, dataset_id, role.role):
            assert skill.jobs == role.jobs and skill.small_sample == role.small_sample
            assert skill.depth_small_sample == (skill.jobs_with_skill < 30)
            assert skill.salary_with_n + skill.salary_without_n == role.jobs_with_salary
    python = next(s for s in postings_skills(db, dataset_id) if s.skill_name == "Python")
    jobs_of = {role.role: role.jobs for role in roles}
    for entry in skill_by_role(db, dataset_id, python.skill_key):
        assert entry.jobs == jobs_of[entry.role]


def test_same_file_twice_changes_nothing(db, real_slice, finder):
    import_postings(db, real_slice, finder)
    before = snapshot(db)
    again = import_postings(db, real_slice, finder)
    assert again.already_installed
    assert snapshot(db) == before


def test_sql_hostile_strings_are_stored_verbatim(db, tmp_path, finder):
    path = tmp_path / "hostile.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "description", "role"])
        writer.writerow(["Engineer", "Python and SQL daily.", HOSTILE])
        writer.writerow(["Engineer", "Python.", HOSTILE])
    result = import_postings(db, path, finder)
    roles = [r.role for r in postings_roles(db, result.dataset.id)]
    assert roles == [ALL_ROLES, HOSTILE]
    assert {s.role for s in postings_skills(db, result.dataset.id, HOSTILE)} == {HOSTILE}
    assert db.execute("SELECT count(*) FROM posting_skill").fetchone()[0] > 0


def test_explicit_mapping(db, tmp_path, finder):
    path = tmp_path / "mapped.csv"
    path.write_text("Posten,Text,Lohn\nAnalyst,Strong SQL and Python skills,50000\n", "utf-8")
    mapping = PostingColumns(title="Posten", description="Text", salary="Lohn")
    result = import_postings(db, path, finder, mapping)
    [everyone, analyst] = postings_roles(db, result.dataset.id)
    assert (everyone.jobs, analyst.role, everyone.pay_percentiles[2]) == (1, "Analyst", 50_000)


BAD_FILES = {
    "empty": b"",
    "header only": b"title,description\n",
    "missing column": b"title,company\nA,B\n",
    "duplicate column": b"title,description,Title\nA,B,C\n",
    "ragged row": b"title,description\nA,Python\nB\n",
    "non-numeric salary": b"title,description,salary\nA,Python,lots\n",
    "unterminated quote": b'title,description\nA,"Python\n',
    "cp1252": b"title,description\nA,Don\x92t\n",
    "huge field": b'title,description\nA,"' + b"x" * 1_100_000 + b'"\n',
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_leave_the_database_unchanged(db, tmp_path, real_slice, finder, case):
    previous = import_postings(db, real_slice, finder).dataset
    path = tmp_path / "bad.csv"
    path.write_bytes(BAD_FILES[case])
    before = snapshot(db)
    with pytest.raises(UserError) as caught:
        import_postings(db, path, finder)
    assert str(caught.value).startswith("bad.csv")
    assert snapshot(db) == before
    assert active_dataset(db, "postings").id == previous.id


def test_cancel_while_saving_rolls_back(db, tmp_path, real_slice, finder):
    previous = import_postings(db, real_slice, finder).dataset
    other = tmp_path / "other.csv"
    other.write_text("title,description\nA,Python and SQL\nB,Java\n", encoding="utf-8")
    token = CancelToken()

    def progress(done, total, message):
        if message.startswith("Saving"):
            token.cancel()

    before = snapshot(db)
    with pytest.raises(Cancelled):
        import_postings(db, other, finder, progress=progress, cancel=token)
    assert snapshot(db) == before
    assert get_dataset(db, previous.id).active


def test_a_vocabulary_is_needed(db, real_slice):
    with pytest.raises(UserError) as caught:
        default_finder(db)
    assert str(caught.value).startswith("Install an O*NET dataset before importing job postings")
