"""Small helpers shared by the benchmark scripts: repeat, take the median, compare to a baseline."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"


def median_seconds(action: Callable[[], object], runs: int = 5, warmup: int = 1) -> float:
    """Median wall-clock seconds of `action` over `runs` runs after `warmup` untimed ones."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def run_command(argv: Sequence[str], env: dict[str, str] | None = None) -> None:
    """Run a command to completion; a benchmark of a failing command is meaningless."""
    merged = {**os.environ, **(env or {})}
    result = subprocess.run(argv, env=merged, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"benchmark command failed ({result.returncode}): {argv}\n{result.stderr}")


def report(name: str, measured: float, baseline_name: str, baseline: float, target: float) -> bool:
    """Print one comparison line and return whether the ratio is within the target."""
    ratio = measured / baseline if baseline else float("inf")
    verdict = "OK" if ratio <= target else "OVER TARGET"
    print(
        f"{name}: {measured * 1000:.0f} ms; {baseline_name}: {baseline * 1000:.0f} ms; "
        f"ratio {ratio:.2f} (target <= {target}) {verdict}"
    )
    return ratio <= target
