"""The plain copy is written once per action, off the thread that changed the data, compactly,
and only when what it holds changed (issue 17); a command writes it before it exits."""

from __future__ import annotations

import json

from careerplanner.exports.backup_json import read_backup_file
from careerplanner.services.backup import write_backup
from careerplanner.services.plain_copy import (
    _write_copy,
    flush_plain_copy,
    note_change,
    plain_copy_path,
    refresh_plain_copy,
)
from careerplanner.services.plain_copy_writer import PlainCopyWriter
from careerplanner.store.user import goals, rows, steps
from careerplanner.store.user.changes import add_listener, remove_listener
from tests.exports.roadmap_data import SQL_KEY, open_roadmap_db
from tests.reliability.conftest import run_cli


def test_a_burst_of_changes_is_one_copy_written_when_flushed(tmp_path):
    home = tmp_path / "home"
    db = open_roadmap_db(home)
    writer = PlainCopyWriter(_write_copy, delay=600)  # nothing is written until the flush
    remove_listener(refresh_plain_copy)
    try:
        goal = goals.add_goal(db, SQL_KEY, "SQL", 3)
        steps.update_step(db, goal.steps[0].id, state="done")
        writer.note(home)
        writer.note(home)
        assert not plain_copy_path(home).exists()  # the changing thread wrote nothing
        assert writer.flush(timeout=30)
    finally:
        add_listener(refresh_plain_copy)  # as the session's fixture has it
    copy = plain_copy_path(home)
    document = read_backup_file(copy)  # the documented backup format, written compactly
    assert document["tables"] == rows.dump_user_tables(db)
    assert b"\n " not in copy.read_bytes()

    # Nothing it holds changed: the copy is left as it is (same file, same time).
    before = copy.stat()
    writer.note(home)
    assert writer.flush(timeout=30)
    after = copy.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)

    steps.update_step(db, goal.steps[1].id, state="learning")
    writer.note(home)
    assert writer.flush(timeout=30)
    assert read_backup_file(copy)["tables"] == rows.dump_user_tables(db)


def test_a_change_inside_a_transaction_waits_for_its_commit(tmp_path):
    home = tmp_path / "home"
    db = open_roadmap_db(home)
    with db.atomic():
        db.execute("INSERT INTO target_role (role_code, title, added_at) VALUES ('x', 'X', 'now')")
        note_change(db)  # ignored: the rows might still roll back
    assert flush_plain_copy(timeout=30)
    assert not plain_copy_path(home).exists()
    note_change(db)  # committed now: written on the copy's own thread
    assert flush_plain_copy(timeout=30)
    assert read_backup_file(plain_copy_path(home))["tables"]["target_role"][0]["title"] == "X"


def test_a_command_writes_the_copy_before_it_exits(tmp_path):
    source = tmp_path / "source"
    db = open_roadmap_db(source)
    goal = goals.add_goal(db, SQL_KEY, "SQL", 3)
    steps.update_step(db, goal.steps[0].id, state="done")
    backup = write_backup(db, tmp_path / "backup.json")

    home = tmp_path / "home"
    result = run_cli(home, "roadmap", "import", str(backup))
    assert result.returncode == 0, result.stderr
    copy = json.loads(plain_copy_path(home).read_text(encoding="utf-8"))
    assert copy["tables"]["roadmap_step"] == rows.dump_user_tables(db)["roadmap_step"]
