"""Finding skill names in free text: resumes and job descriptions.

The vocabulary is compiled once into a dictionary keyed by each name's first token, so a text is
scanned in one pass over its tokens (no regex per term): the postings importer runs this over
100,000 job descriptions. Tokens are words plus the punctuation that is part of technology names
("C++" is `c + +`, "Node.js" is `node . js`, "CI/CD" is `ci / cd`); hyphens and spaces are the
same ("cloud-native" = "cloud native"). At each position the longest name wins.

Names that are also ordinary words ("Go", "Swift", "Spring", "Excel"), single letters ("R", "C")
and names the vocabulary marks as needing context count only when written with their capital
letters *and* either the text is a skills list (`trusted=True`), a cue word stands next to them
("programming", "language", ...), or they sit in a list next to an unambiguous skill
("Kafka and Go", "Python, R").
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, compress, count, islice

from careerplanner.analysis.text import NON_ASCII, clean_text, fold_in_place
from careerplanner.analysis.word_lists import always_common_words, cue_words
from careerplanner.core.skills import SkillTerm

# Words, plus the punctuation technology names are made of. "." and "/" count only when glued
# to a following word ("Node.js", ".NET", "CI/CD"), so a sentence's full stop is not a token.
_TOKEN = re.compile(r"[^\W_]+|[+#]+|[./&](?=[^\W_])")
_TOKEN_PARTS = re.compile(f"({_TOKEN.pattern})")  # split() keeps the tokens and the gaps
# The same on lower-case ASCII text, where it runs about a third faster (possessive "++": nothing
# after a run can fail, so giving up backtracking changes no match and saves its bookkeeping).
_ASCII_TOKEN_PARTS = re.compile(r"([a-z0-9]++|[+#]++|[./&](?=[a-z0-9]))")
# What may stand between two items of a list: separators and "and"/"or".
_LIST_GAP = re.compile(
    r"\s*(?:[,;/|•·▪‣◦*&()\[\]:+-]+|\b(?:and|or|using|with|plus)\b)[\s,;/|•·▪‣◦*&()\[\]:+-]*"
    r"(?:\b(?:and|or)\b[\s,;/|•·&()-]*)?",
    re.I,
)
_NEWLINE = re.compile(r"\n")
# What may separate the words of one name: spaces, hyphens, and the apostrophe of a possessive
# ("Commercial Driver's License"; a name's trie continues with "s" only where a name has one).
_NAME_GAP = " \t\n-'’"
_END = ""  # the trie key that marks the end of a name (no token is empty)
_CUE_REACH = 3  # tokens either side of an ambiguous name where a cue word counts
VENDOR_NAMES = 10  # names a word begins ("Google Analytics", "Google Ads", ...) to be a vendor


@dataclass(frozen=True)
class Mention:
    """One place where a skill name occurs. `start`/`end` index the cleaned text."""

    key: str
    name: str  # the skill's canonical name
    surface: str  # the text as written
    start: int
    end: int
    line: int  # 1-based line number in the cleaned text


@dataclass(frozen=True)
class _Entry:
    key: str
    name: str
    form: str  # the alias as the vocabulary spells it (for the capital-letter check)
    ambiguous: bool
    acronym: bool  # written in capitals ("REST", "DOE"): only capitals in the text count
    # An ordinary word that names a vendor's product ("Word", "Access"): only a list beside
    # another skill confirms it, not a skills section or a cue word.
    list_only: bool = False
    # A product written with a capital ("Alteryx", "Latitude"): in lower case it is a word.
    capitalised: bool = False


_DOMAIN = re.compile(r"\.(?:com|org|net|io|dev|me|ai|co|edu|gov|app|so)\b", re.I)


def _inside_address(text: str, start: int, end: int) -> bool:
    """True for a name that is part of a web or e-mail address ("github.com/me", "@docker").

    A slash before the name makes it part of an address only when the word it is glued to is
    one ("github.com/docker", "https://..."): "SQL/Python" and "time/project management" are
    lists of two.
    """
    if start and text[start - 1] == "@":
        return True
    if start and text[start - 1] == "/":
        word_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
        word = text[word_start:start]
        if "://" in word or "www." in word or _DOMAIN.search(word) or "@" in word:
            return True
    return _DOMAIN.match(text, end) is not None


# English prefixes that change what the rest of a hyphenated word means, and the small words
# inside a hyphenated phrase: what follows is part of one word, not a name of its own
# ("in-house design" is no house design; "non-relational databases" are no relational ones;
# "on-the-job training", "end-to-end testing", "state-of-the-art"). Prefixes that repeat or
# widen it ("re-design", "multi-cloud") are not among them: the skill stands.
_WORD_PREFIXES = frozenset(
    re.findall(
        r"[a-z]+",
        "in non self semi pre post anti counter de un mis well ill half on the of to and at by",
    )
)
_PREFIX_BEFORE_HYPHEN = re.compile(r"(?<!\w)([A-Za-z]+)-$")


def _after_prefix(text: str, start: int) -> bool:
    """True when text[start] begins the second half of a prefixed word ("in-|house")."""
    match = _PREFIX_BEFORE_HYPHEN.search(text, max(0, start - 9), start)
    return match is not None and match.group(1).casefold() in _WORD_PREFIXES


def tokenize(text: str) -> list[str]:
    """The lower-case tokens of `text` as the finder compares them."""
    return [m.group().casefold() for m in _TOKEN.finditer(text)]


@cache  # asked of the same vocabulary spellings for every ambiguous mention of every text
def _has_capitals(form: str) -> bool:
    return any(ch.isupper() for ch in form)


class SkillFinder:
    """Finds the skills of a vocabulary in text. Build once, call `find` many times."""

    def __init__(
        self,
        terms: Iterable[SkillTerm],
        needs_context: Iterable[str] = (),
        common_words: Iterable[str] = (),
        list_only: Iterable[str] = (),
        capitalised: Iterable[str] = (),
    ) -> None:
        # Short words such as "go" need context whatever the vocabulary's own list says.
        self.common_words = frozenset(w.casefold() for w in common_words) | always_common_words()
        self._cue_words = cue_words()
        self._list_only = {" ".join(tokenize(f)) for f in list_only}
        self._capitalised = {" ".join(tokenize(f)) for f in capitalised}
        forced = {" ".join(tokenize(f)) for f in needs_context} | self._list_only
        # A trie of token sequences: each node maps a token to the next node; _END holds the
        # entry of a name that ends there. Matching walks it once per position.
        self._trie: dict = {}
        self._entries: list[_Entry] = []  # the trie's _END values index this list
        self._names: dict[str, str] = {}
        self.vocabulary_tokens: set[str] = set()
        for term in terms:
            self._names.setdefault(term.key, term.name)
            for form in (term.name, *term.aliases):
                self._add(term, form, forced)
        self._index_starts()

    def _index_starts(self) -> None:
        # What `_walk` checks first: tokens that are a whole name on their own, and (token, next
        # token) pairs that a longer name begins with.
        self._whole_names = frozenset(t for t, node in self._trie.items() if _END in node)
        self._name_pairs = frozenset(
            (t, u) for t, node in self._trie.items() for u in node if u != _END
        )

    def to_state(self) -> dict:
        """The compiled finder as plain JSON data (see `analysis/finder_cache`)."""
        return {
            # Each first token's branch as its own JSON text, decoded when a text first holds
            # that token: a resume touches a few hundred of the ~10,000 branches, and decoding
            # them all was most of the time a process took to load the finder.
            "trie": {token: _compact_json(self._branch(token)) for token in list(self._trie)},
            "whole_names": sorted(self._whole_names),
            "name_pairs": sorted(self._name_pairs),
            "entries": [list(entry) for entry in map(_entry_fields, self._entries)],
            "names": self._names,
            "vocabulary_tokens": sorted(self.vocabulary_tokens),
            "common_words": sorted(self.common_words),
        }

    @classmethod
    def from_state(cls, state: dict) -> SkillFinder:
        """A finder rebuilt from `to_state` data, without compiling the vocabulary again."""
        finder = cls.__new__(cls)
        finder.common_words = frozenset(state["common_words"])
        finder._cue_words = cue_words()
        finder._list_only = set()
        finder._capitalised = set()
        finder._trie = state["trie"]  # first token -> its branch as JSON text (see _branch)
        finder._entries = _EntryRows(state["entries"])
        finder._names = state["names"]
        finder.vocabulary_tokens = set(state["vocabulary_tokens"])
        finder._whole_names = frozenset(state["whole_names"])
        finder._name_pairs = frozenset(map(tuple, state["name_pairs"]))
        return finder

    def _add(self, term: SkillTerm, form: str, forced: set[str]) -> None:
        tokens = tuple(tokenize(form))
        if not tokens or not any(t[0].isalnum() for t in tokens):
            return
        self.vocabulary_tokens.update(tokens)
        words = [t for t in tokens if t[0].isalnum()]
        single = len(words) == 1 and len(tokens) == 1
        key = " ".join(tokens)
        if single and form.islower() and words[0] in self.common_words and key not in forced:
            return  # "computer", "quest": an ordinary word is not a skill name on its own
        ambiguous = key in forced or (
            single and (len(words[0]) <= 2 or words[0] in self.common_words)
        )
        # A short all-capitals acronym that is not an English word ("AI", "ML") is safe when it
        # is written in capitals; the capital check below handles that without context.
        if single and len(words[0]) == 2 and form.isupper() and words[0] not in self.common_words:
            ambiguous = key in forced
        shouting = single and len(words[0]) >= 2 and form.isupper() and form.isalpha()
        capitalised = key in self._capitalised and form[:1].isupper()
        entry = _Entry(
            term.key, term.name, form, ambiguous, shouting, key in self._list_only, capitalised
        )
        variants = [tokens]
        last = tokens[-1]
        plural_ok = len(tokens) > 1 or not _has_capitals(form)  # not "Canva" → "canvas"
        if (
            plural_ok
            and last.isalpha()
            and len(last) >= 4
            and not last.endswith("s")
            and not ambiguous
        ):
            variants.append((*tokens[:-1], last + "s"))  # "microservices", "data pipelines"
        index = len(self._entries)
        self._entries.append(entry)
        for variant in variants:
            node = self._trie
            for token in variant:
                node = node.setdefault(token, {})
            kept = node.setdefault(_END, index)  # the first spelling registered keeps it
            # The skill's own lower-case spelling ("accounting" of "Accounting") lets the name
            # count however it is written.
            if (
                kept != index
                and self._entries[kept].key == entry.key
                and form.islower()
                and entry.ambiguous
                and _has_capitals(self._entries[kept].form)
            ):
                node[_END] = index

    def _branch(self, token: str) -> dict:
        """The trie's node under a first token, decoded from a cache's JSON text on first use."""
        node = self._trie[token]
        if isinstance(node, str):
            node = self._trie[token] = json.loads(node)
        return node

    def name_of(self, key: str) -> str:
        return self._names.get(key, key)

    def is_word(self, word: str) -> bool:
        """True for a vocabulary token or a common word (used to repair split words)."""
        return word in self.vocabulary_tokens or word in self.common_words

    def clean(self, text: str) -> str:
        """The text as `find` sees it; spans of the mentions index this string."""
        return clean_text(text, self.is_word)

    def find(
        self,
        text: str,
        *,
        trusted: bool = False,
        cleaned: bool = False,
        known: frozenset[str] = frozenset(),
    ) -> list[Mention]:
        """All skill mentions in `text`, in order, longest match first at each position.

        `trusted=True` says the text is a list of skills (a resume's Skills section), so names
        that are also ordinary words need no further context. `known` holds keys already
        confirmed elsewhere in the same document ("Go" listed under Skills makes "Maintained Go
        services" count too). Pass `cleaned=True` when `text` already went through `clean`
        (spans then index `text` itself).
        """
        if not cleaned and not text.isascii():
            text = self.clean(text)
        spans = self._scan(text, fold_in_place(text), trusted, known)
        if not spans:
            return []
        line_starts = [m.start() for m in _NEWLINE.finditer(text)]
        return [
            Mention(
                entry.key,
                entry.name,
                text[start:end],
                start,
                end,
                bisect.bisect_right(line_starts, start) + 1,
            )
            for start, end, entry in spans
        ]

    def find_spans(self, text: str, folded: str | None) -> list[tuple[int, int, str, str]]:
        """`find` for many texts: (start, end, key, name) of each mention, nothing else.

        `text` must already have gone through `clean`, and `folded` must be
        `analysis.text.fold_in_place(text)` (callers that match other patterns on the folded
        text, like the job-ad depth phrases, then fold it only once).
        """
        return [
            (start, end, entry.key, entry.name)
            for start, end, entry in self._scan(text, folded, False, frozenset())
        ]

    def _scan(self, text, folded, trusted, known) -> list[tuple[int, int, _Entry]]:
        """(start, end, entry) of every accepted mention in the cleaned `text`."""
        # One regex pass splits the text into [gap, token, gap, token, ..., gap]: the tokens
        # and, between them, the exact text a name may not run across.
        if folded is not None:
            folded = _ascii_stand_in(folded)
            parts = (_ASCII_TOKEN_PARTS if folded.isascii() else _TOKEN_PARTS).split(folded)
            tokens = parts[1::2]
        else:  # rare: folding would move characters, so fold token by token
            parts = _TOKEN_PARTS.split(text)
            tokens = [token.casefold() for token in parts[1::2]]
        found = self._walk(tokens, parts)
        if not found:
            return []
        spans = _offsets(parts, found)
        # Most names touch no "@", "/" or "." (which an address needs): those skip the call.
        spans = [
            span
            for span in spans
            if not (
                ((span[0] and text[span[0] - 1] in "@/") or text.startswith(".", span[1]))
                and _inside_address(text, span[0], span[1])
            )
            and not (span[0] > 1 and text[span[0] - 1] == "-" and _after_prefix(text, span[0]))
        ]
        if not spans:
            return []
        accepted = self._resolve_ambiguous(text, tokens, spans, trusted, known)
        return [
            (spans[n][0], spans[n][1], spans[n][4])
            for i, n in enumerate(accepted)
            if not (
                i + 1 < len(accepted)
                and self._is_vendor_before(text, tokens, spans[n], spans[accepted[i + 1]])
            )
        ]

    def _is_vendor_before(self, text: str, tokens, span, following) -> bool:
        """True for a vendor's name written just before one of its products ("Google" in
        "Google BigQuery"): a capitalised word that begins many of the vocabulary's names
        (`VENDOR_NAMES` or more). The product is the skill, not the vendor."""
        if following[0] != span[1] + 1 or text[span[1]] != " " or span[3] - span[2] != 1:
            return False
        if not text[span[0]].isupper() or not text[following[0]].isupper():
            return False
        node = self._branch(tokens[span[2]]) if tokens[span[2]] in self._trie else {}
        return sum(1 for token in node if token != _END) >= VENDOR_NAMES

    def _walk(self, tokens: list[str], parts: list[str]) -> list[tuple[int, int, _Entry]]:
        """(first token, last token + 1, entry) of each longest match; matches never overlap."""
        trie = self._trie
        # Only a token that is a whole name, or that a name continues with the next token, can
        # start a match; C-level set lookups pick those few positions out of all the tokens.
        whole = compress(count(), map(self._whole_names.__contains__, tokens))
        # zip() reuses its result tuple when nothing keeps it, so the pairs cost no allocation.
        neighbours = zip(tokens, islice(tokens, 1, None), strict=False)  # the last has none
        pairs = compress(count(), map(self._name_pairs.__contains__, neighbours))
        starts = sorted({*whole, *pairs})
        found: list[tuple[int, int, _Entry]] = []
        total = len(tokens)
        resume_at = 0  # the token after the last match
        for i in starts:
            if i < resume_at:
                continue
            node = trie[tokens[i]]
            if node.__class__ is str:  # a cached finder's branch still as its JSON text
                node = self._branch(tokens[i])
            best, best_end = node.get(_END), i + 1
            j = i + 1
            while j < total:
                node = node.get(tokens[j])
                if node is None:
                    break
                # A name runs over spaces and hyphens only: "AWS (S3" is not "AWS S3".
                gap = parts[2 * j]  # the text between token j - 1 and token j
                if gap != " " and gap and not gap.isspace() and gap.strip(_NAME_GAP):
                    break
                j += 1
                entry = node.get(_END)
                if entry is not None:
                    best, best_end = entry, j
            if best is not None:
                found.append((i, best_end, self._entries[best]))
                resume_at = best_end
        return found

    def _resolve_ambiguous(self, text, tokens, spans, trusted, known) -> list[int]:
        surface_ok = []
        confirmed = []
        for start, end, _first, _last, entry in spans:
            if not entry.ambiguous and not entry.acronym and not entry.capitalised:
                surface_ok.append(True)  # what the checks below give such an entry
                confirmed.append(True)
                continue
            surface = text[start:end]
            if entry.capitalised and not entry.ambiguous and not entry.acronym:
                written = trusted or surface[:1].isupper()
                surface_ok.append(written)
                confirmed.append(written)
                continue
            # In a skills list a short form may be written in lower case ("sql, aws"), but
            # "Epic" written as a word is not the acronym "EPIC".
            if entry.acronym and not surface.isupper() and not (trusted and surface.islower()):
                surface_ok.append(False)
                confirmed.append(False)
                continue
            case_ok = (
                not entry.ambiguous
                or not _has_capitals(entry.form)
                or (surface[:1].isupper() and (surface.isupper() or not entry.form.isupper()))
            )
            surface_ok.append(case_ok)
            # A list vouches for its items, not for an ordinary word inside one of them
            # ("Backflow Prevention Assembly Tester Certification" names no Assembly).
            listed = trusted and not entry.list_only and not _inside_a_name(text, start, end)
            confirmed.append(
                case_ok
                and (listed or not entry.ambiguous or (entry.key in known and not entry.list_only))
            )
        for n, (_start, _end, first, last, entry) in enumerate(spans):
            if entry.ambiguous and not entry.list_only and surface_ok[n] and not confirmed[n]:
                low, high = max(0, first - _CUE_REACH), min(len(tokens), last + _CUE_REACH)
                if any(t in self._cue_words for t in tokens[low:high]):
                    confirmed[n] = True
        for n in range(len(spans) - 1):
            # "Outlook, Word, Excel", "Microsoft Office Excel, Access": a vendor's products
            # named together confirm each other.
            left, right = spans[n][4], spans[n + 1][4]
            same_vendor = (
                surface_ok[n]
                and surface_ok[n + 1]
                and " " in left.name
                and left.name.split(" ", 1)[0] == right.name.split(" ", 1)[0]
            )
            if not same_vendor:
                continue
            gap = text[spans[n][1] : spans[n + 1][0]]
            listed = left.list_only and right.list_only and _LIST_GAP.fullmatch(gap) is not None
            if listed or (gap == " " and (confirmed[n] or confirmed[n + 1])):
                confirmed[n] = confirmed[n + 1] = True
        changed = not all(confirmed)
        while changed:  # a list such as "Go, R, C and Python" confirms itself from one end
            changed = False
            for n in range(len(spans)):
                if confirmed[n] or not surface_ok[n]:
                    continue
                if (n > 0 and confirmed[n - 1] and _adjacent(text, spans, n - 1, n)) or (
                    n + 1 < len(spans) and confirmed[n + 1] and _adjacent(text, spans, n, n + 1)
                ):
                    confirmed[n] = changed = True
        return [n for n in range(len(spans)) if confirmed[n]]


_CAPITALISED_BEFORE = re.compile(r"[A-Z][a-z]+ $")
_CAPITALISED_AFTER = re.compile(r" [A-Z][a-z]+\b")


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """True for a word between two capitalised words, a space away on each side: the middle of
    a longer name ("Prevention Assembly Tester")."""
    return (
        _CAPITALISED_BEFORE.search(text, max(0, start - 30), start) is not None
        and _CAPITALISED_AFTER.match(text, end) is not None
    )


def _compact_json(value) -> str:
    return json.dumps(value, separators=(",", ":"))


class _EntryRows:
    """The entries of a finder read from its cache, each made when a match first needs it: a
    resume matches a few hundred of the ~30,000, and making them all cost more than reading
    the resume's skills did."""

    __slots__ = ("_made", "_rows")

    def __init__(self, rows: list[list]) -> None:
        self._rows = rows
        self._made: list[_Entry | None] = [None] * len(rows)

    def __getitem__(self, index: int) -> _Entry:
        entry = self._made[index]
        if entry is None:
            entry = self._made[index] = _Entry(*self._rows[index])
        return entry

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self):
        return map(self.__getitem__, range(len(self._rows)))


def _entry_fields(entry: _Entry) -> tuple:
    return (
        entry.key,
        entry.name,
        entry.form,
        entry.ambiguous,
        entry.acronym,
        entry.list_only,
        entry.capitalised,
    )


def _ascii_stand_in(folded: str) -> str:
    """`folded` with each non-ASCII character as "?" when all of them are punctuation or
    symbols (curly quotes, bullets, dashes); else `folded` itself.

    Such characters are never part of a token, nor spaces, so as "?" they split tokens and stop
    names exactly as before, at the same offsets, and the text can take the faster ASCII
    pattern. A non-ASCII letter, digit or space keeps the text as it is.
    """
    if folded.isascii():
        return folded
    if any(char.isalnum() or char.isspace() for char in set(NON_ASCII.findall(folded))):
        return folded
    # A curly apostrophe stays one ("Driver’s"): a name may run over it.
    return folded.replace("’", "'").encode("ascii", "replace").decode("ascii")


def _adjacent(text: str, spans, left: int, right: int) -> bool:
    gap = text[spans[left][1] : spans[right][0]]
    if len(gap) > 40 or _LIST_GAP.fullmatch(gap) is None:
        return False
    # An ordinary word that names a product needs a real list ("Word, Excel"): in "Project
    # and Risk Management" the "and" joins two halves of one phrase.
    list_only = spans[left][4].list_only or spans[right][4].list_only
    return not list_only or any(mark in gap for mark in ",;/|(•")


def _offsets(parts: list[str], found) -> list[tuple[int, int, int, int, _Entry]]:
    """(start, end, first token, last token + 1, entry) for each match, from the split parts.

    Token i is parts[2 * i + 1]; an offset is the total length of the parts before it, summed
    only as far as the matches reach (they come in order).
    """
    # ends[k]: the length of parts[0] to parts[k], summed in C as far as the last match.
    ends = list(accumulate(map(len, islice(parts, 2 * found[-1][1]))))
    return [
        (ends[2 * first], ends[2 * last - 1], first, last, entry) for first, last, entry in found
    ]
