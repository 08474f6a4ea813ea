"""Reading order of a page's text boxes (coordinates as pdfminer gives them, y growing upwards)."""

from __future__ import annotations

from careerplanner.importers.resume.columns import Box, page_text

WIDTH = 612.0


def _box(x0, top, x1, *lines, height=12.0):
    """A box whose lines start at `top` and go down one `height` each."""
    parts = tuple(
        Box(x0, top - (i + 1) * height, x1, top - i * height, text + "\n")
        for i, text in enumerate(lines)
    )
    return Box(x0, top - len(lines) * height, x1, top, "".join(p.text for p in parts), parts)


def test_a_margin_note_follows_the_line_level_with_it():
    built = "• Built foundation model infrastructure serving 2M+ monthly API requests"
    raised = "• Raised $18M Series A led by Sequoia Capital, with a16z and Founders Fund"
    entry = _box(56, 500, 430, "Nexus AI, Co-Founder & CTO", built, raised)
    note = _box(470, 500, 556, "San Francisco, CA", "June 2023 – present")
    designed = "• Designed sparse attention"
    next_entry = _box(56, 440, 430, "NVIDIA Research, Research Intern", designed)
    # pdfminer orders boxes by their bottom edge: the note (two lines) before the entry.
    text = page_text([note, entry, next_entry], WIDTH)
    assert text.splitlines() == [
        "Nexus AI, Co-Founder & CTO",
        "San Francisco, CA",
        "June 2023 – present",
        built,
        raised,
        "NVIDIA Research, Research Intern",
        designed,
    ]


def test_a_margin_note_with_nothing_beside_it_keeps_its_place():
    stamp = _box(464, 770, 556, "Last updated in Mar 2026")
    name = _box(244, 740, 368, "John Doe")
    summary = "RenderCV reads a CV written in a YAML file and generates a PDF with typography."
    body = _box(56, 700, 430, "Welcome to RenderCV", summary, "Each section title is arbitrary.")
    text = page_text([stamp, name, body], WIDTH)
    assert text.splitlines() == [
        "Last updated in Mar 2026",
        "John Doe",
        "Welcome to RenderCV",
        summary,
        "Each section title is arbitrary.",
    ]


def test_a_page_without_margin_notes_keeps_pdfminer_order():
    boxes = [_box(56, 700, 430, "Summary", "Ten years of Python"), _box(56, 650, 300, "Skills")]
    assert page_text(boxes, WIDTH).splitlines() == ["Summary", "Ten years of Python", "Skills"]
