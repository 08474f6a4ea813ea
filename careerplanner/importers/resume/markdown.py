"""Markdown resumes read as plain text: headings and emphasis are layout, not content."""

from __future__ import annotations

import re

_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MARKDOWN_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MARKDOWN_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*])(.+?)(?<=[^\s*])\1(?![\w*])")


def unmark(line: str) -> str:
    """A Markdown line as plain text: "### Senior Designer" -> "Senior Designer",
    "**Studio, LA**" -> "Studio, LA", "*May 2018 - Present*" -> "May 2018 - Present". A bullet
    ("* Python") stays a bullet."""
    if "#" not in line and "*" not in line and "_" not in line:
        return line
    line = _MARKDOWN_HEADING.sub("", line)
    line = _MARKDOWN_STRONG.sub(r"\2", line)
    return _MARKDOWN_EMPHASIS.sub(r"\2", line)
