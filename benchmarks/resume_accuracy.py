"""Resume skill accuracy on the labelled corpora, scored by ../shared/resumes/score.py.

    python benchmarks/resume_accuracy.py [CORPUS_DIR] [--labels DIR] [--keep DIR] [--market]
        [--min-precision P] [--min-recall R] [--min-depth D] [--issue-bars]

Parses every resume of a corpus with the vocabulary built from O*NET 29.2 Technology Skills +
ESCO + data/profession_terms.csv + data/aliases.csv (or, with --market, from the installed
market database's active datasets), writes one <name>.json prediction per resume, and runs the
scorer on them. With no CORPUS_DIR it scores every labelled folder in turn (../shared/resumes
and ../shared/resumes/other-professions) and prints each one's figures; the --min bars then
apply to the first (the exit status is the first failing scorer's), and --issue-bars applies
issue 13's bars to each folder (resumes 0.97/0.95/0.90, other-professions 0.90/0.80/0.70).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LABELLED_FOLDERS = [SHARED / "resumes", SHARED / "resumes/other-professions"]
# Issue 13's bars (precision, recall, depth in band) for each labelled folder.
ISSUE_BARS = {"resumes": (0.97, 0.95, 0.90), "other-professions": (0.90, 0.80, 0.70)}
sys.path.insert(0, str(ROOT))

from careerplanner.analysis.vocabulary import shared_vocabulary  # noqa: E402
from careerplanner.errors import UserError  # noqa: E402
from careerplanner.importers.resume.parse import parse_resume  # noqa: E402
from careerplanner.importers.resume.pdf_reader import PdfWorker  # noqa: E402


def load_finder(market: bool):
    """The finder over the shared O*NET/ESCO files, or over the installed market database."""
    if market:
        from careerplanner.analysis.vocabulary import active_vocabulary
        from careerplanner.store.data_dir import DataDir
        from careerplanner.store.market.terms import skill_terms

        db = DataDir.default().open_market_db()
        try:
            return active_vocabulary(skill_terms(db)).finder()
        finally:
            db.close()
    vocabulary = shared_vocabulary(
        str(SHARED / "data/onet/29.2/Technology Skills.txt"), str(SHARED / "data/esco")
    )
    return vocabulary.finder()


def predict(corpus: Path, out: Path, market: bool = False) -> None:
    finder = load_finder(market)
    worker = PdfWorker()
    try:
        for path in sorted(corpus.iterdir()):
            if path.name.endswith(".job.json") or path.is_dir():
                continue
            name = path.stem if path.suffix != ".json" else path.name[: -len(".json")]
            try:
                parsed = parse_resume(path, finder, worker=worker, today=date(2026, 2, 10))
                data = parsed.to_json()
            except UserError as error:
                print(f"{path.name}: {error}", file=sys.stderr)
                data = {"skills": []}
            (out / f"{name}.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    finally:
        worker.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--labels", help="the labels of CORPUS_DIR (default: its ../labels)")
    parser.add_argument("--keep", help="write the predictions here instead of a temp folder")
    parser.add_argument(
        "--market",
        action="store_true",
        help="use the active datasets of the installed market database (CAREERPLANNER_HOME)",
    )
    for bar in ("precision", "recall", "depth"):
        parser.add_argument(f"--min-{bar}", type=float, default=0.0, help="passed to score.py")
    parser.add_argument(
        "--issue-bars", action="store_true", help="apply issue 13's bars to each labelled folder"
    )
    args = parser.parse_args(argv)
    score_options = [
        f"--min-precision={args.min_precision}",
        f"--min-recall={args.min_recall}",
        f"--min-depth={args.min_depth}",
    ]
    if args.corpus:
        corpora = [(Path(args.corpus), Path(args.labels or Path(args.corpus).parent / "labels"))]
    else:
        corpora = [(folder / "files", folder / "labels") for folder in LABELLED_FOLDERS]
    status = 0
    for number, (corpus, labels) in enumerate(corpora):
        print(f"== {corpus.parent.relative_to(SHARED) if SHARED in corpus.parents else corpus}")
        options = score_options if number == 0 else []
        bars = ISSUE_BARS.get(corpus.parent.name) if args.issue_bars else None
        if bars:
            options = [
                f"--min-{name}={value}"
                for name, value in zip(("precision", "recall", "depth"), bars, strict=True)
            ]
        keep = Path(args.keep) / corpus.parent.name if args.keep and len(corpora) > 1 else None
        code = _score(corpus, labels, keep or args.keep, args.market, options)
        status = status or code
    return status


def _score(corpus: Path, labels: Path, keep, market: bool, options: list[str]) -> int:
    with tempfile.TemporaryDirectory() as temp:
        out = Path(keep or temp)
        out.mkdir(parents=True, exist_ok=True)
        predict(corpus, out, market)
        scorer = SHARED / "resumes/score.py"
        return subprocess.call([sys.executable, str(scorer), str(labels), str(out), *options])


if __name__ == "__main__":
    sys.exit(main())
