"""`careerplanner --smoke` in a fresh process, on a private data folder."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from careerplanner.store.data_dir import DataDir


def _run(args, home):
    env = dict(os.environ, CAREERPLANNER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "careerplanner", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.mark.slow  # the first start installs the whole bundled dataset (~10 s)
def test_first_smoke_installs_the_default_dataset_and_says_what_was_loaded(tmp_path):
    result = _run(["--smoke"], tmp_path / "home")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Career Planner 0.1.0: main window shown; market dataset:")
    assert "O*NET" in lines[0]
    assert lines[0].endswith("0 skills in profile")


def test_smoke_on_an_existing_data_folder_exits_zero(market_home):
    result = _run(["--smoke"], market_home)
    assert result.returncode == 0, result.stderr
    assert "O*NET 29.2 (id 1)" in result.stdout
    # The window's state was saved as the application quit, for the next start to restore.
    settings = (market_home / "settings.ini").read_text(encoding="utf-8")
    assert "screen=start" in settings and "geometry=" in settings


def test_smoke_all_screens_draws_every_screen(market_home):
    result = _run(["--smoke", "--all-screens"], market_home)
    assert result.returncode == 0, result.stderr
    assert "all screens drawn" in result.stdout
    assert "O*NET 29.2" in result.stdout


def test_smoke_reports_a_newer_database_and_exits_one(market_home):
    home = market_home
    DataDir(home).open_user_db().close()
    import sqlite3

    conn = sqlite3.connect(home / "user.db")
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    before = (home / "user.db").read_bytes()
    result = _run(["--smoke"], home)
    assert result.returncode == 1
    assert "newer version of Career Planner" in result.stderr
    assert (home / "user.db").read_bytes() == before


def test_smoke_reports_a_read_only_data_folder(tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        if os.access(parent, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        result = _run(["--smoke"], parent / "home")
        assert result.returncode == 1
        assert "Can't" in result.stderr and str(parent) in result.stderr
    finally:
        parent.chmod(0o700)


def test_smoke_reports_a_damaged_database_and_keeps_it(market_home):
    home = market_home
    DataDir(home).open_user_db().close()
    damaged = b"this is not a database" * 100
    (home / "user.db").write_bytes(damaged)
    for suffix in ("-wal", "-shm"):
        (home / f"user.db{suffix}").unlink(missing_ok=True)
    result = _run(["--smoke"], home)
    assert result.returncode == 1
    assert "user.db" in result.stderr
    assert (home / "user.db").read_bytes() == damaged


def test_smoke_reports_a_data_folder_it_cannot_create(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = _run(["--smoke"], blocker / "home")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Can't create the data folder")
    assert result.stdout == ""


def test_smoke_checks_the_screens_are_usable_at_1024x640(market_home):
    result = _run(["--smoke", "--all-screens", "--size", "1024x640"], market_home)
    assert result.returncode == 0, result.stderr
    assert "all screens drawn" in result.stdout


def test_smoke_refuses_a_size_it_cannot_read(market_home):
    result = _run(["--smoke", "--size", "big"], market_home)
    assert result.returncode == 1
    assert "--size takes the window's width and height in pixels" in result.stderr
