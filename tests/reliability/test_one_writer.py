"""Rule 1, one writer: headless commands that change data refuse while the window is open."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

LOCKER = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(100)
print("locked", flush=True)
time.sleep(60)
"""


def cli(home, *args):
    env = {**os.environ, "CAREERPLANNER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "careerplanner", *args], env=env, capture_output=True, text=True
    )


@pytest.fixture
def open_window_lock(tmp_path):
    """The desktop app's lock held by another live process, as an open window holds it."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(home / "app.lock")], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "locked"
    yield home, holder.pid
    holder.kill()
    holder.wait()


def test_a_write_is_refused_while_the_app_is_open_and_reads_still_work(open_window_lock):
    home, pid = open_window_lock
    refused = cli(home, "roadmap", "add", "Rust", "--level", "2")
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"Career Planner is open on {home} (process {pid}); make the change in its window, "
        "or close it and run the command again."
    )
    assert not (home / "user.db").exists()  # nothing was written
    assert cli(home, "roadmap", "list").returncode == 0


def test_a_stale_lock_from_a_crashed_app_does_not_block(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (home / "app.lock").write_text(f"{gone.pid}\npython3.11\nhost\n")
    added = cli(home, "roadmap", "add", "Rust", "--level", "2")
    assert added.returncode == 0, added.stderr
