"""Cold start of `careerplanner --smoke` against a bare PySide6 QMainWindow started the same way.

Both run as fresh processes of the same Python on the offscreen platform (`careerplanner` is
the installed entry point, a Python script); the smoke run uses a data
directory that already has the default dataset installed (a second start, which is what users
see every day), and we also print the very first start separately.

The two are run alternately (bare, ours, bare, ours, …) so that a busy moment on the machine
hits both alike, and we report the median wall time and the median CPU time (user + system) of
each. Python may write bytecode caches, as it does for an installed application: with
PYTHONDONTWRITEBYTECODE set, every start would compile our modules from source again.

    .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import report

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print("bare window shown")
"""


def careerplanner_command() -> list[str]:
    """The installed `careerplanner` command, as users start it (`python -m careerplanner`
    when it is not installed next to this Python: runpy adds ~15 ms of its own)."""
    script = Path(sys.executable).with_name("careerplanner")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "careerplanner"]


def timed_run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of `argv` to completion."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"benchmark command failed ({result.returncode}): {argv}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as home:
        env["CAREERPLANNER_HOME"] = home
        smoke = [*careerplanner_command(), "--smoke"]
        bare = [sys.executable, "-c", BARE_WINDOW]
        first_wall, _ = timed_run(smoke, env)
        timed_run(bare, env)  # warm-up: file caches and bytecode for both
        timed_run(smoke, env)
        bare_runs, smoke_runs = [], []
        for _ in range(args.runs):
            bare_runs.append(timed_run(bare, env))
            smoke_runs.append(timed_run(smoke, env))
    print(f"first start (installs the default dataset): {first_wall * 1000:.0f} ms")
    ok = True
    for index, kind in ((0, "wall"), (1, "CPU")):
        ours = statistics.median(run[index] for run in smoke_runs)
        baseline = statistics.median(run[index] for run in bare_runs)
        name = f"careerplanner --smoke (median {kind})"
        ok &= report(name, ours, f"bare QMainWindow ({kind})", baseline, 1.5)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
