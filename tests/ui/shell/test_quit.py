"""Quitting with work in flight is safe: 200 quits in one process, under faulthandler, with the
task pool busy, a chart rendering, the plain copy being written and, in turn, a resume and a
dataset being imported and a PDF report being written (issue 18: exit 134 once)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RESUMES

RESUME = "altacv_sample.pdf"  # a real PDF: its import runs in a child process, with a time limit


@pytest.mark.slow
def test_quitting_200_times_with_work_in_flight_never_crashes(market_home):
    env = dict(os.environ, CAREERPLANNER_HOME=str(market_home), QT_QPA_PLATFORM="offscreen")
    script = Path(__file__).with_name("quit_loop.py")
    result = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(script), "200", str(RESUMES / RESUME)],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "quit 200 times" in result.stdout
    assert "Fatal Python error" not in result.stderr
