"""The roadmap as CSV, one row per step, safe to open in a spreadsheet.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a
formula; every such cell gets a leading apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import io

from careerplanner.core.roadmap_review import next_review
from careerplanner.exports.snapshot import RoadmapSnapshot

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "goal_id",
    "skill",
    "skill_key",
    "in_current_dataset",
    "start_level",
    "target_level",
    "reached_level",
    "counted_level",
    "target_date",
    "goal_progress",
    "next_review",
    "step_id",
    "step",
    "leads_to",
    "state",
    "due_date",
    "step_note",
)


def safe_cell(value: object) -> str:
    """`value` as text, with a leading apostrophe when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def roadmap_csv(snapshot: RoadmapSnapshot) -> str:
    """The roadmap as CSV text (goals without steps get one row with the step columns empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for goal in snapshot.goals:
        counted = snapshot.levels.get(goal.skill_key)
        review = next_review(goal)
        goal_cells = [
            goal.id,
            goal.skill_name,
            goal.skill_key,
            "no" if snapshot.status_of(goal.skill_key) else "yes",
            f"L{goal.start_level}",
            f"L{goal.target_level}",
            f"L{goal.reached_level}",
            f"L{counted.level}" if counted else "",
            goal.target_date.isoformat() if goal.target_date else "",
            f"{goal.progress:.2f}",
            review.isoformat() if review else "",
        ]
        step_rows = [
            [
                step.id,
                step.title,
                f"L{step.to_level}",
                step.state.value,
                step.due_date.isoformat() if step.due_date else "",
                step.note,
            ]
            for step in goal.steps
        ] or [[""] * 6]
        for step_cells in step_rows:
            writer.writerow([safe_cell(value) for value in goal_cells + step_cells])
    return buffer.getvalue()


def roadmap_csv_bytes(snapshot: RoadmapSnapshot) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs detect the encoding."""
    return roadmap_csv(snapshot).encode("utf-8-sig")
