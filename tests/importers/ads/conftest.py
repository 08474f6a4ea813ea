"""A job ad written for these tests, and the same ad saved as HTML, PDF and DOCX."""

from __future__ import annotations

import html
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ESCO_FOLDER, onet_release

# Written for these tests (no licence needed): the shape of a real data-analyst ad, with
# boilerplate around it that names skills too.
AD_TEXT = """Data Analyst, Supply Chain

About us
Northwind Logistics is a leading global freight company founded in 1998. Our teams use Python,
Tableau and SAP every day.

What you will do
Build dashboards in Tableau for the operations team.
Write SQL queries against our PostgreSQL warehouse and automate reports in Python.

Requirements
3+ years of experience with SQL and Python.
Strong Excel skills.
Working knowledge of Tableau.
Familiarity with Git.

Preferred qualifications
Experience with Apache Spark.
AWS certification is a plus.

Benefits
401(k) matching, dental insurance and free Java courses.

Northwind Logistics is an equal opportunity employer and an E-Verify employer. To apply, submit
your resume through our careers page; do not apply via Employee Self-Service (ESS).
"""


def requirement_set(skills) -> set[tuple[str, str, int]]:
    return {(s.name, s.required, s.level) for s in skills}


@pytest.fixture(scope="session")
def finder():
    from careerplanner.analysis.vocabulary import shared_vocabulary

    tech = onet_release("29.2") / "Technology Skills.txt"
    return shared_vocabulary(str(tech), str(ESCO_FOLDER)).finder()


def paragraphs(text: str) -> list[str]:
    """The ad's lines (each a paragraph, a heading or a bullet)."""
    return [line for line in text.splitlines() if line.strip()]


def write_html(path: Path, text: str, title: str = "Job ad") -> Path:
    """A page as a browser saves it: a site menu, a sidebar and a footer around the ad."""
    nav = "".join(
        f'<li><a href="/{w.lower()}">{w} courses</a></li>'
        for w in ("Java", "Kubernetes", "Salesforce", "Photoshop", "Rust", "Scala")
    )
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in paragraphs(text))
    path.write_text(
        f"<!DOCTYPE html><html><head><title>{html.escape(title)} | JobSite</title>"
        "<style>p{margin:0}</style><script>var skills=['Go','Ruby'];</script></head><body>"
        f'<header><nav><ul>{nav}</ul></nav></header><div class="page">'
        f'<aside class="sidebar"><h3>Popular searches</h3><ul>{nav}</ul></aside>'
        f'<main><article class="job-description">{body}</article></main></div>'
        "<footer><p>Copyright JobSite. Learn Docker and Terraform with our partners.</p>"
        "</footer></body></html>",
        encoding="utf-8",
    )
    return path


def write_docx(path: Path, text: str) -> Path:
    import docx

    document = docx.Document()
    for line in paragraphs(text):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_pdf(path: Path, text: str) -> Path:
    """The ad printed to PDF: lines wrapped to the page width, as a printed page breaks them."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    lines = [wrapped for line in paragraphs(text) for wrapped in textwrap.wrap(line, 90)]
    with PdfPages(path) as pdf:
        for first in range(0, len(lines), 55):
            figure = Figure(figsize=(8.5, 11))
            for row, line in enumerate(lines[first : first + 55]):
                figure.text(0.05, 0.96 - row * 0.017, line, fontsize=8)
            pdf.savefig(figure)
    return path
