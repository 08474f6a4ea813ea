"""How fast a full O*NET 29.2 import is, against a raw sqlite3 load of the same rows.

    .venv/bin/python benchmarks/onet_import.py [--runs 5] [--release ../shared/data/onet/29.2]

Three figures, each the median of --runs runs in fresh databases with the same schema and the
same PRAGMAs (WAL, synchronous=FULL, one transaction), measured in this same run:

- import:   the app's path: recognise every file by header, decode, validate every row and cell,
            compute skill keys and the rating fallbacks, insert, switch the active version;
- raw load: plain Python: read each file, `line.split("\\t")`, convert the numeric columns with
            float()/int(), then `sqlite3.executemany` into the same tables;
- insert only: `executemany` of the importer's own finished rows (the floor for any importer).

Targets (issue 3): import <= 10 s, and import <= 2x the raw load. It also times the first
start: `ensure_default_dataset` installing the bundled default (O*NET 29.2, BLS 2023 wages, ESCO)
into an empty data folder (target < 5 s).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from careerplanner.importers.datasets.onet import read_onet_release  # noqa: E402
from careerplanner.services.dataset_import import ensure_default_dataset  # noqa: E402
from careerplanner.store.data_dir import DataDir  # noqa: E402
from careerplanner.store.market.datasets import install_dataset  # noqa: E402

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
    result = install_dataset(db, read_onet_release(release))
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
    folder = Path(tempfile.mkdtemp(dir=scratch))
    start = time.perf_counter()
    ensure_default_dataset(DataDir(folder))
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--release", type=Path, default=ROOT.parent / "shared" / "data" / "onet" / "29.2"
    )
    args = parser.parse_args()
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
