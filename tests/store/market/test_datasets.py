"""Dataset versions: install in one transaction, no-op re-import, switch, cancel, disk full."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from careerplanner.core.progress import CancelToken
from careerplanner.errors import Cancelled, UserError
from careerplanner.importers.datasets.onet import read_onet_release
from careerplanner.services.dataset_import import import_path
from careerplanner.store.market.datasets import (
    active_dataset,
    dataset_files,
    get_dataset,
    install_dataset,
    list_datasets,
    previous_dataset,
    read_dataset_tables,
    resolve_skill_key,
    use_dataset,
)
from tests.conftest import PROJECT_ROOT
from tests.importers.datasets.onet_slices import (
    database_fingerprint,
    file_bytes,
    make_release,
    make_release_zip,
)


@pytest.fixture
def market(data_dir):
    db = data_dir.open_market_db()
    yield db
    db.close()


class Releases:
    """Sliced releases written on first use."""

    def __init__(self, root):
        self.root = root
        self.made = {}

    def __getitem__(self, version):
        if version not in self.made:
            if version == "29.3":
                path = make_release_zip(self.root / "db_29_3_text.zip", "29.3")
            else:
                path = make_release(self.root / version, version)
            self.made[version] = path
        return self.made[version]


@pytest.fixture
def releases(tmp_path):
    return Releases(tmp_path)


def counts(db, dataset_id):
    return {t: len(rows) for t, (_, rows) in read_dataset_tables(db, dataset_id).items()}


def test_install_writes_every_row_and_activates(market, releases):
    dataset = read_onet_release(releases["29.2"])
    result = install_dataset(market, dataset)
    assert not result.already_installed
    assert result.dataset.active and result.dataset.kind == "onet"
    assert counts(market, result.dataset.id) == {
        t: len(rows) for t, (_, rows) in dataset.tables.items()
    }
    assert read_dataset_tables(market, result.dataset.id)["onet_tech_skill"][1] == [
        tuple(r) for r in dataset.tables["onet_tech_skill"][1]
    ]
    roles = {f["role"] for f in dataset_files(market, result.dataset.id)}
    assert {"occupations", "technology_skills", "skills", "knowledge"} <= roles


def test_same_content_again_changes_nothing(market, releases, data_dir):
    first = import_path(market, releases["29.2"])
    before = database_fingerprint(data_dir.market_db_path)
    again = import_path(market, releases["29.2"])
    assert again.already_installed and again.dataset.id == first.dataset.id
    assert "already installed as dataset" in again.sentence
    assert database_fingerprint(data_dir.market_db_path) == before


def test_versions_stay_and_use_switches(market, releases):
    old = import_path(market, releases["29.2"]).dataset
    new = import_path(market, releases["29.3"]).dataset
    assert [d.id for d in list_datasets(market)] == [old.id, new.id]
    assert active_dataset(market, "onet").id == new.id
    assert previous_dataset(market, "onet").id == old.id
    use_dataset(market, old.id)
    assert active_dataset(market, "onet").id == old.id
    assert not get_dataset(market, new.id).active
    assert previous_dataset(market, "onet") is None
    with pytest.raises(UserError, match=r"There is no dataset 99"):
        use_dataset(market, 99)


def test_one_active_version_per_kind_is_enforced_by_the_schema(market, releases):
    import_path(market, releases["29.2"])
    import_path(market, releases["29.3"])
    with pytest.raises(sqlite3.IntegrityError):
        market.execute("UPDATE dataset SET active = 1")


def test_cancel_rolls_everything_back(market, releases, data_dir):
    import_path(market, releases["29.2"])
    before = database_fingerprint(data_dir.market_db_path)
    dataset = read_onet_release(releases["29.3"])
    token = CancelToken()
    calls = []

    def progress(done, total, message):
        calls.append(done)
        token.cancel()  # after the first batch of rows is written

    with pytest.raises(Cancelled):
        install_dataset(market, dataset, progress, token)
    assert calls  # rows had been written before the cancel
    assert database_fingerprint(data_dir.market_db_path) == before
    assert active_dataset(market, "onet").version == "29.2"


def test_a_failure_after_writing_rolls_back(market, releases, data_dir):
    import_path(market, releases["29.2"])
    before = database_fingerprint(data_dir.market_db_path)
    dataset = read_onet_release(releases["29.3"])
    columns, rows = dataset.tables["onet_job_zone"]
    dataset.tables["onet_job_zone"] = (columns, [*rows, rows[0]])  # duplicate key, last table
    with pytest.raises(sqlite3.IntegrityError):
        install_dataset(market, dataset)
    assert database_fingerprint(data_dir.market_db_path) == before


def test_disk_full_is_a_sentence_and_changes_nothing(market, releases, data_dir):
    import_path(market, releases["29.2"])
    before = database_fingerprint(data_dir.market_db_path)
    pages = market.execute("PRAGMA page_count").fetchone()[0]
    market.execute(f"PRAGMA max_page_count = {pages + 5}")
    with pytest.raises(UserError) as error:
        import_path(market, releases["29.3"])
    assert str(error.value) == "Not enough disk space to install O*NET 29.3; nothing was changed."
    market.execute("PRAGMA max_page_count = 1073741823")
    assert database_fingerprint(data_dir.market_db_path) == before


def test_content_that_does_not_fit_the_schema_is_refused(market, releases):
    dataset = read_onet_release(releases["29.2"])
    dataset.tables["dataset"] = (("kind",), [("evil",)])
    with pytest.raises(UserError, match=r"the table “dataset” does not belong to a onet dataset"):
        install_dataset(market, dataset)
    dataset = read_onet_release(releases["29.2"])
    columns, rows = dataset.tables["onet_occupation"]
    dataset.tables["onet_occupation"] = ((*columns[:-1], "description; DROP TABLE x"), rows)
    with pytest.raises(UserError, match=r"unknown columns"):
        install_dataset(market, dataset)
    assert list_datasets(market) == []


@pytest.mark.parametrize(
    "damage",
    [
        "not_a_zip",
        "truncated_zip",
        "unknown_header",
        "missing_column",
        "wrong_encoding",
        "ragged_row",
        "non_numeric",
    ],
)
def test_bad_input_leaves_the_database_byte_identical(market, releases, data_dir, tmp_path, damage):
    import_path(market, releases["29.2"])
    market.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before_bytes = file_bytes(data_dir.market_db_path)
    before_rows = database_fingerprint(data_dir.market_db_path)
    path, expected = _damaged(tmp_path, releases, damage)
    with pytest.raises(UserError) as error:
        import_path(market, path)
    assert expected in str(error.value)
    assert file_bytes(data_dir.market_db_path) == before_bytes
    assert database_fingerprint(data_dir.market_db_path) == before_rows
    assert active_dataset(market, "onet").version == "29.2"


def _damaged(tmp_path, releases, damage):
    zipped = releases["29.3"].read_bytes()
    if damage == "not_a_zip":
        path = tmp_path / "db_29_3_text.zip"
        path.write_bytes(b"PK\x03\x04 this is not really a zip")
        return path, "db_29_3_text.zip is a truncated or damaged zip file"
    if damage == "truncated_zip":
        path = tmp_path / "cut.zip"
        path.write_bytes(zipped[: len(zipped) * 2 // 3])
        return path, "cut.zip is a truncated or damaged zip file"
    folder = make_release(tmp_path / f"bad-{damage}", "29.3")
    target = folder / "Technology Skills.txt"
    data = target.read_bytes()
    if damage == "unknown_header":
        for file in folder.iterdir():
            file.unlink()
        mystery = tmp_path / "mystery.csv"
        mystery.write_text("a,b\n1,2\n", encoding="utf-8")
        return (
            mystery,
            "mystery.csv, line 1: the header “a, b” is not one Career Planner recognises",
        )
    if damage == "missing_column":
        target.write_bytes(data.replace(b"\tCommodity Title\t", b"\tCommodity Name\t", 1))
        return folder, "Technology Skills.txt, line 1: the column “Commodity Title” is missing"
    if damage == "wrong_encoding":
        target.write_bytes(data.replace(b"Microsoft", b"Micro\x92soft", 1))
        return folder, "byte 0x92 is not valid UTF-8"
    lines = data.split(b"\r\n")
    if damage == "ragged_row":
        lines[7] += b"\textra"
        target.write_bytes(b"\r\n".join(lines))
        return (
            folder,
            "Technology Skills.txt, line 8: expected 6 fields like the header but found 7",
        )
    fields = lines[9].split(b"\t")
    fields[2] = b"4323x202"
    lines[9] = b"\t".join(fields)
    target.write_bytes(b"\r\n".join(lines))
    return (
        folder,
        "Technology Skills.txt, line 10, column “Commodity Code”: “4323x202” is not a number.",
    )


def test_renames_are_detected_stored_and_followed(market, tmp_path):
    old = import_path(market, make_release(tmp_path / "24.2", "24.2")).dataset
    # Without Occupation Data it is not made active on its own; a user who switches to it
    # (as its sentence invites) gets the renames when the newer release arrives.
    use_dataset(market, old.id)
    new = import_path(market, make_release(tmp_path / "29.2", "29.2"))
    assert new.renames > 0
    old_key = "technology:adobe systems adobe acrobat"
    assert resolve_skill_key(market, old_key) == "technology:adobe acrobat"
    row = market.execute(
        "SELECT new_name, reason FROM skill_alias WHERE old_key = ?", [old_key]
    ).fetchone()
    assert row == ("Adobe Acrobat", "renamed")
    # Switching back to the old release makes the old name live again.
    use_dataset(market, old.id)
    assert resolve_skill_key(market, old_key) == old_key
    assert resolve_skill_key(market, "technology:no such thing") == "technology:no such thing"


KILLER = """
import os, signal, sys
from pathlib import Path
from careerplanner.store.data_dir import DataDir
from careerplanner.services.dataset_import import import_path

calls = 0
def progress(done, total, message):
    global calls
    if message.startswith("Importing"):  # said before each file and after each chunk saved
        calls += 1
        if calls == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)

db = DataDir(Path(sys.argv[1])).open_market_db()
import_path(db, Path(sys.argv[2]), progress)
"""


@pytest.mark.parametrize("kill_at", [1, 4, 8])
def test_kill_during_install_leaves_the_old_version(data_dir, releases, tmp_path, kill_at):
    db = data_dir.open_market_db()
    import_path(db, releases["29.2"])
    before = database_fingerprint(data_dir.market_db_path)
    db.close()
    script = tmp_path / "killer.py"
    script.write_text(KILLER, encoding="utf-8")
    process = subprocess.run(
        [sys.executable, str(script), str(data_dir.root), str(releases["29.3"]), str(kill_at)],
        cwd=PROJECT_ROOT,
        capture_output=True,
    )
    assert process.returncode == -9, process.stderr.decode()
    db = data_dir.open_market_db()
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert active_dataset(db, "onet").version == "29.2"
        assert [d.version for d in list_datasets(db)] == ["29.2"]
        assert database_fingerprint(data_dir.market_db_path) == before
        assert not import_path(db, releases["29.3"]).already_installed  # re-import works
    finally:
        db.close()
