"""`dataset diff`: counts checked against an independent recount over the raw release files."""

from __future__ import annotations

import csv
import zipfile

import pytest

from careerplanner.services.dataset_import import import_path
from careerplanner.store.market.diff import diff_datasets
from tests.conftest import WAGES_2023, WAGES_2024, onet_release
from tests.importers.datasets.onet_slices import make_release, make_release_zip, sliced_files


@pytest.fixture
def market(data_dir):
    db = data_dir.open_market_db()
    yield db
    db.close()


def raw_pairs(data: bytes) -> dict[tuple[str, str], tuple[str, str]]:
    """(code, example) -> (Hot, In Demand), parsed with nothing but str.split."""
    lines = data.decode("utf-8").splitlines()
    pairs = {}
    for line in lines[1:]:
        fields = line.split("\t")
        pairs[(fields[0], fields[1])] = (fields[4], fields[5] if len(fields) > 5 else "")
    return pairs


def recount(old: bytes, new: bytes) -> dict:
    a, b = raw_pairs(old), raw_pairs(new)
    common = a.keys() & b.keys()
    hot_a = {example for (_, example), (hot, _) in a.items() if hot == "Y"}
    hot_b = {example for (_, example), (hot, _) in b.items() if hot == "Y"}
    return {
        "pairs_added": len(b.keys() - a.keys()),
        "pairs_removed": len(a.keys() - b.keys()),
        "hot_changed": sum(a[p][0] != b[p][0] for p in common),
        "in_demand_changed": sum(a[p][1] != b[p][1] for p in common if a[p][1] and b[p][1]),
        "new_hot": sorted(hot_b - hot_a),
        "no_longer_hot": sorted(hot_a - hot_b),
    }


def test_sliced_release_diff_matches_a_recount(market, tmp_path):
    old = import_path(market, make_release(tmp_path / "29.2", "29.2")).dataset
    new = import_path(market, make_release_zip(tmp_path / "db_29_3_text.zip", "29.3")).dataset
    diff = diff_datasets(market, old.id, new.id)
    tech = diff["files"]["Technology Skills"]
    expected = recount(
        sliced_files("29.2")["Technology Skills.txt"], sliced_files("29.3")["Technology Skills.txt"]
    )
    assert {key: tech[key] for key in expected} == expected
    assert tech["pairs_added"] > 0  # the slice does hold changes (else the test proves nothing)
    for label in ("Occupation Data", "Skills", "Knowledge", "Alternate Titles", "Job Zones"):
        assert diff["files"][label] == "unchanged"


@pytest.mark.slow
def test_full_29_2_to_29_3_diff_matches_an_independent_recount(market):
    old = import_path(market, onet_release("29.2")).dataset
    zipped = onet_release("29.3")
    new = import_path(market, zipped).dataset
    diff = diff_datasets(market, old.id, new.id)
    tech = diff["files"]["Technology Skills"]
    old_raw = (onet_release("29.2") / "Technology Skills.txt").read_bytes()
    new_raw = zipfile.ZipFile(zipped).read("db_29_3_text/Technology Skills.txt")
    expected = recount(old_raw, new_raw)
    assert {key: tech[key] for key in expected} == expected
    # The figures as verified by hand with awk/comm over the raw files (see docs/onet-mapping.md).
    assert (tech["pairs_added"], tech["pairs_removed"]) == (88, 34)
    assert (tech["hot_changed"], tech["in_demand_changed"]) == (96, 313)
    assert tech["new_hot"] == [
        "Apple Safari",
        "Asana",
        "Microsoft Edge",
        "Mozilla Firefox",
        "PyTorch",
    ]
    assert tech["no_longer_hot"] == [
        "Atlassian Bamboo",
        "Oracle JavaServer Pages JSP",
        "Ruby on Rails",
    ]
    assert tech["technologies_removed"] == ["Microsoft Office SharePoint Server MOSS"]
    renames = [(r["old_name"], r["new_name"]) for r in tech["renames"]]
    assert renames == [("Microsoft Office SharePoint Server MOSS", "Microsoft SharePoint Server")]
    # Only Technology Skills differs among the files the app reads (SOURCES.md).
    others = {
        label: change for label, change in diff["files"].items() if label != "Technology Skills"
    }
    assert set(others.values()) == {"unchanged"} and len(others) == 8


def test_old_layout_diff_counts_in_demand_only_where_known(market, tmp_path):
    old = import_path(market, make_release(tmp_path / "24.2", "24.2")).dataset
    new = import_path(market, make_release(tmp_path / "29.2", "29.2")).dataset
    tech = diff_datasets(market, old.id, new.id)["files"]["Technology Skills"]
    assert tech["in_demand_changed"] == 0 and tech["in_demand_known"] is False
    assert (
        diff_datasets(market, old.id, new.id)["files"]["Occupation Data"]
        == "not in the old version"
    )


def test_wage_shifts_match_a_recount(market):
    old = import_path(market, WAGES_2023).dataset
    new = import_path(market, WAGES_2024).dataset
    shifts = diff_datasets(market, old.id, new.id)["wage_shifts"]

    def medians(path):
        with open(path, encoding="utf-8", newline="") as handle:
            return {r["OCC_CODE"]: r["A_MEDIAN"] for r in csv.DictReader(handle)}

    a, b = medians(WAGES_2023), medians(WAGES_2024)

    def number(text):
        try:
            return float(text)
        except ValueError:
            return None

    compared = [s for s in a.keys() & b.keys() if number(a[s]) and number(b[s]) is not None]
    assert shifts["occupations_compared"] == len(compared)
    assert shifts["rose"] == sum(number(b[s]) > number(a[s]) for s in compared)
    assert shifts["occupations_added"] == sorted(b.keys() - a.keys())
    software = next(
        item
        for item in shifts["largest_rises"] + shifts["largest_falls"] + [None]
        if item is None or item["soc"] == "15-1252"
    )
    assert software is None or software["old"] == 132270.0
