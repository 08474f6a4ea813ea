"""JSON Resume job files (`*.job.json`, the jsonresume.org job schema) as the text of an ad.

The fields are written out the way an ad reads: the description, then "Responsibilities:" and
"Qualifications:" with their bullets, then "Skills:" with each skill's keywords. The JSON Resume
level words of a skill ("Master", "Intermediate") are kept beside it, so the phrase table reads
them like any other ad's words (each written as the phrase of product.md's table it means).
Links (`meta.canonical`, `url`) are never opened.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from careerplanner.errors import UserError
from careerplanner.importers.resume.structured import MAX_JSON_DEPTH, json_depth

# JSON Resume's level words, as the phrases an ad would use for them.
_LEVEL_PHRASES = {
    "beginner": "Familiarity with",
    "novice": "Familiarity with",
    "basic": "Familiarity with",
    "intermediate": "Working knowledge of",
    "advanced": "Advanced",
    "master": "Expert in",
    "expert": "Expert in",
}
_JOB_FIELDS = ("title", "description", "responsibilities", "qualifications", "skills")


def job_json_text(path: Path, text: str) -> tuple[str, str]:
    """(title, text) of a JSON Resume job file, or UserError saying why it is not one."""
    job = read_job_json(path, text)
    return job.title, job.text


class JobJson(NamedTuple):
    title: str
    text: str
    company: str = ""
    location: str = ""
    salary: str = ""
    link: str = ""  # meta.canonical or url: kept, never opened
    date: str = ""


def read_job_json(path: Path, text: str) -> JobJson:
    """A JSON Resume job file's text and fields, or UserError saying why it is not one."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        where = f" (line {error.lineno})" if isinstance(error, json.JSONDecodeError) else ""
        raise UserError(f"{path.name} is not valid JSON{where}; save it again.") from None
    if not isinstance(data, dict) or not any(field in data for field in _JOB_FIELDS):
        raise UserError(
            f"{path.name} is JSON but not a JSON Resume job file (it has none of the fields "
            "title, description, responsibilities, qualifications or skills)."
        )
    if json_depth(data) > MAX_JSON_DEPTH:
        raise UserError(f"{path.name} is nested too deeply to be a job file.")
    lines = [_text(data.get("title"))]
    company = _text(data.get("company"))
    if company:
        lines.append(f"Company: {company}")
    lines.append(_text(data.get("description")))
    for field in ("responsibilities", "qualifications"):
        heading = field.capitalize()
        items = [_text(item) for item in _list(data.get(field))]
        if items:
            lines.append(f"{heading}:")
            lines.extend(f"- {item}" for item in items if item)
    skills = [item for item in _list(data.get("skills")) if isinstance(item, dict)]
    if skills:
        lines.append("Skills:")
    for skill in skills:
        keywords = ", ".join(_text(k) for k in _list(skill.get("keywords")) if _text(k))
        level = _text(skill.get("level"))
        phrase = _LEVEL_PHRASES.get(level.casefold(), level)
        line = _text(skill.get("name")) + (f" ({keywords})" if keywords else "")
        lines.append(f"- {phrase}: {line}" if phrase else f"- {line}")
    body = "\n".join(line for line in lines if line)
    if len(body.split()) < 3:
        raise UserError(f"{path.name} is a job file with no text to read.")
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    return JobJson(
        _text(data.get("title")),
        body,
        company,
        _location(data.get("location")),
        _text(data.get("salary")) or _number(data.get("salary")),
        _text(meta.get("canonical")) or _text(data.get("url")),
        _text(data.get("date")),
    )


def _location(value) -> str:
    """ "Berlin, DE" from the schema's location object (a string is taken as it is)."""
    if isinstance(value, str):
        return _text(value)
    if not isinstance(value, dict):
        return ""
    parts = [_text(value.get(name)) for name in ("city", "region", "countryCode")]
    unique = [part for index, part in enumerate(parts) if part and part not in parts[:index]]
    return ", ".join(unique)


def _number(value) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return f"{value:g}"
    return ""


def _text(value) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _list(value) -> list:
    return value if isinstance(value, list) else []
