"""An ad's title, company, location and salary found in its text; job-alert e-mails; the fields
of a JSON Resume job file."""

from __future__ import annotations

import os
from email.message import EmailMessage

import pytest

from careerplanner.errors import UserError
from careerplanner.importers.ads.fields import find_fields, find_salary, parse_salary_text
from careerplanner.importers.ads.reader import read_ads
from careerplanner.importers.datasets.postings_fields import parse_salary
from tests.conftest import RESUMES


def test_fields_from_labelled_lines_and_the_first_line():
    fields = find_fields(
        "Data Analyst at Northwind Traders\nLocation: Leeds, UK\nSalary: £40k - £48k a year\n\n"
        "Requirements\nSQL."
    )
    assert (fields.title, fields.company, fields.location) == (
        "Data Analyst",
        "Northwind Traders",
        "Leeds, UK",
    )
    assert fields.salary.annual == 44_000 and fields.salary.currency == "GBP"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Our lab runs 40 trials a year.\n\nThe Clinical Data Scientist is responsible for "
            "data management deliverables.",
            "Clinical Data Scientist",
        ),
        (
            "21-Jan-2020\nWe are seeking a Registered Nurse to join our ICU team.",
            "Registered Nurse",
        ),
        ("Reporting to the Director, the Data Analyst will build reports.", "Data Analyst"),
        ("We make the best coffee in town. Come and join us!", ""),  # no title named: none made up
        ("THIS ROLE MUST BE BASED IN SAN DIEGO\nThe Team is growing fast.", ""),
    ],
)
def test_a_title_named_in_the_opening_sentences_when_the_first_line_is_not_one(text, title):
    assert find_fields(text).title == title


def test_company_from_an_about_heading_but_not_from_about_us():
    assert find_fields("Nurse\n\nAbout Us\nWe care.").company == ""
    assert (
        find_fields("Nurse\n\nAbout St Mary's Hospital\nWe care.").company == "St Mary's Hospital"
    )


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("$25 - $30 per hour", "hour"),
        ("€300 a day", "day"),
        ("$1,200 per week", "week"),
        ("£3,500 per month", "month"),
        ("$95K-$120K", "year"),
        ("USD 80,000 annually", "year"),
    ],
)
def test_salaries_are_annualised_exactly_as_postings_datasets(text, period):
    salary = parse_salary_text(text)
    assert salary.annual == parse_salary(text) and salary.period == period


def test_money_that_is_not_pay_is_not_a_salary():
    assert find_salary("We raised $10M last year and give a $5 lunch voucher.") is None
    assert parse_salary_text("competitive") is None
    found = find_salary("Great team.\nBase pay: $120,000 - $140,000 a year, plus equity.")
    assert found.text == "$120,000 - $140,000 a year" and found.annual == 130_000


def test_a_json_resume_job_file_states_its_fields():
    (ad,) = read_ads(RESUMES / "jsonresume_sample.job.json")
    assert (ad.title, ad.company, ad.location, ad.salary) == (
        "Web Developer",
        "Microsoft",
        "Berlin, DE",
        "100000",
    )
    assert ad.link == "http://example.com/jobs/web-developer"


def _email(tmp_path, body, html=None, name="alert.eml"):
    message = EmailMessage()
    message["From"] = "alerts@jobs.example"
    message["Subject"] = "New jobs"
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    path = tmp_path / name
    path.write_bytes(bytes(message))
    return path


AD_ONE = (
    "Backend Engineer - Acme\nBerlin\nWe need 3+ years of experience with Java and strong SQL "
    "skills for our payments team.\nView job: https://jobs.example/1"
)
AD_TWO = (
    "Staff Nurse - St Mary's\nLeeds\nCurrent NMC registration and two years of acute care "
    "experience are required for this ward role.\nApply now: https://jobs.example/2"
)


def test_each_ad_of_an_alert_is_read_apart(tmp_path):
    ads = read_ads(_email(tmp_path, f"Hello Ada,\n\n{AD_ONE}\n\n{AD_TWO}\n\nUnsubscribe here."))
    assert [(ad.format, ad.title, ad.link) for ad in ads] == [
        ("email", "Backend Engineer - Acme", "https://jobs.example/1"),
        ("email", "Staff Nurse - St Mary's", "https://jobs.example/2"),
    ]
    assert "strong SQL" in ads[0].text


def test_an_html_only_alert_is_read_from_its_html(tmp_path):
    html = "".join(f"<p>{line}</p>" for line in f"{AD_ONE}\n-----\n{AD_TWO}".splitlines())
    message = EmailMessage()
    message["From"] = "alerts@jobs.example"
    message["Subject"] = "New jobs"
    message.set_content(html, subtype="html")
    path = tmp_path / "html.eml"
    path.write_bytes(bytes(message))
    assert [ad.title for ad in read_ads(path)] == [
        "Backend Engineer - Acme",
        "Staff Nurse - St Mary's",
    ]


def test_an_eml_that_is_not_an_email_or_holds_no_ad_is_refused(tmp_path):
    fake = tmp_path / "fake.eml"
    fake.write_text("Just some notes about jobs.\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"^fake.eml is named .eml but is not an e-mail"):
        read_ads(fake)
    with pytest.raises(UserError, match=r"alert\.eml is an e-mail with no job ad in it\."):
        read_ads(_email(tmp_path, "Hi! No new jobs today."))


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_a_special_file_is_refused_without_being_read(tmp_path, kind):
    path = tmp_path / "ad.txt"
    if kind == "fifo":
        os.mkfifo(path)  # opening it would wait for a writer forever
        what = "a named pipe (FIFO)"
    else:
        path.symlink_to("/dev/zero")  # its size reads 0 and it never ends
        what = "a device"
    with pytest.raises(UserError) as refused:
        read_ads(path)
    assert str(refused.value).startswith(f"ad.txt is {what}, not a regular file")
