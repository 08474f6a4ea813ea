"""A skill's market page (product.md, "Market figures"): how often and how deep the job postings
ask for it, what postings with it pay against those without, what it goes with, where its demand
comes from, and which O*NET occupations list it. The Market screen and `careerplanner market
skill` both show this one object.

    find_skill(market_db, text) -> (key, name)       or a UserError naming close skills
    skill_page(market_db, text_or_key) -> SkillPage

Every figure carries its n; one resting on fewer than 30 postings is flagged "small sample"
(`core.market.is_small_sample`). Nothing is invented: no gap rate (no dataset here carries
applicant scores), no trend (a postings version is one snapshot), and a figure the installed
version does not record (the must/nice split of an older import) is "not recorded", never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from careerplanner.core.levels import LEVEL_INFO, Level
from careerplanner.core.market import (
    ALL_ROLES,
    SMALL_SAMPLE_N,
    SkillFigures,
    is_small_sample,
)
from careerplanner.core.skills import normalise
from careerplanner.errors import UserError
from careerplanner.importers.datasets.postings import is_broad_role
from careerplanner.services.skill_search import find_skills_fast, skill_names
from careerplanner.store.connection import Database
from careerplanner.store.market import postings
from careerplanner.store.market.datasets import active_datasets
from careerplanner.store.market.technologies import TechnologyDemand, technology_demand
from careerplanner.store.market.terms import skill_terms

PAIRINGS_SHOWN = 10
ROLES_SHOWN = 15
SUGGESTIONS = 5
SMALL = "small sample"

NOT_COMPUTED = (
    "Gap rate: not shown; no installed dataset carries applicants' scores.",
    "Trend: not shown; a postings dataset version is one snapshot, so there is nothing to compare "
    "it with.",
)


# -- finding the skill -------------------------------------------------------------------------


def find_skill(market_db: Database, text: str) -> tuple[str, str]:
    """The market skill the user means: a key, an exact name (any case) of an O*NET technology
    or a postings skill, or a name or alias of the skill vocabulary. Otherwise a UserError that
    suggests the closest names."""
    wanted = text.strip()
    if not wanted:
        raise UserError("Name a skill, for example “Microsoft Excel”.")
    names = skill_names(market_db)
    folded = wanted.casefold()
    for named in (*names.postings, *names.technologies):
        if named.key.casefold() == folded or named.folded == folded:
            return named.key, named.name
    normal = normalise(wanted)
    known = {named.key for named in (*names.postings, *names.technologies)}
    for term in skill_terms(market_db):
        if term.key in known and (
            normalise(term.name) == normal or any(normalise(a) == normal for a in term.aliases)
        ):
            return term.key, term.name
    ending = _only_name_ending_in(names, folded)
    if ending is not None:
        return ending
    suggestions = [name for _key, name, _where in find_skills_fast(market_db, wanted, SUGGESTIONS)]
    # No name contains the whole text: try its words, longest first ("Excel spreadsheets").
    for word in sorted((w for w in wanted.split() if len(w) >= 3), key=len, reverse=True):
        if suggestions or word == wanted:
            break
        suggestions = [n for _k, n, _w in find_skills_fast(market_db, word, SUGGESTIONS)]
    hint = (
        f"try {', '.join(f'“{name}”' for name in suggestions)}."
        if suggestions
        else "try a shorter part of its name (the Market screen lists names as you type)."
    )
    raise UserError(f"No skill called “{wanted}” in the market data; {hint}")


def _only_name_ending_in(names, folded: str) -> tuple[str, str] | None:
    """O*NET puts the vendor first ("Microsoft Excel"): a name ending in what was typed, when
    one such skill is listed at least three times as widely as any other (as the roadmap's
    skill resolution does), else None."""
    counts: dict[tuple[str, str], int] = {}
    for named in (*names.technologies, *names.postings):
        if named.folded.endswith(" " + folded):
            counts[named.key, named.name] = counts.get((named.key, named.name), 0) + named.count
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= 3 * max(second, 1) else None


# -- the page --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DepthLevel:
    """One bar of the required-depth chart: postings asking for the skill at this level."""

    level: int
    postings: int
    share: float  # of the postings that ask for the skill

    @property
    def code(self) -> str:
        return f"L{self.level}"

    @property
    def name(self) -> str:
        return LEVEL_INFO[Level(self.level)].name

    @property
    def meaning(self) -> str:
        return LEVEL_INFO[Level(self.level)].meaning


@dataclass(frozen=True)
class PairedSkill:
    key: str
    name: str
    together: int  # postings asking for both
    share: float  # of the postings asking for the skill
    lift: float  # 1.0 = no more often than chance


@dataclass(frozen=True)
class RoleDemand:
    """How much of one postings role's demand is for the skill."""

    role: str
    jobs: int
    jobs_with_skill: int
    demand_rate: float
    depth_median: float
    jobs_must: int | None = None  # None: not recorded (a version imported before the split)

    @property
    def small_sample(self) -> bool:
        return is_small_sample(self.jobs)


@dataclass(frozen=True)
class PostingsDemand:
    """The skill in the active postings dataset: every figure with the count behind it."""

    source: str  # the dataset's name and version
    dataset_id: int
    figures: SkillFigures
    pairings: tuple[PairedSkill, ...]
    roles: tuple[RoleDemand, ...]
    role_count: int  # roles asking for the skill at all (`roles` keeps the first ROLES_SHOWN)

    @property
    def jobs(self) -> int:
        return self.figures.jobs

    @property
    def jobs_with_skill(self) -> int:
        return self.figures.jobs_with_skill

    @property
    def jobs_must(self) -> int | None:
        return self.figures.jobs_must

    @property
    def jobs_nice(self) -> int | None:
        return self.figures.jobs_nice

    @property
    def seniority(self) -> tuple[tuple[str, int], ...]:
        """(seniority, postings asking for the skill), most first; () where not recorded."""
        return self.figures.seniority

    @property
    def depth(self) -> tuple[DepthLevel, ...]:
        total = self.figures.jobs_with_skill or 1
        return tuple(
            DepthLevel(level, count, count / total)
            for level, count in enumerate(self.figures.depth_distribution)
        )

    @property
    def median_level(self) -> Level:
        """The level the median posting asks for (a median between two levels: the higher)."""
        return Level(min(5, int(self.figures.depth_median + 0.5)))

    @property
    def small_sample(self) -> bool:
        return is_small_sample(self.figures.jobs)

    @property
    def depth_small_sample(self) -> bool:
        return is_small_sample(self.figures.jobs_with_skill)

    @property
    def pay_small_sample(self) -> bool:
        return is_small_sample(min(self.figures.salary_with_n, self.figures.salary_without_n))


@dataclass(frozen=True)
class SkillPage:
    key: str
    name: str
    postings: PostingsDemand | None
    postings_note: str  # why there are no postings figures, when there are none
    onet: TechnologyDemand | None
    onet_source: str
    not_computed: tuple[str, ...] = field(default=NOT_COMPUTED)

    def as_dict(self) -> dict:
        """Stable keys for `--json`: every figure with its n."""
        return {
            "skill": {"key": self.key, "name": self.name},
            "postings": _postings_dict(self.postings) if self.postings else None,
            "postings_note": self.postings_note or None,
            "onet": _onet_dict(self.onet, self.onet_source) if self.onet else None,
            "levels": {
                f"L{int(level)}": {"name": info.name, "meaning": info.meaning}
                for level, info in LEVEL_INFO.items()
            },
            "not_computed": list(self.not_computed),
            "small_sample_under": SMALL_SAMPLE_N,
        }


def skill_page(market_db: Database, text: str) -> SkillPage:
    """The page of the skill `text` names (see `find_skill`), from the active datasets."""
    key, name = find_skill(market_db, text)
    labels = {d.kind: d for d in active_datasets(market_db)}
    demand = None
    note = ""
    if "postings" not in labels:
        note = (
            "No job-postings dataset is installed: import one (Datasets, or `careerplanner "
            "dataset import FILE`) to see demand, required depth and pay with and without it."
        )
    else:
        dataset = labels["postings"]
        figures = postings.skill_figures(market_db, dataset.id, key)
        if figures is None:
            note = f"No posting in {dataset.label} asks for {name}."
        else:
            demand = _postings_demand(market_db, dataset.id, dataset.label, figures)
    onet = technology_demand(market_db, key) if "onet" in labels else None
    onet_source = labels["onet"].label if "onet" in labels else ""
    return SkillPage(key, name, demand, note, onet, onet_source)


def _postings_demand(
    market_db: Database, dataset_id: int, source: str, figures: SkillFigures
) -> PostingsDemand:
    paired = tuple(
        PairedSkill(pairing.other_key, other_name, pairing.together, pairing.share, pairing.lift)
        for pairing, other_name in postings.named_pairings(
            market_db, dataset_id, figures.skill_key, PAIRINGS_SHOWN
        )
    )
    by_role = [
        RoleDemand(s.role, s.jobs, s.jobs_with_skill, s.demand_rate, s.depth_median, s.jobs_must)
        for s in postings.skill_by_role(market_db, dataset_id, figures.skill_key)
        if s.role != ALL_ROLES
    ]
    by_role.sort(key=lambda demand: is_broad_role(demand.role))  # jobs first, then categories
    return PostingsDemand(
        source, dataset_id, figures, paired, tuple(by_role[:ROLES_SHOWN]), len(by_role)
    )


# -- JSON ------------------------------------------------------------------------------------


def _share(part: int | None, whole: int) -> float | None:
    return None if part is None or not whole else round(part / whole, 4)


def _postings_dict(demand: PostingsDemand) -> dict:
    f = demand.figures
    return {
        "dataset": demand.source,
        "dataset_id": demand.dataset_id,
        "jobs_analysed": f.jobs,
        "small_sample": demand.small_sample,
        "demand": {
            "postings_with_skill": f.jobs_with_skill,
            "rate": round(f.demand_rate, 4),
            "must": demand.jobs_must,
            "must_rate": _share(demand.jobs_must, f.jobs),
            "nice": demand.jobs_nice,
            "nice_rate": _share(demand.jobs_nice, f.jobs),
            "n": f.jobs,
        },
        "required_depth": {
            "median": f.depth_median,
            "mean": round(f.depth_mean, 2),
            "median_level": demand.median_level.code,
            "median_level_meaning": LEVEL_INFO[demand.median_level].meaning,
            "distribution": [
                {
                    "level": d.code,
                    "name": d.name,
                    "postings": d.postings,
                    "share": round(d.share, 4),
                }
                for d in demand.depth
            ],
            "n": f.jobs_with_skill,
            "small_sample": demand.depth_small_sample,
        },
        "pay": {
            "with_median": f.salary_with_median,
            "with_n": f.salary_with_n,
            "without_median": f.salary_without_median,
            "without_n": f.salary_without_n,
            "difference": f.salary_premium,
            "small_sample": demand.pay_small_sample,
        },
        "pairings": [
            {
                "skill": p.name,
                "key": p.key,
                "together": p.together,
                "share": round(p.share, 4),
                "lift": round(p.lift, 2),
                "n": f.jobs_with_skill,
                "small_sample": demand.depth_small_sample,
            }
            for p in demand.pairings
        ],
        "roles": [
            {
                "role": r.role,
                "jobs": r.jobs,
                "postings_with_skill": r.jobs_with_skill,
                "must": r.jobs_must,
                "demand_rate": round(r.demand_rate, 4),
                "depth_median": r.depth_median,
                "small_sample": r.small_sample,
            }
            for r in demand.roles
        ],
        "roles_total": demand.role_count,
        "seniority_n": f.jobs_with_skill,
        "seniority": (
            [
                {"seniority": name, "postings": count, "share": _share(count, f.jobs_with_skill)}
                for name, count in demand.seniority
            ]
            if demand.seniority or demand.jobs_must is not None
            else None
        ),
    }


def _onet_dict(onet: TechnologyDemand, source: str) -> dict:
    return {
        "dataset": source,
        "occupations": onet.occupations,
        "of_occupations": onet.total_occupations,
        "hot_technology": onet.hot,
        "in_demand": onet.in_demand,
        "top_occupations": [
            {"code": code, "title": title, "hot": hot, "in_demand": in_demand}
            for code, title, hot, in_demand in onet.top_occupations
        ],
    }


# -- text --------------------------------------------------------------------------------------


def money(value: float | None) -> str:
    """Pay as the page shows it ("$61,250"); "n/a" where there is none."""
    return "n/a" if value is None else f"${value:,.0f}"


def _flag(small: bool) -> str:
    return f" [{SMALL}]" if small else ""


def page_lines(page: SkillPage) -> list[str]:
    """The page as plain lines for a terminal (the command line prints them)."""
    lines = [page.name, "=" * min(len(page.name), 78)]
    demand = page.postings
    if demand is None:
        lines.append(page.postings_note)
    else:
        f = demand.figures
        lines.append(f"Job postings: {demand.source}")
        lines.append(f"  Jobs analysed: n = {f.jobs}{_flag(demand.small_sample)}")
        lines.append(
            f"  Demand rate: {f.demand_rate:.1%} ({f.jobs_with_skill} of {f.jobs} postings)"
        )
        if demand.jobs_must is None:
            lines.append("    must / nice to have: not recorded in this dataset version")
        else:
            lines.append(
                f"    must: {demand.jobs_must / f.jobs:.1%} ({demand.jobs_must} postings);"
                f" nice to have: {(demand.jobs_nice or 0) / f.jobs:.1%}"
                f" ({demand.jobs_nice} postings)"
            )
        lines.append(
            f"  Required depth: median L{f.depth_median:g}, mean L{f.depth_mean:.1f} "
            f"(n = {f.jobs_with_skill}){_flag(demand.depth_small_sample)}"
        )
        level = demand.median_level
        lines.append(f"    {level.code} {level.title}: {LEVEL_INFO[level].meaning}")
        lines.append(f"    {'level':<16} {'postings':>8} {'share':>6}")
        for d in demand.depth:
            bar = "#" * round(d.share * 30)
            lines.append(f"    {d.code} {d.name:<13} {d.postings:>8} {d.share:>6.0%}  {bar}")
        lines.append(
            f"  Pay: median {money(f.salary_with_median)} with it (n = {f.salary_with_n}), "
            f"{money(f.salary_without_median)} without (n = {f.salary_without_n})"
            f"{_flag(demand.pay_small_sample)}"
        )
        if demand.pairings:
            lines.append(
                f"  Often together with (share of its {f.jobs_with_skill} postings, lift):"
            )
            for p in demand.pairings:
                lines.append(f"    {p.name[:40]:<40} {p.share:>5.0%} ({p.together})  {p.lift:.1f}×")
        if demand.roles:
            lines.append(
                f"  Where the demand comes from ({demand.role_count} roles; share within each):"
            )
            for r in demand.roles:
                lines.append(
                    f"    {r.role[:40]:<40} {r.jobs_with_skill:>5} of {r.jobs:<5} "
                    f"{r.demand_rate:>5.0%}  L{r.depth_median:g}{_flag(r.small_sample)}"
                )
        if demand.seniority:
            lines.append(f"  Seniority of the postings asking for it (n = {f.jobs_with_skill}):")
            for name, count in demand.seniority:
                lines.append(f"    {name[:30]:<30} {count:>5} {count / f.jobs_with_skill:>5.0%}")
        elif demand.jobs_must is None:
            lines.append("  Seniority of the postings asking for it: not recorded in this version")
    onet = page.onet
    if onet is not None:
        lines.append(f"O*NET ({page.onet_source}):")
        lines.append(
            f"  Listed for {onet.occupations} of {onet.total_occupations} occupations; Hot "
            f"Technology in {onet.hot}, In Demand in {onet.in_demand}."
        )
        for code, title, hot, in_demand in onet.top_occupations[:10]:
            flags = ", ".join(n for n, on in (("In Demand", in_demand), ("Hot", hot)) if on)
            lines.append(f"    {title[:50]:<50} {code}  {flags}")
        if onet.occupations > 10:
            lines.append(f"    … and {onet.occupations - 10} more (--json lists the first 25)")
    elif page.onet_source:
        lines.append(f"O*NET ({page.onet_source}): no occupation lists it as a technology.")
    lines.extend(f"{sentence}" for sentence in page.not_computed)
    return lines
