"""The O*NET text-release importer, on real release files (full and sliced)."""

from __future__ import annotations

import pytest

from careerplanner.core.progress import CancelToken
from careerplanner.errors import Cancelled, UserError
from careerplanner.importers.datasets.onet import read_onet_release
from careerplanner.importers.datasets.onet_fallback import rating_fallbacks
from tests.conftest import onet_release
from tests.importers.datasets.onet_slices import make_release, make_release_zip


def rows_of(dataset, table):
    columns, rows = dataset.tables[table]
    return [dict(zip(columns, row, strict=True)) for row in rows]


@pytest.fixture(scope="module")
def full_29_2():
    return read_onet_release(onet_release("29.2"))


@pytest.mark.slow
def test_full_release_reads_every_file(full_29_2):
    d = full_29_2
    assert (d.kind, d.name, d.version, d.published) == ("onet", "O*NET 29.2", "29.2", "2025-02")
    counts = {table: len(rows) for table, (_, rows) in d.tables.items()}
    raw = onet_release("29.2")

    def lines(name):
        return (raw / name).read_bytes().count(b"\n") - 1

    assert counts["onet_occupation"] == lines("Occupation Data.txt") == 1016
    assert counts["onet_title"] == lines("Alternate Titles.txt") + lines(
        "Sample of Reported Titles.txt"
    )
    assert counts["onet_tech_skill"] == lines("Technology Skills.txt")
    assert counts["onet_rating"] == lines("Skills.txt") + lines("Knowledge.txt")
    assert counts["onet_level_anchor"] == lines("Level Scale Anchors.txt")
    assert counts["onet_related"] == lines("Related Occupations.txt")
    assert counts["onet_job_zone"] == lines("Job Zones.txt")
    assert "CC BY 4.0" in d.attribution and "O*NET 29.2" in d.attribution
    assert any("UNSPSC Reference.txt" in note for note in d.notes)  # skipped, and said so


@pytest.mark.slow
def test_ratings_keep_every_statistic(full_29_2):
    ratings = rows_of(full_29_2, "onet_rating")
    first_lv = next(r for r in ratings if r["code"] == "11-1011.00" and r["scale"] == "LV")
    # 11-1011.00 2.A.1.a LV 4.62 8 0.1830 4.2664 4.9836 N N 08/2023 Analyst
    assert first_lv == {
        "code": "11-1011.00",
        "domain": "skill",
        "element_id": "2.A.1.a",
        "element_name": "Reading Comprehension",
        "scale": "LV",
        "value": 4.62,
        "n": 8,
        "standard_error": 0.183,
        "lower_ci": 4.2664,
        "upper_ci": 4.9836,
        "recommend_suppress": 0,
        "not_relevant": 0,
        "date": "08/2023",
        "domain_source": "Analyst",
    }
    im = next(r for r in ratings if r["scale"] == "IM")
    assert im["not_relevant"] is None  # "n/a" on the importance scale
    domains = {r["domain"] for r in ratings if r["element_id"].startswith("2.C")}
    assert domains == {"knowledge"}


@pytest.mark.slow
def test_unrated_occupations_fall_back_and_say_from_where(full_29_2):
    fallbacks = {r["code"]: r for r in rows_of(full_29_2, "onet_rating_fallback")}
    rated = {r["code"] for r in rows_of(full_29_2, "onet_rating")}
    occupations = {r["code"] for r in rows_of(full_29_2, "onet_occupation")}
    unrated = occupations - rated
    assert len(unrated) == 137  # as SOURCES.md says
    assert fallbacks["15-1252.00"] == {
        "code": "15-1252.00",
        "source_code": "15-1299.08",  # first Primary-Short related occupation with ratings
        "basis": "related",
    }
    assert fallbacks["15-2051.00"]["source_code"] == "15-2041.00"
    assert fallbacks["15-1299.00"]["basis"] == "soc_group"
    assert set(fallbacks) <= unrated
    assert all(f["source_code"] in rated for f in fallbacks.values())


def test_fallback_prefers_tier_then_index():
    related = [
        ("A", "X", "Supplemental", 11),
        ("A", "Y", "Primary-Long", 7),
        ("A", "Z", "Primary-Short", 3),
    ]
    assert rating_fallbacks(["A"], {"X", "Y", "Z"}, related) == [("A", "Z", "related")]
    assert rating_fallbacks(["A"], {"X", "Y"}, related) == [("A", "Y", "related")]
    assert rating_fallbacks(["A", "X"], {"X"}, related) == [("A", "X", "related")]


def test_zip_and_folder_of_the_same_files_are_the_same_dataset(tmp_path):
    folder = make_release(tmp_path / "folder", "29.3")
    archive = make_release_zip(tmp_path / "db_29_3_text.zip", "29.3")
    from_folder = read_onet_release(folder)
    from_zip = read_onet_release(archive)
    assert from_folder.sha256 == from_zip.sha256
    assert from_folder.tables == from_zip.tables
    assert from_zip.version == "29.3" and from_zip.published == "2025-05"


def test_files_are_recognised_by_header_not_name(tmp_path):
    folder = make_release(tmp_path / "r")
    reference = read_onet_release(folder)
    for index, file in enumerate(sorted(folder.iterdir())):
        file.rename(folder / f"file{index}.txt")
    renamed = read_onet_release(folder)
    assert renamed.tables == reference.tables


def test_old_layout_without_in_demand_imports_with_the_flag_unknown():
    d = read_onet_release(onet_release("24.2"))
    tech = rows_of(d, "onet_tech_skill")
    assert len(tech) == 29016
    assert {r["in_demand"] for r in tech} == {None}
    assert {r["hot"] for r in tech} == {0, 1}
    assert d.files[0].layout.startswith("without In Demand")
    assert d.version == "24.2"
    assert tech[0]["skill_key"] == "technology:adobe systems adobe acrobat"


def test_missing_column_is_named(tmp_path):
    folder = make_release(tmp_path / "r")
    path = folder / "Technology Skills.txt"
    lines = path.read_bytes().split(b"\r\n")
    lines = [b"\t".join(line.split(b"\t")[:2] + line.split(b"\t")[3:]) for line in lines]
    path.write_bytes(b"\r\n".join(lines))
    with pytest.raises(UserError) as error:
        read_onet_release(folder)
    assert str(error.value).startswith(
        "Technology Skills.txt, line 1: the column “Commodity Code” is missing"
    )


def test_non_numeric_value_is_named(tmp_path):
    folder = make_release(tmp_path / "r")
    path = folder / "Knowledge.txt"
    lines = path.read_bytes().split(b"\r\n")
    fields = lines[5].split(b"\t")
    fields[4] = b"4,5"
    lines[5] = b"\t".join(fields)
    path.write_bytes(b"\r\n".join(lines))
    with pytest.raises(UserError) as error:
        read_onet_release(folder)
    assert str(error.value) == "Knowledge.txt, line 6, column “Data Value”: “4,5” is not a number."


def test_ragged_row_is_named(tmp_path):
    folder = make_release(tmp_path / "r")
    path = folder / "Occupation Data.txt"
    path.write_bytes(path.read_bytes().replace(b"\r\n15-1211.00\t", b"\r\n15-1211.00 ", 1))
    with pytest.raises(UserError, match=r"^Occupation Data.txt, line \d+: expected 3 fields"):
        read_onet_release(folder)


def test_wrong_encoding_is_named(tmp_path):
    folder = make_release(tmp_path / "r")
    path = folder / "Alternate Titles.txt"
    path.write_bytes(
        path.read_bytes().replace(b"Developer", "Developer\u2019s".encode("cp1252"), 1)
    )
    with pytest.raises(UserError, match=r"^Alternate Titles.txt, line \d+, column \d+: byte 0x92"):
        read_onet_release(folder)


def test_bad_code_and_duplicate_occupation(tmp_path):
    folder = make_release(tmp_path / "r")
    path = folder / "Job Zones.txt"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"15-1211.00\t", b"15-1211\t", 1))
    with pytest.raises(
        UserError, match=r"Job Zones.txt, line \d+, column “O\*NET-SOC Code”: “15-1211” is not"
    ):
        read_onet_release(folder)
    lines = data.split(b"\r\n")
    path.write_bytes(b"\r\n".join([*lines[:3], lines[2], *lines[3:]]))
    with pytest.raises(UserError, match=r"Job Zones.txt, line 4: “15-\d{4}\.\d\d” appears twice"):
        read_onet_release(folder)


def test_two_files_with_the_same_role_are_refused(tmp_path):
    folder = make_release(tmp_path / "r")
    (folder / "Copy of Skills.txt").write_bytes((folder / "Skills.txt").read_bytes())
    with pytest.raises(UserError, match=r"holds two Skills files"):
        read_onet_release(folder)


def test_a_folder_without_onet_files(tmp_path):
    (tmp_path / "notes.txt").write_text("hello\tworld\n1\t2\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"holds no O\*NET files Career Planner recognises"):
        read_onet_release(tmp_path)


def test_cancel_stops_reading(tmp_path):
    folder = make_release(tmp_path / "r")
    token = CancelToken()
    seen = []

    def progress(done, total, message):
        seen.append(message)
        if done == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        read_onet_release(folder, progress, token)
    # Progress comes before each file and after each of its chunks: no file after the third.
    assert list(dict.fromkeys(seen)) == [
        "Reading Occupation Data.txt",
        "Reading Alternate Titles.txt",
        "Reading Sample of Reported Titles.txt",
    ]


def test_other_rating_files_of_a_full_release_are_skipped(tmp_path):
    """Abilities, Work Activities... share the Skills layout; their element ids tell them apart."""
    folder = make_release(tmp_path / "r")
    skills = (folder / "Skills.txt").read_bytes()
    (folder / "Abilities.txt").write_bytes(
        skills.replace(b"\t2.A.", b"\t1.A.").replace(b"\t2.B.", b"\t1.A.")
    )
    dataset = read_onet_release(folder)
    assert "skipped Abilities.txt (not used)" in dataset.notes
    assert {row[1] for row in dataset.tables["onet_rating"][1]} == {"skill", "knowledge"}
