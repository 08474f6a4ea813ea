"""The postings tables (market figures computed from job postings): the one module that reads them.

    postings_roles(db, dataset_id) -> list[RoleFigures]
    postings_skills(db, dataset_id, role=ALL_ROLES) -> list[SkillFigures]
    skill_by_role(db, dataset_id, skill_key) -> list[SkillFigures]      # the role breakdown
    pay_raising_skills(db, dataset_id, role) -> list[SkillFigures]
    skill_pairings(db, dataset_id, skill_key, role=ALL_ROLES) -> list[Pairing]
    skill_rows(db, dataset_id, skill_key) -> list[dict]                 # every scope, raw figures
    paired_skill_names(db, dataset_id, skill_key, limit) -> [(name, share, lift)]
    salary_figures(db, dataset_id) -> [(key, name, with median, n, without median, n)]
    skills_named_like(db, dataset_id, text, limit) -> [(key, name, postings)]
    skill_figures(db, dataset_id, skill_key, role=ALL_ROLES) -> SkillFigures | None
    named_pairings(db, dataset_id, skill_key, limit) -> [(Pairing, other skill's name)]
    demand_by_role(db, dataset_id, skill_keys) -> {role: {skill key: demand rate}}

A postings dataset is installed by `services.dataset_import.import_postings`.
"""

from __future__ import annotations

import json

from careerplanner.core.datasets import DATASET_TABLES
from careerplanner.core.market import ALL_ROLES, Pairing, RoleFigures, SkillFigures
from careerplanner.store.connection import Database

ROLE_COLUMNS = DATASET_TABLES["postings"]["posting_role"]
SKILL_COLUMNS = DATASET_TABLES["postings"]["posting_skill"]
PAIRING_COLUMNS = DATASET_TABLES["postings"]["posting_pairing"]


def _select(db, table: str, columns: tuple[str, ...], where: str, params: list) -> list[dict]:
    sql = f"SELECT {', '.join(columns)} FROM {table} WHERE {where}"
    return [dict(zip(columns, row, strict=True)) for row in db.execute(sql, params).fetchall()]


def _role(row: dict) -> RoleFigures:
    percentiles = tuple(row[f] for f in ("pay_p10", "pay_p25", "pay_median", "pay_p75", "pay_p90"))
    return RoleFigures(
        role=row["role"],
        jobs=row["jobs"],
        jobs_with_salary=row["jobs_with_salary"],
        pay_percentiles=None if percentiles[0] is None else percentiles,  # type: ignore[arg-type]
        seniority=tuple((name, count) for name, count in json.loads(row["seniority_json"])),
    )


def _skill(row: dict) -> SkillFigures:
    return SkillFigures(
        role=row["role"],
        skill_key=row["skill_key"],
        skill_name=row["skill_name"],
        jobs=row["jobs"],
        jobs_with_skill=row["jobs_with_skill"],
        demand_rate=row["demand_rate"],
        depth_median=row["depth_median"],
        depth_mean=row["depth_mean"],
        depth_distribution=tuple(row[f"depth_l{level}"] for level in range(6)),  # type: ignore[arg-type]
        salary_with_median=row["salary_with_median"],
        salary_with_n=row["salary_with_n"],
        salary_without_median=row["salary_without_median"],
        salary_without_n=row["salary_without_n"],
        raises_pay=bool(row["raises_pay"]),
        jobs_must=row["jobs_must"],
        jobs_nice=row["jobs_nice"],
        seniority=tuple((name, count) for name, count in json.loads(row["seniority_json"] or "[]")),
    )


def postings_roles(db: Database, dataset_id: int) -> list[RoleFigures]:
    """All postings (role "") first, then each role by number of postings."""
    rows = _select(db, "posting_role", ROLE_COLUMNS, "dataset_id = ?", [dataset_id])
    roles = [_role(row) for row in rows]
    return sorted(roles, key=lambda r: (r.role != ALL_ROLES, -r.jobs, r.role))


def postings_skills(db: Database, dataset_id: int, role: str = ALL_ROLES) -> list[SkillFigures]:
    """A scope's skills, most demanded first."""
    rows = _select(
        db, "posting_skill", SKILL_COLUMNS, "dataset_id = ? AND role = ?", [dataset_id, role]
    )
    return sorted((_skill(r) for r in rows), key=lambda s: (-s.jobs_with_skill, s.skill_key))


def skill_by_role(db: Database, dataset_id: int, skill_key: str) -> list[SkillFigures]:
    """Which roles a skill's demand comes from: one entry per role, most postings first."""
    rows = _select(
        db,
        "posting_skill",
        SKILL_COLUMNS,
        "dataset_id = ? AND skill_key = ? AND role != ?",
        [dataset_id, skill_key, ALL_ROLES],
    )
    return sorted((_skill(r) for r in rows), key=lambda s: (-s.jobs_with_skill, s.role))


def pay_raising_skills(db: Database, dataset_id: int, role: str = ALL_ROLES) -> list[SkillFigures]:
    """Skills whose postings pay more (at least 3 salaried postings each side), best first."""
    skills = [s for s in postings_skills(db, dataset_id, role) if s.raises_pay]
    return sorted(skills, key=lambda s: -(s.salary_premium or 0.0))


def skill_pairings(
    db: Database, dataset_id: int, skill_key: str, role: str = ALL_ROLES
) -> list[Pairing]:
    """The skills seen most often alongside `skill_key`, with share and lift."""
    rows = _select(
        db,
        "posting_pairing",
        PAIRING_COLUMNS,
        "dataset_id = ? AND role = ? AND skill_key = ?",
        [dataset_id, role, skill_key],
    )
    pairings = [Pairing(**row) for row in rows]
    return sorted(pairings, key=lambda p: (-p.together, -p.lift, p.other_key))


def skill_rows(db: Database, dataset_id: int, skill_key: str) -> list[dict]:
    """Every column of a skill's figures in each scope (role; "" = all), most postings first."""
    cursor = db.execute(
        "SELECT * FROM posting_skill WHERE dataset_id = ? AND skill_key = ? ORDER BY jobs DESC",
        [dataset_id, skill_key],
    )
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def paired_skill_names(
    db: Database, dataset_id: int, skill_key: str, limit: int = 10
) -> list[tuple[str, float, float]]:
    """(other skill name, share, lift) for the skills most often alongside `skill_key`."""
    return db.execute(
        """SELECT coalesce(s.skill_name, p.other_key), p.share, p.lift FROM posting_pairing p
           LEFT JOIN posting_skill s ON s.dataset_id = p.dataset_id AND s.role = p.role
             AND s.skill_key = p.other_key
           WHERE p.dataset_id = ? AND p.role = '' AND p.skill_key = ?
           ORDER BY p.share DESC LIMIT ?""",
        [dataset_id, skill_key, limit],
    ).fetchall()


def salary_figures(db: Database, dataset_id: int | None) -> list[tuple]:
    """(key, name, median with, n with, median without, n without) of every skill, all postings."""
    return db.execute(
        """SELECT skill_key, skill_name, salary_with_median, salary_with_n,
                  salary_without_median, salary_without_n
           FROM posting_skill WHERE dataset_id = ? AND role = ''""",
        [dataset_id],
    ).fetchall()


def skills_named_like(
    db: Database, dataset_id: int, text: str, limit: int
) -> list[tuple[str, str, int]]:
    """(key, name, postings asking for it) of skills whose name contains `text`, most first."""
    return db.execute(
        """SELECT skill_key, skill_name, jobs_with_skill FROM posting_skill
           WHERE dataset_id = ? AND role = '' AND skill_name LIKE ?
           ORDER BY jobs_with_skill DESC LIMIT ?""",
        [dataset_id, f"%{text}%", limit],
    ).fetchall()


def skill_figures(
    db: Database, dataset_id: int, skill_key: str, role: str = ALL_ROLES
) -> SkillFigures | None:
    """One skill's figures in one scope (all postings by default); None where no posting asks."""
    rows = _select(
        db,
        "posting_skill",
        SKILL_COLUMNS,
        "dataset_id = ? AND role = ? AND skill_key = ?",
        [dataset_id, role, skill_key],
    )
    return _skill(rows[0]) if rows else None


def named_pairings(
    db: Database, dataset_id: int, skill_key: str, limit: int = 10
) -> list[tuple[Pairing, str]]:
    """The skills most often alongside `skill_key` in all postings, each with its name."""
    pairings = skill_pairings(db, dataset_id, skill_key)[:limit]
    if not pairings:
        return []
    keys = [pairing.other_key for pairing in pairings]
    marks = ", ".join("?" for _ in keys)
    names = dict(
        db.execute(
            f"SELECT skill_key, skill_name FROM posting_skill WHERE dataset_id = ? AND role = ? "
            f"AND skill_key IN ({marks})",
            [dataset_id, ALL_ROLES, *keys],
        ).fetchall()
    )
    return [(pairing, names.get(pairing.other_key, pairing.other_key)) for pairing in pairings]


def demand_by_role(
    db: Database, dataset_id: int, skill_keys: list[str]
) -> dict[str, dict[str, float]]:
    """Role ("" = all postings) -> {skill key: demand rate} for the given skills, in one read."""
    if not skill_keys:
        return {}
    marks = ", ".join("?" for _ in skill_keys)
    found: dict[str, dict[str, float]] = {}
    for role, key, rate in db.execute(
        f"SELECT role, skill_key, demand_rate FROM posting_skill WHERE dataset_id = ? "
        f"AND skill_key IN ({marks})",
        [dataset_id, *skill_keys],
    ):
        found.setdefault(role, {})[key] = rate
    return found
