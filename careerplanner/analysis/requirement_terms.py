"""Requirements job ads name that the skill vocabulary does not spell, from the hand-written
`data/words/requirement-terms.csv`: methods ("propensity modeling"), office and trade work
("typing", "plastering"), regulations ("HIPAA", "internal controls") and the short forms of each
profession ("CRF", "TMF", "SAN"), which count only in a document of that profession.

The finder's vocabulary comes from the datasets and names software well; these are the words of
requirements the labelled ads showed missing, written as general knowledge. Each found term
becomes a mention like the finder's own (start, end, key, name), keyed by the vocabulary's own
skill when the vocabulary knows the term's name, so a resume's skill and an ad's meet. The
resume reader reads the same table, so a requirement an ad names is found in a resume too.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from itertools import islice
from typing import NamedTuple
from weakref import WeakKeyDictionary

from careerplanner.analysis.word_lists import WORDS_FOLDER
from careerplanner.core.skills import skill_key
from careerplanner.paths import bundled_data_path

TERMS_FILE = "requirement-terms.csv"
# A line mostly in capitals is a heading or a shout ("ROLE MUST BE BASED IN SAN DIEGO"): its
# words are not short forms.
_SHOUTING_SHARE = 0.6


class _Row(NamedTuple):
    name: str
    forms: list[str]
    domain: re.Pattern | None  # the profession's words; None: any document


# Words of a text and of a spelling: letters and digits. Between the words of one spelling the
# text may have spaces, hyphens or a slash ("A/B testing", "auto-encoders").
_WORD = re.compile(r"[^\W_]+")
_JOIN = re.compile(r"[ \t\n/-]{1,3}")


@cache
def _terms() -> tuple[list[_Row], dict[str, list[tuple[tuple[str, ...], bool, int]]]]:
    """The rows, and by each spelling's first word (lower case): (its words, whether it is
    matched as written, its row), longest first."""
    rows, by_first, _seconds = _read_terms()
    return rows, by_first


@cache
def _read_terms():
    """`_terms`, and by first word the second words (lower case) its spellings go on with, or
    None when a spelling of one word starts with it."""
    path = bundled_data_path(WORDS_FOLDER, TERMS_FILE)
    rows: list[_Row] = []
    by_first: dict[str, list[tuple[tuple[str, ...], bool, int]]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(line for line in handle if not line.startswith("#")):
            forms = [f.strip() for f in record["forms"].split("|") if f.strip()]
            words = [re.escape(w.strip()) for w in (record["domain"] or "").split("|") if w.strip()]
            domain = re.compile(rf"\b(?:{'|'.join(words)})\b", re.I) if words else None
            rows.append(_Row(record["name"].strip(), forms, domain))
            for form in forms:
                cased = not form.islower()
                tokens = tuple(_WORD.findall(form if cased else form.casefold()))
                by_first.setdefault(tokens[0].lower(), []).append((tokens, cased, len(rows) - 1))
    for candidates in by_first.values():
        candidates.sort(key=lambda candidate: -len(candidate[0]))
    seconds = {
        first: None
        if any(len(tokens) == 1 for tokens, _cased, _row in candidates)
        else frozenset(tokens[1].lower() for tokens, _cased, _row in candidates)
        for first, candidates in by_first.items()
    }
    return rows, by_first, seconds


def _shouting(text: str, at: int) -> bool:
    left = text.rfind("\n", 0, at) + 1
    right = text.find("\n", at)
    letters = [c for c in text[left : right if right >= 0 else len(text)] if c.isalpha()]
    return sum(c.isupper() for c in letters) > _SHOUTING_SHARE * len(letters)


def requirement_spans(
    text: str, finder, context: str | None = None
) -> list[tuple[int, int, str, str]]:
    """(start, end, key, name) of each term of the table in `text`, in order of start. A term of
    one profession counts when `context` (default: `text` itself; a resume's whole text for one
    of its sections) uses one of that profession's words."""
    context = text if context is None else context
    rows, by_first, seconds = _read_terms()
    folded = text.lower()
    if len(folded) != len(text):
        folded = text  # a letter whose lower case is longer: look words up one by one
    in_domain: dict[int, bool] = {}
    found = []
    taken = 0  # where the last term found ends: its other words start no term
    for word_start, word_end, first in _first_words(folded, text, by_first, seconds):
        if word_start < taken:
            continue
        candidates = by_first[first]
        if folded is not text and not _may_go_on(folded, word_end, seconds[first]):
            continue  # "data", "a", "design": the next word starts no spelling of two words
        here = [(word_start, word_end, text[word_start:word_end])]
        following = _WORD.finditer(folded, word_end)
        for word in islice(following, max(len(c[0]) for c in candidates) - 1):
            here.append((word.start(), word.end(), text[word.start() : word.end()]))
        match = _match_at(text, here, 0, candidates)
        if match is None:
            continue
        count, cased, index = match
        start, end = here[0][0], here[count - 1][1]
        taken = end
        row = rows[index]
        if row.domain is not None:
            if index not in in_domain:
                in_domain[index] = row.domain.search(context) is not None
            if not in_domain[index]:
                continue
        if text[start:end].isupper() and (
            _shouting(text, start) or (not cased and _in_capitals(text, start, end))
        ):
            continue  # "ROLE MUST BE BASED IN SAN DIEGO", "which includes CLERICAL ASSOCIATE"
        key, name = _vocabulary_skill(finder, row)
        found.append((start, end, key, name))
    return found


def _first_words(folded: str, text: str, by_first, seconds) -> list[tuple[int, int, str]]:
    """(start, end, lower case) of each word of the text (`_WORD`) that starts a spelling, in
    order. `folded` is the text in lower case, or `text` itself when that moved characters;
    in lower case, a word is left out when `_may_go_on` would be false wherever it stands.

    In lower case, the words of the text that start a spelling are found by listing its words
    at once and looking for each such word where it stands whole (no letter or digit on either
    side, as `_WORD` cuts words): much faster than looking up every word in turn.
    """
    if folded is text:
        return [
            (word.start(), word.end(), first)
            for word in _WORD.finditer(text)
            if (first := word.group().lower()) in by_first
        ]
    found = []
    size = len(folded)
    any_word = not folded.isascii()  # `_may_go_on` lets a word not in ASCII through
    words = set(_WORD.findall(folded) if any_word else _ascii_words(folded))
    for first in by_first.keys() & words:
        if not (seconds[first] is None or any_word or not seconds[first].isdisjoint(words)):
            continue  # "a": no word that any of its spellings goes on with is in the text
        at = folded.find(first)
        while at >= 0:
            end = at + len(first)
            if (at == 0 or not folded[at - 1].isalnum()) and (
                end == size or not folded[end].isalnum()
            ):
                found.append((at, end, first))
            at = folded.find(first, at + 1)
    found.sort()
    return found


# Every ASCII character that is no letter or digit, as a space.
_NOT_WORD = bytes(c if chr(c).isalnum() else 32 for c in range(256))


def _ascii_words(folded: str) -> list[str]:
    """`_WORD.findall(folded)` for ASCII text in lower case, several times faster."""
    return folded.encode("ascii").translate(_NOT_WORD).decode("ascii").split()


# The next word, as `_match_at` sees it: after one to three joining characters.
_NEXT_WORD = re.compile(r"[ \t\n/-]{1,3}([^\W_]+)")


def _may_go_on(folded: str, at: int, seconds: frozenset[str] | None) -> bool:
    """Whether a spelling can match at the word ending at `at`, by the word after it (a quick
    test before `_match_at`): the word is one a spelling goes on with; a word not in ASCII is
    left to `_match_at` (its lower case and case folding may differ)."""
    if seconds is None:
        return True  # a spelling of one word: `_match_at` decides
    following = _NEXT_WORD.match(folded, at)
    if following is None:
        return False  # no word joined to it: no spelling of two or more words matches
    second = following.group(1)
    return second in seconds or not second.isascii()


_CAPITALS_WORD = re.compile(r"[A-Z]{2,}\b")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """A word in capitals beside the match: an ordinary word written in a title's capitals
    ("THE CLERICAL ASSOCIATE TITLE"), not a short form."""
    before = text[max(0, start - 30) : start].split()[-1:]
    return bool(
        (before and _CAPITALS_WORD.fullmatch(before[0].strip("(,;:")))
        or _CAPITALS_WORD.match(text, end + 1)
    )


def _match_at(text, words, at, candidates) -> tuple[int, bool, int] | None:
    """(word count, matched as written, row) of the longest spelling starting at words[at]."""
    for tokens, cased, index in candidates:
        count = len(tokens)
        if at + count > len(words):
            continue
        here = words[at : at + count]
        written = [w for _s, _e, w in here]
        if (written if cased else [w.casefold() for w in written]) != list(tokens):
            continue
        if all(
            _JOIN.fullmatch(text, here[i][1], here[i + 1][0]) for i in range(count - 1)
        ) and not _glued(text, here[0][0], here[-1][1]):
            return count, cased, index
    return None


def _glued(text: str, start: int, end: int) -> bool:
    """The words run on into a longer one: "CRF-based" or "x_ICH" name something else."""
    before, after = text[max(0, start - 1) : start], text[end : end + 2]
    return before == "_" or after[:1] == "_" or (after[:1] == "-" and after[1:2].isalnum())


def _vocabulary_skill(finder, row: _Row) -> tuple[str, str]:
    """`_find_skill`, kept per finder (a finder lives as long as its dataset version)."""
    known = _SKILL_OF.setdefault(finder, {})
    if row.name not in known:
        known[row.name] = _find_skill(finder, row)
    return known[row.name]


_SKILL_OF: WeakKeyDictionary = WeakKeyDictionary()


def _find_skill(finder, row: _Row) -> tuple[str, str]:
    """(key, name) of the vocabulary's skill spelled like the row's name (with or without its
    short form in brackets), else the row's own out-of-taxonomy skill. Only the name: a form
    the vocabulary gives to a neighbouring skill ("competitive intelligence") would rename it."""
    for name in dict.fromkeys((row.name, row.name.split(" (")[0])):
        whole = [m for m in finder.find(name, trusted=True) if m.end - m.start == len(name)]
        if whole:
            return whole[0].key, whole[0].name
    return skill_key("custom", row.name), row.name


def merge_spans(spans, extra) -> list[tuple[int, int, str, str]]:
    """The finder's mentions and the table's together: a table term inside a mention is
    dropped, one that holds mentions whole replaces them (the longest name wins, as in the
    finder: "software design patterns" is design patterns, not software design), and one
    across a mention stands beside it ("shipping production machine learning models" names
    model deployment and machine learning)."""
    if not extra:
        return spans
    merged = list(spans)
    for start, end, key, name in extra:
        overlapping = [s for s in merged if s[0] < end and start < s[1]]
        if any(s[0] <= start and end <= s[1] for s in overlapping):
            continue  # inside a mention, or the same words
        merged = [s for s in merged if not (start <= s[0] and s[1] <= end)]
        merged.append((start, end, key, name))
    merged.sort()
    return merged
