"""Case-insensitive patterns matched fast: the same pattern in lower case, over folded text.

Python's `re` skips ahead to where a match can start only when it knows the first character;
under IGNORECASE it knows none, and tries every branch of an alternation at every position.
Matched without IGNORECASE over text already in lower case (`analysis.text.fold_in_place`),
the lower-case pattern gives the same matches at the same offsets 2-3 times faster: its
letters are literals, and an ASCII letter matches a letter of the folded text exactly when the
original pattern matched the original letter. Most patterns also need one of a few words
(`required_words`): a sentence without any is answered by plain substring tests.
"""

from __future__ import annotations

import re

# The standard library's own parser of patterns (private, stable within a Python version):
# `required_words` reads what a pattern's matches must hold from its parsed form. A Python
# without them loses only the prefilter (every pattern is then searched), never a match.
try:
    from re import _constants, _parser
except ImportError:  # pragma: no cover - every Python from 3.11 to 3.14 has them
    _constants = _parser = None

from careerplanner.analysis.text import fold_in_place


def folded_pattern(pattern: re.Pattern) -> re.Pattern:
    """`pattern` (compiled with IGNORECASE) in lower case, for text in lower case.

    Escapes keep their case (`\\W` is not `\\w`), and so do named groups (`(?P<n>`); a
    pattern with a case-sensitive part (`(?-i:...)`) cannot be folded and is refused.
    """
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or "(?-i" in source:
        raise ValueError(f"not a case-insensitive pattern: {source!r}")
    lowered, at = [], 0
    while at < len(source):
        if source[at] == "\\":
            kept = 2  # an escape: "\\W" is not "\\w"
        elif source.startswith(("(?P<", "(?P="), at):
            kept = source.index(">" if source[at + 3] == "<" else ")", at) + 1 - at
        else:
            lowered.append(source[at].lower())
            at += 1
            continue
        lowered.append(source[at : at + kept])
        at += kept
    return re.compile("".join(lowered), pattern.flags & ~re.IGNORECASE)


def fold_text(text: str) -> str | None:
    """`text` folded for the patterns of `folded_pattern`, every character where it was
    (`analysis.text.fold_in_place`), else None: the caller then matches the case-insensitive
    pattern itself."""
    return fold_in_place(text)


class Prefiltered:
    """A pattern with the words one of which every match holds (`required_words`): a text
    holding none of them is answered None without the pattern, by plain substring tests that
    are many times faster than the pattern's search."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.words = required_words(pattern)

    def may_match(self, text: str) -> bool:
        return self.words is None or any(word in text for word in self.words)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        if self.words is not None and not self.may_match(text[pos:end]):
            return iter(())
        return self.pattern.finditer(text, pos, end)


def required_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` (without IGNORECASE) holds, read from
    its parsed form; None when there are none worth testing for."""
    if pattern.flags & re.IGNORECASE or _parser is None:
        return None
    words = _required(_parser.parse(pattern.pattern, pattern.flags).data)
    return None if words is None else tuple(sorted(words, key=lambda word: (-len(word), word)))


# What a piece of a pattern requires: a set of strings, one of which every match of it holds.
# A sequence requires what its best element does (a run of literal characters, or every
# alternative's requirement, or a group's or a repeat's of at least one); the best is the one
# whose shortest string is longest.
_MIN_WORD = 2


def _required(items) -> frozenset[str] | None:
    best, run = None, []

    def consider(words):
        nonlocal best
        if (
            words
            and min(map(len, words)) >= _MIN_WORD
            and (
                best is None
                or (min(map(len, words)), -len(words)) > (min(map(len, best)), -len(best))
            )
        ):
            best = frozenset(words)

    for op, av in items:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        consider({"".join(run)} if run else None)
        run = []
        if op is _constants.SUBPATTERN:
            if not av[1] & re.IGNORECASE:  # "(?i:...)": its letters match either case
                consider(_required(av[-1].data))
        elif op is _constants.BRANCH:
            parts = [_required(branch.data) for branch in av[1]]
            if all(parts):
                consider(frozenset().union(*parts))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2].data))
    consider({"".join(run)} if run else None)
    return best


def alternatives(pattern: re.Pattern) -> list[re.Pattern]:
    """The top-level alternatives of `pattern` (`a|b|c`), each compiled with its flags: text
    matches `pattern` somewhere exactly when it matches one of them somewhere."""
    source, parts, depth, start, at = pattern.pattern, [], 0, 0, 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 1  # an escaped character is no bracket and no bar
        elif char == "[":
            at += 1
            at += source[at] == "^"
            at += source[at] == "]"  # "[]...]": a "]" first is a member of the set
            while source[at] != "]":
                at += 2 if source[at] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:at])
            start = at + 1
        at += 1
    parts.append(source[start:])
    return [re.compile(part, pattern.flags) for part in parts]
