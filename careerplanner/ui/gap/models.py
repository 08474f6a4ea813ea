"""The Gap screen's table models: one role's requirements, and several roles side by side.
Both show your level as the gap counts it ("L5 (est.)" for an estimate, "not rated")."""

from __future__ import annotations

from careerplanner.core.gap import ComparisonRow, GapRow
from careerplanner.ui.common.table_model import Column, RowTableModel, level_text


def _row_source(row: GapRow) -> str:
    """Where the figures come from, and how your level was found when that is not plain."""
    parts = [row.note]
    if not row.rated:
        parts.append("not in the fit until you set your level")
    if row.estimated:
        parts.append(f"your level is {row.level_from}; set your own below")
    elif row.level_from:
        parts.append(f"your level from {row.level_from}")
    if row.covered_by:
        parts.append(f"category met by your {row.covered_by}")
    return "; ".join(part for part in parts if part)


GAP_COLUMNS: list[Column[GapRow]] = [
    Column("Skill", lambda r: r.skill_name, lambda r: r.skill_name.casefold(), _row_source),
    Column(
        "Your level",  # wide enough for "L5 (est.)" further down the table
        lambda r: r.your_level_text if not r.rated or r.estimated else level_text(r.your_level),
        lambda r: r.your_level if r.rated else -1,
    ),
    Column("Required", lambda r: level_text(r.required_level), lambda r: r.required_level),
    Column("Gap", lambda r: str(r.gap) if r.rated else "–", lambda r: r.gap, numeric=True),
    Column("Weight", lambda r: f"{r.weight:.2f}", lambda r: r.weight, numeric=True),
    Column("Priority", lambda r: f"{r.priority:.2f}", lambda r: r.priority, numeric=True),
    Column("Source", _row_source),
]


class GapRowModel(RowTableModel[GapRow]):
    def __init__(self, parent=None) -> None:
        super().__init__(GAP_COLUMNS, parent)


class ComparisonModel(RowTableModel[ComparisonRow]):
    """One row per skill, one column per role; rebuilt when the set of roles changes."""

    def __init__(self, role_titles: list[str] | None = None, parent=None) -> None:
        super().__init__(self.columns_for(role_titles or []), parent)

    @staticmethod
    def columns_for(role_titles: list[str]) -> list[Column[ComparisonRow]]:
        columns: list[Column[ComparisonRow]] = [
            Column("Skill", lambda r: r.skill_name, lambda r: r.skill_name.casefold()),
            Column(
                "Your level",
                lambda r: r.your_level_text,  # "L5 (est.)" as in the single-role view
                lambda r: r.your_level if r.rated else -1,
                lambda r: r.level_from,
            ),
        ]
        for index, title in enumerate(role_titles):
            columns.append(
                Column(
                    title,
                    lambda r, i=index: level_text(r.required[i]),
                    lambda r, i=index: -1 if r.required[i] is None else r.required[i],
                )
            )
        columns.append(Column("Priority", lambda r: f"{r.priority:.2f}", lambda r: r.priority))
        return columns

    def set_roles(self, role_titles: list[str], rows: list[ComparisonRow]) -> None:
        self.beginResetModel()
        self._columns = self.columns_for(role_titles)
        self._rows = list(rows)
        self.endResetModel()
