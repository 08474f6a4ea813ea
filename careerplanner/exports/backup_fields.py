"""The type and range of every field of the user's data, checked before it is written.

SQLite stores what it is given: `target_level: 3.7` passes `CHECK (target_level BETWEEN 0 AND
5)` and `target_date: "not a date"` fits a TEXT column, after which every roadmap command fails.
So a JSON backup is checked field by field before a restore writes anything, and `data check`
runs the same rules over the stored rows. The rules come from the column's declared type and
the naming conventions of the schema (`*_level`, `*_date`, `*_on`, `*_at`, `*_json`), so a new
column is checked without a new rule.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import date, datetime

from careerplanner.errors import UserError

INT64 = (-(2**63), 2**63 - 1)
LEVELS = (0, 5)
_FLAGS = {"in_taxonomy", "suggested"}
_DATES = {"last_review"}  # a date although its name says otherwise


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _date_problem(value) -> str | None:
    if not isinstance(value, str):
        return "is not a date written as text (YYYY-MM-DD)"
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return "is not a date (YYYY-MM-DD)"
    if len(value) != 10 or parsed.year < 1900:
        return "is not a plausible date (YYYY-MM-DD)"
    return None


def _stamp_problem(value) -> str | None:
    if not isinstance(value, str):
        return "is not a time written as text"
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return "is not a time (ISO 8601, such as 2025-01-31T09:00:00Z)"
    if parsed.year < 1900:
        return "is not a plausible time"
    return None


def field_problem(column: str, declared: str, value) -> str | None:
    """What is wrong with `value` in `column` (declared type `declared`), or None."""
    if value is None:
        return None  # NOT NULL is the database's to enforce
    declared = declared.upper()
    if "INT" in declared:
        if not _is_int(value):
            return "is not a whole number"
        if not INT64[0] <= value <= INT64[1]:
            return "is too large a number to store"
        is_level = column == "level" or column.endswith("_level")
        if is_level and not LEVELS[0] <= value <= LEVELS[1]:
            return "is not a level from 0 to 5"
        if column in _FLAGS and value not in (0, 1):
            return "is not 0 or 1"
        return None
    if "REAL" in declared or "FLOA" in declared or "DOUB" in declared:
        if not (_is_int(value) or isinstance(value, float)) or not math.isfinite(value):
            return "is not a finite number"
        return None
    if "TEXT" in declared or "CHAR" in declared:
        if not isinstance(value, str):
            return "is not text"
        if column.endswith(("_date", "_on")) or column in _DATES:
            return _date_problem(value)
        if column == "at" or column.endswith("_at"):
            return _stamp_problem(value)
        if column.endswith("_json"):
            try:
                json.loads(value)
            except (ValueError, RecursionError):
                return "is not valid JSON text"
    return None


def check_fields(
    tables: Mapping[str, object],
    declared: Mapping[str, Mapping[str, str]],
    source: str,
    advice: str = "nothing was changed.",
) -> None:
    """Raise UserError naming `source`, the row, the field and the value at the first field
    whose type or range is wrong. `declared` maps table -> column -> declared type; tables and
    fields it does not know are left to the layout check."""
    for table, rows in tables.items():
        columns = declared.get(table)
        if columns is None or not isinstance(rows, list):
            continue
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                continue
            for column, value in row.items():
                problem = field_problem(column, columns.get(column, ""), value)
                if problem:
                    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "…"
                    raise UserError(
                        f"{source}: row {number} of {table}, field {column}: {shown} {problem}; "
                        + advice
                    )
