"""Issue 16, classes 6 and 11: a dataset release judged as a whole before it is installed, and
the leftovers (duplicate zip members, a read-me-only folder, absurd pay, exports to special
paths, private modes under umask 000, no `.partial` after a failed backup, a LinkedIn export with
a large file that is never read)."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest

from careerplanner.errors import UserError
from careerplanner.importers.resume.formats import read_resume
from careerplanner.paths import ensure_private_dir
from careerplanner.services.dataset_import import import_path
from careerplanner.store.backup import backup_database
from careerplanner.store.data_dir import DataDir
from careerplanner.store.market.datasets import active_dataset
from tests.conftest import PROJECT_ROOT
from tests.reliability.conftest import cli_command, run_cli, tmpfs

BUNDLED = PROJECT_ROOT / "data" / "onet_29_2_text.zip"


def onet_member(name: str) -> bytes:
    with zipfile.ZipFile(BUNDLED) as archive:
        return archive.read(f"db_29_2_text/{name}")


def market_dump(home: Path) -> list[str]:
    conn = sqlite3.connect(home / "market.db")
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def onet_template(tmp_path_factory) -> Path:
    """A market database holding only the bundled O*NET 29.2, made once for this module (the
    releases here are judged against an active O*NET; wages and postings play no part)."""
    home = tmp_path_factory.mktemp("onet-market")
    db = DataDir(home).open_market_db()
    import_path(db, BUNDLED)
    db.close()
    return home / "market.db"


@pytest.fixture
def market(data_home, onet_template):
    ensure_private_dir(data_home)
    source, target = sqlite3.connect(onet_template), sqlite3.connect(data_home / "market.db")
    source.backup(target)
    source.close()
    target.close()
    (data_home / "market.db").chmod(0o600)
    db = DataDir(data_home).open_market_db()
    yield db
    db.close()


def test_a_release_without_occupation_data_does_not_replace_the_active_one(market, tmp_path):
    folder = tmp_path / "onet"
    folder.mkdir()
    (folder / "Skills.txt").write_bytes(onet_member("Skills.txt"))
    was_active = active_dataset(market, "onet")
    result = import_path(market, folder)
    assert not result.dataset.active
    assert active_dataset(market, "onet").id == was_active.id
    assert "did not make it active: it has no Occupation Data" in result.sentence
    assert f"can't replace {was_active.name}, which stays active" in result.sentence


def test_an_empty_pack_or_release_is_refused(data_home, market, tmp_path):
    folder = tmp_path / "onet"
    folder.mkdir()
    header = onet_member("Occupation Data.txt").split(b"\n", 1)[0] + b"\n"
    (folder / "Occupation Data.txt").write_bytes(header + b"\n")
    before = market_dump(data_home)
    with pytest.raises(UserError):
        import_path(market, folder)
    assert market_dump(data_home) == before


def test_a_release_without_skills_is_installed_but_not_made_active(market, tmp_path):
    folder = tmp_path / "onet"
    folder.mkdir()
    (folder / "Occupation Data.txt").write_bytes(onet_member("Occupation Data.txt"))
    (folder / "Technology Skills.txt").write_bytes(onet_member("Technology Skills.txt"))
    (folder / "Skills.txt").write_bytes(onet_member("Skills.txt").split(b"\n", 1)[0] + b"\n")
    was_active = active_dataset(market, "onet")
    result = import_path(market, folder)
    assert not result.dataset.active
    assert active_dataset(market, "onet").id == was_active.id
    assert "did not make it active: it has no Skills data" in result.sentence
    assert f"careerplanner dataset use {result.dataset.id}" in result.sentence


def test_an_older_occupation_layout_is_installed_but_does_not_replace_the_active_one(
    market, tmp_path
):
    folder = tmp_path / "onet"
    folder.mkdir()
    (folder / "Occupation Data.txt").write_text(  # 2010 SOC codes, as O*NET 24.2 has them
        "O*NET-SOC Code\tTitle\tDescription\n"
        "15-1132.00\tSoftware Developers, Applications\tDevelop applications.\n"
        "15-1133.00\tSoftware Developers, Systems Software\tDevelop systems.\n"
    )
    older = PROJECT_ROOT / "tests" / "fixtures" / "onet" / "24.2"
    for name in ("Technology Skills.txt", "Read Me.txt"):
        (folder / name).write_bytes((older / name).read_bytes())
    was_active = active_dataset(market, "onet")
    result = import_path(market, folder)
    assert result.dataset.name == "O*NET 24.2"
    assert not result.dataset.active
    assert active_dataset(market, "onet").id == was_active.id
    assert result.sentence == (
        f"Installed O*NET 24.2 as dataset {result.dataset.id} ({result.rows:,} rows) but did not "
        "make it active: its occupation codes match almost none of the active O*NET 29.2 (an "
        "older or different occupation classification, such as the 2010 SOC codes of O*NET "
        "24.2), so every role and goal you chose would stop matching. Make it active with "
        f"`careerplanner dataset use {result.dataset.id}` if you mean to."
    )


def test_the_24_2_layout_without_occupation_data_is_installed_not_active_into_an_empty_market(
    data_dir,
):
    """The real O*NET 24.2 files the repository carries (Technology Skills, Read Me), imported
    where no O*NET is installed yet: kept, but never made active, since no role could be
    looked up with it (before: made active, and every `gap` then found nothing)."""
    market = data_dir.open_market_db()
    try:
        result = import_path(market, PROJECT_ROOT / "tests" / "fixtures" / "onet" / "24.2")
        assert not result.dataset.active
        assert active_dataset(market, "onet") is None
        assert result.rows == 29_016
        assert result.sentence == (
            f"Installed O*NET 24.2 as dataset {result.dataset.id} (29,016 rows) but did not make "
            "it active: it has no Occupation Data (the list of occupations every other O*NET "
            "file refers to), so no occupation, role or gap can be looked up with it; import a "
            "whole release (Occupation Data included). Make it active with `careerplanner "
            f"dataset use {result.dataset.id}` if you mean to."
        )
    finally:
        market.close()


def test_a_zip_with_two_members_of_the_same_name_is_refused(data_home, market, tmp_path):
    path = tmp_path / "twice.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Occupation Data.txt", onet_member("Occupation Data.txt"))
        archive.writestr("Skills.txt", onet_member("Skills.txt"))
        archive.writestr("Skills.txt", b"O*NET-SOC Code\tElement ID\n")
    before = market_dump(data_home)
    with pytest.raises(UserError) as refused:
        import_path(market, path)
    assert str(refused.value) == (
        "twice.zip holds two files named “Skills.txt”, so which one is meant is ambiguous; the "
        "zip was refused and nothing was written."
    )
    assert market_dump(data_home) == before


def test_a_folder_holding_only_a_read_me_is_not_a_postings_dataset(market, tmp_path):
    folder = tmp_path / "ads"
    folder.mkdir()
    (folder / "Read Me.txt").write_text("Save your job ads in this folder.\n" * 5)
    with pytest.raises(UserError, match="folder without any dataset Career Planner recognises"):
        import_path(market, folder)


def test_absurd_pay_in_postings_is_refused(data_home, market, tmp_path):
    path = tmp_path / "jobs.csv"
    rows = [
        "Job Title,Company Name,Location,Salary Estimate,Job Description",
        *[
            f"Data Engineer,Acme {n},NY,$5500000000000K-$5500000000001K,Python and SQL daily"
            for n in range(5)
        ],
    ]
    path.write_text("\n".join(rows) + "\n")
    before = market_dump(data_home)
    with pytest.raises(UserError, match="which no job pays"):
        import_path(market, path)
    assert market_dump(data_home) == before


def test_an_export_to_a_device_writes_to_it_and_never_replaces_it(data_home, tmp_path):
    device = tmp_path / "full"
    os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 7))  # a private /dev/full
    result = run_cli(data_home, "roadmap", "export", "--format", "json", "-o", str(device))
    assert result.returncode == 1
    assert result.stderr.strip() == f"Not enough space to write {device}."
    assert stat.S_ISCHR(device.stat().st_mode)  # still the device, not a file renamed over it


def test_a_pack_export_to_a_device_writes_to_it_and_never_replaces_it(installed_home, tmp_path):
    sink = tmp_path / "null"
    os.mknod(sink, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # a private /dev/null
    result = run_cli(installed_home, "dataset", "export", "1", "-o", str(sink))
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(sink.stat().st_mode)  # still the device
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o600, os.makedev(1, 7))  # a private /dev/full
    result = run_cli(installed_home, "dataset", "export", "1", "-o", str(full))
    assert result.returncode == 1
    assert result.stderr.strip().endswith(f"Not enough space to write {full}.")
    assert stat.S_ISCHR(full.stat().st_mode)
    assert not list(tmp_path.glob(".*partial"))


def test_a_pack_export_into_a_missing_folder_is_a_sentence(installed_home, tmp_path):
    target = tmp_path / "missing" / "pack.zip"
    result = run_cli(installed_home, "dataset", "export", "1", "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Can't write {target}: the folder {target.parent} does not exist."
    )


def test_files_are_private_under_umask_000(installed_home, tmp_path):
    argv, env = cli_command(installed_home, "dataset", "export", "1", "-o", "")
    pack = tmp_path / "pack.zip"
    argv[-1] = str(pack)
    subprocess.run(argv, env=env, check=True, capture_output=True, preexec_fn=lambda: os.umask(0))
    assert stat.S_IMODE(pack.stat().st_mode) == 0o600
    argv, env = cli_command(installed_home, "--smoke")
    env["QT_QPA_PLATFORM"] = "offscreen"
    subprocess.run(argv, env=env, capture_output=True, timeout=120, preexec_fn=lambda: os.umask(0))
    lock = installed_home / "app.lock"
    if lock.exists():  # QLockFile removes it on a clean exit; when kept, it is private
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600


def test_a_failed_backup_leaves_no_partial_or_journal(tmp_path):
    source = sqlite3.connect(":memory:")
    source.execute("CREATE TABLE t (x TEXT)")
    source.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 800)  # ~3 MB
    source.commit()
    with tmpfs(tmp_path / "small", "1m") as mount:
        with pytest.raises((OSError, sqlite3.Error)):
            backup_database(source, mount / "backups", "user", "manual")
        assert list((mount / "backups").iterdir()) == []


def test_a_linkedin_export_with_a_large_unread_messages_file_is_read(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "Positions.csv",
            "Company Name,Title,Description,Location,Started On,Finished On\n"
            "Acme,Data Engineer,Python and SQL pipelines,NY,Jan 2020,\n",
        )
        archive.writestr("Skills.csv", "Name\nPython\nSQL\n")
        archive.writestr("messages.csv", "FROM,TO,CONTENT\n" + "a,b,hello there\n" * 2_500_000)
    raw = read_resume(path)
    assert raw.format == "linkedin"
    assert "Python" in raw.text
