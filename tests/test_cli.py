"""The command line as scripts use it: exit codes and one plain sentence on failure."""

from __future__ import annotations

import os
import subprocess
import sys

from careerplanner import __version__
from careerplanner.store.user.schema import USER_DB


def run_cli(*args, home):
    env = {**os.environ, "CAREERPLANNER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "careerplanner", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_version(tmp_path):
    result = run_cli("--version", home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"careerplanner {__version__}"


def test_failure_is_one_sentence_without_traceback(data_dir):
    db = data_dir.open_user_db()
    db.execute(f"PRAGMA user_version = {USER_DB.schema_version + 5}")
    db.close()
    result = run_cli("--smoke", home=data_dir.root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "saved by a newer version of Career Planner" in lines[0]


def test_debug_shows_the_traceback(data_dir):
    db = data_dir.open_user_db()
    db.execute(f"PRAGMA user_version = {USER_DB.schema_version + 5}")
    db.close()
    result = run_cli("--debug", "--smoke", home=data_dir.root)
    assert result.returncode != 0
    assert "Traceback" in result.stderr
