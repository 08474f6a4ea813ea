"""Skills-list items and certificates are kept even when no vocabulary knows them.

The lines are real lines of the labelled resumes in ../shared/resumes/other-professions.
"""

from __future__ import annotations

from datetime import date

from careerplanner.importers.resume.listed_items import certificate_skill, listed_items
from careerplanner.importers.resume.parse import parse_resume
from tests.conftest import shared_path


def test_items_of_ordinary_words_are_skills():
    assert listed_items("− Contract Negotiation", []) == ["Contract Negotiation"]
    assert listed_items("Vehicle financing", []) == ["Vehicle financing"]
    assert listed_items("− Budgeting", []) == ["Budgeting"]


def test_an_item_holding_a_known_term_is_kept_whole():
    assert listed_items("Medical-Surgical Nursing", ["Nursing"]) == ["Medical-Surgical Nursing"]
    assert listed_items("− Microsoft Office", ["Microsoft Office"]) == []


def test_a_skills_parenthesis_lists_items_of_its_own():
    line = "CRM (VinSolutions, DealerSocket)"
    assert listed_items(line, ["CRM", "DealerSocket"]) == ["VinSolutions"]
    # A phrase that is no skill takes its parenthesis with it.
    line = "Statistics, published best-selling book (Notes on Nursing), lamps"
    kept = listed_items(line, ["Statistics"])
    assert "Notes on Nursing" not in kept and "published best-selling book" not in kept


def test_levels_counts_and_page_numbers_are_not_items():
    assert listed_items("Python (proficient), SQL (3 years)", ["Python", "SQL"]) == []
    assert listed_items("1 / 2", []) == []
    assert listed_items("English: Fluent", []) == ["English"]  # the language, not its level


def test_a_category_names_a_skill_unless_it_only_groups():
    assert listed_items("- Prototyping: Figma, Sketch", ["Figma", "Sketch"]) == ["Prototyping"]
    assert listed_items("- Design Tools: Adobe Photoshop", ["Adobe Photoshop"]) == []
    assert listed_items("Languages: Python, Go", ["Python", "Go"]) == []
    # A category the finder already found is that skill, not a second one of the user's own.
    assert (
        listed_items(
            "- **Project Management**: Agile, Scrum", ["Project Management", "Agile", "Scrum"]
        )
        == []
    )


def test_slash_lists_name_each_item_but_a_found_name_stays_whole():
    assert listed_items("Trello/Asana", []) == ["Trello", "Asana"]
    assert listed_items("CI/CD, Terraform", ["CI/CD", "Terraform"]) == []


def test_a_certificate_names_what_it_certifies():
    assert certificate_skill("Basic Sterile Technique Certificate") == "Basic Sterile Technique"
    assert certificate_skill("Cholera Management Programme") == "Cholera Management"
    assert certificate_skill("Culinary Mastery Diploma (CMD)") == "Culinary Mastery"
    assert certificate_skill("2019") is None


def test_other_professions_keep_their_listed_skills(finder):
    chef = parse_resume(
        shared_path("resumes", "other-professions", "files", "orest_general_template.pdf"),
        finder,
        today=date(2026, 2, 10),
    )
    names = {s.name.casefold() for s in chef.skills}
    assert {"contract negotiation", "budgeting", "change management"} <= names
    assert "culinary mastery" in names  # from the diploma
    assert not {"company name", "university name", "international gourmet institute"} & names


def test_the_field_someone_moves_into_is_not_their_skill(tmp_path, finder):
    resume = tmp_path / "resume.md"
    resume.write_text(
        "# Ana Ruiz\n\n## Summary\n"
        "Registered nurse with 6 years of ward experience, moving into health informatics "
        "and data analysis with SQL.\n\n## Skills\n- Python, Tableau\n",
        encoding="utf-8",
    )
    names = {s.name for s in parse_resume(resume, finder, today=date(2026, 2, 10)).skills}
    assert {"Python", "Tableau"} <= names
    assert not {"SQL", "Health informatics", "health informatics"} & names


def test_names_joined_by_and_are_the_names_not_a_third_skill():
    # Issue 15: "SQL & Python" lists two skills the finder found, not a skill of its own.
    assert listed_items("SQL & Python", ["SQL", "Python"]) == []
    assert listed_items("SQL and Python", ["SQL", "Python"]) == []
    assert listed_items("Medical-Surgical Nursing", ["Nursing"]) == ["Medical-Surgical Nursing"]


def test_degrees_memberships_and_experience_headings_are_not_skills():
    assert listed_items("Bachelor of Science in Nursing", []) == []
    assert listed_items("Member of the American Nurses Association", []) == []
    assert listed_items("Relevant Experience", []) == []
    assert listed_items("Research and Development", []) == ["Research and Development"]
