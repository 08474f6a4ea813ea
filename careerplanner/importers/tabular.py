"""Careful reading of tab- and comma-separated files: every refusal names the file, line and column.

Shared by every tabular importer (O*NET text files, BLS wages, job postings, pack tables):

    table = read_table(data, "Skills.txt", delimiter="\\t")
    table.require_columns("O*NET-SOC Code", "Data Value")
    for line, row in table.numbered_rows(): ...
    values = table.convert({"Data Value": to_float, "N": to_optional_int})

- `decode_text` accepts UTF-8 (with or without BOM) and UTF-16 (with BOM, or a recognisable
  BOM-less UTF-16); anything else (typically Windows-1252 bytes such as 0x92) is refused with the
  line and column of the first bad byte, rather than guessed and silently garbled.
- `read_table` refuses an empty file, a file with a header but no rows (unless allowed), blank or
  duplicate column names, rows with the wrong number of fields (ragged), unterminated quotes and
  fields over `MAX_FIELD_CHARS`.
- `read_table_chunks` reads a large tab-separated file (bytes, or a Path read piece by piece) as
  consecutive tables of rows, with the same refusals, so memory stays flat in the file's size.
- `Table.convert` turns text columns into numbers in one pass; a bad value is reported as
  "file, line N, column “X”: “abc” is not a number".
"""

from __future__ import annotations

import codecs
import csv
import io
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from careerplanner.core.collector import paused_collector
from careerplanner.errors import UserError

MAX_FIELD_CHARS = 1_000_000
"""A longer field is almost certainly an unterminated quote swallowing the rest of the file."""


def _line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _looks_like_bomless_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / len(sample[0::2])
    odd_zero = sample[1::2].count(0) / len(sample[1::2])
    if odd_zero > 0.4 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.4 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes, source: str) -> str:
    """Decode a text file's bytes: UTF-8 (BOM optional) or UTF-16; refuse anything else."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data
    else:
        encoding, body = _looks_like_bomless_utf16(data) or "utf-8", data
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        if encoding == "utf-8":
            line, column = _line_and_column(body, error.start)
            bad = body[error.start]
            raise UserError(
                f"{source}, line {line}, column {column}: byte 0x{bad:02X} is not valid UTF-8 "
                "(the file is probably in a legacy encoding such as Windows-1252); "
                "save it as UTF-8 and import it again."
            ) from error
        raise UserError(
            f"{source} starts like UTF-16 text but is damaged at byte {error.start}; "
            "save it as UTF-8 and import it again."
        ) from error
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise UserError(f"{source}, line {line}: the file holds binary data, not text.")
    if "\r" in text and "\n" not in text:
        # Lines ended by CR alone (classic Mac; Excel for Mac's "CSV" still writes them): one
        # character for one, so line and column numbers in messages stay right.
        text = text.replace("\r", "\n")
    return text.removeprefix("\ufeff")


class MacLineEnds:
    """`decode_text`'s rule for a file decoded piece by piece: when its first text holds CR
    but no LF (classic Mac; Excel for Mac's "CSV" still writes it), every CR is a line end.

        ends = MacLineEnds()
        for piece in decoded_pieces:
            text = ends(piece)   # "a,b\rc,d\r" -> "a,b\nc,d\n"

    Decided once, on the first non-empty piece, so a CR inside a quoted field of an LF or
    CRLF file is kept as it is.
    """

    def __init__(self) -> None:
        self.cr_only: bool | None = None

    def __call__(self, text: str) -> str:
        if self.cr_only is None and text:
            self.cr_only = "\r" in text and "\n" not in text
        return text.replace("\r", "\n") if self.cr_only else text


def sniff_delimiter(first_line: str) -> str:
    """Tab when the header line has tabs, else comma (O*NET is tab-separated, BLS is CSV)."""
    return "\t" if first_line.count("\t") > first_line.count(",") else ","


def head_text(data: bytes, source: str) -> str:
    """The first 64 KiB or so of a file, decoded like `decode_text` (for a quick look)."""
    return decode_text(data, source) if len(data) <= 65536 else _decode_head(data, source)


def header_of(data: bytes, source: str) -> tuple[str, ...]:
    """Just the header row (for recognising a file) without reading the whole file as a table."""
    first = head_text(data, source).split("\n", 1)[0].rstrip("\r")
    if not first.strip():
        return ()
    return tuple(
        _clean_name(name) for name in next(csv.reader([first], delimiter=sniff_delimiter(first)))
    )


def _decode_head(data: bytes, source: str) -> str:
    # Cut at a newline so a multi-byte character is never split.
    head = data[:65536]
    cut = head.rfind(b"\n")
    if cut > 0 and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head[:cut]
    try:
        return decode_text(head, source)
    except UserError:
        if head is not data:
            return decode_text(data, source)
        raise


def _clean_name(name: str) -> str:
    return name.strip().strip("\ufeff").strip()


def column_key(name: str) -> str:
    """How column names are compared: case-insensitive, spaces and underscores alike."""
    return " ".join(name.replace("_", " ").casefold().split())


@dataclass
class Table:
    """A parsed table: header names, rows of strings of exactly the header's width, and the
    file line where each row starts (rows may span lines when a quoted field holds newlines)."""

    source: str
    header: tuple[str, ...]
    rows: list[list[str]]
    lines: list[int] = field(default_factory=list)
    first_line: int = 2  # the file line of rows[0] when `lines` is empty (a chunk's offset)

    def __len__(self) -> int:
        return len(self.rows)

    def line_of(self, index: int) -> int:
        return self.lines[index] if self.lines else index + self.first_line

    def numbered_rows(self) -> Iterator[tuple[int, list[str]]]:
        for index, row in enumerate(self.rows):
            yield self.line_of(index), row

    def has_column(self, name: str) -> bool:
        return column_key(name) in {column_key(h) for h in self.header}

    def index(self, name: str) -> int:
        """The position of column `name`; a missing column is a UserError naming it."""
        wanted = column_key(name)
        for position, header in enumerate(self.header):
            if column_key(header) == wanted:
                return position
        raise UserError(
            f"{self.source}, line 1: the column “{name}” is missing "
            f"(the header has: {', '.join(self.header)})."
        )

    def require_columns(self, *names: str) -> list[int]:
        """Positions of `names`; names every missing column at once."""
        keys = {column_key(h): i for i, h in enumerate(self.header)}
        missing = [name for name in names if column_key(name) not in keys]
        if missing:
            listed = ", ".join(f"“{m}”" for m in missing)
            plural = "columns" if len(missing) > 1 else "column"
            verb = "are" if len(missing) > 1 else "is"
            raise UserError(
                f"{self.source}, line 1: the {plural} {listed} {verb} missing "
                f"(the header has: {', '.join(self.header)})."
            )
        return [keys[column_key(n)] for n in names]

    def require_rows(self) -> None:
        if not self.rows:
            raise UserError(f"{self.source} has a header but no rows of data.")

    def convert(
        self, converters: Mapping[str, Callable[[str], object]], *, keep: Sequence[str] = ()
    ) -> list[tuple]:
        """Rows as tuples of `keep` columns (as text) followed by the converted columns.

        A converter raises ValueError (or CellError with its own sentence) for a bad value; the
        error becomes a UserError naming the file, the line and the column.
        """
        return self.typed((*keep, *converters), converters)

    def typed(
        self,
        columns: Sequence[str],
        converters: Mapping[str, Callable[[str], object]],
        shared: Mapping[str, dict] | None = None,
    ) -> list[tuple]:
        """Rows as tuples in `columns` order; columns named in `converters` are converted.

        Works column by column (a transpose, then one `map` per column), which is several
        times faster than converting row by row; the converters of this module run at C speed.
        A column named in `shared` keeps one object per distinct value (its dict remembers
        them across calls): a million rows naming a thousand occupations hold a thousand
        strings, not a million.
        """
        positions = self.require_columns(*columns)
        if not self.rows:
            return []
        with paused_collector():
            transposed = list(zip(*self.rows, strict=True))
            out = []
            for name, position in zip(columns, positions, strict=True):
                values = transposed[position]
                converter = converters.get(name)
                if converter is not None:
                    values = self._column(name, values, converter)
                if shared is not None and name in shared:
                    values = list(map(shared[name].setdefault, values, values))
                out.append(values)
            return list(zip(*out, strict=True))

    def _column(self, name: str, values: tuple, converter: Callable[[str], object]) -> list:
        fast = _FAST.get(converter)
        try:
            if fast is not None:
                converted = fast(values)
                if converted is not None:
                    return converted
            else:
                return list(map(converter, values))
        except (ValueError, TypeError, KeyError, OverflowError):
            pass
        # Slow path, only on failure: find the first bad cell to name it.
        converted = []
        for index, value in enumerate(values):
            try:
                converted.append(converter(value))
            except (ValueError, TypeError) as error:
                raise self.cell_error(index, name, value, error) from error
        return converted  # a fast check's false alarm (e.g. a sum that overflowed)

    def cell_error(self, row_index: int, column: str, value: str, error: object) -> UserError:
        reason = str(error) if isinstance(error, ValueError) and _is_ours(error) else None
        shown = value if len(value) <= 40 else value[:37] + "..."
        return UserError(
            f"{self.source}, line {self.line_of(row_index)}, column “{column}”: "
            + (reason or f"“{shown}” is not a number.")
        )


class CellError(ValueError):
    """Raised by a converter with its own explanation (used verbatim after file/line/column)."""


def _is_ours(error: ValueError) -> bool:
    return isinstance(error, CellError)


def read_table(
    data: bytes | str,
    source: str,
    *,
    delimiter: str | None = None,
    allow_header_only: bool = False,
    allow_ragged_tail: bool = False,
) -> Table:
    """Parse a whole delimited file (bytes are decoded with `decode_text`).

    `delimiter` None sniffs tab or comma from the header. Tab-separated files are split plainly
    (O*NET never quotes); comma-separated files go through `csv` with strict quoting.
    `allow_ragged_tail` lets rows be *shorter* than the header (missing trailing empty cells).
    """
    text = decode_text(data, source) if isinstance(data, bytes) else data
    if not text.strip():
        raise UserError(f"{source} is empty.")
    first_line = text.split("\n", 1)[0].rstrip("\r")
    delimiter = delimiter or sniff_delimiter(first_line)
    with paused_collector():
        if delimiter == "\t" and '"' not in text:
            header, rows, lines = _split_plain(text, source)
        else:
            header, rows, lines = _split_csv(text, source, delimiter)
    _check_header(header, source)
    width = len(header)
    for index, row in enumerate(rows):
        if len(row) != width:
            if allow_ragged_tail and len(row) < width:
                row.extend([""] * (width - len(row)))
                continue
            raise UserError(
                f"{source}, line {lines[index] if lines else index + 2}: expected {width} fields "
                f"like the header but found {len(row)}; the row is ragged or a field holds a "
                f"stray {'tab' if delimiter == chr(9) else 'delimiter'}."
            )
    if not rows and not allow_header_only:
        raise UserError(f"{source} has a header but no rows of data.")
    return Table(source=source, header=header, rows=rows, lines=lines)


CHUNK_BYTES = 1 << 20
"""How much of a large tab-separated file `read_table_chunks` decodes and splits at a time."""


def read_table_chunks(
    data: bytes | Path, source: str, *, chunk_bytes: int = CHUNK_BYTES
) -> Iterator[Table]:
    """A tab-separated file as consecutive tables of rows (same header, `first_line` set), so a
    caller can type each chunk and let its strings go: memory stays flat in the file's size.
    Given a Path, the file is read piece by piece and never held whole.

    Refuses exactly what `read_table(data, source, delimiter="\\t")` refuses, with the same
    sentences. Files that are not plain UTF-8 tab text (UTF-16, quotes, NUL bytes, CR-only line
    ends) are read whole by `read_table` and come as one chunk.
    """
    if not _streamable(data):
        whole = data.read_bytes() if isinstance(data, Path) else data
        yield read_table(whole, source, delimiter="\t")
        return
    pieces = _pieces(data, chunk_bytes)
    first = next(pieces, b"")
    start = len(codecs.BOM_UTF8) if first.startswith(codecs.BOM_UTF8) else 0
    header_end = first.find(b"\n", start)
    if header_end < 0:  # one piece holds the header: a longer line is not an O*NET file
        whole = data.read_bytes() if isinstance(data, Path) else data
        yield read_table(whole, source, delimiter="\t")
        return
    header_text = _decoded(first[start : header_end + 1], data, source)
    header = tuple(_clean_name(h) for h in header_text.rstrip("\r\n").split("\t"))
    if not header_text.strip() and not first[header_end + 1 :].strip():
        raise UserError(f"{source} is empty.")
    _check_header(header, source)
    width, line, any_rows = len(header), 2, False
    for piece in chain((first[header_end + 1 :],), pieces):
        if not piece:
            continue
        text = _decoded(piece, data, source).replace("\r\n", "\n")
        del piece
        body = text.split("\n")
        if text.endswith("\n"):
            body.pop()  # the piece ends with its last line's newline
        del text
        first_line, rows, lines = line, [], []
        for number, text_line in enumerate(body, start=first_line):
            if len(text_line) > MAX_FIELD_CHARS:
                raise UserError(f"{source}, line {number}: the line is too long to be real data.")
            if text_line:
                rows.append(text_line.split("\t"))
                lines.append(number)
        line += len(body)
        del body
        for index, row in enumerate(rows):
            if len(row) != width:
                raise UserError(
                    f"{source}, line {lines[index]}: expected {width} fields like the header "
                    f"but found {len(row)}; the row is ragged or a field holds a stray tab."
                )
        if rows:
            any_rows = True
            plain = lines[-1] - lines[0] == len(lines) - 1  # no blank lines inside
            yield Table(source, header, rows, [] if plain else lines, first_line=lines[0])
    if not any_rows:
        raise UserError(f"{source} has a header but no rows of data.")


def _pieces(data: bytes | Path, size: int) -> Iterator[bytes]:
    """The file in pieces of about `size` bytes, each ending at a newline (or the end)."""
    if not isinstance(data, Path):
        position = 0
        while position < len(data):
            end = data.find(b"\n", position + size)
            end = len(data) if end < 0 else end + 1
            yield data[position:end]
            position = end
        return
    with open(data, "rb") as stream:
        carry = b""
        while block := stream.read(size):
            block = carry + block
            cut = block.rfind(b"\n") + 1
            if cut == 0:
                carry = block
                continue
            carry = block[cut:]
            yield block[:cut]
        if carry:
            yield carry


def _streamable(data: bytes | Path) -> bool:
    """Plain UTF-8 tab text that can be decoded piece by piece with the same outcome."""
    if isinstance(data, Path):
        with open(data, "rb") as stream:
            head = stream.read(4000)
            if not _streamable_head(head):
                return False
            has_newline, has_cr, block = b"\n" in head, b"\r" in head, head
            while block:
                if b'"' in block or b"\x00" in block:
                    return False
                has_newline = has_newline or b"\n" in block
                has_cr = has_cr or b"\r" in block
                block = stream.read(CHUNK_BYTES)
        return not (has_cr and not has_newline)
    if not _streamable_head(data[:4000]):
        return False
    if b'"' in data or b"\x00" in data:
        return False
    return not (b"\r" in data and b"\n" not in data)


def _streamable_head(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return head.startswith(codecs.BOM_UTF8) or not _looks_like_bomless_utf16(head)


def _decoded(piece: bytes, data: bytes | Path, source: str) -> str:
    try:
        return piece.decode("utf-8")
    except UnicodeDecodeError:
        # The whole file, for the sentence naming line and column.
        decode_text(data.read_bytes() if isinstance(data, Path) else data, source)
        raise


def _split_plain(text: str, source: str) -> tuple[tuple[str, ...], list[list[str]], list[int]]:
    all_lines = text.replace("\r\n", "\n").split("\n")
    header = tuple(_clean_name(h) for h in all_lines[0].rstrip("\r").split("\t"))
    body = all_lines[1:]
    while body and not body[-1]:
        body.pop()
    if max(map(len, body), default=0) > MAX_FIELD_CHARS:
        number = next(i for i, line in enumerate(body, start=2) if len(line) > MAX_FIELD_CHARS)
        raise UserError(f"{source}, line {number}: the line is too long to be real data.")
    if all(body):
        # The common case: no blank lines, so a row's line number is its index + 2.
        return header, [line.split("\t") for line in body], []
    rows, lines = [], []
    for number, line in enumerate(body, start=2):
        if line:
            rows.append(line.split("\t"))
            lines.append(number)
    return header, rows, lines


def _split_csv(
    text: str, source: str, delimiter: str
) -> tuple[tuple[str, ...], list[list[str]], list[int]]:
    old_limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    start = 1  # the line a broken quote is reported on, the header's until it is read
    try:
        try:
            header = tuple(_clean_name(h) for h in next(reader))
        except StopIteration:
            raise UserError(f"{source} is empty.") from None
        start = reader.line_num + 1
        for row in reader:
            if row:
                rows.append(row)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as error:
        raise csv_error(error, source, start) from error
    finally:
        csv.field_size_limit(old_limit)
    return header, rows, lines


def csv_error(error: csv.Error, source: str, line: int) -> UserError:
    """The user's sentence for what the csv module reports about broken quoting."""
    message = str(error)
    if "field larger than field limit" in message:
        reason = "a field is too long to be real data (probably an unterminated quote)"
    elif "unexpected end of data" in message or "EOF" in message:
        reason = "a quoted field is never closed (unterminated quote)"
    else:
        reason = f"the quoting is broken ({message})"
    return UserError(f"{source}, line {line}: {reason}.")


def _check_header(header: tuple[str, ...], source: str) -> None:
    seen: dict[str, int] = {}
    for position, name in enumerate(header, start=1):
        if not name:
            raise UserError(f"{source}, line 1, column {position}: the column has no name.")
        key = column_key(name)
        if key in seen:
            raise UserError(
                f"{source}, line 1: the column “{name}” appears twice "
                f"(columns {seen[key]} and {position})."
            )
        seen[key] = position


# ------------------------------------------------------------------ converters for `convert`


def to_float(value: str) -> float:
    """A required number; '1,234' style thousands separators are not accepted (ambiguous)."""
    number = float(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise CellError(f"“{value}” is not a finite number.")
    return number


def to_optional_float(value: str) -> float | None:
    """A number, or None for an empty cell or O*NET's `n/a`."""
    if value == "" or value == "n/a":
        return None
    return to_float(value)


def to_int(value: str) -> int:
    return int(value)


def to_optional_int(value: str) -> int | None:
    if value == "" or value == "n/a":
        return None
    return int(value)


def to_flag(value: str) -> int:
    """O*NET's Y/N as 1/0."""
    if value == "Y":
        return 1
    if value == "N":
        return 0
    raise CellError(f"“{value}” should be Y or N.")


def to_optional_flag(value: str) -> int | None:
    """Y/N as 1/0; `n/a` or empty as None (unknown)."""
    if value == "" or value == "n/a":
        return None
    return to_flag(value)


# ------------------------------------------------------------------ fast column converters
# Each returns the converted column, or None when its quick check is unsure (the caller then
# converts cell by cell and names the first bad one); a bad cell raises ValueError/KeyError.

_NULLS = frozenset(("", "n/a"))
_FLAGS = {"Y": 1, "N": 0}
_OPTIONAL_FLAGS = {"Y": 1, "N": 0, "": None, "n/a": None}


def _all_finite(values: list) -> bool:
    present = [v for v in values if v is not None] if None in values else values
    return math.isfinite(math.fsum(present))


def _fast_float(values: tuple) -> list | None:
    converted = list(map(float, values))
    return converted if _all_finite(converted) else None


def _fast_optional_float(values: tuple) -> list | None:
    converted = [None if v in _NULLS else float(v) for v in values]
    return converted if _all_finite(converted) else None


_FAST: dict[Callable, Callable[[tuple], list | None]] = {
    to_float: _fast_float,
    to_optional_float: _fast_optional_float,
    to_int: lambda values: list(map(int, values)),
    to_optional_int: lambda values: [None if v in _NULLS else int(v) for v in values],
    to_flag: lambda values: list(map(_FLAGS.__getitem__, values)),
    to_optional_flag: lambda values: list(map(_OPTIONAL_FLAGS.__getitem__, values)),
}
