"""Market migration m002: must/nice counts and the seniority of a skill's postings; a version
imported before it reads as "not recorded", never as zero, and older packs still import."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile

from careerplanner.core.datasets import DATASET_TABLES
from careerplanner.importers.datasets import ImportedDataset
from careerplanner.services.packs import export_pack, import_pack
from careerplanner.store.database import open_database
from careerplanner.store.market.datasets import install_dataset
from careerplanner.store.market.postings import postings_skills, skill_by_role
from careerplanner.store.market.schema import MARKET_DB
from tests.conftest import PROJECT_ROOT

V1 = PROJECT_ROOT / "tests" / "fixtures" / "market-v1.db"
NEW_COLUMNS = ("jobs_must", "jobs_nice", "seniority_json")
OLD_SKILL_COLUMNS = tuple(
    c for c in DATASET_TABLES["postings"]["posting_skill"] if c not in NEW_COLUMNS
)


def skill_row(role: str, must, nice, seniority) -> tuple:
    base = (role, "technology:excel", "Excel", 10, 4, 0.4, 2.0, 2.0, 0, 0, 4, 0, 0, 0)
    return (*base, 70_000.0, 4, 60_000.0, 6, 1, must, nice, seniority)


def dataset(rows: list[tuple], columns=DATASET_TABLES["postings"]["posting_skill"], sha="a"):
    return ImportedDataset(
        kind="postings",
        name="jobs",
        version="1",
        source="jobs.csv",
        sha256=sha * 64,
        tables={"posting_skill": (columns, rows)},
    )


def test_a_released_v1_database_gains_the_columns_and_reads_them_as_not_recorded(tmp_path):
    copy = tmp_path / "market.db"
    shutil.copyfile(V1, copy)
    db = open_database(copy, MARKET_DB, tmp_path / "backups")
    try:
        old_row = skill_row("", 0, 0, "")[: len(OLD_SKILL_COLUMNS)]
        installed = install_dataset(db, dataset([old_row], OLD_SKILL_COLUMNS)).dataset
        [excel] = postings_skills(db, installed.id)
        assert (excel.jobs_must, excel.jobs_nice, excel.seniority) == (None, None, ())
        assert excel.demand_rate_must is None
    finally:
        db.close()


def test_must_nice_and_seniority_are_stored_and_read_back(tmp_path):
    db = open_database(tmp_path / "market.db", MARKET_DB, tmp_path / "backups")
    try:
        seniority = json.dumps([["senior", 3], ["junior", 1]])
        rows = [skill_row("", 3, 1, seniority), skill_row("Analyst", 3, 1, seniority)]
        installed = install_dataset(db, dataset(rows)).dataset
        [excel] = postings_skills(db, installed.id)
        assert (excel.jobs_must, excel.jobs_nice) == (3, 1)
        assert excel.seniority == (("senior", 3), ("junior", 1))
        [analyst] = skill_by_role(db, installed.id, "technology:excel")
        assert analyst.role == "Analyst" and analyst.jobs_nice == 1
    finally:
        db.close()


def test_a_pack_written_before_m002_still_imports(tmp_path):
    db = open_database(tmp_path / "market.db", MARKET_DB, tmp_path / "backups")
    try:
        seniority = json.dumps([["senior", 4]])
        installed = install_dataset(db, dataset([skill_row("", 3, 1, seniority)])).dataset
        pack = export_pack(db, installed.id, tmp_path / "new.zip")
        old = tmp_path / "old.zip"
        _drop_new_columns(pack, old)
        db.execute("DELETE FROM dataset")
        again = import_pack(old, db).dataset
        [excel] = postings_skills(db, again.id)
        assert excel.jobs_with_skill == 4 and excel.jobs_must is None
    finally:
        db.close()


def _drop_new_columns(pack, out) -> None:
    """The pack as a version without m002 wrote it: the three columns gone from the CSV and the
    manifest (with the checksums redone, as that version would have written them)."""
    with zipfile.ZipFile(pack) as source:
        files = {name: source.read(name) for name in source.namelist()}
    manifest = json.loads(files["manifest.json"])
    table = next(t for t in manifest["tables"] if t["name"] == "posting_skill")
    table["columns"] = [c for c in table["columns"] if c["name"] not in NEW_COLUMNS]
    lines = files[table["file"]].decode("utf-8").splitlines()
    files[table["file"]] = (
        "\n".join(",".join(line.split(",")[: len(OLD_SKILL_COLUMNS)]) for line in lines) + "\n"
    ).encode("utf-8")
    manifest["files"][table["file"]] = hashlib.sha256(files[table["file"]]).hexdigest()
    files["manifest.json"] = json.dumps(manifest).encode("utf-8")
    with zipfile.ZipFile(out, "w") as target:
        for name, data in files.items():
            target.writestr(name, data)
