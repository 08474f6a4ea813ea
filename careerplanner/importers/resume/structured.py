"""JSON Resume and LinkedIn data exports, written out as headed resume text.

Writing them as text ("Experience" / "Title | Employer" / "2019-01 - Present" / "• highlight")
lets one section, position and depth pipeline serve every format, and keeps the evidence lines
readable. Nothing in them is fetched: `basics.image` and every URL stay strings.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from careerplanner.errors import UserError

MAX_JSON_DEPTH = 20
LINKEDIN_FILES = {
    "profile.csv",
    "positions.csv",
    "skills.csv",
    "education.csv",
    "certifications.csv",
    "projects.csv",
    "publications.csv",
    "languages.csv",
}


def json_depth(value, level: int = 0) -> int:
    """How deep parsed JSON nests, counted up to just past MAX_JSON_DEPTH."""
    if level > MAX_JSON_DEPTH:
        return level
    if isinstance(value, dict):
        return max((json_depth(v, level + 1) for v in value.values()), default=level)
    if isinstance(value, list):
        return max((json_depth(v, level + 1) for v in value), default=level)
    return level


def _range(item: dict, start: str = "startDate", end: str = "endDate") -> str:
    first = str(item.get(start) or "").strip()
    last = str(item.get(end) or "").strip() or ("Present" if first else "")
    return f"{first} - {last}" if first else ""


def _s(value) -> str:
    return " ".join(str(value).split()) if value else ""


def _list(value) -> list:
    """A JSON Resume array, or nothing: a field of the wrong type ("work": 1) is skipped."""
    return value if isinstance(value, list) else []


def json_resume_text(path: Path, text: str) -> str:
    """A JSON Resume document as headed text, or a UserError naming the problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UserError(
            f"{path.name} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg})."
        ) from None
    except RecursionError:
        raise UserError(f"{path.name} is nested too deeply to be a resume.") from None
    if not isinstance(data, dict) or json_depth(data) > MAX_JSON_DEPTH:
        raise UserError(f"{path.name} is not a JSON Resume document (expected an object).")
    if not any(key in data for key in ("basics", "work", "skills", "education")):
        raise UserError(f"{path.name} is JSON but not a JSON Resume (no basics, work or skills).")
    lines: list[str] = []
    basics = data.get("basics") or {}
    if isinstance(basics, dict):
        lines += [_s(basics.get("name")), _s(basics.get("label"))]
        if basics.get("summary"):
            lines += ["", "Summary", _s(basics["summary"])]
    for heading, key, title, org in (
        ("Experience", "work", "position", "name"),
        ("Volunteer", "volunteer", "position", "organization"),
    ):
        items = [i for i in _list(data.get(key)) if isinstance(i, dict)]
        if items:
            lines += ["", heading]
        for item in items:
            lines += [f"{_s(item.get(title))} | {_s(item.get(org) or item.get('company'))}"]
            lines.append(_range(item))
            if item.get("summary"):
                lines.append(f"• {_s(item['summary'])}")
            lines += [f"• {_s(h)}" for h in _list(item.get("highlights"))]
    _education(data, lines)
    _simple(data, lines, "Certifications", "certificates", ("name", "issuer", "date"))
    _simple(data, lines, "Awards", "awards", ("title", "awarder", "date", "summary"))
    _simple(data, lines, "Publications", "publications", ("name", "publisher", "summary"))
    _projects(data, lines)
    skills = [s for s in _list(data.get("skills")) if isinstance(s, dict)]
    if skills:
        lines += ["", "Skills"]
        for skill in skills:
            keywords = ", ".join(_s(k) for k in _list(skill.get("keywords")))
            lines.append(
                f"{_s(skill.get('name'))}: {keywords}" if keywords else _s(skill.get("name"))
            )
    languages = [_s(x.get("language")) for x in _list(data.get("languages")) if isinstance(x, dict)]
    if languages:
        lines += ["", "Languages", *languages]
    interests = [i for i in _list(data.get("interests")) if isinstance(i, dict)]
    if interests:
        lines += ["", "Interests"]
        lines += [
            f"{_s(i.get('name'))}: {', '.join(map(_s, _list(i.get('keywords'))))}"
            for i in interests
        ]
    return "\n".join(lines)


def _education(data: dict, lines: list[str]) -> None:
    items = [i for i in _list(data.get("education")) if isinstance(i, dict)]
    if not items:
        return
    lines += ["", "Education"]
    for item in items:
        degree = " ".join(filter(None, (_s(item.get("studyType")), _s(item.get("area")))))
        lines += [f"{degree} | {_s(item.get('institution'))}", _range(item)]
        courses = [_s(c) for c in _list(item.get("courses"))]
        if courses:
            lines += ["Courses:", *(f"• {c}" for c in courses)]


def _simple(data: dict, lines: list[str], heading: str, key: str, fields: tuple[str, ...]) -> None:
    items = [i for i in _list(data.get(key)) if isinstance(i, dict)]
    if items:
        lines += ["", heading]
        lines += [" | ".join(_s(i.get(f)) for f in fields if i.get(f)) for i in items]


def _projects(data: dict, lines: list[str]) -> None:
    items = [i for i in _list(data.get("projects")) if isinstance(i, dict)]
    if not items:
        return
    lines += ["", "Projects"]
    for item in items:
        lines += [_s(item.get("name")), _range(item), _s(item.get("description"))]
        lines += [f"• {_s(h)}" for h in _list(item.get("highlights"))]
        if item.get("keywords"):
            lines.append("Technologies: " + ", ".join(_s(k) for k in item["keywords"]))


# LinkedIn writes its CSV headers in the member's language. The English names are canonical;
# these are the localised ones known to us. A file whose header matches none of them is refused
# with a sentence rather than read as blank rows.
_LINKEDIN_HEADERS = {
    "Company Name": ("Firmenname", "Nom de l’entreprise", "Nom de l'entreprise", "Empresa"),
    "Title": ("Titel", "Titre", "Cargo", "Puesto"),
    "Description": ("Beschreibung", "Descripción", "Descrição"),
    "Location": ("Standort", "Lieu", "Ubicación", "Localização"),
    "Started On": ("Begonnen am", "Commencé le", "Fecha de inicio", "Iniciado em"),
    "Finished On": ("Beendet am", "Terminé le", "Fecha de finalización", "Concluído em"),
}
_LINKEDIN_CANONICAL = {
    local.casefold(): english for english, names in _LINKEDIN_HEADERS.items() for local in names
}
_LINKEDIN_EXPECTED = {
    "positions.csv": {"Title", "Company Name"},
    "skills.csv": {"Name"},
    "education.csv": {"School Name", "Degree Name"},
    "certifications.csv": {"Name"},
    "profile.csv": {"First Name", "Last Name", "Headline"},
}


def _linkedin_column(name: str) -> str:
    cleaned = (name or "").strip().lstrip("\ufeff")
    return _LINKEDIN_CANONICAL.get(cleaned.casefold(), cleaned)


def _read_linkedin_csv(path: Path, archive: zipfile.ZipFile, name: str) -> list[dict]:
    raw = archive.read(name).decode("utf-8-sig", errors="replace")
    lines = raw.splitlines()
    start = 0
    if lines and lines[0].strip().lower().startswith("notes"):
        # Exports may open with "Notes:" and a quoted explanation, then a blank line.
        blank = next((n for n, line in enumerate(lines) if not line.strip()), None)
        start = blank + 1 if blank is not None else len(lines)
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines):
        return []
    reader = csv.DictReader(io.StringIO("\n".join(lines[start:])))
    header = [_linkedin_column(field) for field in reader.fieldnames or []]
    expected = _LINKEDIN_EXPECTED.get(Path(name).name.lower(), set())
    if expected and not expected & set(header):
        raise UserError(
            f"{Path(name).name} in {path.name} has column names Career Planner does not know "
            f"({', '.join(header[:4])}); export your LinkedIn data again with LinkedIn's "
            "language set to English."
        )
    return [
        {_linkedin_column(k): (v or "").strip() for k, v in r.items() if k is not None}
        for r in reader
    ]


def linkedin_text(path: Path, archive: zipfile.ZipFile) -> str:
    """A LinkedIn data export (zip of CSV files) as headed text."""
    tables = {}
    for name in archive.namelist():
        base = Path(name).name.lower()
        if base in LINKEDIN_FILES:
            tables[base] = _read_linkedin_csv(path, archive, name)
    if not any(tables.values()):
        raise UserError(f"{path.name} is a LinkedIn export with 0 records in its CSV files.")
    lines: list[str] = []
    for row in tables.get("profile.csv", [])[:1]:
        lines += [
            f"{row.get('First Name', '')} {row.get('Last Name', '')}".strip(),
            row.get("Headline", ""),
        ]
        if row.get("Summary"):
            lines += ["", "Summary", row["Summary"]]
    positions = tables.get("positions.csv", [])
    if positions:
        lines += ["", "Experience"]
    for row in positions:
        end = row.get("Finished On") or "Present"
        lines += [
            f"{row.get('Title', '')} | {row.get('Company Name', '')}",
            f"{row.get('Started On', '')} - {end}",
        ]
        description = row.get("Description", "").splitlines()
        lines += [f"• {part.strip()}" for part in description if part.strip()]
    education = tables.get("education.csv", [])
    if education:
        lines += ["", "Education"]
    for row in education:
        lines += [
            f"{row.get('Degree Name', '')} | {row.get('School Name', '')}",
            f"{row.get('Start Date', '')} - {row.get('End Date', '')}".strip(" -"),
        ]
    certifications = tables.get("certifications.csv", [])
    if certifications:
        lines += ["", "Certifications"]
        lines += [f"{r.get('Name', '')} | {r.get('Authority', '')}" for r in certifications]
    skills = [r.get("Name", "") for r in tables.get("skills.csv", []) if r.get("Name")]
    if skills:
        lines += ["", "Skills", *skills]
    if not (positions or skills or education or certifications):
        raise UserError(
            f"{path.name} is a LinkedIn export but its Positions, Skills and Education files "
            "hold 0 records."
        )
    return "\n".join(lines)
