"""Real resumes from tests/fixtures/resumes: sections, positions, skills and depth with evidence."""

from __future__ import annotations

from datetime import date

from careerplanner.importers.resume.parse import parse_resume
from tests.conftest import RESUMES

TODAY = date(2026, 2, 10)


def parse(name, finder, worker):
    return parse_resume(RESUMES / name, finder, worker=worker, today=TODAY)


def test_one_column_pdf_sections_positions_and_skills(finder, worker):
    resume = parse("sb2nov_sourabh_bajaj_resume.pdf", finder, worker)
    assert resume.format == "pdf" and resume.pages == 1
    assert [s.kind for s in resume.sections][1:] == ["education", "experience", "projects"]
    jobs = [(p.title, p.employer, p.start, p.current) for p in resume.positions]
    assert jobs[0] == ("Software Engineer", "Google", date(2016, 10, 1), True)
    assert jobs[1][:3] == ("Senior Software Engineer", "Coursera", date(2014, 1, 1))
    skills = {s.name: s for s in resume.skills}
    assert {"TensorFlow", "Apache Hadoop", "A/B Testing", "R", "D3.js", "macOS"} <= set(skills)
    assert "Google" not in skills  # the employer, not a skill
    redshift = skills["Amazon Redshift"]
    assert redshift.level == 3
    assert any("Amazon Redshift" in e.text for e in redshift.evidence)


def test_two_column_and_sidebar_layouts(finder, worker):
    resume = parse("deedy_resume-openfont.pdf", finder, worker)
    names = {s.name for s in resume.skills}
    assert {"C", "C++", "OCaml", "Backbone.js", "Machine Learning", "MySQL"} <= names
    assert not names & {"LinkedIn", "YouTube", "Facebook"}  # links and employers
    altacv = parse("altacv_sample.pdf", finder, worker)
    assert {"C++", "Embedded Systems", "English"} <= {s.name for s in altacv.skills}


def test_multi_page_pdf_with_icons_and_soft_hyphens(finder, worker):
    resume = parse("awesome-cv_resume.pdf", finder, worker)
    assert resume.pages == 3
    skills = {s.name: s for s in resume.skills}
    assert {"Consul", "Kubernetes", "Terraform", "Amazon Route 53", "DC/OS"} <= set(skills)
    assert skills["Kubernetes"].level >= 4
    assert len(resume.positions) >= 6


def test_place_and_dates_at_the_right_margin_belong_to_the_entry_beside_them(finder, worker):
    # RenderCV and Awesome-CV set place, dates and duration flush right, level with the
    # entry's first line; read top to bottom they fell after the entry's bullets.
    resume = parse("rendercv_John_Doe_Classic.pdf", finder, worker)
    jobs = [(p.title, p.employer, p.start, p.end) for p in resume.positions]
    assert jobs == [
        ("Co-Founder & CTO", "Nexus AI", date(2023, 6, 1), TODAY),
        ("Research Intern", "NVIDIA Research", date(2022, 5, 1), date(2022, 8, 1)),
        ("Research Intern", "Google DeepMind", date(2021, 5, 1), date(2021, 8, 1)),
        ("Research Intern", "Apple ML Research", date(2020, 5, 1), date(2020, 8, 1)),
        ("Research Intern", "Microsoft Research", date(2019, 5, 1), date(2019, 8, 1)),
    ]  # and no position made of a project's dates and the page footer
    awesome = parse("awesome-cv_resume.pdf", finder, worker)
    employers = {p.employer: p.title for p in awesome.positions}
    assert employers["PLAT Corp."].endswith("founder & Software Engineer")
    assert employers["ShitOne Corp."] == "Software Engineer"


def test_placeholder_template_has_no_skills(finder, worker):
    resume = parse("moderncv_classic_green.pdf", finder, worker)
    assert resume.skills == []


def test_json_resume(finder, worker):
    resume = parse("jsonresume_sample.resume.json", finder, worker)
    assert resume.format == "json-resume"
    job, volunteering = resume.positions
    assert volunteering.section == "volunteer"
    assert (job.title, job.employer, job.start) == (
        "CEO/President",
        "Pied Piper",
        date(2013, 12, 1),
    )
    names = {s.name.casefold() for s in resume.skills}
    assert {"html", "css", "javascript", "sql", "java", "english"} <= names
    assert "go" not in names  # "(Go Sooners and Cardinal!)" is a cheer
    assert resume.to_json()["publications"]
