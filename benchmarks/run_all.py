"""Run every benchmark script in this folder and print their figures.

    .venv/bin/python benchmarks/run_all.py            all of them
    .venv/bin/python benchmarks/run_all.py startup    only those whose name contains "startup"

Each benchmark prints its own figures (medians of several runs and the ratio to a baseline measured
in the same run) and exits non-zero when a target is missed; this runner summarises the verdicts.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"run_all.py", "timing.py", "__init__.py"}


def main() -> int:
    wanted = sys.argv[1:]
    scripts = sorted(p for p in HERE.glob("*.py") if p.name not in SKIP)
    if wanted:
        scripts = [p for p in scripts if any(w in p.stem for w in wanted)]
    verdicts = []
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(script)], cwd=HERE).returncode
        verdicts.append((script.stem, code, time.perf_counter() - start))
    print("== summary")
    for name, code, seconds in verdicts:
        print(f"{name:<24} {'met' if code == 0 else 'MISSED'} ({seconds:.0f} s)")
    return 0 if all(code == 0 for _, code, _ in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
