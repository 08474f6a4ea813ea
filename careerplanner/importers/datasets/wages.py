"""BLS OEWS national wage tables (CSV of the official xlsx) -> an `ImportedDataset` of kind "wages".

Wages join O*NET occupations on the SOC code: O*NET 15-1252.00 is OEWS 15-1252 (`soc_of`).
BLS footnote symbols are kept, not turned into numbers: the figure's value is NULL and its
`marker` says why (`MARKERS`). "#" means the wage is at or above the top of the published range
(BLS publishes no higher figure), "*" that the figure is not available.
"""

from __future__ import annotations

import re
from pathlib import Path

from careerplanner.core.datasets import DATASET_TABLES
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.errors import UserError
from careerplanner.importers.datasets import (
    BLS_ATTRIBUTION,
    ImportedDataset,
    ImportedFile,
    content_digest,
)
from careerplanner.importers.tabular import Table, read_table, to_float

MARKERS = {
    "*": "not available",
    "**": "employment estimate not available",
    "#": "at or above the top of the published range",
    "~": "less than 0.5 percent of establishments reported this occupation",
}

# OEWS column -> stored measure name.
MEASURES = {
    "TOT_EMP": "tot_emp",
    "EMP_PRSE": "emp_prse",
    "H_MEAN": "h_mean",
    "A_MEAN": "a_mean",
    "MEAN_PRSE": "mean_prse",
    "H_PCT10": "h_pct10",
    "H_PCT25": "h_pct25",
    "H_MEDIAN": "h_median",
    "H_PCT75": "h_pct75",
    "H_PCT90": "h_pct90",
    "A_PCT10": "a_pct10",
    "A_PCT25": "a_pct25",
    "A_MEDIAN": "a_median",
    "A_PCT75": "a_pct75",
    "A_PCT90": "a_pct90",
}
SIGNATURE = ("OCC_CODE", "OCC_TITLE", "A_MEDIAN")
REQUIRED = ("OCC_CODE", "OCC_TITLE", "O_GROUP", *MEASURES)
_SOC = re.compile(r"\d\d-\d{4}")
_YEAR = re.compile(r"(?:M|May[ _-]?)(\d{4})", re.IGNORECASE)


def soc_of(onet_code: str) -> str:
    """The OEWS SOC code of an O*NET-SOC code: 15-1252.00 -> 15-1252."""
    return onet_code.split(".", 1)[0]


def is_wage_header(header: tuple[str, ...]) -> bool:
    names = {h.upper() for h in header}
    return all(column in names for column in SIGNATURE)


def read_oews_wages(
    path: Path, progress: Progress = no_progress, cancel: CancelToken = NEVER_CANCELLED
) -> ImportedDataset:
    """Read and validate a national OEWS table; raise UserError naming file, line and column."""
    path = Path(path)
    progress(0, 2, f"Reading {path.name}")
    data = path.read_bytes()
    table = read_table(data, path.name, delimiter=",")
    table.header = tuple(h.upper() for h in table.header)
    table.require_columns(*REQUIRED)
    cancel.check()
    occupations, figures = _rows(table)
    year = _year(path.name)
    progress(2, 2, "Wages checked")
    return ImportedDataset(
        kind="wages",
        name=f"BLS OEWS national, May {year}" if year else "BLS OEWS national",
        version=year or "unknown",
        source=path.name,
        sha256=content_digest([("wages", data)]),
        licence="Public domain (U.S. Government work)",
        attribution=BLS_ATTRIBUTION,
        published=f"{year}-05" if year else "",
        tables={
            "wage_occupation": (
                DATASET_TABLES["wages"]["wage_occupation"],
                occupations,
            ),
            "wage_figure": (DATASET_TABLES["wages"]["wage_figure"], figures),
        },
        files=[ImportedFile("wages", path.name, len(occupations))],
    )


def _year(name: str) -> str:
    match = _YEAR.search(name)
    return match.group(1) if match else ""


def _rows(table: Table) -> tuple[list[tuple], list[tuple]]:
    at = {
        name: table.index(name)
        for name in (*REQUIRED, "AREA", "I_GROUP", "ANNUAL", "HOURLY")
        if table.has_column(name)
    }
    measures = [(at[column], measure, column) for column, measure in MEASURES.items()]
    kept: dict[str, tuple[int, tuple, list[tuple]]] = {}
    for index, row in enumerate(table.rows):
        line = table.line_of(index)
        if "AREA" in at and row[at["AREA"]] not in ("99", "U.S."):
            raise UserError(
                f"{table.source}, line {line}: the row is for area “{row[at['AREA']]}”; only "
                "national (U.S.) OEWS tables can be imported."
            )
        if "I_GROUP" in at and row[at["I_GROUP"]] not in ("cross-industry", ""):
            continue  # industry-specific breakdowns of the national file are not used
        soc = row[at["OCC_CODE"]].strip()
        if not _SOC.fullmatch(soc):
            raise UserError(
                f"{table.source}, line {line}, column “OCC_CODE”: “{soc}” is not a SOC code "
                "(like 15-1252)."
            )
        group = row[at["O_GROUP"]]
        annual = "ANNUAL" in at and row[at["ANNUAL"]].strip().upper() == "TRUE"
        hourly = "HOURLY" in at and row[at["HOURLY"]].strip().upper() == "TRUE"
        occupation = (soc, row[at["OCC_TITLE"]], group, int(annual), int(hourly))
        figures = [
            _figure(table, index, soc, row[p], measure, column) for p, measure, column in measures
        ]
        figures = [f for f in figures if f is not None]
        if soc in kept:
            first_line, first, _ = kept[soc]
            if first[2] == group:
                raise UserError(
                    f"{table.source}, line {line}: occupation {soc} appears twice "
                    f"(first on line {first_line})."
                )
            # BLS lists an occupation that is both a broad group and a detailed occupation
            # twice with the same figures; the detailed row is the one O*NET joins on.
            if group != "detailed":
                continue
        kept[soc] = (line, occupation, figures)
    occupations = [occupation for _, occupation, _ in kept.values()]
    figures = [figure for *_, rows in kept.values() for figure in rows]
    return occupations, figures


def _figure(table: Table, index: int, soc: str, cell: str, measure: str, column: str):
    cell = cell.strip()
    if cell == "":
        return None
    if cell in MARKERS:
        return (soc, measure, None, cell)
    try:
        return (soc, measure, to_float(cell.replace(",", "")), None)
    except ValueError as error:
        raise table.cell_error(index, column, cell, error) from None
