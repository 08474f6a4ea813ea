"""The fields of a job posting: column mapping, salary ranges, seniority and role names.

Shared by the postings CSV reader and the saved-job-ads reader (`postings.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields

# ---------------------------------------------------------------------------- columns


@dataclass(frozen=True)
class PostingColumns:
    """Which header names hold which field; None where the file has no such column."""

    title: str
    description: str
    salary: str | None = None  # a range as text: "$53K-$91K (Glassdoor est.)"
    salary_min: str | None = None  # numbers, used when there is no salary text column
    salary_max: str | None = None
    seniority: str | None = None
    role: str | None = None
    location: str | None = None

    def used(self) -> list[str]:
        return [value for value in (getattr(self, f.name) for f in fields(self)) if value]


# Header names each field is recognised by, compared lower-case with _ and - read as spaces.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("job title", "title", "position", "position title", "job name", "job"),
    "description": (
        "job description",
        "description",
        "job desc",
        "desc",
        "details",
        "job details",
        "text",
        "body",
    ),
    "salary": (
        "salary estimate",
        "salary",
        "salary range",
        "pay",
        "pay range",
        "compensation",
        "wage",
    ),
    "salary_min": ("min salary", "salary min", "minimum salary", "salary from", "min pay"),
    "salary_max": ("max salary", "salary max", "maximum salary", "salary to", "max pay"),
    "seniority": (
        "seniority",
        "seniority level",
        "level",
        "experience level",
        "career level",
        "job level",
    ),
    "role": ("role", "job simp", "job family", "category", "job category", "occupation"),
    "location": ("location", "job location", "city"),
}


def _header_form(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name).strip().casefold()


def guess_mapping(header: Sequence[str]) -> PostingColumns | None:
    """Match header names to posting fields; None unless both a title and a description exist."""
    by_form = {}
    for name in header:
        by_form.setdefault(_header_form(name), name)
    found: dict[str, str | None] = {}
    for field_name, synonyms in _SYNONYMS.items():
        found[field_name] = next((by_form[s] for s in synonyms if s in by_form), None)
    if not found["title"] or not found["description"]:
        return None
    return PostingColumns(**found)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- field values

MISSING_VALUES = {"", "-1", "na", "n/a", "none", "null", "unknown", "not specified", "-"}
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([kKmM]\b|[kKmM](?=[^a-zA-Z]|$))?")
_PERIODS = (
    (re.compile(r"hour|/\s*hr\b|\bhr\b|hourly", re.I), 2080.0),  # 40 h x 52 weeks
    (re.compile(r"\bday\b|daily|/\s*d\b", re.I), 260.0),
    (re.compile(r"week", re.I), 52.0),
    (re.compile(r"month|/\s*mo\b", re.I), 12.0),
)


class SalaryError(ValueError):
    """A salary cell that holds no number."""


def parse_salary(text: str) -> float | None:
    """A salary range as text -> the annual midpoint; None for an empty or "n/a" cell.

    Understands "$53K-$91K (Glassdoor est.)", "$10-$26 Per Hour", "Employer Provided
    Salary:$150K-$160K", "€45,000 – €60,000 a year" and a single amount. Hourly, daily, weekly and
    monthly amounts are annualised (2,080 hours, 260 days, 52 weeks, 12 months).
    """
    cleaned = text.strip()
    if cleaned.casefold() in MISSING_VALUES:
        return None
    amounts = [_amount(number, suffix) for number, suffix in _AMOUNT.findall(cleaned)[:2]]
    if not amounts:
        raise SalaryError(f"{cleaned[:40]!r} is not a salary")
    value = sum(amounts) / len(amounts)
    for pattern, factor in _PERIODS:
        if pattern.search(cleaned):
            return value * factor
    return value


def parse_salary_number(text: str) -> float | None:
    """A min or max salary column: "42", "42K", "$42,000". A bare number under 1,000 counts as
    thousands a year (how Glassdoor-style exports store them); None for an empty cell."""
    cleaned = text.strip()
    if cleaned.casefold() in MISSING_VALUES:
        return None
    match = re.fullmatch(r"[^\d\-]{0,3}\s*" + _AMOUNT.pattern + r"\s*", cleaned)
    if not match:
        raise SalaryError(f"{cleaned[:40]!r} is not a number")
    value = _amount(match.group(1), match.group(2))
    return value * 1000 if value < 1000 and not match.group(2) else value


def _amount(number: str, suffix: str | None) -> float:
    value = float(number.replace(",", ""))
    if suffix and suffix.lower() == "k":
        value *= 1_000
    elif suffix and suffix.lower() == "m":
        value *= 1_000_000
    return value


_SENIORITY_WORDS = (
    (re.compile(r"\bintern(ship)?\b", re.I), "intern"),
    (re.compile(r"\b(junior|jr\.?|entry[\s-]level|graduate)(?!\w)", re.I), "junior"),
    (re.compile(r"\b(director|vp|vice president|head of|chief)\b", re.I), "director"),
    (re.compile(r"\b(lead|principal|staff)\b", re.I), "lead"),
    (re.compile(r"\b(senior|sr\.?)(?!\w)", re.I), "senior"),
    (re.compile(r"\b(mid[\s-]?level|mid|intermediate)\b", re.I), "mid"),
)
UNSPECIFIED = "unspecified"


def normalise_seniority(value: str, title: str) -> str:
    """A seniority cell ("Senior", "sr", "Mid-level") or, when it is empty, the title's words."""
    for text in (value, title):
        if text.strip().casefold() in MISSING_VALUES:
            continue
        for pattern, seniority in _SENIORITY_WORDS:
            if pattern.search(text):
                return seniority
        if text is value:
            return re.sub(r"\s+", " ", value).strip().casefold()
    return UNSPECIFIED


_TITLE_NOISE = re.compile(
    r"\b(senior|sr\.?|junior|jr\.?|lead|principal|staff|intern|entry[\s-]level|"
    r"i{1,3}|iv|[1-4])(?!\w)",
    re.I,
)


def role_from_title(title: str) -> str:
    """A role name from a job title: "Sr. Data Engineer - Contract (Java)" -> "Data Engineer"."""
    # Cut at the first qualifier: " - ", ",", "(", "/", "|", or a hyphen glued to a capital
    # ("Scientist-Machine Learning"); "Contract-to-Hire" keeps its hyphens.
    head = re.split(
        r"\s*[-–—|]\s+|\s+[-–—|]\s*|\s*[,(\[|/]|(?<=[a-z])-(?=[A-Z])", title, maxsplit=1
    )[0]
    head = _TITLE_NOISE.sub(" ", head)
    head = re.sub(r"\s+", " ", head).strip(" -–/.")
    if head.isupper():
        head = head.title()
    return head or title.strip() or "Unspecified role"


def clean_spaces(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


# ---------------------------------------------------------------------------- postings


@dataclass(frozen=True)
class Posting:
    """One job ad as read from a file, before skill extraction."""

    source: str  # "jobs.csv line 12" or the ad's file name: where a message should point
    title: str
    description: str
    salary: float | None = None  # annual
    seniority: str = UNSPECIFIED
    role: str = ""
    location: str = ""
