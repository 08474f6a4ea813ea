"""A real full disk and a real read-only data folder (small tmpfs mounts), through the real
command line: one sentence, nothing changed, and the user's roadmap still editable."""

from __future__ import annotations

import hashlib
import os

import pytest

from tests.conftest import onet_release
from tests.reliability.conftest import (
    copy_home,
    remount_read_only,
    run_cli,
    tmpfs,
    user_state,
)


def market_state(home):
    import sqlite3

    conn = sqlite3.connect(home / "market.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        datasets = conn.execute("SELECT id, kind, version, active FROM dataset ORDER BY id")
        return datasets.fetchall()
    finally:
        conn.close()


def used_bytes(home) -> int:
    return sum(path.stat().st_size for path in home.rglob("*") if path.is_file())


@pytest.mark.slow
def test_disk_full_during_a_dataset_import(dataset_home, tmp_path):
    update = onet_release("29.3")
    # Room for what is there plus 3 MB: the O*NET 29.3 release needs far more than that.
    size_kib = used_bytes(dataset_home) // 1024 + 3 * 1024
    with tmpfs(tmp_path / "disk", f"{size_kib}k") as disk:
        home = copy_home(dataset_home, disk / "home")
        datasets_before = market_state(home)
        user_before = user_state(home / "user.db")

        result = run_cli(home, "dataset", "import", str(update))

        assert result.returncode == 1
        assert result.stderr.strip() == (
            "Not enough disk space to install O*NET 29.3; nothing was changed."
        )
        assert market_state(home) == datasets_before  # the previous version stays active
        assert user_state(home / "user.db") == user_before
        assert not list(home.glob("*.partial"))

        edit = run_cli(home, "roadmap", "add", "Go", "--level", "2")
        assert edit.returncode == 0, edit.stderr
        assert "Added goal 2." in edit.stdout
        goals = user_state(home / "user.db")["roadmap_goal"]
        assert [goal[2] for goal in goals] == ["Rust", "Go"]


def test_a_completely_full_disk_is_not_called_damage(tmp_path):
    with tmpfs(tmp_path / "disk", "600k") as disk:
        home = disk / "home"
        assert run_cli(home, "roadmap", "add", "Rust", "--level", "3").returncode == 0
        copy_before = (home / "user-data.json").read_bytes()
        filler = disk / "filler"
        fill(filler)
        edit = run_cli(home, "roadmap", "note", "1", "Ownership and borrowing first")
        assert (home / "user-data.json").read_bytes() == copy_before  # whole, never half
        filler.unlink()
        notes = [row[3] for row in user_state(home / "user.db")["roadmap_note"]]
        assert edit.returncode == 0 or notes == []  # the note is in, or nothing changed
        assert edit.returncode == 0 or edit.stderr.startswith("Not enough disk space"), edit.stderr


def fill(path) -> None:
    """Take every byte the file system has left."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        for chunk in (65536, 4096, 512, 1):
            while True:
                try:
                    os.write(fd, b"\0" * chunk)
                except OSError:
                    break
    finally:
        os.close(fd)


def digests(folder):
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.iterdir()
        if path.is_file()
    }


@pytest.mark.parametrize("command", [("roadmap", "list"), ("dataset", "list"), ("data", "check")])
def test_a_data_folder_that_cannot_be_created_on_a_read_only_disk(tmp_path, command):
    with tmpfs(tmp_path / "ro", "1m", read_only=True) as disk:
        result = run_cli(disk / "home", *command)
        assert result.returncode == 1
        # The matrix words it "Can't write to <path>…"; this sentence names the folder and why.
        assert result.stderr.strip() == (
            f"Can't create the data folder {disk / 'home'} (Read-only file system)."
        )


def test_an_existing_empty_data_folder_on_a_read_only_disk(tmp_path):
    with tmpfs(tmp_path / "ro", "1m", read_only=True) as disk:  # the mount itself is 0700
        result = run_cli(disk, "roadmap", "list")
        assert result.returncode == 1
        assert result.stderr.startswith(f"Can't write to {disk}"), result.stderr


def test_read_only_existing_data_says_cannot_write_not_damaged(tmp_path):
    with tmpfs(tmp_path / "ro", "4m") as disk:
        home = disk / "home"
        assert run_cli(home, "roadmap", "add", "Rust", "--level", "3").returncode == 0
        before = digests(home)
        remount_read_only(disk)
        result = run_cli(home, "roadmap", "list")
        assert digests(home) == before
        assert result.stderr.startswith(f"Can't write to {home}"), result.stderr


def test_an_io_error_on_a_full_disk_is_called_a_full_disk(tmp_path):
    """SQLite may report a write that runs out of room as "disk I/O error" (a WAL frame cut
    short), not as SQLITE_FULL; on a data folder with no room left that is a full disk, and
    the user is told to free space, not that the disk is failing."""
    import sqlite3

    from careerplanner.errors import sentence_for_system_error

    io_error = sqlite3.OperationalError("disk I/O error")
    with tmpfs(tmp_path / "full", "1m") as mount:
        try:
            with open(mount / "filler", "wb") as filler:
                while True:
                    filler.write(b"\0" * 65536)
        except OSError:
            pass  # the disk is full now
        assert sentence_for_system_error(io_error, mount) == (
            "Not enough disk space to save the change; nothing was changed."
        )
    roomy = sentence_for_system_error(io_error, tmp_path)
    assert roomy.startswith("Can't read or write your data folder (disk I/O error)")
