"""`careerplanner market skill NAME` and `market role TITLE` end to end: the Market screen's two
pages, headless, on a fresh data folder (the bundled default installs on first use) and with a
postings CSV the test wrote (tests/services/market_postings.py)."""

from __future__ import annotations

import hashlib
import json

import pytest

from careerplanner.cli import READ_ONLY_ACTIONS, main


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_skill_json_gives_every_figure_with_its_n(postings_home, capsys):
    code, out, err = run(capsys, "market", "skill", "Microsoft Excel", "--json")
    assert code == 0, err
    page = json.loads(out)
    assert set(page) == {
        "skill",
        "postings",
        "postings_note",
        "onet",
        "levels",
        "not_computed",
        "small_sample_under",
    }
    postings = page["postings"]
    assert postings["jobs_analysed"] == 48
    demand = postings["demand"]
    assert (demand["postings_with_skill"], demand["rate"], demand["n"]) == (24, 0.5, 48)
    assert demand["must"] + demand["nice"] == 24  # each posting asking for it counted once
    depth = postings["required_depth"]
    assert depth["n"] == 24 and depth["small_sample"] is True
    assert sum(level["postings"] for level in depth["distribution"]) == 24
    assert postings["pay"]["with_n"] + postings["pay"]["without_n"] == 48
    assert {role["role"] for role in postings["roles"]} == {"Civil Engineer", "Clerical Associate"}
    assert page["onet"]["occupations"] > 800


def test_skill_text_is_readable_in_a_terminal(postings_home, capsys):
    code, out, _ = run(capsys, "market", "skill", "microsoft excel")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Microsoft Excel"
    assert "  Jobs analysed: n = 48" in lines
    assert "  Demand rate: 50.0% (24 of 48 postings)" in lines
    assert any(line.startswith("  Required depth: median L") for line in lines)
    assert max(len(line) for line in lines) <= 110


def test_on_a_fresh_data_folder_both_pages_come_from_the_bundled_data(data_home, capsys):
    # No import: the first run installs the bundled default, the City's postings included.
    code, out, err = run(capsys, "market", "skill", "Microsoft Excel", "--json")
    assert code == 0, err
    skill = json.loads(out)
    postings = skill["postings"]
    assert postings["dataset"].startswith("NYC Jobs Postings")
    assert postings["jobs_analysed"] > 2000 and postings["demand"]["n"] == postings["jobs_analysed"]
    assert (
        postings["demand"]["must"] + postings["demand"]["nice"]
        == (postings["demand"]["postings_with_skill"])
    )
    assert postings["required_depth"]["n"] == postings["demand"]["postings_with_skill"]
    assert postings["pay"]["with_n"] + postings["pay"]["without_n"] <= postings["jobs_analysed"]
    assert sum(s["postings"] for s in postings["seniority"]) == postings["required_depth"]["n"]
    code, out, err = run(capsys, "market", "role", "Civil Engineer", "--json")
    assert code == 0, err
    role = json.loads(out)
    assert role["role"]["onet_code"] == "17-2051.00"
    assert role["skills_source"] in ("postings", "onet") and role["skills_source_note"]
    assert len(role["top_skills"]) == 15
    assert role["bls_pay"]["percentiles"]["median"] > 50_000
    assert role["path_in"]["of"] == 6 and role["path_in"]["steps"]
    if role["postings"] is not None:  # the postings that name the role, with their n
        assert role["postings"]["pay"]["n"] <= role["postings"]["jobs_analysed"]


def test_without_postings_the_role_comes_from_o_net(no_postings_home, capsys):
    code, out, _ = run(capsys, "market", "role", "Civil Engineer", "--json")
    assert code == 0
    page = json.loads(out)
    assert page["skills_source"] == "onet" and page["postings"] is None
    assert all(s["share"] is None and s["n"] is None for s in page["top_skills"])


def test_role_from_postings_names_its_n(postings_home, capsys):
    code, out, _ = run(capsys, "market", "role", "Civil Engineer", "--json")
    assert code == 0
    page = json.loads(out)
    assert page["skills_source"] == "postings"
    postings = page["postings"]
    assert postings["role"] == "Civil Engineer" and postings["jobs_analysed"] == 36
    assert postings["pay"]["n"] == 36 and postings["pay"]["p25"] <= postings["pay"]["median"]
    assert sum(s["postings"] for s in postings["seniority"]) == postings["seniority_n"] == 36
    assert all(s["n"] == 36 for s in page["top_skills"])
    code, out, _ = run(capsys, "market", "role", "Civil Engineer")
    assert out.startswith("How to become a Civil Engineer\n")
    assert "Pay in postings: median $" in out and "(n = 36)" in out


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("skill", "Zzyzx Qwerty"), "No skill called “Zzyzx Qwerty” in the market data; try "),
        (("role", "Qwxyz Blorp"), "No role called “Qwxyz Blorp” in the market data; try "),
    ],
)
def test_an_unknown_name_is_one_sentence_and_exit_1(postings_home, capsys, args, sentence):
    before = hashlib.sha256((postings_home / "market.db").read_bytes()).hexdigest()
    code, out, err = run(capsys, "market", *args)
    assert code == 1 and out == ""
    assert err.startswith(sentence) and err.count("\n") == 1
    after = hashlib.sha256((postings_home / "market.db").read_bytes()).hexdigest()
    assert after == before  # read only


def test_both_commands_may_run_beside_the_open_window():
    assert {("market", "skill"), ("market", "role")} <= READ_ONLY_ACTIONS
