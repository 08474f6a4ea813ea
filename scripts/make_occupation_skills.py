"""Write data/occupation_skills.csv: ESCO's skills of each O*NET occupation, as people write them.

    python scripts/make_occupation_skills.py [--esco-occupations CSV] [--relations CSV]
        [--out data/occupation_skills.csv]

Needs `pip install -e ".[data-tools]"` (lemminflect, through scripts/make_profession_terms.py).

O*NET rates what an occupation needs in broad dimensions ("Medicine and Dentistry", "Programming")
and names its software; it does not name the trade's own skills ("Infection Control", "Menu
Planning"). ESCO does: each ESCO occupation lists its essential and optional skills. The gap and
the role ranking use them twice: an occupation's essential skills are requirements, and a skill on
a resume points to the occupations that list it (the evidence for the user's level in a rating).

How an O*NET occupation finds its ESCO occupations: a title match. ESCO's preferred and
alternative labels are compared with the O*NET occupation's own title and its Alternate Titles,
lower case, letters and digits only, a trailing plural "s" dropped ("Registered Nurses" is
"registered nurse"). The best tier wins: ESCO's preferred label equal to an O*NET title, else an
ESCO alternative label; at most `MAX_ESCO` ESCO occupations per O*NET occupation, those whose
matched title is the O*NET occupation's own first. An occupation with no equal title has no row.

A skill label is kept as the name the resume reader finds (`make_profession_terms`: "manage
staff" is "Staff Management"); a label that names no skill a reader can find (a task, a soft
skill) is left out. Columns: code (O*NET-SOC), esco (the ESCO occupations, "|"-joined),
relation (essential | optional | words), skills ("|"-joined; for "words", the space-separated
words of every skill label of up to `MAX_ESCO_FOR_WORDS` matched ESCO occupations of any tier:
the app links a resume skill no list names, "Cholera Management", to the trades whose skills
share its rare words).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_profession_terms import (
    activity_term,
    is_verb_base,
    knowledge_term,
    known_verbs,
    transversal_labels,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ESCO_OCCUPATIONS = SHARED / "data/esco-occupations/occupations_en.csv"
ESCO_RELATIONS = SHARED / "data/esco-occupations/occupation_skill_relations_by_label.csv"
ONET_ZIP = ROOT / "data/onet_29_2_text.zip"
DEFAULT_OUT = ROOT / "data/occupation_skills.csv"
MAX_ESCO = 3
MAX_ESCO_FOR_WORDS = 6  # ESCO occupations (any tier) whose skill labels' words are kept

_WORD = re.compile(r"[a-z0-9]+")


def squash(title: str) -> str:
    """ "Registered Nurses" and "registered nurse" alike: letters and digits, no plural s."""
    words = _WORD.findall(title.casefold())
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return "".join(words)


def onet_titles(zip_path: Path) -> dict[str, list[tuple[str, bool]]]:
    """squashed title -> [(code, is the occupation's own title)]."""
    titles: dict[str, list[tuple[str, bool]]] = {}
    with zipfile.ZipFile(zip_path) as archive:
        names = {Path(name).name: name for name in archive.namelist()}
        for file_name, column, own in (
            ("Occupation Data.txt", "Title", True),
            ("Alternate Titles.txt", "Alternate Title", False),
        ):
            text = archive.read(names[file_name]).decode("utf-8")
            for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
                titles.setdefault(squash(row[column]), []).append((row["O*NET-SOC Code"], own))
    return titles


def esco_matches(path: Path, titles) -> dict[str, list[str]]:
    """O*NET code -> its ESCO occupations' labels, best tier first (see the module text)."""
    scored: dict[str, dict[str, float]] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            label = row["preferredLabel"].strip()
            candidates = [(label, 2)] + [
                (alt.strip(), 0) for alt in row["altLabels"].splitlines() if alt.strip()
            ]
            for text, tier in candidates:
                for code, own in titles.get(squash(text), ()):
                    # The tier decides; among equals, the one sharing more titles wins.
                    best = scored.setdefault(code, {})
                    best[label] = max(best.get(label, 0), tier + (1 if own else 0)) + 0.01
    result = {}
    for code, labels in scored.items():
        top = int(max(labels.values()))
        ranked = sorted(labels, key=lambda label: (-labels[label], label))
        chosen = [label for label in ranked if int(labels[label]) == top][:MAX_ESCO]
        result[code] = (chosen, ranked[:MAX_ESCO_FOR_WORDS])
    return result


def reader_names() -> set[str]:
    """The names the resume reader finds (data/profession_terms.csv, data/esco_skills_en.csv),
    case-folded: a label outside them names a task or a soft skill, not a resume skill."""
    names = set()
    with open(ROOT / "data/profession_terms.csv", encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines):
            names.add(row["name"].casefold())
    with open(ROOT / "data/esco_skills_en.csv", encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["reuseLevel"] != "transversal":
                names.add(row["preferredLabel"].casefold())
    return names


def skill_terms(relations: Path, verbs: set[str], soft: set[str]):
    """ESCO occupation label -> {relation: [reader's skill names], "words": {label words}}."""
    known = reader_names()
    by_occupation: dict[str, dict[str, list[str]]] = {}
    names: dict[str, str | None] = {}
    with open(relations, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            label = " ".join(row["skillLabel"].split())
            if label not in names:
                names[label] = _term(label, verbs, soft)
            skills = by_occupation.setdefault(row["occupationLabel"].strip(), {})
            skills.setdefault("words", set()).update(content_words(label))
            name = names[label]
            if name is None or name.casefold() not in known:
                continue
            listed = skills.setdefault(row["relationType"], [])
            if name not in listed:
                listed.append(name)
    return by_occupation


STOP_WORDS = {"with", "from", "into", "that", "this", "their", "other", "types", "within"}


def content_words(label: str) -> set[str]:
    """The words of a skill label that can say which trade it belongs to ("sterile",
    "cholera", "vehicle"); the reader of the file weighs them by how rare they are."""
    return {
        word
        for word in _WORD.findall(label.casefold())
        if len(word) >= 4 and not word.isdigit() and word not in STOP_WORDS
    }


def _term(label: str, verbs: set[str], soft: set[str]) -> str | None:
    """The name `make_profession_terms` gives the label, or None where it keeps none."""
    if not label or re.search(r"[^\w\s'&+#./-]", label) or label.casefold() in soft:
        return None
    first = label.split()[0]
    if first.islower() and is_verb_base(first, verbs) and len(label.split()) > 1:
        made = activity_term(label)
    else:
        made = knowledge_term(label)
    return None if made is None else made[0]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco-occupations", type=Path, default=ESCO_OCCUPATIONS)
    parser.add_argument("--relations", type=Path, default=ESCO_RELATIONS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    esco_skills = ROOT / "data/esco_skills_en.csv"
    verbs, soft = known_verbs(esco_skills), transversal_labels(esco_skills)
    matches = esco_matches(args.esco_occupations, onet_titles(ONET_ZIP))
    skills = skill_terms(args.relations, verbs, soft)
    rows = []
    for code in sorted(matches):
        labels, word_labels = matches[code]
        words = set()
        for label in word_labels:
            words |= skills.get(label, {}).get("words", set())
        if words:
            rows.append((code, "|".join(word_labels), "words", " ".join(sorted(words))))
        for relation in ("essential", "optional"):
            names: list[str] = []
            for label in labels:
                for name in skills.get(label, {}).get(relation, ()):
                    if name not in names:
                        names.append(name)
            if names:
                rows.append((code, "|".join(labels), relation, "|".join(names)))
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# ESCO v1.2 skills of O*NET occupations (matched by title), as the resume reader\n"
            "# names them; made by scripts/make_occupation_skills.py (see data/ATTRIBUTION.md).\n"
        )
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "esco", "relation", "skills"])
        writer.writerows(rows)
    print(f"{len({row[0] for row in rows})} occupations, {len(rows)} rows written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
