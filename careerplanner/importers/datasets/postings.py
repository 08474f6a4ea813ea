"""Job postings -> market figures: postings CSV files and folders of saved job ads.

`analyse_postings(path, requirements_of)` reads a postings CSV (plain, .gz or .xz; streamed: a
100 MB file keeps memory flat) or a folder of saved ads (plain text, Markdown, or JSON Resume
`job.json`), asks `requirements_of` for the skills, required depth and must/nice of every ad
(the caller passes `services.dataset_import.ad_requirements_reader(finder)`, the reader of
`analysis.job_ads` over the shared skill finder, the same one resumes and single ads use;
importers do not reach into the analysis themselves) and feeds them into a
`core.market.MarketAggregator`. Along the way: one posting per job id, the employers' boilerplate
left unread (`analysis.boilerplate`), categories run together split (`split_categories`), pay
annualised by the file's own frequency column. Nothing here writes the database: the store
saves the returned `PostingsAnalysis` in one transaction (`services.dataset_import`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from careerplanner.analysis.boilerplate import BoilerplateFinder
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
    UNSPECIFIED,
    Posting,
    PostingColumns,
    SalaryError,
    ad_text,
    clean_spaces,
    guess_mapping,
    parse_salary,
    restore_lines,
    role_and_seniority,
    role_from_title,
    split_categories,
    split_title,
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


KEEP_TEXT_BYTES = 64_000_000
"""Up to this much ad text, the postings read in the first pass are kept for the second."""

REUSE_LIMIT = 20_000
"""Distinct descriptions whose requirements are kept for reuse by repeats (about 1 KB each)."""

QUALIFICATIONS_KEPT = 5_000
"""Distinct minimum qualifications kept with their boilerplate stripped (a few KB each)."""


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
    repeated_ids: int = 0  # rows repeating an earlier row's job id: one job, counted once
    boilerplate_sentences: int = 0  # distinct employer sentences judged boilerplate
    split_roles: int = 0  # postings filed under several categories at once


# What a job ad requires: skill key -> (skill name, required level) or (name, level, "must" or
# "nice"); the caller passes `analysis.job_ads`' reader bound to the shared skill finder.
RequirementsOf = Callable[[str], dict[str, tuple]]
NICE = "nice"


def analyse_postings(
    path: Path,
    requirements_of: RequirementsOf,
    mapping: PostingColumns | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> PostingsAnalysis:
    """Read a postings CSV or a folder of saved job ads and compute every market figure.

    `requirements_of` finds the skills, levels and must/nice of an ad's text
    (`analysis.job_ads` over the active vocabulary's finder); `mapping` overrides
    `guess_mapping` for a CSV whose column names are not recognised.

    Two passes: the first counts the sentences each employer repeats across kinds of job (its
    boilerplate, `analysis.boilerplate`) and the role cells (to split run-together categories);
    the second reads every ad without its boilerplate. A job listed twice under one job id is
    one posting. Raises `UserError` naming the file, line and column of the first bad input,
    `Cancelled` when `cancel` fires. Nothing is written anywhere.
    """
    path = Path(path)
    skipped: list[str] = []

    def postings(report: Progress, listed: list[str] | None) -> Iterator[Posting]:
        if path.is_dir():
            return read_job_ads_folder(path, listed)
        return read_postings_csv(path, mapping, report, cancel, listed)

    first_pass = _FirstPass()
    # A file whose text fits in KEEP_TEXT_BYTES is read once and kept for the second pass; a
    # larger one is read twice, so memory stays flat however large it is.
    kept: list[Posting] | None = []
    kept_bytes = 0
    for posting in _one_per_job(postings(_half(progress, 0), skipped), first_pass):
        first_pass.observe(posting)
        if kept is not None:
            kept.append(posting)
            kept_bytes += len(posting.description) + len(posting.qualifications)
            if kept_bytes > KEEP_TEXT_BYTES:
                kept = None
    cancel.check()
    boilerplate, job_roles = first_pass.finish()
    digest = _folder_digest(path) if path.is_dir() else _file_digest(path, cancel)

    aggregator = MarketAggregator()
    names: dict[str, str] = {}
    roles: dict[str, str] = {}  # case-folded role -> the spelling first seen
    text_bytes = 0
    split_roles = 0
    # Scraped files often hold the same ad twice; each still counts (as in the file), but the
    # user is told how many, since repeats inflate n. 16-byte digests keep this small.
    seen_texts: set[bytes] = set()
    duplicates = 0
    # The same text always yields the same requirements, so a repeat reuses the first one's
    # (the real Glassdoor file repeats 279 of its 742 ads). Kept for the first REUSE_LIMIT
    # distinct ads only, so a huge file's memory stays flat.
    reusable: dict[bytes, tuple[dict[str, int], frozenset[str]]] = {}
    stripped_qualifications = _Memo(boilerplate.strip, QUALIFICATIONS_KEPT)
    if kept is None:
        skipped.clear()  # listed again by the second reading
        counted = _Counted()
        second: Iterator[Posting] = _one_per_job(postings(_half(progress, 1), skipped), counted)
    else:
        counted = first_pass
        second = _drained(kept, _half(progress, 1), f"Reading the ads of {path.name}")
    for count, posting in enumerate(second, start=1):
        if count % 64 == 0:
            cancel.check()
        whole = posting.text
        encoded = whole.encode("utf-8", "surrogatepass")
        text_bytes += len(encoded)
        digest_of_text = hashlib.blake2b(encoded, digest_size=16).digest()
        if digest_of_text in seen_texts:
            duplicates += 1
        else:
            seen_texts.add(digest_of_text)
        known = reusable.get(digest_of_text)
        if known is None:
            text = restore_lines(
                ad_text(
                    boilerplate.strip(posting.employer, posting.description),
                    stripped_qualifications(posting.employer, posting.qualifications),
                    posting.preferred,
                )
            )
            known = _requirements(requirements_of(text), names)
            if len(reusable) < REUSE_LIMIT:
                reusable[digest_of_text] = known  # never changed: the aggregator only reads
        required, nice = known
        if len(job_roles.categories.get(posting.role) or ()) > 1:
            split_roles += 1
        filed, seniority = job_roles.of(posting)
        role, *other_roles = (roles.setdefault(r.casefold(), r) for r in filed)
        aggregator.add(
            PostingFacts(role, seniority, posting.salary, required, nice, tuple(other_roles))
        )
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
        repeated_ids=counted.repeated_ids,
        boilerplate_sentences=boilerplate.boilerplate_sentences,
        split_roles=split_roles,
    )


def _requirements(
    found: dict[str, tuple], names: dict[str, str]
) -> tuple[dict[str, int], frozenset[str]]:
    """The reader's answer as (skill key -> level, keys asked for only as nice to have)."""
    required: dict[str, int] = {}
    nice = set()
    for key, (name, level, *how) in found.items():
        names.setdefault(key, name)
        required[key] = level
        if how and how[0] == NICE:
            nice.add(key)
    return required, frozenset(nice)


class _Memo:
    """`function(employer, text)` worked out once per distinct pair, for the first `limit`.

    Minimum qualifications are a civil service title's standard text, pasted under many jobs
    (the City's 2,626 jobs have 897 distinct ones): their boilerplate is stripped once."""

    def __init__(self, function: Callable[[str, str], str], limit: int) -> None:
        self.function = function
        self.limit = limit
        self.known: dict[tuple[str, str], str] = {}

    def __call__(self, employer: str, text: str) -> str:
        result = self.known.get((employer, text))
        if result is None:
            result = self.function(employer, text)
            if len(self.known) < self.limit:
                self.known[employer, text] = result
        return result


def _drained(postings: list[Posting], progress: Progress, message: str) -> Iterator[Posting]:
    """The postings in order, each let go of once handed out."""
    total = len(postings)
    postings.reverse()
    while postings:
        if len(postings) % 64 == 0:
            progress(total - len(postings), total, message)
        yield postings.pop()


class _Counted:
    """How many rows repeated an earlier row's job id."""

    def __init__(self) -> None:
        self.repeated_ids = 0


def _one_per_job(postings: Iterator[Posting], counted: _Counted) -> Iterator[Posting]:
    """The postings with each job id's first row only (rows without an id always pass): the
    City lists most jobs twice, as an internal and an external posting with the same text."""
    ids: set[bytes] = set()
    for posting in postings:
        if posting.job_id:
            key = hashlib.blake2b(posting.job_id.encode("utf-8", "surrogatepass"), digest_size=12)
            digest = key.digest()
            if digest in ids:
                counted.repeated_ids += 1
                continue
            ids.add(digest)
        yield posting


class _FirstPass(_Counted):
    """What the second pass needs to know of the whole file: each employer's boilerplate, and
    the role cells (to split categories run together and to tell categories from jobs)."""

    def __init__(self) -> None:
        super().__init__()
        self.boilerplate = BoilerplateFinder()
        self.role_cells: Counter[str] = Counter()
        self.class_widths: Counter[int] = Counter()
        # A job class -> the words its postings' titles complete its last word with.
        self.completions: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def observe(self, posting: Posting) -> None:
        # Titles compared without seniority words and grades: "Analyst" and "Senior Analyst II"
        # are one kind of job, so their shared text is not taken for the employer's.
        kind_of_job = role_from_title(posting.title).casefold()
        # The preferred skills are the one part each posting writes for itself; the description
        # (an agency's and a bureau's introduction) and the minimum qualifications (a civil
        # service title's standard text, pasted under many kinds of job) are where an employer's
        # repeated text lives.
        own_text = f"{posting.description}\n{posting.qualifications}"
        self.boilerplate.observe(posting.employer, kind_of_job, own_text)
        if len(self.role_cells) <= MAX_ROLE_CELLS or posting.role in self.role_cells:
            self.role_cells[posting.role] += 1
        if posting.job_class:
            self.class_widths[len(posting.job_class)] += 1
            whole = _completed_cut_word(posting.job_class, posting.title)
            if whole is not None and len(self.completions) <= MAX_ROLE_CELLS:
                self.completions[posting.job_class][whole] += 1

    def finish(self) -> tuple[BoilerplateFinder, JobRoles]:
        self.boilerplate.finish()
        if len(self.role_cells) > MAX_ROLE_CELLS:
            return self.boilerplate, JobRoles({}, by_title=False)
        categories = split_categories(self.role_cells)
        several = sum(n for cell, n in self.role_cells.items() if len(categories.get(cell, ())) > 1)
        postings = sum(self.role_cells.values())
        width = _cut_width(self.class_widths)
        completed = {
            job_class: _with_last_word(job_class, words.most_common(1)[0][0])
            for job_class, words in self.completions.items()
            if len(job_class) == width
        }
        return self.boilerplate, JobRoles(
            categories,
            by_title=bool(postings) and several >= CATEGORY_SHARE * postings,
            completed_classes=completed,
        )


MAX_ROLE_CELLS = 5_000
"""More distinct role cells than this and they are free titles: nothing to split."""

CATEGORY_SHARE = 0.1
"""A role column holds categories, not jobs, when at least this share of the postings is filed
under several of its values at once (the City files 38% of its jobs so)."""

BROAD_ROLE = "All jobs in {}"
"""The name of a category kept as a broader role beside the jobs it holds."""


def is_broad_role(role: str) -> bool:
    """Whether `role` is a category kept as a broader role ("All jobs in Engineering, ...")."""
    return role.startswith(BROAD_ROLE.format(""))


@dataclass(frozen=True)
class JobRoles:
    """How a posting's role is read, once the whole file has been seen.

    Where the role column holds jobs (or there is none), the role is its cell. Where it holds a
    few broad categories, run together in many cells ("Job Category"), the role is the job
    itself, from the employer's standard title (`job_class`) or else the advertised title, with
    rank words and level numerals moved into the seniority ("Assistant Civil Engineer" is the
    role "Civil Engineer", seniority "assistant"); each category stays a broader role,
    "All jobs in <category>", holding every job filed under it. The rank wins over the file's
    seniority column here: the City's "Career Level" says "Experienced (non-manager)" of an
    Assistant Civil Engineer and a Civil Engineer alike, which the role name no longer tells.
    """

    categories: dict[str, tuple[str, ...]]
    by_title: bool
    # Job classes cut mid-word by a fixed-width export -> the class with its last word whole.
    completed_classes: dict[str, str] = field(default_factory=dict)

    def of(self, posting: Posting) -> tuple[tuple[str, ...], str]:
        """(the posting's roles, its own first; its seniority)."""
        filed = self.categories.get(posting.role) or (posting.role,)
        if not self.by_title:
            return filed, posting.seniority
        job_class = self.completed_classes.get(posting.job_class, posting.job_class)
        role, rank = split_title(job_class or posting.title)
        broader = tuple(BROAD_ROLE.format(c) for c in filed if c.strip())
        return (role, *broader), rank or posting.seniority


MIN_CUT_CELLS = 0.02
"""A column is taken as cut at its greatest length when this share of its cells (and at least
five) has that length, as fixed-width exports leave it ("ASSISTANT ENVIRONMENTAL ENGINE")."""


def _cut_width(widths: Counter[int]) -> int | None:
    if not widths:
        return None
    width = max(widths)
    cells = widths[width]
    return width if cells >= 5 and cells >= MIN_CUT_CELLS * sum(widths.values()) else None


def _completed_cut_word(job_class: str, title: str) -> str | None:
    """The word of the posting's title that the job class's last word begins, if any
    ("SUPERVISING PUBLIC HEALTH ADVI" with the title "Supervising Public Health Adviser":
    "Adviser"), for completing a class cut mid-word."""
    cut = job_class.rsplit(" ", 1)[-1].casefold()
    for word in re.findall(r"[^\W\d_]+", title):
        if len(word) > len(cut) and word.casefold().startswith(cut):
            return word.casefold()
    return None


def _with_last_word(job_class: str, word: str) -> str:
    before, _, cut = job_class.rpartition(" ")
    whole = word.upper() if cut.isupper() else word
    return f"{before} {whole}" if before else whole


def _half(progress: Progress, which: int) -> Progress:
    """Each of the two passes over the file reports its own half of the progress bar."""

    def report(done: int, total: int, message: str) -> None:
        share = done / total if total else 0
        progress(int(500 * (which + share)), 1000, message)

    return report


TABLES = DATASET_TABLES["postings"]  # each row tuple below follows its table's columns
POSTINGS_LICENCE = (
    "Unknown: the licence of the source file was not stated; keep it for your own use."
)


# A seniority breakdown as JSON ([[seniority, postings], ...]: a tuple is written as an
# array); one encoder for the tens of thousands of rows, not one made per json.dumps call.
_seniority_json = json.JSONEncoder(ensure_ascii=False).encode


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
            _seniority_json(r.seniority),
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
            s.jobs_must,
            s.jobs_nice,
            _seniority_json(s.seniority),
        )
        for s in figures.skills
    ]
    # A Pairing is already the row: a named tuple in the table's column order.
    pairings = list(figures.pairings)
    source = analysis.source
    kind_of_file = "job ads folder" if source.is_dir() else "postings CSV"
    return ImportedDataset(
        kind="postings",
        name=name or (source.name if source.is_dir() else dataset_name_of(source)),
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


_COMPRESSED_SUFFIXES = (".gz", ".xz")


def dataset_name_of(path: Path) -> str:
    """A postings file's name without its extensions: "jobs.csv.xz" and "jobs.csv" are "jobs"."""
    name = path.name
    for suffix in _COMPRESSED_SUFFIXES:
        name = name.removesuffix(suffix).removesuffix(suffix.upper())
    stem = Path(name).stem
    return stem or name


def _notes(analysis: PostingsAnalysis) -> list[str]:
    notes = [f"{analysis.jobs:,} postings analysed"]
    if analysis.repeated_ids:
        notes.append(
            f"{analysis.repeated_ids:,} rows repeat an earlier row's job id (the same job "
            "listed again, e.g. internally and externally): each job is counted once"
        )
    if analysis.boilerplate_sentences:
        notes.append(
            f"{analysis.boilerplate_sentences:,} sentences repeated word for word across many "
            "kinds of job, by one employer or across the file (an introduction, how to apply, "
            "benefits, a title's standard text), were not read for requirements"
        )
    if analysis.split_roles:
        notes.append(
            f"{analysis.split_roles:,} postings are filed under several categories; each counts "
            "in every one of them, and once in all postings"
        )
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
    role, seniority = role_and_seniority(title) if title else ("Unspecified role", UNSPECIFIED)
    return Posting(
        source=source,
        title=title,
        description=text.strip(),
        seniority=seniority,
        role=role,
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
    role, seniority = role_and_seniority(title, experience)
    return Posting(
        source=source,
        title=title,
        description=description,
        salary=pay,
        seniority=seniority,
        role=role,
        location=clean_spaces(
            ", ".join(str(location[k]) for k in ("city", "region") if location.get(k))
        ),
    )
