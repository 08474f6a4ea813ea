"""A job-ad file of any kind Career Planner reads, as plain text with its title when known.

The kind is recognised from the content (a PDF named .txt is still a PDF); the name only has to
agree with it. Every refusal is one sentence naming the file, and nothing is written anywhere:
the caller stores nothing until the ad has been read whole.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import NamedTuple

from careerplanner.core.progress import NEVER_CANCELLED, CancelToken
from careerplanner.core.regular_file import require_regular
from careerplanner.errors import UserError
from careerplanner.importers.ads.email_ads import email_ads, looks_like_email
from careerplanner.importers.ads.html_text import HTML_SUFFIXES, html_ad_text, looks_like_html
from careerplanner.importers.ads.job_json import read_job_json
from careerplanner.importers.resume.docx_reader import docx_text
from careerplanner.importers.resume.formats import cid_share, sniff_kind
from careerplanner.importers.resume.pdf_reader import PdfWorker, shared_worker

# A job ad is a few kilobytes; a saved web page with its scripts and styles a few megabytes.
# Past this the file is read only up to the cap (HTML, text) and the user is told so.
MAX_READ_BYTES = 5 * 1024 * 1024
MAX_BINARY_BYTES = 20 * 1024 * 1024  # PDF and DOCX are read whole or not at all
MAX_UNPACKED_BYTES = 30 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
# A line ending like this goes on in the next one, whatever letter that starts with.
_GOES_ON = re.compile(r"(?:[,(/&-]|\b(?:and|or|of|the|with|in|for|to|a|an|as|such as|including))$")
_PROSE = re.compile(r"[\w)][.!?] +[A-Z]")
# Word's second-level bullet comes out of a PDF as a lone "o" ("o Use SQL tools to ...").
_BULLETS = ("-", "•", "*", "–", "·", "▪", "◦", "o ")
KINDS = "text, Markdown, HTML, PDF, DOCX, an e-mail (.eml) or a JSON Resume job file (.job.json)"
EMAIL_SUFFIXES = {".eml"}


class RawAd(NamedTuple):
    format: str  # text | html | pdf | docx | job-json | email
    text: str
    title: str = ""
    notes: tuple[str, ...] = ()  # what the user should know (e.g. the file was cut at the cap)
    # Fields the file states apart from its text (a job file's, an alert's link); "" otherwise.
    company: str = ""
    location: str = ""
    salary: str = ""
    link: str = ""
    cut: bool = False  # only the first MAX_READ_BYTES were read


def read_ads(
    path: Path, cancel: CancelToken = NEVER_CANCELLED, worker: PdfWorker | None = None
) -> list[RawAd]:
    """Every ad in `path`: one for most files, each ad of a job-alert e-mail. UserError as
    `read_ad` when the file holds none."""
    path = Path(path)
    if path.suffix.lower() in EMAIL_SUFFIXES:
        data, size = _read_capped(path)
        if size > len(data):
            raise UserError(
                f"{path.name} is {size / 1e6:.0f} MB, too large for a job-alert e-mail (the "
                f"limit is {MAX_READ_BYTES // 1_000_000} MB)."
            )
        if not data.strip():
            raise UserError(f"{path.name} is empty; there is no job ad to read.")
        if not looks_like_email(data):
            raise UserError(f"{path.name} is named .eml but is not an e-mail; save it again.")
        _subject, ads = email_ads(path, data)
        return [RawAd("email", ad.text, ad.title, (), link=ad.link) for ad in ads]
    return [read_ad(path, cancel, worker)]


def read_ad(
    path: Path, cancel: CancelToken = NEVER_CANCELLED, worker: PdfWorker | None = None
) -> RawAd:
    """Read `path` into text, or raise UserError with one sentence naming the problem."""
    path = Path(path)
    data, size = _read_capped(path)
    if not data.strip():
        raise UserError(f"{path.name} is empty; there is no job ad to read.")
    kind = sniff_kind(data)
    suffix = path.suffix.lower()
    if kind in ("pdf", "zip") and size > MAX_BINARY_BYTES:
        raise UserError(
            f"{path.name} is {size / 1e6:.0f} MB, too large for a job ad (the limit for PDF and "
            f"DOCX is {MAX_BINARY_BYTES // 1_000_000} MB)."
        )
    notes = ()
    cut = size > len(data)
    if cut:
        notes = (
            f"{path.name} is {size / 1e6:.0f} MB; only its first "
            f"{MAX_READ_BYTES // 1_000_000} MB were read.",
        )
    if kind == "pdf":
        _expect(path, suffix, ".pdf", "a PDF")
        text = _pdf_text(path, data, cancel, worker or shared_worker())
        return RawAd("pdf", unwrap_lines(text), "", notes, cut=cut)
    if kind == "zip":
        _expect(path, suffix, ".docx", "a ZIP archive")
        return RawAd("docx", _docx_text(path, data), "", notes, cut=cut)
    if kind in ("ole", "binary"):
        described = "an old Word .doc file" if kind == "ole" else "not text"
        raise UserError(f"{path.name} is {described}; Career Planner reads job ads as {KINDS}.")
    text = _decode(data)
    if kind == "json" or suffix == ".json":
        job = read_job_json(path, text)
        return RawAd(
            "job-json", job.text, job.title, notes, job.company, job.location, job.salary,
            job.link, cut,
        )  # fmt: skip
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        title, body = html_ad_text(path, text)
        return RawAd("html", body, title, notes, cut=cut)
    if _control_share(text) > 0.05:
        raise UserError(f"{path.name} is not text; Career Planner reads job ads as {KINDS}.")
    return RawAd("text", text, "", notes, cut=cut)


def _read_capped(path: Path) -> tuple[bytes, int]:
    """The file's bytes (text only up to MAX_READ_BYTES) and its size on disk."""
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a job-ad file.")
    require_regular(path)  # a FIFO would wait forever, /dev/zero never end
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            data = handle.read(MAX_READ_BYTES)
            if (
                size > MAX_READ_BYTES
                and size <= MAX_BINARY_BYTES
                and sniff_kind(data)
                in (
                    "pdf",
                    "zip",
                )
            ):
                data += handle.read()  # a PDF or DOCX is only readable whole
    except FileNotFoundError:
        raise UserError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a job-ad file.") from None
    except PermissionError:
        raise UserError(f"Can't read {path}; check its permissions.") from None
    return data, size


def _expect(path: Path, suffix: str, wanted: str, described: str) -> None:
    if suffix != wanted:
        raise UserError(
            f"{path.name} is named {suffix or 'without an extension'} but is {described}; "
            "rename it or save it again."
        )


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3:  # the cap cut a character in two
            return data[: error.start].decode("utf-8-sig")
    return data.decode("cp1252", errors="replace")


def _control_share(text: str) -> float:
    """The share of control characters other than white space: high for a binary file."""
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / max(len(sample), 1)


def _pdf_text(path: Path, data: bytes, cancel: CancelToken, worker: PdfWorker) -> str:
    if b"%%EOF" not in data[-2048:] and b"startxref" not in data[-4096:]:
        raise UserError(f"{path.name} is truncated (the end of the PDF is missing).")
    text, _pages = worker.extract(path, cancel)
    if cid_share(text) > 0.3 or sum(ch.isalpha() for ch in text) < 20:
        raise UserError(
            f"{path.name} has no readable text layer; save the ad as text or HTML instead."
        )
    return text


def unwrap_lines(text: str) -> str:
    """Join the lines a PDF broke only to fit its page width, so a sentence (and a skill's name
    with the level words about it) is one line again, as in the ad's text.

    A line was broken by the page when the next line's first word would not have fitted on it
    (how text is wrapped), it does not end a sentence, and the next line is no bullet. A short
    line, or one whose successor's first word would have fitted, ended where its author ended it.
    """
    lines = [line.strip() for line in text.splitlines()]
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return text
    wide = lengths[int(0.9 * (len(lengths) - 1))]
    joined: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else ""
        first_word = line.split(" ", 1)[0]
        wrapped = (
            joined
            and previous
            and line
            and not line.startswith(_BULLETS)
            and not previous.endswith((".", ":", ";", "!", "?"))
            and len(previous) + 1 + len(first_word) > 0.95 * wide
            # A capital after a full line starts a new item of a list, unless the line plainly
            # goes on or the lines are prose (sentences end inside them).
            and (
                not first_word[:1].isupper()
                or _GOES_ON.search(previous) is not None
                or _PROSE.search(previous) is not None
                or _PROSE.search(line) is not None
            )
        )
        if wrapped:
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return "\n".join(joined)


def _docx_text(path: Path, data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UserError(f"{path.name} is a damaged ZIP archive; save it again.") from None
    with archive:
        if "word/document.xml" not in archive.namelist():
            raise UserError(f"{path.name} is a ZIP archive but not a Word .docx file.")
        for info in archive.infolist():
            if info.flag_bits & 0x1 or info.file_size > MAX_UNPACKED_BYTES:
                raise UserError(
                    f"{path.name} holds {info.filename}, which is encrypted or unpacks to "
                    f"{info.file_size / 1e6:.0f} MB; it was refused."
                )
        return docx_text(path, archive)
