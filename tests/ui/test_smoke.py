"""`careerplanner --smoke` in a fresh process, on a private data folder."""

from __future__ import annotations

import os
import subprocess
import sys


def _run(args, home):
    env = dict(os.environ, CAREERPLANNER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "careerplanner", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_smoke_exits_zero_and_says_what_was_loaded(tmp_path):
    result = _run(["--smoke"], tmp_path / "home")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Career Planner 0.1.0: main window shown; market dataset:")
    assert "skills in profile" in lines[0]


def test_smoke_all_screens_draws_every_screen(market_home):
    result = _run(["--smoke", "--all-screens"], market_home)
    assert result.returncode == 0, result.stderr
    assert "all screens drawn" in result.stdout
    assert "O*NET 29.2" in result.stdout


def test_smoke_reports_a_newer_database_and_exits_one(tmp_path):
    home = tmp_path / "home"
    assert _run(["--smoke"], home).returncode == 0
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
