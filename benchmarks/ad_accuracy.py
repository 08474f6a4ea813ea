"""Job-ad requirement accuracy on ../shared/ads, scored by ../shared/ads/score_ads.py, and the
speed of `careerplanner ads parse` as a whole process.

    python benchmarks/ad_accuracy.py [CORPUS_DIR] [--labels DIR] [--keep DIR] [--no-speed]
        [--min-precision P] [--min-recall R] [--min-depth D]

Every ad goes through `services.ads.parse_ad_file`, the code path of `ads parse`, against the
market database of CAREERPLANNER_HOME (a fresh temporary one with the bundled default dataset
when unset). The scorer prints precision, recall and depth in band, then the per-file misses
(labelled skills not found, or found at a level outside their band) are listed. The speed part
times `careerplanner ads parse` of a 5 KB ad against a bare `python -c pass`, alternately, and
prints both medians (issue 13: at most 0.6 s).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from careerplanner.errors import UserError  # noqa: E402
from careerplanner.services.ads import parse_ad_file  # noqa: E402
from careerplanner.services.resume_import import resume_finder  # noqa: E402

SPEED_TARGET_SECONDS = 0.6


def predict(corpus: Path, out: Path, baseline: bool = False) -> None:
    """One prediction per ad; with `baseline`, from the postings datasets' extractor
    (`job_ads.extract_requirements`: every skill "must", one level per sentence) over the same
    finder, which shows what the ad reading itself adds."""
    from careerplanner.analysis.job_ads import extract_requirements
    from careerplanner.cli.market import open_market

    db = open_market()
    try:
        finder = resume_finder(db)
        for path in sorted(corpus.iterdir()):
            if not path.is_file():
                continue
            try:
                if baseline:
                    text = path.read_text(encoding="utf-8")
                    skills = [
                        {"name": s.name, "aliases": s.aliases, "level": s.level, "required": "must"}
                        for s in extract_requirements(text, finder)
                    ]
                    data = {"skills": skills}
                else:
                    data = parse_ad_file(db, path, finder=finder).to_json()
            except UserError as error:
                print(f"{path.name}: {error}", file=sys.stderr)
                data = {"skills": []}
            name = path.name.split(".")[0]
            (out / f"{name}.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    finally:
        db.close()


def misses(labels: Path, out: Path) -> None:
    """Per file: each labelled skill not found, or found outside its depth band."""
    scorer = _load_scorer()
    for label_path in sorted(labels.glob("*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        prediction = out / label_path.name
        preds = json.loads(prediction.read_text())["skills"] if prediction.exists() else []
        lines = []
        for skill in label.get("skills", []):
            forms = scorer.forms(skill)
            hits = [p for p in preds if scorer.pred_forms(p) & forms]
            band = f"L{skill['depth']['min']}-{skill['depth']['max']}"
            if not hits:
                lines.append(f"missed {skill['skill']} ({skill['required']}, {band})")
                continue
            level = max(p.get("level", 0) for p in hits)
            if not skill["depth"]["min"] <= level <= skill["depth"]["max"]:
                lines.append(f"depth {skill['skill']}: L{level}, labelled {band}")
        if lines:
            print(f"{label_path.stem}: " + "; ".join(lines))


def _load_scorer():
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_ads", SHARED / "ads/score_ads.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def speed(runs: int = 7) -> None:
    """`ads parse` of a 5 KB ad as a whole process, alternating with a bare interpreter."""
    ads = sorted((SHARED / "ads/files").glob("*.txt"), key=lambda p: abs(p.stat().st_size - 5000))
    ad = ads[0]
    env = dict(os.environ)
    command = [sys.executable, "-m", "careerplanner", "ads", "parse", str(ad), "--json"]
    bare = [sys.executable, "-c", "pass"]
    warm = subprocess.run(command, env=env, capture_output=True, text=True)  # warm the caches
    if warm.returncode != 0:
        print(f"ads parse failed, not timed: {warm.stderr.strip()[-300:]}")
        return
    parse_times, bare_times = [], []
    for _ in range(runs):
        for argv, times in ((command, parse_times), (bare, bare_times)):
            start = time.perf_counter()
            subprocess.run(argv, env=env, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
    parse, baseline = statistics.median(parse_times), statistics.median(bare_times)
    verdict = "OK" if parse <= SPEED_TARGET_SECONDS else "OVER TARGET"
    print(
        f"ads parse {ad.name} ({ad.stat().st_size} bytes): {parse * 1000:.0f} ms median of "
        f"{runs}; bare python -c pass: {baseline * 1000:.0f} ms; ratio {parse / baseline:.1f} "
        f"(target <= {SPEED_TARGET_SECONDS * 1000:.0f} ms) {verdict}"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(SHARED / "ads/files"))
    parser.add_argument("--labels", default=str(SHARED / "ads/labels"))
    parser.add_argument("--keep", help="write the predictions here instead of a temp folder")
    parser.add_argument("--no-speed", action="store_true", help="skip the timing of ads parse")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="also score the postings extractor on the same finder (what ad reading adds)",
    )
    for bar in ("precision", "recall", "depth"):
        parser.add_argument(f"--min-{bar}", type=float, default=0.0, help="passed to the scorer")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        os.environ.setdefault("CAREERPLANNER_HOME", str(Path(temp) / "home"))
        out = Path(args.keep or Path(temp) / "predictions")
        out.mkdir(parents=True, exist_ok=True)
        predict(Path(args.corpus), out)
        misses(Path(args.labels), out)
        status = subprocess.call(
            [
                sys.executable,
                str(SHARED / "ads/score_ads.py"),
                args.labels,
                str(out),
                f"--min-precision={args.min_precision}",
                f"--min-recall={args.min_recall}",
                f"--min-depth={args.min_depth}",
            ]
        )
        if args.baseline:
            base = Path(temp) / "baseline"
            base.mkdir()
            predict(Path(args.corpus), base, baseline=True)
            print("baseline (postings extractor, same finder):", flush=True)
            scorer = str(SHARED / "ads/score_ads.py")
            subprocess.call([sys.executable, scorer, args.labels, str(base)])
        if not args.no_speed:
            speed()
    return status


if __name__ == "__main__":
    sys.exit(main())
