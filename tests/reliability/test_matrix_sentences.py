"""The archive, manifest and CSV rows of the matrix in one place, through `import_path` — the
function behind `careerplanner dataset import` and the Datasets screen: the exact sentence the
user sees for each hostile file, and the market database exactly as before (or, for the
encodings that are accepted, a new active version)."""

from __future__ import annotations

import codecs
import hashlib
import json
import zipfile

import pytest

from careerplanner.errors import UserError
from careerplanner.services.dataset_import import import_path
from careerplanner.services.packs import export_pack
from careerplanner.store.market.datasets import active_dataset, install_dataset
from tests.conftest import onet_release
from tests.importers.test_safe_zip import patch_sizes, set_encrypted_flag, write_zip
from tests.services.test_packs import market_db, onet_dataset, postings_dataset

HEADER = "Job Title,Job Description,Salary Estimate,seniority,job_simp,Location\n"
ROW = (
    '"Data Scientist","We need Python and SQL.","$53K-$91K (Glassdoor est.)",na,'
    'data scientist,"Boston, MA"\n'
)
TSV = b"O*NET-SOC Code\tTitle\n15-1252.00\tSoftware Developers\n"


@pytest.fixture(scope="module")
def pack_members(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pack")
    db = market_db(folder)
    installed = install_dataset(db, postings_dataset()).dataset
    pack = export_pack(db, installed.id, folder / "good.zip")
    db.close()
    with zipfile.ZipFile(pack) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def repacked(folder, name, members, *, fix_checksums=True, edit=None, raw_manifest=None):
    members = dict(members)
    manifest = json.loads(members["manifest.json"])
    if fix_checksums:
        for file in manifest["files"]:
            manifest["files"][file] = hashlib.sha256(members[file]).hexdigest()
    if edit:
        edit(manifest)
    members["manifest.json"] = raw_manifest or json.dumps(manifest).encode()
    return write_zip(folder / name, members)


def replaced(members, file, old: bytes, new: bytes):
    return {**members, file: members[file].replace(old, new, 1)}


def duplicated_first_row(members, file):
    header, first, rest = members[file].split(b"\n", 2)
    return {**members, file: b"\n".join([header, first, first, rest])}


def one_more_row(table):
    def edit(manifest):
        for entry in manifest["tables"]:
            if entry["name"] == table:
                entry["rows"] += 1

    return edit


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# (case, file maker, the exact sentence). Every maker gets (folder, pack members).
REFUSED = [
    (
        "zip slip ../x",
        lambda f, m: write_zip(f / "slip.zip", {"../x.txt": TSV}),
        "slip.zip contains an unsafe file name “../x.txt” that points outside its folder; the "
        "zip was refused and nothing was written.",
    ),
    (
        "zip slip /abs",
        lambda f, m: write_zip(f / "slip.zip", {"/etc/x.txt": TSV}),
        "slip.zip contains an unsafe file name “/etc/x.txt” that points outside its folder; the "
        "zip was refused and nothing was written.",
    ),
    (
        "zip slip C:\\x",
        lambda f, m: write_zip(f / "slip.zip", {"C:\\x.txt": TSV}),
        "slip.zip contains an unsafe file name “C:\\x.txt” that points outside its folder; the "
        "zip was refused and nothing was written.",
    ),
    (
        "zip bomb (ratio ~1000)",
        lambda f, m: write_zip(f / "bomb.zip", {"Occupation Data.txt": b"\0" * (8 << 20)}),
        "bomb.zip looks like a zip bomb: “Occupation Data.txt” would expand 8,388,608 bytes "
        "from 8,157; it was not opened.",
    ),
    (
        "lying size header",
        lambda f, m: write(f, "lying.zip", _lying_size_zip(f)),
        "lying.zip: “a.txt” lies about its size (it declares 10 bytes but holds more); the file "
        "was refused.",
    ),
    (
        "truncated zip",
        lambda f, m: write(f, "cut.zip", _half_of_the_real_release()),
        "cut.zip is a truncated or damaged zip file (its table of contents is missing); "
        "download or copy it again.",
    ),
    (
        "encrypted zip",
        lambda f, m: write(
            f,
            "locked.zip",
            set_encrypted_flag(write_zip(f / "e.zip", {"secret.txt": b"x" * 100}).read_bytes()),
        ),
        "locked.zip is password-protected (“secret.txt” is encrypted); Career Planner can only "
        "read unencrypted zip files.",
    ),
    (
        "manifest checksum mismatch",
        lambda f, m: repacked(
            f,
            "checksum.zip",
            replaced(m, "posting_role.csv", b"50000.0", b"99999.0"),
            fix_checksums=False,
        ),
        "checksum.zip: the checksum of “posting_role.csv” does not match manifest.json (the "
        "file was changed or damaged); nothing was imported.",
    ),
    (
        "duplicate keys in the manifest",
        lambda f, m: repacked(
            f,
            "dupkeys.zip",
            m,
            raw_manifest=m["manifest.json"].replace(
                b'"format_version"', b'"kind": "postings", "format_version"', 1
            ),
        ),
        "dupkeys.zip: manifest.json has the key “kind” twice.",
    ),
    (
        "duplicate keys in a table",
        lambda f, m: repacked(
            f,
            "duprows.zip",
            duplicated_first_row(m, "posting_pairing.csv"),
            edit=one_more_row("posting_pairing"),
        ),
        "duprows.zip: posting_pairing.csv, line 3: the key (role='', "
        "skill_key='technology:python', other_key='technology:sql') appears twice (first on "
        "line 2).",
    ),
    (
        "NaN",
        lambda f, m: repacked(f, "nan.zip", replaced(m, "posting_role.csv", b"50000.0", b"NaN")),
        "nan.zip: posting_role.csv, line 2, column “pay_p10”: “NaN” is not a finite number "
        "(NaN and infinity are refused).",
    ),
    (
        "newer format version",
        lambda f, m: repacked(
            f, "newer.zip", m, edit=lambda manifest: manifest.update(format_version=99)
        ),
        "newer.zip uses pack format 99, newer than this version of Career Planner reads (1); "
        "update the application to import it.",
    ),
    (
        "CSV cp1252 bytes",
        lambda f, m: write(
            f, "cp.csv", (HEADER + ROW).encode() + b'"Analyst","Don\x92t panic",,na,na,\n'
        ),
        "cp.csv, line 3, column 15: byte 0x92 is not valid UTF-8 (the file is probably in a "
        "legacy encoding such as Windows-1252); save it as UTF-8 and import it again.",
    ),
    (
        "CSV unterminated quote",
        lambda f, m: write(f, "quote.csv", HEADER + ROW + '"Analyst","never closed,,na,na,\n'),
        "quote.csv, line 3: a quoted field is never closed (unterminated quote).",
    ),
    (
        "CSV huge field",
        lambda f, m: write(f, "huge.csv", HEADER + '"A","' + "x" * 1_100_000 + '",,na,na,\n'),
        "huge.csv, line 2: a field is too long to be real data (probably an unterminated quote).",
    ),
    (
        "CSV missing column",
        lambda f, m: write(f, "missing.csv", "Job Title,Salary Estimate\nA,$1\n"),
        "missing.csv, line 1: the header “Job Title, Salary Estimate” is not one Career Planner "
        "recognises; expected an O*NET text release (folder or zip), a BLS OEWS wage table, a "
        "job-postings CSV, an ESCO skills CSV or a Career Planner skill-demand pack. If it holds "
        "job postings, say which of its columns (“Job Title”, “Salary Estimate”) holds the job "
        "title and which the ad's text, and import it again: careerplanner dataset import "
        'missing.csv --map title="Job Title" --map description="COLUMN" (more fields to map: '
        "salary, salary_min, salary_max, seniority, role, location, salary_frequency, "
        "qualifications, preferred, job_id, employer, job_class).",
    ),
    (
        "CSV ragged row",
        lambda f, m: write(f, "ragged.csv", HEADER + ROW + '"A","B"\n'),
        "ragged.csv, line 3: expected 6 fields like the header but found 2; the row is ragged "
        "or a field holds a stray delimiter.",
    ),
    (
        "CSV non-numeric number",
        lambda f, m: write(f, "nonnum.csv", HEADER + '"A","Python",lots of money,na,na,\n'),
        "nonnum.csv, line 2, column “Salary Estimate”: 'lots of money' is not a salary; write "
        "a number or range such as “$50K-$70K”, or leave the cell empty when the pay is unknown.",
    ),
    (
        "CSV header only",
        lambda f, m: write(f, "header.csv", HEADER),
        "header.csv has a header but no rows of data.",
    ),
    ("CSV empty file", lambda f, m: write(f, "empty.csv", b""), "empty.csv is empty."),
]


def _lying_size_zip(folder) -> bytes:
    honest = write_zip(folder / "honest.zip", {"a.txt": b"x" * 5000}).read_bytes()
    return patch_sizes(honest, 10)


def _half_of_the_real_release() -> bytes:
    data = onet_release("29.3").read_bytes()
    return data[: len(data) // 2]


@pytest.fixture
def market(tmp_path):
    """A market database with a version already installed: it must stay exactly as it is."""
    (tmp_path / "db").mkdir()
    db = market_db(tmp_path / "db")
    install_dataset(db, onet_dataset())
    yield db
    db.close()


@pytest.mark.parametrize(("case", "make", "sentence"), REFUSED, ids=[c[0] for c in REFUSED])
def test_each_hostile_file_is_one_sentence_and_changes_nothing(
    market, tmp_path, pack_members, case, make, sentence
):
    path = make(tmp_path, pack_members)
    before = list(market.conn.iterdump())
    with pytest.raises(UserError) as refused:
        import_path(market, path)
    assert list(market.conn.iterdump()) == before
    message = str(refused.value)
    assert "\n" not in message
    assert message == sentence


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom.csv", codecs.BOM_UTF8 + (HEADER + ROW).encode("utf-8")),
        ("utf16.csv", (HEADER + ROW).encode("utf-16")),
    ],
)
def test_bom_and_utf16_csv_are_accepted(market, tmp_path, name, data):
    path = write(tmp_path, name, data)
    result = import_path(market, path)
    assert result.dataset.active
    assert active_dataset(market, "postings").id == result.dataset.id
