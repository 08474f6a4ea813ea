"""Datasets > What changed: a page a person reads, not the diff's raw structure.

A sentence with the counts, then sortable tables, each tab titled with its count: skills added,
removed and renamed (a rename names the user's goals and levels it touches and what happened to
them: they are kept, and count for the new name), flag changes (Hot, In Demand), pay shifts,
and the rows changed per source file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from careerplanner.store.user.goals import list_goals
from careerplanner.store.user.profile import list_skills
from careerplanner.ui.common.chart_panel import make_table_view
from careerplanner.ui.common.plain_text import make_plain
from careerplanner.ui.common.table_model import (
    Column,
    RowTableModel,
    money_text,
    sorted_view_model,
)


class NameRow(NamedTuple):
    name: str
    change: str


class RenameRow(NamedTuple):
    old_name: str
    new_name: str
    occupations: int
    yours: str  # the user's goals and levels under the old name, and what happened to them


class FileRow(NamedTuple):
    file: str
    added: int
    removed: int
    status: str


class PayRow(NamedTuple):
    soc: str
    title: str
    old: float
    new: float
    change: float


def _count(value) -> int:
    return len(value) if isinstance(value, list) else int(value or 0)


def _yours(old_key: str, new_name: str, goals, skills) -> str:
    """What a rename does to the user's own data under the old name: nothing is lost."""
    parts = [
        f"goal L{goal.start_level} → L{goal.target_level}"
        + (f" by {goal.target_date.isoformat()}" if goal.target_date else "")
        for goal in goals.get(old_key, ())
    ]
    parts += [f"your level L{skill.level}" for skill in skills.get(old_key, ())]
    if not parts:
        return ""
    return f"{', '.join(parts)}: kept, and counted for {new_name}"


def technology_rows(tech: dict, goals, skills) -> dict[str, list]:
    added = [NameRow(name, "added") for name in tech.get("technologies_added", [])]
    removed = [NameRow(name, "removed") for name in tech.get("technologies_removed", [])]
    renames = [
        RenameRow(
            r["old_name"],
            r["new_name"],
            int(r.get("occupations", 0)),
            _yours(r["old_key"], r["new_name"], goals, skills),
        )
        for r in tech.get("renames", [])
    ]
    flags = [NameRow(name, "now Hot") for name in tech.get("new_hot", [])]
    flags += [NameRow(name, "no longer Hot") for name in tech.get("no_longer_hot", [])]
    examples = tech.get("examples", {})
    flags += [
        NameRow(f"{e['example']} ({e['code']})", "In Demand changed")
        for e in examples.get("in_demand_changed", [])
    ]
    return {"added": added, "removed": removed, "renamed": renames, "flags": flags}


def file_rows(files: dict) -> list[FileRow]:
    rows = []
    for name, change in files.items():
        if isinstance(change, dict):
            added = _count(change.get("rows_added", change.get("pairs_added", 0)))
            removed = _count(change.get("rows_removed", change.get("pairs_removed", 0)))
            rows.append(FileRow(name, added, removed, "changed"))
        else:
            rows.append(FileRow(name, 0, 0, str(change)))
    return rows


def pay_rows(shifts: dict) -> list[PayRow]:
    items = shifts.get("largest_rises", []) + shifts.get("largest_falls", [])
    return [PayRow(i["soc"], i["title"], i["old"], i["new"], i["change"]) for i in items]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def summary_sentence(diff: dict, tables: dict[str, list], tech: dict) -> str:
    old, new = diff["old"]["name"], diff["new"]["name"]
    parts = [
        _plural(len(tables["added"]), "skill") + " added",
        f"{len(tables['removed'])} removed",
        f"{len(tables['renamed'])} renamed",
    ]
    if tech:
        parts.append(f"Hot flag changed for {_count(tech.get('hot_changed'))} occupation pairs")
        if tech.get("in_demand_known", True):
            parts.append(f"In Demand for {_count(tech.get('in_demand_changed'))}")
    shifts = diff.get("wage_shifts")
    if shifts:
        parts.append(
            f"pay compared for {shifts.get('occupations_compared', 0)} occupations "
            f"({shifts.get('rose', 0)} rose, {shifts.get('fell', 0)} fell)"
        )
    changed = [row for row in tables["files"] if row.status != "unchanged"]
    parts.append(f"{len(changed)} of {len(tables['files'])} files changed")
    text = f"From {old} to {new}: " + "; ".join(parts) + "."
    if tech and not tech.get("in_demand_known", True):
        text += " The older release does not state In Demand, so that flag is not compared."
    touched = sum(1 for row in tables["renamed"] if row.yours)
    if touched:
        verb = "touches" if touched == 1 else "touch"
        text += (
            f" {_plural(touched, 'rename')} {verb} your goals or levels; nothing of yours was lost."
        )
    return text


def _table(columns: Sequence[Column], parent: QWidget, name: str):
    model = RowTableModel(columns, parent)
    return model, make_table_view(sorted_view_model(model, parent), name)


class ChangesPage(QWidget):
    """What changed between two versions of a dataset, as counts and sortable tables."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = make_plain(QLabel("Choose a version and press What changed."))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What changed, in counts")
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        name, change = Column("Skill", lambda r: r.name), Column("Change", lambda r: r.change)
        self.models: dict[str, RowTableModel] = {}
        self._titles: dict[str, str] = {}
        for key, title, columns in (
            ("added", "Added", [name]),
            ("removed", "Removed", [name]),
            (
                "renamed",
                "Renamed",
                [
                    Column("Old name", lambda r: r.old_name),
                    Column("New name", lambda r: r.new_name),
                    Column("Occupations", lambda r: str(r.occupations), lambda r: r.occupations),
                    Column("Your goals and levels", lambda r: r.yours or "—"),
                ],
            ),
            ("flags", "Demand flags", [name, change]),
            (
                "pay",
                "Pay",
                [
                    Column("SOC", lambda r: r.soc),
                    Column("Occupation", lambda r: r.title),
                    Column("Before", lambda r: money_text(r.old), lambda r: r.old, numeric=True),
                    Column("After", lambda r: money_text(r.new), lambda r: r.new, numeric=True),
                    Column(
                        "Change", lambda r: f"{r.change:+.1%}", lambda r: r.change, numeric=True
                    ),
                ],
            ),
            (
                "files",
                "Files",
                [
                    Column("File", lambda r: r.file),
                    Column("Rows added", lambda r: str(r.added), lambda r: r.added, numeric=True),
                    Column(
                        "Rows removed", lambda r: str(r.removed), lambda r: r.removed, numeric=True
                    ),
                    Column("Status", lambda r: r.status),
                ],
            ),
        ):
            model, view = _table(columns, self, f"{title} in this version")
            self.models[key] = model
            self._titles[key] = title
            self.tabs.addTab(view, title)

    def show_diff(self, diff: dict, user_db) -> None:
        goals: dict[str, list] = {}
        for goal in list_goals(user_db):
            goals.setdefault(goal.skill_key, []).append(goal)
        skills: dict[str, list] = {}
        for skill in list_skills(user_db):
            skills.setdefault(skill.key, []).append(skill)
        files = diff.get("files", {})
        tech = next((c for c in files.values() if isinstance(c, dict) and "renames" in c), {})
        tables = technology_rows(tech, goals, skills)
        tables["pay"] = pay_rows(diff.get("wage_shifts") or {})
        tables["files"] = file_rows(files)
        for index, key in enumerate(self.models):
            self.models[key].set_rows(tables[key])
            self.tabs.setTabText(index, f"{self._titles[key]} ({len(tables[key])})")
        self.summary.setText(summary_sentence(diff, tables, tech))
