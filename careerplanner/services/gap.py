"""The gap report the command line prints: roles found by any title, requirements, what-ifs,
the pay effect, and the user's own level for an O*NET rating.

The GUI's gap screen builds the same `core.gap.RoleGap` from the same two reads
(`market_pages.role_requirements` and `role_needs.estimated_levels`: the levels that count,
with the user's estimated level in O*NET ratings) and the same `pay_effect`; this
module adds role lookup by title and what-if by skill name for headless use. docs/gap.md
explains every figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from careerplanner.core.gap import GapRow, Requirement, RoleGap, WhatIf, compute_gap, what_if
from careerplanner.core.levels import Level
from careerplanner.core.skills import normalise
from careerplanner.errors import UserError
from careerplanner.services.levels import user_data_version
from careerplanner.services.market_pages import role_requirements, technology_matcher
from careerplanner.services.roadmap_skills import resolve_skill
from careerplanner.services.role_needs import POSTINGS_PREFIX, estimated_levels
from careerplanner.services.role_ranking import rank_roles
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import active_dataset_id, active_datasets
from careerplanner.store.market.occupations import wages_for
from careerplanner.store.market.postings import salary_figures
from careerplanner.store.market.roles import RoleMatch, find_roles
from careerplanner.store.user import profile

__all__ = ["rank_roles"]  # the Start screen loads the ranking with the gap engine, in one import

MIN_SALARIED = 3  # postings with a salary on each side before a with/without figure is shown
PAY_SKILLS = 8  # missing skills whose postings pay is looked up, highest priority first


@dataclass(frozen=True)
class SkillPay:
    """Median pay in postings that ask for a skill against those that do not, with counts."""

    skill_key: str
    skill_name: str
    with_median: float
    with_n: int
    without_median: float
    without_n: int

    @property
    def difference(self) -> float:
        return self.with_median - self.without_median

    def sentence(self) -> str:
        return (
            f"{self.skill_name}: median {_money(self.with_median)} in {self.with_n} salaried "
            f"postings that ask for it, {_money(self.without_median)} in {self.without_n} "
            "that do not"
        )


@dataclass(frozen=True)
class PayEffect:
    """What the installed data can honestly say about pay for a role and its missing skills.

    `role_pay`: (label, value) wage percentiles of the occupation (BLS); `skill_pay`: postings
    pay with vs without each missing skill (an association across postings, not a promise).
    """

    role_pay: tuple[tuple[str, float], ...] = ()
    role_source: str = ""
    hourly: bool = False
    skill_pay: tuple[SkillPay, ...] = ()
    postings_source: str = ""

    def lines(self) -> list[str]:
        """The pay effect in plain sentences, each with its source."""
        lines = []
        if self.role_pay:
            unit = "hourly" if self.hourly else "annual"
            figures = ", ".join(f"{label} {_money(value)}" for label, value in self.role_pay)
            lines.append(f"Pay for the role ({unit}, {self.role_source}): {figures}.")
        else:
            lines.append("No wage figures for this role in the installed data.")
        if self.postings_source:
            if self.skill_pay:
                lines.append(
                    f"Pay with vs without a skill you lack ({self.postings_source}; an "
                    "association in postings, not a promise):"
                )
                lines.extend(f"  {pay.sentence()}" for pay in self.skill_pay)
            else:
                lines.append(
                    f"{self.postings_source}: too few salaried postings to compare pay for the "
                    "skills you lack."
                )
        return lines


def _money(value: float) -> str:
    return f"${value:,.0f}" if value >= 1000 else f"${value:,.2f}"


_PERCENTILES = (
    ("10th pct", "pct10"),
    ("25th", "pct25"),
    ("median", "median"),
    ("75th", "pct75"),
    ("90th", "pct90"),
)


def pay_effect(
    market_db: Database,
    gap: RoleGap,
    requirements: tuple[Requirement, ...] = (),
) -> PayEffect:
    """The role's wage percentiles (BLS, where installed) and, where a postings dataset with
    salaries is installed, median pay with vs without each of the top missing skills."""
    labels = {d.kind: d.label for d in active_datasets(market_db)}
    role_pay: list[tuple[str, float]] = []
    hourly = False
    role_source = ""
    if "wages" in labels:
        wages = wages_for(market_db, gap.role_code)
        if wages is not None:
            hourly = wages.hourly_only
            prefix = "h_" if hourly else "a_"
            for label, measure in _PERCENTILES:
                figure = wages.figures.get(prefix + measure)
                if figure is not None and figure.value is not None:
                    role_pay.append((label, figure.value))
            role_source = f"{labels['wages']}, SOC {wages.soc} {wages.title}"
    skill_pay: list[SkillPay] = []
    postings_source = ""
    if "postings" in labels:
        postings_source = f"{labels['postings']}, all postings"
        forms = {req.skill_key: req.forms for req in requirements}
        by_key, by_form = _posting_salaries(market_db)
        for row in gap.missing[:PAY_SKILLS]:
            found = by_key.get(row.skill_key) or next(
                (by_form[f] for f in forms.get(row.skill_key, ()) if f in by_form), None
            )
            if found is None:
                continue
            with_median, with_n, without_median, without_n = found
            if min(with_n, without_n) < MIN_SALARIED or None in (with_median, without_median):
                continue
            skill_pay.append(
                SkillPay(
                    row.skill_key, row.skill_name, with_median, with_n, without_median, without_n
                )
            )
    return PayEffect(tuple(role_pay), role_source, hourly, tuple(skill_pay), postings_source)


def _posting_salaries(market_db: Database):
    """Salary figures of every skill in the active postings dataset, by key and by name form.

    Kept on the connection per pair of installed versions (which never change): naming every
    postings skill's forms costs more than the rest of a gap recompute.
    """
    dataset_id = active_dataset_id(market_db, "postings")
    versions = (dataset_id, active_dataset_id(market_db, "onet"))
    cached = market_db.__dict__.get("_careerplanner_posting_salaries")
    if cached is None or cached[0] != versions:
        cached = (versions, _read_posting_salaries(market_db, dataset_id))
        market_db.__dict__["_careerplanner_posting_salaries"] = cached
    return cached[1]


def _read_posting_salaries(market_db: Database, dataset_id: int | None):
    matcher = technology_matcher(market_db)
    by_key: dict[str, tuple] = {}
    by_form: dict[str, tuple] = {}
    for key, name, *figures in salary_figures(market_db, dataset_id):
        by_key[key] = tuple(figures)
        for form in matcher.forms(name, key):
            by_form.setdefault(form, tuple(figures))
    return by_key, by_form


@dataclass
class RoleGapReport:
    code: str
    title: str
    matched_title: str
    note: str
    fit: float
    rows: tuple[GapRow, ...]
    what_ifs: list[WhatIf] = field(default_factory=list)
    counts: str = ""
    pay: PayEffect = field(default_factory=PayEffect)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "matched_title": self.matched_title,
            "note": self.note,
            "fit": round(self.fit, 4),
            "fit_counts": self.counts,
            "requirements": [
                {
                    "skill": row.skill_name,
                    "key": row.skill_key,
                    "kind": row.kind,
                    "rated": row.rated,
                    "your_level": row.your_level if row.rated else None,
                    "level_from": row.level_from or None,
                    "estimated": row.estimated,
                    "required_level": row.required_level,
                    "gap": row.gap,
                    "weight": round(row.weight, 4),
                    "priority": round(row.priority, 4),
                    "category": row.group or None,
                    "covered_by": row.covered_by or None,
                    "note": row.note,
                }
                for row in self.rows
            ],
            "what_if": [
                {
                    "skill": change.skill_name,
                    "from_level": change.from_level if change.was_rated else None,
                    "to_level": change.to_level,
                    "fit_before": round(change.fit_before, 4),
                    "fit_after": round(change.fit_after, 4),
                    "sentence": change.sentence(self.title),
                }
                for change in self.what_ifs
            ],
            "pay": {
                "role": {label: value for label, value in self.pay.role_pay},
                "role_source": self.pay.role_source or None,
                "hourly": self.pay.hourly,
                "postings_source": self.pay.postings_source or None,
                "skills": [
                    {
                        "skill": pay.skill_name,
                        "key": pay.skill_key,
                        "with_median": pay.with_median,
                        "with_n": pay.with_n,
                        "without_median": pay.without_median,
                        "without_n": pay.without_n,
                    }
                    for pay in self.pay.skill_pay
                ],
            },
        }


def resolve_role(market_db: Database, text: str):
    """The best-matching occupation for a title or code, or a sentence saying none matched.
    A postings role ranked by `gap --rank-roles` is named by its code ("postings:ROLE")."""
    if text.startswith(POSTINGS_PREFIX):
        needs = role_requirements(market_db, text)
        if needs is None:
            raise UserError(
                f"The active postings dataset has no role “{text[len(POSTINGS_PREFIX) :]}”; "
                "see `careerplanner gap --rank-roles` for the roles it has."
            )
        return RoleMatch(text, needs.title, needs.title, "postings", 100.0)
    matches = find_roles(market_db, text, limit=1)
    if not matches:
        raise UserError(
            f"No occupation in the active O*NET dataset matches “{text}”; try another title "
            "or an O*NET code such as 15-1252.00."
        )
    return matches[0]


def role_gaps(
    market_db: Database,
    user_db: Database,
    role_texts: list[str],
    what_ifs: list[tuple[str, int]] = (),
    all_technologies: bool = False,
) -> list[RoleGapReport]:
    """One report per role: rows, fit, what the fit counts, what-ifs and the pay effect."""
    levels = estimated_levels(user_db, market_db)
    reports = []
    for text in role_texts:
        match = resolve_role(market_db, text)
        needs = role_requirements(market_db, match.code, all_technologies=all_technologies)
        gap = compute_gap(match.code, match.title, needs.requirements, levels)
        report = RoleGapReport(
            match.code,
            match.title,
            match.matched_title,
            needs.note,
            gap.fit,
            gap.rows,
            counts=gap.counts_sentence(),
            pay=pay_effect(market_db, gap, needs.requirements),
        )
        for skill_text, level in what_ifs:
            row = find_row(gap.rows, skill_text, user_db, market_db)
            if row is None:
                raise UserError(
                    f"{match.title} does not list “{skill_text}” among its requirements; "
                    "see `careerplanner gap` for the skills it does list."
                )
            report.what_ifs.append(what_if(gap, row.skill_key, level))
        reports.append(report)
    return reports


def find_row(rows: tuple[GapRow, ...], text: str, user_db, market_db) -> GapRow | None:
    """The requirement the user means by `text`: through the same name and alias resolution as
    the roadmap ("SQL" is O*NET's "Structured query language SQL"), else by its name."""
    key, _name = resolve_skill(user_db, market_db, text)
    by_key = [row for row in rows if row.skill_key == key]
    if by_key:
        return by_key[0]
    wanted = normalise(text)
    names = [(normalise(row.skill_name), row) for row in rows]
    rules = (
        (lambda name: name == wanted, False),
        # "Mathematics" when both the skill and the knowledge are listed: the higher priority.
        (lambda name: name.split(" (")[0] == wanted, True),
        # O*NET spells names out and puts the vendor first: "Structured query language SQL".
        (lambda name: name.endswith(" " + wanted) or name.startswith(wanted + " "), False),
        (lambda name: wanted in name, False),
    )
    for rule, first_will_do in rules:
        matches = [row for name, row in names if rule(name)]
        if len(matches) == 1 or (matches and first_will_do):
            return matches[0]
    return None


def set_own_level(
    user_db: Database,
    row: GapRow,
    level: int,
    reason: str,
    now: str | None = None,
) -> None:
    """Store the user's own level for a requirement, e.g. an O*NET rating a resume never names.

    A skill already in the profile gets an override (with history); a rating not yet there is
    added as a skill with inferred level L0 and the override, in one transaction.
    """
    try:
        parsed = int(Level.parse(level))
    except ValueError:
        raise UserError(f"{level!r} is not a level; use L0 to L5.") from None
    if not reason.strip():
        raise UserError("Give a reason for your level (for example, what you have done).")
    profile.set_own_level(user_db, row.skill_key, row.skill_name, parsed, reason.strip(), now)


def _market_version(market_db: Database) -> tuple[int, int, int]:
    """Changes with every change of the market database (as `user_data_version`)."""
    conn = market_db.conn
    return id(conn), conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes


def role_gap(user_db: Database, market_db: Database, code: str, title: str) -> RoleGap | None:
    """A role's gap against the levels that count (None when the role is not in the active
    dataset). Computed once per change of either database and kept on the user connection, so
    every screen that shows a target's fit (Start, Gap) shares one computation."""
    version = (user_data_version(user_db), _market_version(market_db))
    cache = user_db.__dict__.get("_careerplanner_gaps")
    if cache is None or cache[0] != version:
        cache = user_db.__dict__["_careerplanner_gaps"] = (version, {})
    gaps = cache[1]
    if (code, title) not in gaps:
        requirements = role_requirements(market_db, code)
        gaps[code, title] = (
            None
            if requirements is None
            else compute_gap(
                code, title, requirements.requirements, estimated_levels(user_db, market_db)
            )
        )
    return gaps[code, title]


def target_gaps(
    user_db: Database, market_db: Database, targets
) -> list[tuple[object, RoleGap | None]]:
    """Each target role with its gap against the levels that count (None when the role is not
    in the active dataset): what the Start screen lists."""
    return [(target, role_gap(user_db, market_db, target.code, target.title)) for target in targets]
