"""The bundled default dataset in data/: reproducible, small, attributed, installed at once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from careerplanner.core.progress import CancelToken
from careerplanner.errors import Cancelled, UserError
from careerplanner.services.dataset_import import (
    ensure_default_dataset,
    import_path,
    install_bundled_default,
)
from careerplanner.services.default_dataset import default_data_dir
from careerplanner.store.market.datasets import active_dataset, list_datasets
from tests.conftest import ESCO_FOLDER, PROJECT_ROOT, WAGES_2023, onet_release, shared_path
from tests.importers.datasets.onet_slices import database_fingerprint

DATA = PROJECT_ROOT / "data"
SCRIPT = PROJECT_ROOT / "scripts" / "build_default_data.py"


def manifest() -> dict:
    return json.loads((DATA / "default.json").read_text(encoding="utf-8"))


def test_bundled_files_are_small_and_listed():
    parts = manifest()["parts"]
    assert [p["kind"] for p in parts] == ["onet", "wages", "esco", "postings"]
    total = sum((DATA / p["file"]).stat().st_size for p in parts)
    assert total <= 15_000_000
    bundled = sum(f.stat().st_size for f in DATA.iterdir() if f.is_file())
    assert bundled <= 15_000_000
    # Only postings with a licence to ship: the City of New York's open data, never Glassdoor's.
    postings = [p["file"] for p in parts if "postings" in p["file"] or p["kind"] == "postings"]
    assert postings == ["nyc_jobs_postings_2024-03-04.csv.xz"]
    assert not any("glassdoor" in f.name for f in DATA.iterdir())


def test_attribution_texts_are_shipped():
    text = (DATA / "ATTRIBUTION.md").read_text(encoding="utf-8")
    sources = shared_path("data", "SOURCES.md").read_text(encoding="utf-8")
    for sentence in (
        "This product includes information from the O*NET 29.2 Database",
        "This product uses the ESCO classification of the European Commission.",
        "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics.",
    ):
        assert sentence in text
        assert sentence.split(" 29.2")[0] in " ".join(sources.split())


@pytest.mark.slow
def test_build_script_reproduces_the_bundled_files(tmp_path):
    # The ../shared/data layout the script reads, laid out from the same files the repository
    # carries (the O*NET 29.2 release, BLS May 2023 and the three ESCO collections, byte for byte).
    shared = tmp_path / "shared-data"
    (shared / "onet").mkdir(parents=True)
    (shared / "onet" / "29.2").symlink_to(onet_release("29.2"))
    (shared / "wages").mkdir()
    (shared / "wages" / WAGES_2023.name).symlink_to(WAGES_2023)
    (shared / "esco").symlink_to(ESCO_FOLDER)
    subprocess.run(
        [sys.executable, str(SCRIPT), "--shared", str(shared), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    built = [p for p in manifest()["parts"] if p["kind"] != "postings"]
    for file in ("ATTRIBUTION.md", *(p["file"] for p in built)):
        assert (tmp_path / file).read_bytes() == (DATA / file).read_bytes(), file
    # The postings part is built by scripts/build_default_postings.py (test_default_postings).
    assert json.loads((tmp_path / "default.json").read_text(encoding="utf-8"))["parts"] == built


@pytest.mark.slow
def test_first_start_installs_every_part_once(data_dir):
    results = ensure_default_dataset(data_dir)
    assert [r.dataset.kind for r in results] == ["onet", "wages", "esco", "postings"]
    db = data_dir.open_market_db()
    try:
        assert active_dataset(db, "onet").name == "O*NET 29.2"
        assert active_dataset(db, "wages").version == "2023"
        before = database_fingerprint(data_dir.market_db_path)
        assert ensure_default_dataset(db) == []  # a no-op the second time
        assert database_fingerprint(data_dir.market_db_path) == before
        # The bundled files are the release's own bytes: the downloaded release is the same.
        again = import_path(db, onet_release("29.2"))
        assert again.already_installed
        assert len(list_datasets(db)) == 4
    finally:
        db.close()


def test_first_start_can_be_cancelled_cleanly(data_dir):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        ensure_default_dataset(data_dir, cancel=token)
    db = data_dir.open_market_db()
    try:
        assert list_datasets(db) == []
    finally:
        db.close()


def test_a_damaged_bundled_file_is_refused(data_dir, tmp_path):
    copy = tmp_path / "data"
    copy.mkdir()
    for file in DATA.iterdir():
        if file.is_file():
            (copy / file.name).write_bytes(file.read_bytes())
    damaged = copy / "oews_national_M2023.csv"
    damaged.write_bytes(damaged.read_bytes().replace(b"132270", b"132271", 1))
    db = data_dir.open_market_db()
    try:
        with pytest.raises(UserError, match=r"oews_national_M2023.csv is damaged"):
            install_bundled_default(db, data_dir=copy)
        assert list_datasets(db) == []
    finally:
        db.close()


def test_the_bundled_folder_is_found():
    assert default_data_dir() == Path(DATA)
