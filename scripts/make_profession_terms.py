"""Write data/profession_terms.csv: the skills of every profession, as people write them.

    python scripts/make_profession_terms.py [ESCO_RELATIONS_CSV] [--out data/profession_terms.csv]

Needs `pip install -e ".[data-tools]"` (lemminflect: English inflection tables; only this
script uses it).

The app's datasets name software well but little else. ESCO's occupation-skill relations
(`../shared/data/esco-occupations/occupation_skill_relations_by_label.csv`: 13,492 skill labels
used by the 3,039 ESCO occupations, ESCO v1.2, reusable with acknowledgement) name the skills of
every trade and profession, in two shapes:

* knowledge, as noun phrases: "food safety principles", "mechanical engineering",
  "manufacturing processes". Kept as written, plus the phrase without a trailing generic word
  ("food safety principles" -> "food safety") and without a leading "types of";
* activities, as a verb and its object: "manage inventory", "plan menus", "negotiate
  contracts". A resume or an ad lists "Inventory Management", "Menu Planning", "Contract
  Negotiation", so such a label becomes a skill named by its nominal form (the object, then the
  verb's -ment/-ion noun or its -ing form); "perform data analysis" is "Data Analysis". The
  verb phrase itself ("managed inventory levels") is not matched: measured on the labelled
  resumes and ads, it found about as many activities nobody would list as skills as real ones.

An activity whose object is longer than two words, or that is not a verb and object at all
("liaise with managers", "adhere to ..."), names a task rather than a skill and is left out.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from lemminflect import getAllLemmas, getInflection

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_SOURCE = SHARED / "data/esco-occupations/occupation_skill_relations_by_label.csv"
DEFAULT_OUT = ROOT / "data/profession_terms.csv"

# Words after which a knowledge label is still the same knowledge ("food safety principles").
GENERIC_TAILS = {
    "principles",
    "techniques",
    "methods",
    "methodologies",
    "standards",
    "practices",
    "procedures",
    "theory",
    "concepts",
    "fundamentals",
    "basics",
}
# Words that end a verb's object: what follows is a circumstance, not the thing acted on.
OBJECT_ENDS = {
    "of", "to", "for", "in", "on", "with", "and", "or", "at", "by", "from", "into", "as",
    "according", "within", "under", "during", "using", "through", "about", "after", "before",
    "between", "against", "per", "via", "without", "the", "a", "an",
}  # fmt: skip
# Objects too vague to name a skill ("manage it", "perform tasks").
VAGUE_OBJECTS = {
    "it", "them", "activities", "tasks", "work", "operations", "duties", "others", "people",
    "information", "issues", "procedures", "processes", "requirements", "services", "things",
    "actions", "instructions", "documents", "records", "reports", "data", "materials", "orders",
    "products", "equipment", "systems", "tools", "resources", "changes", "problems", "needs",
}  # fmt: skip
# Noun endings, each with the verb stem it follows: "develop" -> "development", "negotiate" ->
# "negotiation", "inspect" -> "inspection", "organise" -> "organisation", "guide" -> "guidance".
NOMINAL_ENDINGS = (("", "ment"), ("-e", "ion"), ("", "ion"), ("-e", "ation"), ("-e", "ance"))


LIGHT_VERBS = {"perform", "conduct", "carry", "apply", "use", "utilise", "undertake", "execute"}


def known_verbs(esco_skills: Path) -> set[str]:
    """First words of ESCO skill/competence labels: words ESCO itself uses as verbs."""
    with open(esco_skills, encoding="utf-8-sig", newline="") as handle:
        return {
            row["preferredLabel"].split()[0]
            for row in csv.DictReader(handle)
            if row["skillType"] == "skill/competence" and row["preferredLabel"][:1].islower()
        }


def transversal_labels(esco_skills: Path) -> set[str]:
    """ESCO's transversal skills ("make decisions", "think critically"): soft skills every
    occupation lists, which a reader cannot confirm from a resume or an ad."""
    labels = set()
    with open(esco_skills, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["reuseLevel"] == "transversal":
                labels.add(row["preferredLabel"].strip().casefold())
                labels.update(a.strip().casefold() for a in row["altLabels"].split("|"))
    return labels


def is_verb_base(word: str, verbs: set[str]) -> bool:
    """True when `word` is the base form of a verb ("manage"), not "manufacturing"; a word
    that is also a noun ("product", "plan") counts only when ESCO uses it as a verb."""
    if word not in getAllLemmas(word, "VERB").get("VERB", ()):
        return False
    return not getAllLemmas(word, "NOUN") or word in verbs


def nominal(verb: str) -> str:
    """The noun of an activity: "manage" -> "management", "negotiate" -> "negotiation",
    "plan" -> "planning"."""
    if verb.endswith(("yse", "yze")):
        return verb[:-2] + "sis"  # "analyse" -> "analysis"
    for stem_rule, ending in NOMINAL_ENDINGS:
        if stem_rule == "-e" and not verb.endswith("e"):
            continue
        candidate = (verb[:-1] if stem_rule == "-e" else verb) + ending
        if getAllLemmas(candidate, "NOUN").get("NOUN") == (candidate,):
            return candidate
    return getInflection(verb, "VBG")[0]


def singular(word: str) -> str:
    lemmas = getAllLemmas(word, "NOUN").get("NOUN")
    return lemmas[0] if lemmas else word


def knowledge_term(label: str) -> tuple[str, list[str]]:
    words = label.split()
    forms = []
    # A shortened form of one word ("university" from "university procedures", "glass" from
    # "types of glass") is too general to name the knowledge: only longer ones are kept.
    if words[:2] == ["types", "of"] and len(words) > 3:
        forms.append(" ".join(words[2:]))
        words = words[2:]
    if len(words) > 2 and words[-1] in GENERIC_TAILS:
        forms.append(" ".join(words[:-1]))
    return label, forms


def activity_term(label: str) -> tuple[str, list[str]] | None:
    words = label.split()
    verb, rest = words[0], words[1:]
    obj = []
    for word in rest:
        if word.lower() in OBJECT_ENDS:
            break
        obj.append(word)
    if not obj or len(obj) > 2 or len(obj) != len(rest) or obj[-1].lower() in VAGUE_OBJECTS:
        return None
    # "perform data analysis", "use spreadsheets": the object is the skill's own name.
    name_words = obj if verb in LIGHT_VERBS else [*obj[:-1], singular(obj[-1]), nominal(verb)]
    name = " ".join(w if w.isupper() else w.capitalize() for w in name_words)
    return name, []


def build(source: Path, verbs: set[str], soft: set[str]) -> list[tuple[str, str, str]]:
    labels = set()
    with open(source, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            label = " ".join((row.get("skillLabel") or "").split())
            if label:
                labels.add(label)
    rows: dict[str, tuple[str, list[str], str]] = {}
    for label in sorted(labels):
        first = label.split()[0]
        if re.search(r"[^\w\s'&+#./-]", label) or label.casefold() in soft:
            continue  # "(ICT)", quotes: labels written as descriptions; soft skills
        if first.islower() and is_verb_base(first, verbs) and len(label.split()) > 1:
            made = activity_term(label)
            kind = "esco activity"
        else:
            made = knowledge_term(label)
            kind = "esco knowledge"
        if made is None:
            continue
        name, forms = made
        entry = rows.setdefault(name.casefold(), (name, [], kind))
        for form in forms:
            if form.casefold() != name.casefold() and form not in entry[1]:
                entry[1].append(form)
    return [(name, "|".join(forms), kind) for name, forms, kind in rows.values()]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    esco_skills = ROOT / "data/esco_skills_en.csv"
    verbs, soft = known_verbs(esco_skills), transversal_labels(esco_skills)
    rows = sorted(build(args.source, verbs, soft), key=lambda row: row[0].casefold())
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Skills of every profession, derived from ESCO v1.2 occupation-skill labels by\n"
            "# scripts/make_profession_terms.py (see data/ATTRIBUTION.md).\n"
        )
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "forms", "source"])
        writer.writerows(rows)
    print(f"{len(rows)} terms written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
