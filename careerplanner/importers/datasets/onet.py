"""O*NET text releases (folder or zip, as downloaded) -> an `ImportedDataset` of kind "onet".

    dataset = read_onet_release(Path("db_29_3_text.zip"), progress, cancel)

Reads Occupation Data, Alternate Titles, Sample of Reported Titles, Technology Skills (with or
without the In Demand column, which appeared in 27.1: older releases store it as unknown),
Skills and Knowledge (IM and LV with N, standard error, CI bounds, Recommend Suppress, Not
Relevant), Level Scale Anchors, Related Occupations and Job Zones. Each file is recognised by its
header row. Everything is validated before anything is returned; nothing here writes a database.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

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
    paused_gc,
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
    """Read and validate a whole O*NET text release; raise UserError naming file and line."""
    with paused_gc():
        return _read_release(Path(path), progress, cancel)


def _read_release(path: Path, progress: Progress, cancel: CancelToken) -> ImportedDataset:
    # Each file is read, checked and typed chunk by chunk, and its bytes let go before the
    # next: only the typed rows (sharing one string per distinct value) stay in memory.
    rows: dict[str, list[tuple]] = {}
    seen_in: dict[str, str] = {}
    digests: list[tuple[str, bytes]] = []
    files_read: list[ImportedFile] = []
    info = ReleaseInfo()
    skipped: list[str] = []
    with release_files(path) as files:
        if not files:
            raise UserError(f"{path.name} holds no O*NET text files (.txt).")
        for done, file in enumerate(files):
            cancel.check()
            progress(done, len(files) + 1, f"Reading {file.name}")
            # A file on disk is looked at by its head and read piece by piece, never whole.
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
            if role in seen_in:
                raise UserError(
                    f"{path.name} holds two {FILE_LABELS[role]} files "
                    f"({seen_in[role]} and {file.name}); keep one and import again."
                )
            seen_in[role] = file.name
            digests.append((role, _digest(source)))
            del data
            count, layout = _read_file(rows, role, source, file.name, cancel)
            del source
            files_read.append(ImportedFile(role, file.name, count, layout))
    if not files_read:
        raise UserError(
            f"{path.name} holds no O*NET files Career Planner recognises "
            f"(looked at {len(skipped)} text files by their header rows)."
        )
    progress(len(files), len(files) + 1, "Checking the rows")
    cancel.check()
    version = info.version or version_from_name(path.stem) or "unknown"
    result = ImportedDataset(
        kind="onet",
        name=f"O*NET {version}",
        version=version,
        source=path.name,
        sha256=combined_digest(digests),
        licence="CC BY 4.0",
        attribution=ONET_ATTRIBUTION.format(release=f"O*NET {version}"),
        published=info.published,
    )
    result.files.extend(files_read)
    _build_tables(result, rows)
    result.notes.extend(f"skipped {name} (not used)" for name in skipped)
    progress(len(files) + 1, len(files) + 1, "Release checked")
    return result


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


def _read_file(
    rows: dict[str, list[tuple]], role: str, data: bytes | Path, name: str, cancel: CancelToken
) -> tuple[int, str]:
    """Check and type one file chunk by chunk into `rows[role]`; (rows read, layout note)."""
    out = rows.setdefault(role, [])
    shared: dict[str, dict] = {}  # one object per distinct value, per column
    seen: set[str] = set()  # codes, for the files that list each occupation once
    keys: dict[str, str] = {}  # technology example -> skill key
    count, layout = 0, ""
    for chunk in read_table_chunks(data, name):
        cancel.check()
        count += len(chunk)
        if CODE in chunk.header:
            _check_codes(chunk, CODE)
        if role == "occupations":
            out += chunk.typed((CODE, "Title", "Description"), {})
            _refuse_duplicates(chunk, CODE, seen)
        elif role == "alternate_titles":
            out += [
                (c, t, None if s == "n/a" else s, "alternate", src, None)
                for c, t, s, src in chunk.typed(_TITLE_COLUMNS, {}, _shared(shared, CODE))
            ]
        elif role == "reported_titles":
            typed = chunk.typed(
                _REPORTED_COLUMNS, {"Shown in My Next Move": to_flag}, _shared(shared, CODE)
            )
            out += [(c, t, None, "reported", None, shown) for c, t, shown in typed]
        elif role == "technology_skills":
            out += _technology_rows(chunk, shared, keys)
            if not chunk.has_column("In Demand"):
                layout = "without In Demand (before 27.1): the flag is unknown"
        elif role in ("skills", "knowledge"):
            out += _rating_rows(chunk, "skill" if role == "skills" else "knowledge", shared)
        elif role == "level_anchors":
            out += chunk.typed(_ANCHOR_COLUMNS, {"Anchor Value": to_float})
        elif role == "related_occupations":
            _check_codes(chunk, "Related O*NET-SOC Code")
            out += chunk.typed(_RELATED_COLUMNS, {"Index": to_int})
        elif role == "job_zones":
            out += chunk.typed(_JOB_ZONE_COLUMNS, {"Job Zone": _job_zone})
            _refuse_duplicates(chunk, CODE, seen)
    return count, layout


def _shared(shared: dict[str, dict], *columns: str) -> dict[str, dict]:
    for column in columns:
        shared.setdefault(column, {})
    return {column: shared[column] for column in columns}


def _build_tables(result: ImportedDataset, rows: dict[str, list[tuple]]) -> None:
    out = result.tables
    if "occupations" in rows:
        out["onet_occupation"] = (TABLES["onet_occupation"], rows.pop("occupations"))
    titles = rows.pop("alternate_titles", [])
    titles += rows.pop("reported_titles", [])
    if titles:
        out["onet_title"] = (TABLES["onet_title"], titles)
    if "technology_skills" in rows:
        out["onet_tech_skill"] = (TABLES["onet_tech_skill"], rows.pop("technology_skills"))
    ratings = rows.pop("skills", [])
    ratings += rows.pop("knowledge", [])
    if ratings:
        out["onet_rating"] = (TABLES["onet_rating"], ratings)
    if "level_anchors" in rows:
        out["onet_level_anchor"] = (TABLES["onet_level_anchor"], rows.pop("level_anchors"))
    related = rows.pop("related_occupations", [])
    if "related_occupations" in {f.role for f in result.files}:
        out["onet_related"] = (TABLES["onet_related"], related)
    if "job_zones" in rows:
        out["onet_job_zone"] = (TABLES["onet_job_zone"], rows.pop("job_zones"))
    if "onet_occupation" in out and ratings:
        occupations = [row[0] for row in out["onet_occupation"][1]]
        rated = {row[0] for row in ratings}
        out["onet_rating_fallback"] = (
            TABLES["onet_rating_fallback"],
            rating_fallbacks(occupations, rated, related),
        )


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
