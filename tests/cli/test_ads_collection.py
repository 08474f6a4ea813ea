"""`careerplanner ads add/list/show/status/tag/fix/remove/summary/export` and `gap --ads`, end to
end through `main`; and a kill -9 in the middle of adding a folder."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from careerplanner.cli import READ_ONLY_ACTIONS, main
from tests.conftest import PROJECT_ROOT, SHARED
from tests.services.job_ads_data import AD_FILES, ADS, check_summary


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_writing_commands_refuse_beside_the_window_and_reading_ones_do_not():
    for action in ("list", "show", "summary", "export", "parse"):
        assert ("ads", action) in READ_ONLY_ACTIONS
    for action in ("add", "status", "tag", "fix", "remove", "reread"):
        assert ("ads", action) not in READ_ONLY_ACTIONS


def test_the_collection_from_the_command_line(installed_home, capsys, tmp_path, monkeypatch):
    code, out, err = run(
        capsys, "ads", "add", str(ADS / "backend-berlin.txt"), "--tag", "berlin", "--link", "x"
    )
    assert code == 0, err
    assert out.splitlines()[-1] == "Added 1 ad."
    monkeypatch.setattr(sys, "stdin", io.StringIO((ADS / "devops.txt").read_text()))
    added = run_json(capsys, "ads", "add", "--paste", "--tag", "berlin", "--title", "SRE")
    (devops,) = added["added"]
    assert devops["title"] == "SRE" and devops["tags"] == ["berlin"]

    listed = run_json(capsys, "ads", "list", "--tag", "berlin")["ads"]
    assert [ad["title"] for ad in listed] == ["SRE", "Senior Backend Engineer"]
    backend = listed[1]
    assert backend["link"] == "x" and backend["fit"] == 0.0

    code, out, _ = run(capsys, "ads", "status", str(backend["id"]), "applied")
    assert out == f"#{backend['id']} is now applied.\n"
    code, out, _ = run(capsys, "ads", "tag", str(backend["id"]), "spring 2027")
    assert out == f"#{backend['id']} tags: berlin, spring 2027\n"
    shown = run_json(capsys, "ads", "fix", str(backend["id"]), "--add", "Bash=L2:nice")
    assert {"skill": "Bash", "level": 2, "required": "nice", "fix": "added"}.items() <= next(
        r for r in shown["requirements"] if r["skill"] == "Bash"
    ).items()
    run_json(capsys, "ads", "fix", str(backend["id"]), "--set", "Git=3")
    run_json(capsys, "ads", "fix", str(backend["id"]), "--remove", "Apache Kafka")
    shown = run_json(capsys, "ads", "show", str(backend["id"]))
    assert [h["status"] for h in shown["history"]] == ["saved", "applied"]
    assert [r["skill"] for r in shown["removed"]] == ["Apache Kafka"]
    assert shown["fit"]["requirements"][0]["required"] == "must"
    assert shown["salary_annual"] == 77_500

    code, out, _ = run(capsys, "ads", "show", str(backend["id"]))
    assert "  Git " in out and "(changed by you)" in out and "What if: Raise " in out
    code, out, _ = run(capsys, "ads", "summary", "--tag", "berlin")
    assert out.startswith("Ads tagged “berlin”: n = 2 ads  (small sample: under 30 ads)")
    summary = run_json(capsys, "ads", "summary", "--ids", str(backend["id"]), str(devops["id"]))
    assert summary["n"] == 2
    docker = next(s for s in summary["skills"] if s["skill"] == "Docker")
    assert (docker["asked"], docker["asked_share"], docker["small_sample"]) == (2, 1.0, True)

    exported = run_json(capsys, "ads", "export", "-o", str(tmp_path / "ads.csv"))
    assert exported["ads"] == 2 and (tmp_path / "ads.csv").read_text().startswith("id,title,")

    code, out, err = run(capsys, "ads", "fix", str(backend["id"]), "--set", "Git")
    assert code == 1 and err.startswith('--set "Git" is not SKILL=LEVEL')
    assert run_json(capsys, "ads", "remove", str(devops["id"])) == {"removed": 1}
    code, _, err = run(capsys, "ads", "show", str(devops["id"]))
    assert (code, err) == (1, f"There is no ad #{devops['id']} in your ads.\n")


def test_bad_input_on_the_command_line_is_one_sentence(installed_home, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("   \n"))
    code, out, err = run(capsys, "ads", "add", "--paste")
    assert (code, out, err) == (1, "", "The pasted text is empty; paste the job ad's text.\n")
    assert run(capsys, "ads", "add", str(ADS / "nurse-ward.txt"))[0] == 0
    code, out, err = run(capsys, "ads", "add", str(ADS / "nurse-ward.txt"))
    assert code == 1 and err == "nurse-ward.txt is already in your ads as #1.\n"
    assert out == "Added 0 ads; 1 was already in your ads.\n"


def test_gap_against_a_group_of_ads_alone_or_beside_a_role(installed_home, capsys):
    assert run(capsys, "ads", "add", *map(str, AD_FILES), "--tag", "mine")[0] == 0
    code, out, err = run(capsys, "gap", "--ads", "mine")
    assert code == 0, err
    first = out.splitlines()[0]
    assert first.startswith("Ads tagged “mine” (ads:mine) — fit 0%")
    assert "From 6 of your job ads (small sample)" in out
    assert (
        "Pay for the role (annual, 3 of 6 ads state a salary in USD (2 in another currency "
        "left out))" in out
    )
    report = run_json(capsys, "gap", "Software Developers", "--ads", "mine")
    assert [role["code"] for role in report["roles"]] == ["15-1252.00", "ads:mine"]
    # each skill weighs the share of the group's ads asking for it (SQL: backend and data ads)
    sql = next(r for r in report["roles"][1]["requirements"] if r["skill"] == "SQL")
    assert sql["weight"] == pytest.approx(2 / 6, abs=1e-4)
    code, _, err = run(capsys, "gap", "--ads", "nope")
    assert code == 1 and err.startswith("No ad is tagged “nope”")


def _corpus() -> list:
    """The 20 labelled ads of ../shared/ads when present (their texts may not be copied here),
    else the ads written for the tests: the check runs either way, it never skips."""
    shared = SHARED / "ads" / "files"
    return sorted(shared.iterdir()) if shared.is_dir() else AD_FILES


def test_ads_summary_is_the_count_of_the_ads_predictions(installed_home, capsys):
    files = _corpus()
    code, _, err = run(capsys, "ads", "add", *map(str, files), "--tag", "corpus", "--allow-empty")
    assert code == 0, err
    listed = {ad["source"]: ad for ad in run_json(capsys, "ads", "list", "--tag", "corpus")["ads"]}
    summary = run_json(capsys, "ads", "summary", "--tag", "corpus")
    predictions = []
    for path in files:
        parsed = run_json(capsys, "ads", "parse", str(path))
        ad = listed[path.name]  # pay in the group's currency only
        salary = ad["salary_annual"] if ad["salary_currency"] == summary["currency"] else None
        predictions.append({**parsed, "salary": salary})
    assert summary["n"] == len(files) == (20 if files is not AD_FILES else 6)
    check_summary(summary, predictions)


def _ads_in(db_path) -> tuple[int, list[tuple]]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
    try:
        count = conn.execute("SELECT count(*) FROM job_ad").fetchone()[0]
        rows = conn.execute(
            "SELECT a.id, a.source_name, "
            "(SELECT count(*) FROM job_ad_requirement r WHERE r.ad_id = a.id), "
            "(SELECT count(*) FROM job_ad_status s WHERE s.ad_id = a.id), "
            "(SELECT count(*) FROM job_ad_tag t WHERE t.ad_id = a.id) FROM job_ad a"
        ).fetchall()
        return count, rows
    except sqlite3.OperationalError:  # the database or its table is not made yet
        return 0, []
    finally:
        conn.close()


def test_a_kill_during_ads_add_of_a_folder_keeps_the_ads_before_and_no_half_ad(
    installed_home, capsys, tmp_path
):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(120):
        source = AD_FILES[number % len(AD_FILES)]
        name = f"{number:03d}-{source.stem}.txt"
        # each a distinct ad (a reference line of its own), with the source ad's requirements
        text = source.read_text(encoding="utf-8") + f"\nReference: JOB-{number:05d}\n"
        (folder / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "CAREERPLANNER_HOME": str(installed_home)}
    process = subprocess.Popen(
        [sys.executable, "-m", "careerplanner", "ads", "add", str(folder), "--tag", "batch"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    user_db = installed_home / "user.db"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if user_db.exists() and _ads_in(user_db)[0] >= 5:
                break
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the add finished before it could be killed"

    kept, rows = _ads_in(user_db)
    assert 5 <= kept < 120
    for _ad_id, source_name, requirements, statuses, tags in rows:
        # whole ads only: every requirement the reader finds, its first status and its tag
        read = run_json(capsys, "ads", "parse", str(folder / source_name))
        assert (requirements, statuses, tags) == (len(read["skills"]), 1, 1)

    # Adding the folder again adds the rest; the ones kept are recognised.
    report = run_json(capsys, "ads", "add", str(folder), "--tag", "batch")
    duplicates = [o for o in report["outcomes"] if o["duplicate"]]
    assert len(duplicates) == kept
    assert len(run_json(capsys, "ads", "list", "--tag", "batch")["ads"]) == 120
