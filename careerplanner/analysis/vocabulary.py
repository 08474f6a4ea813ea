"""The skill vocabulary: the active dataset's skill terms merged with the curated alias table.

Dataset names are often vendor-prefixed or padded ("Oracle Java", "Amazon Web Services AWS
software", "Rust programming language", "Python (computer programming)"); `derive_aliases`
turns them into the names people write, by general rules rather than per-name fixes:

* a vendor prefix (a leading word that starts at least three names followed by a capitalised
  product, optionally followed by its own acronym: "Amazon Web Services AWS") is dropped;
* trailing "software", "programming language", a lower-case parenthesised qualifier and a
  trailing or parenthesised acronym ("Google Compute Engine (GCE)") become separate aliases;
* a derived alias that is a single ordinary word ("Database" from "Oracle Database") is dropped,
  since a person writing "database" rarely means the vendor's product.

`data/aliases.csv` (alias,canonical[,note]) adds general-knowledge spellings ("k8s" →
Kubernetes) and common concepts the datasets lack; a note "needs context" marks an alias that is
also an ordinary word.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from careerplanner.analysis.skill_finder import SkillFinder, tokenize
from careerplanner.analysis.word_lists import common_words
from careerplanner.core.skills import SkillTerm, normalise, skill_key
from careerplanner.paths import bundled_data_path

_TRAILING_NOISE = re.compile(
    r"\s+(?:software|programming language|language|computer language|platform)$", re.I
)
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")
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

    def finder(self) -> SkillFinder:
        return SkillFinder(self.terms, self.needs_context, self.common_words)


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


def find_vendors(names: Iterable[str], minimum: int = 3) -> set[str]:
    """Leading words that start at least `minimum` names followed by a capitalised product."""
    counts: Counter[str] = Counter()
    for name in names:
        words = name.split()
        if words and words[0] == "The" and len(words) > 2:
            words = [f"The {words[1]}", *words[2:]]
        if len(words) >= 2 and words[0][:1].isupper() and words[1][:1].isupper():
            counts[words[0]] += 1
    return {vendor for vendor, count in counts.items() if count >= minimum}


def _strip_vendor(name: str, vendors: set[str]) -> str | None:
    words = name.split()
    if len(words) > 2 and words[0] == "The":
        words = [f"The {words[1]}", *words[2:]]
    if len(words) < 2 or words[0] not in vendors or not words[1][:1].isupper():
        return None
    rest = words[1:]
    # "Amazon Web Services AWS CloudFormation": the vendor's own name and acronym go too.
    for cut in range(1, min(4, len(rest) - 1)):
        if _is_acronym_of(rest[cut], [words[0], *rest[:cut]]):
            rest = rest[cut + 1 :]
            break
    return " ".join(rest)


def derive_aliases(name: str, vendors: set[str], common_words: set[str]) -> list[str]:
    """Names people write for a dataset's technology name (see the module docstring)."""
    aliases: list[str] = []
    base = name.strip()
    paren = _PAREN.search(base)
    if paren:
        inside = paren.group(1).strip()
        base = base[: paren.start()].strip()
        if _ACRONYM.match(inside):
            aliases.append(inside)
        aliases.append(base)
    trimmed = _TRAILING_NOISE.sub("", base)
    # "Rust programming language" → "Rust"; but "Productivity software" → not "Productivity".
    names_a_language = re.search(r"language$", base, re.I) is not None
    if (
        trimmed != base
        and trimmed
        and (" " in trimmed or names_a_language or not _is_plain_word(trimmed))
    ):
        aliases.append(trimmed)
        base = trimmed
    words = base.split()
    if len(words) >= 3 and _is_acronym_of(words[-1], words[:-1]):
        aliases.extend([words[-1], " ".join(words[:-1])])
    for candidate in list(aliases) or [base]:
        stripped = _strip_vendor(candidate, vendors)
        if stripped:
            aliases.append(stripped)
            last = stripped.split()
            if len(last) >= 2 and _is_acronym_of(last[-1], last[:-1]):
                aliases.extend([last[-1], " ".join(last[:-1])])
    kept = []
    for alias in aliases:
        tokens = tokenize(alias)
        if not tokens or normalise(alias) == normalise(name):
            continue
        if len(tokens) == 1 and (tokens[0] in common_words or len(tokens[0]) < 2):
            continue  # "Database" from "Oracle Database": an ordinary word, not the product
        if alias not in kept:
            kept.append(alias)
    return kept


def _is_acronym_of(acronym: str, words: list[str]) -> bool:
    """True when `acronym` abbreviates the trailing `words` ("Domain name system DNS")."""
    if not _ACRONYM.match(acronym):
        return False
    letters = acronym.lower()
    if any(w.lower() == letters for w in words):
        return False  # "LINDO Systems LINDO API": the vendor's name, not an abbreviation
    for start in range(len(words)):
        tail = words[start:]
        if tail[0][:1].lower() != letters[0] or len(tail) > len(letters) + 1:
            continue
        position = 0
        text = " ".join(tail).lower()
        for letter in letters:
            position = text.find(letter, position)
            if position < 0:
                break
            position += 1
        else:
            return True
    return False


def _is_plain_word(form: str) -> bool:
    """A single capitalised dictionary-looking word ("Quest", "Publisher"), not "PowerPoint"."""
    return form.isalpha() and form[1:].islower()


def _needs_context(alias: str, common: set[str]) -> bool:
    """A derived alias of one word, or of ordinary capitalised words ("Building Systems")."""
    words = alias.split()
    if len(words) == 1:
        return True
    return all(w[:1].isupper() and _is_plain_word(w) and w.lower() in common for w in words)


def common_words_of(forms: Iterable[str]) -> set[str]:
    """Ordinary words: those written in lower case inside multi-word names and labels."""
    words: set[str] = set()
    for form in forms:
        parts = re.findall(r"[^\W\d_]+", form)
        if len(parts) >= 2:
            words.update(p for p in parts if p.islower() and len(p) > 1)
    return words


# First words of ESCO skill/competence labels ("manage data", "use spreadsheets software"):
# activities, which resumes phrase freely, unlike the names of knowledge and tools.
_ACTIVITY_VERBS = frozenset(
    [
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
    return not (term.kind == "esco" and first.islower() and first in _ACTIVITY_VERBS)


def build_vocabulary(terms: Iterable[SkillTerm], curated: Iterable[CuratedAlias]) -> Vocabulary:
    """Merge dataset terms (deriving aliases) and the curated table into one vocabulary."""
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
    for term in sorted(terms, key=lambda t: t.kind != "technology"):
        derived = derive_aliases(term.name, vendors if term.kind == "technology" else set(), common)
        # A product name cut down to one plain word ("Quest" from "Experian Quest") may well be
        # an ordinary word: it counts only in context.
        needs_context.update(a for a in derived if _needs_context(a, common))
        aliases = list(term.aliases)
        if len(aliases) > MAX_ALTERNATIVE_LABELS:
            # ESCO "computer programming" lists 100 languages: a category, not synonyms.
            aliases = []
        add_term(term.key, term.name, term.kind, [*derived, *aliases])
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
        else:
            needs_context.discard(row.alias)  # the table knows this spelling is unambiguous
    final = [SkillTerm(m["key"], m["name"], tuple(m["aliases"]), m["kind"]) for m in merged]
    return Vocabulary(final, needs_context, common)


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
