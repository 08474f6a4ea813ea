"""The City of New York's postings file, imported as published (a slice of it in tests/fixtures)."""

from __future__ import annotations

import csv
import gzip
import lzma
import shutil

import pytest

from careerplanner.analysis.vocabulary import shared_vocabulary
from careerplanner.core.market import ALL_ROLES
from careerplanner.errors import UserError
from careerplanner.importers.datasets.detect import detect
from careerplanner.importers.datasets.postings import (
    analyse_postings,
    postings_dataset,
    read_postings_csv,
)
from careerplanner.importers.datasets.postings_csv import read_header
from careerplanner.importers.datasets.postings_fields import PostingColumns, guess_mapping
from careerplanner.services.dataset_import import ad_requirements_reader, import_postings
from careerplanner.store.database import open_database
from careerplanner.store.market.schema import MARKET_DB
from tests.conftest import DATA, ESCO_FOLDER, FIXTURES, onet_release

SLICE = FIXTURES / "postings" / "nyc_jobs_postings_slice.csv"
SUPPLY_SYSTEM = "technology:supply system software"


@pytest.fixture(scope="module")
def finder():
    technology = onet_release("29.2") / "Technology Skills.txt"
    return shared_vocabulary(str(technology), str(ESCO_FOLDER)).finder()


@pytest.fixture(scope="module")
def analysis(finder):
    return analyse_postings(SLICE, ad_requirements_reader(finder))


def slice_rows() -> list[dict]:
    with open(SLICE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_citys_header_maps_without_help():
    assert detect(SLICE).kind == "postings"
    assert guess_mapping(read_header(SLICE)) == PostingColumns(
        title="Business Title",
        description="Job Description",
        salary_min="Salary Range From",
        salary_max="Salary Range To",
        salary_frequency="Salary Frequency",
        seniority="Career Level",  # not "Level", the City's pay grade
        role="Job Category",
        location="Work Location",
        qualifications="Minimum Qual Requirements",
        preferred="Preferred Skills",
        job_id="Job ID",
        employer="Agency",
        job_class="Civil Service Title",
    )


def test_pay_by_the_hour_and_by_the_day_is_annualised():
    by_id = {p.job_id: p for p in read_postings_csv(SLICE)}
    # Machinist, Daily 298.24-347.2: 260 working days a year.
    assert by_id["628244"].salary == pytest.approx((298.24 + 347.2) / 2 * 260)
    # Water Systems Operation Specialist Apprentice, Hourly 15.45: 2,080 hours a year, not
    # $15,450 (a bare number under 1,000 reads as thousands only without a frequency column).
    assert by_id["562175"].salary == pytest.approx(15.45 * 2080)
    assert by_id["605344"].salary == pytest.approx((22.9267 + 28) / 2 * 2080)
    annual = next(r for r in slice_rows() if r["Salary Frequency"] == "Annual")
    expected = (float(annual["Salary Range From"]) + float(annual["Salary Range To"])) / 2
    assert by_id[annual["Job ID"]].salary == pytest.approx(expected)


def test_one_posting_per_job_id(analysis):
    rows = slice_rows()
    assert len(rows) == 47
    assert analysis.jobs == len({r["Job ID"] for r in rows}) == 24
    assert analysis.repeated_ids == 23
    notes = postings_dataset(analysis).notes
    assert any("repeat an earlier row's job id" in note for note in notes)


def broad_roles(analysis) -> dict[str, int]:
    """The categories kept as broader roles, by category name."""
    return {
        r.role.removeprefix("All jobs in "): r.jobs
        for r in analysis.figures.roles
        if r.role.startswith("All jobs in ")
    }


def test_categories_run_together_are_split_against_the_files_own(analysis):
    broad = broad_roles(analysis)
    run_together = {r["Job Category"] for r in slice_rows()} - set(broad)
    assert "Administration & Human Resources Social Services" in run_together
    assert "Social Services" in broad and "Administration & Human Resources" in broad
    assert not any(" Social Services" in category for category in broad)
    # Each posting counts once in all postings and once in each of its categories.
    roles = {r.role: r.jobs for r in analysis.figures.roles}
    assert roles[ALL_ROLES] == 24
    assert sum(broad.values()) > 24
    assert analysis.split_roles > 0


def test_the_role_of_a_posting_is_its_job_and_categories_stay_broader_roles(analysis):
    roles = {r.role: r for r in analysis.figures.roles}
    # The City's "Job Category" holds 13 categories, run together in many cells: the role is
    # the job, from the Civil Service Title, and the category a broader role holding it.
    assert "Civil Engineer" in roles and "Machinist" in roles and "Electrician" in roles
    assert "Engineering, Architecture, & Planning" not in roles
    engineering = roles["All jobs in Engineering, Architecture, & Planning"]
    assert engineering.jobs >= roles["Civil Engineer"].jobs + roles["Electrical Engineer"].jobs
    # Rank words leave the role name for the seniority: "ASSOCIATE PARK SERVICE WORKER".
    assert dict(roles["Park Service Worker"].seniority) == {"associate": 1}
    # The Civil Service Title is cut at 30 characters ("PRINCIPAL ADMINISTRATIVE ASSOC",
    # "ENVIRONMENTAL ENGINEERING INTE"): its last word is completed from the advertised titles
    # of the class, then the rank moved out; one role whatever each posting's own title.
    assert roles["Administrative Associate"].jobs == 2
    assert dict(roles["Environmental Engineering"].seniority) == {"intern": 1}
    assert not any(role.endswith((" Inte", " Assoc")) for role in roles)


def _with_titles(tmp_path, titles: dict[str, str]):
    """The slice with some jobs' Civil Service Title changed (job id -> title)."""
    rows = slice_rows()
    for row in rows:
        row["Civil Service Title"] = titles.get(row["Job ID"], row["Civil Service Title"])
    path = tmp_path / "nyc.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_the_ranks_of_one_job_are_one_role_with_their_seniorities(tmp_path, finder):
    path = _with_titles(
        tmp_path,
        {"613690": "ASSISTANT CIVIL ENGINEER", "623548": "SENIOR CIVIL ENGINEER II"},
    )
    analysis = analyse_postings(path, ad_requirements_reader(finder))
    roles = {r.role: r for r in analysis.figures.roles}
    assert not any("Assistant" in role or "Senior" in role for role in roles)
    civil = roles["Civil Engineer"]
    assert civil.jobs == 3
    assert dict(civil.seniority) == {
        "assistant": 1,
        "senior": 1,
        "experienced (non-manager)": 1,  # no rank in the title: the Career Level column
    }


def test_an_employers_boilerplate_is_not_read_for_requirements(analysis, finder):
    dep = [r for r in slice_rows() if r["Agency"] == "DEPT OF ENVIRONMENT PROTECTION"]
    introduction = next(
        r["Job Description"] for r in dep if "19 reservoirs" in r["Job Description"]
    )
    sentence = introduction[introduction.index("DEP's water supply system") :].split(".")[0] + "."
    # The reader leaves the employer speaking of itself out ("DEP's ... system is ...") ...
    assert SUPPLY_SYSTEM not in ad_requirements_reader(finder)(sentence)
    # ... and DEP repeats it in posting after posting, whatever the job: boilerplate, not read.
    carriers = {r["Job ID"] for r in dep if sentence[:60] in r["Job Description"]}
    assert len(carriers) >= 5
    found = {s.skill_key: s.jobs_with_skill for s in analysis.figures.skills if not s.role}
    assert found.get(SUPPLY_SYSTEM, 0) <= 1  # one other DEP sentence names the supply system
    assert "technology:employee self-service software" not in found
    assert analysis.boilerplate_sentences > 0


def test_preferred_skills_are_nice_to_have_and_minimum_qualifications_must(analysis):
    skills = {s.skill_key: s for s in analysis.figures.skills if s.role == ALL_ROLES}
    for skill in skills.values():
        assert skill.jobs_must + skill.jobs_nice == skill.jobs_with_skill
        assert sum(count for _, count in skill.seniority) == skill.jobs_with_skill
    excel = skills["technology:microsoft excel"]
    assert excel.jobs_nice > 0  # named in "Preferred Skills"
    assert any(skill.jobs_must > 0 for skill in skills.values())


def test_compressed_copies_read_the_same(analysis, finder, tmp_path):
    for suffix, compress in ((".gz", gzip.compress), (".xz", lzma.compress)):
        path = tmp_path / f"nyc{suffix}"
        path.write_bytes(compress(SLICE.read_bytes()))
        assert detect(path).kind == "postings"
        again = analyse_postings(path, ad_requirements_reader(finder))
        assert again.figures == analysis.figures


def test_a_compressed_file_is_named_without_its_extensions(analysis, finder, tmp_path):
    path = tmp_path / "nyc_jobs.csv.xz"
    path.write_bytes(lzma.compress(SLICE.read_bytes()))
    dataset = postings_dataset(analyse_postings(path, ad_requirements_reader(finder)))
    assert dataset.name == "nyc_jobs"  # as "nyc_jobs.csv" is named
    assert dataset.source == "nyc_jobs.csv.xz"


def test_a_damaged_compressed_file_gets_a_sentence(tmp_path):
    path = tmp_path / "nyc.csv.xz"
    path.write_bytes(lzma.compress(SLICE.read_bytes())[:5000])
    with pytest.raises(UserError, match=r"compressed file that is damaged or cut short"):
        list(read_postings_csv(path))


def _edited(tmp_path, column: str, value: str):
    rows = slice_rows()
    rows[3][column] = value
    path = tmp_path / "nyc.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_an_empty_job_id_is_refused_with_its_line(tmp_path):
    with pytest.raises(UserError) as error:
        list(read_postings_csv(_edited(tmp_path, "Job ID", "")))
    assert str(error.value).startswith("nyc.csv, line 5, column “Job ID”: the job id is empty")


def test_a_broken_salary_frequency_is_refused_with_its_line(tmp_path):
    with pytest.raises(UserError) as error:
        list(read_postings_csv(_edited(tmp_path, "Salary Frequency", "Sometimes")))
    assert str(error.value) == (
        "nyc.csv, line 5, column “Salary Frequency”: 'Sometimes' is not a pay period; write "
        "Annual, Monthly, Weekly, Daily or Hourly, or leave the cell empty when the pay is "
        "unknown."
    )


@pytest.mark.parametrize(
    ("column", "value"), [("Job ID", ""), ("Salary Frequency", "Sometimes")], ids=["id", "pay"]
)
def test_bad_rows_store_nothing(tmp_path, finder, column, value):
    db = open_database(tmp_path / "market.db", MARKET_DB, tmp_path / "backups")
    try:
        before = list(db.conn.iterdump())
        with pytest.raises(UserError, match=f"line 5, column “{column}”"):
            import_postings(db, _edited(tmp_path, column, value), finder)
        assert list(db.conn.iterdump()) == before
    finally:
        db.close()


def test_the_bundled_copy_holds_every_job(tmp_path):
    bundled = DATA / "nyc_jobs_postings_2024-03-04.csv.xz"
    copy = tmp_path / bundled.name
    shutil.copyfile(bundled, copy)
    postings = list(read_postings_csv(copy))
    assert len(postings) == len({p.job_id for p in postings}) == 2626
    machinist = next(p for p in postings if p.job_id == "628244")
    assert machinist.salary == pytest.approx((298.24 + 347.2) / 2 * 260)
