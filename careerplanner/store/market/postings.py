"""Market figures from job postings: importing a postings file and reading the figures back.

    import_postings(db, path, finder=None, mapping=None, progress, cancel) -> InstallResult
    postings_roles(db, dataset_id) -> list[RoleFigures]
    postings_skills(db, dataset_id, role=ALL_ROLES) -> list[SkillFigures]
    skill_by_role(db, dataset_id, skill_key) -> list[SkillFigures]      # the role breakdown
    pay_raising_skills(db, dataset_id, role) -> list[SkillFigures]
    skill_pairings(db, dataset_id, skill_key, role=ALL_ROLES) -> list[Pairing]

The figures are computed by `core.market` while the file is read (nothing per posting is kept)
and stored as one dataset version of kind "postings" by `market_repo.install_dataset`, in one
transaction: a failure or Cancel leaves the previous version active and no partial rows.
"""

from __future__ import annotations

import json
from pathlib import Path

from careerplanner.core.market import ALL_ROLES, Pairing, RoleFigures, SkillFigures
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.errors import UserError
from careerplanner.importers.datasets.postings import (
    PAIRING_COLUMNS,
    ROLE_COLUMNS,
    SKILL_COLUMNS,
    PostingColumns,
    analyse_postings,
    postings_dataset,
)
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import InstallResult, install_dataset, skill_terms


def default_finder(db: Database):
    """The shared skill finder over the active datasets' vocabulary and the curated aliases."""
    from careerplanner.analysis.vocabulary import build_vocabulary, read_curated_aliases

    terms = skill_terms(db)
    if not terms:
        raise UserError(
            "Install an O*NET dataset before importing job postings: the skills in job ads are "
            "found with its skill list."
        )
    return build_vocabulary(terms, read_curated_aliases()).finder()


def import_postings(
    db: Database,
    path: Path,
    finder=None,
    mapping: PostingColumns | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    name: str | None = None,
) -> InstallResult:
    """Analyse a postings CSV or a folder of job ads and install the figures as a new version.

    `finder` defaults to `default_finder(db)`; `mapping` overrides the guessed column mapping.
    """
    finder = finder if finder is not None else default_finder(db)
    analysis = analyse_postings(Path(path), finder, mapping, progress, cancel)
    return install_dataset(db, postings_dataset(analysis, name=name), progress, cancel)


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
