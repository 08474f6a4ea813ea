"""Job ads inside an e-mail (`.eml`): a job alert holds several, a forwarded ad one.

The message is parsed by the standard library's `email` package (MIME parts, transfer encodings
and character sets are its business). The body is its plain-text part, else its HTML part turned
into lines. A job alert separates its ads by a rule ("-----", "_____", "*****") or repeats a
"View job" link after each; each piece with enough words is one ad, its first line the title.
Links are kept as the ad's link and never opened.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import lxml.html
from lxml.etree import ParserError

from careerplanner.errors import UserError
from careerplanner.importers.ads.html_text import page_lines

_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}: ", re.M)
_RULE = re.compile(r"^\s*(?:[-_=*~#]\s*){3,}$", re.M)
_LINK = re.compile(r"https?://[^\s<>\"')\]]+")
# An alert's "View job" / "Apply now" line ends one ad; what follows is the next.
_END_OF_AD = re.compile(
    r"^\s*(?:view (?:this )?job|apply now|see (?:the )?job|view details)\b.*$", re.I | re.M
)
# The alert's own opening lines ("Hello Ada,", "Here are 5 new jobs for you") are not an ad's.
_GREETING = re.compile(
    r"^\s*(?:hi|hello|dear|hey|good (?:morning|afternoon|evening)|here (?:are|is)|we found|"
    r"\d+ new jobs?|new jobs? for you)\b",
    re.I,
)
MIN_AD_WORDS = 15  # a piece shorter than this is the alert's greeting or footer, not an ad


class EmailAd:
    __slots__ = ("link", "text", "title")

    def __init__(self, text: str, title: str, link: str) -> None:
        self.text, self.title, self.link = text, title, link


def looks_like_email(data: bytes) -> bool:
    """RFC 822 headers at the top, with a From and a Subject among them."""
    head = data[:8192]
    if not _HEADER.match(head):
        return False
    headers = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    return re.search(rb"^From: ", headers, re.M | re.I) is not None and (
        re.search(rb"^Subject: ", headers, re.M | re.I) is not None
    )


def email_ads(path: Path, data: bytes) -> tuple[str, list[EmailAd]]:
    """(the e-mail's subject, its ads), or UserError when it holds no text."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage):
        raise UserError(f"{path.name} is not an e-mail Career Planner can read.")
    subject = " ".join(str(message.get("subject", "")).split())
    body = _body_text(path, message)
    if not re.search(r"[^\W\d_]{2,}", body):
        raise UserError(f"{path.name} is an e-mail with no text in it; there is no job ad to read.")
    pieces = _split(body)
    ads = []
    for piece in pieces:
        lines = [line for line in piece.splitlines() if line.strip()]
        while lines and _GREETING.match(lines[0]):
            del lines[0]
        piece = "\n".join(lines)
        if len(piece.split()) < MIN_AD_WORDS:
            continue
        link = _LINK.search(piece)
        title = next(
            (line.strip(" -*•") for line in lines if not _LINK.fullmatch(line.strip())), ""
        )
        ads.append(EmailAd("\n".join(lines), title[:120], link.group(0) if link else ""))
    if not ads:
        raise UserError(f"{path.name} is an e-mail with no job ad in it.")
    return subject, ads


def _body_text(path: Path, message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset or a broken encoding
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        try:
            root = lxml.html.fromstring(content)
        except (ParserError, ValueError):
            raise UserError(f"{path.name} holds an HTML part that cannot be read.") from None
        return "\n".join(page_lines(root))
    return content


def _split(body: str) -> list[str]:
    """The body's pieces, one per ad: cut at rules, and after each "View job" line."""
    pieces = []
    for block in _RULE.split(body):
        start = 0
        for end in _END_OF_AD.finditer(block):
            pieces.append(block[start : end.end()])
            start = end.end()
        pieces.append(block[start:])
    return [piece.strip() for piece in pieces if piece.strip()]
