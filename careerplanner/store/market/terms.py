"""The skill vocabulary of the active datasets, for the skill finder (resumes and job ads).

Terms:
- every O*NET technology example (kind "technology", key `technology:<name>`), with aliases:
  ESCO alternative labels where the ESCO preferred label is the same name (ignoring a trailing
  qualifier: "Python (computer programming)" names "Python"), and the old names of
  technologies O*NET renamed (so an older resume wording still matches);
- O*NET Skills and Knowledge elements (kinds "skill" and "knowledge", key `onet:<element id>`);
- ESCO skills that match no technology and are not transversal/language skills (kind "esco",
  key `esco:<preferred label>`), with their alternative labels.

`skill_terms(db)` reads it for the active versions and keeps it per version.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from careerplanner.core.skills import SkillTerm, normalise, skill_key
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import active_dataset

_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


def _label_forms(label: str) -> list[str]:
    """The ways an ESCO preferred label can name a technology: as written, and without a
    trailing qualifier ("Python (computer programming)" -> "Python")."""
    forms = [normalise(label)]
    stripped = _QUALIFIER.sub("", label).strip()
    if stripped and stripped != label:
        forms.append(normalise(stripped))
    return forms


def _split_labels(text: str) -> list[str]:
    return [label.strip() for label in text.replace("\n", "|").split("|") if label.strip()]


_TERMS_CACHE: dict[tuple, list[SkillTerm]] = {}


def skill_terms(db: Database) -> list[SkillTerm]:
    """The skill finder's vocabulary for the active datasets (cached per dataset version)."""
    onet = active_dataset(db, "onet")
    esco = active_dataset(db, "esco")
    aliases = db.execute("SELECT count(*) FROM skill_alias").fetchone()[0]
    # An installed version never changes; its content digest tells a database rebuilt at the
    # same path (ids start again at 1) from the one the cache was filled from.
    cache_key = (
        _db_identity(db),
        onet and (onet.id, onet.sha256),
        esco and (esco.id, esco.sha256),
        aliases,
    )
    terms = _TERMS_CACHE.get(cache_key)
    if terms is None:
        terms = build_skill_terms(db, onet and onet.id, esco and esco.id)
        _TERMS_CACHE[cache_key] = terms
    return terms


def vocabulary_key(db: Database) -> str:
    """What the vocabulary of this database depends on: the active O*NET and ESCO versions
    (by content digest, so a rebuilt database never reuses another's) and the rename table."""
    onet = active_dataset(db, "onet")
    esco = active_dataset(db, "esco")
    renames = db.execute(
        "SELECT count(*), total(length(new_key) + length(old_name)) FROM skill_alias"
    ).fetchone()
    return "|".join(
        [
            f"onet={onet.sha256 if onet else '-'}",
            f"esco={esco.sha256 if esco else '-'}",
            f"renames={renames[0]}:{int(renames[1])}",
        ]
    )


def market_folder(db: Database) -> Path | None:
    """The folder of the market database file (None for an in-memory database)."""
    path = db.execute("PRAGMA database_list").fetchone()[2]
    return Path(path).parent if path else None


def _db_identity(db: Database) -> str:
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] or str(id(db))


def build_skill_terms(db: Database, onet_id: int | None, esco_id: int | None) -> list[SkillTerm]:
    spellings: defaultdict[str, Counter] = defaultdict(Counter)
    if onet_id is not None:
        for key, example, count in db.execute(
            "SELECT skill_key, example, count(*) FROM onet_tech_skill WHERE dataset_id = ? "
            "GROUP BY skill_key, example",
            [onet_id],
        ):
            spellings[key][example] += count
    aliases: defaultdict[str, list[str]] = defaultdict(list)
    for new_key, old_name in db.execute("SELECT new_key, old_name FROM skill_alias"):
        if new_key in spellings:
            aliases[new_key].append(old_name)

    esco_rows = []
    if esco_id is not None:
        esco_rows = db.execute(
            "SELECT preferred_label, alt_labels, skill_type, reuse_level FROM esco_skill "
            "WHERE dataset_id = ? ORDER BY preferred_label",
            [esco_id],
        ).fetchall()
    by_name = {normalise(label): key for key in spellings for label in spellings[key]}
    esco_terms = []
    for label, alt_labels, skill_type, reuse_level in esco_rows:
        key = next((by_name[f] for f in _label_forms(label) if f in by_name), None)
        if key is not None:
            aliases[key].extend(_split_labels(alt_labels))
        elif skill_type == "knowledge" or reuse_level != "transversal":
            esco_terms.append(
                SkillTerm(
                    key=skill_key("esco", label),
                    name=label,
                    aliases=_unique(_split_labels(alt_labels), label),
                    kind="esco",
                )
            )

    terms = []
    for key in sorted(spellings):
        name = spellings[key].most_common(1)[0][0]
        others = [s for s in spellings[key] if s != name] + aliases.get(key, [])
        terms.append(
            SkillTerm(key=key, name=name, aliases=_unique(others, name), kind="technology")
        )
    if onet_id is not None:
        for element_id, name, domain in db.execute(
            "SELECT DISTINCT element_id, element_name, domain FROM onet_rating WHERE dataset_id = ?"
            " ORDER BY element_id",
            [onet_id],
        ):
            terms.append(SkillTerm(key=f"onet:{element_id}", name=name, kind=domain))
    seen = {t.key for t in terms}
    terms.extend(t for t in esco_terms if t.key not in seen)
    return terms


def _unique(labels: list[str], name: str) -> tuple[str, ...]:
    seen = {normalise(name)}
    out = []
    for label in labels:
        folded = normalise(label)
        if folded not in seen:
            seen.add(folded)
            out.append(label)
    return tuple(out)
