"""The gap report the command line prints: roles found by any title, requirements, what-ifs.

The GUI's gap screen builds the same `core.gap.RoleGap` from the same two queries
(`ui_queries.role_requirements` and the user's levels); this module adds role lookup by title and
what-if by skill name for headless use.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from careerplanner.core.gap import GapRow, WhatIf, compute_gap, what_if
from careerplanner.core.skills import normalise
from careerplanner.errors import UserError
from careerplanner.store.market_roles import find_roles
from careerplanner.store.ui_queries import role_requirements, user_levels


@dataclass
class RoleGapReport:
    code: str
    title: str
    matched_title: str
    note: str
    fit: float
    rows: tuple[GapRow, ...]
    what_ifs: list[WhatIf] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "matched_title": self.matched_title,
            "note": self.note,
            "fit": round(self.fit, 4),
            "requirements": [
                {
                    "skill": row.skill_name,
                    "key": row.skill_key,
                    "your_level": row.your_level,
                    "required_level": row.required_level,
                    "gap": row.gap,
                    "weight": round(row.weight, 4),
                    "priority": round(row.priority, 4),
                    "note": row.note,
                }
                for row in self.rows
            ],
            "what_if": [
                {
                    "skill": change.skill_name,
                    "from_level": change.from_level,
                    "to_level": change.to_level,
                    "fit_before": round(change.fit_before, 4),
                    "fit_after": round(change.fit_after, 4),
                    "sentence": change.sentence(self.title),
                }
                for change in self.what_ifs
            ],
        }


def resolve_role(market_db: sqlite_utils.Database, text: str):
    """The best-matching occupation for a title or code, or a sentence saying none matched."""
    matches = find_roles(market_db, text, limit=1)
    if not matches:
        raise UserError(
            f"No occupation in the active O*NET dataset matches “{text}”; try another title "
            "or an O*NET code such as 15-1252.00."
        )
    return matches[0]


def role_gaps(
    market_db: sqlite_utils.Database,
    user_db: sqlite_utils.Database,
    role_texts: list[str],
    what_ifs: list[tuple[str, int]] = (),
    all_technologies: bool = False,
) -> list[RoleGapReport]:
    levels = user_levels(user_db)
    reports = []
    for text in role_texts:
        match = resolve_role(market_db, text)
        needs = role_requirements(market_db, match.code, all_technologies=all_technologies)
        gap = compute_gap(match.code, match.title, needs.requirements, levels)
        report = RoleGapReport(
            match.code, match.title, match.matched_title, needs.note, gap.fit, gap.rows
        )
        for skill_text, level in what_ifs:
            row = _find_row(gap.rows, skill_text, user_db, market_db)
            if row is None:
                raise UserError(
                    f"{match.title} does not list “{skill_text}” among its requirements; "
                    "see `careerplanner gap` for the skills it does list."
                )
            report.what_ifs.append(what_if(gap, row.skill_key, level))
        reports.append(report)
    return reports


def _find_row(rows: tuple[GapRow, ...], text: str, user_db, market_db) -> GapRow | None:
    """The requirement the user means by `text`: through the same name and alias resolution as
    the roadmap ("SQL" is O*NET's "Structured query language SQL"), else by its name."""
    from careerplanner.store.roadmap_levels import resolve_skill

    key, _name = resolve_skill(user_db, market_db, text)
    by_key = [row for row in rows if row.skill_key == key]
    if by_key:
        return by_key[0]
    wanted = normalise(text)
    names = [(normalise(row.skill_name), row) for row in rows]
    for rule in (
        lambda name: name == wanted,
        # O*NET spells names out and puts the vendor first: "Structured query language SQL".
        lambda name: name.endswith(" " + wanted) or name.startswith(wanted + " "),
        lambda name: wanted in name,
    ):
        matches = [row for name, row in names if rule(name)]
        if len(matches) == 1:
            return matches[0]
    return None
