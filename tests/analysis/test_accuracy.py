"""The scorer's figures on the labelled corpus stay above the issue's bars."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PROJECT_ROOT, shared_path


@pytest.mark.slow
def test_corpus_accuracy_stays_above_the_bars():
    shared_path("resumes", "score.py")
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "benchmarks" / "resume_accuracy.py"),
            "--issue-bars",  # software and other professions, each at its own bars
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "moderncv_classic_green" in result.stdout
    moderncv = next(line for line in result.stdout.splitlines() if "moderncv" in line)
    assert "false+   0" in moderncv
