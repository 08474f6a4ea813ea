"""Cold start of `careerplanner --smoke` against a bare PySide6 QMainWindow started the same way.

Both run as fresh `python` processes on the offscreen platform; the smoke run uses a data
directory that already has the default dataset installed (a second start, which is what users
see every day), and we also print the very first start separately.

    .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time

from timing import median_seconds, report, run_command

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = {"QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as home:
        env["CAREERPLANNER_HOME"] = home
        smoke = [sys.executable, "-m", "careerplanner", "--smoke"]
        start = time.perf_counter()
        run_command(smoke, env)
        first = time.perf_counter() - start
        bare = median_seconds(
            lambda: run_command([sys.executable, "-c", BARE_WINDOW], env), args.runs
        )
        ours = median_seconds(lambda: run_command(smoke, env), args.runs)
    print(f"first start (installs the default dataset): {first * 1000:.0f} ms")
    ok = report("careerplanner --smoke (median)", ours, "bare QMainWindow (median)", bare, 1.5)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
