"""A line names a job title when one of its whole words is a title's word, in any case."""

from __future__ import annotations

import pytest

from careerplanner.importers.resume.sections import has_title_word


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Registered Nurse", True),
        ("SENIOR SOFTWARE ENGINEERS", True),  # capitals and a plural
        ("Co-Founder & CTO", True),
        ("Cofounder, Initech", True),
        ("Sous Chef — Le Bistro", True),
        ("Staff Nurse (ICU)", True),
        # Trades whose occupation has few alternate titles in O*NET, named by its own title
        ("Clinical Pharmacist", True),
        ("Licensed Plumber", True),
        ("Registered Dietitian", True),
        ("Engineering Department", False),  # the field, not the worker
        ("Nursery rhymes", False),  # a title's word inside another word
        ("Boston, MA", False),
        ("", False),
    ],
)
def test_title_words_are_whole_words_in_any_case(line, expected):
    assert has_title_word(line) is expected


def test_words_with_letters_beyond_ascii_follow_the_same_rule():
    assert has_title_word("Chefs de partie, Zürich") is True
    assert has_title_word("Ingénieur") is False  # not a word of the English title list
