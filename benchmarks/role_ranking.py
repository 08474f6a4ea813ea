"""Does ranking every role by fit put a person's own occupation near the top?

    python benchmarks/role_ranking.py [--labels ../shared/resumes/occupations.json] [--top 10]

For each labelled resume (`occupations.json`: person -> the O*NET-SOC codes their job is; the
files are in ../shared/resumes/files and other-professions/files), a fresh data folder gets
the bundled default dataset (installed once, then copied) and the resume, imported through the
app's own resume import service; then every role is ranked (`services.role_ranking`). Prints,
per person: the rank of their best-ranked own occupation, its fit and the number of
requirements behind it, and the top 3 roles; then the two totals the issue asks for: how many
people have an own occupation in the top N (target: at least 9 of 12), and the median fit for
the own occupation (target: at least 50%).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from careerplanner.services.dataset_import import ensure_default_dataset  # noqa: E402
from careerplanner.services.resume_import import import_resume_file  # noqa: E402
from careerplanner.services.role_ranking import rank_roles  # noqa: E402
from careerplanner.store.data_dir import DataDir  # noqa: E402

RESUME_FOLDERS = (SHARED / "resumes/files", SHARED / "resumes/other-professions/files")


def resume_files() -> dict[str, Path]:
    """Resume name (as occupations.json and score.py name it) -> its file."""
    found = {}
    for folder in RESUME_FOLDERS:
        for path in sorted(folder.iterdir()):
            name = path.name[: -len(".json")] if path.suffix == ".json" else path.stem
            found[name] = path
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=SHARED / "resumes/occupations.json")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    labels = {k: v for k, v in json.loads(args.labels.read_text()).items() if k[0] != "_"}
    files = resume_files()
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template"
        started = time.perf_counter()
        market = DataDir(template).open_market_db()
        ensure_default_dataset(market)
        market.close()
        print(f"default dataset installed once in {time.perf_counter() - started:.1f} s")
        hits, fits = 0, []
        for person, codes in labels.items():
            home = Path(tmp) / person
            data_dir = DataDir(home)
            data_dir.prepare()
            source = sqlite3.connect(template / "market.db")
            target = sqlite3.connect(home / "market.db")
            source.backup(target)
            source.close()
            target.close()
            user_db, market_db = data_dir.open_user_db(), data_dir.open_market_db()
            try:
                import_resume_file(user_db, market_db, files[person], data_dir.backup_dir)
                started = time.perf_counter()
                ranking = rank_roles(user_db, market_db)
                seconds = time.perf_counter() - started
            finally:
                user_db.close()
                market_db.close()
            shutil.rmtree(home, ignore_errors=True)
            ranks = {role.code: (rank, role) for rank, role in enumerate(ranking.roles, 1)}
            own = [ranks[code] for code in codes if code in ranks]
            rank, role = min(own, key=lambda item: item[0])
            hits += rank <= args.top
            fits.append(role.fit)
            top3 = "; ".join(f"{r.title} {r.fit:.0%} ({r.requirements})" for r in ranking.roles[:3])
            print(
                f"{person[:30]:<30} own #{rank:<4} {role.title[:28]:<28} fit {role.fit:4.0%} "
                f"({role.requirements} req.) | top 3: {top3} [{seconds:.1f} s]"
            )
        print(
            f"own occupation in the top {args.top}: {hits} of {len(labels)} (target 9); "
            f"median fit for the own occupation: {statistics.median(fits):.0%} (target 50%)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
