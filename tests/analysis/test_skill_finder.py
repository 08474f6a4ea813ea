"""The skill finder on the real vocabulary: punctuation, longest match, context, messy text."""

from __future__ import annotations

import pytest

from careerplanner.analysis.skill_finder import SkillFinder, tokenize
from careerplanner.core.skills import SkillTerm


def names(finder, text, **options):
    return [m.name for m in finder.find(text, **options)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wrote services in C++ and C# on .NET", {"C++", "C#", ".NET"}),
        ("Backend in Node.js with CI/CD pipelines", {"Node.js", "CI/CD"}),
        ("Ran A/B testing for the checkout", {"A/B Testing"}),
        ("Deployed on k8s with postgres", {"Kubernetes", "PostgreSQL"}),
    ],
)
def test_punctuated_names_survive(finder, text, expected):
    assert expected <= set(names(finder, text))


def test_longest_match_wins(finder):
    found = finder.find("Built apps with React Native and Spring Boot")
    assert [m.name for m in found] == ["React Native", "Spring Boot"]
    assert found[0].surface == "React Native"


def test_ambiguous_short_names_need_context(finder):
    assert names(finder, "We will go to the market and spring into action.") == []
    assert "Go" in names(finder, "Proficient in Go, Python and Rust")
    assert "Rust" in names(finder, "Proficient in Go, Python and Rust")
    assert "R" in names(finder, "standardized the Python and R dependencies")
    assert "R" not in names(finder, "R. Smith wrote the report")


def test_excel_inside_excellent_is_not_excel(finder):
    assert "Microsoft Excel" not in names(finder, "Excellent communication skills")
    assert "Microsoft Excel" in names(finder, "Skills: Excel, Tableau, SQL")


def test_a_name_runs_over_a_possessive_apostrophe(finder):
    for text in ("Holds a Commercial Driver's License.", "Commercial Driver’s License • SQL"):
        assert "Commercial Driver's License (CDL)" in names(finder, text)


def test_the_second_half_of_a_prefixed_word_is_no_name(finder):
    # "in-house design" is design done in house, not the design of houses.
    assert "house design" not in [n.casefold() for n in names(finder, "Led in-house design.")]
    assert "house design" in [n.casefold() for n in names(finder, "Led house design.")]
    # Nor does a hyphenated phrase's last word ("on-the-job training").
    assert "job training" not in [
        n.casefold() for n in names(finder, "8,000 hours of on-the-job training")
    ]
    # A prefix that repeats the activity keeps it; a product glued to its vendor stays found.
    assert "Microsoft Excel" in names(finder, "Advanced MS-Excel and Python-Django")
    assert "Django" in names(finder, "Advanced MS-Excel and Python-Django")


def test_a_skills_list_is_trusted(finder):
    assert {"Go", "C", "Swift"} <= set(names(finder, "Go • C • Swift", trusted=True))


def test_ligatures_soft_hyphens_and_split_words(finder):
    text = "Artiﬁcial Intelligence and Kuber\u00ad\nnetes, also Con-\nsul"
    cleaned = finder.clean(text)
    assert "Artificial Intelligence" in cleaned and "Kubernetes" in cleaned
    found = names(finder, text)
    assert "Artificial Intelligence" in found and "Kubernetes" in found


def test_icon_glyphs_and_cid_codes_are_ignored(finder):
    text = "\uf09b github.com/me (cid:131) \U0001f4f1 Docker"
    assert names(finder, text) == ["Docker"]


def test_placeholders_find_nothing(finder):
    assert names(finder, "category 1 XXX, YYY, ZZZ\nLanguage 1 Skill level\nAll the rest") == []


def test_spans_and_lines_point_at_the_text(finder):
    text = "Summary\nBuilt pipelines with Apache Kafka"
    [mention] = finder.find(text)
    assert text[mention.start : mention.end] == "Apache Kafka" and mention.line == 2


def test_a_small_vocabulary_works_without_the_datasets():
    finder = SkillFinder([SkillTerm("technology:python", "Python", ("py3",))])
    assert [m.key for m in finder.find("python, Py3")] == ["technology:python"] * 2
    assert tokenize("C++/CI/CD .NET") == ["c", "++", "/", "ci", "/", "cd", ".", "net"]
