"""Streaming a job-postings CSV file: flat memory for a 100 MB file, and a sentence for every flaw.

`tabular.read_table` reads a whole file; postings files can be 100 MB, so this module applies the
same rules (UTF-8 with or without BOM, UTF-16; strict quoting; `MAX_FIELD_CHARS`; the same header
checks and messages) while decoding and parsing the file chunk by chunk.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import lzma
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.errors import UserError
from careerplanner.importers.datasets.postings_fields import (
    MISSING_VALUES,
    Posting,
    PostingColumns,
    SalaryError,
    clean_spaces,
    guess_mapping,
    normalise_seniority,
    parse_salary,
    parse_salary_number,
    role_and_seniority,
    salary_periods_per_year,
)
from careerplanner.importers.tabular import (
    MAX_FIELD_CHARS,
    MacLineEnds,
    Table,
    _looks_like_bomless_utf16,
    column_key,
    csv_error,
)

_CHUNK_BYTES = 1 << 20
MAX_SKIPPED_LISTED = 20


def _detect_encoding(head: bytes) -> tuple[str, int]:
    """The encoding and BOM length, following `tabular.decode_text`'s rules."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", len(codecs.BOM_UTF8)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 0
    return _looks_like_bomless_utf16(head) or "utf-8", 0


_GZIP_MAGIC = b"\x1f\x8b"
_XZ_MAGIC = b"\xfd7zXZ\x00"


def compression_of(head: bytes) -> str | None:
    """ "gzip" or "xz" when a file's first bytes say it is compressed so, else None."""
    if head.startswith(_GZIP_MAGIC):
        return "gzip"
    if head.startswith(_XZ_MAGIC):
        return "xz"
    return None


@contextmanager
def open_postings_file(path: Path) -> Iterator[tuple[BinaryIO, BinaryIO]]:
    """(the file's bytes, decompressed when it is a .gz or .xz file; the raw file, whose
    position tells how far reading has come). Recognised by content, not by name."""
    with open(path, "rb") as raw:
        kind = compression_of(raw.read(8))
        raw.seek(0)
        if kind == "gzip":
            with gzip.open(raw, "rb") as data:
                yield data, raw
        elif kind == "xz":
            with lzma.open(raw, "rb") as data:
                yield data, raw
        else:
            yield raw, raw


def read_head(path: Path, size: int = 65536) -> bytes:
    """The first `size` bytes of a postings file, decompressed (for recognising its header)."""
    try:
        with open_postings_file(path) as (data, _raw):
            return data.read(size)
    except (OSError, EOFError, lzma.LZMAError, zlib.error):
        with open(path, "rb") as handle:
            return handle.read(size)


def _text_lines(path: Path, source: str, on_read=None) -> Iterator[str]:
    """The file's lines (each ending in "\\n" except perhaps the last), decoded incrementally.

    `tabular.decode_text` decodes a whole file at once; postings files can be 100 MB, so this
    applies the same rules chunk by chunk and reports a bad byte with its line and column.
    `on_read(bytes_read)` is called after each chunk (for progress).
    """
    try:
        yield from _decoded_lines(path, source, on_read)
    except (OSError, EOFError, lzma.LZMAError, zlib.error) as error:
        raise UserError(
            f"{source} is a compressed file that is damaged or cut short ({error}); "
            "download or copy it again."
        ) from error


def _decoded_lines(path: Path, source: str, on_read) -> Iterator[str]:
    with open_postings_file(path) as (handle, raw):
        head = handle.read(_CHUNK_BYTES)
        encoding, skip = _detect_encoding(head)
        decoder, line_ends = codecs.getincrementaldecoder(encoding)(), MacLineEnds()
        chunk, line, pending = head[skip:], 1, ""
        while True:
            final = not chunk
            try:
                text = line_ends(decoder.decode(chunk, final=final))
            except UnicodeDecodeError as error:
                raise _decode_error(source, encoding, error, line, pending) from error
            if "\x00" in text:
                at = line + (pending + text).count("\n", 0, len(pending) + text.index("\x00"))
                raise UserError(f"{source}, line {at}: the file holds binary data, not text.")
            pieces = (pending + text).split("\n")
            pending = pieces.pop()
            for piece in pieces:
                yield piece + "\n"
            line += len(pieces)
            if final:
                break
            if on_read is not None:
                on_read(raw.tell())
            chunk = handle.read(_CHUNK_BYTES)
        if pending:
            yield pending


def _decode_error(source, encoding, error, line, pending) -> UserError:
    if encoding != "utf-8":
        return UserError(
            f"{source} starts like UTF-16 text but is damaged near line {line}; "
            "save it as UTF-8 and import it again."
        )
    # error.object is the decoder's buffer: this chunk plus any bytes held back from the last.
    data = error.object
    before = data[: error.start]
    newlines = before.count(b"\n")
    if newlines:
        column = error.start - before.rfind(b"\n")
    else:
        column = len(pending.encode("utf-8")) + error.start + 1
    return UserError(
        f"{source}, line {line + newlines}, column {column}: byte 0x{data[error.start]:02X} is "
        "not valid UTF-8 (the file is probably in a legacy encoding such as Windows-1252); "
        "save it as UTF-8 and import it again."
    )


def read_header(path: Path) -> tuple[str, ...]:
    """A CSV file's header row, for recognising it and for the column-mapping step."""
    source = path.name
    old_limit = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        row = next(csv.reader(_text_lines(path, source)), None)
    except csv.Error as error:
        raise UserError(f"{source}, line 1: the header row can't be read ({error}).") from error
    finally:
        csv.field_size_limit(old_limit)
    if row is None or not any(cell.strip() for cell in row):
        raise UserError(f"{source} is empty.")
    return checked_header(row, source)


def checked_header(row: list[str], source: str) -> tuple[str, ...]:
    """Header names cleaned like `tabular` does; a duplicate name is refused. Unlike O*NET
    files, postings exports often start with an unnamed index column: it is kept, unnamed."""
    header = tuple(name.strip().strip("\ufeff").strip() for name in row)
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if not name:
            continue
        first = seen.setdefault(column_key(name), position)
        if first != position:
            raise UserError(
                f"{source}, line 1: the column “{name}” appears twice "
                f"(columns {first} and {position})."
            )
    return header


def is_postings_csv(path: Path) -> bool:
    """True when the file's header has recognisable title and description columns."""
    try:
        return guess_mapping(read_header(path)) is not None
    except UserError:
        return False


def read_postings_csv(
    path: Path,
    mapping: PostingColumns | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    skipped: list[str] | None = None,
) -> Iterator[Posting]:
    """Stream the postings of a CSV file; every refusal names the file, line and column.

    Rows without a description are left out (there is nothing to analyse) and listed in
    `skipped` (the first `MAX_SKIPPED_LISTED`, then a count). Raises `UserError` for
    an empty or header-only file, a missing or duplicate column, a ragged row, an unterminated
    quote, a huge field, bytes that are not UTF-8/UTF-16, and a salary that is not a number.
    """
    source = path.name
    total = path.stat().st_size

    def on_read(done: int) -> None:
        progress(done, total, f"Reading {source}")

    old_limit = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        lines = _text_lines(path, source, on_read)
        yield from _read_rows(lines, source, mapping, cancel, [] if skipped is None else skipped)
    finally:
        csv.field_size_limit(old_limit)


def _read_rows(lines, source, mapping, cancel, skipped: list[str]) -> Iterator[Posting]:
    reader = csv.reader(lines, strict=True)
    start = 1
    try:
        header_row = next(reader, None)
        if header_row is None or not any(cell.strip() for cell in header_row):
            raise UserError(f"{source} is empty.")
        header = checked_header(header_row, source)
        columns = mapping or guess_mapping(header)
        if columns is None:
            raise UserError(
                f"{source}, line 1: no job title and description columns were recognised "
                f"(the header has: {', '.join(header)}); map the columns and import it again."
            )
        names = columns.used()
        positions = dict(zip(names, Table(source, header, []).require_columns(*names), strict=True))
        width = len(header)
        rows = empty = 0
        start = reader.line_num + 1
        for row in reader:
            if not row:
                start = reader.line_num + 1
                continue
            if len(row) != width:
                raise UserError(
                    f"{source}, line {start}: expected {width} fields like the header but found "
                    f"{len(row)}; the row is ragged or a field holds a stray delimiter."
                )
            rows += 1
            if rows % 256 == 0:
                cancel.check()
            line, start = start, reader.line_num + 1
            posting = _posting_from_row(row, positions, columns, source, line)
            if posting is not None:
                yield posting
            else:
                empty += 1
                if empty <= MAX_SKIPPED_LISTED:
                    skipped.append(f"{source} line {line}: no description")
        if rows == 0:
            raise UserError(f"{source} has a header but no rows of data.")
        if empty > MAX_SKIPPED_LISTED:
            skipped.append(f"{empty - MAX_SKIPPED_LISTED:,} more rows without a description")
    except csv.Error as error:
        raise csv_error(error, source, start) from error
    finally:
        lines.close()


def _posting_from_row(row, positions, columns: PostingColumns, source, line) -> Posting | None:
    def cell(name: str | None) -> str:
        return row[positions[name]] if name else ""

    description = cell(columns.description).strip()
    qualifications = cell(columns.qualifications).strip()
    preferred = cell(columns.preferred).strip()
    if not (description or qualifications or preferred):
        return None
    title = clean_spaces(cell(columns.title))
    job_id = cell(columns.job_id).strip()
    if columns.job_id and not job_id:
        raise UserError(
            f"{source}, line {line}, column “{columns.job_id}”: the job id is empty; without it "
            "the copies of one job can't be told apart. Fill in the ids, or import the file "
            "with a column mapping that leaves the id column out."
        )
    salary = _salary_of_row(cell, columns, source, line)
    role_cell = clean_spaces(cell(columns.role))
    if role_cell.casefold() not in MISSING_VALUES:
        role, seniority = role_cell, normalise_seniority(cell(columns.seniority), title)
    else:
        role, seniority = role_and_seniority(title, cell(columns.seniority))
    return Posting(
        source=f"{source} line {line}",
        title=title,
        description=description,
        salary=salary,
        seniority=seniority,
        role=role,
        location=clean_spaces(cell(columns.location)),
        qualifications=qualifications,
        preferred=preferred,
        job_id=job_id,
        employer=clean_spaces(cell(columns.employer)),
        job_class=clean_spaces(cell(columns.job_class)),
    )


def _salary_of_row(cell, columns: PostingColumns, source: str, line: int) -> float | None:
    try:
        if columns.salary:
            column = columns.salary
            return parse_salary(cell(column))
        per_year = None
        if columns.salary_frequency:
            column = columns.salary_frequency
            per_year = salary_periods_per_year(cell(column))
        values = []
        for column in (columns.salary_min, columns.salary_max):
            if column:
                value = parse_salary_number(cell(column), per_year)
                if value is not None:
                    values.append(value)
        return sum(values) / len(values) if values else None
    except SalaryError as error:
        if column == columns.salary_frequency:
            raise UserError(
                f"{source}, line {line}, column “{column}”: {error}, or leave the cell empty "
                "when the pay is unknown."
            ) from error
        raise UserError(
            f"{source}, line {line}, column “{column}”: {error}; write a number or range such "
            "as “$50K-$70K”, or leave the cell empty when the pay is unknown."
        ) from error
