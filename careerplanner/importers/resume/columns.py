"""Reading order for one- and two-column pages (sidebars included).

pdfminer gives text boxes with coordinates. On a two-column page the boxes of both columns
alternate from top to bottom, so sections of one column end up inside the other's. Here a page
is split at a vertical gutter that no box (or almost none) crosses while each side holds a fair
share of the text; boxes that cross it (a full-width name or heading) cut the page into bands,
and each band is read left column first, then right. A page without such a gutter is read top
to bottom, left to right.
"""

from __future__ import annotations

from typing import NamedTuple

MIN_SIDE_SHARE = 0.15  # each column holds at least this share of the page's characters
MAX_CROSSING_SHARE = 0.10  # boxes crossing the gutter hold at most this share


class Box(NamedTuple):
    x0: float
    y0: float
    x1: float
    y1: float  # PDF coordinates grow upwards: y0 is the bottom edge, y1 the top
    text: str


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


def reading_order(boxes: list[Box], width: float) -> list[Box]:
    """The boxes of one page in the order a person reads them."""
    gutter = find_gutter(boxes, width)
    if gutter is None:
        return list(boxes)  # pdfminer's own order (boxes_flow=None) reads one column well
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
