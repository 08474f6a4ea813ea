"""Table models of the Roadmap screen, over core dataclasses (sorted by QSortFilterProxyModel),
and the plan behind "Create goals from my top gaps"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from careerplanner.core.gap import RoleGap, compute_gap, fit_score
from careerplanner.core.roadmap import (
    EffectiveLevel,
    Evidence,
    Goal,
    ProgressPoint,
    Step,
    StepState,
    dataset_status,
)
from careerplanner.core.roadmap_review import next_review
from careerplanner.services.levels import (
    levels_kept,
    user_data_version,
    user_levels,
    user_levels_after,
)
from careerplanner.services.market_pages import role_requirements
from careerplanner.store.connection import Database
from careerplanner.store.user.evidence import evidence_file_status
from careerplanner.store.user.progress import record_fit_scores
from careerplanner.store.user.targets import target_roles
from careerplanner.ui.common.table_model import Column, RowTableModel, level_text, percent_text

STATE_ORDER = {state: index for index, state in enumerate(StepState)}


@dataclass(frozen=True)
class GoalRow:
    """A goal with what the list shows beside it."""

    goal: Goal
    counted: EffectiveLevel | None
    dataset_status: str  # "" or "not in the current dataset ..."
    next_review: date | None
    due_for_review: bool
    complete: bool  # the goal's reached level is its target (read once: it walks the steps)

    @property
    def state(self) -> str:
        if self.complete:
            return "complete"
        return "in progress" if self.goal.in_progress else "not started"

    @property
    def flags(self) -> str:
        marks = []
        if self.dataset_status:
            marks.append(self.dataset_status)
        if self.due_for_review:
            marks.append("due for review")
        return "; ".join(marks)


def goal_rows(
    goals: list[Goal],
    levels: dict[str, EffectiveLevel],
    active_keys: set[str] | None,
    renames: dict[str, str],
    today: date,
) -> list[GoalRow]:
    rows = []
    for goal in goals:
        review = next_review(goal)
        rows.append(
            GoalRow(
                goal=goal,
                counted=levels.get(goal.skill_key),
                dataset_status=dataset_status(goal.skill_key, active_keys, renames),
                next_review=review,
                due_for_review=review is not None and review <= today,
                complete=goal.complete,
            )
        )
    return rows


def _date_text(day: date | None) -> str:
    return day.isoformat() if day else "—"


def _date_key(day: date | None) -> str:
    return day.isoformat() if day else "9999"


GOAL_COLUMNS: list[Column[GoalRow]] = [
    Column("Skill", lambda r: r.goal.skill_name, lambda r: r.goal.skill_name.casefold()),
    Column(
        "Current",
        lambda r: level_text(r.counted.level if r.counted else r.goal.start_level),
        lambda r: r.counted.level if r.counted else r.goal.start_level,
        lambda r: r.counted.explanation() if r.counted else "",
    ),
    Column("Target", lambda r: level_text(r.goal.target_level), lambda r: r.goal.target_level),
    Column("By", lambda r: _date_text(r.goal.target_date), lambda r: _date_key(r.goal.target_date)),
    Column(
        "Progress", lambda r: percent_text(r.goal.progress), lambda r: r.goal.progress, None, True
    ),
    Column("State", lambda r: r.state),
    Column("Next review", lambda r: _date_text(r.next_review), lambda r: _date_key(r.next_review)),
    Column("Marks", lambda r: r.flags, tooltip=lambda r: r.flags),
]

STEP_COLUMNS: list[Column[Step]] = [
    Column("#", lambda s: str(s.position + 1), lambda s: s.position, numeric=True),
    Column("Step", lambda s: s.title, lambda s: s.title.casefold(), lambda s: s.note or s.title),
    Column("Leads to", lambda s: level_text(s.to_level), lambda s: s.to_level),
    Column("State", lambda s: StepState(s.state).value, lambda s: STATE_ORDER[StepState(s.state)]),
    Column("Due", lambda s: _date_text(s.due_date), lambda s: _date_key(s.due_date)),
    Column("Note", lambda s: s.note.replace("\n", " ")),
]


def evidence_what(item: Evidence) -> str:
    """The link, the file's name (its full path is the tooltip), or the note."""
    if item.path:
        return Path(item.path).name
    return item.url or item.text.replace("\n", " ")


def evidence_detail(item: Evidence) -> str:
    return item.url or item.path or item.text


EVIDENCE_COLUMNS: list[Column[Evidence]] = [
    Column("Skill", lambda e: e.skill_name, lambda e: e.skill_name.casefold()),
    Column("Level", lambda e: level_text(e.level), lambda e: e.level),
    Column("Kind", lambda e: str(e.kind)),
    Column("Title", lambda e: e.title),
    Column("Link, file or note", evidence_what, tooltip=evidence_detail),
    Column("Logged", lambda e: e.created_at[:10]),
]


def _when(point: ProgressPoint) -> str:
    return point.at[:16].replace("T", " ")


LEVEL_HISTORY_COLUMNS: list[Column[ProgressPoint]] = [
    Column("Skill", lambda p: p.subject_name, lambda p: p.subject_name.casefold()),
    Column("When", _when, lambda p: p.at),
    Column("Level", lambda p: level_text(int(p.value)), lambda p: p.value),
    Column("Why", lambda p: p.source),
]

FIT_HISTORY_COLUMNS: list[Column[ProgressPoint]] = [
    Column("Role", lambda p: p.subject_name, lambda p: p.subject_name.casefold()),
    Column("When", _when, lambda p: p.at),
    Column("Fit", lambda p: percent_text(p.value), lambda p: p.value, numeric=True),
    Column("Why", lambda p: p.source),
]


class GoalModel(RowTableModel[GoalRow]):
    def __init__(self, parent=None) -> None:
        super().__init__(GOAL_COLUMNS, parent)


class StepModel(RowTableModel[Step]):
    def __init__(self, parent=None) -> None:
        super().__init__(STEP_COLUMNS, parent)


class EvidenceModel(RowTableModel[Evidence]):
    """Evidence rows; a file's check ("ok", "changed", "missing") arrives later from a worker,
    because hashing a large file must not freeze the window."""

    def __init__(self, parent=None) -> None:
        self.file_status: dict[int, str] = {}
        check = Column("File check", self._status_text)
        super().__init__([*EVIDENCE_COLUMNS[:5], check, *EVIDENCE_COLUMNS[5:]], parent)

    def _status_text(self, item: Evidence) -> str:
        if item.kind != "file":
            return ""
        return self.file_status.get(item.id, "checking…")

    def set_file_status(self, statuses: dict[int, str]) -> None:
        self.file_status = dict(statuses)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 5), self.index(self.rowCount() - 1, 5))


def file_statuses(items: list[Evidence], progress, cancel) -> dict[int, str]:
    """Evidence id -> "ok" / "changed" / "missing" for file evidence (worker thread)."""
    statuses = {}
    files = [item for item in items if item.kind == "file"]
    for done, item in enumerate(files):
        cancel.check()
        progress(done, len(files), f"Checking {item.path}")
        statuses[item.id] = evidence_file_status(item)
    return statuses


class HistoryModel(RowTableModel[ProgressPoint]):
    def __init__(self, columns, parent=None) -> None:
        super().__init__(columns, parent)


# -- goals from the gap ----------------------------------------------------------------------------

WEEKS_PER_LEVEL = 12  # a suggested pace: about a quarter per level to climb
MAX_SUGGESTED_WEEKS = 52


def counted_levels(user_db: Database) -> dict[str, int]:
    """The level that counts per skill: the profile's, raised by evidenced roadmap levels (the
    same `user_levels` the gap screen and the command line use, with its name matching)."""
    return user_levels(user_db)


def role_gap(user_db: Database, market_db: Database, code: str) -> RoleGap | None:
    """The gap for one target role against the levels that count now (None: role unknown)."""
    found = role_requirements(market_db, code)
    if found is None:
        return None
    return compute_gap(code, found.title, found.requirements, counted_levels(user_db))


def top_gap_goals(gap: RoleGap, limit: int = 5) -> list[tuple[str, str, int]]:
    """(skill key, name, target level) for the `limit` highest-priority skills still short."""
    return [(row.skill_key, row.skill_name, row.required_level) for row in gap.missing[:limit]]


def suggested_target_date(gap: RoleGap, wanted: list[tuple[str, str, int]], today: date) -> date:
    """A date that leaves about a quarter per level of the largest climb, within a year."""
    short = {row.skill_key: row.gap for row in gap.rows}
    levels = max((short.get(key, 1) for key, _name, _target in wanted), default=1)
    return today + timedelta(weeks=min(WEEKS_PER_LEVEL * levels, MAX_SUGGESTED_WEEKS))


def record_fit_now(
    user_db: Database,
    market_db: Database,
    source: str,
    changed: tuple[tuple[int, int], set[str]] | None = None,
) -> int:
    """Append a fit-score point for each target role whose fit changed (the progress chart).

    `changed`: the `user_data_version` before the edit and the skills it touched, for an edit
    that moves those skills' levels only (a step's state): the levels are then read again for
    them alone (see `services.levels.user_levels_after`).
    """
    levels = user_levels_after(user_db, *changed) if changed else counted_levels(user_db)
    scores = {}
    for target in target_roles(user_db):
        found = role_requirements(market_db, target.code)
        if found is None:
            continue
        gap = compute_gap(target.code, found.title, found.requirements, levels)
        scores[target.code] = (found.title, fit_score(gap.rows))
    if not scores:
        return 0
    before = user_data_version(user_db)
    recorded = record_fit_scores(user_db, scores, source)
    levels_kept(user_db, before)  # the history moves no level: the screens reuse these
    return recorded
