"""Resumes of other trades: positions titled in any trade, certificate lists, and level words
read about the skills they are about (issue 13)."""

from __future__ import annotations

from datetime import date

from careerplanner.importers.resume.parse import parse_resume
from careerplanner.importers.resume.sections import find_positions, split_sections

NURSE = """Jane Roe
Boston, MA | jane.roe@example.com

SUMMARY
Registered Nurse with 6 years of experience. Working knowledge of SQL and Tableau.

EXPERIENCE
Registered Nurse, ICU
Massachusetts General Hospital, Boston, MA
June 2019 - Present
- Provide direct patient care and wound care for critically ill patients

Staff Nurse, Medical-Surgical Unit
Tufts Medical Center, Boston, MA
August 2017 - May 2019
- Delivered patient education on discharge plans

LICENSES & CERTIFICATIONS
BLS, ACLS (American Heart Association)

SKILLS
Patient Assessment, Medication Administration, Wound Care, Epic
"""


def test_a_nurses_positions_are_positions():
    lines = NURSE.split("\n")
    positions = find_positions(lines, split_sections(lines), date(2026, 2, 10))
    # "Nurse" is a job title and "Boston, MA" a place, not a Master of Arts.
    assert [p.title for p in positions] == ["Registered Nurse", "Staff Nurse"]


def test_a_list_of_certificates_is_not_cut_at_its_issuer(finder, tmp_path):
    path = tmp_path / "nurse.txt"
    path.write_text(NURSE, encoding="utf-8")
    parsed = parse_resume(path, finder, today=date(2026, 2, 10))
    skills = {s.name: s for s in parsed.skills}
    assert "Basic Life Support (BLS)" in skills
    assert "Advanced Cardiovascular Life Support (ACLS)" in skills
    # Listed under Skills and used in a dated job: professional use.
    assert skills["Wound Care"].level >= 3
    # "working knowledge of SQL and Tableau" is L2, whatever the summary says of years.
    assert skills["SQL"].level == 2
    assert skills["Tableau"].level == 2
    # "Epic" written as a word is the clinical record system, not the acronym "EPIC".
    assert all("Erosion" not in name for name in skills)


SALES = """Linda Matthews
Phoenix, AZ

Objective
Car Sales Representative with 4+ years of experience. Expert in negotiating deals, financing
options, and trade-ins.

Experience
Sales Consultant
AutoNation Honda, Phoenix, AZ
2021 - Present
Sold over 350 vehicles in 3 years

Skills
Vehicle financing
Trade-in appraisal
"""


def test_what_a_summary_claims_is_kept_unless_it_restates_a_listed_skill(finder, tmp_path):
    path = tmp_path / "sales.txt"
    path.write_text(SALES, encoding="utf-8")
    skills = {s.name: s for s in parse_resume(path, finder, today=date(2026, 2, 10)).skills}
    assert skills["negotiating deals"].level == 4  # "Expert in"
    assert not skills["negotiating deals"].in_taxonomy
    assert "financing options" not in skills  # the listed "Vehicle financing" says it


ENGINEER = """David Brown

EXPERIENCE
Mechanical Engineer
Innovative Engineering Corp., Chicago, IL
January 2014 - July 2017
- Designed and tested mechanical components

Sales Consultant
AutoNation Honda, Phoenix, AZ
August 2019 - Present
- Sold over 350 vehicles

EDUCATION
Bachelor of Science in Mechanical Engineering
University of Illinois, 2013
Diploma in Automotive Sales Training
Arizona Auto School, 2019
Nursing
Lutheran Hospital of Pastor Fliedner | Kaiserswerth
Ph.D. in Your Discipline
"""


def test_the_field_of_a_degree_is_the_persons_own_field(finder, tmp_path):
    path = tmp_path / "engineer.txt"
    path.write_text(ENGINEER, encoding="utf-8")
    parsed = parse_resume(path, finder, today=date(2026, 2, 10))
    skills = {s.name.casefold(): s for s in parsed.skills}
    # "of Science" is the kind of degree, "in Mechanical Engineering" its field; the role of
    # Mechanical Engineer then gives the field its years.
    assert skills["mechanical engineering"].level >= 3
    assert "science" not in skills
    # A diploma's "Training" is not part of its field; an entry naming its field alone over
    # its institution is a field too; a template's placeholder is none.
    # ... and the sales positions are work in the diploma's field.
    assert skills["automotive sales"].level >= 3
    assert "nursing" in skills
    assert not any("discipline" in name for name in skills)


def test_a_workers_title_gives_their_trade_the_years_of_the_role(finder, tmp_path):
    path = tmp_path / "nurse.txt"
    path.write_text(NURSE, encoding="utf-8")
    skills = {s.name: s for s in parse_resume(path, finder, today=date(2026, 2, 10)).skills}
    # "Registered Nurse" 2019-now and "Staff Nurse" 2017-2019: nursing, used for years.
    assert skills["Nursing"].level >= 3
    # The unit a nurse worked in names the specialty, used in that job (21 months).
    assert skills["Medical-Surgical Nursing"].level == 3


CHEF = """John Smith
Calgary, AB

WORK EXPERIENCE
Sous Chef
Dec 2020 - Mar 2022
Bistro One
- Developed creative menus for daily specials
- Directed the preparation of main dishes, ordering supplies from vendors as needed

Sous Chef
Sep 2018 - Dec 2020
Bistro Two
- Developed menus to meet seasonal offerings while demonstrating new cooking techniques
- Utilized modern technology such as digital ordering systems for faster service
- Established quality control protocols for food preparation and presentation
- Developed REST APIs with Django

SKILLS
- Budgeting
- Staff Management
"""


def test_a_trades_activities_in_work_statements_are_skills_used_at_work(finder, tmp_path):
    path = tmp_path / "chef.txt"
    path.write_text(CHEF, encoding="utf-8")
    skills = {s.name: s for s in parse_resume(path, finder, today=date(2026, 2, 10)).skills}
    # Menus developed in two dated positions: professional use, evidenced by the object.
    menus = skills["Menu Development"]
    assert menus.level == 3 and not menus.in_taxonomy
    assert {"menus", "creative menus"} <= set(menus.aliases)
    assert "supplies" in skills["Supply ordering"].aliases
    assert skills["digital ordering systems"].level >= 2
    # "food preparation and presentation" names food presentation too.
    assert "food presentation" in {name.casefold() for name in skills}
    # Essential to a chef's work, and the roles took 3.3 years: daily use, though no bullet
    # says it.
    staff = skills["Staff Management"]
    assert staff.level == 3
    assert staff.evidence[0].reason == "core skill of the role"
    assert skills["Budgeting"].level == 2  # not essential to the role: as listed
    # A statement that names its skills says them by name: no "Api Development".
    assert "Django" in skills
    assert not any(name.startswith("Api") for name in skills)


ENGINEER_AWARD = """David Brown

Technical Skills
- Skills: Mechanical Design, Structural Analysis

Work History
Senior Mechanical Engineer
Engineering Solutions Ltd., Chicago, IL
August 2017 - Present
- Performed failure analysis on prototypes

Director
Nightingale School, London
January 2010 - December 2012
- Headmaster and founder of the nursing programme.

Key Achievements
- Recognized for excellence in mechanical design with the Engineer of the Year award.

Education
Nursing
Lutheran Hospital of Pastor Fliedner | Kaiserswerth
"""


def test_an_award_for_a_skill_and_founding_work_in_a_field_are_advanced(finder, tmp_path):
    path = tmp_path / "award.txt"
    path.write_text(ENGINEER_AWARD, encoding="utf-8")
    skills = {s.name: s for s in parse_resume(path, finder, today=date(2026, 2, 10)).skills}
    # Listed, then recognised with an award for it: L4, with the award as the evidence.
    design = skills["Mechanical Design"]
    assert design.level == 4
    assert any(e.reason == "recognised with an award" for e in design.evidence)
    # The field of an education entry, named again in a dated job the person founded: L4.
    assert skills["Nursing"].level == 4
    # Founding and heading its programme is educating people in the field.
    assert skills["Nursing Education"].level == 4


def test_a_language_graded_in_a_skills_list_has_that_level(finder, tmp_path):
    path = tmp_path / "languages.txt"
    path.write_text(
        "Maria Lopez\n\nSKILLS\nFreight Forwarding, SAP\n"
        "Languages: Spanish (native), English (C1), German (A2)\nPython (advanced)\n",
        encoding="utf-8",
    )
    skills = {s.name: s for s in parse_resume(path, finder, today=date(2026, 2, 10)).skills}
    # CEFR grades and "native" map onto the scale (A2 L1, C1 L4, native L5) ...
    assert (skills["Spanish"].level, skills["English"].level, skills["German"].level) == (5, 4, 1)
    # ... and a level word any skill may have is read as for any listed skill.
    assert skills["Python"].level <= 3


def test_years_of_experience_in_a_field_are_the_level_of_its_skills(finder, tmp_path):
    path = tmp_path / "logistics.txt"
    path.write_text(
        "Maria Lopez\n\nSUMMARY\nLogistics coordinator with six years of experience in "
        "warehouse operations and supply chain management. Working knowledge of SQL.\n",
        encoding="utf-8",
    )
    skills = {s.name: s for s in parse_resume(path, finder, today=date(2026, 2, 10)).skills}
    # "six years of experience in": the years, not the bare "experience in" (L2) of an ad.
    assert skills["supply chain management"].level == 4
    assert skills["SQL"].level == 2


def skill_names_read_from(text: str, finder, tmp_path) -> set[str]:
    """The names of the skills read from a resume of `text`, in lower case."""
    path = tmp_path / "resume.txt"
    path.write_text(text, encoding="utf-8")
    return {s.name.casefold() for s in parse_resume(path, finder, today=date(2026, 2, 10)).skills}


CERTIFICATE_LINES = """Ann Lee
Phoenix, AZ

EXPERIENCE
Registered Nurse, Cardiac Unit
Banner Health, Phoenix, AZ
2019 - Present
- Interpret telemetry rhythms

LICENSES AND CERTIFICATIONS
RN, Arizona Board of Nursing; BLS and ACLS (American Heart Association); PCCN
Backflow Prevention Assembly Tester Certification
"""


def test_each_certificate_of_a_line_separated_by_semicolons_loses_only_its_own_issuer(
    finder, tmp_path
):
    skills = skill_names_read_from(CERTIFICATE_LINES, finder, tmp_path)
    # "RN, Arizona Board of Nursing" had cut the rest of the line as the RN's issuer.
    assert "basic life support (bls)" in skills
    assert "advanced cardiovascular life support (acls)" in skills
    # A list vouches for its items, not for an ordinary word inside a longer name.
    assert not any("assembly" in name and "backflow" not in name for name in skills)


def test_a_list_vouches_for_its_items_not_for_an_ordinary_word_inside_a_longer_name(finder):
    inside = finder.find("Backflow Prevention Assembly Tester Certification", trusted=True)
    assert "Assembly Language" not in {m.name for m in inside}
    listed = finder.find("Assembly, C, Python", trusted=True)
    assert "Assembly Language" in {m.name for m in listed}


OFFICE = """Maria Lopez
Houston, TX

EXPERIENCE
Medical Office Administrator
Houston Methodist Clinic, Houston, TX
January 2019 - Present
- Processed medical billing; followed HIPAA regulations for patient records
- Prepared journal entries and reconciled the general ledger each month
- Built dashboards for the practice manager
"""


def test_the_requirements_job_ads_are_read_for_are_found_in_a_resume_too(finder, tmp_path):
    skills = skill_names_read_from(OFFICE, finder, tmp_path)
    # Terms of the job-ad reader's table (data/words/requirement-terms.csv): an ad asking for
    # HIPAA or journal entries meets the resume that names them.
    assert {"hipaa", "journal entries"} <= skills
    # One ordinary word of the table in a statement is the thing worked on, not a skill.
    assert "dashboards" not in skills


GRILL = """Sam Cook
Austin, TX

EXPERIENCE
Grill Chef
The Pit, Austin, TX
2019 - Present
- Managed inventory levels for all grilling ingredients
- Prepared journal entries for the owner
"""


def test_a_term_of_the_table_covers_its_own_words_not_its_whole_statement(finder, tmp_path):
    skills = skill_names_read_from(GRILL, finder, tmp_path)
    # "grilling" names grilling; the statement still names inventory management by its verb.
    assert {"grilling", "inventory management"} <= skills
    # "journal entries" is the table's term: its words make no "Entry Preparation".
    assert "journal entries" in skills
    assert "entry preparation" not in skills
