"""Helpers of the reliability tests: the real command line in a child process, a look at the
user's data that ignores timestamps, and small tmpfs mounts for a full or read-only disk."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

# Children import this checkout, and iterate sets in the same order in every run (a resume's
# skills are stored in the order the parser yields them, so two runs compare row for row).
CHILD_ENV = {"PYTHONPATH": str(PROJECT_ROOT), "PYTHONHASHSEED": "0"}

# Columns that record *when* something happened: two runs of the same change differ only there.
TIME_COLUMNS = {"created_at", "updated_at", "at", "imported_at", "exported_at"}


def cli_command(home: Path, *args: str) -> tuple[list[str], dict[str, str]]:
    """argv and environment to run `careerplanner ARGS` against the data folder `home`."""
    env = {**os.environ, "CAREERPLANNER_HOME": str(home), **CHILD_ENV}
    return [sys.executable, "-m", "careerplanner", *args], env


def run_cli(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    argv, env = cli_command(home, *args)
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout)


def user_state(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the user's database, time columns blanked.

    Opened with a plain sqlite3 connection, the way the next start would: a WAL left by a killed
    process is recovered here. Raises AssertionError when the integrity check fails.
    """
    conn = sqlite3.connect(db_path)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        assert verdict == "ok", f"{db_path}: {verdict}"
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        state = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            select = ", ".join(
                "NULL" if column in TIME_COLUMNS else f'"{column}"' for column in columns
            )
            if table == "copy_change":
                continue  # bookkeeping for the plain copy: a new random token at every change
            state[table] = conn.execute(f'SELECT {select} FROM "{table}" ORDER BY rowid').fetchall()
        return state
    finally:
        conn.close()


def copy_home(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


@contextmanager
def tmpfs(mount_point: Path, size: str, read_only: bool = False):
    """A fresh tmpfs at `mount_point`; skips the test when mounting is not permitted here."""
    mount_point.mkdir(parents=True, exist_ok=True)
    options = f"size={size},mode=0700" + (",ro" if read_only else "")
    if shutil.which("mount") is None:
        pytest.skip("no mount command here, so a full or read-only disk can't be simulated")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(
            "mounting a tmpfs is not permitted here (needs root or CAP_SYS_ADMIN): "
            + (result.stderr.strip() or f"exit {result.returncode}")
        )
    try:
        yield mount_point
    finally:
        if subprocess.run(["umount", str(mount_point)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mount_point)], capture_output=True)


def remount_read_only(mount_point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)


@pytest.fixture(scope="session")
def dataset_home(tmp_path_factory) -> Path:
    """A data folder with the bundled default datasets installed and a small roadmap, made once
    per session through the real command line; tests copy it."""
    home = tmp_path_factory.mktemp("installed") / "home"
    for args in (("dataset", "list"), ("roadmap", "add", "Rust", "--level", "3")):
        result = run_cli(home, *args, timeout=300)
        assert result.returncode == 0, result.stderr
    return home
