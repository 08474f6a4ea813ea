"""O*NET text releases (folder or zip, as downloaded) -> an `ImportedDataset` of kind "onet".

    dataset = read_onet_release(Path("db_29_3_text.zip"), progress, cancel)   # every row
    with open_onet_release(path, progress, cancel) as release:                  # streamed
        for table, rows in release.rows(): ...

Reads Occupation Data, Alternate Titles, Sample of Reported Titles, Technology Skills (with or
without the In Demand column, which appeared in 27.1: older releases store it as unknown),
Skills and Knowledge (IM and LV with N, standard error, CI bounds, Recommend Suppress, Not
Relevant), Level Scale Anchors, Related Occupations and Job Zones. Each file is recognised by its
header row. `read_onet_release` validates everything before it returns; `open_onet_release`
recognises every file first, then checks and types the rows chunk by chunk as they are asked for
(a bad cell raises part way: the installer writes in one transaction, which it rolls back).
Nothing here writes a database.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from careerplanner.core.collector import paused_collector
from careerplanner.core.datasets import DATASET_TABLES
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.core.skills import skill_key
from careerplanner.errors import UserError
from careerplanner.importers.datasets import (
    ONET_ATTRIBUTION,
    ImportedDataset,
    ImportedFile,
    combined_digest,
)
from careerplanner.importers.datasets.onet_fallback import rating_fallbacks
from careerplanner.importers.datasets.onet_files import (
    CODE,
    FILE_LABELS,
    RATING_COLUMNS,
    ReleaseFile,
    ReleaseInfo,
    file_header,
    parse_readme,
    recognise,
    release_files,
    version_from_name,
)
from careerplanner.importers.tabular import (
    Table,
    head_text,
    read_table_chunks,
    to_flag,
    to_float,
    to_int,
    to_optional_flag,
    to_optional_float,
    to_optional_int,
)

TABLES = DATASET_TABLES["onet"]  # each row tuple below follows its table's columns
_SOC_CODE = re.compile(r"\d\d-\d{4}\.\d\d")
_ELEMENT_ID = re.compile(r"\d(\.[A-Za-z0-9]+)+")


def read_onet_release(
    path: Path, progress: Progress = no_progress, cancel: CancelToken = NEVER_CANCELLED
) -> ImportedDataset:
    """Read and validate a whole O*NET text release; raise UserError naming file and line.

    Every row is held in memory: for tests, packs and the bundled default. An import streams
    instead (`open_onet_release`), so its memory stays flat in the size of the release."""
    with paused_collector(), open_onet_release(path, progress, cancel) as release:
        tables = release.dataset.tables
        for table, rows in release.rows():
            tables.setdefault(table, (TABLES[table], []))[1].extend(rows)
        return release.dataset


@dataclass
class ReleaseSummary:
    """What judging a release as a whole needs, gathered while its rows stream past."""

    rows: Counter = field(default_factory=Counter)  # table -> rows
    occupation_codes: set[str] = field(default_factory=set)
    rating_domains: set[str] = field(default_factory=set)  # "skill", "knowledge"


# The order the tables are written in (the rows keep the order a whole read gave them).
_ROLE_ORDER = (
    "occupations",
    "alternate_titles",
    "reported_titles",
    "technology_skills",
    "skills",
    "knowledge",
    "level_anchors",
    "related_occupations",
    "job_zones",
)
_TABLE_OF_ROLE = {
    "occupations": "onet_occupation",
    "alternate_titles": "onet_title",
    "reported_titles": "onet_title",
    "technology_skills": "onet_tech_skill",
    "skills": "onet_rating",
    "knowledge": "onet_rating",
    "level_anchors": "onet_level_anchor",
    "related_occupations": "onet_related",
    "job_zones": "onet_job_zone",
}


class OnetRelease:
    """A recognised release, its files still open: `dataset` names it (version, sha256,
    skipped files) before a row is read; `rows()` then reads, checks and types each file chunk
    by chunk, yielding (table, rows) and filling `dataset.files` and `summary` as it goes.
    A bad cell anywhere raises UserError part way through: the caller writes inside one
    transaction, which the error rolls back."""

    def __init__(
        self, dataset: ImportedDataset, plan: list, listed: list[str], progress: Progress, cancel
    ):
        self.dataset = dataset
        self._listed = listed  # the files' names as the release lists them (the order shown)
        self.summary = ReleaseSummary()
        self._plan = plan  # (role, file) in table order
        self._progress = progress
        self._cancel = cancel

    def rows(self, doing: str = "Reading") -> Iterator[tuple[str, list[tuple]]]:
        """The (table, rows) chunks; progress says "<doing> <file>" before each file and after
        each chunk has been taken (by an installer: written)."""
        occupations: list[str] = []
        rated: set[str] = set()
        related: list[tuple] = []  # kept (18k small rows): the fallbacks are chosen from them
        summary, steps = self.summary, len(self._plan) + 1
        for done, (role, file) in enumerate(self._plan):
            self._cancel.check()
            message = f"{doing} {file.name}"
            self._progress(done, steps, message)
            table = _TABLE_OF_ROLE[role]
            count, layout = 0, ""
            data = file.path if file.path is not None else file.read()
            for chunk, rows, note in _typed_chunks(role, data, file.name, self._cancel):
                count += chunk
                layout = note or layout
                summary.rows[table] += len(rows)
                if role == "occupations":
                    occupations += [row[0] for row in rows]
                    summary.occupation_codes.update(row[0] for row in rows)
                elif table == "onet_rating":
                    rated.update(row[0] for row in rows)
                    summary.rating_domains.update(row[1] for row in rows)
                elif role == "related_occupations":
                    related += rows
                yield table, rows
                self._progress(done, steps, message)
            del data
            self.dataset.files.append(ImportedFile(role, file.name, count, layout))
        self.dataset.files.sort(key=lambda read: self._listed.index(read.file_name))
        if occupations and rated:
            fallbacks = rating_fallbacks(occupations, rated, related)
            summary.rows["onet_rating_fallback"] += len(fallbacks)
            yield "onet_rating_fallback", fallbacks
        self._progress(steps, steps, "Release checked")


@contextmanager
def open_onet_release(
    path: Path, progress: Progress = no_progress, cancel: CancelToken = NEVER_CANCELLED
) -> Iterator[OnetRelease]:
    """Recognise every file of a release by its header (two of one kind, a missing column, a
    release of nothing we use: refused here, before a row is read) and hash it, then hand out
    an `OnetRelease` to read its rows from while the files stay open."""
    path = Path(path)
    with release_files(path) as files:
        if not files:
            raise UserError(f"{path.name} holds no O*NET text files (.txt).")
        plan, info, digests, skipped = _plan_release(path, files, cancel)
        version = info.version or version_from_name(path.stem) or "unknown"
        dataset = ImportedDataset(
            kind="onet",
            name=f"O*NET {version}",
            version=version,
            source=path.name,
            sha256=combined_digest(digests),
            licence="CC BY 4.0",
            attribution=ONET_ATTRIBUTION.format(release=f"O*NET {version}"),
            published=info.published,
        )
        dataset.notes.extend(f"skipped {name} (not used)" for name in skipped)
        yield OnetRelease(dataset, plan, [file.name for file in files], progress, cancel)


def _plan_release(path: Path, files: list[ReleaseFile], cancel: CancelToken):
    """(role, file) of each used file in table order, the Read Me's release info, each
    file's digest and the names of the files skipped."""
    found: dict[str, ReleaseFile] = {}
    digests: list[tuple[str, bytes]] = []
    info = ReleaseInfo()
    skipped: list[str] = []
    for file in files:
        cancel.check()
        # A file on disk is looked at by its head and hashed piece by piece, never read whole;
        # a zip member is read again when its rows are (one member in memory at a time).
        data = file.read() if file.path is None else _head(file.path)
        source = data if file.path is None else file.path
        readme = parse_readme(data)
        if readme is not None:
            info = readme
            digests.append(("readme", _digest(source)))
            continue
        role = _role_of(data, file.name)
        if role is None:
            skipped.append(file.name)
            continue
        if role in found:
            raise UserError(
                f"{path.name} holds two {FILE_LABELS[role]} files "
                f"({found[role].name} and {file.name}); keep one and import again."
            )
        digests.append((role, _digest(source)))
        found[role] = file
        del data, source
    if not found:
        raise UserError(
            f"{path.name} holds no O*NET files Career Planner recognises "
            f"(looked at {len(skipped)} text files by their header rows)."
        )
    plan = [(role, found[role]) for role in _ROLE_ORDER if role in found]
    return plan, info, digests, skipped


def _head(path: Path) -> bytes:
    """Enough of a file to recognise it: `head_text` decodes it up to its last full line."""
    with open(path, "rb") as stream:
        return stream.read(65537)


def _digest(source: bytes | Path) -> bytes:
    if isinstance(source, bytes):
        return hashlib.sha256(source).digest()
    digest = hashlib.sha256()
    with open(source, "rb") as stream:
        while block := stream.read(1 << 20):
            digest.update(block)
    return digest.digest()


def _role_of(data: bytes, name: str) -> str | None:
    header = file_header(data, name)
    role = recognise(header)
    if role is None:
        return None
    table_role = role.role
    if table_role == "ratings":
        table_role = rating_domain(data, name)
        if table_role is None:
            return None
    # Refuse a file that is clearly one of ours but lacks a column, naming the column.
    Table(name, header, []).require_columns(*role.required)
    return table_role


def rating_domain(data: bytes, name: str) -> str | None:
    """Skills (elements 2.A, 2.B) or Knowledge (2.C) from the first data row; None for the
    other files of the same layout (Abilities 1.A, Work Activities 4.A, ...)."""
    lines = head_text(data, name).splitlines()
    header = tuple(column.strip() for column in lines[0].split("\t"))
    position = Table(name, header, []).index("Element ID")
    for line in lines[1:3]:
        fields = line.split("\t")
        if len(fields) > position:
            element = fields[position]
            if element.startswith(("2.A", "2.B")):
                return "skills"
            if element.startswith("2.C"):
                return "knowledge"
            return None
    return None


def _check_codes(table: Table, column: str) -> None:
    position = table.index(column)
    bad = {row[position] for row in table.rows} - _valid_codes(table, position)
    if bad:
        index = next(i for i, row in enumerate(table.rows) if row[position] in bad)
        raise UserError(
            f"{table.source}, line {table.line_of(index)}, column “{column}”: "
            f"“{table.rows[index][position]}” is not an O*NET-SOC code (like 15-1252.00)."
        )


def _valid_codes(table: Table, position: int) -> set[str]:
    return {c for c in {row[position] for row in table.rows} if _SOC_CODE.fullmatch(c)}


_TITLE_COLUMNS = (CODE, "Alternate Title", "Short Title", "Source(s)")
_REPORTED_COLUMNS = (CODE, "Reported Job Title", "Shown in My Next Move")
_ANCHOR_COLUMNS = ("Element ID", "Element Name", "Scale ID", "Anchor Value", "Anchor Description")
_RELATED_COLUMNS = (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index")
_JOB_ZONE_COLUMNS = (CODE, "Job Zone", "Date", "Domain Source")
_RATING_CONVERTERS = {
    "Data Value": to_float,
    "N": to_optional_int,
    "Standard Error": to_optional_float,
    "Lower CI Bound": to_optional_float,
    "Upper CI Bound": to_optional_float,
    "Recommend Suppress": to_optional_flag,
    "Not Relevant": to_optional_flag,
}
_TECHNOLOGY_CONVERTERS = {
    "Commodity Code": to_int,
    "Hot Technology": to_flag,
    "In Demand": to_optional_flag,
}


def _typed_chunks(
    role: str, data: bytes | Path, name: str, cancel: CancelToken
) -> Iterator[tuple[int, list[tuple], str]]:
    """Check and type one file chunk by chunk: (rows read, typed rows, layout note) each."""
    shared: dict[str, dict] = {}  # one object per distinct value, per column
    seen: set[str] = set()  # codes, for the files that list each occupation once
    keys: dict[str, str] = {}  # technology example -> skill key
    for chunk in read_table_chunks(data, name):
        cancel.check()
        layout = ""
        if CODE in chunk.header:
            _check_codes(chunk, CODE)
        if role == "occupations":
            out = chunk.typed((CODE, "Title", "Description"), {})
            _refuse_duplicates(chunk, CODE, seen)
        elif role == "alternate_titles":
            out = [
                (c, t, None if s == "n/a" else s, "alternate", src, None)
                for c, t, s, src in chunk.typed(_TITLE_COLUMNS, {}, _shared(shared, CODE))
            ]
        elif role == "reported_titles":
            typed = chunk.typed(
                _REPORTED_COLUMNS, {"Shown in My Next Move": to_flag}, _shared(shared, CODE)
            )
            out = [(c, t, None, "reported", None, shown) for c, t, shown in typed]
        elif role == "technology_skills":
            out = _technology_rows(chunk, shared, keys)
            if not chunk.has_column("In Demand"):
                layout = "without In Demand (before 27.1): the flag is unknown"
        elif role in ("skills", "knowledge"):
            out = _rating_rows(chunk, "skill" if role == "skills" else "knowledge", shared)
        elif role == "level_anchors":
            out = chunk.typed(_ANCHOR_COLUMNS, {"Anchor Value": to_float})
        elif role == "related_occupations":
            _check_codes(chunk, "Related O*NET-SOC Code")
            out = chunk.typed(_RELATED_COLUMNS, {"Index": to_int})
        else:  # job_zones
            out = chunk.typed(_JOB_ZONE_COLUMNS, {"Job Zone": _job_zone})
            _refuse_duplicates(chunk, CODE, seen)
        yield len(chunk), out, layout


def _shared(shared: dict[str, dict], *columns: str) -> dict[str, dict]:
    for column in columns:
        shared.setdefault(column, {})
    return {column: shared[column] for column in columns}


def _technology_rows(table: Table, shared: dict[str, dict], keys: dict[str, str]) -> list[tuple]:
    has_in_demand = table.has_column("In Demand")
    columns = (CODE, "Example", "Commodity Code", "Commodity Title", "Hot Technology")
    columns += ("In Demand",) if has_in_demand else ()
    converters = {c: f for c, f in _TECHNOLOGY_CONVERTERS.items() if c in columns}
    rows = table.typed(
        columns, converters, _shared(shared, CODE, "Example", "Commodity Code", "Commodity Title")
    )
    for example in {row[1] for row in rows}:
        if example not in keys:
            keys[example] = skill_key("technology", example)
    if has_in_demand:
        return [(*row, keys[row[1]]) for row in rows]
    return [(*row, None, keys[row[1]]) for row in rows]


def _rating_rows(table: Table, domain: str, shared: dict[str, dict]) -> list[tuple]:
    text_columns = (CODE, "Element ID", "Element Name", "Scale ID", "Date", "Domain Source")
    rows = table.typed(RATING_COLUMNS, _RATING_CONVERTERS, _shared(shared, *text_columns))
    for element in {row[1] for row in rows}:
        if not _ELEMENT_ID.fullmatch(element):
            index = next(i for i, row in enumerate(rows) if row[1] == element)
            raise UserError(
                f"{table.source}, line {table.line_of(index)}, column “Element ID”: "
                f"“{element}” is not an O*NET element id (like 2.A.1.a)."
            )
    return [(row[0], domain, *row[1:]) for row in rows]


def _job_zone(value: str) -> int:
    zone = int(value)
    if not 1 <= zone <= 5:
        raise ValueError(value)
    return zone


def _refuse_duplicates(table: Table, column: str, seen: set[str]) -> None:
    """A code listed twice (across chunks: `seen` holds the earlier chunks' codes)."""
    position = table.index(column)
    for index, row in enumerate(table.rows):
        if row[position] in seen:
            raise UserError(
                f"{table.source}, line {table.line_of(index)}: “{row[position]}” appears twice."
            )
        seen.add(row[position])
