"""O*NET files are read piece by piece (issue 16 class 12, issue 17): the same rows and the same
sentences as reading them whole, wherever the pieces are cut."""

from __future__ import annotations

import pytest

from careerplanner.errors import UserError
from careerplanner.importers.datasets.onet import read_onet_release
from careerplanner.importers.tabular import read_table, read_table_chunks
from tests.conftest import onet_release
from tests.importers.datasets.onet_slices import make_release


def chunked_rows(source, name, chunk_bytes):
    tables = list(read_table_chunks(source, name, chunk_bytes=chunk_bytes))
    rows = [row for table in tables for row in table.rows]
    lines = [table.line_of(i) for table in tables for i in range(len(table))]
    return tables, rows, lines


@pytest.mark.parametrize("chunk_bytes", [1, 97, 4096, 1 << 20])
def test_pieces_give_the_rows_and_lines_of_the_whole_file(tmp_path, chunk_bytes):
    data = (onet_release("29.2") / "Technology Skills.txt").read_bytes()
    head, body = data.split(b"\n", 1)
    lines = body.split(b"\n")
    lines.insert(7, b"")  # a blank line inside: later rows keep their own line numbers
    path = tmp_path / "Technology Skills.txt"
    path.write_bytes(head + b"\r\n" + b"\r\n".join(lines[:3000]))
    whole = read_table(path.read_bytes(), "Technology Skills.txt", delimiter="\t")
    expected_lines = [whole.line_of(i) for i in range(len(whole))]
    for source in (path, path.read_bytes()):
        tables, rows, numbered = chunked_rows(source, "Technology Skills.txt", chunk_bytes)
        assert {table.header for table in tables} == {whole.header}
        assert rows == whole.rows
        assert numbered == expected_lines


@pytest.mark.parametrize(
    ("line", "replace", "sentence"),
    [
        (20000, lambda fields: fields[:3], "line 20000: expected 6 fields like the header"),
        (25000, lambda fields: ["15-12x", *fields[1:]], "line 25000, column “O*NET-SOC Code”"),
        (30000, lambda fields: [*fields[:2], "12ab", *fields[3:]], "line 30000, column “Commodity"),
    ],
)
def test_a_bad_row_deep_in_a_release_file_is_named_by_its_line(tmp_path, line, replace, sentence):
    release = make_release(tmp_path / "release", "29.2", sliced=False)  # pieces of 1 MiB
    path = release / "Technology Skills.txt"
    rows = path.read_text(encoding="utf-8").split("\n")
    rows[line - 1] = "\t".join(replace(rows[line - 1].split("\t")))
    path.write_text("\n".join(rows), encoding="utf-8")
    with pytest.raises(UserError, match=sentence.replace("*", r"\*")):
        read_onet_release(release)


def test_a_bad_byte_in_a_later_piece_is_named_like_the_whole_file(tmp_path):
    path = tmp_path / "Technology Skills.txt"
    text = (onet_release("29.2") / "Technology Skills.txt").read_bytes().split(b"\n")[:2000]
    text[1500] = text[1500].replace(b"a", b"\x92", 1)
    path.write_bytes(b"\n".join(text))
    with pytest.raises(UserError) as whole:
        read_table(path.read_bytes(), path.name, delimiter="\t")
    with pytest.raises(UserError) as pieces:
        list(read_table_chunks(path, path.name, chunk_bytes=4096))
    assert str(pieces.value) == str(whole.value)
    assert "line 1501" in str(pieces.value)
