"""The postings speed shortcuts give exactly what the plain, slower way gives.

Each shortcut (folding a whole ad at once, the ASCII stand-in for curly quotes and bullets, the
case-sensitive depth search on folded text, the stop search around each mention) is compared
with the straightforward computation on generated text full of the characters that could break
it: Kelvin sign, dotless i, long s, sharp s, non-ASCII spaces and digits, ligatures.
"""

from __future__ import annotations

import bisect
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.analysis.job_ads import (
    _PHRASES,
    DEFAULT_REQUIRED_LEVEL,
    PHRASE_WORDS,
    _sentence_end,
    _sentence_level,
    _sentence_start,
    phrase_level,
)
from careerplanner.analysis.text import fold_in_place

TRICKY = [
    "\u212a",  # Kelvin sign: folds to ASCII "k"
    "\u0131",  # dotless i: matches "i" under IGNORECASE
    "\u017f",  # long s
    "\u00df",  # sharp s: folds to two letters
    "\u0130",  # capital I with dot
    "\u01c5",  # title-case digraph
    "\u2019",
    "\u2022",
    "\u2013",
    "\u00e9",
    "\u00c9",
    "\u0663",  # Arabic-Indic digit three
    "\u216b",  # Roman numeral twelve
    "\u24b6",  # circled A
    "\u00a0",
    "\u2028",
    "\u00b7",
]
WORDS = [
    "Python",
    "SQL",
    "C++",
    "C#",
    "Node.js",
    "CI/CD",
    "Go",
    "R",
    "Excel",
    "AWS",
    "S3",
    "Kubernetes",
    "machine",
    "learning",
    "Apache",
    "Spark",
    "github.com/x",
    "@docker",
    "expert",
    "5+ years",
    "1 -",
    "2 years",
    "lead",
    "nice to have",
    "a plus",
    "hands-on",
    "programming",
    "and",
    "with",
]
SEPARATORS = [
    " ",
    " ",
    ", ",
    ". ",
    "; ",
    "\n",
    "-",
    "-\n",
    " (",
    ") ",
    "/",
    " and ",
    "!",
    "?",
    "\t",
]

LOOKALIKES = {"k": "\u212a", "i": "\u0131", "s": "\u017f", "I": "\u0130", "e": "\u00e9"}


@st.composite
def disguised(draw, words):
    """A word with one letter swapped for a non-ASCII lookalike ("\u212anowledge of")."""
    word = draw(st.sampled_from(words))
    places = [n for n, char in enumerate(word) if char in LOOKALIKES]
    if not places:
        return word
    n = draw(st.sampled_from(places))
    return word[:n] + LOOKALIKES[word[n]] + word[n + 1 :]


texts = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        disguised(WORDS),
        st.sampled_from(SEPARATORS),
        st.sampled_from(TRICKY),
        st.sampled_from(WORDS).map(str.upper),
        st.text(alphabet="aeiKkSsIl1-. ", max_size=4),
    ),
    max_size=60,
).map("".join)


# One example of every alternative of every phrase pattern: each must be found by its level's
# pattern and by the quick PHRASE_WORDS search that lets most sentences skip the table.
EVERY_ALTERNATIVE = [
    "architects",
    "define the strategy",
    "recognized expert",
    "thought leader",
    "8 years",
    "12+ years",
    "advanced",
    "deep",
    "expert-level",
    "expertise",
    "mastery",
    "6+ years",
    "leading",
    "mentoring",
    "proficiency",
    "strong",
    "solid",
    "hands-on",
    "4 years",
    "extensive",
    "demonstrated",
    "proven",
    "working knowledge",
    "2+ years",
    "one to two years",
    "1\u20132 years",
    "experience with",
    "knowledge of",
    "ability to use",
    "familiarity",
    "exposure",
    "awareness",
    "basic understanding",
    "nice to have",
    "a plus",
    "bonus",
]


def test_folding_refuses_the_characters_that_would_move_or_match_ascii():
    for char in ("\u212a", "\u0131", "\u017f", "\u00df", "\u0130", "\u24b6"):
        assert fold_in_place(f"Python {char} SQL") is None
    assert (
        fold_in_place("Caf\u00e9 \u2019SQL\u2019 \u2022 Go")
        == "caf\u00e9 \u2019sql\u2019 \u2022 go"
    )
    assert fold_in_place("Plain ASCII") == "plain ascii"


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_finder_finds_the_same_with_and_without_the_folding_shortcut(finder, text):
    text = finder.clean(text)
    folded = fold_in_place(text)
    if folded is not None:
        assert len(folded) == len(text)
    # None takes the slow path: the Unicode token pattern and each token folded on its own.
    assert finder.find_spans(text, folded) == finder.find_spans(text, None)
    spans = [(m.start, m.end, m.key, m.name) for m in finder.find(text, cleaned=True)]
    assert spans == finder.find_spans(text, folded)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(texts, disguised(EVERY_ALTERNATIVE)), max_size=4).map(" ".join))
def test_the_sentence_level_matches_the_phrase_table(text):
    expected = phrase_level(text) or DEFAULT_REQUIRED_LEVEL
    assert _sentence_level(text, fold_in_place(text), 0, len(text)) == expected
    assert _sentence_level(text, None, 0, len(text)) == expected


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_sentence_bounds_are_the_stops_around_the_mention(text, data):
    starts = [0, *(m.start() + 1 for m in re.finditer(r"\. |[;\n!?]", text))]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    left = starts[bisect.bisect_right(starts, start) - 1]
    after = bisect.bisect_left(starts, end + 1)
    right = starts[after] - 1 if after < len(starts) else len(text)
    assert (_sentence_start(text, start), _sentence_end(text, end)) == (left, right)


@pytest.mark.parametrize("phrase", EVERY_ALTERNATIVE)
def test_the_quick_word_search_covers_every_phrase(phrase):
    assert phrase_level(phrase) is not None
    assert PHRASE_WORDS.search(phrase.casefold())


def test_the_phrase_table_is_written_in_lower_case():
    # The folded search drops IGNORECASE, so an upper-case letter would never match.
    assert all(pattern.pattern == pattern.pattern.lower() for _, pattern in _PHRASES)
