"""The depth scale L0–L5 that every skill, requirement and goal is measured on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Level(IntEnum):
    MISSING = 0
    MINIMAL = 1
    BASIC = 2
    PROFICIENT = 3
    ADVANCED = 4
    EXPERT = 5

    @property
    def code(self) -> str:
        return f"L{int(self)}"

    @property
    def title(self) -> str:
        return LEVEL_INFO[self].name

    @classmethod
    def parse(cls, text: str | int) -> Level:
        """Accept 3, "3", "L3" or "proficient"; raise ValueError otherwise."""
        if isinstance(text, int):
            return cls(text)
        cleaned = text.strip().lower()
        if cleaned.startswith("l") and cleaned[1:].isdigit():
            cleaned = cleaned[1:]
        if cleaned.isdigit():
            return cls(int(cleaned))
        for level, info in LEVEL_INFO.items():
            if info.name.lower() == cleaned:
                return level
        raise ValueError(f"{text!r} is not a level; use L0 to L5")


@dataclass(frozen=True)
class LevelInfo:
    name: str
    meaning: str
    evidence: str


LEVEL_INFO: dict[Level, LevelInfo] = {
    Level.MISSING: LevelInfo("Missing", "no sign of the skill", "—"),
    Level.MINIMAL: LevelInfo(
        "Minimal", 'awareness; listed or "familiar with"', "a bare mention, a course title"
    ),
    Level.BASIC: LevelInfo(
        "Basic",
        "can use it with guidance",
        "online courses, certificates, personal or academic projects",
    ),
    Level.PROFICIENT: LevelInfo(
        "Proficient",
        "daily professional use, works independently",
        "shipped work in a job, about 2+ years of professional use",
    ),
    Level.ADVANCED: LevelInfo(
        "Advanced",
        "solves hard problems, optimises workflows, mentors others",
        "mentoring, leading, measurable optimisation",
    ),
    Level.EXPERT: LevelInfo(
        "Expert",
        "architects systems around it, makes strategic decisions",
        "architecture decisions, open-source contributions, published work, talks",
    ),
}

# What moves a person from one level to the next; the roadmap's suggested steps come from here.
TRANSITIONS: dict[Level, tuple[str, ...]] = {
    Level.MINIMAL: ("Read an introduction or take a short course",),
    Level.BASIC: ("Complete an online course or certificate", "Build a personal project"),
    Level.PROFICIENT: ("Use it daily in professional work", "Ship work that depends on it"),
    Level.ADVANCED: ("Mentor others in it", "Optimise a process or workflow with it"),
    Level.EXPERT: (
        "Make architecture decisions around it",
        "Contribute to open source or publish work on it",
    ),
}
