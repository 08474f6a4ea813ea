"""The command line as scripts use it: exit codes and one plain sentence on failure."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from careerplanner import __version__
from careerplanner.store.user.schema import USER_DB
from tests.conftest import RESUMES


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


@pytest.mark.parametrize("args", [("--smoke",), ("roadmap", "list")])
def test_a_data_folder_that_is_a_symlink_loop_is_one_sentence(tmp_path, args):
    home = tmp_path / "home"
    home.symlink_to(home)
    result = run_cli(*args, home=home)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"The data folder {home} is a symbolic link that leads nowhere (back to itself, or to "
        "something gone); point it at a folder, or set CAREERPLANNER_HOME to one."
    )
    assert home.is_symlink() and os.readlink(home) == str(home)  # left as it was


def test_debug_shows_the_traceback(data_dir):
    db = data_dir.open_user_db()
    db.execute(f"PRAGMA user_version = {USER_DB.schema_version + 5}")
    db.close()
    result = run_cli("--debug", "--smoke", home=data_dir.root)
    assert result.returncode != 0
    assert "Traceback" in result.stderr


# This real resume makes pdfminer log "Could not get FontBBox from font descriptor..." 25 times.
WARNING_RESUME = "resume-matcher_single-column.pdf"
FONT_WARNING = "Could not get FontBBox"


def test_library_warnings_go_to_the_log_file_not_the_terminal(tmp_path):
    result = run_cli("resume", "parse", str(RESUMES / WARNING_RESUME), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert FONT_WARNING not in result.stderr and "pdfminer" not in result.stderr
    log = tmp_path / "logs" / "careerplanner.log"
    lines = [line for line in log.read_text(encoding="utf-8").splitlines() if FONT_WARNING in line]
    assert len(lines) == 1, lines  # the repeats of one file are one line with their count
    assert "pdfminer" in lines[0] and f"({WARNING_RESUME}, 25 times)" in lines[0]
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_debug_shows_library_warnings_on_stderr_too(tmp_path):
    result = run_cli("--debug", "resume", "parse", str(RESUMES / WARNING_RESUME), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "pdfminer" in result.stderr and FONT_WARNING in result.stderr
    assert FONT_WARNING in (tmp_path / "logs" / "careerplanner.log").read_text(encoding="utf-8")


def test_a_run_without_warnings_writes_no_log(tmp_path):
    result = run_cli("resume", "parse", str(RESUMES / "altacv_sample.pdf"), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "logs").exists()


WARN_SCRIPT = """
import logging, warnings
from careerplanner.cli.library_warnings import route_library_warnings
route_library_warnings()
warnings.warn("a library's odd remark")
logging.getLogger("matplotlib.font_manager").warning("no such font")
logging.getLogger("careerplanner.services.plain_copy").warning("The plain copy was not updated")
"""


def run_warnings_script(home):
    env = {**os.environ, "CAREERPLANNER_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-c", WARN_SCRIPT], capture_output=True, text=True, env=env, timeout=60
    )


def test_python_warnings_are_logged_and_our_own_still_reach_stderr(tmp_path):
    result = run_warnings_script(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "The plain copy was not updated"
    log = (tmp_path / "logs" / "careerplanner.log").read_text(encoding="utf-8")
    assert "odd remark" in log and "no such font" in log and "plain copy" in log


def test_an_unwritable_log_stays_silent(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "logs").write_text("a file where the folder should be")
    result = run_warnings_script(home)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "The plain copy was not updated"
