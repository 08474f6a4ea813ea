"""The fields of a job posting: column mapping, salary ranges, seniority and role names.

Shared by the postings CSV reader and the saved-job-ads reader (`postings.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields

from careerplanner.errors import UserError

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
    # The unit of salary_min/salary_max ("Annual", "Hourly", "Daily"): NYC's "Salary Frequency".
    salary_frequency: str | None = None
    # More of the ad's text, read after the description under its own heading, so the
    # requirements reader sees "Preferred Skills:" as nice to have and the minimum
    # qualifications as musts.
    qualifications: str | None = None
    preferred: str | None = None
    # One posting per id: the City lists most jobs twice (an internal and an external copy).
    job_id: str | None = None
    # Who posted it: text repeated across an employer's postings is its boilerplate.
    employer: str | None = None
    # The employer's standard name of the job (the City's "Civil Service Title"), beside the
    # title it advertised: the posting's role when the role column holds broad categories.
    job_class: str | None = None

    def used(self) -> list[str]:
        return [value for value in (getattr(self, f.name) for f in fields(self)) if value]


# Header names each field is recognised by, compared lower-case with _ and - read as spaces.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": (
        "job title",
        "title",
        "business title",
        "position",
        "position title",
        "job name",
        "job",
    ),
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
    "salary_min": (
        "min salary",
        "salary min",
        "minimum salary",
        "salary from",
        "salary range from",
        "min pay",
    ),
    "salary_max": (
        "max salary",
        "salary max",
        "maximum salary",
        "salary to",
        "salary range to",
        "max pay",
    ),
    "seniority": (
        "seniority",
        "seniority level",
        "experience level",
        "career level",
        "job level",
        "level",  # last: the City's "Level" is a pay grade ("2"), its "Career Level" seniority
    ),
    "role": ("role", "job simp", "job family", "category", "job category", "occupation"),
    "location": ("location", "job location", "work location", "city"),
    "salary_frequency": (
        "salary frequency",
        "pay frequency",
        "salary period",
        "pay period",
        "salary unit",
        "pay basis",
        "salary basis",
    ),
    "qualifications": (
        "minimum qual requirements",
        "minimum qualifications",
        "minimum requirements",
        "qualifications",
        "requirements",
        "job requirements",
    ),
    "preferred": (
        "preferred skills",
        "preferred qualifications",
        "desired skills",
        "nice to have",
    ),
    "job_id": ("job id", "posting id", "job posting id", "requisition id", "job number"),
    "employer": ("agency", "company", "company name", "employer", "organization", "hiring agency"),
    "job_class": (
        "civil service title",
        "job class",
        "job class title",
        "class title",
        "classification title",
        "standard title",
        "official title",
        "occupational title",
    ),
}

FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(PostingColumns))
"""The fields a column can be mapped to, in the order the mapping step offers them."""
REQUIRED_FIELDS = ("title", "description")


def _header_form(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name).strip().casefold()


def guess_fields(header: Sequence[str]) -> dict[str, str | None]:
    """Each posting field -> the header name that holds it by its name, None where none does."""
    by_form = {}
    for name in header:
        by_form.setdefault(_header_form(name), name)
    return {
        field_name: next((by_form[s] for s in synonyms if s in by_form), None)
        for field_name, synonyms in _SYNONYMS.items()
    }


def guess_mapping(header: Sequence[str]) -> PostingColumns | None:
    """Match header names to posting fields; None unless both a title and a description exist."""
    found = guess_fields(header)
    if not found["title"] or not found["description"]:
        return None
    return PostingColumns(**found)  # type: ignore[arg-type]


class UnmappedHeader(UserError):
    """A CSV file whose columns were not recognised as postings: the mapping step offers them.

    `header` is the file's columns; `guess` each field's column as far as names tell."""

    def __init__(self, source: str, header: Sequence[str], refusal: str = "") -> None:
        self.header = tuple(name for name in header if name)
        self.guess = guess_fields(self.header)
        # A column the names do not tell is left for the user to fill in, never guessed: a
        # suggested "--map description=<the salary column>" would import nonsense.
        title = self.guess["title"] or "COLUMN"
        description = self.guess["description"] or "COLUMN"
        shown = ", ".join(f"“{name}”" for name in self.header[:40])
        if len(self.header) > 40:
            shown += f" and {len(self.header) - 40} more"
        others = ", ".join(name for name in FIELD_NAMES if name not in REQUIRED_FIELDS)
        refusal = refusal or f"{source}, line 1: the header is not one Career Planner recognises."
        super().__init__(
            f"{refusal} If it holds job postings, say which of its columns ({shown}) holds the "
            f"job title and which the ad's text, and import it again: careerplanner dataset "
            f'import {source} --map title="{title}" --map description="{description}" (more '
            f"fields to map: {others})."
        )


def mapping_from_choice(
    header: Sequence[str], chosen: Mapping[str, str | None], source: str
) -> PostingColumns:
    """The guessed mapping of `header` with the user's choices over it (field -> column; an
    empty column leaves the field out). Raises `UserError` for a field that does not exist, a
    column the file does not have, or a mapping without a title and a description."""
    columns = {_header_form(name): name for name in header if name}
    found = guess_fields(header)
    for field_name, column in chosen.items():
        if field_name not in found:
            raise UserError(
                f"“{field_name}” is not a postings field; the fields are {', '.join(FIELD_NAMES)}."
            )
        if not column or not column.strip():
            found[field_name] = None
            continue
        name = columns.get(_header_form(column))
        if name is None:
            shown = ", ".join(f"“{name}”" for name in columns.values())
            raise UserError(
                f"{source} has no column “{column.strip()}” (for {field_name}); its columns are "
                f"{shown}."
            )
        found[field_name] = name
    missing = [name for name in REQUIRED_FIELDS if not found[name]]
    if missing:
        raise UserError(
            f"{source}: map a column to {' and '.join(missing)} (the job title and the ad's "
            f'text), e.g. --map {missing[0]}="Column name".'
        )
    return PostingColumns(**found)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- field values

MISSING_VALUES = {"", "-1", "na", "n/a", "none", "null", "unknown", "not specified", "-"}
_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([kKmM]\b|[kKmM](?=[^a-zA-Z]|$))?")
_PERIODS = (
    (re.compile(r"hour|/\s*hr\b|\bhr\b|hourly", re.I), 2080.0),  # 40 h x 52 weeks
    (re.compile(r"\bday\b|daily|/\s*d\b", re.I), 260.0),
    (re.compile(r"bi-?weekly|fortnight", re.I), 26.0),
    (re.compile(r"week", re.I), 52.0),
    (re.compile(r"semi-?monthly|twice a month", re.I), 24.0),
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


def parse_salary_number(text: str, per_year: float | None = None) -> float | None:
    """A min or max salary column: "42", "42K", "$42,000"; None for an empty cell.

    `per_year` is how many of the amount's unit make a year, from the file's own frequency
    column (`salary_periods_per_year`): an hourly 15 is 15 x 2,080. Without one, a bare number
    under 1,000 counts as thousands a year (how Glassdoor-style exports store them).
    """
    cleaned = text.strip()
    if cleaned.casefold() in MISSING_VALUES:
        return None
    match = re.fullmatch(r"[^\d\-]{0,3}\s*" + _AMOUNT.pattern + r"\s*", cleaned)
    if not match:
        raise SalaryError(f"{cleaned[:40]!r} is not a number")
    value = _amount(match.group(1), match.group(2))
    if per_year is not None:
        return value * per_year
    return value * 1000 if value < 1000 and not match.group(2) else value


_ANNUAL = re.compile(r"\b(?:annual\w*|year\w*|yr|per annum|p\.?a\.?|salary|salaried)\b", re.I)


def salary_periods_per_year(text: str) -> float | None:
    """A salary frequency cell -> how many of its unit make a year ("Hourly" 2,080, "Daily" 260,
    "Annual" 1); None for an empty cell. The same factors as `parse_salary`'s."""
    cleaned = text.strip()
    if cleaned.casefold() in MISSING_VALUES:
        return None
    if _ANNUAL.search(cleaned):
        return 1.0
    for pattern, factor in _PERIODS:
        if pattern.search(cleaned):
            return factor
    raise SalaryError(
        f"{cleaned[:40]!r} is not a pay period; write Annual, Monthly, Weekly, Daily or Hourly"
    )


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


# A rank word leading a title, before the job itself ("Assistant Civil Engineer"): as a last
# word it is the job ("Administrative Assistant", "Research Associate"), so only leading ones go.
_LEADING_RANK = re.compile(r"^(assistant|associate|supervising|asst\.?|assoc\.?)\s+(?=\w)", re.I)
_LEVEL_NUMERALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_RANK_ABBREVIATIONS = {"asst": "assistant", "assoc": "associate"}


def split_title(title: str) -> tuple[str, str | None]:
    """A job title as (its role, its rank): "Assistant Civil Engineer" -> ("Civil Engineer",
    "assistant"), "Senior Data Engineer II" -> ("Data Engineer", "senior"). The rank words and
    level numerals a role name leaves out become the posting's seniority, so the ranks of one
    job are one role; None when the title names no rank."""
    head = _title_head(title)
    ranks: list[str] = []
    while (leading := _LEADING_RANK.match(head)) and len(head.split()) > 1:
        ranks.append(leading.group(1))
        head = head[leading.end() :]
    ranks += [m.group(1) for m in _TITLE_NOISE.finditer(head)]
    role = _role_name(_TITLE_NOISE.sub(" ", head), title)
    if not ranks:
        return role, None
    first = ranks[0].casefold().rstrip(".")
    if first in _LEVEL_NUMERALS:
        return role, f"level {_LEVEL_NUMERALS[first]}"
    return role, _RANK_ABBREVIATIONS.get(first) or normalise_seniority(first, "")


def role_and_seniority(title: str, seniority_cell: str = "") -> tuple[str, str]:
    """The role a title names and the posting's seniority: the seniority cell where it has a
    value, else the rank the role name left out, else the title's seniority words."""
    role, rank = split_title(title)
    if seniority_cell.strip().casefold() not in MISSING_VALUES:
        return role, normalise_seniority(seniority_cell, title)
    return role, rank or normalise_seniority("", title)


def role_from_title(title: str) -> str:
    """A role name from a job title: "Sr. Data Engineer - Contract (Java)" -> "Data Engineer",
    "Assistant Civil Engineer" -> "Civil Engineer"."""
    return split_title(title)[0]


def _title_head(title: str) -> str:
    """The title up to its first qualifier."""
    # Cut at the first qualifier: " - ", ",", "(", "/", "|", or a hyphen glued to a capital
    # ("Scientist-Machine Learning"); "Contract-to-Hire" keeps its hyphens.
    head = re.split(
        r"\s*[-–—|]\s+|\s+[-–—|]\s*|\s*[,(\[|/]|(?<=[a-z])-(?=[A-Z])", title, maxsplit=1
    )[0]
    return re.sub(r"\s+", " ", head).strip()


_SHORT_WORDS = frozenset(["of", "to", "in", "on", "at", "by", "or", "an", "as"])


def _title_case(word: str, first: bool) -> str:
    if word.casefold() in _SHORT_WORDS:
        return word.title() if first else word.casefold()
    return word if len(word) == 2 else word.title()


def _role_name(head: str, title: str) -> str:
    head = re.sub(r"\s+", " ", head).strip(" -–/.")
    if head.isupper():
        # An all-capitals title in title case, its two-letter initialisms kept ("IT", "HR")
        head = " ".join(_title_case(word, first=i == 0) for i, word in enumerate(head.split(" ")))
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
    qualifications: str = ""  # the minimum qualifications, where the file keeps them apart
    preferred: str = ""  # the preferred skills, where the file keeps them apart
    job_id: str = ""
    employer: str = ""
    job_class: str = ""  # the employer's standard name of the job, where the file has one

    @property
    def text(self) -> str:
        """The whole ad as one text: the description, then the qualifications and preferred
        skills under headings the requirements reader reads as must and nice to have."""
        return ad_text(self.description, self.qualifications, self.preferred)


# A run of spaces, tabs and bullets, but not a single space or tab. Written to begin with one
# character class, so the regex engine skips ahead to the candidates (3.6 times as fast on the
# City's file as the same matches spelt `[ \t]*(?:[ \t]{2}|•)[ \t•]*`).
_FLATTENED_BREAK = re.compile(r"[ \t•](?:[ \t•]+|(?<=•))")


def restore_lines(text: str) -> str:
    """Line breaks back where an export flattened them into runs of spaces or inline bullets
    (the City's postings: "Experience in X  Experience in Y  •  Z"), so the requirements
    reader sees each list item as its own line, as in the ad as published."""
    return _FLATTENED_BREAK.sub("\n", text) if "  " in text or "•" in text else text


QUALIFICATIONS_HEADING = "Minimum Qualifications:"
PREFERRED_HEADING = "Preferred Skills:"


def ad_text(description: str, qualifications: str = "", preferred: str = "") -> str:
    """The parts of an ad as one text, the separate parts under their headings."""
    parts = [description]
    if qualifications.strip():
        parts.append(f"{QUALIFICATIONS_HEADING}\n{qualifications}")
    if preferred.strip():
        parts.append(f"{PREFERRED_HEADING}\n{preferred}")
    return "\n".join(parts)


# ---------------------------------------------------------------------------- categories

MAX_CATEGORIES = 60
"""More distinct single values than this and a column holds titles, not a list of categories."""


def split_categories(cells: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each role cell -> the categories it holds.

    Exports that flatten a multi-valued field run its values together without a separator: the
    City of New York's "Job Category" holds "Administration & Human Resources Social Services".
    The known categories are the cells that are not themselves a run of shorter cells; a cell
    made of two or more of them, word for word, is split into them. A column with more than
    `MAX_CATEGORIES` such values holds free titles, which are never split.
    """
    distinct = sorted({clean_spaces(c) for c in cells if c.strip()}, key=lambda c: len(c.split()))
    singles: dict[str, str] = {}  # case-folded -> as written
    split: dict[str, tuple[str, ...]] = {}
    for cell in distinct:
        pieces = _segment(cell, singles)
        if pieces is None:
            singles.setdefault(cell.casefold(), cell)
            split[cell] = (cell,)
        else:
            split[cell] = pieces
    if len(singles) > MAX_CATEGORIES:
        return {cell: (cell,) for cell in distinct}
    return split


def _segment(cell: str, singles: dict[str, str]) -> tuple[str, ...] | None:
    """`cell` as a run of two or more known categories (the fewest), or None."""
    words = cell.split(" ")
    best: list[tuple[str, ...] | None] = [None] * (len(words) + 1)
    best[0] = ()
    for start in range(len(words)):
        before = best[start]
        if before is None:
            continue
        for end in range(start + 1, len(words) + 1):
            known = singles.get(" ".join(words[start:end]).casefold())
            if known is not None:
                candidate = (*before, known)
                if best[end] is None or len(candidate) < len(best[end]):  # type: ignore[arg-type]
                    best[end] = candidate
    pieces = best[-1]
    return pieces if pieces is not None and len(pieces) >= 2 else None
