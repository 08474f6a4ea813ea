"""An ad's title, company, location and salary, found in its text when the user gave none.

Ads state these in a few ways: a labelled line ("Location: Berlin", "Salary: $120k-$140k a
year"), the first line for the title ("Senior Data Engineer at Acme"), an "About Acme" heading,
or a money range with its unit somewhere in the text. A salary is annualised exactly as the
postings datasets are (`importers.datasets.postings_fields.parse_salary`: 2,080 hours, 260 days,
52 weeks, 12 months a year), so an ad's pay and a dataset's pay are the same figure.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from careerplanner.analysis.word_lists import title_words
from careerplanner.importers.datasets.postings_fields import SalaryError, parse_salary

MAX_TITLE_CHARS = 120
MAX_FIELD_CHARS = 120
# Lines that name a field: "Location: Berlin", "Company - Acme", "Job title: Analyst".
_LABELLED = {
    "title": re.compile(
        r"^\s*(?:job\s*title|position(?:\s*title)?|role|title|business\s*title)\s*[:\-–]\s*(.+)$",
        re.I | re.M,
    ),
    "company": re.compile(
        r"^\s*(?:company|employer|organi[sz]ation|agency|hiring\s*company)\s*(?:name)?\s*"
        r"[:\-–]\s*(.+)$",
        re.I | re.M,
    ),
    "location": re.compile(
        r"^\s*(?:location|job\s*location|work\s*location|based\s*in|city|office)\s*[:\-–]\s*(.+)$",
        re.I | re.M,
    ),
    "salary": re.compile(
        r"^\s*(?:salary(?:\s*range)?|pay(?:\s*range)?|base\s*(?:pay|salary)|compensation|"
        r"wage|rate|hourly\s*rate)\s*[:\-–]\s*(.*\d.*)$",
        re.I | re.M,
    ),
}
_AT_COMPANY = re.compile(
    r"^(?P<title>.{3,80}?)\s+(?:at|@|-|–|—|\|)\s+(?P<company>[A-Z][\w&.,' -]{1,60})$"
)
_ABOUT = re.compile(
    r"^\s*[Aa]bout\s+(?!us\b|the\b|you\b|this\b|our\b|[Uu]s\b|[Tt]he\b|[Yy]ou\b|[Tt]his\b|[Oo]ur\b)"
    r"([A-Z][\w&.' -]{1,60})\s*:?\s*$",
    re.M,
)
_CURRENCY = r"(?:[$€£]|USD|EUR|GBP|CAD|AUD|CHF)"
_NUMBER = r"\d[\d,]*(?:\.\d+)?\s*[kK]?"
_UNIT = (
    r"(?:per|an|a|/|each)\s*(?:hour|hr|day|week|month|mo|year|yr|annum)"
    r"|hourly|annually|yearly|monthly|daily|p\.?a\.?"
)
_MONEY = re.compile(
    rf"{_CURRENCY}\s?{_NUMBER}(?:\s*(?:-|–|—|to)\s*{_CURRENCY}?\s?{_NUMBER})?"
    rf"(?:\s*{_CURRENCY})?(?:\s*(?:{_UNIT}))?",
    re.I,
)
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
_PERIOD_WORDS = (
    ("hour", re.compile(r"hour|\bhr\b", re.I)),
    ("day", re.compile(r"\bday\b|daily", re.I)),
    ("week", re.compile(r"week", re.I)),
    ("month", re.compile(r"month|\bmo\b", re.I)),
)
# An annual pay outside this band is a misread (a "$5" bonus, a "$10M" funding round).
MIN_ANNUAL, MAX_ANNUAL = 1_000.0, 5_000_000.0


class Salary(NamedTuple):
    text: str  # the words of the ad that state it
    annual: float
    currency: str  # USD, EUR, GBP, ... or "" when the ad does not say
    period: str  # hour | day | week | month | year


class AdFields(NamedTuple):
    title: str = ""
    company: str = ""
    location: str = ""
    salary: Salary | None = None


def find_fields(text: str) -> AdFields:
    """Title, company, location and salary as the ad states them ("" / None when it does not)."""
    head = text[:20_000]
    title = _labelled("title", head)
    company = _labelled("company", head)
    first = first_line(head)
    if not title and first:
        at = _AT_COMPANY.match(first)
        if at and not company:
            title, company = at.group("title").strip(), at.group("company").strip(" .")
        else:
            title = first
    if not title:
        title = title_in_sentences(head)
    if not company:
        about = _ABOUT.search(head)
        if about:
            company = about.group(1).strip()
    return AdFields(title, company, _labelled("location", head), find_salary(head))


def find_salary(text: str) -> Salary | None:
    """The pay the ad states, annualised; a labelled line wins over money named elsewhere."""
    labelled = _LABELLED["salary"].search(text)
    candidates = []
    if labelled:  # the money in the labelled line, without what follows it ("overtime ...")
        money = _MONEY.search(labelled.group(1))
        candidates += [money.group(0)] if money else [labelled.group(1)]
    candidates += [match.group(0) for match in _MONEY.finditer(text)]
    for candidate in candidates:
        salary = parse_salary_text(candidate)
        if salary is not None:
            return salary
    return None


def parse_salary_text(text: str) -> Salary | None:
    """A salary the user typed or the ad states ("$45/hour", "€60,000 – €70,000 a year")."""
    words = " ".join(text.split())[:MAX_FIELD_CHARS]
    if not re.search(r"\d", words):
        return None
    try:
        annual = parse_salary(words)
    except SalaryError:
        return None
    if annual is None or not MIN_ANNUAL <= annual <= MAX_ANNUAL:
        return None
    period = next((name for name, pattern in _PERIOD_WORDS if pattern.search(words)), "year")
    return Salary(words, annual, _currency(words), period)


def _currency(text: str) -> str:
    for symbol, code in _SYMBOLS.items():
        if symbol in text:
            return code
    found = re.search(r"\b(USD|EUR|GBP|CAD|AUD|CHF)\b", text, re.I)
    return found.group(1).upper() if found else ""


def _labelled(field: str, text: str) -> str:
    match = _LABELLED[field].search(text)
    if not match:
        return ""
    value = " ".join(match.group(1).split()).strip(" .;")
    return value if len(value) <= MAX_FIELD_CHARS else ""


MAX_TITLE_WORDS = 12
# "The Clinical Data Scientist is responsible ...", "we are seeking a Senior Accountant to ...":
# a run of capitalised words ending in a job title's head word, in the ad's opening sentences.
_TITLE_IN_SENTENCE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Oo]ur|seeking an?|looking for an?|hiring an?)\s+"
    r"(?P<title>(?:[A-Z][\w&/-]*\s+){0,5}[A-Z][\w-]*?)s?\s+"
    r"(?:is|will|to|who|role|position|reports|reporting|oversees|performs)\b"
)
OPENING_CHARS = 3_000


def title_in_sentences(text: str) -> str:
    """A job title the ad's opening sentences name ("the Data Analyst is responsible for"),
    recognised by its last word, the head word of job titles in every trade; "" when none."""
    heads = title_words()
    for match in _TITLE_IN_SENTENCE.finditer(text[:OPENING_CHARS]):
        title = match.group("title")
        head = title.split()[-1].casefold()
        if head in heads or head.endswith("analyst"):  # the list keeps -er/-or/-ist nouns
            return title
    return ""


def first_line(text: str) -> str:
    """The ad's first line when it reads as a title: short, not a sentence (no full stop), not
    a labelled field ("Req Id: 2475"), not a banner in capitals ("THIS ROLE MUST BE BASED IN
    ..."), not a date; "" otherwise (the caller then names the ad by its file)."""
    for line in text.splitlines():
        line = " ".join(line.split()).strip("#*-• ")
        if line:
            return line if _reads_as_title(line) else ""
    return ""


def _reads_as_title(line: str) -> bool:
    words = line.split()
    letters = [ch for ch in line if ch.isalpha()]
    return (
        len(line) <= MAX_TITLE_CHARS
        and len(words) <= MAX_TITLE_WORDS
        and not line.endswith((".", "!", "?", ":"))
        and ": " not in line
        and len(letters) >= len(line.replace(" ", "")) / 2  # "21-Jan-2020" is a date
        and not (len(words) > 3 and all(not ch.islower() for ch in letters))
    )
