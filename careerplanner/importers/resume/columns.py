"""Reading order for one- and two-column pages (sidebars included).

pdfminer gives text boxes with coordinates. On a two-column page the boxes of both columns
alternate from top to bottom, so sections of one column end up inside the other's. Here a page
is split at a vertical gutter that no box (or almost none) crosses while each side holds a fair
share of the text; boxes that cross it (a full-width name or heading) cut the page into bands,
and each band is read left column first, then right. A page without such a gutter is read top
to bottom, left to right.

Many templates (RenderCV, Awesome-CV) put an entry's place and dates in a narrow block flush
with the right margin, level with the entry's first line. Read top to bottom, that block lands
after the entry's bullets or even after the next entry; a person reads it right after the line
beside it. So a margin note is placed after the line of the main text level with its top.
"""

from __future__ import annotations

from typing import NamedTuple

MIN_SIDE_SHARE = 0.15  # each column holds at least this share of the page's characters
MAX_CROSSING_SHARE = 0.10  # boxes crossing the gutter hold at most this share
MARGIN_NOTE_LEFT = 0.72  # a margin note starts in the rightmost 28% of the page …
MARGIN_NOTE_LINES = 4  # … and is a short block: place, dates, duration
LEVEL_TOLERANCE = 6.0  # points: a line is level with a note when their tops are this close


class Box(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float  # PDF coordinates grow upwards: y0 is the bottom edge, y1 the top
    text: str
    # The box's text lines, each a Box of its own, top to bottom (empty: one unit).
    lines: tuple[Box, ...] = ()


def _top_down(box: Box) -> tuple[float, float]:
    # By the bottom edge, as pdfminer orders boxes with boxes_flow=None.
    return (-box.y0, box.x0)


def find_gutter(boxes: list[Box], width: float) -> float | None:
    """The x of a column gutter, or None for a one-column page."""
    total = sum(len(b.text) for b in boxes) or 1
    best: tuple[int, float] | None = None
    for step in range(int(width * 0.2), int(width * 0.8), 2):
        x = float(step)
        left = sum(len(b.text) for b in boxes if b.x1 <= x)
        right = sum(len(b.text) for b in boxes if b.x0 >= x)
        crossing = total - left - right
        if (
            left >= MIN_SIDE_SHARE * total
            and right >= MIN_SIDE_SHARE * total
            and crossing <= MAX_CROSSING_SHARE * total
            and (best is None or crossing < best[0])
        ):
            best = (crossing, x)
    return best[1] if best else None


def is_margin_note(box: Box, width: float) -> bool:
    """A short block at the right margin, such as "San Francisco, CA / June 2023 – present"."""
    count = len(box.lines) or len(box.text.splitlines())
    return box.x0 >= MARGIN_NOTE_LEFT * width and 0 < count <= MARGIN_NOTE_LINES


def _with_margin_notes(boxes: list[Box], width: float) -> list[Box]:
    """One-column reading order with each margin note moved after the line level with it.

    The main text is read line by line, so that a note follows the first line of an entry
    rather than the whole entry. A note with no line level with it keeps its place.
    """
    notes = [b for b in boxes if is_margin_note(b, width)]
    if not notes:
        return list(boxes)
    # Line by line from the top: pdfminer orders whole boxes by their bottom edge, so a
    # one-line box can come before a taller box that starts above it.
    main_lines = sorted(
        (line for b in boxes if b not in notes for line in (b.lines or (b,))),
        key=lambda line: (-line.y1, line.x0),
    )
    beside: dict[int, list[Box]] = {}
    unplaced: list[Box] = []
    for note in notes:
        level = [
            (abs(line.y1 - note.y1), index)
            for index, line in enumerate(main_lines)
            if abs(line.y1 - note.y1) <= LEVEL_TOLERANCE and line.x1 <= note.x0
        ]
        if level:
            beside.setdefault(min(level)[1], []).append(note)
        else:
            unplaced.append(note)
    ordered: list[Box] = []
    for index, line in enumerate(main_lines):
        ordered.append(line)
        ordered.extend(beside.get(index, ()))
    for note in unplaced:  # before the first line that starts lower on the page
        at = next((i for i, b in enumerate(ordered) if b.y1 < note.y1), len(ordered))
        ordered.insert(at, note)
    return ordered


def reading_order(boxes: list[Box], width: float) -> list[Box]:
    """The boxes of one page in the order a person reads them."""
    gutter = find_gutter(boxes, width)
    if gutter is None:
        return _with_margin_notes(boxes, width)
    spanning = sorted((b for b in boxes if b.x0 < gutter < b.x1), key=_top_down)
    in_columns = [b for b in boxes if not (b.x0 < gutter < b.x1)]
    ordered: list[Box] = []
    upper = float("inf")
    for divider in [*spanning, None]:
        lower = divider.y0 if divider is not None else float("-inf")
        band = [b for b in in_columns if lower < b.y0 <= upper]
        ordered += sorted((b for b in band if b.x1 <= gutter), key=_top_down)
        ordered += sorted((b for b in band if b.x1 > gutter), key=_top_down)
        if divider is not None:
            ordered.append(divider)
        upper = lower
    return ordered


def page_text(boxes: list[Box], width: float) -> str:
    return "".join(
        b.text if b.text.endswith("\n") else b.text + "\n" for b in reading_order(boxes, width)
    )
