"""Must and nice counts, the seniority a skill's demand comes from, postings under several roles."""

from __future__ import annotations

import pytest

from careerplanner.core.market import ALL_ROLES, PostingFacts, aggregate


def test_must_and_nice_counts_and_rates():
    postings = [
        PostingFacts("Analyst", "junior", None, {"excel": 2, "sql": 2}, frozenset({"excel"})),
        PostingFacts("Analyst", "senior", None, {"excel": 3}),
        PostingFacts("Analyst", "senior", None, {"excel": 1}, frozenset({"excel"})),
        PostingFacts("Analyst", "senior", None, {}),
    ]
    excel = aggregate(postings).skill("excel")
    assert (excel.jobs_with_skill, excel.jobs_must, excel.jobs_nice) == (3, 1, 2)
    assert excel.demand_rate_must == pytest.approx(1 / 4)
    assert excel.demand_rate_nice == pytest.approx(2 / 4)
    # The seniority of the postings asking for it, most first: where its demand comes from.
    assert excel.seniority == (("senior", 2), ("junior", 1))


def test_a_nice_skill_must_be_one_of_the_postings_skills():
    with pytest.raises(ValueError, match="nice-to-have"):
        aggregate([PostingFacts("R", "s", None, {"sql": 2}, frozenset({"excel"}))])


def test_a_posting_under_several_roles_counts_in_each_and_once_in_all():
    both = PostingFacts("Health", "s", 80_000.0, {"excel": 2, "sql": 2}, other_roles=("Policy",))
    health = PostingFacts("Health", "s", 60_000.0, {"excel": 2, "sql": 3})
    figures = aggregate([both, health])
    assert {r.role: r.jobs for r in figures.roles} == {ALL_ROLES: 2, "Health": 2, "Policy": 1}
    assert figures.skill("sql").jobs_with_skill == 2
    assert figures.skill("sql", "Policy").jobs_with_skill == 1
    # The pair (excel, sql) is in two postings, not three.
    pair = next(p for p in figures.pairings if p.role == ALL_ROLES and p.skill_key == "excel")
    assert (pair.other_key, pair.together) == ("sql", 2)


def test_figures_of_an_old_version_say_not_recorded():
    old = aggregate([PostingFacts("R", "s", None, {"sql": 2})]).skill("sql")
    assert old.jobs_must == 1  # recorded now; a version stored before m002 reads None instead
