"""Rule 8: a plain JSON copy of the user's data, rewritten on every roadmap change, from which
the database can be rebuilt when it is damaged and no good backup exists."""

from __future__ import annotations

import json
import logging
import stat

import pytest

from careerplanner.errors import DamagedDatabaseError, UserError
from careerplanner.exports import backup_json
from careerplanner.services.plain_copy import (
    plain_copy_path,
    rebuild_from_plain_copy,
    write_plain_copy,
)
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user import goals, rows, steps
from tests.exports.roadmap_data import SQL_KEY, open_roadmap_db, populate, roadmap_rows
from tests.store.test_recovery import corrupt_garbage_header, corrupt_mid_file, foreign_sqlite


def copy_tables(root):
    return json.loads(plain_copy_path(root).read_text(encoding="utf-8"))["tables"]


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def test_every_roadmap_change_rewrites_the_private_copy(home, tmp_path):
    db = open_roadmap_db(home)
    assert not plain_copy_path(home).exists()
    goal = goals.add_goal(db, SQL_KEY, "SQL", 3)
    assert [row["skill_name"] for row in copy_tables(home)["roadmap_goal"]] == ["SQL"]
    assert stat.S_IMODE(plain_copy_path(home).stat().st_mode) == 0o600

    steps.update_step(db, goal.steps[0].id, state="done")
    assert copy_tables(home)["roadmap_step"][0]["state"] == "done"
    steps.add_note(db, goal.id, "=cmd|' /C calc'!A0")
    assert copy_tables(home)["roadmap_note"][0]["text"] == "=cmd|' /C calc'!A0"
    goals.delete_goal(db, goal.id)
    assert copy_tables(home)["roadmap_goal"] == []

    populate(db, tmp_path / "proof.txt")
    # The copy is exactly the JSON backup of the database as it now is.
    assert copy_tables(home) == rows.dump_user_tables(db)
    assert not [p for p in home.iterdir() if p.name.endswith(".partial")]


def test_a_change_that_rolls_back_leaves_the_copy_as_it_was(home):
    db = open_roadmap_db(home)
    goals.add_goal(db, SQL_KEY, "SQL", 3)
    before = plain_copy_path(home).read_bytes()
    with pytest.raises(UserError):
        # The second request is bad: add_goals adds neither, and the copy never saw the first.
        goals.add_goals(db, [("technology:go", "Go", 3), ("technology:rust", "Rust", 9)])
    assert plain_copy_path(home).read_bytes() == before
    assert [goal.skill_name for goal in goals.list_goals(db)] == ["SQL"]


def test_an_edit_commits_even_when_the_copy_cannot_be_written(home, caplog):
    db = open_roadmap_db(home)
    plain_copy_path(home).mkdir()  # something that can't be replaced by a file
    with caplog.at_level(logging.WARNING, logger="careerplanner.services.plain_copy"):
        goals.add_goal(db, SQL_KEY, "SQL", 3)
    assert [goal.skill_name for goal in goals.list_goals(db)] == ["SQL"]
    assert "plain copy of your data was not updated" in caplog.text
    with pytest.raises(UserError, match="Can't write"):
        write_plain_copy(db, home)


@pytest.mark.parametrize("damage", [corrupt_garbage_header, corrupt_mid_file, foreign_sqlite])
def test_a_damaged_database_without_backups_is_rebuilt_exactly(home, tmp_path, damage):
    db = open_roadmap_db(home)
    populate(db, tmp_path / "proof.txt")
    db.execute(
        "UPDATE user_skill SET override_level = 4, override_reason = 'I teach it' "
        "WHERE skill_key = 'technology:python'"
    )
    goals.mark_reviewed(db, goals.list_goals(db)[0].id)  # a roadmap change: the copy is current
    goals_before, rows_before = goals.list_goals(db), roadmap_rows(db)
    everything_before = rows.dump_user_tables(db)
    db.close()
    data_dir = DataDir(home)
    assert not data_dir.backup_dir.exists() or not list(data_dir.backup_dir.iterdir())
    damage(data_dir.user_db_path)
    damaged_bytes = data_dir.user_db_path.read_bytes()
    with pytest.raises(DamagedDatabaseError, match=r"user\.db"):  # refused, no restore offered
        data_dir.open_user_db()

    copy_before = plain_copy_path(home).read_bytes()
    counts = rebuild_from_plain_copy(data_dir)
    assert plain_copy_path(home).read_bytes() == copy_before  # the source is left alone

    assert counts["roadmap_goal"] == 3 and counts["evidence"] == 3
    db = data_dir.open_user_db()
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert goals.list_goals(db) == goals_before
    assert roadmap_rows(db) == rows_before
    assert rows.dump_user_tables(db) == everything_before  # profile and overrides too
    kept = [p for p in data_dir.damaged_dir.iterdir() if p.name.startswith("user.db.")]
    assert any(p.read_bytes() == damaged_bytes for p in kept)
    assert stat.S_IMODE(data_dir.user_db_path.stat().st_mode) == 0o600


def test_a_bad_or_missing_copy_is_refused_and_nothing_moves(home):
    db = open_roadmap_db(home)
    goals.add_goal(db, SQL_KEY, "SQL", 3)
    db.close()
    data_dir = DataDir(home)
    corrupt_garbage_header(data_dir.user_db_path)
    damaged = data_dir.user_db_path.read_bytes()
    others = sorted(p.name for p in home.iterdir() if p.name != "user-data.json")

    text = plain_copy_path(home).read_text(encoding="utf-8")
    plain_copy_path(home).write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(UserError, match=r"is not valid JSON \(line \d+, column \d+"):
        rebuild_from_plain_copy(data_dir)
    plain_copy_path(home).unlink()
    with pytest.raises(UserError, match="There is no plain copy of your data"):
        rebuild_from_plain_copy(data_dir)
    assert data_dir.user_db_path.read_bytes() == damaged
    assert not data_dir.damaged_dir.exists()
    assert sorted(p.name for p in home.iterdir()) == others  # user.db (and the copy's cache)


def test_the_copy_is_the_documented_backup_format(home):
    db = open_roadmap_db(home)
    goals.add_goal(db, SQL_KEY, "SQL", 3)
    document = backup_json.read_backup_file(plain_copy_path(home))
    assert document["format"] == backup_json.BACKUP_FORMAT
    assert set(document["tables"]) >= {"profile", "user_skill", "roadmap_goal", "evidence"}


def test_a_zero_length_database_with_a_plain_copy_is_not_silently_replaced(home):
    db = open_roadmap_db(home)
    goals.add_goal(db, SQL_KEY, "SQL", 3)
    db.close()
    DataDir(home).user_db_path.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError):
        DataDir(home).open_user_db().close()
