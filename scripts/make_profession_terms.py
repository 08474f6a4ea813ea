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

Job titles name fields of work too (O*NET Alternate Titles in `data/onet_29_2_text.zip`, ESCO
occupation labels in `../shared/data/esco-occupations/occupations_en.csv`): the words before a
title's worker word are its field ("Patient Care Technician", "Product Development Engineer",
"Research and Development Director"), kept when several kinds of worker share them and they end
in a noun of a field ("care", "-ment", "-ing"); and a worker word with a field of its own makes
one with its words ("Logo Designer" -> "Logo Design", "Kitchen Manager" -> "Kitchen
Management", "Medical-Surgical Nurse" -> "Medical-Surgical Nursing").
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from lemminflect import getAllLemmas, getInflection

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_SOURCE = SHARED / "data/esco-occupations/occupation_skill_relations_by_label.csv"
DEFAULT_OUT = ROOT / "data/profession_terms.csv"
ONET_ZIP = ROOT / "data/onet_29_2_text.zip"
ESCO_OCCUPATIONS = SHARED / "data/esco-occupations/occupations_en.csv"
TITLE_WORDS = ROOT / "data/words/title-words.txt"

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


# Words that say which of a kind, not what: "use different roasting methods".
VAGUE_MODIFIERS = {
    "different", "various", "specific", "good", "appropriate", "relevant", "proper", "correct",
    "basic", "advanced", "general", "special", "free", "authentic", "sustainable", "standard",
    "common", "new", "modern", "traditional", "manual",
}  # fmt: skip
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
    if verb in ("carry", "set") and rest[:1] == ["out"]:
        rest = rest[1:]  # "carry out wound care": the phrasal verb's object
    obj = []
    for word in rest:
        if word.lower() in OBJECT_ENDS:
            break
        obj.append(word)
    if (
        verb in LIGHT_VERBS
        and len(obj) == len(rest) == 3
        and obj[-1] in ("techniques", "methods", "principles", "practices")
        and obj[0].lower() not in VAGUE_MODIFIERS
        and not obj[1].lower().endswith(("al", "ic", "ive", "ory", "ing"))
    ):
        # "use food preparation techniques": the techniques of food preparation
        return " ".join(w if w.isupper() else w.capitalize() for w in obj[:-1]), []
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


# Worker words whose field has a name of its own: "designer" -> "design".
WORKER_FIELDS = {
    "designer": "design", "developer": "development", "manager": "management",
    "engineer": "engineering", "analyst": "analysis", "planner": "planning", "nurse": "nursing",
    "programmer": "programming", "tester": "testing", "writer": "writing",
    "accountant": "accounting", "photographer": "photography", "therapist": "therapy",
    "inspector": "inspection", "auditor": "auditing", "negotiator": "negotiation",
    "estimator": "estimating", "trainer": "training", "editor": "editing",
    "illustrator": "illustration", "scheduler": "scheduling", "cook": "cooking",
    "baker": "baking", "welder": "welding", "machinist": "machining",
    "installer": "installation", "investigator": "investigation", "researcher": "research",
    "consultant": "consulting", "recruiter": "recruiting", "marketer": "marketing",
    "buyer": "buying", "appraiser": "appraisal", "underwriter": "underwriting",
    "bookkeeper": "bookkeeping", "dispatcher": "dispatching", "translator": "translation",
    "interpreter": "interpreting", "counselor": "counseling", "counsellor": "counselling",
    "drafter": "drafting", "surveyor": "surveying", "modeler": "modeling",
}  # fmt: skip
# Words before a title's field that say the rank or the standing, not the field.
RANK_WORDS = {
    "senior", "junior", "lead", "chief", "head", "principal", "staff", "associate", "assistant",
    "deputy", "general", "trainee", "apprentice", "master", "certified", "licensed",
    "registered", "sr", "jr", "executive", "vice", "first", "second", "entry", "level", "i",
    "ii", "iii", "iv", "intern", "student", "acting", "interim", "regional", "national",
    "international", "global", "district", "area", "state", "city", "county", "federal",
    "corporate", "night", "day", "shift", "part", "time", "full", "temporary", "relief",
}  # fmt: skip
# Last words of a field ("patient care", "product development", "data entry").
FIELD_ENDING = re.compile(
    r"(?:ing|ment|ion|ance|ence|ics|ogy|ysis|ery|try|care|design|sales|research|law|safety|"
    r"health|support|entry|recovery|relations|resources|security|audit|control|finance)$"
)
MIN_FIELD_TITLES = 10
# Things a worker works on or in, though they end like a field ("equipment", "refinery").
THINGS = {
    "equipment", "instrument", "machinery", "refinery", "hatchery", "station", "bearing",
    "building", "information", "security", "experience", "resources",
}  # fmt: skip
_TITLE_WORD = re.compile(r"^[a-z][a-z'-]*$|^&$")


def read_titles() -> set[str]:
    """O*NET's alternate and short titles and ESCO's occupation labels."""
    titles = set()
    with zipfile.ZipFile(ONET_ZIP) as archive:
        name = next(n for n in archive.namelist() if n.endswith("Alternate Titles.txt"))
        with archive.open(name) as raw:
            for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"), delimiter="\t"):
                titles.update(row[c] for c in ("Alternate Title", "Short Title") if row[c] != "n/a")
    if ESCO_OCCUPATIONS.exists():
        with open(ESCO_OCCUPATIONS, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                titles.add(row["preferredLabel"])
                titles.update(a for a in row["altLabels"].split("\n") if a.strip())
    return titles


def title_fields(titles: set[str], workers: set[str]) -> list[tuple[str, str, str]]:
    """Fields of work named by job titles (see the module's docstring)."""
    pairs: dict[tuple[str, ...], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for title in titles:
        title = re.sub(r"\([^()]*\)", " ", title)
        if re.search(r"[,/\d]", title) or re.search(r"\b[A-Z]{2,}\b", title):
            continue  # lists of trades, codes, acronyms
        words = title.casefold().replace("–", "-").split()
        if len(words) < 2 or words[-1] not in workers:
            continue
        field = words[:-1]
        while field and field[0] in RANK_WORDS:
            field = field[1:]
        if (
            field
            and all(_TITLE_WORD.match(w) for w in field)
            and field[-1] not in ("and", "&")
            and not workers.intersection(field)
        ):
            pairs[tuple(field)][words[-1]] += 1
    rows = {}
    for field, kinds in pairs.items():
        titles_of_field = sum(kinds.values())
        # A field on its own needs many titles: "data collection" of three is a task.
        if (
            2 <= len(field) <= 4
            and len(kinds) >= 2
            and titles_of_field >= MIN_FIELD_TITLES
            and FIELD_ENDING.search(field[-1])
            and field[-1] not in THINGS
        ):
            rows.setdefault(" ".join(field), None)
        if len(field) > 3:
            continue
        for worker, count in kinds.items():
            if worker in WORKER_FIELDS and (count >= 2 or titles_of_field >= 3):
                rows.setdefault(" ".join([*field, WORKER_FIELDS[worker]]), None)
    return [(_title_case(name), "", "title field") for name in rows]


def _title_case(phrase: str) -> str:
    small = {"and", "of", "&", "or", "in", "for", "the"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in phrase.split())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    esco_skills = ROOT / "data/esco_skills_en.csv"
    verbs, soft = known_verbs(esco_skills), transversal_labels(esco_skills)
    rows = build(args.source, verbs, soft)
    workers = {
        line.strip()
        for line in TITLE_WORDS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    } | set(WORKER_FIELDS)
    known = {row[0].casefold() for row in rows}
    rows += [row for row in title_fields(read_titles(), workers) if row[0].casefold() not in known]
    rows = sorted(rows, key=lambda row: row[0].casefold())
    with open(args.out, "w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# Skills of every profession, derived from ESCO v1.2 occupation-skill labels and\n"
            "# occupation titles and O*NET 29.2 Alternate Titles (source 'title field') by\n"
            "# scripts/make_profession_terms.py (see data/ATTRIBUTION.md).\n"
        )
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "forms", "source"])
        writer.writerows(rows)
    print(f"{len(rows)} terms written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
