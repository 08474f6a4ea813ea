"""The shipped word lists the skill finder leans on, read from `data/words/*.txt`.

Each file holds one word per line under a few `#` comment lines saying what the list is and
where it came from; `scripts/make_word_lists.py` writes and tidies them. The files sit beside the
bundled dataset, so `careerplanner.paths` finds them in the source tree, an installed wheel and
the PyInstaller bundle alike. Each list is read once per process.
"""

from __future__ import annotations

from functools import cache

from careerplanner.paths import bundled_data_path

WORDS_FOLDER = "words"


@cache
def read_word_list(file_name: str) -> frozenset[str]:
    """The words of `data/words/<file_name>`: every line that is not blank or a `#` comment."""
    text = bundled_data_path(WORDS_FOLDER, file_name).read_text(encoding="utf-8")
    return frozenset(
        word for word in (line.strip() for line in text.splitlines()) if word and word[0] != "#"
    )


def common_words() -> frozenset[str]:
    """Ordinary lower-case English words, so a skill spelled like one ("Quest") needs context."""
    return read_word_list("common-words.txt")


def always_common_words() -> frozenset[str]:
    """Short words that need context whatever the vocabulary says ("go", "may", "use")."""
    return read_word_list("always-common-words.txt")


def cue_words() -> frozenset[str]:
    """Words that, next to an ambiguous name ("Go programming"), say it is a technology."""
    return read_word_list("cue-words.txt")


def title_words() -> frozenset[str]:
    """The head words of job titles in every trade ("nurse", "chef", "paralegal")."""
    return read_word_list("title-words.txt")
