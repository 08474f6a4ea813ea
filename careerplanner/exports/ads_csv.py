"""The user's job ads as CSV, one row per ad, safe to open in a spreadsheet.

An ad's title, company and requirements come from text anyone can write ("=HYPERLINK(...)" in a
job title), so every cell goes through `csv_export.safe_cell`: a cell a spreadsheet would run as a
formula gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from careerplanner.exports.csv_export import safe_cell

COLUMNS = (
    "id",
    "title",
    "company",
    "location",
    "seen_on",
    "status",
    "status_at",
    "tags",
    "fit",
    "salary_annual",
    "salary_currency",
    "salary_text",
    "link",
    "source",
    "must_have",
    "nice_to_have",
)


def _requirements(requirements: Sequence[tuple[str, int, str]], wanted: str) -> str:
    return "; ".join(
        f"{name} L{level}" for name, level, required in requirements if required == wanted
    )


def ads_csv(rows: Iterable[tuple[dict, Sequence[tuple[str, int, str]]]]) -> str:
    """CSV text from (ad as `AdSummary.as_dict()`, [(skill, level, must|nice)]) pairs."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for ad, requirements in rows:
        fit = ad.get("fit")
        salary = ad.get("salary_annual")
        cells = [
            ad["id"],
            ad["title"],
            ad["company"],
            ad["location"],
            ad["seen_on"] or "",
            ad["status"],
            ad["status_at"],
            "; ".join(ad["tags"]),
            "" if fit is None else f"{fit:.0%}",
            "" if salary is None else f"{salary:.0f}",
            ad.get("salary_currency") or "",
            ad["salary_text"],
            ad["link"],
            ad["source"],
            _requirements(requirements, "must"),
            _requirements(requirements, "nice"),
        ]
        writer.writerow([safe_cell(cell) for cell in cells])
    return buffer.getvalue()
