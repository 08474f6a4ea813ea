"""Cleaning extracted text before anything looks for skills in it.

PDF and DOCX text arrives with ligatures (U+FB01 "ﬁ"), soft hyphens, words hyphen-split across
lines, icon-font glyphs (private-use characters, emoji, `(cid:N)` placeholders) and non-breaking
spaces. `clean_text` turns it into plain text whose lines still correspond to the source lines,
so evidence quotes read the way the person wrote them.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable

SOFT_HYPHEN = "\u00ad"
_CID = re.compile(r"\(cid:\d+\)")
# Private-use area (icon fonts such as Font Awesome) and the emoji/pictograph blocks.
_ICONS = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff\U0001f000-\U0001faff\u2600-\u27bf]")
_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\t\f\v]")
# A word broken at the end of a line ("imple-\nmented", LaTeX's soft hyphen "Con\u00ad\nsul").
_LINE_SPLIT = re.compile(r"([^\W\d_]{1,40})[-\u00ad]\n[ ]*([a-z][^\W_]*)")
_MID_SOFT_HYPHEN = re.compile(r"([^\W_]+)\u00ad([^\W_]+)")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
# Every character the three patterns above replace or remove, and more (all of U+2600 and up):
# one quick search says whether any of the three slower passes can change the text at all.
# (Everything from U+2600 up as "not below it": the same set, but the range to U+10FFFF took
# the regex compiler 8-20 ms at every start.)
_MAY_NEED_REPLACING = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f\u00a0\u2000-\u200b\u202f\u205f]|[^\x00-\u25ff]"
)
NON_ASCII = re.compile("[^\x00-\x7f]")
_ASCII_WORD_CHARS = string.ascii_letters + string.digits
_FOLDS_IN_PLACE: dict[str, bool] = {}  # character -> verdict of _folds_in_place, filled lazily


def clean_text(text: str, is_word: Callable[[str], bool] | None = None) -> str:
    """NFKC-normalise and repair `text`, keeping one output line per input line.

    `is_word(word)` tells whether a joined word is known (a vocabulary token or a common word);
    it decides whether "cloud-\\nnative" stays hyphenated (both halves are words and the join is
    not) or "Con\\u00ad\\nsul" becomes "Consul". Without it every line-end split is joined.
    """
    text = unicodedata.normalize("NFKC", text)
    for dash in "\u2010\u2011\u2212":
        if dash in text:
            text = text.replace(dash, "-")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "(cid:" in text:
        text = _CID.sub(" ", text)
    if _MAY_NEED_REPLACING.search(text):
        text = _ICONS.sub(" ", text)
        text = _SPACES.sub(" ", text)
        text = _CONTROL.sub("", text)

    def join(first: str, second: str) -> str | None:
        joined = first + second
        if is_word is None or is_word(joined.lower()):
            return joined
        if is_word(first.lower()) and is_word(second.lower()):
            return None
        return joined

    def fix_line_split(match: re.Match) -> str:
        first, second = match.group(1), match.group(2)
        joined = join(first, second)
        # The line break moves after the repaired word so later lines keep their numbers.
        return f"{joined}\n" if joined is not None else f"{first}-{second}\n"

    def fix_soft_hyphen(match: re.Match) -> str:
        first, second = match.group(1), match.group(2)
        joined = join(first, second)
        return joined if joined is not None else f"{first}-{second}"

    # The split patterns are slow to scan, so run them only where a split can be.
    if "-\n" in text or "\u00ad\n" in text:
        text = _LINE_SPLIT.sub(fix_line_split, text)
    if SOFT_HYPHEN in text:
        text = _MID_SOFT_HYPHEN.sub(fix_soft_hyphen, text)
        text = text.replace(SOFT_HYPHEN, "-")
    return text


def fold_in_place(text: str) -> str | None:
    """`text` case-folded with every character where it was, or None when that is not possible.

    The skill finder compares case-folded tokens and the depth phrases are matched without
    regard to case. Folding the whole text at once is much cheaper than folding each token, and
    it gives the same tokens at the same offsets when every character folds to exactly one
    character of the same kind (a letter stays a letter, anything else stays as it is) and no
    non-ASCII character folds to, or case-insensitively matches, an ASCII letter or digit
    (Kelvin "\u212a", dotless "\u0131", long "\u017f"). Callers fall back to folding token by
    token on None.
    """
    if text.isascii():
        return text.lower()
    verdicts = _FOLDS_IN_PLACE
    for char in set(NON_ASCII.findall(text)):
        safe = verdicts.get(char)
        if safe is None:
            safe = verdicts[char] = _folds_in_place(char)
        if not safe:
            return None
    return text.casefold()


def _folds_in_place(char: str) -> bool:
    folded = char.casefold()
    if len(folded) != 1 or folded.isalnum() != char.isalnum():
        return False
    if not char.isalnum():
        return folded == char
    if folded.isascii() or folded.isdecimal() != char.isdecimal():
        return False
    return not any(
        re.fullmatch(ascii_char, candidate, re.IGNORECASE)
        for ascii_char in _ASCII_WORD_CHARS
        for candidate in (char, folded)
    )
