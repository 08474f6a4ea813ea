"""O*NET text releases (folder or zip, as downloaded) -> an `ImportedDataset` of kind "onet".

    dataset = read_onet_release(Path("db_29_3_text.zip"), progress, cancel)

Reads Occupation Data, Alternate Titles, Sample of Reported Titles, Technology Skills (with or
without the In Demand column, which appeared in 27.1: older releases store it as unknown),
Skills and Knowledge (IM and LV with N, standard error, CI bounds, Recommend Suppress, Not
Relevant), Level Scale Anchors, Related Occupations and Job Zones. Each file is recognised by its
header row. Everything is validated before anything is returned; nothing here writes a database.
"""

from __future__ import annotations

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
    content_digest,
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
    read_table,
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
    tables: dict[str, Table] = {}
    seen_in: dict[str, str] = {}
    digest_parts: list[tuple[str, bytes]] = []
    info = ReleaseInfo()
    skipped: list[str] = []
    with release_files(path) as files:
        if not files:
            raise UserError(f"{path.name} holds no O*NET text files (.txt).")
        for done, file in enumerate(files):
            cancel.check()
            progress(done, len(files) + 1, f"Reading {file.name}")
            data = file.read()
            readme = parse_readme(data)
            if readme is not None:
                info = readme
                digest_parts.append(("readme", data))
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
            tables[role] = read_table(data, file.name, delimiter="\t")
            seen_in[role] = file.name
            digest_parts.append((role, data))
    if not tables:
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
        sha256=content_digest(digest_parts),
        licence="CC BY 4.0",
        attribution=ONET_ATTRIBUTION.format(release=f"O*NET {version}"),
        published=info.published,
    )
    _build_tables(result, tables)
    result.notes.extend(f"skipped {name} (not used)" for name in skipped)
    progress(len(files) + 1, len(files) + 1, "Release checked")
    return result


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


def _typed(table: Table, columns: tuple[str, ...], converters: dict) -> list[tuple]:
    """Rows of `columns` with `converters` applied; a bad cell is named by file, line, column."""
    return table.typed(columns, {c: converters[c] for c in columns if c in converters})


def _build_tables(result: ImportedDataset, tables: dict[str, Table]) -> None:
    out = result.tables
    for role, table in tables.items():
        if CODE in table.header:
            _check_codes(table, CODE)
        result.files.append(ImportedFile(role, table.source, len(table), _layout(role, table)))

    if table := tables.get("occupations"):
        out["onet_occupation"] = (
            TABLES["onet_occupation"],
            _typed(table, (CODE, "Title", "Description"), {}),
        )
        _refuse_duplicates(table, CODE)
    titles: list[tuple] = []
    if table := tables.get("alternate_titles"):
        rows = _typed(table, (CODE, "Alternate Title", "Short Title", "Source(s)"), {})
        titles += [
            (c, t, None if s == "n/a" else s, "alternate", src, None) for c, t, s, src in rows
        ]
    if table := tables.get("reported_titles"):
        rows = _typed(
            table,
            (CODE, "Reported Job Title", "Shown in My Next Move"),
            {"Shown in My Next Move": to_flag},
        )
        titles += [(c, t, None, "reported", None, shown) for c, t, shown in rows]
    if titles:
        out["onet_title"] = (
            TABLES["onet_title"],
            titles,
        )
    if table := tables.get("technology_skills"):
        out["onet_tech_skill"] = (
            TABLES["onet_tech_skill"],
            _technology_rows(table),
        )
    ratings: list[tuple] = []
    for domain in ("skills", "knowledge"):
        if table := tables.get(domain):
            ratings += _rating_rows(table, "skill" if domain == "skills" else "knowledge")
    if ratings:
        out["onet_rating"] = (
            TABLES["onet_rating"],
            ratings,
        )
    if table := tables.get("level_anchors"):
        columns = ("Element ID", "Element Name", "Scale ID", "Anchor Value", "Anchor Description")
        out["onet_level_anchor"] = (
            TABLES["onet_level_anchor"],
            _typed(table, columns, {"Anchor Value": to_float}),
        )
    related: list[tuple] = []
    if table := tables.get("related_occupations"):
        _check_codes(table, "Related O*NET-SOC Code")
        related = _typed(
            table, (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index"), {"Index": to_int}
        )
        out["onet_related"] = (TABLES["onet_related"], related)
    if table := tables.get("job_zones"):
        out["onet_job_zone"] = (
            TABLES["onet_job_zone"],
            _typed(table, (CODE, "Job Zone", "Date", "Domain Source"), {"Job Zone": _job_zone}),
        )
        _refuse_duplicates(table, CODE)
    if "onet_occupation" in out and ratings:
        occupations = [row[0] for row in out["onet_occupation"][1]]
        rated = {row[0] for row in ratings}
        out["onet_rating_fallback"] = (
            TABLES["onet_rating_fallback"],
            rating_fallbacks(occupations, rated, related),
        )


def _technology_rows(table: Table) -> list[tuple]:
    has_in_demand = table.has_column("In Demand")
    columns = (CODE, "Example", "Commodity Code", "Commodity Title", "Hot Technology")
    columns += ("In Demand",) if has_in_demand else ()
    converters = {
        "Commodity Code": to_int,
        "Hot Technology": to_flag,
        "In Demand": to_optional_flag,
    }
    rows = _typed(table, columns, converters)
    if not has_in_demand:
        rows = [(*row, None) for row in rows]
    keys: dict[str, str] = {}
    out = []
    for row in rows:
        example = row[1]
        key = keys.get(example)
        if key is None:
            key = keys[example] = skill_key("technology", example)
        out.append((*row, key))
    return out


def _rating_rows(table: Table, domain: str) -> list[tuple]:
    converters = {
        "Data Value": to_float,
        "N": to_optional_int,
        "Standard Error": to_optional_float,
        "Lower CI Bound": to_optional_float,
        "Upper CI Bound": to_optional_float,
        "Recommend Suppress": to_optional_flag,
        "Not Relevant": to_optional_flag,
    }
    rows = _typed(table, RATING_COLUMNS, converters)
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


def _refuse_duplicates(table: Table, column: str) -> None:
    position = table.index(column)
    seen: set[str] = set()
    for index, row in enumerate(table.rows):
        if row[position] in seen:
            raise UserError(
                f"{table.source}, line {table.line_of(index)}: “{row[position]}” appears twice."
            )
        seen.add(row[position])


def _layout(role: str, table: Table) -> str:
    if role == "technology_skills" and not table.has_column("In Demand"):
        return "without In Demand (before 27.1): the flag is unknown"
    return ""
