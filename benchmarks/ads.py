"""The job-ads collection at 500 ads: adding them, `ads summary` over them, listing and filtering.

    .venv/bin/python benchmarks/ads.py [--ads 500] [--runs 5]

A fresh data folder with the bundled default dataset. The ads are the labelled sample ads of
../shared/ads/files and the ads written for the tests (tests/fixtures/ads), each copy made its
own ad by a reference line, written as files to one folder and added as `ads add FOLDER` adds
them (`services.job_ads.add_ad_files`: one transaction per ad, the plain copy of the user's
data rewritten on its own thread as the command line does).

Printed: the time to add them (and per ad); `ads summary` over all of them (target < 1 s);
listing all of them with the fit of each, first after a change of the user's data (every read
again) and then again (kept per change), and filtering by tag and by status (target < 100 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from timing import PROJECT_ROOT, SHARED

sys.path.insert(0, str(PROJECT_ROOT))

SUMMARY_TARGET_S = 1.0
LIST_TARGET_MS = 100.0
TAGS = ("backend-berlin", "spring 2027", "data-roles", "remote", "nyc")
STATUSES = ("saved", "applied", "interviewing", "offer", "rejected", "withdrawn")


def sample_texts() -> list[str]:
    folders = [SHARED / "ads" / "files", PROJECT_ROOT / "tests" / "fixtures" / "ads"]
    return [
        path.read_text(encoding="utf-8")
        for folder in folders
        if folder.is_dir()
        for path in sorted(folder.iterdir())
        if path.suffix in (".txt", ".md")
    ]


def write_ads(folder: Path, count: int) -> None:
    texts = sample_texts()
    folder.mkdir(parents=True)
    for number in range(count):
        text = texts[number % len(texts)] + f"\n\nReference: JOB-{number:05d}\n"
        (folder / f"{number:04d}.txt").write_text(text, encoding="utf-8")


def median_ms(action, runs: int) -> float:
    action()  # warm
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ads", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="careerplanner-ads-bench-") as scratch:
        os.environ["CAREERPLANNER_HOME"] = str(Path(scratch) / "home")
        from careerplanner.services import job_ads
        from careerplanner.services.dataset_import import ensure_default_dataset
        from careerplanner.services.plain_copy import flush_plain_copy, note_change
        from careerplanner.services.resume_import import resume_finder
        from careerplanner.store.data_dir import DataDir
        from careerplanner.store.user.changes import add_listener

        add_listener(note_change)  # as `careerplanner.cli.main` does
        data_dir = DataDir.default()
        market = data_dir.open_market_db()
        ensure_default_dataset(market)
        user = data_dir.open_user_db()
        resume_finder(market)  # the vocabulary is built once per dataset version: not timed
        folder = Path(scratch) / "ads"
        write_ads(folder, args.ads)

        start = time.perf_counter()
        report = job_ads.add_ad_files(user, market, [folder], allow_empty=True)
        flush_plain_copy()
        added_s = time.perf_counter() - start
        ids = [outcome.ad_id for outcome in report.added]
        print(
            f"add {len(ids)} ads (of {args.ads} files): {added_s:.1f} s, "
            f"{added_s / max(len(ids), 1) * 1000:.0f} ms per ad"
        )
        for number, ad_id in enumerate(ids):  # tags and statuses to filter by
            job_ads.add_tags(user, [ad_id], [TAGS[number % len(TAGS)]])
            if number % 3:
                job_ads.set_status(user, ad_id, STATUSES[number % len(STATUSES)])
        flush_plain_copy()

        summary_ms = median_ms(lambda: job_ads.group_summary(user, market), args.runs)
        summary = job_ads.group_summary(user, market)
        verdict = "OK" if summary_ms / 1000 < SUMMARY_TARGET_S else "OVER TARGET"
        print(
            f"ads summary over {summary.n} ads ({len(summary.skills)} skills): "
            f"{summary_ms:.0f} ms (target < {SUMMARY_TARGET_S:.0f} s) {verdict}"
        )
        summary_json_ms = median_ms(
            lambda: job_ads.group_summary(user, market).as_dict(), args.runs
        )
        print(f"  with its --json document: {summary_json_ms:.0f} ms")

        timings = {
            "list all, with the fit of each": lambda: job_ads.list_ads(user, market),
            "list all, without the fit": lambda: job_ads.list_ads(user),
            "filter by tag, with fit": lambda: job_ads.list_ads(user, market, tag=TAGS[1]),
            "filter by status, with fit": lambda: job_ads.list_ads(user, market, status="applied"),
        }
        cold = []
        for number in range(args.runs):  # each change of the user's data reads them again
            job_ads.set_status(user, ids[number], "applied")
            start = time.perf_counter()
            job_ads.list_ads(user, market)
            cold.append((time.perf_counter() - start) * 1000)
        ms = statistics.median(cold)
        verdict = "OK" if ms < LIST_TARGET_MS else "OVER TARGET"
        print(
            f"list all with fits, first after a change (the plain copy being written beside it): "
            f"{ms:.1f} ms {verdict}"
        )
        flush_plain_copy()
        for label, action in timings.items():
            ms = median_ms(action, args.runs)
            verdict = "OK" if ms < LIST_TARGET_MS else "OVER TARGET"
            print(f"{label}: {ms:.1f} ms (target < {LIST_TARGET_MS:.0f} ms) {verdict}")
        flush_plain_copy()
        user.close()
        market.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
