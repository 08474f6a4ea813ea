"""Careful reading of TSV/CSV: encodings accepted, damage refused with file, line and column."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerplanner.errors import UserError
from careerplanner.importers.tabular import (
    MAX_FIELD_CHARS,
    decode_text,
    header_of,
    read_table,
    to_flag,
    to_float,
    to_int,
    to_optional_flag,
    to_optional_float,
    to_optional_int,
)
from tests.conftest import onet_release

CSV = "name,value\nalpha,1.5\nbeta,2\n"


def test_real_onet_file_reads_with_line_numbers():
    data = (onet_release("29.2") / "Job Zones.txt").read_bytes()
    table = read_table(data, "Job Zones.txt")
    assert table.header == ("O*NET-SOC Code", "Job Zone", "Date", "Domain Source")
    assert len(table) == data.count(b"\n") - 1
    assert table.rows[0][0] == "11-1011.00"
    assert table.line_of(len(table) - 1) == len(table) + 1
    assert header_of(data, "Job Zones.txt") == table.header


@pytest.mark.parametrize(
    "encoded",
    [
        CSV.encode("utf-8"),
        b"\xef\xbb\xbf" + CSV.encode("utf-8"),
        CSV.encode("utf-16"),  # with BOM
        CSV.encode("utf-16-le"),  # without BOM
        CSV.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "crlf"],
)
def test_accepted_encodings_give_the_same_table(encoded):
    table = read_table(encoded, "t.csv")
    assert table.header == ("name", "value")
    assert table.rows == [["alpha", "1.5"], ["beta", "2"]]


def test_cp1252_bytes_are_refused_with_line_and_column():
    data = "name,value\nalpha,1\nit\u2019s,2\n".encode("cp1252")
    with pytest.raises(UserError) as error:
        read_table(data, "jobs.csv")
    message = str(error.value)
    assert message.startswith("jobs.csv, line 3, column 3: byte 0x92 is not valid UTF-8")
    assert "Windows-1252" in message


def test_binary_data_is_refused():
    with pytest.raises(UserError, match=r"t.csv, line 2: the file holds binary data"):
        decode_text(b"a,b\n\x00\x01,2\n", "t.csv")


def test_ragged_row_names_the_line():
    with pytest.raises(UserError, match=r"t.tsv, line 3: expected 3 fields .* found 2"):
        read_table(b"a\tb\tc\n1\t2\t3\n4\t5\n", "t.tsv")


def test_ragged_row_in_quoted_csv_counts_physical_lines():
    data = b'a,b\n"multi\nline",2\nonly-one\n'
    with pytest.raises(UserError, match=r"t.csv, line 4: expected 2 fields"):
        read_table(data, "t.csv")


def test_missing_columns_are_all_named():
    table = read_table(CSV.encode(), "t.csv")
    with pytest.raises(UserError) as error:
        table.require_columns("name", "salary", "title")
    assert "t.csv, line 1: the columns “salary”, “title” are missing" in str(error.value)


def test_duplicate_and_blank_column_names_are_refused():
    with pytest.raises(
        UserError, match=r"line 1: the column “name” appears twice \(columns 1 and 3\)"
    ):
        read_table(b"Name,value,name\n1,2,3\n", "t.csv")
    with pytest.raises(UserError, match=r"line 1, column 2: the column has no name"):
        read_table(b"a,,c\n1,2,3\n", "t.csv")


def test_header_only_and_empty_files():
    with pytest.raises(UserError, match=r"t.csv has a header but no rows"):
        read_table(b"a,b\n", "t.csv")
    assert len(read_table(b"a,b\n", "t.csv", allow_header_only=True)) == 0
    for empty in (b"", b"\n\n", b"\xef\xbb\xbf"):
        with pytest.raises(UserError, match=r"t.csv is empty"):
            read_table(empty, "t.csv")


def test_unterminated_quote_and_huge_field():
    with pytest.raises(UserError, match=r"t.csv, line 2: .*unterminated quote"):
        read_table(b'a,b\n"never closed,1\n', "t.csv")
    huge = b"a,b\n" + b"x" * (MAX_FIELD_CHARS + 10) + b",1\n"
    with pytest.raises(UserError, match=r"t.csv, line 2: a field is too long"):
        read_table(huge, "t.csv")


def test_non_numeric_value_names_line_and_column():
    table = read_table(b"code\tvalue\nA\t1.5\nB\tabc\n", "Skills.txt")
    with pytest.raises(UserError) as error:
        table.typed(("code", "value"), {"value": to_float})
    assert str(error.value) == "Skills.txt, line 3, column “value”: “abc” is not a number."


@pytest.mark.parametrize("bad", ["nan", "inf", "-Infinity"])
def test_nan_and_infinity_are_refused(bad):
    table = read_table(f"v\n1\n{bad}\n".encode(), "t.csv")
    with pytest.raises(UserError, match=rf"t.csv, line 3, column “v”: “{bad}” is not a finite"):
        table.typed(("v",), {"v": to_float})


def test_flag_errors_explain_themselves():
    table = read_table(b"f\nY\nmaybe\n", "t.csv")
    with pytest.raises(UserError, match=r"line 3, column “f”: “maybe” should be Y or N"):
        table.typed(("f",), {"f": to_flag})


def test_convert_keeps_text_columns_first():
    table = read_table(b"a,b,c\nx,1,Y\n", "t.csv")
    assert table.convert({"b": to_int, "c": to_flag}, keep=["a"]) == [("x", 1, 1)]


cells = st.one_of(
    st.just(""), st.just("n/a"), st.integers(-1000, 1000).map(str), st.sampled_from(["Y", "N"])
)


@given(st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=30))
def test_fast_column_conversion_agrees_with_cell_by_cell(rows):
    """The column-wise fast path must give exactly what calling each converter would."""
    text = "a\tb\tc\n" + "".join("\t".join(r) + "\n" for r in rows)
    table = read_table(text, "t.tsv", delimiter="\t")
    for converter in (to_optional_float, to_optional_int, to_optional_flag):
        expected = []
        failed = False
        for row in table.rows:
            try:
                expected.append(tuple(converter(v) for v in row))
            except ValueError:
                failed = True
                break
        converters = dict.fromkeys("abc", converter)
        if failed:
            with pytest.raises(UserError):
                table.typed(("a", "b", "c"), converters)
        else:
            got = table.typed(("a", "b", "c"), converters)
            assert got == expected
            assert all(not isinstance(v, float) or math.isfinite(v) for r in got for v in r)
