"""Positions: a title names the field its years count for; Markdown and footers are no jobs."""

from __future__ import annotations

from datetime import date

from careerplanner.analysis.depth import is_core_skill
from careerplanner.importers.resume.markdown import unmark
from careerplanner.importers.resume.parse import parse_resume
from tests.conftest import shared_path


def test_a_skill_is_core_to_the_title_that_names_it():
    assert is_core_skill("Graphic Design", "Senior Graphic Designer")
    assert is_core_skill("Mechanical Engineering", "Mechanical Engineer")
    assert not is_core_skill("Java", "JavaScript Engineer")
    assert not is_core_skill("Management", "Sales Manager")


def test_markdown_markup_is_not_part_of_a_position():
    assert unmark("### Senior Graphic Designer") == "Senior Graphic Designer"
    assert unmark("**Visual Creations Studio, Los Angeles, CA**") == (
        "Visual Creations Studio, Los Angeles, CA"
    )
    assert unmark("*May 2018 - Present*") == "May 2018 - Present"
    assert unmark("* Python, Go") == "* Python, Go"  # a bullet stays a bullet
    assert unmark("snake_case_name") == "snake_case_name"


def test_a_designers_years_count_for_graphic_design(finder):
    parsed = parse_resume(
        shared_path("resumes", "other-professions", "files", "candidatematcher_cv3_designer.md"),
        finder,
        today=date(2026, 2, 10),
    )
    assert [p.title for p in parsed.positions] == [
        "Senior Graphic Designer",
        "Junior Graphic Designer",
    ]
    skills = {s.name.casefold(): s for s in parsed.skills}
    assert skills["graphic design"].level >= 4  # eleven years over two roles
    assert any("Senior Graphic Designer" in e.text for e in skills["graphic design"].evidence)
    # "Branding", listed under Skills and known to no dataset, is also used in a dated job.
    branding = skills["branding"]
    assert branding.level >= 3 and not branding.in_taxonomy
    assert any("Designed branding materials" in e.text for e in branding.evidence)


def test_a_copyright_footer_is_not_a_job():
    from careerplanner.importers.resume.sections import find_positions, split_sections

    lines = [
        "Experience",
        "Nurse, St. Mary's Hospital",
        "2016 - 2020",
        "Cared for patients on a medical-surgical unit.",
        "© 2019-2024 Jane Doe. All rights reserved.",
    ]
    positions = find_positions(lines, split_sections(lines), date(2026, 2, 10))
    assert [(p.start.year, p.end.year) for p in positions] == [(2016, 2020)]
