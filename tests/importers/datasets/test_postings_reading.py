"""Reading postings files: column mapping, salary ranges, job-ad folders and every bad input."""

from __future__ import annotations

import codecs
import csv
import json

import pytest

from careerplanner.core.progress import CancelToken
from careerplanner.errors import Cancelled, UserError
from careerplanner.importers.datasets.postings import (
    PostingColumns,
    guess_mapping,
    is_job_ads_folder,
    is_postings_csv,
    read_header,
    read_job_ads_folder,
    read_postings_csv,
)
from careerplanner.importers.datasets.postings_fields import (
    SalaryError,
    normalise_seniority,
    parse_salary,
    parse_salary_number,
    role_from_title,
    split_title,
)
from careerplanner.importers.tabular import MAX_FIELD_CHARS
from tests.conftest import RESUMES, onet_release

HEADER = "Job Title,Job Description,Salary Estimate,seniority,job_simp,Location\n"
ROW = (
    '"Data Scientist","We need Python and SQL.","$53K-$91K (Glassdoor est.)",na,'
    'data scientist,"Boston, MA"\n'
)


def write(tmp_path, text: str | bytes, name: str = "jobs.csv"):
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return path


def refused(path, mapping=None) -> str:
    with pytest.raises(UserError) as caught:
        list(read_postings_csv(path, mapping))
    return str(caught.value)


# ---------------------------------------------------------------------------- field values


@pytest.mark.parametrize(
    ("text", "annual"),
    [
        ("$53K-$91K (Glassdoor est.)", 72_000),
        ("$10-$26 Per Hour", 18 * 2080),
        ("$21-$34 Per Hour(Glassdoor est.)", 27.5 * 2080),
        ("Employer Provided Salary:$150K-$160K", 155_000),
        ("$110K-$150K(Employer est.)", 130_000),
        ("€45,000 – €60,000 a year", 52_500),
        ("£3,000 per month", 36_000),
        ("100000", 100_000),
        ("$45/hr", 45 * 2080),
    ],
)
def test_salary_ranges_become_annual_midpoints(text, annual):
    assert parse_salary(text) == pytest.approx(annual)


@pytest.mark.parametrize("text", ["", "  ", "n/a", "NA", "-1", "unknown"])
def test_empty_salaries_are_unknown(text):
    assert parse_salary(text) is None
    assert parse_salary_number(text) is None


def test_salary_without_a_number_is_an_error():
    with pytest.raises(SalaryError):
        parse_salary("competitive")
    with pytest.raises(SalaryError):
        parse_salary_number("lots")


def test_min_max_numbers():
    assert parse_salary_number("42") == 42_000  # Glassdoor-style thousands
    assert parse_salary_number("42K") == 42_000
    assert parse_salary_number("$42,000") == 42_000


@pytest.mark.parametrize(
    ("title", "role", "seniority"),
    [
        ("Sr. Data Engineer - Contract-to-Hire (Java)", "Data Engineer", "senior"),
        ("Senior Research Scientist-Machine Learning", "Research Scientist", "senior"),
        ("Lead Data Scientist", "Data Scientist", "lead"),
        ("Data Scientist II", "Data Scientist", "unspecified"),
        ("Junior Data Analyst", "Data Analyst", "junior"),
        ("Analytics Manager - Data Mart", "Analytics Manager", "unspecified"),
        ("MED TECH/LAB SCIENTIST- SOUTH COASTAL LAB", "Med Tech", "unspecified"),
    ],
)
def test_role_and_seniority_from_titles(title, role, seniority):
    assert role_from_title(title) == role
    assert normalise_seniority("na", title) == seniority


@pytest.mark.parametrize(
    ("title", "role", "rank"),
    [
        ("Assistant Civil Engineer", "Civil Engineer", "assistant"),
        ("CIVIL ENGINEER", "Civil Engineer", None),
        ("ASSOCIATE PROJECT MANAGER", "Project Manager", "associate"),
        ("Supervising Public Health Adviser", "Public Health Adviser", "supervising"),
        ("Data Scientist II", "Data Scientist", "level 2"),
        ("Sr. Data Engineer - Contract (Java)", "Data Engineer", "senior"),
        # a last word is the job itself, not a rank
        ("Administrative Assistant", "Administrative Assistant", None),
        ("Research Associate", "Research Associate", None),
        ("IT INFRASTRUCTURE ENGINEER", "IT Infrastructure Engineer", None),
    ],
)
def test_rank_words_leave_the_role_for_the_seniority(title, role, rank):
    assert split_title(title) == (role, rank)


def test_a_seniority_column_wins_over_the_title():
    assert normalise_seniority("jr", "Senior Data Scientist") == "junior"
    assert normalise_seniority("Mid-Level", "Data Scientist") == "mid"
    assert normalise_seniority("Associate", "Data Scientist") == "associate"


# ---------------------------------------------------------------------------- mapping


def test_guess_mapping_on_the_glassdoor_header(shared):
    path = shared("data", "postings", "glassdoor_data_science_2020.csv")
    mapping = guess_mapping(read_header(path))
    assert mapping == PostingColumns(
        title="Job Title",
        description="Job Description",
        salary="Salary Estimate",
        salary_min="min_salary",
        salary_max="max_salary",
        seniority="seniority",
        role="job_simp",
        location="Location",
        employer="Company Name",
    )
    assert is_postings_csv(path)


def test_guess_mapping_needs_title_and_description():
    assert guess_mapping(["title", "company"]) is None
    other = guess_mapping(["Position", "Details", "Pay Range", "Experience Level"])
    assert other == PostingColumns(
        title="Position", description="Details", salary="Pay Range", seniority="Experience Level"
    )


def test_explicit_mapping_for_unusual_names(tmp_path):
    path = write(tmp_path, "Posten,Beschreibung,Gehalt\nAnalyst,SQL und Excel,50000\n")
    assert not is_postings_csv(path)
    mapping = PostingColumns(title="Posten", description="Beschreibung", salary="Gehalt")
    [posting] = read_postings_csv(path, mapping)
    assert (posting.title, posting.description, posting.salary) == (
        "Analyst",
        "SQL und Excel",
        50_000,
    )


def test_min_max_columns_when_there_is_no_salary_text(tmp_path):
    path = write(tmp_path, "title,description,min_salary,max_salary\nA,Python,80,100\nB,SQL,,\n")
    first, second = read_postings_csv(path)
    assert first.salary == 90_000
    assert second.salary is None


def test_rows_are_read_with_role_seniority_and_location(tmp_path):
    path = write(tmp_path, HEADER + ROW + '"Sr. Analyst","Excel",$10-$20 Per Hour,na,na,\n')
    first, second = read_postings_csv(path)
    assert first.role == "data scientist" and first.seniority == "unspecified"
    assert first.location == "Boston, MA" and first.salary == 72_000
    assert first.source == "jobs.csv line 2"
    assert second.role == "Analyst" and second.seniority == "senior"
    assert second.salary == 15 * 2080


def test_rows_without_a_description_are_left_out_and_listed(tmp_path):
    path = write(tmp_path, HEADER + ROW + '"Analyst","",,na,na,\n' + '"B"," ",,na,na,\n' * 25)
    skipped: list[str] = []
    assert len(list(read_postings_csv(path, skipped=skipped))) == 1
    assert skipped[0] == "jobs.csv line 3: no description"
    assert len(skipped) == 21
    assert skipped[-1] == "6 more rows without a description"


def test_multiline_descriptions_keep_line_numbers(tmp_path):
    path = write(tmp_path, HEADER + '"A","line one\nline two\nthree",,na,na,\n' + ROW)
    first, second = read_postings_csv(path)
    assert first.description == "line one\nline two\nthree"
    assert second.source == "jobs.csv line 5"


# ---------------------------------------------------------------------------- encodings


def test_utf8_bom_is_accepted(tmp_path):
    path = write(tmp_path, codecs.BOM_UTF8 + (HEADER + ROW).encode("utf-8"))
    assert read_header(path)[0] == "Job Title"
    assert len(list(read_postings_csv(path))) == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_is_accepted(tmp_path, encoding):
    text = HEADER + ROW.replace("Python", "Python – café")
    path = write(tmp_path, text.encode(encoding))
    [posting] = read_postings_csv(path)
    assert posting.description == "We need Python – café and SQL."


def test_utf16_across_read_chunks(tmp_path):
    text = HEADER + ROW.replace("Python", "Python – ça") * 20_000  # several 1 MB chunks
    path = write(tmp_path, text.encode("utf-16"))
    assert path.stat().st_size > 3 * 2**20
    postings = list(read_postings_csv(path))
    assert len(postings) == 20_000
    assert postings[-1].description == "We need Python – ça and SQL."
    assert postings[-1].source == "jobs.csv line 20001"


def test_cp1252_bytes_are_refused_with_line_and_column(tmp_path):
    data = (HEADER + ROW).encode("utf-8") + b'"Analyst","Don\x92t panic",,na,na,\n'
    message = refused(write(tmp_path, data))
    assert message == (
        "jobs.csv, line 3, column 15: byte 0x92 is not valid UTF-8 (the file is probably in a "
        "legacy encoding such as Windows-1252); save it as UTF-8 and import it again."
    )


def test_bad_byte_far_into_a_big_file_is_located(tmp_path):
    rows = ROW * 30_000  # several read chunks
    data = (HEADER + rows).encode("utf-8") + b"x,\xe9,,,,\n"
    message = refused(write(tmp_path, data))
    assert message.startswith("jobs.csv, line 30002, column 3: byte 0xE9 is not valid UTF-8")


# ---------------------------------------------------------------------------- bad structure


def test_empty_file(tmp_path):
    assert refused(write(tmp_path, "")) == "jobs.csv is empty."


def test_header_only(tmp_path):
    assert refused(write(tmp_path, HEADER)) == "jobs.csv has a header but no rows of data."


def test_missing_column_in_an_explicit_mapping(tmp_path):
    path = write(tmp_path, HEADER + ROW)
    mapping = PostingColumns(title="Job Title", description="Text")
    assert refused(path, mapping) == (
        "jobs.csv, line 1: the column “Text” is missing (the header has: Job Title, "
        "Job Description, Salary Estimate, seniority, job_simp, Location)."
    )


def test_unrecognised_columns(tmp_path):
    path = write(tmp_path, "company,rating\nAcme,4\n")
    assert refused(path) == (
        "jobs.csv, line 1: no job title and description columns were recognised (the header "
        "has: company, rating); map the columns and import it again."
    )


def test_duplicate_column(tmp_path):
    path = write(tmp_path, "title,description,Title\nA,B,C\n")
    assert refused(path) == "jobs.csv, line 1: the column “Title” appears twice (columns 1 and 3)."


def test_ragged_row(tmp_path):
    path = write(tmp_path, HEADER + ROW + '"Analyst","Excel",$1K,na\n')
    assert refused(path) == (
        "jobs.csv, line 3: expected 6 fields like the header but found 4; the row is ragged or "
        "a field holds a stray delimiter."
    )


def test_non_numeric_salary(tmp_path):
    path = write(tmp_path, HEADER + ROW + '"Analyst","Excel",Competitive,na,na,\n')
    assert refused(path) == (
        "jobs.csv, line 3, column “Salary Estimate”: 'Competitive' is not a salary; write a "
        "number or range such as “$50K-$70K”, or leave the cell empty when the pay is unknown."
    )


def test_unterminated_quote(tmp_path):
    path = write(tmp_path, HEADER + ROW + '"Analyst","Excel and never closed,,na,na,\n')
    assert refused(path) == "jobs.csv, line 3: a quoted field is never closed (unterminated quote)."


def test_stray_quote_before_more_rows(tmp_path):
    path = write(tmp_path, HEADER + ROW + '"Analyst","Excel and never closed,,na,na,\n' + ROW)
    assert refused(path) == "jobs.csv, line 3: the quoting is broken (',' expected after '\"')."


def test_huge_field(tmp_path):
    limit_before = csv.field_size_limit()
    path = write(tmp_path, HEADER + f'"A","{"x" * (MAX_FIELD_CHARS + 10)}",,na,na,\n')
    assert refused(path) == (
        "jobs.csv, line 2: a field is too long to be real data (probably an unterminated quote)."
    )
    assert csv.field_size_limit() == limit_before  # the process-wide limit is put back


def test_binary_data(tmp_path):
    path = write(tmp_path, (HEADER + ROW).encode() + b"\x00\x01\x02garbage\n")
    assert refused(path) == "jobs.csv, line 3: the file holds binary data, not text."


def test_cancel_stops_reading(tmp_path):
    path = write(tmp_path, HEADER + ROW * 1000)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        list(read_postings_csv(path, cancel=token))


def test_progress_reports_bytes(tmp_path):
    path = write(tmp_path, HEADER + ROW * 20_000)
    seen = []
    list(read_postings_csv(path, progress=lambda done, total, message: seen.append((done, total))))
    assert seen[-1] == (path.stat().st_size, path.stat().st_size)
    assert len(seen) >= 2


# ---------------------------------------------------------------------------- job-ad folders


def test_folder_of_saved_ads(tmp_path):
    folder = tmp_path / "ads"
    folder.mkdir()
    (folder / "job.json").write_bytes((RESUMES / "jsonresume_sample.job.json").read_bytes())
    (folder / "backend.txt").write_text(
        "Senior Backend Engineer\n\nWe need 5+ years of Go and PostgreSQL.\n", encoding="utf-8"
    )
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    (folder / "other.json").write_text(json.dumps({"name": "not a job"}), encoding="utf-8")
    assert is_job_ads_folder(folder)
    skipped: list[str] = []
    backend, web = read_job_ads_folder(folder, skipped)
    assert (backend.title, backend.role, backend.seniority) == (
        "Senior Backend Engineer",
        "Backend Engineer",
        "senior",
    )
    assert "PostgreSQL" in backend.description
    assert (web.title, web.role, web.salary, web.seniority) == (
        "Web Developer",
        "Web Developer",
        100_000,
        "mid",
    )
    assert "JavaScript" in web.description and "MongoDB" in web.description
    assert web.location == "Berlin, Berlin"
    assert sorted(skipped) == ["notes.pdf", "other.json"]


def test_onet_folder_is_not_a_job_ads_folder():
    assert not is_job_ads_folder(onet_release("29.2"))


def test_broken_job_json_is_refused(tmp_path):
    folder = tmp_path / "ads"
    folder.mkdir()
    (folder / "job.json").write_text('{"title": "A",\n "description": }', encoding="utf-8")
    with pytest.raises(UserError) as caught:
        list(read_job_ads_folder(folder))
    assert str(caught.value) == "job.json, line 2, column 17: the file is not valid JSON."
