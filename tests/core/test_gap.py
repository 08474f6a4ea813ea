"""The gap maths: priority, fit score, what-if, side-by-side comparison."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerplanner.core.gap import (
    Requirement,
    best_next_steps,
    compare_roles,
    compute_gap,
    fit_score,
    technology_requirement,
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


def test_technology_estimates_rank_in_demand_over_hot_over_listed():
    assert technology_requirement(False, True) == (3, 0.9)
    assert technology_requirement(True, False)[1] > technology_requirement(False, None)[1]
