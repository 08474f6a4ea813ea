"""Headings, date ranges and positions in plain resume text."""

from __future__ import annotations

from datetime import date

import pytest

from careerplanner.importers.resume.sections import (
    find_positions,
    heading_kind,
    parse_point,
    split_sections,
    without_inline_headings,
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("WORK EXPERIENCE", "experience"),
        ("## Skills", "skills"),
        ("**Education**", "education"),
        ("Skills & Expertise", "skills"),
        ("Honors & Awards", "awards"),
        ("Licenses & Certifications", "certifications"),
        ("Relevant Coursework:", "coursework"),
        # Headings of other trades' resumes
        ("QUALIFICATIONS", "summary"),
        ("Summary of Qualifications", "summary"),
        ("Career Highlights", "summary"),
        ("TRAINING", "education"),
        ("Education & Training", "education"),
        ("Credentials", "certifications"),
        ("Licensure", "certifications"),
        ("Areas of Expertise", "skills"),
        ("Clinical Rotations", "experience"),
        ("Key Accomplishments", "awards"),
        ("Built the skills platform for Acme.", None),
        ("Experience in Python", None),
    ],
)
def test_headings(line, kind):
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 2020", date(2020, 1, 1)),
        ("Sept. 2019", date(2019, 9, 1)),
        ("2013-12-01", date(2013, 12, 1)),
        ("06/2018", date(2018, 6, 1)),
        ("Summer 2012", date(2012, 6, 1)),
        ("Present", None),
    ],
)
def test_date_points(text, expected):
    assert parse_point(text) == expected


def test_positions_with_titles_employers_and_bodies():
    lines = [
        "Jane Roe",
        "Experience",
        "Senior Data Engineer | Globex",
        "Mar 2021 – Present",
        "• Built Spark pipelines",
        "Data Analyst, Initech",
        "06/2018 - 02/2021",
        "Remote",
        "• Wrote SQL reports",
        "Education",
        "BSc Computer Science, State University",
        "2014 – 2018",
    ]
    sections = split_sections(lines)
    positions = find_positions(lines, sections, date(2024, 3, 1))
    assert [(p.title, p.employer, p.current) for p in positions] == [
        ("Senior Data Engineer", "Globex", True),
        ("Data Analyst", "Initech", False),
    ]
    assert lines[positions[0].body[0]] == "• Built Spark pipelines"
    assert round(positions[0].years, 1) == 3.0
    assert "• Wrote SQL reports" in [lines[i] for i in positions[1].body]


def test_a_short_section_written_on_its_heading_line_is_a_section():
    lines = [
        "Tom Becker",
        "",
        "Summary: B2B marketing manager with 9 years in demand generation.",
        "",
        "Experience",
        "Marketing Manager, CloudWorks",
        "2019 - present",
        "• Built nurture programs in HubSpot",
        "Tools: HubSpot, Salesforce",  # among the bullets: still the position's
        "",
        "Skills: Demand generation, SEO, Marketing automation",
    ]
    sections = split_sections(lines)
    assert [(s.kind, s.inline) for s in sections] == [
        ("header", False),
        ("summary", True),
        ("experience", False),
        ("skills", True),
    ]
    skills = sections[-1]
    cleaned = without_inline_headings(lines, sections)
    assert cleaned[skills.start].strip() == "Demand generation, SEO, Marketing automation"
    assert len(cleaned[skills.start]) == len(lines[skills.start])  # offsets kept
    positions = find_positions(cleaned, sections, date(2024, 3, 1))
    assert "Tools: HubSpot, Salesforce" in [cleaned[i] for i in positions[0].body]


def test_the_employer_keeps_no_brackets_or_dash_of_the_date_cut_from_its_line():
    lines = [
        "Experience",
        "Staff Auditor — Grant Thornton LLP (2017 – 2020)",
        "• Performed audit procedures",
        "Staff Pharmacist, CVS Pharmacy — 2016 to 2019",
        "• Dispensed prescriptions",
    ]
    positions = find_positions(lines, split_sections(lines), date(2024, 3, 1))
    assert [(p.title, p.employer) for p in positions] == [
        ("Staff Auditor", "Grant Thornton LLP"),
        ("Staff Pharmacist", "CVS Pharmacy"),
    ]


def test_a_heading_of_title_and_employer_joined_by_an_em_dash_above_its_dates():
    # Markdown resumes often write "### Title — Employer" with the dates on the next line.
    lines = [
        "Experience",
        "Clinical Pharmacist — Northwestern Memorial Hospital",
        "2019 – Present",
        "- Verified and dispensed medications",
        "Line Cook · The Grill Room",
        "2015 – 2019",
        "- Prepared sauces",
    ]
    positions = find_positions(lines, split_sections(lines), date(2024, 3, 1))
    assert [(p.title, p.employer) for p in positions] == [
        ("Clinical Pharmacist", "Northwestern Memorial Hospital"),
        ("Line Cook", "The Grill Room"),
    ]


def test_a_title_after_its_dates_and_a_colon_keeps_no_colon():
    lines = [
        "EMPLOYMENT",
        "2018 to present: OTR Driver, Werner Enterprises",
        " Haul dry van and reefer loads across 48 states",
    ]
    positions = find_positions(lines, split_sections(lines), date(2024, 3, 1))
    assert [(p.title, p.employer) for p in positions] == [("OTR Driver", "Werner Enterprises")]
