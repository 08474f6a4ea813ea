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

A worker's word names a trade ("painter" -> Painting, "Registered Nurse" -> Nursing): `trade_of`
makes the trade's name and accepts it only when ESCO's knowledge labels use that word, so a job
title or "five years of experience as a plumber" gives the core skill of the role.
"""

from __future__ import annotations

import csv
import re
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


_KNOWLEDGE = "esco knowledge"  # a label as ESCO writes it, not a name made from a verb
# How a trade's name is made from its worker's: "painter" -> "painting", "carpenter" ->
# "carpentry", "nurse" -> "nursing", "stenographer" -> "stenography", "journalist" -> "journalism".
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "e", "")
_FIELD_ENDINGS = ("ing", "ry", "ics", "ism", "y")
# Workers' words that name a rank or a kind of work, not a trade ("engineer" of any field).
_NO_TRADE = frozenset(
    re.findall(
        r"[a-z]+",
        "developer engineer manager analyst scientist specialist director officer administrator "
        "coordinator consultant architect lead leader head intern associate assistant supervisor "
        "member worker owner partner founder volunteer trainer operator helper representative "
        "contributor maintainer researcher student major",
    )
)


@cache
def _knowledge_words() -> frozenset[str]:
    """The words of ESCO's knowledge labels as written ("carpentry", "welding techniques")."""
    path = bundled_data_path(PROFESSION_TERMS_FILE)
    with open(path, encoding="utf-8") as handle:
        # Read as lines, not as CSV rows: a word list needs no field splitting, and this is
        # read on the first job title of a process.
        lines = [line for line in handle if line.rstrip().endswith("," + _KNOWLEDGE)]
    return frozenset(re.findall(r"[a-z]+", "".join(lines).casefold().replace(_KNOWLEDGE, "")))


def is_rank_or_kind(word: str) -> bool:
    """True for a worker's word that names a rank or a kind of work, not a trade or an
    occupation ("engineer", "manager", "lead")."""
    return word.casefold() in _NO_TRADE


def trade_of(worker: str) -> str | None:
    """The trade a worker's word names, when ESCO's knowledge labels use that word: "painter"
    -> "Painting", "plumber" -> "Plumbing", "Nurse" -> "Nursing"; None for a rank or a kind of
    work ("manager", "engineer") or a word with no such trade."""
    word = worker.casefold()
    if word in _NO_TRADE or not word.isalpha() or len(word) < 4:
        return None
    if not word.endswith(_AGENT_ENDINGS[:-1]):
        return None  # "health", "care": not a worker's word
    known = _knowledge_words()
    for agent in _AGENT_ENDINGS:
        if not word.endswith(agent) or (not agent and not word.endswith("eer")):
            continue  # the whole word only for "engineer", "auctioneer"
        stem = word[: len(word) - len(agent)]
        for ending in _FIELD_ENDINGS:
            if agent == "ian" and ending == "y":
                continue  # "sanitarian" is no "sanitary"
            if len(stem) >= 3 and (field := stem + ending) in known and field != word:
                return field.capitalize()
    return None


_ACTIVITY = "esco activity"


@cache
def activity_objects() -> frozenset[str]:
    """The nouns the trades' activities act on, lower case: "menu" of "Menu Planning",
    "inventory" of "Inventory Management" (the word before an activity's own noun)."""
    path = bundled_data_path(PROFESSION_TERMS_FILE)
    objects = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.rstrip().endswith("," + _ACTIVITY):
                words = line.split(",", 1)[0].split()
                if len(words) >= 2 and words[-2].isalpha():
                    objects.add(words[-2].casefold())
    return frozenset(objects)
