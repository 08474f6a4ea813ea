"""The gap maths: priority, fit score, what-if, side-by-side comparison."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerplanner.core.gap import (
    Requirement,
    SkillLevels,
    best_next_steps,
    compare_roles,
    compute_gap,
    fit_score,
    weight_from_importance,
    what_if,
)

REQUIREMENTS = [
    Requirement("technology:sql", "SQL", 3, 0.8),
    Requirement("technology:python", "Python", 3, 0.6),
    Requirement("technology:docker", "Docker", 2, 0.2),
]


def test_rows_carry_gap_and_priority_and_are_ordered_by_priority():
    gap = compute_gap("15-1252.00", "Software Developers", REQUIREMENTS, {"technology:sql": 2})
    by_key = {row.skill_key: row for row in gap.rows}
    assert by_key["technology:sql"].gap == 1
    assert by_key["technology:python"].gap == 3
    assert by_key["technology:python"].priority == pytest.approx(1.8)
    assert by_key["technology:sql"].priority == pytest.approx(0.8)
    assert [row.skill_name for row in gap.rows] == ["Python", "SQL", "Docker"]


def test_exceeding_a_requirement_is_no_negative_gap():
    gap = compute_gap("x", "X", REQUIREMENTS[:1], {"technology:sql": 5})
    assert gap.rows[0].gap == 0
    assert gap.rows[0].met
    assert gap.fit == 1.0


def test_fit_is_the_demand_weighted_share_met():
    levels = {"technology:sql": 3, "technology:docker": 2}
    gap = compute_gap("x", "X", REQUIREMENTS, levels)
    assert gap.fit == pytest.approx((0.8 + 0.2) / 1.6)


def test_fit_without_weights_counts_requirements_equally():
    unweighted = [
        Requirement(r.skill_key, r.skill_name, r.required_level, 0.0) for r in REQUIREMENTS
    ]
    gap = compute_gap("x", "X", unweighted, {"technology:sql": 4})
    assert gap.fit == pytest.approx(1 / 3)


def test_a_role_without_requirements_is_a_full_fit():
    assert fit_score([]) == 1.0


def test_what_if_reports_before_and_after():
    gap = compute_gap("x", "Data Engineer", REQUIREMENTS, {"technology:sql": 2})
    change = what_if(gap, "technology:sql", 3)
    assert change.fit_before == pytest.approx(0.0)
    assert change.fit_after == pytest.approx(0.5)
    assert change.sentence("Data Engineer") == (
        "Raise SQL from L2 to L3: fit for Data Engineer goes from 0% to 50%."
    )


def test_what_if_refuses_unknown_skill_and_bad_level():
    gap = compute_gap("x", "X", REQUIREMENTS, {})
    with pytest.raises(KeyError):
        what_if(gap, "technology:cobol", 3)
    with pytest.raises(ValueError):
        what_if(gap, "technology:sql", 6)


def test_best_next_steps_puts_the_biggest_gain_first():
    gap = compute_gap("x", "X", REQUIREMENTS, {})
    steps = best_next_steps(gap)
    assert [step.skill_name for step in steps] == ["SQL", "Python", "Docker"]


def test_compare_roles_lines_up_requirements():
    first = compute_gap("a", "A", REQUIREMENTS[:2], {"technology:sql": 1})
    second = compute_gap("b", "B", REQUIREMENTS[1:], {"technology:sql": 1})
    rows = {row.skill_key: row for row in compare_roles([first, second])}
    assert rows["technology:sql"].required == (3, None)
    assert rows["technology:docker"].required == (None, 2)
    assert rows["technology:python"].required == (3, 3)
    assert rows["technology:sql"].your_level == 1


levels = st.integers(min_value=0, max_value=5)


@given(
    st.lists(st.tuples(levels, st.floats(0, 1), levels), min_size=1, max_size=30),
)
def test_fit_is_a_share_and_raising_a_level_never_lowers_it(items):
    requirements = [Requirement(f"k{i}", f"S{i}", req, w) for i, (req, w, _) in enumerate(items)]
    yours = {f"k{i}": have for i, (_, _, have) in enumerate(items)}
    gap = compute_gap("x", "X", requirements, yours)
    assert 0.0 <= gap.fit <= 1.0
    for row in gap.rows:
        if row.your_level < 5:
            assert what_if(gap, row.skill_key, row.your_level + 1).fit_after >= gap.fit - 1e-12


def test_importance_maps_to_a_weight_between_zero_and_one():
    assert weight_from_importance(1) == 0.0
    assert weight_from_importance(5) == 1.0
    assert weight_from_importance(3) == pytest.approx(0.5)


def test_an_estimated_rating_counts_and_says_it_is_an_estimate():
    # Issue 15: the user's level in an O*NET rating, estimated from their skills, counts in the
    # fit (labelled "est." with its evidence); a level the user set wins over the estimate.
    programming = Requirement("onet:2.B.3.e", "Programming", 4, 0.7, kind="skill")
    medicine = Requirement("onet:2.C.5.b", "Medicine and Dentistry", 4, 0.9, kind="knowledge")
    evidence = "estimated from your Python L5 (the work of Software Developers, …)"
    levels = SkillLevels(
        {"technology:python": 5},
        estimates={"onet:2.B.3.e": (4, evidence), "onet:2.C.5.b": (1, evidence)},
    )
    gap = compute_gap("15-1252.00", "Software Developers", [programming, medicine], levels)
    rows = {row.skill_key: row for row in gap.rows}
    assert rows["onet:2.B.3.e"].met and rows["onet:2.B.3.e"].your_level_text == "L4 (est.)"
    assert rows["onet:2.B.3.e"].level_from == evidence
    assert not rows["onet:2.C.5.b"].met and rows["onet:2.C.5.b"].counted
    assert gap.fit == pytest.approx(0.7 / 1.6)
    assert "estimated from your skills" in gap.counts_sentence()
    own = SkillLevels({"onet:2.C.5.b": 4}, estimates=levels.estimates)
    assert compute_gap("x", "x", [medicine], own).rows[0].estimated is False
    assert levels.copy().estimates == levels.estimates  # copies keep them


# -- ratings, other keys, categories, names, wording ---------------------------------------------

RATED = [
    Requirement("onet:2.B.3.e", "Programming", 4, 0.8, kind="skill"),
    Requirement("onet:2.C.4.a", "Mathematics", 3, 0.7, kind="knowledge"),
    Requirement("onet:2.A.1.e", "Mathematics", 4, 0.6, kind="skill"),
    Requirement("technology:python", "Python", 3, 0.9, forms=("python",)),
]


def test_a_rating_without_a_level_of_yours_is_shown_but_not_counted():
    gap = compute_gap("x", "X", RATED, {"technology:python": 3})
    by_key = {row.skill_key: row for row in gap.rows}
    assert not by_key["onet:2.B.3.e"].rated and by_key["onet:2.B.3.e"].priority == 0
    assert gap.fit == 1.0  # the one counted requirement is met
    assert len(gap.unrated) == 3 and gap.missing == ()
    assert "3 O*NET skill and knowledge ratings are not counted" in gap.counts_sentence()
    rated = compute_gap("x", "X", RATED, {"technology:python": 3, "onet:2.B.3.e": 2})
    assert rated.fit == pytest.approx(0.9 / (0.9 + 0.8))
    assert rated.rows[0].skill_name == "Programming"  # gap 2 × 0.8: now the top priority


def test_setting_a_rating_in_a_what_if_says_set_and_counts_it():
    gap = compute_gap("x", "X", RATED, {"technology:python": 3})
    change = what_if(gap, "onet:2.B.3.e", 4)
    assert change.fit_after == pytest.approx(1.0) and not change.was_rated
    assert change.sentence("X") == "Set Programming (not rated yet) to L4: fit for X stays at 100%."


def test_lowering_and_keeping_are_worded_as_such():
    gap = compute_gap("x", "Data Engineer", REQUIREMENTS, {"technology:sql": 5})
    assert (
        what_if(gap, "technology:sql", 1)
        .sentence("Data Engineer")
        .startswith("Lower SQL from L5 to L1: fit for Data Engineer goes from")
    )
    assert (
        what_if(gap, "technology:sql", 5)
        .sentence("Data Engineer")
        .startswith("Keep SQL at L5: fit for Data Engineer stays at")
    )


def test_two_requirements_with_one_name_are_told_apart_by_kind():
    names = {row.skill_name for row in compute_gap("x", "X", RATED, {}).rows}
    assert {"Mathematics (knowledge)", "Mathematics (skill)", "Programming"} <= names


def test_a_profile_skill_under_another_key_counts_through_a_shared_name_form():
    requirement = Requirement(
        "technology:structure query language sql",
        "Structure query language SQL",
        3,
        0.9,
        forms=("sql", "structure query language", "structure query language sql"),
    )
    levels = SkillLevels(
        {"technology:structured query language sql": 4},
        by_form={"sql": "technology:structured query language sql"},
        names={"technology:structured query language sql": "SQL"},
    )
    (row,) = compute_gap("x", "X", [requirement], levels).rows
    assert row.your_level == 4 and row.met and row.level_from == "SQL"
    # a plain dict matches by identical key only
    (plain,) = compute_gap("x", "X", [requirement], dict(levels)).rows
    assert plain.your_level == 0


def test_technologies_of_one_category_count_once_and_any_one_meets_it():
    databases = [
        Requirement("technology:mysql", "MySQL", 3, 0.9, group="Database management system"),
        Requirement(
            "technology:postgresql", "PostgreSQL", 3, 0.9, group="Database management system"
        ),
        Requirement("technology:git", "Git", 3, 0.6, group="Configuration management"),
    ]
    gap = compute_gap("x", "X", databases, {"technology:postgresql": 3})
    assert gap.fit == pytest.approx(0.9 / (0.9 + 0.6))
    mysql = next(row for row in gap.rows if row.skill_key == "technology:mysql")
    assert mysql.covered_by == "PostgreSQL" and mysql.priority == 0 and mysql not in gap.missing
    assert "(your PostgreSQL already meets its O*NET category)" in what_if(
        gap, "technology:mysql", 3
    ).sentence("X")


def test_a_rating_with_evidence_is_estimated_and_names_the_evidence():
    programming = Requirement(
        "onet:2.B.3.e",
        "Programming",
        4,
        0.8,
        kind="skill",
        estimate_from=frozenset({"technology:python", "technology:go", "technology:r"}),
    )
    levels = SkillLevels(
        {"technology:python": 5, "technology:r": 3, "technology:excel": 4},
        names={"technology:python": "Python", "technology:r": "R"},
    )
    (row,) = compute_gap("x", "X", [programming], levels).rows
    assert row.rated and row.estimated and row.your_level == 5 and row.met
    assert row.level_from == "estimated from your Python L5, R L3"
    assert row.your_level_text == "L5 (est.)"
    # the user's own level replaces the estimate
    levels["onet:2.B.3.e"] = 2
    (own,) = compute_gap("x", "X", [programming], levels).rows
    assert own.your_level == 2 and not own.estimated
    # no evidence: not rated
    (none,) = compute_gap("x", "X", [programming], {"technology:excel": 4}).rows
    assert not none.rated


def test_side_by_side_marks_an_estimated_level_as_the_single_role_view_does():
    rating = Requirement(
        "onet:2.B.3.e",
        "Programming",
        3,
        0.8,
        kind="skill",
        estimate_from=frozenset({"technology:python"}),
    )
    tech = Requirement("technology:sql", "SQL", 3, 0.9)
    levels = SkillLevels({"technology:python": 4, "technology:sql": 1}, names={})
    first = compute_gap("a", "Role A", [rating, tech], levels)
    second = compute_gap("b", "Role B", [tech], levels)
    rows = {row.skill_key: row for row in compare_roles([first, second])}
    programming = rows["onet:2.B.3.e"]
    single = next(row for row in first.rows if row.skill_key == "onet:2.B.3.e")
    assert programming.your_level_text == single.your_level_text == "L4 (est.)"
    assert programming.level_from == "estimated from your technology:python L4"
    assert programming.required == (3, None)
    assert rows["technology:sql"].your_level_text == "L1"
    assert rows["technology:sql"].required == (3, 3)
