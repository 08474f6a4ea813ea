"""Resume parsing speed: end to end against bare pdfminer on the same files, in the same run.

    python benchmarks/resume_speed.py [PDF ...] [--runs N]

For each 1–3 page PDF (default: the corpus in ../shared/resumes/files) it prints the median of N
runs of (a) `pdfminer.high_level.extract_text(path)` in this process and (b) the whole
`parse_resume` (text in the warm child process, sections, positions, skills, depth), and their
ratio. Targets: (b) <= 1 s and (b)/(a) <= 1.5. The one-time costs the app pays at start-up
(compiling the vocabulary, starting the PDF worker process) are printed separately.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from pdfminer.high_level import extract_text  # noqa: E402

from careerplanner.analysis.vocabulary import shared_vocabulary  # noqa: E402
from careerplanner.importers.resume.parse import parse_resume  # noqa: E402
from careerplanner.importers.resume.pdf_reader import PdfWorker  # noqa: E402


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    pdfs = args.pdfs or sorted((SHARED / "resumes/files").glob("*.pdf"))

    start = time.perf_counter()
    finder = shared_vocabulary(
        str(SHARED / "data/onet/29.2/Technology Skills.txt"), str(SHARED / "data/esco")
    ).finder()
    print(f"start-up: vocabulary compiled in {time.perf_counter() - start:.2f} s")
    worker = PdfWorker()
    start = time.perf_counter()
    worker.start()
    worker.extract(pdfs[0])
    print(f"start-up: PDF worker started and warmed in {time.perf_counter() - start:.2f} s")

    worst_time = worst_ratio = 0.0
    try:
        print(f"{'file':40s} {'pages':>5s} {'bare s':>8s} {'ours s':>8s} {'ratio':>6s}")
        for path in pdfs:
            parsed = parse_resume(path, finder, worker=worker)
            if parsed.pages > 3:
                continue  # the target is for 1–3 page resumes
            bare = median_seconds(lambda p=path: extract_text(str(p)), args.runs)
            ours = median_seconds(lambda p=path: parse_resume(p, finder, worker=worker), args.runs)
            ratio = ours / bare
            worst_time, worst_ratio = max(worst_time, ours), max(worst_ratio, ratio)
            print(f"{path.name[:40]:40s} {parsed.pages:5d} {bare:8.3f} {ours:8.3f} {ratio:6.2f}")
    finally:
        worker.close()
    print(
        f"worst end to end {worst_time:.3f} s (target <= 1 s); "
        f"worst ratio {worst_ratio:.2f} (target <= 1.5)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
