"""Job ads: requirements the vocabulary does not spell, short forms read by the profession of
the ad, the employer's own sentences, and the level a whole role's years give its duties
(issue 13)."""

from __future__ import annotations

from careerplanner.analysis.job_ad_sections import (
    employer_names,
    is_boilerplate_sentence,
    is_employer_sentence,
)
from careerplanner.analysis.job_ads import read_ad_requirements
from careerplanner.analysis.requirement_terms import _terms, merge_spans, requirement_spans


def required(ad, finder):
    return {r.name: r for r in read_ad_requirements(ad, finder)}


def test_a_clinical_short_form_counts_only_in_a_clinical_ad(finder):
    clinical = (
        "Qualifications:\n"
        "Working knowledge of FDA & ICH regulations for clinical trials.\n"
        "Experience designing CRF pages and filing documents in the TMF.\n"
    )
    found = required(clinical, finder)
    assert {"FDA Regulations", "ICH Guidelines", "Case Report Forms", "Trial Master File"} <= set(
        found
    )
    assert found["Case Report Forms"].aliases == ["CRF"]
    marketing = "Qualifications:\nExperience with the CRF and TMF brands in retail marketing.\n"
    assert not {"Case Report Forms", "Trial Master File"} & set(required(marketing, finder))


def test_a_short_form_in_a_line_of_capitals_is_a_word_of_the_line(finder):
    ad = "THIS ROLE MUST BE BASED IN SAN DIEGO\nOversee the storage servers and the SAN.\n"
    spans = requirement_spans(ad, finder)
    assert [ad[s:e] for s, e, _k, _n in spans] == ["SAN"]
    assert spans[0][0] == ad.rindex("SAN")


def test_office_trade_and_audit_work_the_vocabulary_lacks_is_required(finder):
    ad = (
        "Requirements:\n"
        "Keyboard familiarity with the ability to type 40 words per minute.\n"
        "Assist with internal and external audits and evaluate internal controls.\n"
        "Work on ladders, platforms and scaffolds; apply plaster to surfaces.\n"
    )
    found = required(ad, finder)
    assert {"Typing", "Auditing", "Internal Controls", "Scaffolding", "Plastering"} <= set(found)
    assert found["Typing"].level == 1  # "familiarity"
    assert found["Auditing"].evidence[0].text.startswith("Assist with internal")


def test_a_term_the_vocabulary_knows_keeps_the_vocabularys_skill(finder):
    ad = "Requirements:\nImplement generalized a/b test frameworks.\n"
    [(start, end, key, name)] = requirement_spans(ad, finder)
    assert ad[start:end] == "a/b test"
    [known] = finder.find("A/B testing", trusted=True)
    assert (key, name) == (known.key, known.name)


def test_the_longest_name_wins_over_the_finders_shorter_one():
    finder_spans = [(10, 25, "software design", "Software Design")]
    table = [(10, 34, "custom:design patterns", "Design Patterns")]
    assert merge_spans(finder_spans, table) == table
    inside = [(14, 25, "custom:x", "X")]
    assert merge_spans(finder_spans, inside) == finder_spans
    across = [(5, 20, "custom:y", "Y")]  # "production machine learning" of "... models"
    assert merge_spans(finder_spans, across) == [*across, *finder_spans]


def test_the_employer_describing_itself_is_no_requirement():
    for sentence in (
        "As the City's technology leader, DoITT is responsible for maintaining the IT systems",
        "The New York City Housing Authority (NYCHA) is the nation's largest public housing "
        "authority",
        "The NYC Department of Environmental Protection (DEP) enriches the environment and "
        "protects public health",
        "DEP's water supply system is comprised of 19 reservoirs",
        "As a world-renowned public health agency, innovating in science — we are a hub for "
        "public health innovation",
        "Our Agency's five strategic priorities are: mental health and obesity",
        "Only those serving as IT Administrators will be considered The NYC Department of "
        "Finance (DOF) administers the City's tax laws",
    ):
        assert is_employer_sentence(sentence), sentence
        assert is_boilerplate_sentence(sentence)
    for sentence in (
        "The Clinical Data Scientist is responsible for timely data management",
        "The Data Analyst is primarily responsible for data extracts",
        "Tapjoy is seeking a Senior Engineer with Python",
        "Python is required",
        "SQL, Python and R are required",
        "Knowledge of Tableau is preferred",
        "Strong SQL skills",
        "Microsoft Office skills are a must",
        "We are looking for a data scientist with Python",
    ):
        assert not is_employer_sentence(sentence), sentence


def test_an_agency_introduction_names_no_requirement(finder):
    ad = (
        "The New York City Department of Health (DOHMH) is the oldest health department in the "
        "country. We serve as the population health strategist, with programs on mental "
        "health, public health and strategic planning.\n"
        "Requirements:\n"
        "Experience with SQL and Tableau.\n"
    )
    assert set(required(ad, finder)) == {"SQL", "Tableau"}


def test_the_employers_teams_are_no_requirements(finder):
    ad = (
        "Acme is seeking a Senior Engineer who will work closely with Data Scientists, Data "
        "Platform, and Ad Server Engineering teams.\n"
        "Requirements: 3+ years of Python.\n"
    )
    found = required(ad, finder)
    assert not {"Data Scientists", "Data Platform", "Ad Server Engineering"} & set(found)
    assert found["Python"].level == 3


def test_a_capitalised_compound_or_a_title_grade_is_no_product_name(finder):
    ad = (
        "Requirements:\n"
        "Connect to City-provided WiFi for online meetings.\n"
        "Supervise one Clerical Associate III and the clerical staff.\n"
    )
    found = required(ad, finder)
    assert "Wireless Networks" in found
    assert not any("City-provided" in name or "Associate" in name for name in found)


def test_the_years_of_a_whole_role_ask_for_its_duties_one_level_lower(finder):
    ad = (
        "Duties:\n"
        "1. Mix paint components and match colors.\n"
        "2. Apply paint with a brush, roller or spray gun.\n"
        "3. Work on ladders and scaffolds.\n"
        "Qualifications:\n"
        "Five years of full-time satisfactory experience as a painter.\n"
    )
    found = required(ad, finder)
    assert found["Painting"].level == 4  # the trade itself, at the role's years
    for duty in ("Color Matching", "Spray Painting", "Scaffolding"):
        assert found[duty].level == 3, duty
        assert "a duty of the role" in found[duty].evidence[0].reason
        assert "Five years" in found[duty].evidence[0].reason
    # Years about a named skill are that skill's, not the role's.
    found = required("Requirements:\nFive years of experience with SQL. Tableau.\n", finder)
    assert found["SQL"].level == 4 and found["Tableau"].level == 2


def test_overseeing_work_in_a_skill_asks_for_a_skilled_level(finder):
    found = read_ad_requirements(
        "Oversees the configuration of the SAN and backup servers.\n", finder
    )
    [san] = [r for r in found if "SAN" in r.aliases]
    assert san.level == 3
    assert san.evidence[0].reason == 'L3 from "Oversees"'


def test_a_short_form_the_ad_defines_is_its_long_forms_skill(finder):
    ad = (
        "Requirements:\n"
        "Experience with the Welfare Management System (WMS).\n"
        "Strong knowledge of WMS.\n"
    )
    found = required(ad, finder)
    assert "WMS" not in found
    system = found["Welfare Management System"]
    assert "WMS" in system.aliases and system.level == 3


def test_the_areas_of_alternative_qualifications_are_no_requirements(finder):
    ad = (
        "Qualifications:\n"
        "A baccalaureate degree and two years of experience in one or a combination of the "
        "following: budget administration, accounting, or fiscal research; or in management or "
        "methods analysis, operations research or program evaluation. Proficiency in SQL.\n"
        "Four years of experience in one or more of the fields of accounting, auditing or "
        "police science.\n"
    )
    assert set(required(ad, finder)) == {"SQL"}


def test_a_short_line_naming_a_skill_is_no_heading(finder):
    ad = "Must have:\nCustomer profiling experience\nKnowledge of SQL\n"
    found = required(ad, finder)
    assert {"Customer Profiling", "SQL"} <= set(found)


def test_a_degree_field_in_brackets_or_after_its_accreditor_is_no_requirement(finder):
    ad = (
        "A bachelor’s degree in a related field (Statistics, Criminology, etc.) or equivalent "
        "experience required.\n"
        "A master's degree from a college accredited by agencies recognized by the U.S. "
        "Secretary of Education and the Council (CHEA) in economics, accounting or statistics.\n"
        "Experience with Tableau.\n"
    )
    assert set(required(ad, finder)) == {"Tableau"}


def test_a_word_joined_to_a_known_skill_names_a_skill_with_its_head(finder):
    found = required("Requirements:\nUsing unsupervised and deep learning techniques.\n", finder)
    assert {"Unsupervised Learning", "Deep Learning"} <= set(found)


def test_the_duties_of_a_bulleted_list_are_read_before_any_heading(finder):
    ad = (
        "The analyst will support the unit, including but not limited to:\n"
        "• Supporting quantitative research projects related to program and policy evaluation;\n"
    )
    found = {name.casefold() for name in required(ad, finder)}
    assert {"program evaluation", "policy evaluation"} <= found


def test_the_table_of_requirement_terms_is_well_formed():
    rows, by_first = _terms()
    assert len(rows) > 100
    spellings = [f.casefold() for row in rows for f in row.forms]
    assert len(spellings) == len(set(spellings)), "a spelling belongs to one term only"
    for row in rows:
        assert row.name and row.forms and row.name == row.name.strip()
    assert all(candidates for candidates in by_first.values())


def test_the_employers_own_units_are_no_requirements(finder):
    ad = (
        "Samba TV is uniquely positioned at the forefront of the TV revolution.\n"
        "Serve as an ambassador for Samba Data Science at conferences.\n"
        "Requirements: Experience with Data Science tools such as Python.\n"
    )
    assert employer_names(ad) == {"Samba", "TV"}
    found = required(ad, finder)
    assert "Samba Data Science" not in found
    assert {"Data Science", "Python"} <= set(found)


def test_the_routines_of_driving_care_and_teaching_are_requirements(finder):
    trucking = (
        "What you need:\n"
        "* Valid Class A CDL\n"
        "* Conduct pre-trip and post-trip inspections and complete DVIRs\n"
        "* Keep accurate logs with our ELD system and follow hours-of-service rules\n"
    )
    assert {
        "Commercial Driver's License (CDL)",
        "Vehicle Inspection",  # the vocabulary's own skill of that name
        "Electronic Logging Devices (ELD)",
        "Hours-of-Service Regulations",
    } <= set(required(trucking, finder))
    care = (
        "Requirements:\n"
        "- Administer medications and monitor telemetry rhythms for cardiac patients\n"
    )
    assert {"Medication Administration", "Telemetry Monitoring"} <= set(required(care, finder))
    # The same words in a software ad are another thing: telemetry is a service's metrics.
    software = (
        "Requirements:\n"
        "- Build telemetry pipelines for our ELD-free fleet of microservices\n"
    )
    assert not {"Telemetry Monitoring", "Electronic Logging Devices (ELD)"} & set(
        required(software, finder)
    )
