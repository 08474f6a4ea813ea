"""The core skills of a job title: the essential skills ESCO lists for the occupation the title
names (`data/occupation_skills.csv`, made by `scripts/make_occupation_skills.py`).

A resume rarely writes out what its roles take for granted: a sous chef who lists "Staff
Management" has managed the kitchen's staff in those years though no bullet says so. Such a
skill gets the role's years one level lower than the role's own trade (see `analysis/depth`).
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache

from careerplanner.analysis.profession_terms import is_rank_or_kind
from careerplanner.paths import bundled_data_path

OCCUPATION_SKILLS_FILE = "occupation_skills.csv"
_ESSENTIAL = ",essential,"
_WORD = re.compile(r"[a-z][a-z'-]*")


@cache
def _essentials() -> dict[str, list[str]]:
    """ESCO occupation title (lower case) -> the skills fields ("a|b|c") of its essential rows.

    Only the essential rows are parsed, found with plain substring searches in the whole file
    (the word rows are most of its 3 MB), and a title's fields become a set of skills only when
    a resume names that title: this runs in every resume parse."""
    path = bundled_data_path(OCCUPATION_SKILLS_FILE)
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    if "\r" in text:  # lines as the file object gives them ("\r" also ends one)
        lines = [line for line in io.StringIO(text, newline="") if _ESSENTIAL in line]
    else:
        lines = []
        at = text.find(_ESSENTIAL)
        while at != -1:
            end = text.find("\n", at) + 1 or len(text)
            lines.append(text[text.rfind("\n", 0, at) + 1 : end])
            at = text.find(_ESSENTIAL, end)
    by_title: dict[str, list[str]] = {}
    for row in csv.reader(lines):
        if len(row) < 4:
            continue
        for title in row[1].split("|"):
            by_title.setdefault(title.strip().casefold(), []).append(row[3])
    return by_title


@cache
def _essential_skills(title: str) -> frozenset[str]:
    """The essential skills (lower case) of an ESCO occupation title, empty for none."""
    fields = _essentials().get(title, ())
    return frozenset(
        skill.strip().casefold() for field in fields for skill in field.split("|") if skill.strip()
    )


def core_skills(title: str) -> frozenset[str]:
    """The essential skills (lower case) of the occupation a job title names: the whole title
    ("mechanical engineer"), else its last words ("Sous Chef" -> "chef"); a bare rank or kind
    of work ("Engineer", "Manager") names no occupation."""
    words = _WORD.findall(re.sub(r"\([^()]*\)", " ", title.casefold()))
    for start in range(len(words)):
        candidate = words[start:]
        if len(candidate) == 1 and is_rank_or_kind(candidate[0]):
            break
        skills = _essential_skills(" ".join(candidate))
        if skills:
            return skills
    return frozenset()
