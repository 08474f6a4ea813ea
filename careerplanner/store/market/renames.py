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

The work stays near-linear in the size of the releases: a large update gains thousands of
technologies in every occupation, and comparing every removed name with every one of them (a
sequence match each) took minutes. Candidates are looked at by how much they took over, most
first, and a level with an alike name ends the search (nothing below it can win); word
containment is checked for a whole level at once before any sequence match, and a sequence
match only runs where the longest common subsequence (found for a whole level at once, bit-
parallel) lets its ratio reach the threshold: of a 100 MB update's ~900,000 pairs, about 2,000.
The vendor rule looks only at names that end with the same word in the same commodity. The
renames found are exactly the rule's. The new release is read in one pass grouped by
technology, keeping no per-technology sets (a million rows of a large update would hold
hundreds of MB of them).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import chain, compress, groupby
from operator import itemgetter

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


class _Forms:
    """Per name, what the similarity test reads: its casefolded text and its words, made once
    per name, not once per pair. The words are kept as a tuple of shared strings (a large
    update has hundreds of thousands of names made of a few thousand words); the text, cheap
    to make again, is not kept."""

    def __init__(self, names: dict[str, str]) -> None:
        self._names = names
        self._words: dict[str, tuple[str, ...]] = {}
        self._shared: dict[str, str] = {}

    def texts(self, keys: list[str]) -> list[str]:
        return list(map(str.casefold, map(self._names.__getitem__, keys)))

    def words(self, keys: list[str]) -> list[tuple[str, ...]]:
        """Each key's words; a name without words has NO_WORDS, which holds none of a name's
        words and whose words no name holds."""
        made = self._words
        missing = list(set(keys).difference(made))
        if missing:
            shared = self._shared.setdefault
            for key, text in zip(missing, self.texts(missing), strict=True):
                made[key] = tuple(shared(w, w) for w in _words(text)) or NO_WORDS
        return list(map(made.__getitem__, keys))


NO_WORDS = ("",)  # no word is empty


# For each byte, a table turning that byte into "1" and every other into "0".
_ONLY = [bytes(0x31 if value == byte else 0x30 for value in range(256)) for byte in range(256)]


def _common_lengths(text: str, others: list[str]) -> list[int]:
    """For each of `others`, at least the number of characters a sequence match with `text`
    can pair up: the length of their longest common subsequence (difflib's matching blocks
    are one), or more where a character outside Latin-1 stands as "?".

    All of `others` are matched at once, as one string with a separator after each, by the
    bit-parallel algorithm of Crochemore et al. (2001): one big-integer step per character of
    `text` instead of a Python step per character pair. A separator's bit is kept clear, so
    no carry runs from one name into the next."""
    if not text or not others:
        return [0] * len(others)
    lengths = list(map(len, others))
    joined = ("\0".join(others) + "\0").encode("latin-1", "replace")[::-1]  # bit i: char i
    size = len(joined)
    separators = int(("1".join(map("0".__mul__, lengths)) + "1")[::-1], 2)
    inside = ((1 << size) - 1) ^ separators
    matches = {}
    for byte in set(text.encode("latin-1", "replace")):
        matches[byte] = int(joined.translate(_ONLY[byte]), 2) & inside
    state = inside
    for byte in text.encode("latin-1", "replace"):
        moved = state & matches[byte]
        state = ((state + moved) | (state - moved)) & inside
    bits = format(state, "b").zfill(size)[::-1]
    found, start = [], 0
    for length in lengths:
        found.append(length - bits.count("1", start, start + length))
        start += length + 1
    return found


def _most_similar(text: str, keys: list[str], texts: list[str]) -> tuple[float, str]:
    """(similarity, key) of the most similar of `keys` (named by `texts`) reaching
    MIN_SIMILARITY (the greatest key among equals), or (0.0, ""). The full sequence match
    runs only where the longest common subsequence lets the ratio reach the threshold, in the
    order of that bound, and stops once no bound can reach the best found."""
    size = len(text)
    common = _common_lengths(text, texts)
    bounded = sorted(
        (
            (bound, key, other)
            for key, other, shared in zip(keys, texts, common, strict=True)
            if size + len(other) and (bound := 2.0 * shared / (size + len(other))) >= MIN_SIMILARITY
        ),
        reverse=True,
    )
    best = (0.0, "")
    for bound, key, other in bounded:
        if bound < best[0]:
            break
        ratio = SequenceMatcher(None, text, other).ratio()
        if ratio >= MIN_SIMILARITY and (ratio, key) > best:
            best = (ratio, key)
    return best


def detect_renames(db: Database, old_id: int, new_id: int) -> list[Rename]:
    """Renames of technology examples from dataset `old_id` to dataset `new_id`."""
    old_occ, old_names, old_commodities = _technologies(db, old_id)
    if not old_occ:
        return []
    removed = [key for key in old_occ if not _lists_key(db, new_id, key)]
    if not removed or not _lists_any(db, new_id):
        return []
    new = _NewSide(db, new_id, removed, old_occ, old_names, old_commodities)
    forms = _Forms(new.names)
    renames = []
    for old_key in sorted(removed):
        name = old_names[old_key]
        found = _by_takeover(old_occ[old_key], name, new.gained_by_code, forms)
        if found is None:
            commodities = old_commodities[old_key]
            found = _by_vendor_variant(name, commodities, new)
        if found is not None:
            new_key, taken = found
            renames.append(
                Rename(old_key, new_key, name, new.names[new_key], taken, new_key in old_occ)
            )
    return renames


def _lists_key(db: Database, dataset_id: int, key: str) -> bool:
    sql = "SELECT 1 FROM onet_tech_skill WHERE dataset_id = ? AND skill_key = ? LIMIT 1"
    return db.execute(sql, [dataset_id, key]).fetchone() is not None


def _lists_any(db: Database, dataset_id: int) -> bool:
    sql = "SELECT 1 FROM onet_tech_skill WHERE dataset_id = ? LIMIT 1"
    return db.execute(sql, [dataset_id]).fetchone() is not None


class _NewSide:
    """What the rules read of the new release, gathered in one pass over its rows grouped by
    skill key, keeping no per-technology sets: a large update lists a million rows, and sets
    of occupations and commodities per technology took hundreds of MB.

    `names`: each technology's first example; `gained_by_code`: per occupation one of the
    removed technologies was listed in, the technologies newly listed there; `by_ending`: per
    (commodity, last word) a removed technology has, the new technologies sharing them."""

    def __init__(self, db, new_id, removed, old_occ, old_names, old_commodities) -> None:
        self.db, self.dataset_id = db, new_id
        wanted_codes = {code for key in removed for code in old_occ[key]}
        wanted_endings = set()
        for key in removed:
            words = _word_list(old_names[key])
            if words:
                wanted_endings.update((c, words[-1]) for c in old_commodities[key])
        self.names: dict[str, str] = {}
        self.gained_by_code: defaultdict[str, list[str]] = defaultdict(list)
        self.by_ending: defaultdict[tuple[int, str], list[str]] = defaultdict(list)
        rows = db.execute(
            "SELECT skill_key, example, code, commodity_code FROM onet_tech_skill "
            "WHERE dataset_id = ? ORDER BY skill_key, rowid",
            [new_id],
        )
        empty: set[str] = set()
        for key, group in groupby(rows, key=itemgetter(0)):
            listed = list(group)  # rowid order: the first row names the technology
            first = listed[0]
            self.names[key] = first[1]
            codes = {row[2] for row in listed}
            commodities = {row[3] for row in listed}
            before = old_occ.get(key, empty)
            for code in codes & wanted_codes:
                if code not in before:
                    self.gained_by_code[code].append(key)
            words = _word_list(first[1])
            if words:
                for commodity in commodities:
                    if (commodity, words[-1]) in wanted_endings:
                        self.by_ending[commodity, words[-1]].append(key)

    def occupation_count(self, key: str) -> int:
        sql = (
            "SELECT COUNT(DISTINCT code) FROM onet_tech_skill WHERE dataset_id = ? "
            "AND skill_key = ?"
        )
        return self.db.execute(sql, [self.dataset_id, key]).fetchone()[0]


def _levels(codes, gained_by_code) -> Iterator[tuple[int, list[str]]]:
    """(occupations taken over, the new names that took that many) for each number reaching
    MIN_TAKEOVER of `codes`, most first; made one at a time (the first usually decides)."""
    if len(codes) == 1:  # every newcomer of its one occupation took all of it over
        group = gained_by_code.get(next(iter(codes)), [])
        if group:
            yield 1, group
        return
    counts = Counter(chain.from_iterable(gained_by_code.get(code, ()) for code in codes))
    for taken, level in groupby(counts.most_common(), key=itemgetter(1)):
        if taken / len(codes) < MIN_TAKEOVER:
            return
        yield taken, list(map(itemgetter(0), level))


def _by_takeover(codes, name, gained_by_code, forms: _Forms) -> tuple[str, int] | None:
    """The best (most occupations taken over, then most alike, then greatest key) new name
    that took over at least MIN_TAKEOVER of `codes` and is alike, as `names_alike` rates it."""
    text = name.casefold()
    words = frozenset(_words(text))
    for taken, group in _levels(codes, gained_by_code):
        # Word containment rates 1.0, the most a name can: those win their level outright.
        if words:
            others = forms.words(group)
            contained = [
                *compress(group, map(words.issubset, others)),
                *compress(group, map(words.issuperset, others)),
            ]
            if contained:
                return max(contained), taken
        best = _most_similar(text, group, forms.texts(group))
        if best[0] > 0.0:
            return best[1], taken
    return None


def _by_vendor_variant(name, commodities, new: _NewSide):
    words = _word_list(name)
    if not words:
        return None
    candidates = {
        key
        for commodity in commodities
        for key in new.by_ending.get((commodity, words[-1]), ())
        if vendor_variant(name, new.names[key])
    }
    if not candidates:
        return None
    best = max(candidates, key=lambda key: (new.occupation_count(key), key))
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
