"""The gap between the user's skills and a target role: pure maths, standard library only.

For each requirement of a role: the user's level, the required level, the gap (how many levels
short, never negative), the demand weight (how much the market cares, 0–1) and the priority
(weight × gap). The fit score is the demand-weighted share of *counted* requirements met. A
what-if answers "raise SQL from L2 to L3: fit goes from X% to Y%". docs/gap.md explains every
figure.

Two kinds of requirement behave differently:

* technologies ("Python", "Structured query language SQL") are things a resume names, so the
  user's level is always known (L0 when the resume does not mention it);
* O*NET Skills and Knowledge ratings ("Programming", "Reading Comprehension", "Mathematics
  (knowledge)") are rating dimensions of an occupation that a resume never names. Until the
  user sets a level for one, its row is shown as *not rated* and left out of the fit score and
  priorities: counting it as L0 would say the user lacks reading comprehension.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

RATING_KINDS = ("skill", "knowledge")  # O*NET rating domains, as Requirement.kind


@dataclass(frozen=True)
class Requirement:
    """One skill a role asks for, at a depth, with how much the market weighs it (0–1).

    `kind` is "technology" or an O*NET rating domain ("skill" / "knowledge"); `forms` are the
    normalised names the skill also goes by (see analysis.skill_match), so a profile skill kept
    under another key ("SQL") still counts for it ("Structure query language SQL").
    """

    skill_key: str
    skill_name: str
    required_level: int
    weight: float
    note: str = ""  # where the figure comes from ("O*NET importance 4.1", "42% of postings")
    kind: str = "technology"
    forms: tuple[str, ...] = ()
    group: str = ""  # O*NET technology category: alternatives, any one of which will do
    # A rating estimated from technology skills: the keys that count as evidence for it.
    estimate_from: frozenset[str] = frozenset()

    @property
    def is_rating(self) -> bool:
        return self.kind in RATING_KINDS


class SkillLevels(dict):
    """The user's level per skill key (a plain `dict[str, int]`), plus what matching needs.

    `by_form` maps each normalised name a profile skill goes by to its key; `names` maps a key
    to the profile's name for it. A bare dict works too: then only identical keys match.
    """

    def __init__(self, levels=(), by_form=None, names=None, estimates=None) -> None:
        super().__init__(levels)
        self.by_form: dict[str, str] = dict(by_form or {})
        self.names: dict[str, str] = dict(names or {})
        # Rating key -> (level, "estimated from your …"): the user's level in an O*NET rating
        # estimated from their skills (services.role_needs), used until they set their own.
        self.estimates: dict[str, tuple[int, str]] = dict(estimates or {})

    def copy(self) -> SkillLevels:
        """A copy that keeps the names, forms and estimates (dict.copy would return a bare
        dict)."""
        return SkillLevels(self, self.by_form, self.names, self.estimates)


@dataclass(frozen=True)
class GapRow:
    skill_key: str
    skill_name: str
    your_level: int
    required_level: int
    weight: float
    note: str = ""
    kind: str = "technology"
    rated: bool = True  # False: an O*NET rating the user has not given a level for yet
    level_from: str = ""  # the profile skill the level comes from when its key differs
    group: str = ""  # O*NET technology category (alternatives: any one met will do)
    covered_by: str = ""  # the met requirement of the same category that covers this one
    estimated: bool = False  # your level is an estimate from evidence (level_from names it)

    @property
    def counted(self) -> bool:
        """Whether the row counts in the fit score."""
        return self.rated

    @property
    def is_rating_row(self) -> bool:
        """An O*NET rating dimension ("Programming"), not a skill a resume names."""
        return self.kind in RATING_KINDS

    @property
    def gap(self) -> int:
        """Levels short of the requirement; 0 when met, exceeded or not rated."""
        return max(0, self.required_level - self.your_level) if self.rated else 0

    @property
    def met(self) -> bool:
        return self.rated and self.your_level >= self.required_level

    @property
    def priority(self) -> float:
        """Demand weight × gap: what to learn first (0 when not rated or covered by an
        alternative of the same category)."""
        return 0.0 if self.covered_by else self.weight * self.gap

    @property
    def your_level_text(self) -> str:
        if not self.rated:
            return "not rated"
        return f"L{self.your_level} (est.)" if self.estimated else f"L{self.your_level}"


@dataclass(frozen=True)
class RoleGap:
    role_code: str
    role_title: str
    rows: tuple[GapRow, ...]

    @cached_property
    def fit(self) -> float:
        return _fit_of_units(self._units)

    @cached_property
    def _units(self) -> dict[tuple[str, str], tuple[float, bool]]:
        # The fit, the counts and the sentence all read the units: group the rows once.
        return _fit_units(self.rows)

    @property
    def missing(self) -> tuple[GapRow, ...]:
        """Counted requirements not yet met (and not covered by a met alternative)."""
        return tuple(row for row in self.rows if row.counted and not row.met and not row.covered_by)

    @property
    def requirement_count(self) -> int:
        """How many requirements the fit counts (a technology category counts once)."""
        return len(self._units)

    @property
    def counted_weight(self) -> float:
        """The total demand weight the fit counts (a technology category once)."""
        return sum(weight for weight, _met in self._units.values())

    @property
    def unmet_count(self) -> int:
        """How many of the requirements the fit counts are not met (a category counts once)."""
        return sum(1 for _weight, met in self._units.values() if not met)

    @property
    def unrated(self) -> tuple[GapRow, ...]:
        """O*NET ratings the user has not set a level for (shown, not counted)."""
        return tuple(row for row in self.rows if not row.rated)

    @property
    def counted(self) -> tuple[GapRow, ...]:
        return tuple(row for row in self.rows if row.counted)

    def counts_sentence(self) -> str:
        """What the fit score counts, in words."""
        units = self._units
        met = sum(1 for _weight, is_met in units.values() if is_met)
        text = (
            f"Fit counts {len(units)} requirements ({met} met), weighted by demand; "
            "technologies of one O*NET category count once, met by any one of them"
        )
        estimated = [row.skill_name for row in self.rows if row.estimated]
        if estimated:
            text += (
                f"; your level in {len(estimated)} O*NET ratings is estimated from your skills "
                "(marked est.)"
            )
        if self.unrated:
            text += (
                f"; {len(self.unrated)} O*NET skill and knowledge ratings are not counted "
                "until you set your level for them"
            )
        return text + "."


@dataclass(frozen=True)
class WhatIf:
    skill_key: str
    skill_name: str
    from_level: int
    to_level: int
    fit_before: float
    fit_after: float
    was_rated: bool = True
    covered_by: str = ""  # a met skill of the same O*NET category already counts for it

    @property
    def fit_change(self) -> float:
        return self.fit_after - self.fit_before

    def sentence(self, role_title: str) -> str:
        """ "Raise …", "Lower …", "Keep …" or "Set …" (for a rating not yet rated)."""
        if not self.was_rated:
            action = f"Set {self.skill_name} (not rated yet) to L{self.to_level}"
        elif self.to_level > self.from_level:
            action = f"Raise {self.skill_name} from L{self.from_level} to L{self.to_level}"
        elif self.to_level < self.from_level:
            action = f"Lower {self.skill_name} from L{self.from_level} to L{self.to_level}"
        else:
            action = f"Keep {self.skill_name} at L{self.to_level}"
        if abs(self.fit_change) < 1e-12:
            outcome = f"fit for {role_title} stays at {self.fit_before:.0%}"
            if self.covered_by:
                outcome += f" (your {self.covered_by} already meets its O*NET category)"
        else:
            outcome = (
                f"fit for {role_title} goes from {self.fit_before:.0%} to {self.fit_after:.0%}"
            )
        return f"{action}: {outcome}."


def fit_score(rows: Iterable[GapRow]) -> float:
    """Demand-weighted share of counted requirements met, 0–1 (1.0 with nothing counted).

    Rows that are not rated (O*NET ratings without a level of the user's) are left out; the
    technologies of one O*NET category count once (see `_fit_units`).
    Requirements with no weight still count, equally, when every weight is zero, so a role whose
    data has no demand figures still gets a meaningful score.
    """
    return _fit_of_units(_fit_units(rows))


def _fit_of_units(units: Mapping[tuple[str, str], tuple[float, bool]]) -> float:
    if not units:
        return 1.0
    total = sum(weight for weight, _ in units.values())
    if total <= 0:
        return sum(1 for _, met in units.values() if met) / len(units)
    return sum(weight for weight, met in units.values() if met) / total


def _fit_units(rows: Iterable[GapRow]) -> dict[tuple[str, str], tuple[float, bool]]:
    """What the fit counts: each counted requirement, except that the technologies of one O*NET
    category (alternatives such as MySQL / PostgreSQL / MongoDB) form one unit, weighted as its
    heaviest member and met when any member is met."""
    units: dict[tuple[str, str], tuple[float, bool]] = {}
    for row in rows:
        if not row.counted:
            continue
        unit = ("group", row.group) if row.group else ("skill", row.skill_key)
        weight, met = units.get(unit, (0.0, False))
        units[unit] = (max(weight, row.weight), met or row.met)
    return units


def _your_level(req: Requirement, levels: Mapping[str, int]) -> tuple[int | None, str]:
    """(level, the other profile key it came from or "") — None when the profile has no match.

    The same key wins; otherwise the best level among profile skills sharing a name form.
    """
    if req.skill_key in levels:
        return int(levels[req.skill_key]), ""
    by_form = getattr(levels, "by_form", {})
    matches = {by_form[form] for form in req.forms if form in by_form}
    if not matches:
        return None, ""
    best = max(sorted(matches), key=lambda key: int(levels.get(key, 0)))
    return int(levels.get(best, 0)), best


def _estimate(
    req: Requirement, levels: Mapping[str, int], names: Mapping[str, str]
) -> tuple[int, str] | None:
    """(level, "estimated from your Python L5, R L3") for a rating with evidence, else None."""
    evidence = sorted(
        (
            (int(level), names.get(key, key))
            for key, level in levels.items()
            if key in req.estimate_from
        ),
        key=lambda item: (-item[0], item[1].casefold()),
    )
    evidence = [(level, name) for level, name in evidence if level > 0]
    if not evidence:
        return None
    shown = ", ".join(f"{name} L{level}" for level, name in evidence[:3])
    more = f" and {len(evidence) - 3} more" if len(evidence) > 3 else ""
    return evidence[0][0], f"estimated from your {shown}{more}"


def _display_names(requirements: Sequence[Requirement]) -> list[str]:
    """Names, with the kind added where two requirements share one ("Mathematics (knowledge)")."""
    counts: dict[str, int] = {}
    for req in requirements:
        counts[req.skill_name.casefold()] = counts.get(req.skill_name.casefold(), 0) + 1
    return [
        f"{req.skill_name} ({req.kind})"
        if counts[req.skill_name.casefold()] > 1
        else req.skill_name
        for req in requirements
    ]


def compute_gap(
    role_code: str,
    role_title: str,
    requirements: Iterable[Requirement],
    your_levels: Mapping[str, int],
) -> RoleGap:
    """The gap for one role, rows ordered by priority (highest first), then weight, then name.

    A technology the profile lacks is L0; an O*NET rating the profile lacks is *not rated*.
    """
    requirements = list(requirements)
    names = getattr(your_levels, "names", {})
    estimates = getattr(your_levels, "estimates", {})
    rows = []
    for req, name in zip(requirements, _display_names(requirements), strict=True):
        level, other_key = _your_level(req, your_levels)
        if level is None and req.is_rating and req.skill_key in estimates:
            estimate = estimates[req.skill_key]
        elif level is None and req.estimate_from:
            estimate = _estimate(req, your_levels, names)
        else:
            estimate = None
        if estimate is not None:
            rows.append(
                GapRow(
                    req.skill_key,
                    name,
                    estimate[0],
                    req.required_level,
                    req.weight,
                    req.note,
                    req.kind,
                    rated=True,
                    level_from=estimate[1],
                    estimated=True,
                )
            )
            continue
        rows.append(
            GapRow(
                skill_key=req.skill_key,
                skill_name=name,
                your_level=level or 0,
                required_level=req.required_level,
                weight=req.weight,
                note=req.note,
                kind=req.kind,
                rated=level is not None or not req.is_rating,
                level_from=names.get(other_key, other_key) if other_key else "",
                group=req.group,
            )
        )
    rows = _mark_covered(rows)
    rows.sort(
        key=lambda row: (-row.priority, not row.rated, -row.weight, row.skill_name.casefold())
    )
    return RoleGap(role_code, role_title, tuple(rows))


def _mark_covered(rows: list[GapRow]) -> list[GapRow]:
    """Unmet technologies whose category another met technology already covers."""
    met_in_group: dict[str, str] = {}
    for row in rows:
        if row.group and row.met:
            met_in_group.setdefault(row.group, row.skill_name)
    return [
        replace(row, covered_by=met_in_group[row.group])
        if row.group in met_in_group and not row.met
        else row
        for row in rows
    ]


def what_if(gap: RoleGap, skill_key: str, new_level: int) -> WhatIf:
    """The fit score if the user's level in `skill_key` became `new_level` (a rating not yet
    rated counts from then on)."""
    if not 0 <= new_level <= 5:
        raise ValueError(f"L{new_level} is not a level; use L0 to L5")
    changed = []
    found = None
    for row in gap.rows:
        if row.skill_key == skill_key:
            found = row
            row = replace(row, your_level=new_level, rated=True)
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
        was_rated=found.rated,
        covered_by=found.covered_by,
    )


def best_next_steps(gap: RoleGap, limit: int = 5) -> list[WhatIf]:
    """Raising each unmet counted skill to its required level, the biggest fit gains first."""
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
    rated: bool = True
    estimated: bool = False  # your level is an estimate from evidence (level_from names it)
    level_from: str = ""

    @property
    def your_level_text(self) -> str:
        """As the single-role view shows it: "L2", "L3 (est.)" or "not rated"."""
        if not self.rated:
            return "not rated"
        return f"L{self.your_level} (est.)" if self.estimated else f"L{self.your_level}"


def compare_roles(gaps: Sequence[RoleGap]) -> list[ComparisonRow]:
    """Side by side: every skill any of the roles asks for, most pressing first."""
    names: dict[str, str] = {}
    yours: dict[str, GapRow] = {}  # the row your level is read from (the same in every role)
    required: dict[str, list[int | None]] = {}
    priority: dict[str, float] = {}
    for index, gap in enumerate(gaps):
        for row in gap.rows:
            names.setdefault(row.skill_key, row.skill_name)
            yours[row.skill_key] = row
            required.setdefault(row.skill_key, [None] * len(gaps))[index] = row.required_level
            priority[row.skill_key] = max(priority.get(row.skill_key, 0.0), row.priority)
    result = [
        ComparisonRow(
            key,
            names[key],
            yours[key].your_level,
            tuple(required[key]),
            priority[key],
            yours[key].rated,
            yours[key].estimated,
            yours[key].level_from,
        )
        for key in names
    ]
    result.sort(key=lambda row: (-row.priority, not row.rated, row.skill_name.casefold()))
    return result


# -- O*NET figures as requirements --------------------------------------------------------------
# (The LV → L0–L5 mapping itself is store.market_levels.onet_level_to_depth, documented there.)
ONET_IMPORTANT = 3.0  # IM at or above this is "important" (O*NET OnLine's own cut-off)


def weight_from_importance(im: float) -> float:
    """O*NET importance (1–5) to a demand weight (0–1)."""
    return min(1.0, max(0.0, (im - 1.0) / 4.0))
