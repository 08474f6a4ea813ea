"""Fuzzing the readers of imported files: whatever the bytes, text or JSON, each reader returns a
result or raises UserError (one sentence for the user) — never any other exception.

Bounded so the suite stays fast: 200 examples per reader, no deadline (the CI machine is slow),
and derandomized so CI runs the same examples every time. To hunt for new failures, run with
FUZZ_EXAMPLES=5000 (random seed, many more examples).
"""

from __future__ import annotations

import codecs
import copy
import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from careerplanner.errors import UserError
from careerplanner.importers.datasets.pack import read_pack
from careerplanner.importers.datasets.postings import read_postings_csv
from careerplanner.importers.resume.formats import read_resume
from careerplanner.importers.resume.structured import json_resume_text
from careerplanner.importers.tabular import header_of, read_table, to_float, to_int
from careerplanner.services.packs import export_pack, table_specs
from careerplanner.store.database import open_database
from careerplanner.store.market.datasets import install_dataset
from careerplanner.store.market.schema import MARKET_DB

EXPLORE = "FUZZ_EXAMPLES" in os.environ
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not EXPLORE,
    database=None,
)

# Cells that stress a CSV reader: quotes, delimiters, line breaks, BOMs, NUL, numbers and words.
CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ['"', '""', ",", "\t", "\n", "\r\n", "\ufeff", "\x00", "NaN", "inf", "-0", "1e309", " "]
    ),
    st.from_regex(r"-?\d{1,6}(\.\d{1,4})?", fullmatch=True),
)
ROWS = st.lists(st.lists(CELL, min_size=0, max_size=6), min_size=0, max_size=8)
ENCODING = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])


def join_rows(rows: list[list[str]], delimiter: str, quote: bool) -> str:
    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if quote else value

    return "".join(delimiter.join(cell(value) for value in row) + "\n" for row in rows)


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def expect_result_or_user_error(function, *args, **kwargs):
    """Call `function`; a UserError must be one non-empty sentence."""
    try:
        return function(*args, **kwargs)
    except UserError as error:
        assert str(error).strip(), "a UserError with no sentence"
        return None


# ------------------------------------------------------------------- tabular (O*NET, wages)


def test_a_broken_quote_in_the_header_row_is_a_user_error():
    expect_result_or_user_error(read_table, b'"', "x.csv")


@FUZZ
@given(data=st.binary(max_size=2048))
@example(data=b'"')
@example(data=b"a,b\n1,\xff\n")
@example(data=b"\xff\xfea\x00,\x00b\x00\n\x00")
@example(data=b'a,b\n"1,2\n')
def test_read_table_on_arbitrary_bytes(data):
    table = expect_result_or_user_error(read_table, data, "fuzz.csv")
    if table is not None:
        assert all(len(row) == len(table.header) for row in table.rows)
    expect_result_or_user_error(header_of, data, "fuzz.csv")


@FUZZ
@given(
    rows=ROWS,
    delimiter=st.sampled_from([",", "\t"]),
    quote=st.booleans(),
    encoding=ENCODING,
    ragged=st.booleans(),
)
def test_read_table_on_csv_shaped_input(rows, delimiter, quote, encoding, ragged):
    # A well-formed header, so the rows below it get fuzzed (a broken header row is the
    # known failure above).
    header = [["code", "value", "note"]]
    data = encode(join_rows(header + rows, delimiter, quote), encoding)
    table = expect_result_or_user_error(
        read_table, data, "fuzz.csv", allow_header_only=True, allow_ragged_tail=ragged
    )
    if table is None or not table.has_column("value"):
        return
    for converter in (to_float, to_int):
        expect_result_or_user_error(table.convert, {"value": converter})


# ---------------------------------------------------------------------------- postings CSV

POSTINGS_HEADER = "Job Title,Job Description,Salary Estimate,seniority,job_simp,Location\n"


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def read_all_postings(path: Path) -> list:
    return list(read_postings_csv(path))


@FUZZ
@given(data=st.binary(max_size=2048))
def test_postings_reader_on_arbitrary_bytes(scratch, data):
    path = scratch / "jobs.csv"
    path.write_bytes(data)
    expect_result_or_user_error(read_all_postings, path)


@FUZZ
@given(rows=ROWS, quote=st.booleans(), encoding=ENCODING, bom=st.booleans())
@example(
    rows=[["A", "B", "$10-$20 Per Hour", "na", "na", "x"]], quote=True, encoding="utf-8", bom=False
)
def test_postings_reader_on_rows_under_a_real_header(scratch, rows, quote, encoding, bom):
    path = scratch / "jobs.csv"
    text = POSTINGS_HEADER + join_rows(rows, ",", quote)
    data = encode(text, encoding)
    path.write_bytes((codecs.BOM_UTF8 if bom and encoding == "utf-8" else b"") + data)
    postings = expect_result_or_user_error(read_all_postings, path)
    for posting in postings or []:
        assert posting.description.strip()  # rows without a description are left out


# ----------------------------------------------------------------------------------- packs


@pytest.fixture(scope="module")
def pack_parts(tmp_path_factory):
    """A real pack exported from a real market database: its members and the schema."""
    from tests.services.test_packs import onet_dataset

    folder = tmp_path_factory.mktemp("pack")
    db = open_database(folder / "market.db", MARKET_DB, folder / "backups")
    installed = install_dataset(db, onet_dataset()).dataset
    pack = export_pack(db, installed.id, folder / "onet.zip")
    with zipfile.ZipFile(pack) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    yield members, (lambda kind: table_specs(db, kind)), folder
    db.close()


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def test_the_unchanged_pack_reads(pack_parts):
    members, schema, folder = pack_parts
    _manifest, dataset = read_pack(write_zip(folder / "same.zip", members), schema)
    assert dataset.tables["onet_tech_skill"][1]  # the fuzzing below starts from a good pack


@FUZZ
@given(data=st.binary(max_size=4096))
def test_pack_reader_on_arbitrary_bytes(pack_parts, data):
    _members, schema, folder = pack_parts
    path = folder / "bytes.zip"
    path.write_bytes(data)
    expect_result_or_user_error(read_pack, path, schema)


@FUZZ
@given(
    table=st.sampled_from(["onet_title.csv", "onet_tech_skill.csv", "onet_occupation.csv"]),
    rows=ROWS,
    quote=st.booleans(),
)
def test_pack_reader_on_fuzzed_tables_with_right_checksums(pack_parts, table, rows, quote):
    members, schema, folder = pack_parts
    members = dict(members)
    original = members[table].decode("utf-8")
    header = original.split("\n", 1)[0] + "\n"  # the rows are fuzzed, the header is the real one
    content = (header + join_rows(rows, ",", quote)).encode("utf-8")
    members[table] = content
    manifest = json.loads(members["manifest.json"])
    manifest["files"][table] = hashlib.sha256(content).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode("utf-8")
    expect_result_or_user_error(read_pack, write_zip(folder / "table.zip", members), schema)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def manifest_paths(document, prefix=()):
    """Every (path, value) inside a manifest, for replacing one value at a time."""
    yield prefix, document
    if isinstance(document, dict):
        for key, value in document.items():
            yield from manifest_paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from manifest_paths(value, (*prefix, index))


KNOWN_BAD_FIELDS: set[str] = set()
ODD_VALUES = [True, 1, 1.5, -1, 10**30, None, "", "x", [], {}, [1], {"a": 1}]


def with_value(manifest: dict, path: tuple, value) -> dict:
    changed = copy.deepcopy(manifest)
    *parents, last = path
    holder = changed
    for key in parents:
        holder = holder[key]
    holder[last] = value
    return changed


def read_with_manifest(members, schema, folder, manifest: dict):
    text = json.dumps(manifest, allow_nan=True)
    members = {**members, "manifest.json": text.encode("utf-8")}
    return expect_result_or_user_error(
        read_pack, write_zip(folder / "manifest.zip", members), schema
    )


def test_pack_reader_on_every_manifest_value_replaced_by_an_odd_one(pack_parts):
    """Exhaustive: each of the manifest's values in turn becomes each odd value."""
    members, schema, folder = pack_parts
    manifest = json.loads(members["manifest.json"])
    paths = [p for p, _ in manifest_paths(manifest) if p and p[-1] not in KNOWN_BAD_FIELDS]
    assert len(paths) > 100
    for path in paths:
        for value in ODD_VALUES:
            read_with_manifest(members, schema, folder, with_value(manifest, path, value))


@pytest.mark.parametrize("value", [True, 1, 1.5])
def test_a_table_key_that_is_not_a_list_is_a_user_error(pack_parts, value):
    members, schema, folder = pack_parts
    manifest = json.loads(members["manifest.json"])
    read_with_manifest(members, schema, folder, with_value(manifest, ("tables", 0, "key"), value))


@FUZZ
@given(choice=st.integers(min_value=0), value=JSON_VALUES)
def test_pack_reader_on_a_manifest_with_one_value_replaced(pack_parts, choice, value):
    members, schema, folder = pack_parts
    manifest = json.loads(members["manifest.json"])
    paths = [p for p, _ in manifest_paths(manifest) if p and p[-1] not in KNOWN_BAD_FIELDS]
    read_with_manifest(
        members, schema, folder, with_value(manifest, paths[choice % len(paths)], value)
    )


@FUZZ
@given(data=st.binary(max_size=1024))
def test_pack_reader_on_a_manifest_of_arbitrary_bytes(pack_parts, data):
    members, schema, folder = pack_parts
    members = {**members, "manifest.json": data}
    expect_result_or_user_error(read_pack, write_zip(folder / "raw.zip", members), schema)


# ----------------------------------------------------------------------------- JSON Resume

RESUME_SHAPED = st.fixed_dictionaries(
    {},
    optional={
        key: JSON_VALUES
        for key in (
            "basics",
            "work",
            "volunteer",
            "education",
            "skills",
            "languages",
            "interests",
            "projects",
            "certificates",
            "awards",
            "publications",
        )
    },
)


@FUZZ
@given(text=st.text(max_size=2048))
@example(text="[" * 100_000)
@example(text='{"basics": {"image": "https://example.org/me.png"}}')
def test_json_resume_reader_on_arbitrary_text(text):
    expect_result_or_user_error(json_resume_text, Path("resume.json"), text)


@pytest.mark.parametrize(
    "text",
    [
        '{"work": 1}',
        '{"skills": true}',
        '{"education": true}',
        '{"work": [{"highlights": 1}]}',
        '{"skills": [{"keywords": 1}]}',
    ],
)
def test_a_json_resume_field_of_the_wrong_type_is_a_user_error(text):
    expect_result_or_user_error(json_resume_text, Path("resume.json"), text)


@FUZZ
@given(document=RESUME_SHAPED)
@example(document={"work": 1})
def test_json_resume_reader_on_resume_shaped_json(document):
    text = json.dumps(document, allow_nan=True)
    result = expect_result_or_user_error(json_resume_text, Path("resume.json"), text)
    assert result is None or isinstance(result, str)


@FUZZ
@given(document=RESUME_SHAPED, encoding=ENCODING)
@example(document={"skills": True}, encoding="utf-8")
def test_reading_a_json_resume_file(scratch, document, encoding):
    path = scratch / "resume.json"
    path.write_bytes(encode(json.dumps(document, ensure_ascii=False), encoding))
    raw = expect_result_or_user_error(read_resume, path)
    assert raw is None or raw.format == "json-resume"
