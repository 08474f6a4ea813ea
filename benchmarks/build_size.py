"""Size of the standalone build and start-up of the built program against the source run.

    .venv/bin/python benchmarks/build_size.py [--runs N] [--rebuild]

Builds with scripts/build.sh when dist/careerplanner is missing (or with --rebuild, which also
times the build). Prints the folder size against the target, what takes the space (grouped,
then the largest files), and the median wall and CPU time of `careerplanner --smoke` (a second
start, offscreen) for the built program and for `python -m careerplanner`, run alternately.
Exits 1 when the folder is over the size target.
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
from collections import Counter
from pathlib import Path

from timing import PROJECT_ROOT

TARGET_MB = 160
FOLDER = PROJECT_ROOT / "dist" / "careerplanner"
BUILT = FOLDER / ("careerplanner.exe" if sys.platform == "win32" else "careerplanner")
MB = 1024 * 1024

# (group, test on the path relative to _internal); the first match wins.
GROUPS = [
    ("Qt: ICU (libicu*)", lambda p: "libicu" in p),
    ("Qt: plugins", lambda p: p.startswith("PySide6/Qt/plugins")),
    ("Qt: libraries", lambda p: p.startswith("PySide6/Qt/")),
    ("Qt: Python bindings", lambda p: p.startswith(("PySide6", "shiboken6"))),
    ("numpy (+ OpenBLAS with the PyPI wheel)", lambda p: p.startswith("numpy")),
    ("matplotlib (mpl-data fonts)", lambda p: p.startswith("matplotlib/mpl-data")),
    ("matplotlib (code)", lambda p: p.startswith(("matplotlib", "contourpy", "kiwisolver"))),
    ("Pillow", lambda p: p.startswith(("PIL", "pillow"))),
    ("cryptography (pdfminer: encrypted PDFs)", lambda p: p.startswith("cryptography")),
    ("pdfminer (CMaps)", lambda p: p.startswith("pdfminer")),
    ("lxml (python-docx)", lambda p: p.startswith("lxml")),
    ("Python (libpython, lib-dynload, stdlib)", lambda p: "python3" in p or "base_library" in p),
    ("our resources/ and data/", lambda p: p.startswith(("resources", "data"))),
    ("system libraries (X11, GLib, fontconfig...)", lambda p: "/" not in p and ".so" in p),
]


def file_sizes(folder: Path) -> dict[str, int]:
    """Bytes per file under folder/_internal (or folder), by path relative to it."""
    internal = folder / "_internal" if (folder / "_internal").is_dir() else folder
    return {
        path.relative_to(internal).as_posix(): path.stat().st_size
        for path in internal.rglob("*")
        if path.is_file() and not path.is_symlink()
    }


def print_breakdown(sizes: dict[str, int]) -> None:
    groups: Counter[str] = Counter()
    for path, size in sizes.items():
        group = next((name for name, test in GROUPS if test(path)), "everything else")
        groups[group] += size
    print("where the space goes:")
    for name, size in groups.most_common():
        print(f"  {size / MB:6.1f} MB  {name}")
    print("largest files:")
    for path, size in Counter(sizes).most_common(12):
        print(f"  {size / MB:6.1f} MB  {path}")


def run_exactly(argv: list[str], env: dict[str, str]) -> None:
    """Run with exactly `env` (nothing inherited); a failing run ends the benchmark."""
    result = subprocess.run(argv, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"benchmark command failed ({result.returncode}): {argv}\n{result.stderr}")


def timed_run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the child) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run_exactly(argv, env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def describe(name: str, samples: list[tuple[float, float]]) -> tuple[float, float]:
    walls = [wall for wall, _cpu in samples]
    cpus = [cpu for _wall, cpu in samples]
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(
        f"{name}: wall median {wall * 1000:.0f} ms ({min(walls) * 1000:.0f}-"
        f"{max(walls) * 1000:.0f}), CPU median {cpu * 1000:.0f} ms"
    )
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true", help="build again and time the build")
    args = parser.parse_args()

    if args.rebuild or not BUILT.exists():
        start = time.perf_counter()
        subprocess.run(
            ["bash", "scripts/build.sh"], cwd=PROJECT_ROOT, check=True, stdout=subprocess.DEVNULL
        )
        print(f"build time: {time.perf_counter() - start:.0f} s")
    sizes = file_sizes(FOLDER)
    total = sum(sizes.values()) + BUILT.stat().st_size
    print(f"folder size: {total / MB:.1f} MB in {len(sizes) + 1} files (target < {TARGET_MB} MB)")
    print_breakdown(sizes)

    with tempfile.TemporaryDirectory() as home:
        # A clean environment for the built program, as a user without Python runs it.
        clean = {"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        env = {**clean, "QT_QPA_PLATFORM": "offscreen", "CAREERPLANNER_HOME": home + "/data"}
        built = [str(BUILT), "--smoke"]
        source = [sys.executable, "-m", "careerplanner", "--smoke"]
        source_env = {**os.environ, **env, "PATH": os.environ.get("PATH", "")}
        run_exactly(built, env)  # first start: installs the default dataset
        run_exactly(source, source_env)  # warm the bytecode cache of the source tree
        built_samples, source_samples = [], []
        for _ in range(args.runs):  # alternate, so machine load hits both alike
            built_samples.append(timed_run(built, env))
            source_samples.append(timed_run(source, source_env))
    built_wall, built_cpu = describe("built --smoke", built_samples)
    source_wall, source_cpu = describe("source --smoke", source_samples)
    print(f"built / source: wall {built_wall / source_wall:.2f}, CPU {built_cpu / source_cpu:.2f}")
    over = total / MB >= TARGET_MB
    print(f"size target < {TARGET_MB} MB: {'OVER TARGET' if over else 'OK'}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
