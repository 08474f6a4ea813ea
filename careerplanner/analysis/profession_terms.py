"""The skills of every profession, from the bundled `data/profession_terms.csv`, and the
licences and certifications of `data/credentials.csv`.

The datasets name software well and little else; this table, made by
`scripts/make_profession_terms.py` from ESCO's occupation-skill labels, names the knowledge and
activities of every trade and profession ("food safety", "Inventory Management" found as
"managed inventory", "mechanical engineering"). It is read once per process and merged into the
vocabulary below the dataset's own terms, so a dataset's spelling of a name wins.

The public datasets name no licences or certifications, yet nurses list BLS and ACLS, drivers
a CDL and ads require a PE licence; `data/credentials.csv` is the project's own table of
widely recognised ones, with the spellings people use.
"""

from __future__ import annotations

import csv
from functools import cache

from careerplanner.core.skills import SkillTerm, skill_key
from careerplanner.paths import bundled_data_path

PROFESSION_TERMS_FILE = "profession_terms.csv"
PROFESSION_KIND = "profession"
CREDENTIALS_FILE = "credentials.csv"
CREDENTIAL_KIND = "credential"
_NEEDS_CONTEXT = "needs context"


@cache
def profession_terms() -> tuple[SkillTerm, ...]:
    """One term per row: its name, and the other spellings it is found by."""
    path = bundled_data_path(PROFESSION_TERMS_FILE)
    terms = []
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in rows:
            name = row["name"].strip()
            forms = tuple(f for f in row["forms"].split("|") if f.strip())
            if name:
                terms.append(SkillTerm(skill_key("esco", name), name, forms, PROFESSION_KIND))
    return tuple(terms)


@cache
def credential_terms() -> tuple[tuple[SkillTerm, ...], frozenset[str]]:
    """The credentials as terms, and the short forms among them that need context ("EMR")."""
    path = bundled_data_path(CREDENTIALS_FILE)
    terms = []
    needs_context = set()
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            name = row["name"].strip()
            forms = tuple(f.strip() for f in row["forms"].split("|") if f.strip())
            if row["kind"].strip() == _NEEDS_CONTEXT:
                needs_context.update(f for f in forms if f.isupper() and len(f) <= 4)
            terms.append(SkillTerm(skill_key("credential", name), name, forms, CREDENTIAL_KIND))
    return tuple(terms), frozenset(needs_context)
