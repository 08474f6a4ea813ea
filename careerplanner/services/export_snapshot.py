"""Everything an export shows, read once from the user's database (and, for the skills the
dataset lacks, the market database); and goals and evidence as plain data for --json."""

from __future__ import annotations

from datetime import date

from careerplanner.core.roadmap import Evidence, Goal
from careerplanner.core.roadmap_review import next_review
from careerplanner.exports.snapshot import RoadmapSnapshot
from careerplanner.services.roadmap_skills import (
    current_dataset_keys,
    dataset_marks,
    renamed_skills,
)
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import active_datasets, list_datasets
from careerplanner.store.user import evidence, goals, levels, profile, progress


def load_snapshot(
    db: Database,
    today: date | None = None,
    active_keys: set[str] | None = None,
    renames: dict[str, str] | None = None,
    with_records: bool = True,
) -> RoadmapSnapshot:
    """Read the roadmap and what goes with it; `active_keys` marks skills the dataset lacks
    (see `load_snapshot_with_dataset` to read them from the market database). Without
    `with_records` the evidence items and the history are left out (exports that show neither:
    a large home has tens of thousands of them)."""
    name, headline = profile.profile_basics(db)
    roadmap = goals.list_goals(db)
    skill_names = {key: label for key, (label, _level) in profile.profile_skills(db).items()}
    for goal in roadmap:
        skill_names.setdefault(goal.skill_key, goal.skill_name)
    return RoadmapSnapshot(
        today=today or date.today(),
        profile_name=name,
        profile_headline=headline,
        goals=roadmap,
        evidence=evidence.list_evidence(db) if with_records else [],
        levels=levels.all_effective_levels(db),
        skill_names=skill_names,
        history=progress.progress_history(db) if with_records else [],
        active_keys=active_keys,
        renames=dict(renames or {}),
    )


# The exports that show evidence items or the progress history; the others read neither.
FORMATS_WITH_RECORDS = frozenset({"md", "pdf"})


def load_snapshot_with_dataset(
    db: Database, market_db: Database | None, today: date | None = None, fmt: str | None = None
) -> RoadmapSnapshot:
    """`load_snapshot`, marking the skills the active dataset lacks (and what they became);
    for an export format `fmt`, only what that export shows."""
    with_records = fmt is None or fmt in FORMATS_WITH_RECORDS
    return _with_dataset(load_snapshot(db, today, with_records=with_records), market_db)


def load_goal_snapshot(
    db: Database, market_db: Database | None, goal: Goal, today: date | None = None
) -> RoadmapSnapshot:
    """What one goal's lines show (after a change of it): its skill's level that counts and
    its dataset status. A large roadmap's other goals, evidence and history are not read."""
    snapshot = RoadmapSnapshot(
        today=today or date.today(),
        goals=[goal],
        levels=levels.all_effective_levels(db, {goal.skill_key}),
        skill_names={goal.skill_key: goal.skill_name},
    )
    return _with_dataset(snapshot, market_db, shown_skills_only=True)


def _with_dataset(
    snapshot: RoadmapSnapshot, market_db: Database | None, shown_skills_only: bool = False
) -> RoadmapSnapshot:
    if market_db is None:
        return snapshot
    snapshot.datasets = tuple(dataset.label for dataset in active_datasets(market_db))
    snapshot.attributions = tuple(
        info.attribution for info in list_datasets(market_db) if info.active and info.attribution
    )
    keys = {goal.skill_key for goal in snapshot.goals} | set(snapshot.levels)
    if shown_skills_only:  # the marks of these skills, without the whole vocabulary if it can
        active, renames = dataset_marks(market_db, keys)
    else:
        active = current_dataset_keys(market_db)
        renames = renamed_skills(market_db, keys, active) if active is not None else {}
    if active is not None:
        snapshot.active_keys = active
        snapshot.renames = renames
    return snapshot


def goal_as_dict(goal: Goal, snapshot: RoadmapSnapshot) -> dict:
    """A goal as plain data (the command line's --json), with its derived figures."""
    counted = snapshot.levels.get(goal.skill_key)
    review = next_review(goal)
    return {
        "id": goal.id,
        "skill_key": goal.skill_key,
        "skill": goal.skill_name,
        "dataset_status": snapshot.status_of(goal.skill_key),
        "start_level": goal.start_level,
        "target_level": goal.target_level,
        "target_date": goal.target_date.isoformat() if goal.target_date else None,
        "reached_level": goal.reached_level,
        "counted_level": counted.level if counted else goal.start_level,
        "why": counted.explanation() if counted else "",
        "progress": round(goal.progress, 4),
        "complete": goal.complete,
        "next_review": review.isoformat() if review else None,
        "steps": [
            {
                "id": step.id,
                "title": step.title,
                "to_level": step.to_level,
                "state": step.state.value,
                "due_date": step.due_date.isoformat() if step.due_date else None,
                "note": step.note,
                "suggested": step.suggested,
            }
            for step in goal.steps
        ],
        "notes": [
            {"id": note.id, "text": note.text, "step_id": note.step_id, "at": note.created_at}
            for note in goal.notes
        ],
    }


def evidence_as_dict(item: Evidence) -> dict:
    """An evidence item as plain data, with the file's status (ok / changed / missing)."""
    return {
        "id": item.id,
        "skill_key": item.skill_key,
        "skill": item.skill_name,
        "level": item.level,
        "kind": item.kind.value,
        "title": item.title,
        "url": item.url,
        "path": item.path,
        "sha256": item.sha256,
        "text": item.text,
        "created_at": item.created_at,
        "file_status": evidence.evidence_file_status(item),
    }
