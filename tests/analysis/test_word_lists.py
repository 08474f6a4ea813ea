"""The shipped word lists under data/words/: readable, tidy, and what the skill finder uses."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from careerplanner.analysis.skill_finder import SkillFinder
from careerplanner.analysis.word_lists import (
    always_common_words,
    common_words,
    cue_words,
    read_word_list,
)
from careerplanner.core.skills import SkillTerm

ROOT = Path(__file__).resolve().parents[2]
WORDS_DIR = ROOT / "data" / "words"


def _make_word_lists():
    spec = importlib.util.spec_from_file_location(
        "make_word_lists", ROOT / "scripts" / "make_word_lists.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_lists_hold_words_not_their_headers():
    assert {"computer", "database", "management"} <= common_words()
    assert {"go", "use", "may"} <= always_common_words()
    assert {"programming", "language", "framework"} <= cue_words()
    for words in (common_words(), always_common_words(), cue_words()):
        assert not any(w.startswith("#") or w != w.strip() or not w for w in words)


@pytest.mark.parametrize("path", sorted(WORDS_DIR.glob("*.txt")), ids=lambda p: p.name)
def test_every_list_is_tidy_and_says_what_it_is(path):
    # The script's tidy step would leave the file as it is: sorted, de-duplicated, lower case.
    text = path.read_text(encoding="utf-8")
    header, words = _make_word_lists().split_list(text)
    assert header, f"{path.name} needs a # header saying what the list is and where it came from"
    assert text == "\n".join([*header, *sorted(words)]) + "\n"
    assert read_word_list(path.name) == words


def test_the_finder_takes_its_short_words_and_cues_from_the_lists():
    finder = SkillFinder([SkillTerm("go", "Go"), SkillTerm("kafka", "Kafka")])
    assert always_common_words() <= finder.common_words
    assert finder.find("Go programming") and not finder.find("Go to the shop")
