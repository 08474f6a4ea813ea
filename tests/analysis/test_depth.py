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


def test_spoken_languages_carry_their_stated_level():
    from careerplanner.analysis.depth import language_level

    # CEFR grades map onto the scale: A1-A2 L1, B1 L2, B2 L3, C1 L4, C2 and native L5.
    line = "English (C1), German (A2), French: B2"
    assert [language_level(line, name) for name in ("English", "German", "French")] == [4, 1, 3]
    assert language_level("Spanish - native", "Spanish") == 5
    assert language_level("English: Full Professional Proficiency", "English") == 4
    # A grade belongs to the language it follows, not to the one before the comma.
    assert language_level("German, French (B1)", "German") is None


def test_shipped_work_in_two_short_jobs_is_professional_use():
    # Two internships of a labelled resume, three months each.
    internships = [
        PositionSpan(0.3, date(2014, 9, 1), "Software Engineering Intern at Coursera"),
        PositionSpan(0.3, date(2013, 8, 1), "Software Engineering Intern at Google"),
    ]
    bullets = [
        occ(
            "Full-stack developer - Wrote and reviewed code for JS using Backbone", "experience", 0
        ),
        occ("Worked on the YouTube Captions team, in Javascript and Python", "experience", 1),
    ]
    assert levels(bullets, internships) == {"Python": 3}
    assert levels(bullets[:1], internships) == {"Python": 2}  # one short job stays L2


def test_a_role_counts_for_the_field_its_title_names():
    roles = [
        PositionSpan(7.8, None, "Senior Graphic Designer at Studio", "Senior Graphic Designer"),
        PositionSpan(3.2, date(2018, 4, 1), "Junior Graphic Designer", "Junior Graphic Designer"),
    ]
    summary = occ(
        "Creative Graphic Designer with extensive experience in visual design",
        "summary",
        key="esco:graphic design",
        name="Graphic Design",
    )
    assert levels([summary], roles) == {"Graphic Design": 4}
    assert levels([summary], []) == {"Graphic Design": 3}  # "extensive" alone, no years


def test_a_level_word_is_about_the_skills_of_its_own_clause():
    job = [PositionSpan(3.0, date(2024, 1, 1), "Engineer at A")]

    def level_of(line, name):
        mention = Occurrence(f"technology:{name}", name, name, line, line, "experience", 0)
        return levels([mention], job)[name]

    # The skill's own words are no sign of its level: GitHub is not L5 for the stars.
    assert level_of("Built a CLI with 2.5K GitHub stars", "GitHub") < 5
    assert level_of("Architected the payments platform on Kafka", "Kafka") == 5
    # "architecture" in the next sentence says nothing of this one's tool.
    line = "Wrote Terraform modules. Recorded architecture decisions for the team"
    assert level_of(line, "Terraform") < 5
    # A colon introduces what the skill is: "TensorFlow: an open source library".
    line = "TensorFlow: TensorFlow is an open source software library for numerical computation"
    assert level_of(line, "TensorFlow") == 5
