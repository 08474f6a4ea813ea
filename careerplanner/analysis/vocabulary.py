"""The skill vocabulary: the active dataset's skill terms, the skills of every profession and
the curated alias table, merged into the terms the skill finder compiles.

Names people write are derived from dataset names in `analysis/dataset_names` ("Oracle Java" is
written "Java"). `data/profession_terms.csv` (see `analysis/profession_terms`) adds the
knowledge and activities of every trade, below the dataset's own names.
`data/aliases.csv` (alias,canonical[,note]) adds general-knowledge spellings ("k8s" →
Kubernetes) and common concepts the datasets lack; a note "needs context" marks an alias that is
also an ordinary word.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from careerplanner.analysis.dataset_names import (
    activity_of,
    alias_needs_context,
    common_words_of,
    derive_aliases,
    find_vendors,
    is_vendor_named_product,
    names_a_field,
)
from careerplanner.analysis.esco_examples import names_and_examples
from careerplanner.analysis.profession_terms import credential_terms, profession_terms
from careerplanner.analysis.skill_finder import SkillFinder
from careerplanner.analysis.word_lists import common_words
from careerplanner.core.skills import SkillTerm, normalise, skill_key
from careerplanner.paths import bundled_data_path

NEEDS_CONTEXT_NOTE = "needs context"
MAX_ALTERNATIVE_LABELS = 25


@dataclass(frozen=True)
class CuratedAlias:
    alias: str
    canonical: str
    note: str = ""


@dataclass
class Vocabulary:
    """Terms ready for the finder, plus which spellings need context."""

    terms: list[SkillTerm]
    needs_context: set[str] = field(default_factory=set)
    common_words: set[str] = field(default_factory=set)
    list_only: set[str] = field(default_factory=set)  # see SkillFinder
    capitalised: set[str] = field(default_factory=set)  # see SkillFinder

    def finder(self) -> SkillFinder:
        return SkillFinder(
            self.terms, self.needs_context, self.common_words, self.list_only, self.capitalised
        )


def curated_aliases_path() -> Path:
    """data/aliases.csv in the source tree, a wheel install or a bundle."""
    try:
        path = bundled_data_path("aliases.csv")
        if path.exists():
            return path
    except FileNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "data" / "aliases.csv"


def read_curated_aliases(path: Path | None = None) -> list[CuratedAlias]:
    """Rows of the curated alias table; lines starting with '#' are comments."""
    path = path or curated_aliases_path()
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(line for line in handle if not line.startswith("#")):
            if len(row) >= 2 and row[0].strip() and row[1].strip() and row[0] != "alias":
                note = row[2].strip() if len(row) > 2 else ""
                rows.append(CuratedAlias(row[0].strip(), row[1].strip(), note))
    return rows


# First words of ESCO skill/competence labels ("manage data", "use spreadsheets software"):
# activities, which resumes phrase freely, unlike the names of knowledge and tools.
ACTIVITY_VERBS = frozenset(
    [
        "augment",
        "adapt",
        "adopt",
        "administer",
        "analyse",
        "analyze",
        "apply",
        "assess",
        "build",
        "carry",
        "collect",
        "communicate",
        "comply",
        "compose",
        "conduct",
        "configure",
        "coordinate",
        "create",
        "deal",
        "define",
        "design",
        "develop",
        "document",
        "ensure",
        "estimate",
        "evaluate",
        "execute",
        "follow",
        "gather",
        "handle",
        "identify",
        "implement",
        "install",
        "integrate",
        "interact",
        "interpret",
        "keep",
        "lead",
        "liaise",
        "maintain",
        "make",
        "manage",
        "migrate",
        "monitor",
        "negotiate",
        "operate",
        "perform",
        "plan",
        "prepare",
        "process",
        "protect",
        "provide",
        "record",
        "report",
        "review",
        "set",
        "show",
        "solve",
        "speak",
        "store",
        "support",
        "take",
        "test",
        "think",
        "train",
        "translate",
        "troubleshoot",
        "understand",
        "update",
        "use",
        "utilise",
        "utilize",
        "verify",
        "work",
        "write",
    ]
)
# O*NET Skills and Knowledge elements ("Programming", "Mathematics") are rating dimensions of
# occupations, not words a resume uses for a skill of its own.
_RATING_KINDS = {"skill", "knowledge"}


def _is_finder_term(term: SkillTerm) -> bool:
    if term.kind in _RATING_KINDS:
        return False
    first = term.name.split()[0] if term.name.split() else ""
    return not (term.kind == "esco" and first.islower() and first in ACTIVITY_VERBS)


def _ordinary_phrase(name: str, alias: str, common: set[str]) -> bool:
    """True for an alias of several ordinary words that a vendor's name stood before."""
    words = alias.split()
    return (
        len(words) >= 2
        and all(w.lower() in common for w in words)
        and not name.casefold().startswith(alias.casefold())
    )


def _sole_product(name: str, alias: str, common: set[str]) -> bool:
    """True when the dataset names nothing but the product: "Alteryx software" is Alteryx,
    a word no ordinary text uses ("Autodesk World" may be any world, "Statistics software"
    any statistics)."""
    return (
        " " not in alias
        and name.casefold() == f"{alias.casefold()} software"
        and alias.casefold() not in common
        and not names_a_field(alias)
    )


def build_vocabulary(
    terms: Iterable[SkillTerm], curated: Iterable[CuratedAlias], professions: bool = True
) -> Vocabulary:
    """Merge dataset terms (deriving aliases), the skills of every profession (unless
    `professions` is False) and the curated table into one vocabulary."""
    terms = [t for t in terms if _is_finder_term(t)]
    curated = list(curated)
    curated_plain = {
        normalise(row.alias)
        for row in curated
        if NEEDS_CONTEXT_NOTE not in row.note.casefold() and " " not in row.alias.strip()
    }
    common = common_words() | common_words_of(f for t in terms for f in (t.name, *t.aliases))
    common = {w for w in common if w not in curated_plain}  # "python" in prose stays a skill
    vendors = find_vendors(t.name for t in terms if t.kind == "technology")
    merged: list[dict] = []
    by_form: dict[str, int] = {}

    def add_term(key: str, name: str, kind: str, aliases: Iterable[str]) -> None:
        """Add a term, or merge it into the term already named the same way."""
        index = by_form.get(normalise(name))
        if index is None:
            index = len(merged)
            merged.append({"key": key, "name": name, "kind": kind, "aliases": []})
            by_form[normalise(name)] = index
        entry = merged[index]
        for form in aliases:
            norm = normalise(form)
            # A spelling another term already owns stays with it: alternative labels are loose.
            if by_form.setdefault(norm, index) != index:
                continue
            if norm != normalise(entry["name"]) and form not in entry["aliases"]:
                entry["aliases"].append(form)

    needs_context = set()
    list_only = set()
    capitalised = set()
    from_datasets: list[tuple[str, str, str, list[str]]] = []  # (key, name, kind, aliases)
    for term in sorted(terms, key=lambda t: t.kind != "technology"):
        derived = derive_aliases(term.name, vendors if term.kind == "technology" else set(), common)
        # "Supply Chain Management" of "IBS Supply Chain Management": ordinary words left by
        # cutting the vendor off name the field, not the vendor's product.
        derived = [a for a in derived if not _ordinary_phrase(term.name, a, common)]
        # A product name cut down to one plain word ("Quest" from "Experian Quest") may well be
        # an ordinary word: it counts only in context.
        sole = {
            a
            for a in derived
            if _sole_product(term.name, a, common) or is_vendor_named_product(term.name, a)
        }
        capitalised.update(sole)
        needs_context.update(
            a for a in derived if alias_needs_context(a, common, vendors) and a not in sole
        )
        # "Word" of "Microsoft Word": an ordinary word, confirmed only beside another skill.
        list_only.update(a for a in derived if " " not in a and a.lower() in common)
        aliases = list(term.aliases)
        if len(aliases) > MAX_ALTERNATIVE_LABELS:
            # ESCO "computer programming" lists 100 languages: a category, not synonyms.
            aliases = []
        elif term.kind == "esco":
            # "Avaya" of "procurement of ICT network equipment" is a product of its own name.
            aliases, examples = names_and_examples(term.name, aliases, common)
            from_datasets.extend((skill_key("esco", e), e, "esco", []) for e in examples)
        name = term.name
        activity = activity_of(name) if term.kind == "technology" else None
        if activity:
            # Activities are not software: "Managed inventory" claims inventory management,
            # not "Inventory management software"; the skill is named by the activity.
            name, aliases = activity, [term.name, *aliases]
        from_datasets.append((term.key, name, term.kind, [*derived, *aliases]))
    credentials, credential_context = credential_terms()
    from_credentials = [(t.key, t.name, t.kind, list(t.aliases)) for t in credentials]
    needs_context.update(credential_context)
    trades = profession_terms() if professions else ()
    of_professions = [(t.key, t.name, t.kind, list(t.aliases)) for t in trades]
    # Every product's own name first: a product's name is never another product's alias ("SAS"
    # is the SAS product, not a short form cut from "Digital analysis tests and statistics
    # DATAS for SAS"). Other kinds then merge into a product named the same way, as before.
    for key, name, kind, _aliases in from_datasets:
        if kind == "technology":
            add_term(key, name, kind, [])
    for key, name, kind, aliases in [*from_datasets, *from_credentials, *of_professions]:
        add_term(key, name, kind, aliases)
    for _key, name, _kind, aliases in from_credentials:
        # A credential's short form ("PMP") is the credential's, not an acronym cut from a
        # product's name ("Pathogen Modeling Program PMP"): it moves to the credential.
        index = by_form[normalise(name)]
        for alias in aliases:
            norm = normalise(alias)
            owner = merged[by_form[norm]]
            if owner is merged[index] or owner["kind"] != "technology":
                continue
            if norm == normalise(owner["name"]):
                continue  # a product named so
            owner["aliases"] = [a for a in owner["aliases"] if normalise(a) != norm]
            by_form[norm] = index
            merged[index]["aliases"].append(alias)
    for row in curated:
        # The curated table is the last word: an alias another term claimed moves to its canonical.
        canonical_norm = normalise(row.canonical)
        index = by_form.get(canonical_norm)
        if index is not None and canonical_norm not in normalise(merged[index]["name"]):
            # "supervised learning" is only an alternative label of "machine learning" in ESCO;
            # the table makes it a skill of its own.
            owner = merged[index]
            owner["aliases"] = [a for a in owner["aliases"] if normalise(a) != canonical_norm]
            del by_form[canonical_norm]
        add_term(skill_key("technology", row.canonical), row.canonical, "custom", [])
        index = by_form[canonical_norm]
        alias_norm = normalise(row.alias)
        previous = by_form.get(alias_norm)
        if previous is not None and previous != index:
            owner = merged[previous]
            owner["aliases"] = [a for a in owner["aliases"] if normalise(a) != alias_norm]
        by_form[alias_norm] = index
        entry = merged[index]
        if alias_norm == normalise(row.canonical) and entry["name"] != row.canonical:
            # A defining row names the skill the way people write it ("Java", not "Oracle Java").
            entry["aliases"].append(entry["name"])
            entry["name"] = row.canonical
        elif alias_norm != normalise(entry["name"]) and row.alias not in entry["aliases"]:
            entry["aliases"].append(row.alias)
        if NEEDS_CONTEXT_NOTE in row.note.casefold():
            needs_context.add(row.alias)
            list_only.discard(row.alias)  # the table's own rule: a skills list confirms it
        else:
            list_only.discard(row.alias)
            needs_context.discard(row.alias)  # the table knows this spelling is unambiguous
    final = [SkillTerm(m["key"], m["name"], tuple(m["aliases"]), m["kind"]) for m in merged]
    return Vocabulary(final, needs_context, common, list_only, capitalised)


def terms_from_onet_esco(technology_skills: Path | None, esco_dir: Path | None) -> list[SkillTerm]:
    """Skill terms read straight from an O*NET Technology Skills file and ESCO skill CSVs.

    The datasets part of the app stores these in the market database; this reader serves when
    no dataset is installed yet, and for tests and benchmarks.
    """
    terms: dict[str, SkillTerm] = {}
    if technology_skills is not None:
        with open(technology_skills, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                name = (row.get("Example") or "").strip()
                if name:
                    key = skill_key("technology", name)
                    terms.setdefault(key, SkillTerm(key, name, (), "technology"))
    for path in sorted(esco_dir.glob("*.csv")) if esco_dir is not None else ():
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                terms.update(_esco_terms(row))
    return list(terms.values())


def _esco_terms(row: dict) -> dict[str, SkillTerm]:
    label = (row.get("preferredLabel") or "").strip()
    if not label:
        return {}
    # Language skills ("write Hungarian", "understand spoken Welsh") become the language itself.
    language = (row.get("broaderConceptPT") or "").split("|")[0].strip()
    if language[:1].isupper() and " " in label and label.endswith(language):
        key = skill_key("esco", language)
        return {key: SkillTerm(key, language, (), "esco")}
    if (row.get("skillType") or "") != "knowledge" and not label[:1].isupper():
        return {}  # "manage data", "show initiative": activities, not names people list
    alternatives = re.split(r"\s*(?:\n|\|)\s*", row.get("altLabels") or "")
    key = skill_key("esco", label)
    return {key: SkillTerm(key, label, tuple(a for a in alternatives if a), "esco")}


@cache
def shared_vocabulary(technology_skills: str, esco_dir: str) -> Vocabulary:
    """A vocabulary from O*NET/ESCO files on disk (cached per path pair)."""
    tech = Path(technology_skills) if technology_skills else None
    esco = Path(esco_dir) if esco_dir else None
    return build_vocabulary(terms_from_onet_esco(tech, esco), read_curated_aliases())


def active_vocabulary(terms: Iterable[SkillTerm] = ()) -> Vocabulary:
    """The vocabulary for the active datasets' terms plus the curated table.

    Pass `careerplanner.store.market.terms.skill_terms(market_db)`; with no terms (no dataset
    installed) the curated table alone still finds the common skills.
    """
    return build_vocabulary(terms, read_curated_aliases())
