"""Technologies renamed between two O*NET releases, and the alias table that carries them.

O*NET renames technology examples between releases ("Adobe Systems Adobe Acrobat" became
"Adobe Acrobat"; "Microsoft Office SharePoint Server MOSS" was folded into "Microsoft SharePoint
Server"). Skill keys follow the name, so without an alias a user's level or goal for the old name
would be orphaned. A removed example R counts as renamed to N when:

- R is gone from the new release entirely;
- N appears in the new release in at least half of R's old occupations where N was not listed
  before (N took R's place), and
- the names are alike: one's words contain the other's, or they are at least 60% similar.

Across a change of occupation taxonomy (O*NET-SOC 2010 codes before release 25.1, 2019 codes
after) occupations cannot be compared, so a second rule needs no overlap: N has the same UNSPSC
commodity and its words are R's words without a leading vendor ("Adobe Systems Adobe Acrobat"
-> "Adobe Acrobat"), or R's words with one ("SHAZAM" -> "Apple Shazam").

Detected renames are shown by `dataset diff` and stored in `skill_alias` at install time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from careerplanner.store.connection import Database

MIN_TAKEOVER = 0.5
MIN_SIMILARITY = 0.6


@dataclass(frozen=True)
class Rename:
    old_key: str
    new_key: str
    old_name: str
    new_name: str
    occupations: int  # of the old name's occupations, how many the new name took over
    merged: bool  # the new name already existed in the old release

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _technologies(db: Database, dataset_id: int):
    occupations: defaultdict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    commodities: defaultdict[str, set[int]] = defaultdict(set)
    for key, example, code, commodity in db.execute(
        "SELECT skill_key, example, code, commodity_code FROM onet_tech_skill WHERE dataset_id = ?",
        [dataset_id],
    ):
        occupations[key].add(code)
        names.setdefault(key, example)
        commodities[key].add(commodity)
    return occupations, names, commodities


def _words(name: str) -> set[str]:
    return set(re.findall(r"[a-z0-9+#.]+", name.casefold()))


def _word_list(name: str) -> list[str]:
    return re.findall(r"[a-z0-9+#.]+", name.casefold())


def vendor_variant(old: str, new: str) -> bool:
    """True when one name is the other with leading words (a vendor) added or dropped."""
    a, b = _word_list(old), _word_list(new)
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    if not shorter or len(shorter) == len(longer):
        return False
    return longer[-len(shorter) :] == shorter and max(map(len, shorter)) >= 3


def names_alike(old: str, new: str) -> float:
    """0..1: 1.0 when one name's words contain the other's, else the sequence similarity."""
    a, b = _words(old), _words(new)
    if a and b and (a <= b or b <= a):
        return 1.0
    return SequenceMatcher(None, old.casefold(), new.casefold()).ratio()


def detect_renames(db: Database, old_id: int, new_id: int) -> list[Rename]:
    """Renames of technology examples from dataset `old_id` to dataset `new_id`."""
    old_occ, old_names, old_commodities = _technologies(db, old_id)
    new_occ, new_names, new_commodities = _technologies(db, new_id)
    if not old_occ or not new_occ:
        return []
    removed = [key for key in old_occ if key not in new_occ]
    # For each occupation, the technologies it gained in the new release.
    gained_by_code: defaultdict[str, set[str]] = defaultdict(set)
    for key, codes in new_occ.items():
        for code in codes - old_occ.get(key, set()):
            gained_by_code[code].add(key)
    by_commodity: defaultdict[int, list[str]] = defaultdict(list)
    for key, commodities in new_commodities.items():
        for commodity in commodities:
            by_commodity[commodity].append(key)
    renames = []
    for old_key in sorted(removed):
        name = old_names[old_key]
        found = _by_takeover(old_occ[old_key], name, gained_by_code, new_names)
        if found is None:
            found = _by_vendor_variant(
                name, old_commodities[old_key], by_commodity, new_names, new_occ
            )
        if found is not None:
            new_key, taken = found
            renames.append(
                Rename(old_key, new_key, name, new_names[new_key], taken, new_key in old_occ)
            )
    return renames


def _by_takeover(codes, name, gained_by_code, new_names) -> tuple[str, int] | None:
    counts: defaultdict[str, int] = defaultdict(int)
    for code in codes:
        for candidate in gained_by_code.get(code, ()):
            counts[candidate] += 1
    best = None
    for candidate, taken in counts.items():
        if taken / len(codes) < MIN_TAKEOVER:
            continue
        alike = names_alike(name, new_names[candidate])
        if alike >= MIN_SIMILARITY and (best is None or (taken, alike, candidate) > best):
            best = (taken, alike, candidate)
    return (best[2], best[0]) if best else None


def _by_vendor_variant(name, commodities, by_commodity, new_names, new_occ):
    candidates = {
        key
        for commodity in commodities
        for key in by_commodity.get(commodity, ())
        if vendor_variant(name, new_names[key])
    }
    if not candidates:
        return None
    best = max(candidates, key=lambda key: (len(new_occ[key]), key))
    return best, 0


def record_renames(db: Database, new_id: int) -> int:
    """Store the renames from the active O*NET version to `new_id` (inside the caller's
    transaction). Returns how many were recorded."""
    row = db.execute("SELECT id FROM dataset WHERE kind = 'onet' AND active = 1").fetchone()
    if row is None:
        return 0
    renames = detect_renames(db, row[0], new_id)
    for rename in renames:
        # A name that comes back stops being an alias of something else.
        db.execute("DELETE FROM skill_alias WHERE old_key = ?", [rename.new_key])
        db.execute(
            "INSERT OR REPLACE INTO skill_alias (old_key, new_key, old_name, new_name, dataset_id,"
            " reason) VALUES (?, ?, ?, ?, ?, ?)",
            [
                rename.old_key,
                rename.new_key,
                rename.old_name,
                rename.new_name,
                new_id,
                "merged" if rename.merged else "renamed",
            ],
        )
    return len(renames)


def older_keys(db: Database, keys: list[str]) -> dict[str, list[str]]:
    """Each key's older keys (the technologies it was renamed from), from the alias table."""
    if not keys:
        return {}
    found: dict[str, list[str]] = {}
    marks = ",".join("?" * len(keys))
    for old, new in db.execute(
        f"SELECT old_key, new_key FROM skill_alias WHERE new_key IN ({marks})", keys
    ):
        found.setdefault(new, []).append(old)
    return found
