"""Required depth from job-ad phrases (product.md's table)."""

from __future__ import annotations

import pytest

from careerplanner.analysis.job_ads import extract_requirements, phrase_level


@pytest.mark.parametrize(
    ("phrase", "level"),
    [
        ("Familiarity with Docker is a plus", 1),
        ("Working knowledge of SQL, 1-2 years", 2),
        ("Proficient in Python with 3+ years hands-on", 3),
        ("Deep, expert-level Kubernetes, 5+ years", 4),
        ("Architect our data platform and define the strategy, 8+ years", 5),
        ("We sell shoes", None),
    ],
)
def test_phrase_levels(phrase, level):
    assert phrase_level(phrase) == level


def test_each_skill_gets_the_level_of_its_own_sentence(finder):
    ad = (
        "You are proficient in Python and SQL. Exposure to Kubernetes is nice to have.\n"
        "You will architect our AWS platform."
    )
    found = {s.name: s for s in extract_requirements(ad, finder)}
    assert found["Python"].level == 3 and found["SQL"].level == 3
    assert found["Kubernetes"].level == 1
    assert found["Amazon Web Services"].level == 5
    assert "architect our AWS platform" in found["Amazon Web Services"].evidence[0].text


def test_a_plain_requirement_is_l2(finder):
    [skill] = extract_requirements("Tools: Tableau", finder)
    assert skill.level == 2
