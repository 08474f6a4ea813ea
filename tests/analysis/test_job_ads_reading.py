"""One job ad read whole: must or nice, boilerplate left out, the level words about each skill."""

from __future__ import annotations

import pytest

from careerplanner.analysis.job_ad_claims import find_claims
from careerplanner.analysis.job_ad_sections import heading_kind
from careerplanner.analysis.job_ads import read_ad_requirements, reads_language


def read(ad, finder):
    return {s.name: s for s in read_ad_requirements(ad, finder)}


@pytest.mark.parametrize(
    ("phrase", "level"),
    [
        ("Five years of full-time experience as a painter", 4),
        ("three (3) years of experience", 3),
        ("4-6 years of experience", 3),
        ("at least 8 yrs", 5),
        ("two years", 2),
        ("deep learning", None),
        ("a deep-dive into data", None),
        ("software architecture", None),
        ("a strong desire to learn", None),
        ("lead generation", None),
        ("you will architect the platform", 5),
        ("deep knowledge", 4),
        ("some data analysis experience", 1),
        ("some of our clients", None),
    ],
)
def test_level_words_and_what_is_not_one(phrase, level):
    claims = find_claims(phrase)
    assert (max(c.level for c in claims) if claims else None) == level


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Preferred Skills:", "nice"),
        ("Nice to have", "nice"),
        ("## Benefits", "boilerplate"),
        ("ABOUT US", "boilerplate"),
        ("How to apply", "boilerplate"),
        ("Minimum Qualifications", "must"),
        ("What you will do:", "must"),
        ("Experience with Oracle DMW preferred", None),
        ("Python", None),
    ],
)
def test_section_headings(line, kind):
    assert heading_kind(line) == kind


def test_preferred_words_make_a_skill_nice_and_the_nearest_marker_decides(finder):
    found = read(
        "Python is required, Apache Spark is a plus.\nExperience with Tableau preferred.",
        finder,
    )
    assert found["Python"].required == "must"
    assert found["Apache Spark"].required == "nice"
    assert found["Tableau"].required == "nice" and found["Tableau"].level == 2


def test_a_preferred_section_makes_its_skills_nice(finder):
    found = read("Requirements:\n- SQL\nPreferred Skills:\n- Docker\n- Kubernetes", finder)
    assert found["SQL"].required == "must"
    assert {found["Docker"].required, found["Kubernetes"].required} == {"nice"}


def test_a_required_level_is_not_raised_by_a_higher_preferred_one(finder):
    found = read("3+ years of Python required.\n8+ years of Python preferred.", finder)
    assert (found["Python"].required, found["Python"].level) == ("must", 3)


def test_each_claim_goes_to_the_skills_it_is_about(finder):
    found = read("Strong SQL skills and familiarity with Docker.", finder)
    assert found["SQL"].level == 3 and found["Docker"].level == 1
    found = read("Proficient in Python, Java and Go.", finder)
    assert {found[name].level for name in ("Python", "Java")} == {3}
    found = read("Deep learning with PyTorch.", finder)
    assert found["PyTorch"].level == 2


def test_boilerplate_names_no_requirement(finder):
    ad = (
        "About us\nWe are a leading global bank; our engineers love Java.\n"
        "Requirements\nExperience with SQL.\n"
        "Benefits\nFree Python courses and a 401(k).\n"
        "We are an equal opportunity employer and use E-Verify; apply via Tableau Portal.\n"
        "Do not apply via Employee Self-Service (ESS) with Microsoft Excel."
    )
    assert set(read(ad, finder)) == {"SQL"}


def test_every_evidence_line_names_the_words_that_gave_the_level(finder):
    found = read("Working knowledge of SQL.\nTools: Tableau", finder)
    assert found["SQL"].evidence[0].reason == 'L2 from "Working knowledge"'
    assert found["Tableau"].evidence[0].reason == "L2: named, with no level words"


def test_language_check():
    assert reads_language("We are looking for an analyst with SQL and Python for our team. " * 3)
    assert reads_language("Python, SQL, Tableau")  # too short to tell: a bare list
    assert not reads_language(
        "Nous recherchons un analyste de données pour notre équipe à Paris. Vous travaillerez "
        "avec SQL, Python et Tableau, et vous aurez au moins trois ans d'expérience."
    )


def test_a_degrees_field_is_not_a_requirement_but_what_follows_it_is(finder):
    found = read(
        "A bachelor's degree in Statistics, Economics or Data Science and 3 years of "
        "experience with Python.\nBA / BS in Accounting; strong Excel skills.",
        finder,
    )
    assert found["Python"].level == 3
    assert "Microsoft Excel" in found or "Excel" in {a for s in found.values() for a in s.aliases}
    assert not {"Statistics", "Data Science", "Accounting"} & set(found)


def test_a_units_or_a_titles_name_is_not_a_requirement(finder):
    found = read(
        "You will join the Office of Data Science (ODS) and report to the Director of "
        "Human Resources.\nExperience with SQL.",
        finder,
    )
    assert set(found) == {"SQL"}


def test_the_preferred_candidate_is_not_a_preference_and_an_interest_is(finder):
    found = read(
        "The preferred candidate should possess 2+ years of experience with SQL.\n"
        "You have experience with or interest in Java.",
        finder,
    )
    assert (found["SQL"].required, found["SQL"].level) == ("must", 2)
    assert found["Java"].required == "nice"


def test_examples_in_brackets_after_a_skill_are_skills_of_its_kind(finder):
    skills = read(
        "Requirements:\nExperience using data visualization tools (e.g. Spotfire, jReview)\n"
        "Familiarity with A/B testing or experimental design (i.e., treated/control groups).",
        finder,
    )
    # "e.g." ends no sentence; what it introduces are examples, what "i.e." does a restatement.
    assert {"Spotfire", "jReview"} <= set(skills)
    assert "control groups" not in skills


def test_a_method_word_in_a_list_is_a_skill_an_everyday_activity_is_not(finder):
    skills = read("Requirements:\nExperience with SQL, Python, clustering and responding.", finder)
    assert "clustering" in skills
    assert "responding" not in skills


def test_years_as_a_worker_require_the_workers_trade(finder):
    skills = read(
        "Qualifications:\nFive years of full-time experience as a painter.\n"
        "Two years of experience as a project manager.",
        finder,
    )
    # Years in words give the level; a rank ("manager") names no trade.
    assert skills["Painting"].level == 4
    assert not any(name.casefold().startswith("manag") for name in skills)


def test_two_skills_sharing_a_head_noun_are_both_required(finder):
    skills = read(
        "Requirements:\nExperience with program and policy evaluation.\n"
        "Knowledge of Life Science and healthcare analytics.",
        finder,
    )
    assert {"program evaluation", "policy evaluation"} <= set(skills)
    # "Life Science" is one name: "science analytics" is none.
    assert "science analytics" not in skills


def test_a_list_of_modifiers_sharing_a_head_noun_names_each_skill(finder):
    skills = read(
        "Duties:\nPerform unit, integration, and load testing.\n"
        "Run records storage, retention, and retrieval management responsibilities.\n"
        "Experience with SQL, Tableau and statistical analysis.",
        finder,
    )
    assert {"unit testing", "integration testing", "load testing"} <= {
        name.casefold() for name in skills
    }
    # The head goes on into a longer noun: no "retention management".
    assert not any("retention" in name.casefold() for name in skills)
    # Known skills in a list are items, not modifiers of the last one's head.
    assert not any(name.casefold() in ("sql analysis", "tableau analysis") for name in skills)


def test_the_field_skills_are_asked_in_is_a_skill_a_soft_skill_is_not_one(finder):
    skills = read(
        "Good documentation skills are a must.\n"
        "3-5 yrs of router configuration and troubleshooting skills.\n"
        "Excellent communication and management skills required.",
        finder,
    )
    assert skills["documentation"].required == "must"
    assert skills["troubleshooting"].level == 3
    assert not {"communication", "management", "configuration"} & set(skills)


def test_examples_of_a_known_skill_are_skills_wherever_they_stand(finder):
    skills = read(
        "You will install security software, such as Splunk and CrowdStrike.\n"
        "We serve companies such as Accenture, Adobe and DocuSign.",
        finder,
    )
    assert "CrowdStrike" in skills
    # Employers and clients named as examples are no skills.
    assert not {"Accenture", "DocuSign"} & set(skills)


def test_heads_sharing_the_modifier_before_them_are_each_a_skill(finder):
    skills = read(
        "Requirements:\nExperience in model validation, testing and deployment.\n"
        "Perform industry analysis and forecasting of trends.",
        finder,
    )
    assert {"model testing", "model deployment"} <= set(skills)
    # "forecasting of trends" has its own object: no "industry forecasting".
    assert "industry forecasting" not in skills


def test_a_dental_plan_is_boilerplate_dental_work_is_not(finder):
    skills = read(
        "Knowledge of dental or medical insurance claims processing is desired.\n"
        "We offer medical, dental and vision plans and Microsoft Excel training.",
        finder,
    )
    assert skills["insurance claims processing"].required == "nice"
    assert "Microsoft Excel" not in skills
