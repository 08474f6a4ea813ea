"""How fast a full O*NET 29.2 import is, against a raw sqlite3 load of the same rows.

    .venv/bin/python benchmarks/onet_import.py [--runs 5] [--release ../shared/data/onet/29.2]

Three figures, each the median of --runs runs in fresh databases with the same schema and the
same PRAGMAs (WAL, synchronous=FULL, one transaction), measured in this same run:

- import:   the app's path (`install_onet_release`): recognise every file by header, then
            stream each file chunk by chunk (decode, validate every row and cell, compute
            skill keys) into one transaction, add the rating fallbacks, judge the release as a
            whole, switch the active version;
- raw load: plain Python: read each file, `line.split("\\t")`, convert the numeric columns with
            float()/int(), then `sqlite3.executemany` into the same tables;
- insert only: `executemany` of the importer's own finished rows (the floor for any importer).

Targets (issue 3): import <= 10 s, and import <= 2x the raw load. Issue 17: the peak memory
of the import, each in a child process, within 1.5x that of the raw load. It also times the
first start: `ensure_default_dataset` installing the bundled default (O*NET 29.2, BLS 2023
wages, ESCO) into an empty data folder (target < 5 s).

With --update it measures a large update instead (issue 16, class 12): a ~100 MB Technology
Skills file made from the real one (every example kept in its occupations, a tenth of them
renamed the way O*NET renames, and 38 more versions of every example), imported by
`careerplanner dataset import` in a child process over a data folder holding O*NET 29.2.
Wall time and the child's peak memory; targets: under 60 s and under 400 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from careerplanner.importers.datasets.onet import read_onet_release  # noqa: E402
from careerplanner.services.onet_install import install_onet_release  # noqa: E402
from careerplanner.store.data_dir import DataDir  # noqa: E402

FLAG = {"Y": 1, "N": 0, "n/a": None, "": None}


def fresh_schema(folder: Path) -> Path:
    """A new market database with the app's schema, closed again."""
    DataDir(folder).open_market_db().close()
    return folder / "market.db"


def raw_connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def lines(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()[1:] if line]


def number(value: str):
    return None if value in ("n/a", "") else float(value)


def raw_rows(release: Path) -> dict[str, tuple[str, list[tuple]]]:
    """The same tables and rows the importer produces, built the simplest possible way."""
    tech = [
        (c, e, int(cc), ct, FLAG[h], FLAG[d], "technology:" + e.casefold())
        for c, e, cc, ct, h, d in lines(release / "Technology Skills.txt")
    ]
    ratings = []
    for name, domain in (("Skills.txt", "skill"), ("Knowledge.txt", "knowledge")):
        for c, el, en, sc, v, n, se, lo, hi, rs, nr, dt, ds in lines(release / name):
            ratings.append(
                (
                    c,
                    domain,
                    el,
                    en,
                    sc,
                    float(v),
                    None if n in ("n/a", "") else int(n),
                    number(se),
                    number(lo),
                    number(hi),
                    FLAG[rs],
                    FLAG[nr],
                    dt,
                    ds,
                )
            )
    titles = [
        (c, t, None if s == "n/a" else s, "alternate", src, None)
        for c, t, s, src in lines(release / "Alternate Titles.txt")
    ]
    titles += [
        (c, t, None, "reported", None, FLAG[y])
        for c, t, y in lines(release / "Sample of Reported Titles.txt")
    ]
    return {
        "onet_occupation": (
            "code, title, description",
            [tuple(r) for r in lines(release / "Occupation Data.txt")],
        ),
        "onet_title": ("code, title, short_title, kind, sources, shown_in_my_next_move", titles),
        "onet_tech_skill": (
            "code, example, commodity_code, commodity_title, hot, in_demand, skill_key",
            tech,
        ),
        "onet_rating": (
            "code, domain, element_id, element_name, scale, value, n, standard_error, "
            "lower_ci, upper_ci, recommend_suppress, not_relevant, date, domain_source",
            ratings,
        ),
        "onet_level_anchor": (
            "element_id, element_name, scale, anchor_value, description",
            [
                (a, b, c, float(d), e)
                for a, b, c, d, e in lines(release / "Level Scale Anchors.txt")
            ],
        ),
        "onet_related": (
            "code, related_code, tier, rank",
            [(a, b, c, int(d)) for a, b, c, d in lines(release / "Related Occupations.txt")],
        ),
        "onet_job_zone": (
            "code, job_zone, date, domain_source",
            [(a, int(b), c, d) for a, b, c, d in lines(release / "Job Zones.txt")],
        ),
    }


def executemany_load(path: Path, tables: dict[str, tuple[str, list[tuple]]]) -> None:
    conn = raw_connect(path)
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO dataset (id, kind, name, version, source, sha256, imported_at) "
        "VALUES (1, 'onet', 'raw', 'raw', 'raw', 'raw', 'now')"
    )
    for table, (columns, rows) in tables.items():
        marks = ", ".join("?" * (columns.count(",") + 1))
        conn.executemany(f"INSERT INTO {table} (dataset_id, {columns}) VALUES (1, {marks})", rows)
    conn.execute("UPDATE dataset SET active = 1 WHERE id = 1")
    conn.execute("COMMIT")
    conn.close()


def time_import(release: Path, scratch: Path) -> tuple[float, int]:
    folder = Path(tempfile.mkdtemp(dir=scratch))
    db = DataDir(folder).open_market_db()
    start = time.perf_counter()
    result = install_onet_release(db, release)
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed, result.rows


def time_raw(release: Path, scratch: Path) -> tuple[float, int]:
    path = fresh_schema(Path(tempfile.mkdtemp(dir=scratch)))
    start = time.perf_counter()
    tables = raw_rows(release)
    executemany_load(path, tables)
    return time.perf_counter() - start, sum(len(rows) for _, rows in tables.values())


def time_insert_only(release: Path, scratch: Path) -> float:
    dataset = read_onet_release(release)
    tables = {t: (", ".join(cols), rows) for t, (cols, rows) in dataset.tables.items()}
    path = fresh_schema(Path(tempfile.mkdtemp(dir=scratch)))
    start = time.perf_counter()
    executemany_load(path, tables)
    return time.perf_counter() - start


def time_first_start(scratch: Path) -> float:
    # Here, not at the top: the peak-memory children import this module and must not carry the
    # whole services layer (the analysis models) into their figure.
    from careerplanner.services.dataset_import import ensure_default_dataset

    folder = Path(tempfile.mkdtemp(dir=scratch))
    start = time.perf_counter()
    ensure_default_dataset(DataDir(folder))
    return time.perf_counter() - start


UPDATE_COPIES = 38  # versions of every example: 39 x the 2.6 MB file is about 100 MB
RENAMED_EVERY = 10  # one example in ten is renamed
DROPPED_EVERY = 20  # and one in twenty (others) is dropped, with nothing taking its place


def make_update(release: Path, folder: Path) -> tuple[Path, int, int]:
    """A release folder with a large Technology Skills update; (folder, bytes, renamed).

    Copy 0 is the real file with a tenth of the examples renamed as O*NET renames ("X" ->
    "X Suite", in the same occupations) and a twentieth dropped; copies 1..38 are new examples
    ("X v3") listed in other occupations (rotated), so every occupation gains thousands."""
    source = (release / "Technology Skills.txt").read_text(encoding="utf-8").splitlines()
    header, rows = source[0], [line.split("\t") for line in source[1:] if line]
    examples = sorted({row[1] for row in rows})
    renamed = {name: f"{name} Suite" for name in examples[::RENAMED_EVERY]}
    dropped = set(examples[5::DROPPED_EVERY])
    folder.mkdir()
    readme = "O*NET 29.9 Database\nAugust 2026 Release\n"
    (folder / "Read Me.txt").write_text(readme, encoding="utf-8")
    with open(folder / "Technology Skills.txt", "w", encoding="utf-8") as out:
        out.write(header + "\n")
        for code, example, *rest in rows:
            if example not in dropped:
                out.write("\t".join((code, renamed.get(example, example), *rest)) + "\n")
        for copy in range(1, UPDATE_COPIES + 1):
            for index, (_code, example, *rest) in enumerate(rows):
                code = rows[(index + copy * 997) % len(rows)][0]
                out.write("\t".join((code, f"{example} v{copy}", *rest)) + "\n")
    size = (folder / "Technology Skills.txt").stat().st_size
    return folder, size, len(renamed)


def time_update(release: Path, scratch: Path) -> tuple[float, float, str]:
    """(seconds, peak MiB of the importing process, its last output line)."""
    home = Path(tempfile.mkdtemp(dir=scratch))
    update, size, renamed = make_update(release, Path(tempfile.mkdtemp(dir=scratch)) / "29.9")
    print(f"update: {size / 1e6:.0f} MB Technology Skills, {renamed} examples renamed")
    env = {**os.environ, "CAREERPLANNER_HOME": str(home)}
    command = [sys.executable, "-m", "careerplanner"]
    subprocess.run([*command, "dataset", "import", str(release)], env=env, check=True)
    return child_import(home, update)


def child_import(home: Path, path: Path) -> tuple[float, float, str]:
    """`careerplanner dataset import PATH` in a child process over the data folder `home`:
    (seconds, the child's peak MiB, its last output line)."""
    env = {**os.environ, "CAREERPLANNER_HOME": str(home)}
    script = (
        "import sys, runpy; sys.argv = ['careerplanner', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('careerplanner', run_name='__main__')\n"
        "finally:\n"
        "    status = open('/proc/self/status').read().split('VmHWM:')[1].split()[0]\n"
        "    print('peak', status)\n"
    )
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script, "dataset", "import", str(path)],
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    lines = result.stdout.strip().splitlines()
    peak = int(lines[-1].split()[1]) / 1024 if lines and lines[-1].startswith("peak") else 0.0
    said = (lines[:-1] or [result.stderr.strip()])[-1] if lines else result.stderr.strip()
    return elapsed, peak, said


def main_update(release: Path) -> int:
    with tempfile.TemporaryDirectory() as scratch_name:
        seconds, peak, said = time_update(release, Path(scratch_name))
    print(f"it said: {said}")
    print(
        f"large update import: {seconds:.1f} s (target < 60 s) {'OK' if seconds < 60 else 'OVER'}"
    )
    print(
        f"peak memory: {peak:.0f} MiB (target < 400 MB) {'OK' if peak * 1.048576 < 400 else 'OVER'}"
    )
    return 0 if seconds < 60 and peak * 1.048576 < 400 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--release", type=Path, default=ROOT.parent / "shared" / "data" / "onet" / "29.2"
    )
    parser.add_argument("--update", action="store_true", help="the large update (class 12)")
    parser.add_argument("--peak-of", choices=("import", "raw"), help=argparse.SUPPRESS)
    parser.add_argument("folder", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak_of:
        peak_of(args.peak_of, args.release, args.folder)
        return 0
    if args.update:
        return main_update(args.release)
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        imports, raws, inserts, starts = [], [], [], []
        for _ in range(args.runs):  # interleaved, so machine load affects all alike
            seconds, rows = time_import(args.release, scratch)
            imports.append(seconds)
            seconds, raw_count = time_raw(args.release, scratch)
            raws.append(seconds)
            inserts.append(time_insert_only(args.release, scratch))
            starts.append(time_first_start(scratch))
    ours, raw, floor = (statistics.median(x) for x in (imports, raws, inserts))
    print(f"O*NET release: {args.release} ({rows:,} rows imported; raw load {raw_count:,} rows)")
    for label, median, runs in (
        ("import (validated):", ours, imports),
        ("raw executemany load:", raw, raws),
        ("insert only (same rows):", floor, inserts),
        ("first start (default):", statistics.median(starts), starts),
    ):
        shown = ", ".join(f"{x:.2f}" for x in runs)
        print(f"{label:<27}median {median:6.2f} s   runs {shown}")
    print(f"ratio import / raw load:   {ours / raw:.2f}x   (target <= 2x)")
    print(f"ratio import / insert only: {ours / floor:.2f}x")
    print(f"import within 10 s:        {'yes' if ours <= 10 else 'NO'}")
    first = statistics.median(starts)
    print(f"first start within 5 s:    {'yes' if first < 5 else 'NO'}")
    ours_peak, raw_peak = (child_peak(how, args.release) for how in ("import", "raw"))
    print(
        f"peak memory: import {ours_peak:.0f} MiB, raw load {raw_peak:.0f} MiB, ratio "
        f"{ours_peak / raw_peak:.2f}x (target <= 1.5x)"
    )
    return 0


def child_peak(how: str, release: Path) -> float:
    """Peak MiB of a child process that imports `release` ("import") or raw-loads it ("raw")
    into a fresh market database."""
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            [sys.executable, __file__, "--peak-of", how, "--release", str(release), scratch],
            capture_output=True,
            text=True,
            check=True,
        )
    return float(result.stdout.split()[-1])


def peak_of(how: str, release: Path, folder: Path) -> None:
    if how == "import":
        db = DataDir(folder).open_market_db()
        install_onet_release(db, release)
        db.close()
    else:
        executemany_load(fresh_schema(folder), raw_rows(release))
    print(peak_kib() / 1024)


def peak_kib() -> int:
    """This process's peak resident memory in KiB. VmHWM, not ru_maxrss: Linux carries
    ru_maxrss over an exec, so a child started by a parent holding 300 MiB reports 300 MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # not Linux


if __name__ == "__main__":
    sys.exit(main())
