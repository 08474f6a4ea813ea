"""Build the bundled default dataset in data/ from ../shared/data (reproducible, byte for byte).

    .venv/bin/python scripts/build_default_data.py [--shared ../shared/data]

Writes:
- data/onet_29_2_text.zip   the O*NET 29.2 text files the app reads, zipped the way O*NET ships
                            a release (a db_29_2_text/ folder); files are byte-identical to the
                            release, so importing the full release later is "already installed";
- data/oews_national_M2023.csv   BLS OEWS national wages, May 2023 (public domain), unchanged;
- data/esco_skills_en.csv   ESCO v1.2.0 digital, transversal and language skills: the columns
                            the app uses (preferred and alternative labels, type, reuse level);
- data/default.json         the parts, their kinds and SHA-256, read by ensure_default_dataset;
- data/ATTRIBUTION.md       the attribution texts the data licences ask for.

Zip entries get a fixed timestamp and order, so running the script twice gives identical files.
Job postings with no licence are never bundled; the City of New York's (open data) are, built by
scripts/build_default_postings.py, which adds its part to default.json (kept here).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MAX_BYTES = 15_000_000

ONET_FILES = (
    "Read Me.txt",
    "Occupation Data.txt",
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
    "Technology Skills.txt",
    "Skills.txt",
    "Knowledge.txt",
    "Level Scale Anchors.txt",
    "Related Occupations.txt",
    "Job Zones.txt",
)
ESCO_FILES = (
    "digitalSkillsCollection_en.csv",
    "transversalSkillsCollection_en.csv",
    "languageSkillsCollection_en.csv",
)
ESCO_COLUMNS = ("conceptUri", "preferredLabel", "altLabels", "skillType", "reuseLevel")
FIXED_TIME = (2025, 2, 1, 0, 0, 0)

ATTRIBUTION = """# Attribution of the bundled data

Career Planner ships a default market dataset built by `scripts/build_default_data.py` from
these sources. The same texts appear in the application's About box.

## O*NET 29.2 (`onet_29_2_text.zip`)

This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor,
Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is
a trademark of USDOL/ETA. Modified by Career Planner.

Modification: only the files the application reads are included (Occupation Data, Alternate
Titles, Sample of Reported Titles, Technology Skills, Skills, Knowledge, Level Scale Anchors,
Related Occupations, Job Zones, Read Me); each is unchanged. Licence:
https://creativecommons.org/licenses/by/4.0/

## BLS OEWS, May 2023 (`oews_national_M2023.csv`)

Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics.
Public domain (a work of the U.S. Government). National cross-industry estimates, unchanged.

## ESCO v1.2.0 (`esco_skills_en.csv`)

This product uses the ESCO classification of the European Commission.
Free reuse with acknowledgement of the source (Commission Decision 2011/833/EU). Modification:
the digital, transversal and language skill collections merged, keeping the concept URI,
preferred label, alternative labels, skill type and reuse level.

## ESCO v1.2 occupation-skill labels (`profession_terms.csv`)

This product uses the ESCO classification of the European Commission.
Free reuse with acknowledgement of the source (Commission Decision 2011/833/EU). Modification:
the skill labels of ESCO's occupation-skill relations (13,492 labels of the 3,039 occupations),
turned by `scripts/make_profession_terms.py` into the names people write: knowledge labels as
written (and without a trailing "principles", "techniques" ...), activity labels in their
nominal form ("manage inventory" becomes "Inventory Management"); transversal (soft) skills
and labels that describe rather than name are left out. The rows marked `title field` are the
fields that job titles name ("Kitchen Manager" gives "Kitchen Management"), taken from ESCO's
occupation labels and from O*NET 29.2 Alternate Titles (O*NET, CC BY 4.0, as credited above).

## ESCO v1.2 occupations and their skills (`occupation_skills.csv`)

This product uses the ESCO classification of the European Commission.
Free reuse with acknowledgement of the source (Commission Decision 2011/833/EU). Modification:
made by `scripts/make_occupation_skills.py` from ESCO's occupations (`occupations_en.csv`) and
occupation-skill relations: each O*NET occupation is matched to ESCO occupations whose preferred
or alternative label equals one of its O*NET titles; their essential and optional skills are
kept under the names the resume reader finds (as in `profession_terms.csv`), with the words of
all their skill labels.

## City of New York, Jobs NYC Postings (`nyc_jobs_postings_2024-03-04.csv.xz`)

Source: City of New York, “Jobs NYC Postings” (NYC Open Data, dataset `kpav-sd4t`), the snapshot
processed on 2024-03-04: 2,626 job postings of 59 City agencies, 2020-06 to 2024-03. City of New
York open data is made available without registration, license or usage restrictions (NYC Local
Law 11 of 2012, Administrative Code § 23-502 d).

List of our changes: the City's export, as mirrored in a public repository as an Excel workbook,
was converted back to CSV (Excel's `_xHHHH_` escapes undone, text mis-decoded as Windows-1252
re-decoded, day and month swapped back in the dates Excel had misread); one row is kept per Job
ID (the City lists most jobs twice, as an internal and an external posting with the same text);
only the columns the application reads are kept (`scripts/build_default_postings.py` lists
them). The market figures shown from it (the skills asked for, must and nice to have, required
depth, pay with and without a skill, pairings, roles and seniority) are computed by Career
Planner from the ads' text (`nyc_jobs_postings_2024-03-04.figures.zip` holds them as computed
by this version); they are not the City's.

Disclaimer of the City of New York: the data is provided for information only; the City makes no
representation or warranty as to its completeness, accuracy, timeliness or fitness for any
particular purpose, and accepts no liability for its use.

## Career Planner's own tables (`aliases.csv`, `credentials.csv`)

General-knowledge spellings of skills, and widely recognised licences and certifications, written
by the project; no third-party data.
"""


def build_onet_zip(source: Path, target: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for name in ONET_FILES:
            info = zipfile.ZipInfo(f"db_29_2_text/{name}", date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, (source / name).read_bytes(), compresslevel=9)
    target.write_bytes(buffer.getvalue())


def build_esco_csv(source: Path, target: Path) -> None:
    rows: dict[str, list[str]] = {}
    for name in ESCO_FILES:
        with open(source / name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                rows.setdefault(row["conceptUri"], [row[c] for c in ESCO_COLUMNS])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ESCO_COLUMNS)
    writer.writerows(rows[uri] for uri in sorted(rows))
    target.write_bytes(out.getvalue().encode("utf-8"))


def _existing_parts(out: Path) -> list[dict]:
    path = out / "default.json"
    if not path.is_file():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["parts"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=DATA, help="where to write (default: data/)")
    args = parser.parse_args(argv)
    shared: Path = args.shared
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    parts = [
        ("onet", "onet_29_2_text.zip", "29.2"),
        ("wages", "oews_national_M2023.csv", "2023"),
        ("esco", "esco_skills_en.csv", "v1.2.0"),
    ]
    build_onet_zip(shared / "onet" / "29.2", out / "onet_29_2_text.zip")
    (out / "oews_national_M2023.csv").write_bytes(
        (shared / "wages" / "oews_national_M2023.csv").read_bytes()
    )
    build_esco_csv(shared / "esco", out / "esco_skills_en.csv")
    (out / "ATTRIBUTION.md").write_text(ATTRIBUTION, encoding="utf-8")
    manifest = {
        "description": "The bundled default market dataset; see ATTRIBUTION.md.",
        "parts": [
            {"kind": kind, "file": file, "version": version, "sha256": sha256(out / file)}
            for kind, file, version in parts
        ],
    }
    built_elsewhere = [p for p in _existing_parts(out) if p["kind"] not in {k for k, *_ in parts}]
    manifest["parts"] += built_elsewhere  # the postings: scripts/build_default_postings.py
    (out / "default.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")

    total = sum((out / p["file"]).stat().st_size for p in manifest["parts"])
    total += sum((out / p["figures"]).stat().st_size for p in built_elsewhere if "figures" in p)
    for part in manifest["parts"]:
        print(f"{part['file']:<28} {(out / part['file']).stat().st_size / 1e6:6.2f} MB")
    print(f"{'total':<28} {total / 1e6:6.2f} MB (limit {MAX_BYTES / 1e6:.1f} MB)")
    if total > MAX_BYTES:
        print("The bundled data is over the 15 MB limit.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
