"""Market figures computed from job postings: the maths only, standard library only.

Postings are fed one at a time to a `MarketAggregator` (so a 100 MB file never sits in memory);
`figures()` then returns every figure of product.md for all postings and for each role:

- jobs analysed (n) and the small-sample flag (n < 30);
- demand rate, required depth (median, mean, L0–L5 distribution) per skill;
- median pay with and without the skill (both counts), and whether the skill raises pay;
- pairings (share and lift), role and seniority breakdowns, a role's pay percentiles.

Salaries are annual amounts in the posting's currency; `None` means the posting had none.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

SMALL_SAMPLE_N = 30
"""Figures resting on fewer jobs than this are flagged "small sample"."""

PAY_RAISE_MIN_MATCHES = 3
"""A skill counts as raising pay only with at least this many salaried postings on each side."""

ALL_ROLES = ""
"""The scope key meaning "all postings" (roles themselves are never empty)."""

LEVELS = range(6)
PAY_PERCENTILES = (10, 25, 50, 75, 90)


def is_small_sample(n: int) -> bool:
    """True when a figure rests on fewer than `SMALL_SAMPLE_N` jobs."""
    return n < SMALL_SAMPLE_N


@dataclass(frozen=True)
class PostingFacts:
    """What one posting contributes: its role, seniority, annual pay and required skills."""

    role: str
    seniority: str
    salary: float | None
    skills: Mapping[str, int]  # skill key -> required level 0..5
    nice: frozenset[str] = frozenset()  # the keys of `skills` asked for only as nice to have
    # A posting filed under several roles ("Health" and "Policy, Research & Analysis") counts in
    # each of them, and once in all postings.
    other_roles: tuple[str, ...] = ()

    @property
    def roles(self) -> tuple[str, ...]:
        return (self.role, *(r for r in self.other_roles if r != self.role))


@dataclass(frozen=True)
class SkillFigures:
    """Every per-skill figure within one scope (all postings, or one role)."""

    role: str  # ALL_ROLES for all postings
    skill_key: str
    skill_name: str
    jobs: int  # postings in scope (n)
    jobs_with_skill: int
    demand_rate: float
    depth_median: float
    depth_mean: float
    depth_distribution: tuple[int, int, int, int, int, int]  # postings at L0..L5
    salary_with_median: float | None
    salary_with_n: int
    salary_without_median: float | None
    salary_without_n: int
    raises_pay: bool
    # Postings asking for it as a must / only as nice to have (must + nice = jobs_with_skill);
    # None when not recorded (a postings version imported before they were).
    jobs_must: int | None = None
    jobs_nice: int | None = None
    seniority: tuple[tuple[str, int], ...] = ()  # (seniority, postings with the skill), most first

    @property
    def demand_rate_must(self) -> float | None:
        """Share of the scope's postings requiring the skill as a must."""
        return None if self.jobs_must is None else self.jobs_must / self.jobs

    @property
    def demand_rate_nice(self) -> float | None:
        """Share of the scope's postings naming the skill only as nice to have."""
        return None if self.jobs_nice is None else self.jobs_nice / self.jobs

    @property
    def small_sample(self) -> bool:
        """The demand rate rests on fewer than 30 jobs."""
        return is_small_sample(self.jobs)

    @property
    def depth_small_sample(self) -> bool:
        """The required depth rests on fewer than 30 postings that require the skill."""
        return is_small_sample(self.jobs_with_skill)

    @property
    def salary_premium(self) -> float | None:
        """Median pay with the skill minus without it, where both exist."""
        if self.salary_with_median is None or self.salary_without_median is None:
            return None
        return self.salary_with_median - self.salary_without_median


class Pairing(NamedTuple):
    """How often `other_key` appears in postings that require `skill_key`.

    A named tuple rather than a frozen dataclass: a postings file yields hundreds of thousands
    (the City's: 199,095 over its 327 jobs), and a frozen dataclass takes five times as long to
    make, a fifth of computing every figure."""

    role: str
    skill_key: str
    other_key: str
    together: int
    share: float  # together / postings with skill_key
    lift: float  # share / demand rate of other_key (1.0 = independent)


@dataclass(frozen=True)
class RoleFigures:
    """A scope's size, pay percentiles and seniority breakdown."""

    role: str
    jobs: int
    jobs_with_salary: int
    pay_percentiles: tuple[float, float, float, float, float] | None  # p10, p25, median, p75, p90
    seniority: tuple[tuple[str, int], ...]  # (seniority, postings), most common first

    @property
    def small_sample(self) -> bool:
        return is_small_sample(self.jobs)


@dataclass(frozen=True)
class MarketFigures:
    roles: list[RoleFigures]
    skills: list[SkillFigures]
    pairings: list[Pairing]

    def role(self, role: str) -> RoleFigures:
        return next(r for r in self.roles if r.role == role)

    def skill(self, skill_key: str, role: str = ALL_ROLES) -> SkillFigures:
        return next(s for s in self.skills if s.skill_key == skill_key and s.role == role)


# ---------------------------------------------------------------------------- statistics


def median(sorted_values: Sequence[float]) -> float | None:
    """The median of an already sorted sequence; None when it is empty."""
    n = len(sorted_values)
    if n == 0:
        return None
    mid = n // 2
    if n % 2:
        return float(sorted_values[mid])
    return (sorted_values[mid - 1] + sorted_values[mid]) / 2


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """Linear-interpolation percentile (numpy's default), `p` in 0..100, non-empty input."""
    position = (len(sorted_values) - 1) * p / 100
    low = int(position)
    high = min(low + 1, len(sorted_values) - 1)
    fraction = position - low
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * fraction


def _kth_of_difference(whole: Sequence[float], part: Sequence[float], k: int) -> float:
    """The k-th smallest (0-based) of the multiset `whole` minus its sub-multiset `part`.

    Both sorted. Binary search over `whole` instead of building the difference: a skill's "pay
    without it" then costs O(log² n) rather than a pass over every salary.
    """
    low, high = 0, len(whole) - 1
    while low < high:
        mid = (low + high) // 2
        value = whole[mid]
        remaining = bisect.bisect_right(whole, value) - bisect.bisect_right(part, value)
        if remaining >= k + 1:
            high = mid
        else:
            low = mid + 1
    return float(whole[low])


def median_of_difference(whole: Sequence[float], part: Sequence[float]) -> float | None:
    """The median of `whole` without the values of `part` (both sorted, part ⊆ whole)."""
    n = len(whole) - len(part)
    if n <= 0:
        return None
    mid = n // 2
    if n % 2:
        return _kth_of_difference(whole, part, mid)
    return (_kth_of_difference(whole, part, mid - 1) + _kth_of_difference(whole, part, mid)) / 2


def depth_median(distribution: Sequence[int]) -> float:
    """The median level of an L0..L5 count distribution (x.5 between two levels)."""
    total = sum(distribution)
    if total == 0:
        raise ValueError("no postings in the distribution")

    def level_at(index: int) -> int:
        seen = 0
        for level, count in enumerate(distribution):
            seen += count
            if index < seen:
                return level
        raise IndexError(index)

    if total % 2:
        return float(level_at(total // 2))
    return (level_at(total // 2 - 1) + level_at(total // 2)) / 2


# ---------------------------------------------------------------------------- aggregation


class _Scope:
    """Running totals for one scope; only counts and salary lists are kept, never postings."""

    __slots__ = (
        "distributions",
        "jobs",
        "nice",
        "pairs",
        "salaries",
        "seniority",
        "skill_salaries",
        "skill_seniority",
    )

    def __init__(self) -> None:
        self.jobs = 0
        self.salaries: list[float] = []
        self.seniority: Counter[str] = Counter()
        self.distributions: dict[str, list[int]] = {}
        self.skill_salaries: defaultdict[str, list[float]] = defaultdict(list)
        self.nice: Counter[str] = Counter()  # postings asking for the skill only as nice
        self.skill_seniority: defaultdict[str, Counter[str]] = defaultdict(Counter)
        # Pairs of skills by their integer ids (`MarketAggregator._ids`), the lower-keyed first:
        # half a million are counted in the City's file, and small integers hash and compare
        # faster than pairs of strings.
        self.pairs: Counter[tuple[int, int]] = Counter()

    def add(self, facts: PostingFacts, keys: list[str], pairs: list[tuple[int, int]]) -> None:
        self.jobs += 1
        self.seniority[facts.seniority] += 1
        salary = facts.salary
        if salary is not None:
            self.salaries.append(salary)
        distributions = self.distributions
        for key in keys:
            counts = distributions.get(key)
            if counts is None:
                counts = distributions[key] = [0] * 6
            counts[facts.skills[key]] += 1
            if salary is not None:
                self.skill_salaries[key].append(salary)
            self.skill_seniority[key][facts.seniority] += 1
        for key in facts.nice:
            self.nice[key] += 1
        if pairs:
            self.pairs.update(pairs)


class MarketAggregator:
    """Accumulates postings one by one; `figures()` turns the totals into market figures."""

    def __init__(self, top_pairings: int = 10) -> None:
        self.top_pairings = top_pairings
        self._scopes: dict[str, _Scope] = {ALL_ROLES: _Scope()}
        # Pairs of postings filed under k roles, counted k - 1 times too often by summing the
        # roles' pairs (see `_all_pairs`).
        self._extra_pairs: Counter[tuple[int, int]] = Counter()
        self._ids: dict[str, int] = {}  # skill key -> its id in the scopes' pairs

    @property
    def jobs(self) -> int:
        return self._scopes[ALL_ROLES].jobs

    def add(self, facts: PostingFacts) -> None:
        """Count one posting in "all postings" and in its role."""
        if not facts.role:
            raise ValueError("a posting's role must not be empty")
        for level in facts.skills.values():
            if level not in LEVELS:
                raise ValueError(f"required level {level!r} is outside L0..L5")
        if not facts.nice <= facts.skills.keys():
            raise ValueError("a nice-to-have skill must be one of the posting's skills")
        keys = sorted(facts.skills)
        # Pairs are the costliest count; the pairs of all postings are the sum of the roles'
        # pairs (less the repeats of postings under several roles), added up in `figures()`.
        self._scopes[ALL_ROLES].add(facts, keys, [])
        ids = self._ids
        for key in keys:
            if key not in ids:
                ids[key] = len(ids)
        # Worked out once for all of the posting's roles.
        pairs = list(itertools.combinations([ids[key] for key in keys], 2))
        roles = facts.roles
        for role in roles:
            if not role:
                raise ValueError("a posting's role must not be empty")
            scope = self._scopes.get(role)
            if scope is None:
                scope = self._scopes[role] = _Scope()
            scope.add(facts, keys, pairs)
        if len(roles) > 1:
            for _ in range(len(roles) - 1):
                self._extra_pairs.update(pairs)

    def _all_pairs(self) -> Counter[tuple[int, int]]:
        total: Counter[tuple[int, int]] = Counter()
        for role, scope in self._scopes.items():
            if role != ALL_ROLES:
                total.update(scope.pairs)
        total.subtract(self._extra_pairs)
        return +total  # drops the pairs left at zero

    def figures(self, skill_names: Mapping[str, str] | None = None) -> MarketFigures:
        """Every figure for all postings and each role; names default to the skill keys."""
        names = skill_names or {}
        roles, skills, pairings = [], [], []
        for role in sorted(self._scopes):
            scope = self._scopes[role]
            roles.append(_role_figures(role, scope))
            skills.extend(_skill_figures(role, scope, names))
            pairs = self._all_pairs() if role == ALL_ROLES else scope.pairs
            pairings.extend(_pairings(role, scope, pairs, self._ids, self.top_pairings))
        return MarketFigures(roles=roles, skills=skills, pairings=pairings)


def aggregate(
    postings: Iterable[PostingFacts], skill_names: Mapping[str, str] | None = None
) -> MarketFigures:
    """Convenience: aggregate an iterable of postings in one call."""
    aggregator = MarketAggregator()
    for facts in postings:
        aggregator.add(facts)
    return aggregator.figures(skill_names)


def _role_figures(role: str, scope: _Scope) -> RoleFigures:
    salaries = sorted(scope.salaries)
    percentiles = None
    if salaries:
        p10, p25, p50, p75, p90 = (percentile(salaries, p) for p in PAY_PERCENTILES)
        percentiles = (p10, p25, p50, p75, p90)
    seniority = tuple(sorted(scope.seniority.items(), key=lambda item: (-item[1], item[0])))
    return RoleFigures(
        role=role,
        jobs=scope.jobs,
        jobs_with_salary=len(salaries),
        pay_percentiles=percentiles,
        seniority=seniority,
    )


def _skill_figures(role: str, scope: _Scope, names: Mapping[str, str]) -> list[SkillFigures]:
    all_salaries = sorted(scope.salaries)
    figures = []
    for key in sorted(scope.distributions):
        distribution = scope.distributions[key]
        with_skill = sum(distribution)
        salaries_with = sorted(scope.skill_salaries.get(key, ()))
        with_median = median(salaries_with)
        without_median = median_of_difference(all_salaries, salaries_with)
        without_n = len(all_salaries) - len(salaries_with)
        raises = (
            len(salaries_with) >= PAY_RAISE_MIN_MATCHES
            and without_n >= PAY_RAISE_MIN_MATCHES
            and with_median is not None
            and without_median is not None
            and with_median > without_median
        )
        figures.append(
            SkillFigures(
                role=role,
                skill_key=key,
                skill_name=names.get(key, key),
                jobs=scope.jobs,
                jobs_with_skill=with_skill,
                demand_rate=with_skill / scope.jobs,
                depth_median=depth_median(distribution),
                depth_mean=sum(level * count for level, count in enumerate(distribution))
                / with_skill,
                depth_distribution=tuple(distribution),
                salary_with_median=with_median,
                salary_with_n=len(salaries_with),
                salary_without_median=without_median,
                salary_without_n=without_n,
                raises_pay=raises,
                jobs_must=with_skill - scope.nice[key],
                jobs_nice=scope.nice[key],
                seniority=tuple(
                    sorted(scope.skill_seniority[key].items(), key=lambda item: (-item[1], item[0]))
                ),
            )
        )
    return figures


def _pairings(
    role: str,
    scope: _Scope,
    pairs: Mapping[tuple[int, int], int],
    ids: Mapping[str, int],
    top: int,
) -> list[Pairing]:
    """Each skill's `top` partners: most postings together first, then the higher lift, then by
    key. Each skill sorts only its own partners, not every pair of the scope. `pairs` are by
    skill id (`ids[key]`).

    For one skill, lift = together * jobs / (its count * the partner's count): among partners
    with as many postings together, the higher lift is the partner with fewer postings, so the
    order needs no division; lift is worked out only for the `top` partners kept."""
    counts = {key: sum(dist) for key, dist in scope.distributions.items()}
    jobs = scope.jobs
    # A partner's place in the order as one integer, -together * width + the partner's rank by
    # (count, key): integers sort several times faster than tuples, and most of a scope's pairs
    # are only sorted, never kept.
    by_rank = sorted(counts, key=lambda key: (counts[key], key))
    width = len(by_rank)
    rank = [0] * len(ids)  # skill id -> rank (ids of skills outside the scope are never read)
    for place, key in enumerate(by_rank):
        rank[ids[key]] = place
    partners: list[list[int] | None] = [None] * len(ids)
    for (a, b), together in pairs.items():
        placed = partners[a]
        if placed is None:
            placed = partners[a] = []
        placed.append(rank[b] - together * width)
        placed = partners[b]
        if placed is None:
            placed = partners[b] = []
        placed.append(rank[a] - together * width)
    pairings = []
    make = tuple.__new__  # a Pairing without its Python-level constructor: 200,000 are made
    for key in sorted(counts):
        placed = partners[ids[key]]
        if placed is None:
            continue
        count = counts[key]
        placed.sort()
        for code in placed[:top]:
            negative_together, other_rank = divmod(code, width)
            together = -negative_together
            other = by_rank[other_rank]
            lift = together * jobs / (count * counts[other])
            pairings.append(make(Pairing, (role, key, other, together, together / count, lift)))
    return pairings
