"""Build the bundled job postings (the City of New York's) in data/, and their precomputed figures.

    .venv/bin/python scripts/build_default_postings.py [--source ../shared/data/postings/...csv]
    .venv/bin/python scripts/build_default_postings.py --figures-only   # after a reader change

Writes:
- data/nyc_jobs_postings_2024-03-04.csv.xz   the City's postings as published, one row per Job
    ID (the internal and external copies of a job have the same text), the columns the app reads
    or may read (see COLUMNS), xz-compressed. The figures are recomputed from it whenever the
    requirements reader changes;
- data/nyc_jobs_postings_2024-03-04.figures.zip   the market figures the current reader computes
    from it, as a skill-demand pack (the app's own validated format), so a first start installs
    them in a fraction of a second instead of reading 2,626 ads;
- the "postings" part of data/default.json: both files, their SHA-256, the dataset's identity and
    the fingerprint of the reader that computed the figures
    (`services.dataset_import.reader_fingerprint`). When the app's reader differs from that
    fingerprint, a first start computes the figures from the text instead (slower, never stale);
    tests/services/test_default_postings.py says when to run `--figures-only` again.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import lzma
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from careerplanner.services.dataset_import import (  # noqa: E402
    NYC_POSTINGS,
    bundled_postings_dataset,
    read_dataset_path,
    reader_fingerprint,
)
from careerplanner.services.packs import export_pack  # noqa: E402
from careerplanner.store.database import open_database  # noqa: E402
from careerplanner.store.market.datasets import install_dataset  # noqa: E402
from careerplanner.store.market.schema import MARKET_DB  # noqa: E402

DATA = ROOT / "data"
SOURCE = ROOT.parent / "shared" / "data" / "postings" / "nyc_jobs_postings_2024-03-04.csv"
TEXT_FILE = "nyc_jobs_postings_2024-03-04.csv.xz"
FIGURES_FILE = "nyc_jobs_postings_2024-03-04.figures.zip"
COLUMNS = (
    "Job ID",
    "Agency",
    "Posting Type",
    "Business Title",
    "Civil Service Title",
    "Job Category",
    "Full-Time/Part-Time indicator",
    "Career Level",
    "Salary Range From",
    "Salary Range To",
    "Salary Frequency",
    "Work Location",
    "Division/Work Unit",
    "Job Description",
    "Minimum Qual Requirements",
    "Preferred Skills",
    "Posting Date",
)


def build_text(source: Path, target: Path) -> int:
    """One row per Job ID (the first, in the file's order), the COLUMNS only, xz-compressed."""
    with open(source, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        seen, rows = set(), []
        for row in reader:
            if row["Job ID"] not in seen:
                seen.add(row["Job ID"])
                rows.append([row[c] for c in COLUMNS])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    target.write_bytes(
        lzma.compress(out.getvalue().encode("utf-8"), preset=9 | lzma.PRESET_EXTREME)
    )
    return len(rows)


def build_figures(text: Path, target: Path) -> str:
    """The figures of the bundled text, computed the way a first start would, as a pack."""
    manifest = json.loads((DATA / "default.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "market.db", MARKET_DB, Path(folder) / "backups")
        for part in manifest["parts"]:
            if part["kind"] in ("onet", "esco"):  # the vocabulary the reader finds skills with
                dataset = read_dataset_path(
                    DATA / part["file"], part["kind"], version=part["version"]
                )
                install_dataset(db, dataset)
        dataset = bundled_postings_dataset(db, text, DATA)
        installed = install_dataset(db, dataset).dataset
        export_pack(db, installed.id, target)
        db.close()
    return dataset.sha256


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--figures-only", action="store_true", help="keep the text file")
    args = parser.parse_args(argv)
    text = DATA / TEXT_FILE
    if not args.figures_only:
        jobs = build_text(args.source, text)
        print(f"{TEXT_FILE}: {jobs:,} jobs, {text.stat().st_size / 1e6:.2f} MB")
    figures = DATA / FIGURES_FILE
    dataset_sha = build_figures(text, figures)
    print(f"{FIGURES_FILE}: {figures.stat().st_size / 1e6:.2f} MB")
    path = DATA / "default.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    part = {
        **NYC_POSTINGS,
        "kind": "postings",
        "file": TEXT_FILE,
        "sha256": sha256(text),
        "figures": FIGURES_FILE,
        "figures_sha256": sha256(figures),
        "dataset_sha256": dataset_sha,
        "reader": reader_fingerprint(DATA),
    }
    manifest["parts"] = [p for p in manifest["parts"] if p["kind"] != "postings"] + [part]
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
