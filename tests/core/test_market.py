"""Market-figure maths, checked against a naive recomputation from the raw postings."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.core.market import (
    ALL_ROLES,
    MarketAggregator,
    PostingFacts,
    aggregate,
    depth_median,
    median_of_difference,
    percentile,
)


def naive_figures(postings, role, key):
    """Recompute one skill's figures the slow, obvious way."""
    scope = [p for p in postings if role == ALL_ROLES or p.role == role]
    with_skill = [p for p in scope if key in p.skills]
    without = [p for p in scope if key not in p.skills]
    levels = [p.skills[key] for p in with_skill]
    pay_with = [p.salary for p in with_skill if p.salary is not None]
    pay_without = [p.salary for p in without if p.salary is not None]
    return {
        "jobs": len(scope),
        "jobs_with_skill": len(with_skill),
        "demand_rate": len(with_skill) / len(scope),
        "depth_median": statistics.median(levels),
        "depth_mean": statistics.mean(levels),
        "depth_distribution": tuple(levels.count(level) for level in range(6)),
        "salary_with_median": statistics.median(pay_with) if pay_with else None,
        "salary_with_n": len(pay_with),
        "salary_without_median": statistics.median(pay_without) if pay_without else None,
        "salary_without_n": len(pay_without),
    }


postings_strategy = st.lists(
    st.builds(
        PostingFacts,
        role=st.sampled_from(["Data Scientist", "Data Engineer", "Analyst"]),
        seniority=st.sampled_from(["senior", "junior", "unspecified"]),
        salary=st.one_of(st.none(), st.integers(20_000, 300_000).map(float)),
        skills=st.dictionaries(
            st.sampled_from(["python", "sql", "spark", "r", "aws", "excel"]),
            st.integers(0, 5),
            max_size=5,
        ),
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(postings_strategy)
def test_every_skill_figure_matches_a_naive_recomputation(postings):
    figures = aggregate(postings)
    for skill in figures.skills:
        expected = naive_figures(postings, skill.role, skill.skill_key)
        for name, value in expected.items():
            assert getattr(skill, name) == pytest.approx(value), (skill.role, skill.skill_key, name)


@settings(max_examples=100, deadline=None)
@given(postings_strategy)
def test_pairings_share_and_lift_match_a_naive_recomputation(postings):
    figures = aggregate(postings)
    for pair in figures.pairings:
        scope = [p for p in postings if pair.role == ALL_ROLES or p.role == pair.role]
        with_a = [p for p in scope if pair.skill_key in p.skills]
        with_b = [p for p in scope if pair.other_key in p.skills]
        both = [p for p in with_a if pair.other_key in p.skills]
        assert pair.together == len(both) > 0
        assert pair.share == pytest.approx(len(both) / len(with_a))
        assert pair.lift == pytest.approx((len(both) / len(with_a)) / (len(with_b) / len(scope)))


def test_roles_seniority_and_pay_percentiles():
    salaries = [50_000.0, 60_000.0, 70_000.0, 80_000.0, 90_000.0, None]
    postings = [
        PostingFacts("Data Scientist", "senior" if i < 2 else "unspecified", pay, {"python": 3})
        for i, pay in enumerate(salaries)
    ] + [PostingFacts("Analyst", "junior", 40_000.0, {"excel": 1})]
    figures = aggregate(postings)
    scientist = figures.role("Data Scientist")
    assert scientist.jobs == 6
    assert scientist.jobs_with_salary == 5
    assert scientist.pay_percentiles == (54_000.0, 60_000.0, 70_000.0, 80_000.0, 86_000.0)
    assert scientist.seniority == (("unspecified", 4), ("senior", 2))
    assert scientist.small_sample
    everyone = figures.role(ALL_ROLES)
    assert everyone.jobs == 7
    assert everyone.seniority == (("unspecified", 4), ("senior", 2), ("junior", 1))
    # Role breakdown of a skill: its per-role rows say where its demand comes from.
    python_by_role = {s.role: s.jobs_with_skill for s in figures.skills if s.skill_key == "python"}
    assert python_by_role == {ALL_ROLES: 6, "Data Scientist": 6}


def test_pay_raising_needs_three_matches_on_each_side():
    def postings(with_skill: int) -> list[PostingFacts]:
        rich = [PostingFacts("R", "s", 200_000.0, {"spark": 3}) for _ in range(with_skill)]
        rest = [PostingFacts("R", "s", 100_000.0, {}) for _ in range(3)]
        return rich + rest

    assert not aggregate(postings(2)).skill("spark").raises_pay
    three = aggregate(postings(3)).skill("spark")
    assert three.raises_pay
    assert three.salary_premium == 100_000.0


def test_pay_not_raised_when_the_skill_pays_less():
    postings = [PostingFacts("R", "s", 50_000.0, {"excel": 1}) for _ in range(4)] + [
        PostingFacts("R", "s", 90_000.0, {}) for _ in range(4)
    ]
    excel = aggregate(postings).skill("excel")
    assert not excel.raises_pay
    assert excel.salary_premium == -40_000.0


def test_small_sample_flag_switches_at_thirty():
    assert aggregate([PostingFacts("R", "s", None, {"sql": 2})] * 29).skill("sql").small_sample
    big = aggregate([PostingFacts("R", "s", None, {"sql": 2})] * 30).skill("sql")
    assert not big.small_sample
    assert not big.depth_small_sample


def naive_top_partners(postings, role, key, top):
    """A skill's top partners the obvious way: most postings together, higher lift, then key."""
    scope = [p for p in postings if role == ALL_ROLES or p.role == role]
    count = {k: sum(k in p.skills for p in scope) for p in scope for k in p.skills}
    together = {}
    for p in scope:
        if key in p.skills:
            for other in p.skills:
                if other != key:
                    together[other] = together.get(other, 0) + 1
    a_b = {other: tuple(sorted((key, other))) for other in together}
    ranked = sorted(
        together,
        key=lambda other: (
            -together[other],
            -(together[other] * len(scope) / (count[a_b[other][0]] * count[a_b[other][1]])),
            other,
        ),
    )
    return ranked[:top]


@settings(max_examples=150, deadline=None)
@given(postings_strategy, st.integers(1, 4))
def test_each_skill_keeps_its_top_partners_in_order(postings, top):
    aggregator = MarketAggregator(top_pairings=top)
    for facts in postings:
        aggregator.add(facts)
    figures = aggregator.figures()
    for role in {ALL_ROLES, *(p.role for p in postings)}:
        for key in {k for p in postings for k in p.skills}:
            listed = [
                p.other_key for p in figures.pairings if p.role == role and p.skill_key == key
            ]
            assert listed == naive_top_partners(postings, role, key, top)


def test_pairing_list_is_cut_to_the_top_n():
    skills = {f"s{i}": 2 for i in range(15)}
    aggregator = MarketAggregator(top_pairings=4)
    aggregator.add(PostingFacts("R", "s", None, skills))
    figures = aggregator.figures()
    per_skill = [p for p in figures.pairings if p.role == ALL_ROLES and p.skill_key == "s0"]
    assert len(per_skill) == 4


def test_names_are_used_when_given():
    figures = aggregate(
        [PostingFacts("R", "s", None, {"technology:c++": 3})], {"technology:c++": "C++"}
    )
    assert figures.skill("technology:c++").skill_name == "C++"


def test_bad_postings_are_refused():
    aggregator = MarketAggregator()
    with pytest.raises(ValueError):
        aggregator.add(PostingFacts("", "s", None, {}))
    with pytest.raises(ValueError):
        aggregator.add(PostingFacts("R", "s", None, {"x": 6}))


@given(st.lists(st.integers(0, 100), min_size=1), st.data())
def test_median_of_difference_is_the_median_of_what_is_left(whole, data):
    whole.sort()
    taken = data.draw(st.lists(st.booleans(), min_size=len(whole), max_size=len(whole)))
    part = [value for value, take in zip(whole, taken, strict=True) if take]
    remaining = [value for value, take in zip(whole, taken, strict=True) if not take]
    expected = statistics.median(remaining) if remaining else None
    assert median_of_difference(whole, part) == expected


def test_percentile_matches_statistics_inclusive_quantiles():
    values = sorted([3.0, 9.0, 1.0, 7.0, 5.0, 11.0, 2.0])
    quartiles = statistics.quantiles(values, n=4, method="inclusive")
    assert [percentile(values, p) for p in (25, 50, 75)] == pytest.approx(quartiles)
    assert percentile([42.0], 90) == 42.0


def test_depth_median_of_a_distribution():
    assert depth_median((0, 1, 0, 1, 0, 0)) == 2.0
    assert depth_median((0, 0, 3, 0, 0, 1)) == 2.0
    assert depth_median((1, 0, 0, 0, 0, 0)) == 0.0
