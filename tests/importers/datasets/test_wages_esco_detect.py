"""BLS OEWS wages, ESCO skills and recognising what a dataset path is."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from careerplanner.errors import UserError
from careerplanner.importers.datasets.detect import detect
from careerplanner.importers.datasets.esco import read_esco
from careerplanner.importers.datasets.wages import read_oews_wages, soc_of
from tests.conftest import ESCO_FOLDER, WAGES_2023, WAGES_2024, onet_release, shared_path
from tests.importers.datasets.onet_slices import make_release, make_release_zip


def figures(dataset):
    _, rows = dataset.tables["wage_figure"]
    return {(soc, measure): (value, marker) for soc, measure, value, marker in rows}


@pytest.fixture(scope="module")
def wages_2023():
    return read_oews_wages(WAGES_2023)


def test_wages_keep_the_bls_markers(wages_2023):
    d = wages_2023
    assert (d.kind, d.version, d.name) == ("wages", "2023", "BLS OEWS national, May 2023")
    f = figures(d)
    assert f[("15-1252", "a_median")] == (132270.0, None)
    # Chief Executives: 90th percentile above the top of the published range.
    assert f[("11-1011", "a_pct90")] == (None, "#")
    # Legislators: hourly figures not available (annual only).
    assert f[("11-1031", "h_median")] == (None, "*")
    occupations = {row[0]: row for row in d.tables["wage_occupation"][1]}
    assert occupations["11-1031"][3] == 1  # annual_only


def test_wages_count_every_marker_in_the_file(wages_2023):
    """Recount '#' and '*' cells independently with the csv module."""
    path = WAGES_2023
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    columns = ["TOT_EMP", "EMP_PRSE", "H_MEAN", "A_MEAN", "MEAN_PRSE"] + [
        f"{p}_{s}" for p in "HA" for s in ("PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90")
    ]
    seen, expected = set(), {"#": 0, "*": 0}
    for row in rows:
        if row["OCC_CODE"] in seen:  # broad + detailed duplicates: counted once
            continue
        seen.add(row["OCC_CODE"])
        for column in columns:
            if row[column] in expected:
                expected[row[column]] += 1
    got = {"#": 0, "*": 0}
    for _, marker in figures(wages_2023).values():
        if marker in got:
            got[marker] += 1
    assert got == expected
    assert len(wages_2023.tables["wage_occupation"][1]) == len(seen)


def test_soc_join_code():
    assert soc_of("15-1252.00") == "15-1252"
    assert soc_of("15-1299.08") == "15-1299"


def _wage_file(tmp_path, change):
    source = WAGES_2023.read_text(encoding="utf-8")
    path = tmp_path / "oews_national_M2023.csv"
    path.write_text(change(source), encoding="utf-8")
    return path


def test_wage_non_numeric_value_is_named(tmp_path):
    path = _wage_file(tmp_path, lambda s: s.replace(",132270,", ",132k,", 1))
    with pytest.raises(UserError) as error:
        read_oews_wages(path)
    assert "oews_national_M2023.csv, line " in str(error.value)
    assert "column “A_MEDIAN”: “132k” is not a number." in str(error.value)


def test_wage_state_table_is_refused(tmp_path):
    path = _wage_file(tmp_path, lambda s: s.replace("\n99,U.S.,", "\n06,California,", 2))
    with pytest.raises(UserError, match=r"line 2: the row is for area “06”; only national"):
        read_oews_wages(path)


def test_wage_missing_column_is_named(tmp_path):
    path = _wage_file(tmp_path, lambda s: s.replace(",A_MEDIAN,", ",A_MEDIAN_X,", 1))
    with pytest.raises(UserError, match=r"line 1: the column “A_MEDIAN” is missing"):
        read_oews_wages(path)


def test_esco_collections_merge_into_one_dataset():
    d = read_esco(ESCO_FOLDER, version="v1.2.0")
    rows = {r[1]: r for r in d.tables["esco_skill"][1]}
    assert "Haskell" in rows and "Haskell techniques" in rows["Haskell"][2]
    assert d.attribution == "This product uses the ESCO classification of the European Commission."
    assert len({r[0] for r in d.tables["esco_skill"][1]}) == len(d.tables["esco_skill"][1])


# ---------------------------------------------------------------------------- detection


def test_detects_every_real_source(tmp_path):
    assert detect(onet_release("29.2")).kind == "onet"
    assert detect(onet_release("29.3")).kind == "onet"
    assert detect(onet_release("24.2")).kind == "onet"
    assert detect(WAGES_2024).kind == "wages"
    assert detect(ESCO_FOLDER).kind == "esco"
    assert detect(ESCO_FOLDER / "digitalSkillsCollection_en.csv").kind == "esco"
    postings = shared_path("data", "postings", "glassdoor_data_science_2020.csv")
    assert detect(postings).kind == "postings"


def test_detection_ignores_names(tmp_path):
    wages = tmp_path / "release.zip"  # a CSV named like a zip
    wages.write_bytes(WAGES_2023.read_bytes())
    assert detect(wages).kind == "wages"
    onet = make_release_zip(tmp_path / "wages.csv", "29.3")  # a zip named like a CSV
    assert detect(onet).kind == "onet"
    release = make_release(tmp_path / "esco")
    assert detect(release).kind == "onet"


def test_a_pack_is_recognised_by_its_manifest(tmp_path):
    path = tmp_path / "anything.bin"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", "{}")
    assert detect(path).kind == "pack"


def test_unknown_header_is_named(tmp_path):
    path = tmp_path / "mystery.csv"
    path.write_text("alpha,beta,gamma\n1,2,3\n", encoding="utf-8")
    with pytest.raises(UserError) as error:
        detect(path)
    assert str(error.value).startswith(
        "mystery.csv, line 1: the header “alpha, beta, gamma” is not one Career Planner recognises"
    )


def test_bad_paths(tmp_path):
    with pytest.raises(UserError, match=r"does not exist"):
        detect(tmp_path / "nope.zip")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(UserError, match=r"empty.csv is empty"):
        detect(empty)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8")
    other = tmp_path / "other.zip"
    other.write_bytes(buffer.getvalue())
    with pytest.raises(UserError, match=r"other.zip is a zip file but holds no dataset"):
        detect(other)
    workbook = tmp_path / "national_M2024_dl.xlsx"
    with zipfile.ZipFile(workbook, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UserError, match=r"national_M2024_dl.xlsx is an Excel workbook; save"):
        detect(workbook)
    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(buffer.getvalue()[:40])
    with pytest.raises(UserError, match=r"cut.zip is a truncated or damaged zip file"):
        detect(truncated)
    cp1252 = tmp_path / "legacy.csv"
    cp1252.write_bytes("OCC_CODE,OCC_TITLE,A_MEDIAN\n15-1252,Caf\u00e9,1\n".encode("cp1252"))
    with pytest.raises(UserError, match=r"legacy.csv, line 2, column 12: byte 0xE9"):
        detect(cp1252)
