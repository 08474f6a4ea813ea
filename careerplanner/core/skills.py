"""Skills as the rest of the app sees them, independent of where they were imported from."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SkillTerm:
    """One entry of the skill vocabulary the skill finder matches against.

    `key` is the stable identity that survives dataset updates (see `skill_key`); `name` the
    canonical display name; `aliases` other spellings (ESCO alternative labels, curated aliases).
    """

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "technology"  # technology | skill | knowledge | esco | custom


def normalise(text: str) -> str:
    """NFKC, case-folded, inner whitespace collapsed: the form names are compared in."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", folded).strip()


_MINOR_WORDS = frozenset(["and", "of", "for", "the", "&", "in", "on", "to", "a", "an", "with"])


def initials(name: str, keep_minor: bool = False) -> str:
    """The first letters of a name's words, in capitals: "Welfare Management System" -> "WMS",
    "pay-per-click" -> "PPC". Small words ("of", "and") count only with `keep_minor`."""
    words = name.replace("-", " ").split()
    return "".join(w[0] for w in words if keep_minor or w.casefold() not in _MINOR_WORDS).upper()


def skill_key(kind: str, name: str) -> str:
    """A stable key: the kind plus the normalised name (`technology:python`).

    O*NET Skills and Knowledge use their element id instead (`onet:2.B.3.e`), which the dataset
    importer passes as `name`.
    """
    return f"{kind}:{normalise(name)}"


@dataclass
class SkillEvidence:
    """A line of the source text that justifies a skill or its level."""

    text: str
    section: str = ""
    reason: str = ""  # "listed in Skills", "3.5 years at Acme", "led", ...


@dataclass
class FoundSkill:
    """A skill found in a resume or a job ad, with its depth and the evidence for it."""

    key: str
    name: str
    level: int
    evidence: list[SkillEvidence] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    in_taxonomy: bool = True
