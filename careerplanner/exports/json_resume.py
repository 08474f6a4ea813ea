"""JSON Resume export (jsonresume.org schema 1.0.0) with the levels that count.

Each skill's `level` is the depth name with its code ("Proficient (L3)"); keywords say where
the level comes from. Nothing else about the user is invented: basics hold the profile's name
and headline only.
"""

from __future__ import annotations

import json

from careerplanner import __version__
from careerplanner.core.levels import Level
from careerplanner.exports.snapshot import RoadmapSnapshot

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


def level_label(level: int) -> str:
    """ "Proficient (L3)"."""
    return f"{Level(level).title} (L{level})"


def json_resume(snapshot: RoadmapSnapshot) -> dict:
    """A JSON Resume document with every skill at L1 or above, deepest first."""
    skills = []
    ranked = sorted(
        snapshot.levels.values(),
        key=lambda item: (-item.level, snapshot.skill_names.get(item.skill_key, "").casefold()),
    )
    for item in ranked:
        if item.level < 1:
            continue
        keywords = [f"L{item.level}"]
        if item.from_roadmap:
            keywords.append("reached on the learning roadmap, evidence logged")
        skills.append(
            {
                "name": snapshot.skill_names.get(item.skill_key, item.skill_key),
                "level": level_label(item.level),
                "keywords": keywords,
            }
        )
    basics = {"name": snapshot.profile_name}
    if snapshot.profile_headline:
        basics["label"] = snapshot.profile_headline
    return {
        "$schema": SCHEMA_URL,
        "basics": basics,
        "skills": skills,
        "meta": {
            "version": "v1.0.0",
            "lastModified": snapshot.today.isoformat(),
            "generator": f"Career Planner {__version__}",
        },
    }


def json_resume_bytes(snapshot: RoadmapSnapshot) -> bytes:
    return (json.dumps(json_resume(snapshot), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
