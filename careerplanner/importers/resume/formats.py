"""Reading a resume file of any supported kind into plain text with section headings.

The kind is recognised from the file's content; a name that says otherwise gets a sentence.
Structured formats (JSON Resume, the LinkedIn export) are written out as the same kind of text a
PDF gives ("Experience", "Title, Employer", "Jan 2020 - Present", bullets), so one section and
position parser serves every format.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from careerplanner.core.progress import NEVER_CANCELLED, CancelToken
from careerplanner.core.regular_file import read_capped, require_regular
from careerplanner.errors import UserError
from careerplanner.importers.resume import structured
from careerplanner.importers.resume.docx_reader import docx_text
from careerplanner.importers.resume.pdf_reader import PdfWorker, shared_worker

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ZIP_BYTES = 200 * 1024 * 1024
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
    if path.is_dir():
        raise UserError(f"{path} is a folder, not a resume file.")
    size = require_regular(path).st_size  # not /dev/zero behind a link, not a FIFO
    # A zip (a LinkedIn export) may carry large files never read (messages.csv): only the
    # members read are capped, below; the archive itself gets a larger cap.
    cap = MAX_ZIP_BYTES if _starts_like_zip(path) else MAX_FILE_BYTES
    limit = f"the limit is {cap // 1_000_000} MB); export a smaller copy."
    if size > cap:
        raise UserError(f"{path.name} is {size / 1e6:.0f} MB, too large for a resume ({limit}")
    data = read_capped(path, cap, f"{path.name} is too large for a resume ({limit}")
    if not data.strip():
        raise UserError(f"{path.name} is empty.")
    suffix = path.suffix.lower()
    kind = sniff_kind(data)
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
        try:
            text = structured.json_resume_text(path, text)
        except ValueError as error:  # json's own limits, e.g. a number of 100,000 digits
            why = "a number far too long" if "digits" in str(error) else str(error)
            raise UserError(
                f"{path.name} is not a JSON Resume Career Planner can read (it holds {why})."
            ) from None
        return RawResume("json-resume", _valid_text(text))
    return RawResume("text", text)


def _valid_text(text: str) -> str:
    """JSON can spell lone surrogates (\\ud800) that no file or database can store: each becomes
    the replacement character."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _starts_like_zip(path: Path) -> bool:
    with open(path, "rb") as handle:  # a regular file (checked): never a database
        return handle.read(4) in (b"PK\x03\x04", b"PK\x05\x06")


def _is_read(member: str) -> bool:
    """Whether a zip member is ever opened: a Word document's XML parts or a LinkedIn CSV."""
    name = member.lower()
    return name.endswith((".xml", ".rels")) or Path(name).name in structured.LINKEDIN_FILES


def sniff_kind(data: bytes) -> str:
    """What the bytes are by their content: pdf, zip, ole (old Office), json, binary or text."""
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


# Byte-order marks, longest first (UTF-32's little-endian mark begins like UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Without a mark, UTF-16/32 text is full of NUL bytes and was already refused as binary.
_NOT_GUESSED = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]


def _decode(path: Path, data: bytes) -> str:
    """Text by its byte-order mark, else strict UTF-8, else what a real detector finds.

    Never by byte count: a Windows-1252 file of even length is not UTF-16.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise UserError(
                    f"{path.name} starts with a {encoding.upper()} byte-order mark but is not "
                    "valid text in that encoding; save it again as UTF-8."
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data, cp_exclusion=_NOT_GUESSED)
    best = matches.best()
    if best is None:
        raise UserError(
            f"{path.name} is not in any text encoding Career Planner recognises; save it as "
            "UTF-8 text and import it again."
        )
    # A short text often fits several legacy code pages equally well; among the equals, prefer
    # Windows-1252, by far the most common one for documents written in Western languages
    # (HTML decodes an unmarked Latin-1 page as Windows-1252 for the same reason).
    tied = [m for m in matches if (m.chaos, -m.coherence) <= (best.chaos, -best.coherence)]
    western = next((m for m in tied if m.encoding == "cp1252"), best)
    return str(western)


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
            if not _is_read(info.filename):
                continue  # e.g. a LinkedIn export's messages.csv: never opened
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
        try:
            if "word/document.xml" in names:
                return RawResume("docx", docx_text(path, archive))
            if any(Path(n).name.lower() in structured.LINKEDIN_FILES for n in names):
                return RawResume("linkedin", structured.linkedin_text(path, archive))
        except (zipfile.BadZipFile, zlib.error, EOFError):  # a bad CRC, a cut or garbled part
            raise UserError(
                f"{path.name} is damaged (a part of it does not unpack or fails its checksum, as "
                "after a broken download); download or export it again."
            ) from None
    raise UserError(
        f"{path.name} is a ZIP archive but neither a Word .docx file nor a LinkedIn data export."
    )
