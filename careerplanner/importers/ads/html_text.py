"""The job ad inside a web page saved from a browser: its main text, not the site around it.

readability-lxml (the algorithm of Firefox's Reader View) picks the block of the page that holds
the article and drops navigation, headers, footers and sidebars; lxml then turns that block into
lines, one per paragraph, heading or list item, so the ad's sections and bullets survive.
Nothing the page links to is ever fetched: the page is parsed from the bytes on disk.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml.etree import ParserError
from readability import Document

from careerplanner.errors import UserError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<head|<body)", re.I)
# Elements whose text starts on a line of its own.
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "br", "tr", "table", "section", "article", "header",
    "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "pre",
}  # fmt: skip
_DROPPED = {"script", "style", "noscript", "template", "svg"}


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048].lstrip("\ufeff")))


def html_ad_text(path: Path, html: str) -> tuple[str, str]:
    """(page title, the ad's main text as lines) of a saved page."""
    try:
        document = Document(html)
        title = document.short_title() or ""
        main = lxml.html.fromstring(document.summary(html_partial=True))
    except (ParserError, ValueError, TypeError) as error:
        raise UserError(f"{path.name} is not a readable HTML page ({error}).") from None
    text = "\n".join(page_lines(main))
    if not re.search(r"[^\W\d_]{2,}", text):
        raise UserError(f"{path.name} is an HTML page with no text in it.")
    return title.strip(), text


def page_lines(root) -> list[str]:
    """The element's text, a new line at each block element, white space collapsed."""
    parts: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _DROPPED:
            if element.tail:
                parts.append(element.tail)
            return
        block = tag in _BLOCKS
        if block:
            parts.append("\n")
        if tag == "li":
            parts.append("- ")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if block:
            parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line and line != "-"]
