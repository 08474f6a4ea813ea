"""The user's job ads as a collection: add (pasted or files), list, one ad with its requirements,
the user's fixes, the status tracker, tags, the fit for one ad and the figures of a group.

The GUI's Job ads screen and `careerplanner ads ...` both call these; /tmp/helpers/H5-api.md and
docs/architecture.md describe the API. Reading an ad is `services.ads.parse_ad_text` (the same
reader as `ads parse`); the fit is `core.gap` with the levels that count
(`services.levels.user_levels`); a group's figures are `core.market.MarketAggregator`, each ad
one posting, so they mean exactly what the skill pages' figures mean.

An ad's requirements are the reader's, with the user's fixes on top: the reader's are replaced
each time the ad is read again (`reread_ads`, after the reader or the dataset improves), the fixes
are kept apart and applied to every reading.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from careerplanner.analysis.job_ads import AdRequirement
from careerplanner.core.gap import (
    GapRow,
    Requirement,
    RoleGap,
    WhatIf,
    best_next_steps,
    compute_gap,
    what_if,
)
from careerplanner.core.levels import Level
from careerplanner.core.market import (
    ALL_ROLES,
    SMALL_SAMPLE_N,
    MarketAggregator,
    Pairing,
    PostingFacts,
    is_small_sample,
)
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.core.skills import normalise
from careerplanner.errors import Cancelled, UserError
from careerplanner.exports.ads_csv import ads_csv
from careerplanner.exports.files import write_file
from careerplanner.importers.ads.fields import Salary, find_fields, parse_salary_text
from careerplanner.importers.ads.html_text import HTML_SUFFIXES
from careerplanner.importers.ads.reader import (
    EMAIL_SUFFIXES,
    MAX_READ_BYTES,
    TEXT_SUFFIXES,
    RawAd,
    read_ads,
)
from careerplanner.services.ads import parse_ad_text
from careerplanner.services.gap import PayEffect, RoleGapReport, SkillPay, find_row
from careerplanner.services.levels import user_data_version, user_levels
from careerplanner.services.market_pages import technology_matcher
from careerplanner.services.resume_import import resume_finder
from careerplanner.services.roadmap_skills import resolve_skill
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import active_datasets
from careerplanner.store.market.renames import older_keys
from careerplanner.store.user import ads as store
from careerplanner.store.user.ads import STATUSES, NewAd, RequirementFix, StoredRequirement

__all__ = ["SMALL_SAMPLE_N", "STATUSES"]

MUST, NICE = "must", "nice"
MUST_WEIGHT, NICE_WEIGHT = 1.0, 0.5  # in one ad's fit, a nice-to-have counts half a must-have
MAX_TAG_CHARS = 60
UNTITLED_CHARS = 60
AD_FILE_SUFFIXES = (
    (TEXT_SUFFIXES - {""}) | HTML_SUFFIXES | EMAIL_SUFFIXES | {".pdf", ".docx", ".json"}
)
MAX_IDS_IN_QUERY = 500  # past this a filtered list reads every ad's rows and filters here
_READING_KINDS = ("onet", "esco")  # the datasets whose vocabulary the reader uses


class DuplicateAdError(UserError):
    """The ad is already in the collection; `ad_id` is the one it is."""

    def __init__(self, message: str, ad_id: int) -> None:
        super().__init__(message)
        self.ad_id = ad_id


class NoRequirementError(UserError):
    """No requirement was recognised in the ad: the caller may offer to keep it anyway
    (`allow_empty=True`) so the user adds its requirements by hand."""


# --------------------------------------------------------------------------- what callers get


@dataclass(frozen=True)
class AdSummary:
    id: int
    title: str
    company: str
    location: str
    seen_on: str | None
    added_at: str
    status: str
    status_at: str
    tags: tuple[str, ...]
    must_count: int
    nice_count: int
    salary_annual: float | None
    salary_text: str
    fit: float | None
    source_name: str
    link: str
    salary_currency: str = ""

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "company": self.company,
            "location": self.location,
            "seen_on": self.seen_on,
            "added_at": self.added_at,
            "status": self.status,
            "status_at": self.status_at,
            "tags": list(self.tags),
            "must": self.must_count,
            "nice": self.nice_count,
            "salary_annual": self.salary_annual,
            "salary_text": self.salary_text,
            "salary_currency": self.salary_currency or None,
            "fit": None if self.fit is None else round(self.fit, 4),
            "source": self.source_name,
            "link": self.link,
        }


@dataclass(frozen=True)
class AdRequirementView:
    skill_key: str
    skill_name: str
    level: int
    required: str  # must | nice
    aliases: tuple[str, ...]
    evidence: tuple[tuple[str, str], ...]  # (sentence, reason)
    spans: tuple[tuple[int, int], ...]  # where the ad's text names it
    fix: str = ""  # "" | "added" | "changed" | "removed"
    read_level: int | None = None
    read_required: str | None = None

    def as_dict(self) -> dict:
        return {
            "skill": self.skill_name,
            "key": self.skill_key,
            "level": self.level,
            "required": self.required,
            "aliases": list(self.aliases),
            "evidence": [{"text": text, "reason": reason} for text, reason in self.evidence],
            "spans": [list(span) for span in self.spans],
            "fix": self.fix or None,
            "read_level": self.read_level,
            "read_required": self.read_required,
        }


@dataclass(frozen=True)
class AdDetail:
    summary: AdSummary
    text: str
    source_format: str
    salary_currency: str
    salary_period: str
    notes: tuple[str, ...]
    requirements: tuple[AdRequirementView, ...]
    removed: tuple[AdRequirementView, ...]
    history: tuple[tuple[str, str], ...]
    read_with: str

    def as_dict(self) -> dict:
        return {
            **self.summary.as_dict(),
            "format": self.source_format,
            "salary_currency": self.salary_currency or None,
            "salary_period": self.salary_period or None,
            "notes": list(self.notes),
            "requirements": [req.as_dict() for req in self.requirements],
            "removed": [req.as_dict() for req in self.removed],
            "history": [{"status": status, "at": at} for status, at in self.history],
            "read_with": self.read_with,
            "text": self.text,
        }


@dataclass(frozen=True)
class AddOutcome:
    source: str
    ad_id: int | None
    message: str = ""
    duplicate: bool = False
    no_requirement: bool = False  # refused only because none was recognised (see allow_empty)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "id": self.ad_id,
            "added": self.ad_id is not None and not self.duplicate,
            "duplicate": self.duplicate,
            "no_requirement": self.no_requirement,
            "message": self.message or None,
        }


@dataclass
class AddReport:
    outcomes: list[AddOutcome] = field(default_factory=list)

    @property
    def added(self) -> list[AddOutcome]:
        return [o for o in self.outcomes if o.ad_id is not None and not o.duplicate]

    @property
    def refused(self) -> list[AddOutcome]:
        return [o for o in self.outcomes if o.ad_id is None or o.duplicate]

    def sentence(self) -> str:
        added = len(self.added)
        duplicates = sum(1 for o in self.outcomes if o.duplicate)
        refused = len(self.outcomes) - added - duplicates
        parts = [f"Added {added} ad{'s' if added != 1 else ''}"]
        if duplicates:
            parts.append(f"{duplicates} {'was' if duplicates == 1 else 'were'} already in your ads")
        if refused:
            parts.append(f"{refused} refused")
        return "; ".join(parts) + "."


@dataclass(frozen=True)
class AdFitRow:
    skill_key: str
    skill_name: str
    required: str
    required_level: int
    your_level: int
    gap: int
    met: bool
    weight: float
    level_from: str = ""

    def as_dict(self) -> dict:
        return {
            "skill": self.skill_name,
            "key": self.skill_key,
            "required": self.required,
            "required_level": self.required_level,
            "your_level": self.your_level,
            "gap": self.gap,
            "met": self.met,
            "weight": self.weight,
            "level_from": self.level_from or None,
        }


@dataclass(frozen=True)
class AdFit:
    ad_id: int
    title: str
    fit: float
    gap: RoleGap
    rows: tuple[AdFitRow, ...]
    next_steps: tuple[WhatIf, ...]
    salary_annual: float | None
    salary_text: str

    def as_dict(self) -> dict:
        return {
            "id": self.ad_id,
            "title": self.title,
            "fit": round(self.fit, 4),
            "requirements": [row.as_dict() for row in self.rows],
            "what_if": [_what_if_dict(step, self.title) for step in self.next_steps],
            "salary_annual": self.salary_annual,
            "salary_text": self.salary_text or None,
        }


@dataclass(frozen=True)
class GroupSkill:
    skill_key: str
    skill_name: str
    n: int  # ads in the group
    asked_n: int  # ads asking for it, must or nice
    must_n: int
    nice_n: int
    depth_median: float
    depth_distribution: tuple[int, int, int, int, int, int]
    salary_with_median: float | None
    salary_with_n: int
    salary_without_median: float | None
    salary_without_n: int

    @property
    def asked_share(self) -> float:
        return self.asked_n / self.n

    @property
    def must_share(self) -> float:
        return self.must_n / self.n

    @property
    def nice_share(self) -> float:
        return self.nice_n / self.n

    @property
    def small_sample(self) -> bool:
        return is_small_sample(self.n)

    @property
    def depth_small_sample(self) -> bool:
        return is_small_sample(self.asked_n)

    def as_dict(self) -> dict:
        return {
            "skill": self.skill_name,
            "key": self.skill_key,
            "n": self.n,
            "asked": self.asked_n,
            "asked_share": round(self.asked_share, 4),
            "must": self.must_n,
            "must_share": round(self.must_share, 4),
            "nice": self.nice_n,
            "nice_share": round(self.nice_share, 4),
            "small_sample": self.small_sample,
            "depth_median": self.depth_median,
            "depth_distribution": list(self.depth_distribution),
            "depth_n": self.asked_n,
            "depth_small_sample": self.depth_small_sample,
            "pay_with": {"median": self.salary_with_median, "n": self.salary_with_n},
            "pay_without": {"median": self.salary_without_median, "n": self.salary_without_n},
        }


@dataclass(frozen=True)
class GroupSummary:
    label: str
    ad_ids: tuple[int, ...]
    n: int
    with_salary: int
    pay_percentiles: tuple[float, float, float, float, float] | None
    skills: tuple[GroupSkill, ...]
    pairings: tuple[Pairing, ...]
    names: dict[str, str]
    # Pay figures use the salaries in the group's most common currency only ("" when the ads do
    # not say); `other_currency` counts the salaried ads left out for stating another.
    currency: str = ""
    other_currency: int = 0

    @property
    def small_sample(self) -> bool:
        return is_small_sample(self.n)

    def skill(self, key: str) -> GroupSkill:
        return next(s for s in self.skills if s.skill_key == key)

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "ids": list(self.ad_ids),
            "n": self.n,
            "small_sample": self.small_sample,
            "with_salary": self.with_salary,
            "currency": self.currency or None,
            "other_currency": self.other_currency,
            "pay_percentiles": None
            if self.pay_percentiles is None
            else dict(
                zip(("p10", "p25", "median", "p75", "p90"), self.pay_percentiles, strict=True)
            ),
            "skills": [skill.as_dict() for skill in self.skills],
            "pairings": [
                {
                    "skill": self.names.get(p.skill_key, p.skill_key),
                    "key": p.skill_key,
                    "other": self.names.get(p.other_key, p.other_key),
                    "other_key": p.other_key,
                    "together": p.together,
                    "n": self.skill(p.skill_key).asked_n,
                    "share": round(p.share, 4),
                    "lift": round(p.lift, 4),
                    "small_sample": is_small_sample(self.skill(p.skill_key).asked_n),
                }
                for p in self.pairings
            ],
        }


# --------------------------------------------------------------------------- adding


def add_ad_text(
    user_db: Database,
    market_db: Database,
    text: str,
    *,
    title: str | None = None,
    company: str | None = None,
    location: str | None = None,
    link: str | None = None,
    salary_text: str | None = None,
    seen_on: str | date | None = None,
    tags: Iterable[str] = (),
    allow_empty: bool = False,
    source_name: str = "pasted text",
    finder=None,
) -> AdSummary:
    """Add a pasted ad (one transaction); UserError (DuplicateAdError) says why not."""
    if not text or not text.strip():
        raise UserError("The pasted text is empty; paste the job ad's text.")
    if len(text.encode("utf-8", errors="replace")) > MAX_READ_BYTES:
        raise UserError(
            f"The pasted text is over {MAX_READ_BYTES // 1_000_000} MB, too large for a job ad; "
            "paste only the ad."
        )
    if _control_share(text) > 0.05:
        raise UserError("The pasted text is not text (it holds control characters); paste the ad.")
    raw = RawAd("paste", text.replace("\r\n", "\n"))
    given = _Given(title, company, location, link, salary_text, _day(seen_on))
    ad_id = _add_raw(user_db, market_db, raw, source_name, given, _tags(tags), allow_empty, finder)
    return _summaries(user_db, [ad_id])[0]


@dataclass(frozen=True)
class _Given:
    title: str | None = None
    company: str | None = None
    location: str | None = None
    link: str | None = None
    salary_text: str | None = None
    seen_on: str | None = None


def add_ad_files(
    user_db: Database,
    market_db: Database,
    paths: Iterable[Path | str],
    *,
    tags: Iterable[str] = (),
    title: str | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    allow_empty: bool = False,
    finder=None,
) -> AddReport:
    """Add every ad in `paths` (files, folders); one transaction per ad, one outcome per ad
    or refused file. A cancel keeps the ads added before it."""
    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    tags = _tags(tags)
    files, report = _expand(paths)
    readers: list = [finder]  # the finder is loaded once, when the first file has been read
    for done, path in enumerate(files):
        cancel.check()
        progress(done, len(files), f"Reading {path.name}")
        try:
            raws = read_ads(path, cancel)
            if raws and raws[0].cut:
                raise UserError(
                    f"{path.name} is {path.stat().st_size / 1e6:.0f} MB, too large for a job ad "
                    f"(the limit is {MAX_READ_BYTES // 1_000_000} MB); save only the ad's page "
                    "or its text."
                )
        except Cancelled:
            raise
        except UserError as error:
            report.outcomes.append(AddOutcome(path.name, None, str(error)))
            continue
        given = _Given(title=title if len(raws) == 1 else None)
        for index, raw in enumerate(raws):
            cancel.check()
            source = path.name if len(raws) == 1 else f"{path.name} (ad {index + 1})"
            if readers[0] is None:
                readers[0] = resume_finder(market_db)
            try:
                ad_id = _add_raw(
                    user_db, market_db, raw, source, given, tags, allow_empty, readers[0]
                )
            except DuplicateAdError as error:
                report.outcomes.append(AddOutcome(source, error.ad_id, str(error), True))
            except Cancelled:
                raise
            except NoRequirementError as error:
                report.outcomes.append(AddOutcome(source, None, str(error), no_requirement=True))
            except UserError as error:
                report.outcomes.append(AddOutcome(source, None, str(error)))
            else:
                report.outcomes.append(AddOutcome(source, ad_id))
    progress(len(files), len(files), report.sentence())
    return report


def _expand(paths: Iterable[Path | str]) -> tuple[list[Path], AddReport]:
    """The files to read: each file named, and the ad files inside each folder (sorted)."""
    files: list[Path] = []
    report = AddReport()
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            for candidate in inside:
                if candidate.suffix.lower() in AD_FILE_SUFFIXES:
                    files.append(candidate)
                else:
                    report.outcomes.append(
                        AddOutcome(
                            candidate.name,
                            None,
                            f"{candidate.name} was skipped: it is not a kind of file job ads "
                            "come in.",
                        )
                    )
        elif not path.exists():
            report.outcomes.append(AddOutcome(path.name, None, f"{path} does not exist."))
        else:
            files.append(path)
    return files, report


def _add_raw(
    user_db: Database,
    market_db: Database,
    raw: RawAd,
    source: str,
    given: _Given,
    tags: tuple[str, ...],
    allow_empty: bool,
    finder,
) -> int:
    text = raw.text.strip()
    if not text:
        raise UserError(f"{source} holds no text; there is no job ad to read.")
    digest = ad_digest(text)
    existing = store.ad_with_digest(user_db, digest)
    if existing is not None:
        raise DuplicateAdError(f"{source} is already in your ads as #{existing}.", existing)
    parsed = parse_ad_text(raw._replace(text=text), source, finder or resume_finder(market_db))
    if not parsed.skills and not allow_empty:
        raise NoRequirementError(
            f"No requirement recognised in {source}; add them by hand (keep the ad anyway, then "
            "add its requirements)."
        )
    found = find_fields(text)
    salary = _salary(given.salary_text, raw.salary, found.salary)
    new = NewAd(
        sha256=digest,
        text=text,
        source_format=raw.format,
        source_name=source,
        title=_pick(given.title, raw.title, found.title) or _untitled(source, text),
        company=_pick(given.company, raw.company, found.company),
        location=_pick(given.location, raw.location, found.location),
        link=_pick(given.link, raw.link),
        salary_text=salary.text if salary else (given.salary_text or "").strip(),
        salary_annual=salary.annual if salary else None,
        salary_currency=salary.currency if salary else "",
        salary_period=salary.period if salary else "",
        seen_on=given.seen_on or date.today().isoformat(),
        read_with=reading_label(market_db),
        notes=tuple(n for n in parsed.notes if not n.startswith("No skill of the active")),
    )
    return store.insert_ad(user_db, new, [_stored(req) for req in parsed.skills], tags)


def _untitled(source: str, text: str) -> str:
    """A name for an ad that states no title: its file's name, or a pasted ad's first words."""
    stem = Path(source).stem if source != "pasted text" else ""
    if stem and not stem.startswith("pasted"):
        return stem
    words = " ".join(text.split())
    if len(words) <= UNTITLED_CHARS:
        return words
    return words[:UNTITLED_CHARS].rsplit(" ", 1)[0] + " …"


def ad_digest(text: str) -> str:
    """What makes two ads the same ad: their text, white space aside."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _stored(req: AdRequirement) -> StoredRequirement:
    return StoredRequirement(
        req.key,
        req.name,
        int(req.level),
        req.required,
        tuple(req.aliases),
        tuple((e.text, e.reason) for e in req.evidence),
    )


def _pick(*values: str | None) -> str:
    for value in values:
        if value and value.strip():
            return " ".join(value.split())
    return ""


def _salary(given: str | None, stated: str, found: Salary | None) -> Salary | None:
    if given and given.strip():
        return parse_salary_text(given)
    if stated:
        parsed = parse_salary_text(stated)
        if parsed is not None:
            return parsed
    return found


def _day(value: str | date | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise UserError(f"“{value}” is not a date; write it as YYYY-MM-DD.") from None


def _tags(tags: Iterable[str]) -> tuple[str, ...]:
    cleaned = []
    for tag in tags:
        tag = " ".join(str(tag).split())
        if not tag:
            continue
        if len(tag) > MAX_TAG_CHARS:
            raise UserError(f"The tag “{tag[:20]}…” is longer than {MAX_TAG_CHARS} characters.")
        if tag not in cleaned:
            cleaned.append(tag)
    return tuple(cleaned)


def _control_share(text: str) -> float:
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / max(len(sample), 1)


def reading_label(market_db: Database) -> str:
    """The datasets whose vocabulary read the ad ("O*NET 29.2, ESCO 1.2.0")."""
    labels = sorted(d.label for d in active_datasets(market_db) if d.kind in _READING_KINDS)
    return ", ".join(labels)


# --------------------------------------------------------------------------- reading the collection


def list_ads(
    user_db: Database,
    market_db: Database | None = None,
    *,
    tag: str | None = None,
    status: str | None = None,
    ids: Sequence[int] | None = None,
) -> list[AdSummary]:
    """The ads, newest first; with `market_db`, each with the user's fit for it."""
    if status is not None and status not in STATUSES:
        raise UserError(f"“{status}” is not a status; use one of {', '.join(STATUSES)}.")
    rows = store.ad_rows(user_db, tag=tag, status=status, ids=ids)
    return _summaries(user_db, rows, market_db)


def _summaries(user_db: Database, rows, market_db: Database | None = None) -> list[AdSummary]:
    if rows and isinstance(rows[0], int):
        rows = store.ad_rows(user_db, ids=rows)
    ids = None if len(rows) > MAX_IDS_IN_QUERY else [row.id for row in rows]
    collection = _collection(user_db)
    tags = store.tags_by_ad(user_db, ids)
    dates = store.status_dates(user_db, ids)
    fits = _fits(user_db, market_db) if market_db is not None else {}
    summaries = []
    for row in rows:
        kept = collection.get(row.id, ())
        must = sum(1 for req in kept if req[3] == MUST)
        summaries.append(
            AdSummary(
                id=row.id,
                title=row.title,
                company=row.company,
                location=row.location,
                seen_on=row.seen_on,
                added_at=row.added_at,
                status=row.status,
                status_at=dates.get(row.id, row.added_at),
                tags=tags.get(row.id, ()),
                must_count=must,
                nice_count=len(kept) - must,
                salary_annual=row.salary_annual,
                salary_text=row.salary_text,
                fit=fits.get(row.id) if market_db is not None else None,
                source_name=row.source_name,
                link=row.link,
                salary_currency=row.salary_currency,
            )
        )
    return summaries


def _collection(user_db: Database) -> dict[int, list[tuple[str, str, int, str]]]:
    """Every ad's requirements after the user's fixes, (key, name, level, must|nice): read once
    per change of the user's data and kept on the connection, so a list, a filter and a group's
    figures over 500 ads do not read 6,000 rows each time (a status or a tag changed reads none)."""
    version = (id(user_db.conn), store.requirements_version(user_db))
    cached = user_db.__dict__.get("_careerplanner_ads")
    if cached is None or cached[0] != version:
        by_ad: dict[int, list[tuple[str, str, int, str]]] = {}
        for ad_id, key, name, level, required in store.requirement_rows(user_db):
            by_ad.setdefault(ad_id, []).append((key, name, level, required))
        for ad_id, fixes in store.fixes_by_ad(user_db).items():
            read = [StoredRequirement(*req) for req in by_ad.get(ad_id, ())]
            kept, _removed = _apply_fixes(read, fixes)
            by_ad[ad_id] = [(r.skill_key, r.skill_name, r.level, r.required) for r in kept]
        cached = user_db.__dict__["_careerplanner_ads"] = (version, by_ad)
    return cached[1]


def _fits(user_db: Database, market_db: Database) -> dict[int, float]:
    """The user's fit for every ad, as `ad_fit` computes it (`core.gap`: the weighted share of
    the requirements met, a must weighing MUST_WEIGHT and a nice NICE_WEIGHT; an ad with none
    is 1.0), kept on the connection per change of either database."""
    conn = market_db.conn
    market_version = (
        id(conn),
        conn.execute("PRAGMA data_version").fetchone()[0],
        conn.total_changes,
    )
    version = (user_data_version(user_db), market_version)
    cached = user_db.__dict__.get("_careerplanner_ad_fits")
    if cached is None or cached[0] != version:
        collection = _collection(user_db)
        levels = user_levels(user_db)
        forms = _Forms(market_db)
        forms.prepare(key for reqs in collection.values() for key, *_rest in reqs)
        by_form = getattr(levels, "by_form", {})
        known: dict[tuple[str, str], int] = {}
        fits: dict[int, float] = {}
        for ad_id, reqs in collection.items():
            total = met = 0.0
            for key, name, level, required in reqs:
                weight = MUST_WEIGHT if required == MUST else NICE_WEIGHT
                total += weight
                have = known.get((key, name))
                if have is None:
                    # as core.gap._your_level: the same key, else the best profile skill
                    # sharing a name form, else L0
                    if key in levels:
                        have = int(levels[key])
                    else:
                        matches = [by_form[f] for f in forms.forms(key, name) if f in by_form]
                        have = max((int(levels.get(m, 0)) for m in matches), default=0)
                    known[(key, name)] = have
                if have >= level:
                    met += weight
            fits[ad_id] = met / total if total else 1.0
        cached = user_db.__dict__["_careerplanner_ad_fits"] = (version, fits)
    return cached[1]


def all_tags(user_db: Database) -> list[tuple[str, int]]:
    """Every tag with how many ads carry it."""
    return store.tag_counts(user_db)


def get_ad(user_db: Database, ad_id: int) -> AdDetail:
    """One ad whole: its text, requirements (after fixes) with where the text names each,
    what the user removed, and the status history."""
    row = store.ad_row(user_db, ad_id)
    text, notes = store.ad_text(user_db, ad_id)
    read = store.requirements_by_ad(user_db, [ad_id], full=True).get(ad_id, [])
    fixes = store.fixes_by_ad(user_db, [ad_id]).get(ad_id, [])
    kept, removed = _apply_fixes(read, fixes)
    (summary,) = _summaries(user_db, [row])
    return AdDetail(
        summary=summary,
        text=text,
        source_format=row.source_format,
        salary_currency=row.salary_currency,
        salary_period=row.salary_period,
        notes=notes,
        requirements=tuple(_view(text, req) for req in kept),
        removed=tuple(_view(text, req) for req in removed),
        history=tuple(store.status_history(user_db, ad_id)),
        read_with=row.read_with,
    )


@dataclass(frozen=True)
class _Effective:
    """A requirement after the user's fixes, with what the reader said."""

    skill_key: str
    skill_name: str
    level: int
    required: str
    aliases: tuple[str, ...] = ()
    evidence: tuple[tuple[str, str], ...] = ()
    fix: str = ""
    read_level: int | None = None
    read_required: str | None = None


def _apply_fixes(
    read: Sequence[StoredRequirement], fixes: Sequence[RequirementFix]
) -> tuple[list[_Effective], list[_Effective]]:
    """(requirements after the fixes, must first then by level; the ones the user removed)."""
    by_key = {
        req.skill_key: _Effective(
            req.skill_key,
            req.skill_name,
            req.level,
            req.required,
            req.aliases,
            req.evidence,
            read_level=req.level,
            read_required=req.required,
        )
        for req in read
    }
    removed = []
    for fix in fixes:
        known = by_key.get(fix.skill_key)
        if fix.action == "remove":
            if known is not None:
                removed.append(replace(by_key.pop(fix.skill_key), fix="removed"))
            continue
        if known is None:
            by_key[fix.skill_key] = _Effective(
                fix.skill_key,
                fix.skill_name,
                int(fix.level),
                fix.required or MUST,
                (fix.skill_name,),
                (("added by you", f"L{fix.level}, {fix.required or MUST}"),),
                fix="added",
            )
        else:
            by_key[fix.skill_key] = replace(
                known,
                level=int(fix.level),
                required=fix.required or known.required,
                fix="changed",
            )
    kept = sorted(
        by_key.values(), key=lambda r: (r.required != MUST, -r.level, r.skill_name.casefold())
    )
    return kept, removed


def _view(text: str, req: _Effective) -> AdRequirementView:
    return AdRequirementView(
        req.skill_key,
        req.skill_name,
        req.level,
        req.required,
        req.aliases,
        req.evidence,
        _spans(text, req.aliases or (req.skill_name,)),
        req.fix,
        req.read_level,
        req.read_required,
    )


def _spans(text: str, words: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Where the text names the skill (any of its words, case aside, whole words only)."""
    spans = set()
    for word in words:
        word = word.strip()
        if not word:
            continue
        pattern = re.compile(
            r"(?<!\w)" + r"\s+".join(map(re.escape, word.split())) + r"(?!\w)", re.I
        )
        spans.update(match.span() for match in pattern.finditer(text))
    ordered = sorted(spans)
    merged: list[tuple[int, int]] = []
    for start, end in ordered:  # overlapping words ("SQL", "SQL Server") become one span
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


# --------------------------------------------------------------------------- changing ads


def set_status(user_db: Database, ad_id: int, status: str, *, at: str | None = None) -> None:
    """The ad's new status; the change and its date join the ad's history."""
    store.record_status(user_db, int(ad_id), status.strip().casefold(), at)


def set_tags(user_db: Database, ad_id: int, tags: Iterable[str]) -> None:
    store.replace_tags(user_db, int(ad_id), _tags(tags))


def add_tags(user_db: Database, ad_ids: Iterable[int], tags: Iterable[str]) -> None:
    store.add_ad_tags(user_db, [int(i) for i in ad_ids], _tags(tags))


def remove_tag(user_db: Database, ad_ids: Iterable[int], tag: str) -> None:
    store.remove_ad_tag(user_db, [int(i) for i in ad_ids], " ".join(tag.split()))


def remove_ads(user_db: Database, ad_ids: Iterable[int]) -> int:
    ad_ids = [int(i) for i in ad_ids]
    for ad_id in ad_ids:
        store.ad_row(user_db, ad_id)  # an unknown id is refused before anything is removed
    return store.delete_ads(user_db, ad_ids)


def update_ad_fields(
    user_db: Database,
    ad_id: int,
    *,
    title: str | None = None,
    company: str | None = None,
    location: str | None = None,
    link: str | None = None,
    salary_text: str | None = None,
    seen_on: str | date | None = None,
) -> None:
    """Change the fields the user gives (None leaves one as it is); a salary is annualised."""
    values: dict = {}
    for name, value in (
        ("title", title),
        ("company", company),
        ("location", location),
        ("link", link),
    ):
        if value is not None:
            values[name] = " ".join(value.split())
    if seen_on is not None:
        values["seen_on"] = _day(seen_on)
    if salary_text is not None:
        salary = parse_salary_text(salary_text)
        values["salary_text"] = " ".join(salary_text.split())
        values["salary_annual"] = salary.annual if salary else None
        values["salary_currency"] = salary.currency if salary else ""
        values["salary_period"] = salary.period if salary else ""
    store.update_fields(user_db, int(ad_id), values)


def fix_requirement(
    user_db: Database,
    market_db: Database | None,
    ad_id: int,
    *,
    remove: str | None = None,
    add: tuple | None = None,
    set: tuple | None = None,
) -> AdDetail:
    """The user's fix of one requirement, kept across re-reads. `remove="Kubernetes"`,
    `add=("Kubernetes", 3, "must")`, `set=("Kubernetes", 3)` or `("Kubernetes", 3, "nice")`."""
    ad_id = int(ad_id)
    given = [value for value in (remove, add, set) if value is not None]
    if len(given) != 1:
        raise UserError("Give one fix: remove a requirement, add one or set one's level.")
    detail = get_ad(user_db, ad_id)
    if remove is not None:
        req = _requirement(detail, remove)
        store.save_fix(
            user_db, ad_id, RequirementFix(req.skill_key, req.skill_name, "remove", None, None)
        )
        return get_ad(user_db, ad_id)
    if add is not None:
        name, level, required = (*add, MUST)[:3] if len(add) == 2 else add
        level, required = _level(level), _must_or_nice(required)
        known = _find_requirement(detail, name)
        if known is not None:
            key, skill_name = known.skill_key, known.skill_name
        else:
            removed = _find_in(detail.removed, name)
            key, skill_name = (
                (removed.skill_key, removed.skill_name)
                if removed is not None
                else resolve_skill(user_db, market_db, name)
            )
        read = {r.skill_key for r in detail.requirements if r.read_level is not None}
        read |= {r.skill_key for r in detail.removed}
        action = "set" if key in read else "add"
        store.save_fix(user_db, ad_id, RequirementFix(key, skill_name, action, level, required))
        return get_ad(user_db, ad_id)
    name, level, *rest = set
    req = _requirement(detail, name)
    required = _must_or_nice(rest[0]) if rest and rest[0] else req.required
    action = "add" if req.fix == "added" else "set"
    store.save_fix(
        user_db,
        ad_id,
        RequirementFix(req.skill_key, req.skill_name, action, _level(level), required),
    )
    return get_ad(user_db, ad_id)


def undo_fix(user_db: Database, ad_id: int, skill: str) -> AdDetail:
    """Back to what the reader found for `skill` (an added requirement goes away)."""
    detail = get_ad(user_db, int(ad_id))
    req = _find_requirement(detail, skill) or _find_in(detail.removed, skill)
    if req is None or not req.fix:
        raise UserError(f"You have not fixed “{skill}” in ad #{ad_id}.")
    store.delete_fix(user_db, int(ad_id), req.skill_key)
    return get_ad(user_db, int(ad_id))


def _find_in(reqs: Sequence[AdRequirementView], text: str) -> AdRequirementView | None:
    wanted = normalise(text)
    for rule in (
        lambda r: r.skill_key == text,
        lambda r: normalise(r.skill_name) == wanted,
        lambda r: wanted in {normalise(a) for a in r.aliases},
    ):
        found = [r for r in reqs if rule(r)]
        if found:
            return found[0]
    return None


def _find_requirement(detail: AdDetail, text: str) -> AdRequirementView | None:
    return _find_in(detail.requirements, text)


def _requirement(detail: AdDetail, text: str) -> AdRequirementView:
    found = _find_requirement(detail, text)
    if found is None:
        raise UserError(
            f"Ad #{detail.summary.id} does not ask for “{text}”; `ads show {detail.summary.id}` "
            "lists what it asks for."
        )
    return found


def _level(value) -> int:
    try:
        return int(Level.parse(value))
    except (ValueError, TypeError):
        raise UserError(f"“{value}” is not a level; use L0 to L5.") from None


def _must_or_nice(value) -> str:
    word = str(value or MUST).strip().casefold()
    if word not in (MUST, NICE):
        raise UserError(f"“{value}” is neither must nor nice.")
    return word


def reread_ads(
    user_db: Database,
    market_db: Database,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    finder=None,
) -> int:
    """Read every stored ad again with the current reader and dataset; the fixes stay (a fix
    made under a technology's old name follows it to its new one). One transaction per ad."""
    progress = progress or no_progress
    cancel = cancel or NEVER_CANCELLED
    finder = finder or resume_finder(market_db)
    label = reading_label(market_db)
    texts = store.ad_texts(user_db)
    fixes = store.fixes_by_ad(user_db)
    for done, (ad_id, text, _read_with) in enumerate(texts):
        cancel.check()
        progress(done, len(texts), f"Reading ad #{ad_id} again")
        try:
            parsed = parse_ad_text(RawAd("text", text), f"ad #{ad_id}", finder)
            requirements = [_stored(req) for req in parsed.skills]
        except UserError:
            requirements = []  # no longer English to the reader: keep the fixes only
        keys = [req.skill_key for req in requirements]
        renamed = older_keys(market_db, keys)
        current = set(keys)
        for new_key, old_keys in renamed.items():
            name = next(req.skill_name for req in requirements if req.skill_key == new_key)
            for fix in fixes.get(ad_id, []):
                if fix.skill_key in old_keys and fix.skill_key not in current:
                    store.move_fix(user_db, ad_id, fix.skill_key, new_key, name)
        store.replace_requirements(user_db, ad_id, requirements, label)
    progress(len(texts), len(texts), f"Read {len(texts)} ads again.")
    return len(texts)


def ads_to_reread(user_db: Database, market_db: Database) -> int:
    """How many ads were read with other datasets than the active ones."""
    label = reading_label(market_db)
    return sum(
        count for read_with, count in store.read_with_counts(user_db).items() if read_with != label
    )


# --------------------------------------------------------------------------- fit


class _Forms:
    """Gap requirements from an ad's requirements, with every name form each goes by (and its
    keys before renames), as `market_pages.role_requirements` gives a role's technologies."""

    def __init__(self, market_db: Database | None) -> None:
        self.market_db = market_db
        self.matcher = technology_matcher(market_db) if market_db is not None else None
        self._forms: dict[tuple[str, str], tuple[str, ...]] = {}
        self._older: dict[str, list[str]] = {}

    def prepare(self, keys: Iterable[str]) -> None:
        missing = [key for key in set(keys) if key not in self._older]
        if missing and self.market_db is not None:
            found = older_keys(self.market_db, missing)
            for key in missing:
                self._older[key] = found.get(key, [])

    def forms(self, key: str, name: str) -> tuple[str, ...]:
        cached = self._forms.get((key, name))
        if cached is None:
            found = set(self.matcher.forms(name, key)) if self.matcher else {normalise(name)}
            found.update(old.split(":", 1)[-1] for old in self._older.get(key, ()))
            cached = self._forms[(key, name)] = tuple(sorted(found))
        return cached

    def requirements(self, reqs: Sequence[_Effective]) -> list[Requirement]:
        self.prepare(r.skill_key for r in reqs)
        return [
            Requirement(
                skill_key=r.skill_key,
                skill_name=r.skill_name,
                required_level=r.level,
                weight=MUST_WEIGHT if r.required == MUST else NICE_WEIGHT,
                note=r.required,
                kind="technology",
                forms=self.forms(r.skill_key, r.skill_name),
            )
            for r in reqs
        ]


def _ad_gap(user_db: Database, market_db: Database, ad_id: int) -> tuple[AdDetail, RoleGap]:
    detail = get_ad(user_db, int(ad_id))
    reqs = [_Effective(r.skill_key, r.skill_name, r.level, r.required) for r in detail.requirements]
    title = detail.summary.title or f"ad #{ad_id}"
    gap = compute_gap(
        f"ad:{ad_id}", title, _Forms(market_db).requirements(reqs), user_levels(user_db)
    )
    return detail, gap


def ad_fit(user_db: Database, market_db: Database, ad_id: int) -> AdFit:
    """The user's fit for one ad: must-haves first, then nice-to-haves, each with the user's
    level, the gap and the best what-ifs; the pay when the ad states one."""
    detail, gap = _ad_gap(user_db, market_db, ad_id)
    required = {r.skill_key: r.required for r in detail.requirements}
    rows = sorted(
        (_fit_row(row, required[row.skill_key]) for row in gap.rows),
        key=lambda r: (r.required != MUST, -r.gap, -r.required_level, r.skill_name.casefold()),
    )
    return AdFit(
        detail.summary.id,
        gap.role_title,
        gap.fit,
        gap,
        tuple(rows),
        tuple(best_next_steps(gap)),
        detail.summary.salary_annual,
        detail.summary.salary_text,
    )


def _fit_row(row: GapRow, required: str) -> AdFitRow:
    return AdFitRow(
        row.skill_key,
        row.skill_name,
        required,
        row.required_level,
        row.your_level,
        row.gap,
        row.met,
        row.weight,
        row.level_from,
    )


def ad_what_if(user_db: Database, market_db: Database, ad_id: int, skill: str, level) -> WhatIf:
    """The fit for the ad if the user's level in `skill` were `level`."""
    detail, gap = _ad_gap(user_db, market_db, ad_id)
    req = _requirement(detail, skill)
    return what_if(gap, req.skill_key, _level(level))


def _what_if_dict(change: WhatIf, title: str) -> dict:
    return {
        "skill": change.skill_name,
        "from_level": change.from_level,
        "to_level": change.to_level,
        "fit_before": round(change.fit_before, 4),
        "fit_after": round(change.fit_after, 4),
        "sentence": change.sentence(title),
    }


# --------------------------------------------------------------------------- groups


def _group_ids(user_db: Database, tag: str | None, ids: Sequence[int] | None) -> tuple[str, list]:
    if tag is not None and ids is not None:
        raise UserError("Name a group by its tag or by ad numbers, not both.")
    if tag is not None:
        tag = " ".join(tag.split())
        rows = store.ad_rows(user_db, tag=tag)
        if not rows:
            raise UserError(f"No ad is tagged “{tag}”; `ads list` shows the tags in use.")
        return f"ads tagged “{tag}”", rows
    if ids is not None:
        ids = [int(i) for i in ids]
        rows = store.ad_rows(user_db, ids=ids)
        missing = sorted(set(ids) - {row.id for row in rows})
        if missing:
            raise UserError(f"There is no ad #{missing[0]} in your ads.")
        if not rows:
            raise UserError("Choose at least one ad.")
        return f"{len(rows)} selected ad{'s' if len(rows) != 1 else ''}", rows
    rows = store.ad_rows(user_db)
    if not rows:
        raise UserError("You have no job ads yet; add one with `ads add` or Add job ad.")
    return "all your ads", rows


def group_summary(
    user_db: Database,
    market_db: Database | None = None,
    *,
    tag: str | None = None,
    ids: Sequence[int] | None = None,
) -> GroupSummary:
    """The market figures of a group of ads (a tag, a selection, or all): each ad counted as
    one posting by `core.market.MarketAggregator`, must and nice counted apart."""
    label, rows = _group_ids(user_db, tag, ids)
    collection = _collection(user_db)
    currencies = Counter(row.salary_currency for row in rows if row.salary_annual is not None)
    # The most common currency; a tie goes to one the ads name over none, then by code.
    currency = min(currencies, key=lambda c: (-currencies[c], c == "", c)) if currencies else ""
    aggregator = MarketAggregator()
    names: dict[str, str] = {}
    must_n: dict[str, int] = {}
    nice_n: dict[str, int] = {}
    for row in rows:
        kept = collection.get(row.id, ())
        for key, name, _level, required in kept:
            names.setdefault(key, name)
            counter = must_n if required == MUST else nice_n
            counter[key] = counter.get(key, 0) + 1
        aggregator.add(
            PostingFacts(
                role="ads",
                seniority="",
                salary=row.salary_annual if row.salary_currency == currency else None,
                skills={key: level for key, _name, level, _required in kept},
            )
        )
    figures = aggregator.figures(names)
    scope = figures.role(ALL_ROLES)
    skills = [
        GroupSkill(
            skill_key=s.skill_key,
            skill_name=s.skill_name,
            n=s.jobs,
            asked_n=s.jobs_with_skill,
            must_n=must_n.get(s.skill_key, 0),
            nice_n=nice_n.get(s.skill_key, 0),
            depth_median=s.depth_median,
            depth_distribution=s.depth_distribution,
            salary_with_median=s.salary_with_median,
            salary_with_n=s.salary_with_n,
            salary_without_median=s.salary_without_median,
            salary_without_n=s.salary_without_n,
        )
        for s in figures.skills
        if s.role == ALL_ROLES
    ]
    skills.sort(key=lambda s: (-s.asked_n, -s.must_n, s.skill_name.casefold()))
    return GroupSummary(
        label=label,
        ad_ids=tuple(sorted(row.id for row in rows)),
        n=scope.jobs,
        with_salary=scope.jobs_with_salary,
        pay_percentiles=scope.pay_percentiles,
        skills=tuple(skills),
        pairings=tuple(p for p in figures.pairings if p.role == ALL_ROLES),
        names=names,
        currency=currency,
        other_currency=sum(currencies.values()) - currencies.get(currency, 0),
    )


def group_requirements(
    user_db: Database,
    market_db: Database,
    *,
    tag: str | None = None,
    ids: Sequence[int] | None = None,
    summary: GroupSummary | None = None,
) -> tuple[Requirement, ...]:
    """The group as a gap target: each skill weighted by the share of the group's ads that ask
    for it, at the median level they ask for (half a level rounds up)."""
    summary = summary or group_summary(user_db, market_db, tag=tag, ids=ids)
    forms = _Forms(market_db)
    forms.prepare(s.skill_key for s in summary.skills)
    return tuple(
        Requirement(
            skill_key=s.skill_key,
            skill_name=s.skill_name,
            required_level=min(5, math.floor(s.depth_median + 0.5)),
            weight=s.asked_share,
            note=f"{s.asked_n} of {s.n} ads ({s.asked_share:.0%}); must in {s.must_n}",
            kind="technology",
            forms=forms.forms(s.skill_key, s.skill_name),
        )
        for s in summary.skills
    )


def group_gap(
    user_db: Database,
    market_db: Database,
    *,
    tag: str | None = None,
    ids: Sequence[int] | None = None,
    what_ifs: Sequence[tuple[str, int]] = (),
) -> RoleGapReport:
    """The gap against a group of ads, as `gap ROLE` reports a role's: rows, fit, what the fit
    counts, what-ifs, and the pay the group's ads state (with and without each missing skill)."""
    summary = group_summary(user_db, market_db, tag=tag, ids=ids)
    requirements = group_requirements(user_db, market_db, summary=summary)
    code = f"ads:{tag}" if tag is not None else "ads:" + ",".join(map(str, summary.ad_ids))
    title = summary.label[0].upper() + summary.label[1:]
    matched = tag if tag is not None else ", ".join(f"#{i}" for i in summary.ad_ids)
    gap = compute_gap(code, title, requirements, user_levels(user_db))
    sample = " (small sample)" if summary.small_sample else ""
    report = RoleGapReport(
        code,
        title,
        matched,
        f"From {summary.n} of your job ads{sample}; each skill weighted by the share of them "
        "asking for it.",
        gap.fit,
        gap.rows,
        counts=gap.counts_sentence().replace(
            "; technologies of one O*NET category count once, met by any one of them", ""
        ),
        pay=_group_pay(summary, gap),
    )
    for skill_text, level in what_ifs:
        row = find_row(gap.rows, skill_text, user_db, market_db)
        if row is None:
            raise UserError(f"None of the {summary.label} asks for “{skill_text}”.")
        report.what_ifs.append(what_if(gap, row.skill_key, _level(level)))
    return report


MIN_SALARIED = 3  # ads with a salary on each side before a with/without figure is shown


def _group_pay(summary: GroupSummary, gap: RoleGap) -> PayEffect:
    source = f"{summary.with_salary} of {summary.n} ads state a salary"
    if summary.currency:
        source += f" in {summary.currency}"
    if summary.other_currency:
        source += f" ({summary.other_currency} in another currency left out)"
    role_pay = ()
    # The report prints amounts in dollars: pay in another currency stays in `ads summary`.
    if summary.pay_percentiles is not None and summary.currency in ("", "USD"):
        labels = ("10th", "25th", "median", "75th", "90th")
        role_pay = tuple(zip(labels, summary.pay_percentiles, strict=True))
    by_key = {s.skill_key: s for s in summary.skills}
    skill_pay = []
    for row in gap.missing[:8] if summary.currency in ("", "USD") else ():
        s = by_key.get(row.skill_key)
        if (
            s is None
            or min(s.salary_with_n, s.salary_without_n) < MIN_SALARIED
            or s.salary_with_median is None
            or s.salary_without_median is None
        ):
            continue
        skill_pay.append(
            SkillPay(
                s.skill_key,
                s.skill_name,
                s.salary_with_median,
                s.salary_with_n,
                s.salary_without_median,
                s.salary_without_n,
            )
        )
    return PayEffect(role_pay, source, False, tuple(skill_pay), source if skill_pay else "")


# --------------------------------------------------------------------------- export


def export_ads_csv(
    user_db: Database,
    path: Path | str,
    market_db: Database | None = None,
    *,
    tag: str | None = None,
    status: str | None = None,
) -> Path:
    """The collection as CSV (one row per ad; formula-safe), written atomically."""
    ads = list_ads(user_db, market_db, tag=tag, status=status)
    read = store.requirements_by_ad(user_db)
    fixes = store.fixes_by_ad(user_db)
    requirements = {ad.id: _apply_fixes(read.get(ad.id, []), fixes.get(ad.id, []))[0] for ad in ads}
    rows = [
        (
            ad.as_dict(),
            [(r.skill_name, r.level, r.required) for r in requirements[ad.id]],
        )
        for ad in ads
    ]
    return write_file(Path(path), ads_csv(rows).encode("utf-8"))
