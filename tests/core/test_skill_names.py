"""A skill name's normal form and its initials (short forms are matched against them)."""

from __future__ import annotations

from careerplanner.core.skills import initials, skill_key


def test_initials_skip_small_words_unless_asked_and_split_hyphens():
    assert initials("Welfare Management System") == "WMS"
    assert initials("quality of service") == "QS"
    assert initials("quality of service", keep_minor=True) == "QOS"
    assert initials("pay-per-click") == "PPC"


def test_a_key_is_the_kind_and_the_normal_form_of_the_name():
    assert skill_key("custom", "  Electrical   Metallic Tubing ") == (
        "custom:electrical metallic tubing"
    )
