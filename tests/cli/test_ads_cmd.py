"""`careerplanner ads parse` and `resume skill add/reject` end to end, through `main`."""

from __future__ import annotations

import json

import pytest

from careerplanner.cli import READ_ONLY_ACTIONS, main
from tests.importers.ads.conftest import AD_TEXT


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ad_file(tmp_path):
    path = tmp_path / "analyst.md"
    path.write_text(AD_TEXT, encoding="utf-8")
    return path


def test_parse_json_is_the_shape_the_scorer_reads_and_stores_nothing(
    installed_home, capsys, ad_file
):
    user_db = installed_home / "user.db"
    code, out, _ = run(capsys, "ads", "parse", str(ad_file), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "Data Analyst, Supply Chain"
    skills = {s["name"]: s for s in data["skills"]}
    assert skills["SQL"]["required"] == "must" and skills["SQL"]["level"] == 3
    assert skills["Apache Spark"]["required"] == "nice"
    assert "sql" in [alias.casefold() for alias in skills["SQL"]["aliases"]]
    # every evidence line says which words gave the level
    assert skills["SQL"]["evidence"][0]["reason"] == 'L3 from "3+ years of experience with"'
    # the employer's introduction, benefits and EEO notice are not requirements
    assert "Java" not in skills and "SAP" not in skills
    assert not user_db.exists()
    assert ("ads", "parse") in READ_ONLY_ACTIONS


def test_parse_prints_must_and_nice_for_people(installed_home, capsys, ad_file):
    code, out, _ = run(capsys, "ads", "parse", str(ad_file))
    assert code == 0
    assert out.splitlines()[0].startswith("Data Analyst, Supply Chain (text): ")
    must, nice = out.index("Must have:"), out.index("Nice to have:")
    assert must < out.index("SQL") < nice < out.index("Apache Spark")


def test_a_bad_ad_is_one_sentence_on_stderr(installed_home, capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    code, out, err = run(capsys, "ads", "parse", str(empty))
    assert (code, out) == (1, "")
    assert err.strip() == "empty.txt is empty; there is no job ad to read."


def test_resume_skill_add_and_reject(installed_home, capsys, tmp_path):
    resume = tmp_path / "cv.txt"
    resume.write_text(
        "Ada Lovelace\nExperience\nAnalyst | Acme\nJan 2019 - Present\n"
        "• Built reports in Tableau\nSkills\nPython, SQL\n",
        encoding="utf-8",
    )
    assert run(capsys, "resume", "import", str(resume))[0] == 0
    code, out, _ = run(
        capsys, "resume", "skill", "add", "Wound care", "--level", "L3", "--reason", "ward"
    )
    # The typed name takes the vocabulary's spelling when the reader knows the skill.
    assert code == 0 and "added wound care at l3" in out.lower()
    code, out, _ = run(capsys, "resume", "skill", "reject", "Tableau", "--reason", "not mine")
    assert code == 0 and "Tableau is marked as not a skill" in out
    code, out, _ = run(capsys, "resume", "skills")
    assert "l3  wound care  (added by you: ward)" in out.lower()
    assert "not a skill: Tableau (not mine)" in out
    code, _, err = run(capsys, "resume", "skill", "reject", "Python")
    assert code == 1 and "Give a reason" in err
    code, out, _ = run(capsys, "resume", "skill", "reject", "Tableau", "--undo")
    assert code == 0 and "no longer marked" in out
