"""An ad's text with each requirement marked: must-haves and nice-to-haves in two colours.

The text is the user's data, so it is only ever set as plain text; the marks are character
formats applied to the spans the job-ads service gives for each requirement (never HTML built
from the text).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from careerplanner.ui.common.appearance import is_dark

MUST, NICE = "must", "nice"
# Backgrounds readable under the palette's text colour in each scheme.
_COLOURS = {
    (MUST, False): "#ffd89b",
    (NICE, False): "#cfe6ff",
    (MUST, True): "#7a5200",
    (NICE, True): "#1f4a78",
}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    required: str  # "must" | "nice"
    skill: str


def find_marks(requirements: Iterable[tuple[str, str, Iterable[tuple[int, int]]]]) -> list[Mark]:
    """Marks for `(skill name, "must"|"nice", its spans in the text)`, earliest first; where two
    overlap the longer (then the must) one wins."""
    found = [
        Mark(start, end, required, name)
        for name, required, spans in requirements
        for start, end in spans
    ]
    found.sort(key=lambda m: (m.start, -(m.end - m.start), m.required != MUST))
    marks: list[Mark] = []
    for mark in found:
        if marks and mark.start < marks[-1].end:
            continue
        marks.append(mark)
    return marks


def show_marked_text(browser: QTextEdit, text: str, marks: Iterable[Mark]) -> int:
    """Set `text` as plain text and colour each mark; returns how many were coloured."""
    browser.setPlainText(text)
    dark = is_dark(browser.palette())
    cursor = QTextCursor(browser.document())
    formats = {}
    for required in (MUST, NICE):
        char_format = QTextCharFormat()
        char_format.setBackground(QColor(_COLOURS[(required, dark)]))
        if required == MUST:
            char_format.setFontWeight(QFont.Weight.Bold)
        formats[required] = char_format
    count = 0
    length = len(text)
    for mark in marks:
        if not 0 <= mark.start < mark.end <= length:
            continue
        cursor.setPosition(mark.start)
        cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(formats[mark.required])
        count += 1
    browser.moveCursor(QTextCursor.MoveOperation.Start)
    return count


def marked_spans(browser: QTextEdit) -> list[tuple[str, str]]:
    """(marked text, "must"|"nice") as the document holds them (tests, the accessibility check)."""
    dark = is_dark(browser.palette())
    kinds = {QColor(_COLOURS[(required, dark)]).name(): required for required in (MUST, NICE)}
    spans = []
    block = browser.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            char_format = fragment.charFormat()
            colour = char_format.background().color().name()
            if (
                char_format.hasProperty(QTextCharFormat.Property.BackgroundBrush)
                and colour in kinds
            ):
                spans.append((fragment.text(), kinds[colour]))
            iterator += 1
        block = block.next()
    return spans
