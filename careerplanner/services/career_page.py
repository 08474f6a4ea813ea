"""A role's career page ("How to become a …"): the skills asked for most, the path in from where
the user stands, the skills that raise pay, where people start, and pay, from the job postings
where they cover the role and from O*NET where they do not, saying which. The Market screen and
`careerplanner market role` both show this one object.

    career_page(market_db, user_db, title) -> CareerPage     or a UserError naming close roles

The role is found as the gap finds it: the O*NET occupation by title, alternate or reported
title (`store.market.roles.find_roles`); the postings roles are those named like the title typed
and those whose name is one of the occupation's titles (`occupations.postings_roles_for`).
Postings "cover" a role when its postings role has at least 30 postings (the small-sample line
of product.md); below that the skills come from O*NET and the postings figures are flagged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from careerplanner.core.gap import Requirement, RoleGap, compute_gap
from careerplanner.core.levels import LEVEL_INFO, TRANSITIONS, Level
from careerplanner.core.market import ALL_ROLES, RoleFigures, SkillFigures, is_small_sample
from careerplanner.errors import UserError
from careerplanner.services.market_pages import role_requirements, technology_matcher
from careerplanner.services.role_needs import estimated_levels
from careerplanner.services.skill_page import money
from careerplanner.store.connection import Database
from careerplanner.store.market import postings
from careerplanner.store.market.datasets import active_datasets
from careerplanner.store.market.occupations import (
    Occupation,
    Wages,
    occupation,
    postings_roles_for,
    wages_for,
)
from careerplanner.store.market.roles import SENIORITY_WORDS, RoleMatch, find_roles, squash

TOP_SKILLS = 15
PATH_SKILLS = 6  # the path in covers the most asked-for skills only: a first plan, not all
PAY_RAISING_SHOWN = 10
SMALL = "small sample"
BLS_MEASURES = (("p10", "pct10"), ("p25", "pct25"), ("median", "median"))
BLS_MEASURES += (("p75", "pct75"), ("p90", "pct90"))


@dataclass(frozen=True)
class AskedSkill:
    """One of the skills the role asks for most."""

    key: str
    name: str
    required_level: int
    share: float | None  # of the role's postings (postings); None from O*NET
    postings: int | None  # postings asking for it (n = the role's postings)
    weight: float  # O*NET's weight from importance; the share for postings
    note: str
    jobs_must: int | None = None


@dataclass(frozen=True)
class PathStep:
    """One top skill on the way in: where the user stands, where the role asks, and the moves
    between (product.md's transitions)."""

    key: str
    name: str
    your_level: int | None  # None: an O*NET rating the user has not given a level for
    your_level_text: str
    required_level: int
    moves: tuple[tuple[int, str], ...]  # (level reached, what gets you there)
    # Your level in an O*NET rating you have not rated, estimated from your skills (as the Gap
    # screen shows it): "estimated from your Python L5, ..." ("" when it is your own level).
    evidence: str = ""

    @property
    def estimated(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class CareerPage:
    query: str
    code: str | None  # the O*NET occupation, None when only postings name the role
    title: str
    matched_title: str
    description: str
    job_zone: int | None
    source: str  # "postings" or "onet": where the top skills come from
    source_note: str
    postings_source: str
    postings_role: RoleFigures | None
    postings_basis: str  # "named": a role named like the title; "closest": see postings_note
    postings_note: str
    other_roles: tuple[tuple[str, int], ...]  # further postings roles that name it, with n
    top_skills: tuple[AskedSkill, ...]
    path: tuple[PathStep, ...]
    path_met: int  # top skills the user already meets
    pay_raising: tuple[SkillFigures, ...]
    bls_source: str
    bls_pay: tuple[tuple[str, float | None], ...]
    bls_hourly: bool
    bls_employment: float | None

    @property
    def postings_small_sample(self) -> bool:
        return self.postings_role is not None and is_small_sample(self.postings_role.jobs)

    def as_dict(self) -> dict:
        """Stable keys for `--json`: every figure with its n."""
        role = self.postings_role
        return {
            "query": self.query,
            "role": {
                "title": self.title,
                "onet_code": self.code,
                "matched_title": self.matched_title,
                "description": self.description or None,
                "job_zone": self.job_zone,
            },
            "skills_source": self.source,
            "skills_source_note": self.source_note,
            "postings": None if role is None else _postings_dict(self),
            "top_skills": [
                {
                    "skill": s.name,
                    "key": s.key,
                    "share": None if s.share is None else round(s.share, 4),
                    "postings": s.postings,
                    "must": s.jobs_must,
                    "n": role.jobs if self.source == "postings" and role else None,
                    "required_level": f"L{s.required_level}",
                    "weight": round(s.weight, 4),
                    "note": s.note,
                }
                for s in self.top_skills
            ],
            "path_in": {
                "met": self.path_met,
                "of": min(PATH_SKILLS, len(self.top_skills)),
                "steps": [
                    {
                        "skill": step.name,
                        "key": step.key,
                        "your_level": None if step.your_level is None else f"L{step.your_level}",
                        "your_level_text": step.your_level_text,
                        "estimated": step.estimated,
                        "evidence": step.evidence or None,
                        "required_level": f"L{step.required_level}",
                        "moves": [
                            {
                                "to": f"L{level}",
                                "how": how,
                                "means": LEVEL_INFO[Level(level)].meaning,
                            }
                            for level, how in step.moves
                        ],
                    }
                    for step in self.path
                ],
            },
            "bls_pay": {
                "dataset": self.bls_source or None,
                "unit": "hourly" if self.bls_hourly else "annual",
                "percentiles": {label: value for label, value in self.bls_pay},
                "employment": self.bls_employment,
            }
            if self.bls_pay
            else None,
        }


def _postings_dict(page: CareerPage) -> dict:
    role = page.postings_role
    assert role is not None
    p10, p25, median, p75, p90 = role.pay_percentiles or (None,) * 5
    return {
        "dataset": page.postings_source,
        "role": role.role,
        "basis": page.postings_basis,
        "note": page.postings_note or None,
        "jobs_analysed": role.jobs,
        "small_sample": page.postings_small_sample,
        "other_roles": [{"role": name, "jobs": jobs} for name, jobs in page.other_roles],
        "pay": {
            "median": median,
            "p25": p25,
            "p75": p75,
            "p10": p10,
            "p90": p90,
            "n": role.jobs_with_salary,
            "small_sample": is_small_sample(role.jobs_with_salary),
        },
        "seniority": [
            {"seniority": name, "postings": count, "share": round(count / role.jobs, 4)}
            for name, count in role.seniority
        ],
        "seniority_n": role.jobs,
        "pay_raising_skills": [
            {
                "skill": s.skill_name,
                "key": s.skill_key,
                "with_median": s.salary_with_median,
                "with_n": s.salary_with_n,
                "without_median": s.salary_without_median,
                "without_n": s.salary_without_n,
                "difference": s.salary_premium,
                "small_sample": is_small_sample(min(s.salary_with_n, s.salary_without_n)),
            }
            for s in page.pay_raising
        ],
    }


# -- finding the role --------------------------------------------------------------------------


def _title_key(text: str) -> str:
    """A title as postings roles are compared: squashed, seniority words left out, a final
    plural "s" dropped ("Senior Civil Engineers" and "civil engineer" are one)."""
    words = [w for w in squash_words(text) if w not in SENIORITY_WORDS] or squash_words(text)
    return "".join(words).removesuffix("s")


def squash_words(text: str) -> list[str]:
    return [squash(word) for word in text.split() if squash(word)]


def _postings_roles(
    market_db: Database, dataset_id: int, text: str, match: RoleMatch | None
) -> list[RoleFigures]:
    """The postings roles named like `text`, then those naming the occupation; most postings
    first within each."""
    wanted = _title_key(text)
    roles = [r for r in postings.postings_roles(market_db, dataset_id) if r.role]
    direct = [r for r in roles if _title_key(r.role) == wanted]
    found = {r.role: r for r in sorted(direct, key=lambda r: -r.jobs)}
    if match is not None:
        for named in postings_roles_for(market_db, match.code, dataset_id):
            found.setdefault(named.role, named.figures)
    return list(found.values())


def _no_role(market_db: Database, text: str, dataset_id: int | None) -> UserError:
    words = [w for w in squash_words(text) if len(w) >= 3]
    suggestions: list[str] = []
    for word in words:
        suggestions += [m.title for m in find_roles(market_db, word, limit=3)]
    if dataset_id is not None:
        roles = postings.postings_roles(market_db, dataset_id)
        suggestions += [r.role for r in roles if r.role and any(w in squash(r.role) for w in words)]
    unique = list(dict.fromkeys(suggestions))[:5]
    hint = (
        f"try {', '.join(f'“{s}”' for s in unique)}."
        if unique
        else "try another title or an O*NET code such as 17-2051.00."
    )
    return UserError(f"No role called “{text}” in the market data; {hint}")


# -- the page ----------------------------------------------------------------------------------


def career_page(
    market_db: Database,
    user_db: Database,
    text: str,
    match: RoleMatch | None = None,
    postings_role: str | None = None,
) -> CareerPage:
    """The career page of the role `text` names, from the active datasets.

    `match`: the occupation already chosen (the Market screen's role search), else the best
    title match of `text`. `postings_role`: which of the postings roles naming it to read
    (the one with most postings by default).
    """
    wanted = text.strip()
    if not wanted:
        raise UserError("Name a role, for example “Civil Engineer”.")
    datasets = {d.kind: d for d in active_datasets(market_db)}
    postings_set = datasets.get("postings")
    if match is None:
        matches = find_roles(market_db, wanted, limit=1)
        match = matches[0] if matches else None
    roles = _postings_roles(market_db, postings_set.id, wanted, match) if postings_set else []
    if match is None and not roles:
        raise _no_role(market_db, wanted, postings_set.id if postings_set else None)
    if postings_role is not None:
        roles.sort(key=lambda r: r.role != postings_role)  # the chosen one first, stable
    found: Occupation | None = occupation(market_db, match.code) if match else None
    role = roles[0] if roles else None
    basis = "named" if role is not None else ""
    postings_note = ""
    if role is None and match is not None and postings_set is not None:
        closest = closest_postings_role(market_db, postings_set.id, match.code)
        if closest is not None:
            role, lift = closest
            basis = "closest"
            postings_note = (
                f"No postings role is named like {match.title}; the postings figures are those "
                f"of the broader “{role.role}” (it holds other jobs too), whose postings ask "
                f"for this occupation's skills {lift:.1f}× as often as all postings."
            )
    title = match.title if match else role.role  # type: ignore[union-attr]
    if basis == "named" and role is not None and not is_small_sample(role.jobs):
        source = "postings"
        top = _postings_skills(market_db, postings_set.id, role)  # type: ignore[union-attr]
        note = f"From {role.jobs} job postings whose role is “{role.role}” ({postings_set.label})."  # type: ignore[union-attr]
    else:
        source = "onet"
        top = _onet_skills(market_db, match.code) if match else ()
        why = (
            f"only {role.jobs} postings name the role (fewer than 30)"
            if basis == "named" and role is not None
            else "no job postings name the role"
            if postings_set
            else "no job-postings dataset is installed"
        )
        onet = datasets.get("onet")
        note = f"From O*NET ({onet.label if onet else 'O*NET'}): {why}."
    gap = _gap(market_db, user_db, match.code if match else "", title, top, source)
    path, met = _path(gap, top)
    raising: tuple[SkillFigures, ...] = ()
    if role is not None:
        raising = tuple(
            postings.pay_raising_skills(market_db, postings_set.id, role.role)[:PAY_RAISING_SHOWN]  # type: ignore[union-attr]
        )
    bls_source, bls_pay, hourly, employment = "", (), False, None
    wages = wages_for(market_db, match.code) if match and "wages" in datasets else None
    if wages is not None:
        bls_source = f"{datasets['wages'].label}, SOC {wages.soc} {wages.title}"
        bls_pay, hourly, employment = _bls(wages)
    return CareerPage(
        query=wanted,
        code=match.code if match else None,
        title=title,
        matched_title=match.matched_title if match else "",
        description=found.description if found else "",
        job_zone=found.job_zone if found else None,
        source=source,
        source_note=note,
        postings_source=postings_set.label if postings_set else "",
        postings_role=role,
        postings_basis=basis,
        postings_note=postings_note,
        other_roles=tuple((r.role, r.jobs) for r in roles[1:]),
        top_skills=top,
        path=path,
        path_met=met,
        pay_raising=raising,
        bls_source=bls_source,
        bls_pay=bls_pay,
        bls_hourly=hourly,
        bls_employment=employment,
    )


CLOSEST_MIN_LIFT = 1.0
"""A role stands in for an occupation only where its postings ask for the occupation's skills
more often than postings do overall."""

_NOT_NAMING = frozenset(["and", "the", "for", "except", "all", "other"])
SHARED_PREFIX = 5  # "engineers" and "engineering", "planners" and "planning"


def _name_words(text: str) -> set[str]:
    return {word for word in squash_words(text) if len(word) >= 4 and word not in _NOT_NAMING}


def _names_share_a_word(first: set[str], second: set[str]) -> bool:
    """Whether two names share a word, forms of one word counted as one: the same first five
    letters, covering most of the shorter word ("Engineers" and "Engineering, Architecture")."""
    for a in first:
        for b in second:
            common = next(
                (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)),
            )
            if a == b or (common >= SHARED_PREFIX and common >= 0.6 * min(len(a), len(b))):
                return True
    return False


def closest_postings_role(
    market_db: Database, dataset_id: int, code: str
) -> tuple[RoleFigures, float] | None:
    """A broad postings role that stands in for occupation `code` when no role is named like it,
    with its lift; None when none does. A dataset whose roles are categories ("Engineering,
    Architecture, & Planning") then still gives a Civil Engineer postings pay and seniority,
    said to be the category's.

    The role must share a word with the occupation's title (engineer-s / engineer-ing), hold at
    least 30 postings, and ask for the occupation's skills more often than all postings do
    (lift > 1: the requirement-weighted mean of each skill's demand in the role over its demand
    in all postings); among several, the highest lift. A name alone would pair Public Relations
    with Public Safety; skills alone pair Lawyers with engineering (both ask for documents)."""
    found_occupation = occupation(market_db, code)
    title_words = _name_words(found_occupation.title) if found_occupation else set()
    found = role_requirements(market_db, code)
    weights = {r.skill_key: r.weight for r in (found.requirements if found else ())}
    demand = postings.demand_by_role(market_db, dataset_id, sorted(weights))
    overall = demand.get(ALL_ROLES, {})
    total_weight = sum(weights[key] for key in overall)
    if not total_weight:
        return None
    sizes = {r.role: r for r in postings.postings_roles(market_db, dataset_id)}
    best: tuple[float, str] | None = None
    for role, rates in demand.items():
        figures = sizes.get(role)
        if role == ALL_ROLES or figures is None or is_small_sample(figures.jobs):
            continue
        if not _names_share_a_word(title_words, _name_words(role)):
            continue
        # Each skill's lift (its demand in the role over that in all postings), weighted: Office
        # software, asked for everywhere, weighs nothing either way; AutoCAD in engineering does.
        lift = sum(weights[key] * rates.get(key, 0.0) / overall[key] for key in overall)
        lift /= total_weight
        if best is None or (lift, role) > best:
            best = (lift, role)
    if best is None or best[0] <= CLOSEST_MIN_LIFT:
        return None
    return sizes[best[1]], best[0]


def required_level(depth_median: float) -> int:
    """The level a requirement asks for from the postings' median (x.5: the higher; at least
    L1, since a posting that names a skill asks for some of it)."""
    return max(1, min(5, int(depth_median + 0.5)))


def _postings_skills(
    market_db: Database, dataset_id: int, role: RoleFigures
) -> tuple[AskedSkill, ...]:
    skills = postings.postings_skills(market_db, dataset_id, role.role)[:TOP_SKILLS]
    return tuple(
        AskedSkill(
            key=s.skill_key,
            name=s.skill_name,
            required_level=required_level(s.depth_median),
            share=s.demand_rate,
            postings=s.jobs_with_skill,
            weight=s.demand_rate,
            note=f"{s.jobs_with_skill} of {role.jobs} postings; median depth L{s.depth_median:g}",
            jobs_must=s.jobs_must,
        )
        for s in skills
    )


def _onet_skills(market_db: Database, code: str) -> tuple[AskedSkill, ...]:
    found = role_requirements(market_db, code)
    if found is None:
        return ()
    ranked = sorted(found.requirements, key=lambda r: (-r.weight, r.skill_name.casefold()))
    names = Counter(r.skill_name.casefold() for r in found.requirements)
    return tuple(
        AskedSkill(
            r.skill_key,
            # "Mathematics" is both a skill and a knowledge area of O*NET: say which
            f"{r.skill_name} ({r.kind})" if names[r.skill_name.casefold()] > 1 else r.skill_name,
            r.required_level,
            None,
            None,
            r.weight,
            r.note,
        )
        for r in ranked[:TOP_SKILLS]
    )


def _gap(
    market_db: Database,
    user_db: Database,
    code: str,
    title: str,
    top: tuple[AskedSkill, ...],
    source: str,
) -> RoleGap:
    """The user's levels against the top skills (the gap's own matching of names and keys)."""
    if source == "onet":
        found = role_requirements(market_db, code)
        wanted = {s.key for s in top[:PATH_SKILLS]}
        requirements = [r for r in (found.requirements if found else ()) if r.skill_key in wanted]
    else:
        matcher = technology_matcher(market_db)
        requirements = [
            Requirement(
                skill_key=s.key,
                skill_name=s.name,
                required_level=s.required_level,
                weight=s.weight,
                note=s.note,
                forms=tuple(sorted(matcher.forms(s.name, s.key))),
            )
            for s in top[:PATH_SKILLS]
        ]
    # The levels that count with the rating estimates, as the Gap screen compares them.
    return compute_gap(code, title, requirements, estimated_levels(user_db, market_db))


def _path(gap: RoleGap, top: tuple[AskedSkill, ...]) -> tuple[tuple[PathStep, ...], int]:
    """The top skills the user does not meet yet, most asked-for first, each with its moves."""
    order = {s.key: index for index, s in enumerate(top)}
    steps, met = [], 0
    for row in sorted(gap.rows, key=lambda r: order.get(r.skill_key, len(order))):
        if row.met:
            met += 1
            continue
        start = row.your_level if row.rated else 0
        moves = tuple(
            (level, _moves_text(TRANSITIONS[Level(level)]))
            for level in range(start + 1, row.required_level + 1)
        )
        steps.append(
            PathStep(
                row.skill_key,
                row.skill_name,
                row.your_level if row.rated else None,
                row.your_level_text,
                row.required_level,
                moves,
                row.level_from if row.estimated else "",
            )
        )
    return tuple(steps), met


def _moves_text(moves: tuple[str, ...]) -> str:
    """("Complete a course", "Build a project") -> "Complete a course or build a project"."""
    return moves[0] + "".join(f" or {move[0].lower()}{move[1:]}" for move in moves[1:])


def _bls(wages: Wages) -> tuple[tuple[tuple[str, float | None], ...], bool, float | None]:
    hourly = wages.hourly_only
    prefix = "h_" if hourly else "a_"
    values = []
    for label, measure in BLS_MEASURES:
        figure = wages.figures.get(prefix + measure)
        values.append((label, figure.value if figure else None))
    employed = wages.figures.get("tot_emp")
    return tuple(values), hourly, employed.value if employed else None


# -- text --------------------------------------------------------------------------------------


def _flag(small: bool) -> str:
    return f" [{SMALL}]" if small else ""


def how_to_become(page: CareerPage) -> str:
    """ "How to become a Civil Engineer": the title as the user typed or matched it."""
    name = page.matched_title
    if not name or name == page.title:
        return f"How to become: {page.title}"  # O*NET's titles are plural ("Civil Engineers")
    article = "an" if name[:1].casefold() in "aeiou" else "a"
    return f"How to become {article} {name}"


def page_lines(page: CareerPage) -> list[str]:
    """The page as plain lines for a terminal (the command line prints them)."""
    heading = how_to_become(page)
    lines = [heading, "=" * min(len(heading), 78)]
    if page.code:
        matched = (
            f", matched by its title “{page.matched_title}”"
            if page.matched_title and page.matched_title != page.title
            else ""
        )
        lines.append(f"O*NET occupation: {page.title} ({page.code}){matched}.")
    role = page.postings_role
    if role is not None:
        lines.append(
            f"Job postings ({page.postings_source}): role “{role.role}”, n = {role.jobs}"
            f"{_flag(page.postings_small_sample)}"
        )
        for name, jobs in page.other_roles:
            lines.append(f"  also named by postings role “{name}” (n = {jobs})")
        if page.postings_note:
            lines.append(f"  {page.postings_note}")
    lines.append("")
    lines.append(f"Skills asked for most. {page.source_note}")
    for index, s in enumerate(page.top_skills, 1):
        if s.share is not None:
            must = "" if s.jobs_must is None else f", must in {s.jobs_must}"
            figure = f"{s.share:>5.0%} ({s.postings}{must})"
        else:
            figure = f"weight {s.weight:.2f}"
        lines.append(f"  {index:>2}. {s.name[:44]:<44} {figure:<24} L{s.required_level}")
    if not page.top_skills:
        lines.append("  none listed")
    lines.append("")
    shown = min(PATH_SKILLS, len(page.top_skills))
    lines.append(f"The path in (the top {shown} skills; you meet {page.path_met} of them):")
    for step in page.path:
        lines.append(f"  {step.name}: you {step.your_level_text}, asked L{step.required_level}")
        if step.estimated:
            lines.append(f"    (your level is {step.evidence})")
        for level, how in step.moves:
            lines.append(f"    → L{level} {LEVEL_INFO[Level(level)].name}: {how}")
    if role is not None:
        lines.append("")
        lines.append(
            f"Skills that raise pay in “{role.role}” postings (median pay with vs without, "
            "at least 3 salaried postings each side):"
        )
        for s in page.pay_raising:
            small = is_small_sample(min(s.salary_with_n, s.salary_without_n))
            lines.append(
                f"  {s.skill_name[:36]:<36} {money(s.salary_with_median):>9} (n = "
                f"{s.salary_with_n}) vs {money(s.salary_without_median):>9} (n = "
                f"{s.salary_without_n}){_flag(small)}"
            )
        if not page.pay_raising:
            lines.append("  none with enough salaried postings")
        lines.append("")
        lines.append(f"Where people start (seniority of {role.jobs} postings):")
        for name, count in role.seniority:
            lines.append(f"  {name[:30]:<30} {count:>5} {count / role.jobs:>5.0%}")
        lines.append("")
        if role.pay_percentiles is not None:
            _p10, p25, median, p75, _p90 = role.pay_percentiles
            lines.append(
                f"Pay in postings: median {money(median)}, p25–p75 {money(p25)}–{money(p75)} "
                f"(n = {role.jobs_with_salary}){_flag(is_small_sample(role.jobs_with_salary))}"
            )
        else:
            lines.append("Pay in postings: none of them gives a salary")
    if page.bls_pay:
        unit = "hourly" if page.bls_hourly else "annual"
        figures = ", ".join(f"{label} {money(value)}" for label, value in page.bls_pay)
        employed = f"; {page.bls_employment:,.0f} employed" if page.bls_employment else ""
        lines.append(f"Pay nationally ({unit}, {page.bls_source}{employed}): {figures}")
    elif page.code:
        lines.append("Pay nationally: no BLS wage figures for this occupation")
    return lines
