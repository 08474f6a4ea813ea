"""What every export shows: the roadmap, the evidence, the levels that count and the history at
one moment, as plain core objects (read from the database by `services.export_snapshot`)."""

from __future__ import annotations

from collections.abc import Sequence
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
    datasets: tuple[str, ...] = ()  # the active market datasets, as their labels read
    attributions: tuple[str, ...] = ()  # what the active datasets' licences ask to be said

    @property
    def overall_progress(self) -> float:
        return overall_progress(self.goals)

    def status_of(self, skill_key: str) -> str:
        """ "" or "not in the current dataset"."""
        return dataset_status(skill_key, self.active_keys, self.renames)

    def evidence_for(self, skill_key: str) -> list[Evidence]:
        return [item for item in self.evidence if item.skill_key == skill_key]


@dataclass(frozen=True)
class RoleGapSummary:
    """A target role's gap for the report: (skill, your level, required level) rows and fit."""

    role_title: str
    fit: float
    rows: Sequence[tuple[str, int, int]] = field(default_factory=tuple)
