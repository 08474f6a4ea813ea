"""`careerplanner gap --rank-roles [--top N] [--json]`: every role ranked by fit (issue 15)."""

from __future__ import annotations

import hashlib
import json

from careerplanner.cli import main
from tests.conftest import RESUMES


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_ranking_as_json_and_each_role_a_command_away(installed_home, capsys):
    assert main(["resume", "import", str(RESUMES / "sb2nov_sourabh_bajaj_resume.pdf")]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "gap", "--rank-roles", "--top", "4", "--json")
    assert code == 0
    ranking = json.loads(out)
    assert ranking["ranked"] > 900 and 0 <= ranking["prior_fit"] <= 1
    assert "shrunk toward your median fit" in ranking["method"]
    roles = ranking["roles"]
    assert [role["rank"] for role in roles] == [1, 2, 3, 4]
    for role in roles:
        assert set(role) >= {"code", "title", "source", "fit", "requirements", "met", "weight"}
        assert 0 <= role["met"] <= role["requirements"] and 0 <= role["fit"] <= 1
    scores = [role["ranking_score"] for role in roles]
    assert scores == sorted(scores, reverse=True)
    assert "15-1252.00" in [role["code"] for role in roles]
    # The first role's full gap is one command away, with the same fit.
    code, out, _ = run(capsys, "gap", roles[0]["code"], "--json")
    (gap,) = json.loads(out)["roles"]
    assert code == 0 and gap["fit"] == roles[0]["fit"]


def test_the_ranking_in_text_says_what_each_fit_counts(installed_home, capsys):
    assert main(["resume", "import", str(RESUMES / "rendercv_John_Doe_Classic.pdf")]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "gap", "--rank-roles", "--top", "3")
    assert code == 0
    assert "The 3 of" in out and "counted" in out
    assert out.count("%") >= 3


def test_ranking_needs_a_profile_and_changes_nothing(installed_home, capsys):
    code, _, _ = run(capsys, "resume", "skills")  # creates the user database
    user_db = installed_home / "user.db"
    before = hashlib.sha256(user_db.read_bytes()).hexdigest()
    code, _, err = run(capsys, "gap", "--rank-roles")
    assert code == 1 and "import your resume first" in err and err.count("\n") <= 2
    code, _, err = run(capsys, "gap", "--rank-roles", "--top", "0")
    assert code == 1 and "--top" in err
    code, _, err = run(capsys, "gap", "--rank-roles", "Data Scientist")
    assert code == 1 and "leave out the role names" in err
    code, _, err = run(capsys, "gap")
    assert code == 1 and "--rank-roles" in err
    assert hashlib.sha256(user_db.read_bytes()).hexdigest() == before
