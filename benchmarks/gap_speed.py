"""How long `careerplanner gap "Software Developers"` takes, first and again.

    python benchmarks/gap_speed.py [--runs 3] [--role "Software Developers"] [--src DIR]

A fresh data folder gets the bundled default dataset and a real resume (through the command
line, as a user would). Then, each as its own process: the first gap after the resume is read
(the market index is built and kept on disk: services/index_cache), and `--runs` more (the
index read back). Prints the wall time of each and the best of the later runs. `--src` runs
the commands from another copy of the source (e.g. an older commit exported with `git archive`)
to compare before and after on the same machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESUME = ROOT / "tests/fixtures/resumes/sb2nov_sourabh_bajaj_resume.pdf"


def run(home: Path, src: Path, *args: str) -> float:
    env = dict(os.environ, CAREERPLANNER_HOME=str(home), PYTHONPATH=str(src))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "careerplanner", *args],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=src,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--role", default="Software Developers")
    parser.add_argument("--src", type=Path, default=ROOT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gap-speed-") as folder:
        home = Path(folder) / "home"
        print(f"install the default dataset: {run(home, args.src, 'dataset', 'list'):.2f} s")
        seconds = run(home, args.src, "resume", "import", str(RESUME))
        print(f"read a resume:               {seconds:.2f} s")
        print(f"first gap (fresh folder):    {run(home, args.src, 'gap', args.role):.2f} s")
        again = [run(home, args.src, "gap", args.role) for _ in range(args.runs)]
        shown = ", ".join(f"{seconds:.2f}" for seconds in again)
        print(f"gap again (cache warm):      {shown} s (best {min(again):.2f} s)")


if __name__ == "__main__":
    main()
