"""A small job-postings CSV written by the tests themselves (the project's own text, so no
licence question), in the format the postings importer recognises: 36 civil engineering
postings (enough for figures without the small-sample flag) and 12 clerical ones (a small
sample). Which postings name Microsoft Excel and AutoCAD, their pay and seniority are known
here, so the pages' figures can be checked against an independent count."""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from careerplanner.paths import ensure_private_dir
from careerplanner.services.dataset_import import import_path, install_bundled_default
from careerplanner.store.data_dir import DataDir
from tests.conftest import DATA

CIVIL = "Civil Engineer"
CLERICAL = "Clerical Associate"
EXCEL_DEPTHS = (
    "working knowledge of Microsoft Excel",
    "advanced skills in Microsoft Excel, including macros",
    "proficient in Microsoft Excel",
)


@dataclass(frozen=True)
class WrittenPosting:
    role: str
    salary: int
    seniority: str
    excel: bool
    autocad: bool


def _civil(number: int) -> tuple[str, WrittenPosting, str]:
    excel = number % 3 == 0
    seniority = "Entry-Level" if number % 4 == 0 else "Experienced (non-manager)"
    salary = 80_000 + 1_000 * number + (9_000 if excel else 0)
    lines = [
        "The Bureau of Engineering designs and inspects the bridges, roads and sewers of the "
        "city. The engineer reviews contract drawings and inspects construction sites.",
        "Requirements: a degree in civil engineering. Proficient in AutoCAD, with 3+ years of "
        "hands-on drafting of structural plans.",
    ]
    if excel:
        lines.append(f"The engineer keeps cost estimates with {EXCEL_DEPTHS[number % 3]}.")
    title = f"{CIVIL} {'II' if number % 2 else 'I'}"
    return "\n\n".join(lines), WrittenPosting(CIVIL, salary, seniority, excel, True), title


def _clerical(number: int) -> tuple[str, WrittenPosting, str]:
    seniority = "Entry-Level"
    salary = 45_000 + 500 * number
    text = (
        "The office answers the public's letters and keeps the records of permits.\n\n"
        "Requirements: working knowledge of Microsoft Excel and Microsoft Word; type 40 words "
        "a minute."
    )
    return text, WrittenPosting(CLERICAL, salary, seniority, True, False), CLERICAL


CATEGORIES = {CIVIL: "Engineering & Planning", CLERICAL: "Office Services"}


def write_postings_csv(
    path: Path, categories: bool = False, clerical: int = 12
) -> list[WrittenPosting]:
    """Write the CSV to `path`; returns what each posting holds, in file order. With
    `categories`, each posting also has a "Job Category" (CATEGORIES), which the importer reads
    as its role, as a city's or a job board's broad categories are; `clerical` postings follow
    the 36 civil engineering ones."""
    written = []
    header = ["Job Title", "Job Description", "Min Salary", "Max Salary", "Seniority"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*header, "Job Category"] if categories else header)
        for text, posting, title in [
            *(_civil(number) for number in range(36)),
            *(_clerical(number) for number in range(clerical)),
        ]:
            row = [title, text, posting.salary, posting.salary, posting.seniority]
            writer.writerow([*row, CATEGORIES[posting.role]] if categories else row)
            written.append(posting)
    return written


@pytest.fixture(scope="session")
def postings_market_template(default_market_template, tmp_path_factory) -> tuple[Path, list]:
    """The default dataset plus the postings above, imported once per run: (market.db, rows)."""
    folder = tmp_path_factory.mktemp("postings-market")
    shutil.copy(default_market_template, folder / "market.db")
    written = write_postings_csv(folder / "city-postings.csv")
    db = DataDir(folder).open_market_db()
    try:
        import_path(db, folder / "city-postings.csv")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return folder / "market.db", written


@pytest.fixture
def postings_home(data_home, postings_market_template) -> Path:
    """A fresh data folder (CAREERPLANNER_HOME) whose market database holds the default dataset
    and the postings above."""
    ensure_private_dir(data_home)
    shutil.copy(postings_market_template[0], data_home / "market.db")
    (data_home / "market.db").chmod(0o600)
    return data_home


@pytest.fixture
def written_postings(postings_market_template) -> list[WrittenPosting]:
    return postings_market_template[1]


@pytest.fixture(scope="session")
def no_postings_template(tmp_path_factory) -> Path:
    """A market database with the bundled default's O*NET, BLS wages and ESCO but no postings:
    what a user sees who removed the postings, or an older install."""
    folder = tmp_path_factory.mktemp("no-postings-market")
    parts = json.loads((DATA / "default.json").read_text(encoding="utf-8"))
    parts["parts"] = [part for part in parts["parts"] if part["kind"] != "postings"]
    bundle = folder / "bundle"
    bundle.mkdir()
    (bundle / "default.json").write_text(json.dumps(parts), encoding="utf-8")
    for part in parts["parts"]:
        (bundle / part["file"]).symlink_to(DATA / part["file"])
    db = DataDir(folder).open_market_db()
    try:
        install_bundled_default(db, data_dir=bundle)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return folder / "market.db"


@pytest.fixture
def no_postings_home(data_home, no_postings_template) -> Path:
    """A fresh data folder whose market database has no postings dataset."""
    ensure_private_dir(data_home)
    shutil.copy(no_postings_template, data_home / "market.db")
    (data_home / "market.db").chmod(0o600)
    return data_home
