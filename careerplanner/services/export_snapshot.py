"""Everything an export shows, read once from the user's database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from careerplanner.core.roadmap import (
    EffectiveLevel,
    Evidence,
    Goal,
    ProgressPoint,
    dataset_status,
    overall_progress,
)
from careerplanner.store.connection import Database
from careerplanner.store.user import goals as roadmap_repo


@dataclass
class RoadmapSnapshot:
    """The roadmap, evidence, counted levels and history at one moment."""

    today: date
    profile_name: str = ""
    profile_headline: str = ""
    goals: list[Goal] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    levels: dict[str, EffectiveLevel] = field(default_factory=dict)
    skill_names: dict[str, str] = field(default_factory=dict)
    history: list[ProgressPoint] = field(default_factory=list)
    active_keys: set[str] | None = None  # skill keys of the active dataset; None: unknown
    renames: dict[str, str] = field(default_factory=dict)  # old key -> name in the dataset

    @property
    def overall_progress(self) -> float:
        return overall_progress(self.goals)

    def status_of(self, skill_key: str) -> str:
        """ "" or "not in the current dataset"."""
        return dataset_status(skill_key, self.active_keys, self.renames)

    def evidence_for(self, skill_key: str) -> list[Evidence]:
        return [item for item in self.evidence if item.skill_key == skill_key]


def load_snapshot(
    db: Database,
    today: date | None = None,
    active_keys: set[str] | None = None,
    renames: dict[str, str] | None = None,
) -> RoadmapSnapshot:
    """Read the roadmap and what goes with it; `active_keys` marks skills the dataset lacks
    (see `load_snapshot_with_dataset` to read them from the market database)."""
    name, headline = roadmap_repo.profile_basics(db)
    goals = roadmap_repo.list_goals(db)
    skill_names = {key: label for key, (label, _level) in roadmap_repo.profile_skills(db).items()}
    for goal in goals:
        skill_names.setdefault(goal.skill_key, goal.skill_name)
    return RoadmapSnapshot(
        today=today or date.today(),
        profile_name=name,
        profile_headline=headline,
        goals=goals,
        evidence=roadmap_repo.list_evidence(db),
        levels=roadmap_repo.all_effective_levels(db),
        skill_names=skill_names,
        history=roadmap_repo.progress_history(db),
        active_keys=active_keys,
        renames=dict(renames or {}),
    )


def load_snapshot_with_dataset(
    db: Database, market_db: Database | None, today: date | None = None
) -> RoadmapSnapshot:
    """`load_snapshot`, marking the skills the active dataset lacks (and what they became)."""
    snapshot = load_snapshot(db, today)
    if market_db is None:
        return snapshot
    active = roadmap_repo.current_dataset_keys(market_db)
    if active is not None:
        keys = {goal.skill_key for goal in snapshot.goals} | set(snapshot.levels)
        snapshot.active_keys = active
        snapshot.renames = roadmap_repo.renamed_skills(market_db, keys, active)
    return snapshot


def goal_as_dict(goal: Goal, snapshot: RoadmapSnapshot) -> dict:
    """A goal as plain data (the command line's --json), with its derived figures."""
    from careerplanner.core.roadmap_review import next_review

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
    from careerplanner.store.user.goals import evidence_file_status

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
        "file_status": evidence_file_status(item),
    }
