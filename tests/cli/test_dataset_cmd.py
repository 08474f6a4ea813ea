"""`careerplanner dataset ...` end to end through the real command line entry point."""

from __future__ import annotations

import json
import lzma
import os
import sqlite3

import pytest

from careerplanner.cli import main
from tests.conftest import FIXTURES, WAGES_2024, onet_release
from tests.importers.datasets.onet_slices import file_bytes, make_release, make_release_zip

NYC_SLICE = FIXTURES / "postings" / "nyc_jobs_postings_slice.csv"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A market database with the bundled default installed once (the first start)."""
    home = tmp_path_factory.mktemp("template")
    old = os.environ.get("CAREERPLANNER_HOME")
    os.environ["CAREERPLANNER_HOME"] = str(home)
    try:
        assert main(["dataset", "list"]) == 0
    finally:
        if old is None:
            del os.environ["CAREERPLANNER_HOME"]
        else:
            os.environ["CAREERPLANNER_HOME"] = old
    return home / "market.db"


def copy_template(template, home):
    """A data home holding a copy of the template database (made with the backup API)."""
    home.mkdir(mode=0o700)
    source = sqlite3.connect(template)
    target = sqlite3.connect(home / "market.db")
    source.backup(target)
    source.close()
    target.close()
    return home


@pytest.fixture
def home(data_home, template):
    return copy_template(template, data_home)


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_first_start_installs_the_default(home, capsys):
    code, out, _ = run(capsys, "dataset", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [(d["kind"], d["name"], d["active"]) for d in listed] == [
        ("esco", "ESCO skills v1.2.0", True),
        ("onet", "O*NET 29.2", True),
        ("postings", "NYC Jobs Postings", True),
        ("wages", "BLS OEWS national, May 2023", True),
    ]
    assert "CC BY 4.0" in listed[1]["attribution"]


def test_import_update_diff_and_switch_back(home, tmp_path, capsys):
    # Slices keep the test quick: 29.2 (dataset 5), then its 29.3 update (dataset 6); the
    # bundled default is datasets 1-4 (O*NET, wages, ESCO, the City's postings).
    code, out, err = run(capsys, "dataset", "import", str(make_release(tmp_path / "r", "29.2")))
    assert code == 0 and out.startswith("Installed O*NET 29.2 as dataset 5"), err
    update = make_release_zip(tmp_path / "db_29_3_text.zip", "29.3")
    code, out, err = run(capsys, "dataset", "import", str(update))
    assert code == 0, err
    assert out.startswith("Installed O*NET 29.3 as dataset 6")
    code, out, _ = run(capsys, "dataset", "diff", "--json")
    diffs = json.loads(out)["diffs"]
    assert [d["kind"] for d in diffs] == ["onet"]
    tech = diffs[0]["files"]["Technology Skills"]
    assert tech["pairs_added"] > 0 and "hot_changed" in tech
    assert (diffs[0]["old"]["id"], diffs[0]["new"]["id"]) == (5, 6)
    assert diffs[0]["files"]["Skills"] == "unchanged"
    code, out, _ = run(capsys, "dataset", "diff", "5", "6")
    assert code == 0 and "onet: O*NET 29.2 (dataset 5) -> O*NET 29.3 (dataset 6)" in out
    assert "Skills: unchanged" in out
    code, out, _ = run(capsys, "dataset", "use", "1")
    assert out.strip() == "O*NET 29.2 (dataset 1) is now the active onet dataset."
    code, out, _ = run(capsys, "dataset", "import", str(update))
    assert code == 0 and "already installed as dataset 6" in out


def test_wages_import_and_wage_shifts(home, capsys):
    code, out, err = run(capsys, "dataset", "import", str(WAGES_2024))
    assert code == 0, err
    code, out, _ = run(capsys, "dataset", "diff", "--json")
    wages = next(d for d in json.loads(out)["diffs"] if d["kind"] == "wages")
    assert wages["wage_shifts"]["occupations_compared"] > 1000
    assert wages["files"]["Wage figures"] != "unchanged"
    assert wages["files"]["Occupations"] == "unchanged"


def test_same_default_release_again_is_already_installed(home, capsys):
    release = onet_release("29.2")
    code, out, _ = run(capsys, "dataset", "import", str(release))
    assert code == 0
    assert out.startswith("O*NET 29.2 is already installed as dataset 1 (it is the active one)")


@pytest.mark.parametrize("damage", ["unknown_header", "not_a_zip", "ragged_row"])
def test_bad_input_exits_1_with_one_sentence_and_changes_nothing(home, tmp_path, capsys, damage):
    db_path = home / "market.db"
    before = file_bytes(db_path)  # byte-identical files: the rows cannot have changed
    if damage == "unknown_header":
        path = tmp_path / "mystery.csv"
        path.write_text("a,b\n1,2\n", encoding="utf-8")
        expected = "mystery.csv, line 1: the header “a, b” is not one Career Planner recognises"
    elif damage == "not_a_zip":
        path = tmp_path / "db.zip"
        path.write_bytes(b"PK\x03\x04garbage")
        expected = "db.zip is a truncated or damaged zip file"
    else:
        path = make_release(tmp_path / "r", "29.3")
        target = path / "Job Zones.txt"
        target.write_bytes(target.read_bytes().replace(b"\tAnalyst\r\n", b"\tAnalyst\tx\r\n", 1))
        expected = "Job Zones.txt, line 2: expected 4 fields like the header but found 5"
    code, _out, err = run(capsys, "dataset", "import", str(path))
    assert code == 1
    assert err.startswith(expected) and err.count("\n") == 1
    assert file_bytes(db_path) == before


def test_usage_errors_are_sentences(home, capsys):
    code, _, err = run(capsys, "dataset", "use", "42")
    assert code == 1 and err.startswith("There is no dataset 42")
    code, _, err = run(capsys, "dataset", "diff", "1")
    assert code == 1 and err.startswith("Give two dataset ids")
    code, _, err = run(capsys, "dataset", "diff", "1", "2")
    assert code == 1 and "are different kinds" in err


def test_export_writes_a_pack_that_imports_elsewhere(home, template, tmp_path, capsys, monkeypatch):
    pytest.importorskip("careerplanner.services.packs")
    pack = tmp_path / "esco.zip"
    code, out, err = run(capsys, "dataset", "export", "3", "-o", str(pack))
    assert code == 0, err
    elsewhere = tmp_path / "elsewhere"
    copy_template(template, elsewhere)
    monkeypatch.setenv("CAREERPLANNER_HOME", str(elsewhere))
    code, out, err = run(capsys, "dataset", "import", str(pack))
    assert code == 0, err
    assert "ESCO skills v1.2.0 is already installed as dataset 3" in out


def test_postings_csv_is_routed_to_the_postings_importer(home, tmp_path, capsys):
    pytest.importorskip("careerplanner.store.market.postings")
    path = tmp_path / "ads.csv"
    path.write_text(
        "Job Title,Job Description,Salary Estimate\n"
        'Data Engineer,"Strong Python and SQL, 3+ years.",$90K-$120K\n'
        'Data Analyst,"Working knowledge of SQL and Tableau.",$60K-$80K\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "dataset", "import", str(path), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["dataset"]["kind"] == "postings" and result["dataset"]["active"]


def test_a_compressed_postings_csv_imports_as_it_is(home, tmp_path, capsys):
    # The City's postings kept as .csv.xz, as the bundled copy is: no need to decompress first.
    path = tmp_path / "nyc_jobs.csv.xz"
    path.write_bytes(lzma.compress(NYC_SLICE.read_bytes()))
    code, out, err = run(capsys, "dataset", "import", str(path), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["dataset"]["kind"] == "postings" and result["dataset"]["active"]
    assert result["dataset"]["name"] == "nyc_jobs"


UNNAMED_POSTINGS = (
    "Posted As,Ad Text,Pay\n"
    'Data Engineer,"Strong Python and SQL, 3+ years.",$90K-$120K\n'
    'Data Analyst,"Working knowledge of SQL and Tableau.",$60K-$80K\n'
)


def test_a_header_not_recognised_lists_its_columns_and_how_to_map_them(home, tmp_path, capsys):
    path = tmp_path / "ads.csv"
    path.write_text(UNNAMED_POSTINGS, encoding="utf-8")
    before = file_bytes(home / "market.db")
    code, _out, err = run(capsys, "dataset", "import", str(path))
    assert code == 1 and err.count("\n") == 1
    assert "its columns (“Posted As”, “Ad Text”, “Pay”)" in err
    # Nothing names the title or the text: the user fills in both, nothing is guessed.
    assert (
        'careerplanner dataset import ads.csv --map title="COLUMN" --map description="COLUMN"'
        in err
    )
    assert file_bytes(home / "market.db") == before


def test_map_says_which_column_holds_which_field(home, tmp_path, capsys):
    pytest.importorskip("careerplanner.store.market.postings")
    path = tmp_path / "ads.csv"
    path.write_text(UNNAMED_POSTINGS, encoding="utf-8")
    code, out, err = run(
        capsys,
        "dataset",
        "import",
        str(path),
        "--map",
        "title=Posted As",
        "--map",
        "description=ad text",  # column names compare as the guess does: case and spacing aside
        "--map",
        "salary=Pay",
        "--json",
    )
    assert code == 0, err
    result = json.loads(out)
    assert result["dataset"]["kind"] == "postings" and result["dataset"]["active"]
    assert result["files"][0]["rows"] == 2


@pytest.mark.parametrize(
    ("maps", "expected"),
    [
        (["title=Posted As", "description=Ad Txt"], "ads.csv has no column “Ad Txt”"),
        (["title=Posted As"], "ads.csv: map a column to description"),
        (["title=Posted As", "description=Ad Text", "description="], "ads.csv: map a column to"),
        (["titel=Posted As"], "“titel” is not a postings field; the fields are title, "),
        (["Posted As"], "--map 'Posted As' is not FIELD=COLUMN"),
    ],
    ids=["no-such-column", "no-description", "description-left-out", "no-such-field", "no-="],
)
def test_a_bad_mapping_is_one_sentence_and_stores_nothing(home, tmp_path, capsys, maps, expected):
    path = tmp_path / "ads.csv"
    path.write_text(UNNAMED_POSTINGS, encoding="utf-8")
    before = file_bytes(home / "market.db")
    arguments = [item for chosen in maps for item in ("--map", chosen)]
    code, _out, err = run(capsys, "dataset", "import", str(path), *arguments)
    assert code == 1
    assert err.startswith(expected) and err.count("\n") == 1
    assert file_bytes(home / "market.db") == before
