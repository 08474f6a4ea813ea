"""Depth from evidence, on product.md's scale."""

from __future__ import annotations

from datetime import date

from careerplanner.analysis.depth import Occurrence, PositionSpan, infer_depth

TODAY = date(2025, 1, 1)


def occ(line, section, position=None, key="technology:python", name="Python"):
    return Occurrence(key, name, name, line, line, section, position)


def levels(occurrences, positions=()):
    return {s.name: s.level for s in infer_depth(list(occurrences), list(positions), TODAY)}


def test_a_bare_listing_is_l1_and_a_course_too():
    assert levels([occ("Python", "skills")]) == {"Python": 1}
    assert levels([occ("Intro to Python", "coursework")]) == {"Python": 1}


def test_projects_and_certificates_are_l2():
    assert levels([occ("Built a bot in Python", "projects")]) == {"Python": 2}
    assert levels([occ("Python Institute PCAP", "certifications")]) == {"Python": 2}


def test_professional_years_sum_over_positions():
    short = [PositionSpan(0.5, date(2024, 6, 1), "Intern at A")]
    assert levels([occ("Wrote Python", "experience", 0)], short) == {"Python": 2}
    two = [PositionSpan(1.0, date(2022, 1, 1), "A"), PositionSpan(1.2, date(2024, 1, 1), "B")]
    found = levels([occ("Wrote Python", "experience", 0), occ("Python APIs", "experience", 1)], two)
    assert found == {"Python": 3}


def test_leading_and_architecting_raise_the_level():
    jobs = [PositionSpan(3.0, date(2024, 1, 1), "Engineer at A")]
    assert levels([occ("Mentored 3 engineers on Python", "experience", 0)], jobs) == {"Python": 4}
    assert levels([occ("Architected the Python platform", "experience", 0)], jobs) == {"Python": 5}


def test_listing_with_work_experience_is_l2_unless_only_familiar():
    jobs = [PositionSpan(2.0, date(2024, 1, 1), "Engineer at A")]
    assert levels([occ("Python", "skills")], jobs) == {"Python": 2}
    familiar = Occurrence(
        "technology:python", "Python", "Python", "Python", "Familiar: Python", "skills"
    )
    assert levels([familiar], jobs) == {"Python": 1}


def test_evidence_explains_the_level():
    jobs = [PositionSpan(3.0, date(2024, 1, 1), "Engineer at A")]
    [skill] = infer_depth([occ("Led the Python migration", "experience", 0)], jobs, TODAY)
    assert skill.level == 4
    assert any(e.text == "Led the Python migration" for e in skill.evidence)
