"""Every role ranked by the user's fit: each O*NET occupation and each postings role.

    rank_roles(user_db, market_db, top=None, progress, cancel) -> RoleRanking

The fit of each role is the gap's own (`core.gap`), against the same requirements the gap
report shows (`services.role_needs`) and the same levels (with the rating estimates). Two
things keep the order honest:

* A fit counted over few requirements is luck as much as fit (three met of three is 100%), so
  the fit is *shrunk toward a prior*: the fit's weighted successes plus `PRIOR_WEIGHT` of
  pseudo-requirements met at the user's median fit across all roles, over the total weight. A
  role with forty requirements keeps nearly its own fit; one with three moves most of the way
  to the median.
* Meeting a role's requirements is half of fitting it: a senior engineer meets most of what a
  teaching assistant's ratings ask, and is not one. The other half is whether the role uses
  what the user does: `uses` is how much of the user's skills the role's own lists name (its
  O*NET technologies and ESCO skills, each skill weighted by its depth and by how specific it
  is; `role_needs.occupation_affinities`), relative to the role that names most of them.

The order is by shrunk fit × uses. The fit shown is the role's real fit, with the count of
requirements behind it and the `uses` share beside it.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from careerplanner.core.gap import RoleGap, compute_gap
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.services.role_needs import (
    POSTINGS_PREFIX,
    RoleRequirements,
    estimated_levels,
    market_index,
    named_use,
    occupation_affinities,
    occupation_needs,
    postings_needs,
    postings_role_for,
    ranked_postings_roles,
)
from careerplanner.store.connection import Database

PRIOR_WEIGHT = 6.0
USE_POWER = 0.5  # pseudo-requirement weight at the median fit (about ten average requirements)


@dataclass(frozen=True)
class RankedRole:
    code: str  # an O*NET code, or "postings:ROLE" for a postings role
    title: str
    source: str  # onet | postings
    fit: float
    score: float  # the fit shrunk toward the median (what the ranking orders by)
    requirements: int  # what the fit counts (a technology category counts once)
    met: int
    weight: float  # the total weight the fit counts
    uses: float = 0.0  # how much of the user's skills the role names, relative to the most
    note: str = ""

    def as_dict(self, rank: int) -> dict:
        return {
            "rank": rank,
            "code": self.code,
            "title": self.title,
            "source": self.source,
            "fit": round(self.fit, 4),
            "ranking_score": round(self.score, 4),
            "requirements": self.requirements,
            "met": self.met,
            "weight": round(self.weight, 3),
            "uses_your_skills": round(self.uses, 4),
            "note": self.note,
        }


@dataclass(frozen=True)
class RoleRanking:
    roles: tuple[RankedRole, ...]
    prior: float  # the median fit the scores shrink toward
    total: int  # how many roles were ranked

    def as_dict(self) -> dict:
        return {
            "ranked": self.total,
            "prior_fit": round(self.prior, 4),
            "prior_weight": PRIOR_WEIGHT,
            "method": METHOD,
            "roles": [role.as_dict(rank) for rank, role in enumerate(self.roles, 1)],
        }


METHOD = (
    "Each role's fit is the demand-weighted share of its requirements you meet (the gap's fit). "
    f"Roles are ordered by that fit shrunk toward your median fit by {PRIOR_WEIGHT:g} units of "
    "weight (a fit counted over few requirements does not outrank one counted over many), "
    "times how much of your skills the role's own skill lists name, relative to the role that "
    "names most (a role whose needs you exceed but that uses little of what you do ranks lower)."
)


def shrunk_fit(fit: float, weight: float, prior: float) -> float:
    """The fit pulled toward `prior` by `PRIOR_WEIGHT` of pseudo-requirements: a fit counted
    over little weight moves most of the way to the prior, one over much weight barely."""
    return (fit * weight + prior * PRIOR_WEIGHT) / (weight + PRIOR_WEIGHT)


def _ranked(gap: RoleGap) -> tuple[float, int, int, float]:
    met = gap.requirement_count - gap.unmet_count
    return gap.fit, gap.requirement_count, met, gap.counted_weight


def rank_roles(
    user_db: Database,
    market_db: Database,
    top: int | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> RoleRanking:
    """Every occupation of the active O*NET version, and every postings role with enough
    postings, ranked by fit (see the module text). `top` keeps the first N."""
    index = market_index(market_db)
    levels = estimated_levels(user_db, market_db)
    affinity = {a.code: a.score for a in occupation_affinities(index, levels)}
    top_affinity = max(affinity.values(), default=0.0) or 1.0
    needs_list: list[RoleRequirements] = []
    codes = sorted(index.titles)
    postings_covered = set()
    for code in codes:
        role = postings_role_for(market_db, code)
        needs = postings_needs(market_db, index, role, code, index.titles[code]) if role else None
        if needs is not None:
            postings_covered.add(role)
        else:
            needs = occupation_needs(index, code)
        if needs is not None:
            needs_list.append(needs)
    for role in ranked_postings_roles(market_db):
        if role not in postings_covered:
            needs = postings_needs(market_db, index, role)
            if needs is not None:
                needs_list.append(needs)
    figures = []
    for done, needs in enumerate(needs_list):
        if done % 50 == 0:
            cancel.check()
            progress(done, len(needs_list), "Ranking every role by your fit")
        gap = compute_gap(needs.code, needs.title, needs.requirements, levels)
        use = affinity.get(needs.code)
        if use is None and needs.code.startswith(POSTINGS_PREFIX):
            use = named_use(index, gap.rows)
        figures.append((needs, *_ranked(gap), use or 0.0))
    counted = [fit for _needs, fit, count, _met, _weight, _use in figures if count]
    prior = statistics.median(counted) if counted else 0.0
    ranked = []
    for needs, fit, count, met, weight, use in figures:
        if not count:
            continue
        uses = min(1.0, use / top_affinity)
        score = shrunk_fit(fit, weight, prior) * uses
        ranked.append(
            RankedRole(
                needs.code,
                needs.title,
                needs.source,
                fit,
                score,
                count,
                met,
                weight,
                uses,
                needs.note,
            )
        )
    ranked.sort(key=lambda role: (-role.score, -role.requirements, role.title.casefold()))
    progress(len(needs_list), len(needs_list), "Ranking every role by your fit")
    return RoleRanking(tuple(ranked[:top] if top else ranked), prior, len(ranked))
