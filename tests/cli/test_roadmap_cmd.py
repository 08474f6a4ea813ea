"""`careerplanner roadmap …` end to end on a real data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from careerplanner.cli import main
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user.rows import dump_user_tables
from careerplanner.store.user.schema import ROADMAP_TABLES


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["roadmap", *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args):
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def home(data_dir):
    db = data_dir.open_user_db()
    db.execute(
        "INSERT INTO user_skill (skill_key, name, inferred_level, updated_at) "
        "VALUES ('technology:python', 'Python', 2, '2026-01-01T00:00:00Z')"
    )
    db.close()
    return data_dir


def test_add_list_update_and_step_states(home, capsys):
    goal = run_json(capsys, "add", "python", "--level", "L4", "--by", "2027-06-30")
    assert (goal["skill_key"], goal["skill"], goal["start_level"]) == (
        "technology:python",
        "Python",
        2,
    )
    assert [s["to_level"] for s in goal["steps"]] == [3, 3, 4, 4]
    first, second = goal["steps"][0]["id"], goal["steps"][1]["id"]
    run_json(capsys, "step", str(first), "--state", "done", "--due", "2026-12-01")
    after = run_json(capsys, "step", str(second), "--state", "done")
    assert after["reached_level"] == 3 and after["counted_level"] == 2
    assert "counts once evidence for L3 is logged" in after["why"]

    logged = run_json(capsys, "evidence", "add", "Python", "--level", "3", "--note", "Shipped")
    assert logged["level_counted"] == 3

    run_json(capsys, "update", str(goal["id"]), "--level", "5", "--no-date")
    listing = run_json(capsys, "list")
    (only,) = listing["goals"]
    assert only["target_level"] == 5 and only["target_date"] is None
    assert len(only["steps"]) == 6 and listing["overall_progress"] == pytest.approx(2 / 6, 1e-3)

    code, out, _ = run(capsys, "list")
    assert code == 0 and "[1] Python: L2 → L5" in out and "[done]" in out


def test_a_typed_skill_not_in_the_profile_becomes_a_custom_skill(home, capsys):
    goal = run_json(capsys, "add", "Underwater basket weaving", "--level", "2")
    assert goal["skill_key"] == "custom:underwater basket weaving"
    assert goal["skill"] == "Underwater basket weaving"


def test_notes_reviews_and_due(home, capsys):
    goal = run_json(capsys, "add", "Python", "--level", "3")
    run_json(capsys, "step", str(goal["steps"][0]["id"]), "--state", "learning")
    run_json(capsys, "note", str(goal["id"]), "first week done")
    due = run_json(capsys, "due", "--today", "2099-01-01")
    assert [d["skill"] for d in due] == ["Python"]
    reviewed = run_json(capsys, "review", str(goal["id"]))
    assert reviewed["reviews"] == 1 and reviewed["next_review"]
    assert run_json(capsys, "list")["goals"][0]["notes"][0]["text"] == "first week done"


def test_every_export_format_writes_its_file(home, capsys, tmp_path):
    run_json(capsys, "add", "Python", "--level", "3", "--by", "2027-01-31")
    expected = {
        "json": b'"format": "careerplanner-backup"',
        "md": b"# Learning roadmap",
        "csv": b"goal_id,skill",
        "ics": b"BEGIN:VCALENDAR\r\n",
        "pdf": b"%PDF",
        "jsonresume": b'"skills"',
    }
    for fmt, marker in expected.items():
        target = tmp_path / f"out.{fmt}"
        code, _out, err = run(capsys, "export", "--format", fmt, "-o", str(target))
        assert code == 0, err
        assert marker in target.read_bytes(), fmt


def test_import_restores_a_backup_and_refuses_a_bad_one_unchanged(home, capsys, tmp_path):
    run_json(capsys, "add", "Python", "--level", "4")
    backup = tmp_path / "backup.json"
    run(capsys, "export", "--format", "json", "-o", str(backup))
    run_json(capsys, "add", "Go", "--level", "2")

    restored = run_json(capsys, "import", str(backup))
    assert restored["restored"]["roadmap_goal"] == 1
    assert [g["skill"] for g in run_json(capsys, "list")["goals"]] == ["Python"]

    db = home.open_user_db()
    before = dump_user_tables(db)
    db.close()
    document = json.loads(backup.read_text(encoding="utf-8"))
    bad_files = {
        "broken.json": b'{"format": ',
        "newer.json": json.dumps({**document, "format_version": 7}).encode(),
        "missing.json": json.dumps({k: v for k, v in document.items() if k != "tables"}).encode(),
    }
    for name, data in bad_files.items():
        (tmp_path / name).write_bytes(data)
        code, out, err = run(capsys, "import", str(tmp_path / name))
        lines = [line for line in err.splitlines() if line.strip()]
        assert code == 1 and out == "" and len(lines) == 1, (name, err)
        assert name in lines[0] and "Traceback" not in err
    db = home.open_user_db()
    assert dump_user_tables(db) == before
    db.close()


def test_mistakes_are_one_sentence(home, capsys):
    code, _, err = run(capsys, "step", "99", "--state", "done")
    assert code == 1 and err.strip() == "There is no step 99 on the roadmap."
    code, _, err = run(capsys, "add", "Python", "--level", "2")
    assert code == 1 and "already at L2" in err
    code, _, err = run(capsys, "evidence", "add", "Python", "--level", "3", "--file", "/nope/x")
    assert code == 1 and "Can't find the evidence file" in err


def test_the_installed_command_runs_headless(home, tmp_path):
    env = {**os.environ, "CAREERPLANNER_HOME": str(home.root), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "careerplanner", "roadmap", "list", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"overall_progress": 0.0, "goals": []}
    db = DataDir(home.root).open_user_db()
    assert set(ROADMAP_TABLES) <= set(db.table_names())  # opening the database migrated it
    db.close()
