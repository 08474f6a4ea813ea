"""Job postings -> market figures: postings CSV files and folders of saved job ads.

`analyse_postings(path, requirements_of)` reads a postings CSV (streamed: a 100 MB file keeps
memory flat) or a folder of saved ads (plain text, Markdown, or JSON Resume `job.json`), asks
`requirements_of` for the skills and required depth of every description (the caller passes
`analysis.job_ads.requirements_reader(finder)`: the shared skill finder, the same one resumes
use; importers do not reach into the analysis themselves) and feeds them into a
`core.market.MarketAggregator`. Nothing here writes the database: the store
saves the returned `PostingsAnalysis` in one transaction (`services.dataset_import`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from careerplanner.core.datasets import DATASET_TABLES
from careerplanner.core.market import MarketAggregator, MarketFigures, PostingFacts
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.errors import UserError
from careerplanner.importers.datasets import ImportedDataset, ImportedFile
from careerplanner.importers.datasets.postings_csv import (
    is_postings_csv,
    read_header,
    read_postings_csv,
)
from careerplanner.importers.datasets.postings_fields import (
    Posting,
    PostingColumns,
    SalaryError,
    clean_spaces,
    guess_mapping,
    normalise_seniority,
    parse_salary,
    role_from_title,
)
from careerplanner.importers.tabular import decode_text

__all__ = [
    "Posting",
    "PostingColumns",
    "PostingsAnalysis",
    "analyse_postings",
    "guess_mapping",
    "is_job_ads_folder",
    "is_postings_csv",
    "postings_dataset",
    "read_header",
    "read_job_ads_folder",
    "read_postings_csv",
]


REUSE_LIMIT = 20_000
"""Distinct descriptions whose requirements are kept for reuse by repeats (about 1 KB each)."""


@dataclass
class PostingsAnalysis:
    """What reading a postings source produced: the figures plus what the user should be told."""

    source: Path
    sha256: str
    figures: MarketFigures
    jobs: int
    description_bytes: int
    skill_names: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # files or rows left out, with why
    duplicates: int = 0  # postings whose description repeats an earlier one word for word


# What a job description requires: skill key -> (skill name, required level).
RequirementsOf = Callable[[str], dict[str, tuple[str, int]]]


def analyse_postings(
    path: Path,
    requirements_of: RequirementsOf,
    mapping: PostingColumns | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> PostingsAnalysis:
    """Read a postings CSV or a folder of saved job ads and compute every market figure.

    `requirements_of` finds the skills and levels a description asks for
    (`analysis.job_ads.requirements_reader` over the active vocabulary's finder); `mapping`
    overrides `guess_mapping` for a CSV whose column names are not recognised.
    Raises `UserError` naming the file, line and column of the first bad input, `Cancelled` when
    `cancel` fires. Nothing is written anywhere.
    """
    path = Path(path)
    skipped: list[str] = []
    if path.is_dir():
        postings: Iterator[Posting] = read_job_ads_folder(path, skipped)
        digest = _folder_digest(path)
    else:
        postings = read_postings_csv(path, mapping, progress, cancel, skipped)
        digest = _file_digest(path, cancel)
    aggregator = MarketAggregator()
    names: dict[str, str] = {}
    roles: dict[str, str] = {}  # case-folded role -> the spelling first seen
    text_bytes = 0
    # Scraped files often hold the same ad twice; each still counts (as in the file), but the
    # user is told how many, since repeats inflate n. 16-byte digests keep this small.
    seen_texts: set[bytes] = set()
    duplicates = 0
    # The same description always yields the same requirements, so a repeat reuses the first
    # one's (the real Glassdoor file repeats 279 of its 742 ads). Kept for the first
    # REUSE_LIMIT distinct ads only, so a huge file's memory stays flat.
    reusable: dict[bytes, dict[str, int]] = {}
    for count, posting in enumerate(postings, start=1):
        if count % 64 == 0:
            cancel.check()
        encoded = posting.description.encode("utf-8", "surrogatepass")
        text_bytes += len(encoded)
        digest_of_text = hashlib.blake2b(encoded, digest_size=16).digest()
        if digest_of_text in seen_texts:
            duplicates += 1
        else:
            seen_texts.add(digest_of_text)
        required = reusable.get(digest_of_text)
        if required is None:
            required = {}
            for key, (name, level) in requirements_of(posting.description).items():
                if key not in names:
                    names[key] = name
                required[key] = level
            if len(reusable) < REUSE_LIMIT:
                reusable[digest_of_text] = required  # never changed: the aggregator only reads
        role = roles.setdefault(posting.role.casefold(), posting.role)
        aggregator.add(PostingFacts(role, posting.seniority, posting.salary, required))
    cancel.check()
    if aggregator.jobs == 0:
        raise UserError(f"{path.name} holds no job ads with a description to analyse.")
    progress(1, 1, f"Computing market figures from {aggregator.jobs:,} postings")
    return PostingsAnalysis(
        source=path,
        sha256=digest,
        figures=aggregator.figures(names),
        jobs=aggregator.jobs,
        description_bytes=text_bytes,
        skill_names=names,
        skipped=skipped,
        duplicates=duplicates,
    )


TABLES = DATASET_TABLES["postings"]  # each row tuple below follows its table's columns
POSTINGS_LICENCE = (
    "Unknown: the licence of the source file was not stated; keep it for your own use."
)


def postings_dataset(
    analysis: PostingsAnalysis, name: str | None = None, version: str | None = None
) -> ImportedDataset:
    """The analysis as a dataset version ready for `store.market.datasets.install_dataset`."""
    figures = analysis.figures
    roles = [
        (
            r.role,
            r.jobs,
            r.jobs_with_salary,
            *(r.pay_percentiles or (None,) * 5),
            json.dumps([list(item) for item in r.seniority], ensure_ascii=False),
        )
        for r in figures.roles
    ]
    skills = [
        (
            s.role,
            s.skill_key,
            s.skill_name,
            s.jobs,
            s.jobs_with_skill,
            s.demand_rate,
            s.depth_median,
            s.depth_mean,
            *s.depth_distribution,
            s.salary_with_median,
            s.salary_with_n,
            s.salary_without_median,
            s.salary_without_n,
            int(s.raises_pay),
        )
        for s in figures.skills
    ]
    pairings = [
        (p.role, p.skill_key, p.other_key, p.together, p.share, p.lift) for p in figures.pairings
    ]
    source = analysis.source
    kind_of_file = "job ads folder" if source.is_dir() else "postings CSV"
    return ImportedDataset(
        kind="postings",
        name=name or (source.name if source.is_dir() else source.stem),
        version=version or date.fromtimestamp(source.stat().st_mtime).isoformat(),
        source=source.name,
        sha256=analysis.sha256,
        licence=POSTINGS_LICENCE,
        attribution=f"Market figures computed by Career Planner from {source.name}.",
        tables={
            "posting_role": (TABLES["posting_role"], roles),
            "posting_skill": (TABLES["posting_skill"], skills),
            "posting_pairing": (TABLES["posting_pairing"], pairings),
        },
        files=[ImportedFile(kind_of_file, source.name, analysis.jobs)],
        notes=_notes(analysis),
    )


def _notes(analysis: PostingsAnalysis) -> list[str]:
    notes = [f"{analysis.jobs:,} postings analysed"]
    if analysis.duplicates:
        notes.append(
            f"{analysis.duplicates:,} of them repeat an earlier posting's description word for "
            "word (each is counted, as in the file)"
        )
    return notes + [f"left out: {item}" for item in analysis.skipped[:21]]


def _file_digest(path: Path, cancel: CancelToken) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            cancel.check()
            digest.update(block)
    return digest.hexdigest()


def _folder_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder).as_posix()).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


# ---------------------------------------------------------------------------- saved job ads

AD_SUFFIXES = {".txt", ".md", ".json"}
MAX_AD_BYTES = 2_000_000


def read_job_ads_folder(folder: Path, skipped: list[str] | None = None) -> Iterator[Posting]:
    """Saved job ads in a folder: plain text/Markdown (first line = title) or JSON Resume
    `job.json` files. Other files are listed in `skipped` so the user can be told."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix.lower() not in AD_SUFFIXES:
            if skipped is not None:
                skipped.append(str(path.relative_to(folder)))
            continue
        if path.stat().st_size > MAX_AD_BYTES:
            raise UserError(f"{path.name} is too large to be a job ad (over 2 MB).")
        text = decode_text(path.read_bytes(), path.name)
        posting = _job_json(text, path.name) if path.suffix.lower() == ".json" else None
        if posting is None and path.suffix.lower() != ".json":
            posting = _plain_ad(text, path.name)
        if posting is not None and posting.description:
            yield posting
        elif skipped is not None:
            skipped.append(str(path.relative_to(folder)))


def is_job_ads_folder(folder: Path) -> bool:
    """True when a folder holds saved job ads (text, Markdown or job.json files) and no O*NET
    release files (those are tab-separated .txt files with a header row)."""
    ads = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in AD_SUFFIXES]
    if not ads:
        return False
    for path in ads[:20]:
        with open(path, "rb") as handle:
            first = handle.readline(4096)
        if b"\t" in first and path.suffix.lower() == ".txt":
            return False
    return True


def _plain_ad(text: str, source: str) -> Posting:
    lines = [line.strip().lstrip("#").strip() for line in text.splitlines()]
    title = next((line for line in lines if line), "")
    return Posting(
        source=source,
        title=title,
        description=text.strip(),
        seniority=normalise_seniority("", title),
        role=role_from_title(title) if title else "Unspecified role",
    )


def _job_json(text: str, source: str) -> Posting | None:
    """A JSON Resume job description (jsonresume job-schema); None if it is some other JSON."""
    try:
        job = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        where = f", line {error.lineno}, column {error.colno}" if hasattr(error, "lineno") else ""
        raise UserError(f"{source}{where}: the file is not valid JSON.") from error
    if not isinstance(job, dict) or not isinstance(job.get("title"), str):
        return None
    parts = [job.get("description")]
    for key in ("responsibilities", "qualifications"):
        parts.extend(item for item in job.get(key) or () if isinstance(item, str))
    for skill in job.get("skills") or ():
        if isinstance(skill, dict):
            words = [skill.get("name"), *(skill.get("keywords") or ())]
            parts.append(", ".join(w for w in words if isinstance(w, str)))
    description = "\n".join(p for p in parts if isinstance(p, str) and p.strip())
    title = clean_spaces(job["title"])
    salary = job.get("salary")
    try:
        pay = parse_salary(str(salary)) if salary not in (None, "") else None
    except SalaryError as error:
        raise UserError(f"{source}: the salary {str(salary)[:40]!r} is not a number.") from error
    location = job.get("location") if isinstance(job.get("location"), dict) else {}
    experience = job.get("experience") if isinstance(job.get("experience"), str) else ""
    return Posting(
        source=source,
        title=title,
        description=description,
        salary=pay,
        seniority=normalise_seniority(experience, title),
        role=role_from_title(title),
        location=clean_spaces(
            ", ".join(str(location[k]) for k in ("city", "region") if location.get(k))
        ),
    )
