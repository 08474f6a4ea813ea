"""The gap between the user's skills and a target role: pure maths, standard library only.

For each requirement of a role: the user's level, the required level, the gap (how many levels
short, never negative), the demand weight (how much the market cares, 0–1) and the priority
(weight × gap). The fit score is the demand-weighted share of requirements met. A what-if answers
"raise SQL to L3: fit goes from X% to Y%".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Requirement:
    """One skill a role asks for, at a depth, with how much the market weighs it (0–1)."""

    skill_key: str
    skill_name: str
    required_level: int
    weight: float
    note: str = ""  # where the figure comes from ("O*NET importance 4.1", "42% of postings")


@dataclass(frozen=True)
class GapRow:
    skill_key: str
    skill_name: str
    your_level: int
    required_level: int
    weight: float
    note: str = ""

    @property
    def gap(self) -> int:
        """Levels short of the requirement; 0 when met or exceeded."""
        return max(0, self.required_level - self.your_level)

    @property
    def met(self) -> bool:
        return self.your_level >= self.required_level

    @property
    def priority(self) -> float:
        """Demand weight × gap: what to learn first."""
        return self.weight * self.gap


@dataclass(frozen=True)
class RoleGap:
    role_code: str
    role_title: str
    rows: tuple[GapRow, ...]

    @property
    def fit(self) -> float:
        return fit_score(self.rows)

    @property
    def missing(self) -> tuple[GapRow, ...]:
        return tuple(row for row in self.rows if not row.met)


@dataclass(frozen=True)
class WhatIf:
    skill_key: str
    skill_name: str
    from_level: int
    to_level: int
    fit_before: float
    fit_after: float

    @property
    def fit_change(self) -> float:
        return self.fit_after - self.fit_before

    def sentence(self, role_title: str) -> str:
        return (
            f"Raise {self.skill_name} from L{self.from_level} to L{self.to_level}: fit for "
            f"{role_title} goes from {self.fit_before:.0%} to {self.fit_after:.0%}."
        )


def fit_score(rows: Iterable[GapRow]) -> float:
    """Demand-weighted share of requirements met, 0–1 (1.0 for a role with no requirements).

    Requirements with no weight still count, equally, when every weight is zero, so a role whose
    data has no demand figures still gets a meaningful score.
    """
    rows = list(rows)
    if not rows:
        return 1.0
    total = sum(row.weight for row in rows)
    if total <= 0:
        return sum(1 for row in rows if row.met) / len(rows)
    return sum(row.weight for row in rows if row.met) / total


def compute_gap(
    role_code: str,
    role_title: str,
    requirements: Iterable[Requirement],
    your_levels: Mapping[str, int],
) -> RoleGap:
    """The gap for one role, rows ordered by priority (highest first), then weight, then name."""
    rows = [
        GapRow(
            skill_key=req.skill_key,
            skill_name=req.skill_name,
            your_level=int(your_levels.get(req.skill_key, 0)),
            required_level=req.required_level,
            weight=req.weight,
            note=req.note,
        )
        for req in requirements
    ]
    rows.sort(key=lambda row: (-row.priority, -row.weight, row.skill_name.casefold()))
    return RoleGap(role_code, role_title, tuple(rows))


def what_if(gap: RoleGap, skill_key: str, new_level: int) -> WhatIf:
    """The fit score if the user's level in `skill_key` became `new_level`."""
    if not 0 <= new_level <= 5:
        raise ValueError(f"L{new_level} is not a level; use L0 to L5")
    changed = []
    found = None
    for row in gap.rows:
        if row.skill_key == skill_key:
            found = row
            row = replace(row, your_level=new_level)
        changed.append(row)
    if found is None:
        raise KeyError(f"{skill_key} is not a requirement of {gap.role_title}")
    return WhatIf(
        skill_key=skill_key,
        skill_name=found.skill_name,
        from_level=found.your_level,
        to_level=new_level,
        fit_before=gap.fit,
        fit_after=fit_score(changed),
    )


def best_next_steps(gap: RoleGap, limit: int = 5) -> list[WhatIf]:
    """Raising each unmet skill to its required level, the biggest fit gains first."""
    steps = [what_if(gap, row.skill_key, row.required_level) for row in gap.missing]
    steps.sort(key=lambda step: (-step.fit_change, step.to_level - step.from_level))
    return steps[:limit]


@dataclass(frozen=True)
class ComparisonRow:
    """One skill across several roles: your level and each role's requirement (None: not asked)."""

    skill_key: str
    skill_name: str
    your_level: int
    required: tuple[int | None, ...]
    priority: float  # the highest priority across the roles


def compare_roles(gaps: Sequence[RoleGap]) -> list[ComparisonRow]:
    """Side by side: every skill any of the roles asks for, most pressing first."""
    names: dict[str, str] = {}
    yours: dict[str, int] = {}
    required: dict[str, list[int | None]] = {}
    priority: dict[str, float] = {}
    for index, gap in enumerate(gaps):
        for row in gap.rows:
            names.setdefault(row.skill_key, row.skill_name)
            yours[row.skill_key] = row.your_level
            required.setdefault(row.skill_key, [None] * len(gaps))[index] = row.required_level
            priority[row.skill_key] = max(priority.get(row.skill_key, 0.0), row.priority)
    result = [
        ComparisonRow(key, names[key], yours[key], tuple(required[key]), priority[key])
        for key in names
    ]
    result.sort(key=lambda row: (-row.priority, row.skill_name.casefold()))
    return result


# -- O*NET figures as requirements --------------------------------------------------------------
# (The LV → L0–L5 mapping itself is store.market_levels.onet_level_to_depth, documented there.)
ONET_IMPORTANT = 3.0  # IM at or above this is "important" (O*NET OnLine's own cut-off)


def weight_from_importance(im: float) -> float:
    """O*NET importance (1–5) to a demand weight (0–1)."""
    return min(1.0, max(0.0, (im - 1.0) / 4.0))


def technology_requirement(hot: bool, in_demand: bool | None) -> tuple[int, float]:
    """(required depth, weight) for a technology O*NET lists for an occupation.

    O*NET gives no level for technologies, so this is an estimate: "In Demand" (employers ask
    for it in postings) means daily professional use (L3) and a high weight; "Hot" (frequent in
    postings) working knowledge (L2) with a fair weight; any other listed tool L2, low weight.
    """
    if in_demand:
        return 3, 0.9
    if hot:
        return 2, 0.6
    return 2, 0.3
