"""The sense of a short form with two meanings, from the other words of the document.

The vocabulary gives a short form its common sense: "GCP" is Google Cloud Platform, "EMR" Amazon's
Elastic MapReduce. In a clinical trial's ad "GCP" is Good Clinical Practice, and on a nurse's
resume "EMR" is the electronic medical record. `data/senses.csv` names, for each such short form,
the words of the other sense's domain; a document that uses any of them means that sense.
"""

from __future__ import annotations

import csv
import re
from functools import cache

from careerplanner.core.skills import skill_key
from careerplanner.paths import bundled_data_path

SENSES_FILE = "senses.csv"


@cache
def _senses() -> dict[str, tuple[re.Pattern, str]]:
    """short form (as written) -> (the domain's words as one pattern, the other sense's name)."""
    path = bundled_data_path(SENSES_FILE)
    senses = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            words = [re.escape(w.strip()) for w in row["domain_words"].split("|") if w.strip()]
            pattern = re.compile(rf"\b(?:{'|'.join(words)})\b", re.I)
            senses[row["short_form"].strip()] = (pattern, row["sense"].strip())
    return senses


class SenseResolver:
    """Gives each short form of one document its sense there. Build per document."""

    def __init__(self, text: str, finder) -> None:
        self._text = text
        self._finder = finder
        self._verdicts: dict[str, tuple[str, str] | None] = {}

    def sense(self, surface: str) -> tuple[str, str] | None:
        """(key, name) of the sense `surface` has in this document, when it is not the one the
        vocabulary gave it; else None."""
        if surface not in self._verdicts:
            self._verdicts[surface] = self._decide(surface)
        return self._verdicts[surface]

    def _decide(self, surface: str) -> tuple[str, str] | None:
        entry = _senses().get(surface)
        if entry is None or entry[0].search(self._text) is None:
            return None
        name = entry[1].split(" (")[0]  # "Good Clinical Practice (GCP)": the words, found whole
        mentions = self._finder.find(name, trusted=True)
        if mentions and mentions[0].start == 0 and mentions[0].end == len(name):
            return mentions[0].key, mentions[0].name
        # A sense no dataset names ("Electrical Metallic Tubing (EMT)", the electrician's
        # conduit) is a skill of its own name, not the vocabulary's other sense.
        return skill_key("custom", name), entry[1]
