"""Packs: export any installed version, import it elsewhere exactly, refuse every damaged pack."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from careerplanner.core.datasets import DATASET_TABLES
from careerplanner.core.progress import CancelToken
from careerplanner.errors import Cancelled, UserError
from careerplanner.importers.datasets import ImportedDataset, ImportedFile
from careerplanner.importers.datasets.onet import read_onet_release
from careerplanner.importers.datasets.pack import PACK_FORMAT_VERSION, read_pack
from careerplanner.importers.datasets.wages import read_oews_wages
from careerplanner.services.packs import export_pack, import_pack, table_specs
from careerplanner.store.database import open_database
from careerplanner.store.market.datasets import get_dataset, install_dataset
from careerplanner.store.market.schema import MARKET_DB
from tests.conftest import WAGES_2023, onet_release

HOSTILE = 'Robert\'); DROP TABLE dataset;-- "quoted", comma\nnew line\r\nCRLF \\N ünïcode ='


def market_db(folder):
    return open_database(folder / "market.db", MARKET_DB, folder / "backups")


def postings_dataset() -> ImportedDataset:
    skill_columns = DATASET_TABLES["postings"]["posting_skill"]
    skills = [
        (
            "",
            "technology:python",
            "Python",
            10,
            7,
            0.7,
            3.0,
            2.857142857142857,
            0,
            1,
            1,
            3,
            2,
            0,
            120_000.5,
            5,
            98_000.0,
            2,
            1,
            5,
            2,
            '[["senior", 5], ["junior", 2]]',
        ),
        (
            "",
            "technology:sql",
            HOSTILE,
            10,
            3,
            0.3,
            2.5,
            2.5,
            0,
            0,
            2,
            1,
            0,
            0,
            None,
            0,
            None,
            7,
            0,
            None,  # must/nice and seniority not recorded (a version imported before them)
            None,
            None,
        ),
        (
            "Data Scientist",
            "technology:python",
            "Python",
            4,
            4,
            1.0,
            3.0,
            3.0,
            0,
            0,
            0,
            4,
            0,
            0,
            1e-300,
            3,
            None,
            0,
            0,
            4,
            0,
            "[]",
        ),
    ]
    role_columns = DATASET_TABLES["postings"]["posting_role"]
    roles = [
        ("", 10, 7, 50_000.0, 60_000.0, 0.1 + 0.2, 80_000.0, 90_000.0, '[["senior", 6]]'),
        ("Data Scientist", 4, 0, None, None, None, None, None, "[]"),
        (HOSTILE, 1, 0, None, None, None, None, None, "[]"),
    ]
    pairing_columns = DATASET_TABLES["postings"]["posting_pairing"]
    pairings = [("", "technology:python", "technology:sql", 3, 3 / 7, 1.4285714285714286)]
    return ImportedDataset(
        kind="postings",
        name="Glassdoor 2020 — slice",
        version="2026-11-21",
        source="jobs.csv",
        sha256=hashlib.sha256(b"postings").hexdigest(),
        licence="Unknown",
        attribution=HOSTILE,
        published="",
        tables={
            "posting_role": (role_columns, roles),
            "posting_skill": (skill_columns, skills),
            "posting_pairing": (pairing_columns, pairings),
        },
        files=[ImportedFile("postings CSV", "jobs.csv", 10)],
        notes=["10 postings analysed", "skipped notes.pdf"],
    )


def onet_dataset() -> ImportedDataset:
    """O*NET-shaped rows exercising NULL against "" and "\\N" in nullable text columns."""
    title_columns = DATASET_TABLES["onet"]["onet_title"]
    titles = [
        ("15-1252.00", "Backend Engineer", None, "alternate", None, 1),
        ("15-1252.00", "Coder", "", "reported", "\\N", None),
        ("15-1252.00", HOSTILE, "\\NN", "reported", "", 0),
    ]
    tech_columns = DATASET_TABLES["onet"]["onet_tech_skill"]
    tech = [
        ("15-1252.00", "Python", 43232108, "Object oriented dev", 1, None, "technology:python"),
        ("15-1252.00", "COBOL", 43232108, "Object oriented dev", 0, 0, "technology:cobol"),
    ]
    occupation_columns = DATASET_TABLES["onet"]["onet_occupation"]
    occupations = [("15-1252.00", "Software Developers", "Research, design, and develop.")]
    return ImportedDataset(
        kind="onet",
        name="O*NET 29.2",
        version="29.2",
        source="db_29_2_text",
        sha256=hashlib.sha256(b"onet").hexdigest(),
        licence="CC BY 4.0",
        attribution="This product includes information from the O*NET 29.2 Database…",
        published="2025-02",
        tables={
            "onet_title": (title_columns, titles),
            "onet_tech_skill": (tech_columns, tech),
            "onet_occupation": (occupation_columns, occupations),
        },
        files=[ImportedFile("occupations", "Occupation Data.txt", 1, "tab")],
    )


def typed_rows(db, dataset_id: int) -> dict[str, list]:
    """Every row of a version in stored order, each value beside its SQLite type (1 ≠ 1.0)."""
    kind = get_dataset(db, dataset_id).kind
    files = {"dataset_file": ("role", "file_name", "rows", "layout")}
    result = {}
    for table, columns in {**DATASET_TABLES[kind], **files}.items():
        cells = ", ".join(f"{c}, typeof({c})" for c in columns)
        without_rowid = (
            "WITHOUT ROWID"
            in db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table])
            .fetchone()[0]
            .upper()
        )
        order = "" if without_rowid else " ORDER BY rowid"
        result[table] = db.execute(
            f"SELECT {cells} FROM {table} WHERE dataset_id = ?{order}", [dataset_id]
        ).fetchall()
    return result


def dataset_fields(db, dataset_id: int) -> dict:
    info = get_dataset(db, dataset_id).as_dict()
    return {k: v for k, v in info.items() if k not in ("id", "imported_at", "active")}


def snapshot(db) -> list[str]:
    return list(db.conn.iterdump())


@pytest.mark.parametrize("make", [postings_dataset, onet_dataset])
def test_round_trip_reproduces_every_row_exactly(tmp_path, make):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source_db = market_db(tmp_path / "a")
    installed = install_dataset(source_db, make()).dataset
    pack = export_pack(source_db, installed.id, tmp_path / "out.zip")
    target_db = market_db(tmp_path / "b")
    result = import_pack(pack, target_db)
    assert not result.already_installed
    assert result.dataset.active
    assert dataset_fields(target_db, result.dataset.id) == dataset_fields(source_db, installed.id)
    assert typed_rows(target_db, result.dataset.id) == typed_rows(source_db, installed.id)
    # Importing it again, or into the database it came from, changes nothing.
    before = snapshot(target_db)
    assert import_pack(pack, target_db).already_installed
    assert snapshot(target_db) == before
    assert import_pack(pack, source_db).already_installed


def test_pack_layout_and_manifest(tmp_path):
    db = market_db(tmp_path)
    installed = install_dataset(db, postings_dataset()).dataset
    pack = export_pack(db, installed.id, tmp_path / "out.zip")
    with zipfile.ZipFile(pack) as archive:
        names = sorted(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        for name, digest in manifest["files"].items():
            assert hashlib.sha256(archive.read(name)).hexdigest() == digest
        header = archive.read("posting_skill.csv").decode("utf-8").split("\n", 1)[0]
    assert names == [
        "dataset_file.csv",
        "manifest.json",
        "posting_pairing.csv",
        "posting_role.csv",
        "posting_skill.csv",
    ]
    assert manifest["format_version"] == PACK_FORMAT_VERSION
    assert manifest["id"] == "postings-glassdoor-2020-slice-2026-11-21"
    assert manifest["licence"] == "Unknown"
    assert manifest["attribution"] == HOSTILE
    assert header.split(",") == list(DATASET_TABLES["postings"]["posting_skill"])
    skill_table = next(t for t in manifest["tables"] if t["name"] == "posting_skill")
    assert skill_table["key"] == ["role", "skill_key"]
    assert skill_table["rows"] == 3


def test_export_replaces_the_file_atomically_and_can_be_cancelled(tmp_path):
    db = market_db(tmp_path)
    installed = install_dataset(db, postings_dataset()).dataset
    out = tmp_path / "out.zip"
    out.write_bytes(b"previous export")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        export_pack(db, installed.id, out, cancel=token)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith("partial")) == []


# ---------------------------------------------------------------------------- damaged packs


@pytest.fixture
def pack_parts(tmp_path):
    """A valid exported pack's members, plus a helper that writes a changed copy."""
    source = tmp_path / "source"
    source.mkdir()
    db = market_db(source)
    installed = install_dataset(db, postings_dataset()).dataset
    pack = export_pack(db, installed.id, tmp_path / "good.zip")
    with zipfile.ZipFile(pack) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    return members


def rewrite(tmp_path, members: dict, *, fix_checksums: bool = True, manifest_edit=None):
    members = dict(members)
    manifest = json.loads(members["manifest.json"])
    if fix_checksums:
        for name in list(manifest["files"]):
            if name in members:
                manifest["files"][name] = hashlib.sha256(members[name]).hexdigest()
    if manifest_edit:
        manifest_edit(manifest)
    members["manifest.json"] = json.dumps(manifest).encode()
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def target(tmp_path):
    folder = tmp_path / "target"
    folder.mkdir()
    db = market_db(folder)
    install_dataset(db, onet_dataset())  # something already there that must stay untouched
    return db


def refused(path, db) -> str:
    before = snapshot(db)
    with pytest.raises(UserError) as caught:
        import_pack(path, db)
    assert snapshot(db) == before
    return str(caught.value)


def test_checksum_mismatch(tmp_path, pack_parts, target):
    parts = dict(pack_parts)
    parts["posting_role.csv"] = parts["posting_role.csv"].replace(b"50000.0", b"99999.0")
    message = refused(rewrite(tmp_path, parts, fix_checksums=False), target)
    assert message == (
        "bad.zip: the checksum of “posting_role.csv” does not match manifest.json (the file was "
        "changed or damaged); nothing was imported."
    )


def test_duplicate_keys(tmp_path, pack_parts, target):
    parts = dict(pack_parts)
    lines = parts["posting_skill.csv"].decode().split("\n")
    parts["posting_skill.csv"] = "\n".join([*lines[:2], lines[1], *lines[2:]]).encode()

    def bump(manifest):
        next(t for t in manifest["tables"] if t["name"] == "posting_skill")["rows"] += 1

    message = refused(rewrite(tmp_path, parts, manifest_edit=bump), target)
    assert message == (
        "bad.zip: posting_skill.csv, line 3: the key (role='', skill_key='technology:python') "
        "appears twice (first on line 2)."
    )


def test_nan_is_refused(tmp_path, pack_parts, target):
    parts = dict(pack_parts)
    parts["posting_role.csv"] = parts["posting_role.csv"].replace(b"50000.0", b"NaN")
    message = refused(rewrite(tmp_path, parts), target)
    assert message == (
        "bad.zip: posting_role.csv, line 2, column “pay_p10”: “NaN” is not a finite number "
        "(NaN and infinity are refused)."
    )


def test_non_numeric_cell(tmp_path, pack_parts, target):
    parts = dict(pack_parts)
    parts["posting_role.csv"] = parts["posting_role.csv"].replace(b",10,7,", b",ten,7,")
    message = refused(rewrite(tmp_path, parts), target)
    assert message == "bad.zip: posting_role.csv, line 2, column “jobs”: “ten” is not a number."


def test_newer_format_version(tmp_path, pack_parts, target):
    path = rewrite(tmp_path, pack_parts, manifest_edit=lambda m: m.update(format_version=2))
    assert refused(path, target) == (
        "bad.zip uses pack format 2, newer than this version of Career Planner reads (1); "
        "update the application to import it."
    )


def test_missing_file(tmp_path, pack_parts, target):
    parts = {k: v for k, v in pack_parts.items() if k != "posting_pairing.csv"}
    path = rewrite(tmp_path, parts, fix_checksums=False)
    assert refused(path, target) == (
        "bad.zip: the file “posting_pairing.csv” listed in manifest.json is missing."
    )


def test_unlisted_file(tmp_path, pack_parts, target):
    path = rewrite(tmp_path, {**pack_parts, "extra.csv": b"a\n1\n"})
    assert refused(path, target) == "bad.zip: the file “extra.csv” is not listed in manifest.json."


def test_no_manifest(tmp_path, pack_parts, target):
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("posting_role.csv", pack_parts["posting_role.csv"])
    assert refused(path, target) == "bad.zip is not a skill-demand pack: it has no manifest.json."


def test_manifest_not_json_and_duplicate_manifest_keys(tmp_path, pack_parts, target):
    parts = {**pack_parts, "manifest.json": b'{"format": "careerplanner-skill-demand-pack",\n ,}'}
    path = tmp_path / "bad.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert refused(path, target) == "bad.zip: manifest.json is not valid JSON (line 2, column 2)."
    text = pack_parts["manifest.json"].decode().replace('"kind":', '"kind": "x", "kind":', 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in {**pack_parts, "manifest.json": text.encode()}.items():
            archive.writestr(name, data)
    assert refused(path, target) == "bad.zip: manifest.json has the key “kind” twice."


def test_unknown_table_and_changed_columns(tmp_path, pack_parts, target):
    def rename(manifest):
        manifest["tables"][0]["name"] = "users"

    assert "the table “users” is not part of a “postings” dataset" in refused(
        rewrite(tmp_path, pack_parts, manifest_edit=rename), target
    )

    def drop_column(manifest):
        table = next(t for t in manifest["tables"] if t["name"] == "posting_pairing")
        table["columns"].pop()

    assert refused(rewrite(tmp_path, pack_parts, manifest_edit=drop_column), target) == (
        "bad.zip: the columns of “posting_pairing.csv” in manifest.json differ from the table "
        "“posting_pairing” this version of Career Planner expects (role, skill_key, other_key, "
        "together, share, lift)."
    )


def test_unknown_kind(tmp_path, pack_parts, target):
    path = rewrite(tmp_path, pack_parts, manifest_edit=lambda m: m.update(kind="moon"))
    assert refused(path, target) == (
        "bad.zip: manifest.json names the dataset kind “moon”, which this version of Career "
        "Planner does not know."
    )


def test_ragged_row(tmp_path, pack_parts, target):
    parts = dict(pack_parts)
    parts["posting_pairing.csv"] += b"x,y\n"
    message = refused(rewrite(tmp_path, parts), target)
    assert message.startswith("bad.zip: posting_pairing.csv, line 3: expected 6 fields")


def test_not_a_zip_and_zip_slip(tmp_path, pack_parts, target):
    path = tmp_path / "bad.zip"
    path.write_bytes(b"just text")
    assert refused(path, target) == "bad.zip is not a zip file."
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../evil.csv", b"x")
    assert "unsafe file name “../evil.csv”" in refused(path, target)


def test_cancel_while_installing_rolls_back(tmp_path, pack_parts, target):
    path = rewrite(tmp_path, pack_parts)
    token = CancelToken()

    def progress(done, total, message):
        if message.startswith("Saving"):
            token.cancel()

    before = snapshot(target)
    with pytest.raises(Cancelled):
        import_pack(path, target, progress, token)
    assert snapshot(target) == before


def test_table_specs_follow_the_schema(tmp_path):
    db = market_db(tmp_path)
    specs = table_specs(db, "onet")
    title = specs["onet_title"]
    assert [(c.name, c.type, c.nullable) for c in title.columns][:3] == [
        ("code", "text", False),
        ("title", "text", False),
        ("short_title", "text", True),
    ]
    assert specs["onet_occupation"].key == ("code",)
    assert table_specs(db, "moon") is None
    manifest, dataset = read_pack(
        export_pack(db, install_dataset(db, onet_dataset()).dataset.id, tmp_path / "o.zip"),
        lambda kind: table_specs(db, kind),
    )
    assert manifest.kind == dataset.kind == "onet"


# ---------------------------------------------------------------------------- real datasets


def round_trip(tmp_path, dataset) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source_db = market_db(tmp_path / "a")
    installed = install_dataset(source_db, dataset).dataset
    pack = export_pack(source_db, installed.id, tmp_path / "real.zip")
    target_db = market_db(tmp_path / "b")
    imported = import_pack(pack, target_db).dataset
    assert dataset_fields(target_db, imported.id) == dataset_fields(source_db, installed.id)
    assert typed_rows(target_db, imported.id) == typed_rows(source_db, installed.id)


def test_real_wage_table_round_trip(tmp_path):
    round_trip(tmp_path, read_oews_wages(WAGES_2023))


@pytest.mark.slow
def test_real_onet_release_round_trip(tmp_path):
    round_trip(tmp_path, read_onet_release(onet_release("29.2")))


def test_a_table_described_twice(tmp_path, pack_parts, target):
    def twice(manifest):
        manifest["tables"].append(dict(manifest["tables"][0]))

    message = refused(rewrite(tmp_path, pack_parts, manifest_edit=twice), target)
    assert message == "bad.zip: manifest.json describes the table “posting_role” twice."
