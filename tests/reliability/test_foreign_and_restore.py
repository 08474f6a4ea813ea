"""Issue 16, classes 2 and 3: another program's file is never adopted; a restore never leaves the
user without a `user.db`, and the plain copy follows it."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import CHILD_ENV, copy_home, run_cli, user_state


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def plain_sqlite(path: Path) -> None:
    """Another program's SQLite file: application id 0, its own tables and rows."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.executemany("INSERT INTO photos (name) VALUES (?)", [("a.jpg",), ("b.jpg",)])
    conn.commit()
    conn.close()


def goal_names(state: dict) -> list[str]:
    return sorted(row[2] for row in state["roadmap_goal"])


@pytest.fixture
def home(dataset_home, tmp_path) -> Path:
    home = copy_home(dataset_home, tmp_path / "home")
    assert run_cli(home, "data", "backup").returncode == 0
    return home


@pytest.mark.parametrize("command", [("roadmap", "add", "Go", "--level", "2"), ("data", "check")])
def test_a_plain_sqlite_file_in_place_of_user_db_is_refused_untouched(home, command):
    plain_sqlite(home / "user.db")
    before, copy_before = sha(home / "user.db"), sha(home / "user-data.json")
    result = run_cli(home, *command)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Your data in {home / 'user.db'} is damaged (it belongs to another")
    assert "can be restored" in lines[0] and "careerplanner data restore" in lines[0]
    assert sha(home / "user.db") == before  # not modified in place
    assert sha(home / "user-data.json") == copy_before  # the plain copy was not overwritten
    restored = run_cli(home, "data", "restore")
    assert restored.returncode == 0, restored.stderr
    assert goal_names(user_state(home / "user.db")) == ["Rust"]


def test_a_plain_sqlite_file_with_nothing_to_restore_is_refused_untouched(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    plain_sqlite(home / "user.db")
    before = sha(home / "user.db")
    result = run_cli(home, "roadmap", "list")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Your data in {home / 'user.db'} is damaged (it belongs to another application) and "
        "there is no backup to restore; the file was left untouched."
    )
    assert sha(home / "user.db") == before
    assert not (home / "user-data.json").exists()


def test_after_a_restore_the_plain_copy_holds_the_restored_data(home):
    assert run_cli(home, "roadmap", "add", "Go", "--level", "2").returncode == 0
    assert "Go" in (home / "user-data.json").read_text()
    restored = run_cli(home, "data", "restore")
    assert restored.returncode == 0, restored.stderr
    copy = json.loads((home / "user-data.json").read_text())
    assert sorted(goal["skill_name"] for goal in copy["tables"]["roadmap_goal"]) == ["Rust"]
    assert goal_names(user_state(home / "user.db")) == ["Rust"]


# A child restores and dies (os._exit, as a kill -9) just before its n-th file system change.
CRASHING_RESTORE = """
import os, sys
from careerplanner.store.data_dir import DataDir

crash_before = int(sys.argv[1])
changes = [0]

def hook(event, args):
    if event in ("os.rename", "os.link", "os.remove", "shutil.move", "shutil.copyfile"):
        changes[0] += 1
        if changes[0] == crash_before:
            os._exit(9)

data_dir = DataDir.default()
sys.addaudithook(hook)
data_dir.restore_user_db()
os._exit(0)
"""


def test_a_crash_at_any_moment_of_a_restore_leaves_a_user_db(home, tmp_path):
    assert run_cli(home, "roadmap", "add", "Go", "--level", "2").returncode == 0
    template = copy_home(home, tmp_path / "template")
    old_state = user_state(template / "user.db")
    crash_before, finished = 1, False
    while not finished:
        trial = copy_home(template, tmp_path / f"trial-{crash_before}")
        env = {**os.environ, "CAREERPLANNER_HOME": str(trial), **CHILD_ENV}
        child = subprocess.run(
            [sys.executable, "-c", CRASHING_RESTORE, str(crash_before)], env=env, timeout=120
        )
        finished = child.returncode == 0
        assert child.returncode in (0, 9)
        assert (trial / "user.db").is_file(), f"no user.db after a crash at change {crash_before}"
        state = user_state(trial / "user.db")
        assert goal_names(state) in (["Go", "Rust"], ["Rust"])
        if goal_names(state) == ["Go", "Rust"]:
            assert state == old_state  # the old file, whole
        assert run_cli(trial, "data", "check").returncode == 0
        crash_before += 1
        assert crash_before < 30
    assert not list(trial.glob("*.restoring*"))
