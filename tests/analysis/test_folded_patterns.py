"""The reader's fast paths find exactly what the plain patterns find: a job ad reads the same,
only faster (a postings import must stay under 10 s)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careerplanner.analysis import ad_list_items, job_ad_claims, job_ad_sections
from careerplanner.analysis.folded_patterns import (
    alternatives,
    fold_text,
    folded_pattern,
    required_words,
)
from careerplanner.analysis.text import fold_in_place

ADS = Path(__file__).resolve().parent.parent / "fixtures" / "ads"
POSTINGS = Path(__file__).resolve().parent.parent / "fixtures" / "postings"

# Text with capitals, accents, a title's capitals and the words the patterns look for.
_SAMPLES = [
    "EXPERIENCE WITH SQL; Three (3) Years of Experience as a Painter. We are a LEADING firm.",
    "Résumé: Strong knowledge of Program and Policy Evaluation, A/B, usability, and rate "
    "TESTING (e.g. Spotfire, jReview) is a Plus; Equal Opportunity Employer.",
    "Do not apply via Employee Self-Service (ESS). One or a combination of the Following: "
    "budget administration, accounting.",
]


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(ADS.iterdir())]
    texts.append((POSTINGS / "nyc_jobs_postings_slice.csv").read_text(encoding="utf-8"))
    return texts + _SAMPLES


def _spans(matches):
    return [(m.start(), m.end()) for m in matches]


_CASE_INSENSITIVE = [
    job_ad_sections._BOILERPLATE_SENTENCE,
    job_ad_sections._ALTERNATIVES,
    job_ad_sections.NICE_WORDS,
    job_ad_sections.MUST_WORDS,
    job_ad_sections._DEGREE,
    job_ad_sections._DEGREE_END,
    job_ad_sections._ACCREDITED_BY,
    job_ad_claims.YEARS,
    job_ad_claims._ROLE_YEARS,
    *(pattern for _level, pattern in job_ad_claims._AD_CLAIMS),
    ad_list_items.INTRODUCER,
    ad_list_items._SEPARATOR,
    ad_list_items._CLAIM_SEPARATOR,
    ad_list_items._OBJECT_END,
]


@pytest.mark.parametrize("pattern", _CASE_INSENSITIVE, ids=lambda p: p.pattern[:30])
def test_a_folded_pattern_finds_the_same_matches_over_folded_text(pattern):
    fast = folded_pattern(pattern)
    for text in _texts():
        folded = fold_in_place(text)
        assert folded is not None
        assert _spans(fast.finditer(folded)) == _spans(pattern.finditer(text))
        # every match holds one of the words the fast path tests for first
        words = required_words(fast)
        for match in fast.finditer(folded):
            assert words is None or any(word in match.group() for word in words)


def test_folding_keeps_escapes_and_group_names_and_refuses_case_sensitive_parts():
    pattern = re.compile(r"(?P<Word>\W?ABC)\S", re.I)
    assert folded_pattern(pattern).pattern == r"(?P<Word>\W?abc)\S"
    with pytest.raises(ValueError):
        folded_pattern(re.compile("abc"))
    with pytest.raises(ValueError):
        folded_pattern(re.compile("a(?-i:B)", re.I))


def test_text_that_folds_out_of_place_takes_the_plain_pattern():
    assert fold_text("Straße") is None  # "ß" folds to two letters
    assert fold_text("\u212a") is None  # the Kelvin sign matches "k"
    assert fold_text("Café") == "café"


def test_required_words_and_alternatives():
    assert required_words(re.compile(r"\bapply (?:online|via)")) == ("apply ",)
    assert set(required_words(re.compile(r"x(?:leading|global) y"))) == {"leading", "global"}
    assert required_words(re.compile(r"\d+")) is None
    assert required_words(re.compile(r"ab(?i:cdef)")) == ("ab",)
    parts = alternatives(re.compile(r"a[|\]]b|(c|d)|\|e|[^]|]x", re.I))
    assert [p.pattern for p in parts] == [r"a[|\]]b", "(c|d)", r"\|e", "[^]|]x"]
    assert all(p.flags & re.I for p in parts)


def test_coordinated_starts_are_those_of_the_whole_text():
    for text in _texts():
        folded = fold_in_place(text)
        assert ad_list_items.coordinated_starts(text, folded) == (
            ad_list_items.coordinated_starts(text, None)
        )


def test_the_ads_claims_are_the_same_read_folded():
    for text in _texts():
        folded = fold_in_place(text)
        for start in range(0, len(text), 97):
            end = min(len(text), start + 300)
            assert job_ad_claims.find_claims(text, start, end, ad=True) == (
                job_ad_claims.find_claims(text, start, end, ad=True, folded=folded)
            )
        assert job_ad_claims.role_years_level(text) == job_ad_claims.role_years_level(text, folded)
