"""`careerplanner gap ROLE` end to end: a real resume against real O*NET roles."""

from __future__ import annotations

import json

from careerplanner.cli import main
from tests.conftest import shared_path


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_gap_for_a_title_people_use_with_a_what_if(installed_home, capsys):
    resume = shared_path("resumes", "files", "sb2nov_sourabh_bajaj_resume.pdf")
    assert main(["resume", "import", str(resume)]) == 0
    capsys.readouterr()

    code, out, _ = run(capsys, "gap", "Backend Engineer", "--json", "--what-if", "SQL=5")
    assert code == 0
    (role,) = json.loads(out)["roles"]
    assert role["code"] == "15-1254.00"  # Web Developers, found through "Back End Engineer"
    assert 0 < role["fit"] < 1
    rows = {row["skill"]: row for row in role["requirements"]}
    assert rows["Python"]["your_level"] >= 3  # years of professional Python on the resume
    priorities = [row["priority"] for row in role["requirements"]]
    assert priorities == sorted(priorities, reverse=True)
    for row in role["requirements"]:
        assert row["gap"] == max(0, row["required_level"] - row["your_level"])
    (change,) = role["what_if"]
    assert change["to_level"] == 5 and change["fit_after"] >= change["fit_before"]


def test_several_roles_side_by_side_in_text(installed_home, capsys):
    code, out, _ = run(capsys, "gap", "Data Scientist", "15-1252.00", "--top", "3")
    assert code == 0
    assert "Data Scientists (15-2051.00)" in out
    assert "Software Developers (15-1252.00)" in out
    assert "closest related occupation" in out  # the rating fallback is said, not hidden


def test_unknown_role_and_bad_what_if_are_one_sentence(installed_home, capsys):
    code, _, err = run(capsys, "gap", "qqqqzzzz")
    assert code == 1
    assert "No occupation in the active O*NET dataset matches “qqqqzzzz”" in err
    code, _, err = run(capsys, "gap", "15-1252.00", "--what-if", "SQL=seven")
    assert code == 1
    assert "is not SKILL=LEVEL" in err
