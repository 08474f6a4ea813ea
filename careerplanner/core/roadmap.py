"""The learning roadmap's rules: goals, steps, progress and the level a goal has reached.

A goal names a skill by its stable key (`careerplanner.core.skills.skill_key`) and keeps the
skill's display name itself, so a skill renamed or dropped by a dataset update stays on the
roadmap, shown as "not in the current dataset" instead of disappearing.

Steps are suggested from the level transitions of product.md (`levels.TRANSITIONS`); each step
carries the level it leads to, so the roadmap knows which level the user has reached. A reached
level counts in the profile only once evidence is logged for it (see `effective_level`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from careerplanner.core.levels import TRANSITIONS, Level

NOT_IN_DATASET = "not in the current dataset"


class StepState(StrEnum):
    PENDING = "pending"
    LEARNING = "learning"
    DONE = "done"
    SKIPPED = "skipped"

    @classmethod
    def parse(cls, text: str) -> StepState:
        """Accept a state name in any case; raise ValueError naming the valid ones."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            valid = ", ".join(state.value for state in cls)
            raise ValueError(f"{text!r} is not a step state; use one of {valid}") from None


FINISHED_STATES = (StepState.DONE, StepState.SKIPPED)
STARTED_STATES = (StepState.LEARNING, StepState.DONE)


class EvidenceKind(StrEnum):
    LINK = "link"
    FILE = "file"
    NOTE = "note"


@dataclass
class Step:
    """One thing to do on the way to a goal; `to_level` is the level it helps reach."""

    id: int | None
    goal_id: int | None
    title: str
    to_level: int
    state: StepState = StepState.PENDING
    position: int = 0
    due_date: date | None = None
    note: str = ""
    suggested: bool = False
    created_at: str = ""
    updated_at: str = ""


@dataclass
class Note:
    """A dated note on a goal (and optionally one of its steps)."""

    id: int | None
    goal_id: int
    text: str
    step_id: int | None = None
    created_at: str = ""
    updated_at: str = ""


@dataclass
class Goal:
    """Reach `target_level` in a skill, optionally by `target_date`.

    `start_level` is the user's level when the goal was made: the steps cover the transitions
    from there. `started_on` is the day the first step left "pending" (the review schedule
    counts from it); `review_count` / `last_review` drive the spaced reviews.
    """

    id: int | None
    skill_key: str
    skill_name: str
    target_level: int
    start_level: int = 0
    target_date: date | None = None
    created_at: str = ""
    updated_at: str = ""
    started_on: date | None = None
    review_count: int = 0
    last_review: date | None = None
    steps: list[Step] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def reached_level(self) -> int:
        return reached_level(self.start_level, self.target_level, self.steps)

    @property
    def complete(self) -> bool:
        return self.reached_level >= self.target_level

    @property
    def progress(self) -> float:
        return step_progress(self.steps)

    @property
    def in_progress(self) -> bool:
        """Started (a step is learning or done) and not yet complete: due for spaced reviews."""
        return not self.complete and any(step.state in STARTED_STATES for step in self.steps)


@dataclass
class Evidence:
    """Proof that the user works at `level` in a skill: a link, a local file, or a note."""

    id: int | None
    skill_key: str
    skill_name: str
    level: int
    kind: EvidenceKind
    title: str = ""
    url: str = ""
    path: str = ""
    sha256: str = ""
    text: str = ""
    created_at: str = ""


@dataclass(frozen=True)
class ProgressPoint:
    """One point of the progress history: a skill's level or a target role's fit score."""

    id: int | None
    at: str
    kind: str  # "skill" (value 0..5) or "fit" (value 0..1)
    subject_key: str  # skill key or role code
    subject_name: str
    value: float
    source: str = ""


def validate_level(level: int, what: str = "level") -> int:
    """Return `level` as an int in 0..5, or raise ValueError with a plain sentence."""
    try:
        return int(Level.parse(level))
    except (ValueError, TypeError):
        raise ValueError(f"The {what} must be a level from L0 to L5, not {level!r}.") from None


def suggest_steps(current_level: int, target_level: int) -> list[Step]:
    """Steps from `current_level` up to `target_level`, one group per level transition.

    The titles come from product.md's transitions (L1→L2 courses and personal projects, L2→L3
    daily professional use and shipped work, ...). Returns an empty list when the target is not
    above the current level.
    """
    current = validate_level(current_level, "current level")
    target = validate_level(target_level, "target level")
    steps: list[Step] = []
    for level in range(current + 1, target + 1):
        for title in TRANSITIONS[Level(level)]:
            steps.append(
                Step(
                    id=None,
                    goal_id=None,
                    title=title,
                    to_level=level,
                    position=len(steps),
                    suggested=True,
                )
            )
    return steps


def reached_level(start_level: int, target_level: int, steps: Iterable[Step]) -> int:
    """The highest level the steps have carried the user to, never below `start_level`.

    A level counts as reached when it has steps, all of them are done or skipped, at least one
    is done, and every level below it is reached too. A level whose steps were all deleted
    stops the climb: the roadmap never claims more than the user has ticked off.
    """
    by_level: dict[int, list[Step]] = {}
    for step in steps:
        by_level.setdefault(step.to_level, []).append(step)
    reached = start_level
    for level in range(start_level + 1, target_level + 1):
        group = by_level.get(level, [])
        finished = group and all(step.state in FINISHED_STATES for step in group)
        if not finished or not any(step.state == StepState.DONE for step in group):
            break
        reached = level
    return reached


def step_progress(steps: Iterable[Step]) -> float:
    """Share of the steps that are done, skipped steps left out; 0.0 with nothing to do."""
    counted = [step for step in steps if step.state != StepState.SKIPPED]
    if not counted:
        return 0.0
    return sum(step.state == StepState.DONE for step in counted) / len(counted)


def overall_progress(goals: Iterable[Goal]) -> float:
    """Share of all non-skipped steps across goals that are done."""
    return step_progress(step for goal in goals for step in goal.steps)


def roadmap_levels(goals: Iterable[Goal]) -> dict[str, int]:
    """Per skill key, the highest level reached on any of its goals."""
    levels: dict[str, int] = {}
    for goal in goals:
        levels[goal.skill_key] = max(levels.get(goal.skill_key, 0), goal.reached_level)
    return levels


@dataclass(frozen=True)
class EffectiveLevel:
    """The level that counts in the profile, and why.

    `profile_level` comes from the resume (or the user's override); `roadmap_level` is the
    highest level reached on the roadmap; `evidenced_level` the highest level with evidence
    logged. A roadmap level counts only up to the evidenced level.
    """

    skill_key: str
    level: int
    profile_level: int
    roadmap_level: int
    evidenced_level: int

    @property
    def awaiting_evidence(self) -> bool:
        """The roadmap reached a higher level than counts: evidence is missing for it."""
        return self.roadmap_level > self.level

    @property
    def from_roadmap(self) -> bool:
        return self.level > self.profile_level

    def explanation(self) -> str:
        """One sentence for the profile screen."""
        if self.awaiting_evidence:
            return (
                f"L{self.roadmap_level} reached on the roadmap; it counts once evidence for "
                f"L{self.roadmap_level} is logged."
            )
        if self.from_roadmap:
            return f"L{self.level} reached on the roadmap, with evidence logged."
        if self.level == 0:
            return "L0: not in your profile yet."
        return f"L{self.level} from your profile."


def effective_level(
    skill_key: str,
    profile_level: int,
    roadmap_level: int,
    evidence_levels: Iterable[int],
) -> EffectiveLevel:
    """Combine the profile level, the roadmap level and the evidence into what counts.

    Evidence at a level also supports every level below it, so the roadmap's level counts up to
    the highest evidenced level; the profile's own level always counts.
    """
    evidenced = max(evidence_levels, default=0)
    counted_roadmap = min(roadmap_level, evidenced)
    return EffectiveLevel(
        skill_key=skill_key,
        level=max(profile_level, counted_roadmap),
        profile_level=profile_level,
        roadmap_level=roadmap_level,
        evidenced_level=evidenced,
    )


def effective_levels(
    profile_levels: Mapping[str, int],
    goals: Iterable[Goal],
    evidence: Iterable[Evidence],
) -> dict[str, EffectiveLevel]:
    """`effective_level` for every skill in the profile or on the roadmap."""
    reached = roadmap_levels(goals)
    evidenced: dict[str, list[int]] = {}
    for item in evidence:
        evidenced.setdefault(item.skill_key, []).append(item.level)
    keys = set(profile_levels) | set(reached)
    return {
        key: effective_level(
            key, profile_levels.get(key, 0), reached.get(key, 0), evidenced.get(key, [])
        )
        for key in sorted(keys)
    }


def dataset_status(
    skill_key: str, active_keys: set[str] | None, renames: Mapping[str, str] | None = None
) -> str:
    """ "" when the skill is in the active dataset (or none is known), else NOT_IN_DATASET,
    naming the skill's new name when the dataset renamed it (`renames`: old key -> new name)."""
    if active_keys is None or skill_key in active_keys:
        return ""
    new_name = (renames or {}).get(skill_key)
    return f"{NOT_IN_DATASET} (now listed as {new_name})" if new_name else NOT_IN_DATASET
