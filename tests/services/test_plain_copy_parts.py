"""The plain copy keeps the part of the previous copy a table had when the table did not change
(issue 17): the database's triggers say which tables changed, and a table that only grew gets
its new rows. The copy is always the very bytes a whole rewrite gives."""

from __future__ import annotations

import json

from careerplanner.services.plain_copy import (
    PARTS_NAME,
    _write_copy,
    plain_copy_path,
    write_plain_copy,
)
from careerplanner.store.user import evidence, goals, progress, rows, steps
from careerplanner.store.user.schema import USER_DB
from tests.exports.roadmap_data import SQL_KEY, open_roadmap_db


def copy_tables(home) -> bytes:
    data = plain_copy_path(home).read_bytes()
    return data[data.index(b',"tables":') + len(b',"tables":') : -2]


def assert_copy_is_whole(db, home) -> None:
    write_plain_copy(db, home)
    assert copy_tables(home) == rows.user_tables_json(db)
    assert json.loads(copy_tables(home)) == rows.dump_user_tables(db)


def written_tables(db, home, change=lambda: None) -> set[str]:
    """The tables whose rows the copy written after `change` reads from the database (the
    others are kept). The session's listener may write it as the change commits."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        change()
        write_plain_copy(db, home)
    finally:
        db.conn.set_trace_callback(None)
    return {
        table
        for table in rows.user_table_names(db)
        if any("json_object" in s and f'FROM "{table}"' in s for s in statements)
    }


def test_every_kind_of_change_gives_the_whole_copy(tmp_path):
    home = tmp_path / "home"
    db = open_roadmap_db(home)
    try:
        goal = goals.add_goal(db, SQL_KEY, "SQL", 3)
        item = evidence.add_evidence(db, SQL_KEY, "SQL", 2, text="Reports for finance")
        assert_copy_is_whole(db, home)
        steps.update_step(db, goal.steps[0].id, state="done")  # rows changed
        assert_copy_is_whole(db, home)
        progress.record_fit_scores(db, {"15-1252.00": ("Developers", 0.25)}, "test")  # grew
        assert_copy_is_whole(db, home)
        evidence.delete_evidence(db, item.id)  # a row went
        assert_copy_is_whole(db, home)
        evidence.restore_evidence(db, item)  # a row came back among the others
        assert_copy_is_whole(db, home)
        goals.delete_goal(db, goal.id)  # rows went with it (steps, notes)
        assert_copy_is_whole(db, home)
        rows.replace_user_tables(db, json.loads(rows.user_tables_json(db)), "a backup")
        assert_copy_is_whole(db, home)
    finally:
        db.close()


def test_a_step_change_reads_the_steps_again_not_the_ledger(tmp_path):
    home = tmp_path / "home"
    db = open_roadmap_db(home)
    try:
        goal = goals.add_goal(db, SQL_KEY, "SQL", 3)
        evidence.add_evidence(db, SQL_KEY, "SQL", 2, text="Reports for finance")
        write_plain_copy(db, home)
        assert written_tables(db, home) == set()  # nothing changed
        changed = written_tables(
            db, home, lambda: steps.update_step(db, goal.steps[0].id, state="learning")
        )
        assert "roadmap_step" in changed and "evidence" not in changed
        assert copy_tables(home) == rows.user_tables_json(db)
    finally:
        db.close()


def test_a_copy_of_data_in_the_same_state_is_not_written_again(tmp_path):
    """The writer passes the state its last copy held: unchanged data leaves the file alone,
    any change (even setting a value it already had) writes it."""
    home = tmp_path / "home"
    db = open_roadmap_db(home)
    try:
        goal = goals.add_goal(db, SQL_KEY, "SQL", 3)
        state = _write_copy(db, home)
        first = plain_copy_path(home).stat()
        assert _write_copy(db, home, previous=state) == state
        assert plain_copy_path(home).stat().st_ino == first.st_ino  # the same file, untouched
        steps.update_step(db, goal.steps[0].id, state="pending")  # the state it had
        assert _write_copy(db, home, previous=state) != state
        assert plain_copy_path(home).stat().st_ino != first.st_ino
        assert copy_tables(home) == rows.user_tables_json(db)
    finally:
        db.close()


def test_a_copy_another_process_put_in_place_is_not_trusted(tmp_path):
    """Two processes (the window and a command) write the same folder's copy: a copy written
    by the other since the record was kept is another file, and its rows are read again."""
    home = tmp_path / "home"
    db = open_roadmap_db(home)
    try:
        goal = goals.add_goal(db, SQL_KEY, "SQL", 3)
        write_plain_copy(db, home)
        copy = plain_copy_path(home)
        same_size = copy.read_bytes().replace(b'"SQL"', b'"SQX"')
        other = copy.with_name("other.json")
        other.write_bytes(same_size)
        other.replace(copy)  # as another process's atomic write would put it
        assert "roadmap_goal" in written_tables(db, home)
        assert copy_tables(home) == rows.user_tables_json(db)
        steps.update_step(db, goal.steps[0].id, state="done")
        assert_copy_is_whole(db, home)
    finally:
        db.close()


def test_a_copy_or_record_that_cannot_be_trusted_is_written_whole(tmp_path):
    home = tmp_path / "home"
    db = open_roadmap_db(home)
    try:
        goals.add_goal(db, SQL_KEY, "SQL", 3)
        write_plain_copy(db, home)
        copy = plain_copy_path(home)
        copy.write_bytes(copy.read_bytes().replace(b'"SQL"', b'"SQX"'))  # edited by hand
        assert "roadmap_goal" in written_tables(db, home)
        assert copy_tables(home) == rows.user_tables_json(db)
        record = home / "cache" / PARTS_NAME
        record.write_bytes(record.read_bytes().replace(b'"start":', b'"start":1'))  # damaged
        assert written_tables(db, home) == set(rows.user_table_names(db))
        assert copy_tables(home) == rows.user_tables_json(db)
    finally:
        db.close()


def test_every_user_table_tells_the_copy_when_it_changes(tmp_path):
    """A table a later migration adds needs its row and triggers in `copy_change` too (without
    them it is written whole every time: correct, only slower)."""
    db = open_roadmap_db(tmp_path / "home")
    try:
        assert set(rows.change_tokens(db)) == set(rows.user_table_names(db))
        triggers = {
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        for table in rows.user_table_names(db):
            for event in ("insert", "update", "delete"):
                assert f"copy_change_{table}_{event}" in triggers
        assert USER_DB.schema_version >= 4
    finally:
        db.close()
