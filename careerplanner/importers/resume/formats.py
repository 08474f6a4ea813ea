"""Reading a resume file of any supported kind into plain text with section headings.

The kind is recognised from the file's content; a name that says otherwise gets a sentence.
Structured formats (JSON Resume, the LinkedIn export) are written out as the same kind of text a
PDF gives ("Experience", "Title, Employer", "Jan 2020 - Present", bullets), so one section and
position parser serves every format.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from careerplanner.core.progress import NEVER_CANCELLED, CancelToken
from careerplanner.errors import UserError
from careerplanner.importers.resume import structured
from careerplanner.importers.resume.docx_reader import docx_text
from careerplanner.importers.resume.pdf_reader import PdfWorker, shared_worker

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DOCX_XML_BYTES = 30 * 1024 * 1024
MAX_ZIP_RATIO = 100
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
# What pdfminer writes for a glyph of a font that has no map back to text.
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class RawResume:
    format: str  # pdf | docx | text | json-resume | linkedin
    text: str
    pages: int = 1


def read_resume(
    path: Path, cancel: CancelToken = NEVER_CANCELLED, worker: PdfWorker | None = None
) -> RawResume:
    """Read `path` into text, or raise UserError with one sentence naming the problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UserError(
                f"{path.name} is {size / 1e6:.0f} MB, too large for a resume (the limit is "
                f"{MAX_FILE_BYTES // 1_000_000} MB); export a smaller copy."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a resume file.") from None
    except PermissionError:
        raise UserError(f"Can't read {path}; check its permissions.") from None
    if not data.strip():
        raise UserError(f"{path.name} is empty.")
    suffix = path.suffix.lower()
    kind = _sniff(data)
    _check_name(path, suffix, kind)
    if kind == "pdf":
        return _read_pdf(path, data, cancel, worker or shared_worker())
    if kind == "zip":
        return _read_zip(path, data)
    if kind == "ole":
        raise UserError(
            f"{path.name} is an old Word .doc file; save it as .docx or PDF and import that."
        )
    if kind == "binary":
        raise UserError(
            f"{path.name} is not a resume format Career Planner reads "
            "(PDF, DOCX, TXT, Markdown, JSON Resume or a LinkedIn export zip)."
        )
    text = _decode(path, data)
    if kind == "json":
        return RawResume("json-resume", structured.json_resume_text(path, text))
    return RawResume("text", text)


def _sniff(data: bytes) -> str:
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        return "json"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


def _check_name(path: Path, suffix: str, kind: str) -> None:
    expected = {".pdf": "pdf", ".docx": "zip", ".zip": "zip", ".json": "json"}.get(suffix)
    if expected is None and suffix in TEXT_SUFFIXES and kind in ("pdf", "zip"):
        expected = "text"
    if expected is not None and expected != kind:
        described = {
            "pdf": "a PDF",
            "zip": "a ZIP archive",
            "json": "JSON",
            "text": "plain text",
            "ole": "an old Word .doc file",
            "binary": "an unknown binary file",
        }[kind]
        raise UserError(
            f"{path.name} is named {suffix} but is {described}; rename it or export it again."
        )


def _decode(path: Path, data: bytes) -> str:
    for encoding in (
        ("utf-8-sig", "utf-16") if not data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-16",)
    ):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


def cid_share(text: str) -> float:
    """The share of `(cid:N)` placeholders among the words: high means the font has no text map."""
    cids = len(_CID.findall(text))
    if not cids:
        return 0.0
    words = len(re.findall(r"[^\W_]{2,}", _CID.sub(" ", text)))
    return cids / (cids + words)


def _read_pdf(path: Path, data: bytes, cancel: CancelToken, worker: PdfWorker) -> RawResume:
    if b"%%EOF" not in data[-2048:] and b"startxref" not in data[-4096:]:
        raise UserError(
            f"{path.name} is truncated (the end of the PDF is missing); "
            "download or export it again."
        )
    text, pages = worker.extract(path, cancel)
    if cid_share(text) > 0.3:
        raise UserError(
            f"{path.name} uses fonts without a text map, so its words come out as (cid:N) "
            "codes; export it again as PDF with text, or import a DOCX or TXT copy."
        )
    if sum(ch.isalpha() for ch in text) < 20:
        raise UserError(
            f"{path.name} has no text layer (probably a scan); export the original document "
            "as PDF with text, or run it through OCR first."
        )
    return RawResume("pdf", text, max(pages, 1))


def _read_zip(path: Path, data: bytes) -> RawResume:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except zipfile.BadZipFile:
        raise UserError(f"{path.name} is a damaged ZIP archive; export it again.") from None
    with archive:
        for info in archive.infolist():
            if info.flag_bits & 0x1:
                raise UserError(
                    f"{path.name} is an encrypted archive; export it without a password."
                )
            if info.file_size > MAX_DOCX_XML_BYTES or (
                info.compress_size
                and info.file_size / info.compress_size > MAX_ZIP_RATIO
                and info.file_size > 1_000_000
            ):
                raise UserError(
                    f"{path.name} holds {info.filename}, which unpacks to "
                    f"{info.file_size / 1e6:.0f} MB; that is not a normal resume, so it was "
                    "refused."
                )
        if "word/document.xml" in names:
            return RawResume("docx", docx_text(path, archive))
        if any(Path(n).name.lower() in structured.LINKEDIN_FILES for n in names):
            return RawResume("linkedin", structured.linkedin_text(path, archive))
    raise UserError(
        f"{path.name} is a ZIP archive but neither a Word .docx file nor a LinkedIn data export."
    )
