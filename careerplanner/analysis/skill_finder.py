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
import re
from collections.abc import Iterable
from dataclasses import dataclass

from careerplanner.analysis.text import clean_text
from careerplanner.core.skills import SkillTerm

# Words, plus the punctuation technology names are made of. "." and "/" count only when glued
# to a following word ("Node.js", ".NET", "CI/CD"), so a sentence's full stop is not a token.
_TOKEN = re.compile(r"[^\W_]+|[+#]+|[./&](?=[^\W_])")
# What may stand between two items of a list: separators and "and"/"or".
_LIST_GAP = re.compile(
    r"\s*(?:[,;/|•·▪‣◦*&()\[\]:+-]+|\b(?:and|or|using|with|plus)\b)[\s,;/|•·▪‣◦*&()\[\]:+-]*"
    r"(?:\b(?:and|or)\b[\s,;/|•·&()-]*)?",
    re.I,
)
_NEWLINE = re.compile(r"\n")
_NAME_GAP = " \t\n-"  # what may separate the words of one name
_END = ""  # the trie key that marks the end of a name (no token is empty)
_CUE_WORDS = frozenset(
    [
        "programming",
        "language",
        "languages",
        "lang",
        "scripting",
        "framework",
        "frameworks",
        "stack",
        "skills",
        "technologies",
        "toolkit",
        "sdk",
        "library",
        "libraries",
        "programmer",
        "compiler",
        "runtime",
    ]
)
_CUE_REACH = 3  # tokens either side of an ambiguous name where a cue word counts

# English words common enough that a name spelled like them always needs context, whatever the
# vocabulary says. The vocabulary adds its own list (see vocabulary.common_words).
BASE_COMMON_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "do",
        "for",
        "go",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "on",
        "or",
        "so",
        "the",
        "to",
        "up",
        "us",
        "we",
        "all",
        "any",
        "can",
        "get",
        "has",
        "how",
        "let",
        "may",
        "new",
        "not",
        "now",
        "one",
        "our",
        "out",
        "own",
        "put",
        "run",
        "see",
        "set",
        "she",
        "two",
        "use",
        "way",
        "who",
        "why",
        "yes",
        "you",
        "your",
    ]
)


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


_DOMAIN = re.compile(r"\.(?:com|org|net|io|dev|me|ai|co|edu|gov|app|so)\b", re.I)


def _inside_address(text: str, matches, item) -> bool:
    """True for a name that is part of a web or e-mail address ("github.com/me", "@docker")."""
    start, end = matches[item[0]].start(), matches[item[1] - 1].end()
    if start and text[start - 1] in "/@":
        return True
    return _DOMAIN.match(text, end) is not None


def tokenize(text: str) -> list[str]:
    """The lower-case tokens of `text` as the finder compares them."""
    return [m.group().casefold() for m in _TOKEN.finditer(text)]


def _has_capitals(form: str) -> bool:
    return any(ch.isupper() for ch in form)


class SkillFinder:
    """Finds the skills of a vocabulary in text. Build once, call `find` many times."""

    def __init__(
        self,
        terms: Iterable[SkillTerm],
        needs_context: Iterable[str] = (),
        common_words: Iterable[str] = (),
    ) -> None:
        self.common_words = frozenset(w.casefold() for w in common_words) | BASE_COMMON_WORDS
        forced = {" ".join(tokenize(f)) for f in needs_context}
        # A trie of token sequences: each node maps a token to the next node; _END holds the
        # entry of a name that ends there. Matching walks it once per position.
        self._trie: dict = {}
        self._names: dict[str, str] = {}
        self.vocabulary_tokens: set[str] = set()
        for term in terms:
            self._names.setdefault(term.key, term.name)
            for form in (term.name, *term.aliases):
                self._add(term, form, forced)

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
        entry = _Entry(term.key, term.name, form, ambiguous, shouting)
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
        for variant in variants:
            node = self._trie
            for token in variant:
                node = node.setdefault(token, {})
            node.setdefault(_END, entry)  # the first spelling registered keeps a sequence

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
        matches = list(_TOKEN.finditer(text))
        if text.isascii():
            # ASCII lower-casing keeps every offset, so one C-level pass gives the tokens.
            tokens = _TOKEN.findall(text.lower())
        else:
            tokens = [m.group().casefold() for m in matches]
        trie = self._trie
        found: list[tuple[int, int, _Entry]] = []  # (first token, last token + 1, entry)
        count = len(tokens)
        resume_at = 0  # the token after the last match: matches never overlap
        # Only tokens that can start a name are walked from; one quick pass picks them.
        for i in [n for n, token in enumerate(tokens) if token in trie]:
            if i < resume_at:
                continue
            node = trie[tokens[i]]
            best, best_end = node.get(_END), i + 1
            j = i + 1
            while j < count:
                node = node.get(tokens[j])
                if node is None:
                    break
                # A name runs over spaces and hyphens only: "AWS (S3" is not "AWS S3".
                gap = text[matches[j - 1].end() : matches[j].start()]
                if gap and not gap.isspace() and gap.strip(_NAME_GAP):
                    break
                j += 1
                entry = node.get(_END)
                if entry is not None:
                    best, best_end = entry, j
            if best is None:
                continue
            found.append((i, best_end, best))
            resume_at = best_end
        if not found:
            return []
        found = [item for item in found if not _inside_address(text, matches, item)]
        if not found:
            return []
        accepted = self._resolve_ambiguous(text, matches, tokens, found, trusted, known)
        line_starts = [m.start() for m in _NEWLINE.finditer(text)]
        return [self._mention(text, matches, found[n], line_starts) for n in accepted]

    def _resolve_ambiguous(self, text, matches, tokens, found, trusted, known) -> list[int]:
        surface_ok = []
        confirmed = []
        for first, last, entry in found:
            surface = text[matches[first].start() : matches[last - 1].end()]
            if entry.acronym and not surface.isupper() and not trusted:
                surface_ok.append(False)
                confirmed.append(False)
                continue
            case_ok = (
                not entry.ambiguous
                or not _has_capitals(entry.form)
                or (surface[:1].isupper() and (surface.isupper() or not entry.form.isupper()))
            )
            surface_ok.append(case_ok)
            confirmed.append(case_ok and (trusted or not entry.ambiguous or entry.key in known))
        for n, (first, last, entry) in enumerate(found):
            if entry.ambiguous and surface_ok[n] and not confirmed[n]:
                low, high = max(0, first - _CUE_REACH), min(len(tokens), last + _CUE_REACH)
                if any(t in _CUE_WORDS for t in tokens[low:high]):
                    confirmed[n] = True
        changed = True
        while changed:  # a list such as "Go, R, C and Python" confirms itself from one end
            changed = False
            for n in range(len(found)):
                if confirmed[n] or not surface_ok[n]:
                    continue
                if (
                    n > 0 and confirmed[n - 1] and self._adjacent(text, matches, found, n - 1, n)
                ) or (
                    n + 1 < len(found)
                    and confirmed[n + 1]
                    and self._adjacent(text, matches, found, n, n + 1)
                ):
                    confirmed[n] = changed = True
        return [n for n in range(len(found)) if confirmed[n]]

    @staticmethod
    def _adjacent(text, matches, found, left: int, right: int) -> bool:
        gap = text[matches[found[left][1] - 1].end() : matches[found[right][0]].start()]
        return len(gap) <= 40 and _LIST_GAP.fullmatch(gap) is not None

    @staticmethod
    def _mention(text, matches, item, line_starts) -> Mention:
        first, last, entry = item
        start, end = matches[first].start(), matches[last - 1].end()
        line = bisect.bisect_right(line_starts, start) + 1
        return Mention(entry.key, entry.name, text[start:end], start, end, line)
