"""The JSON backup restores everything exactly, and a bad backup changes nothing."""

from __future__ import annotations

import json

import pytest

from careerplanner.errors import UserError
from careerplanner.exports import backup_json
from careerplanner.services import backup
from careerplanner.store.user import evidence, goals, levels, progress, rows
from tests.exports.roadmap_data import HOSTILE, open_roadmap_db, populate

STAMP = "2026-11-21T12:00:00Z"


@pytest.fixture
def full_db(tmp_path):
    db = open_roadmap_db(tmp_path / "source")
    db.execute(
        "INSERT INTO resume_import (sha256, file_name, format, imported_at, parsed_json) "
        "VALUES (?, ?, ?, ?, ?)",
        ["ab" * 32, "cv.pdf", "pdf", STAMP, json.dumps({"sections": [HOSTILE]})],
    )
    populate(db, tmp_path / "proof.txt")
    db.execute(
        "UPDATE user_skill SET override_level = 4, override_reason = ? WHERE name = 'Python'",
        [HOSTILE],
    )
    db.execute(
        "INSERT INTO skill_history (skill_key, at, level, source, note) VALUES (?, ?, ?, ?, ?)",
        ["technology:python", STAMP, 4, "override", "raised by hand"],
    )
    db.execute("INSERT INTO target_role VALUES ('15-1252.00', 'Software Developers', ?)", [STAMP])
    yield db
    db.close()


def test_export_restore_export_is_identical(full_db, tmp_path):
    first = tmp_path / "backup.json"
    backup.write_backup(full_db, first, exported_at=STAMP)
    fresh = open_roadmap_db(tmp_path / "fresh")
    counts = backup.restore_backup(fresh, first, backup_dir=tmp_path / "fresh" / "backups")
    assert counts["roadmap_goal"] == 3 and counts["evidence"] == 3 and counts["user_skill"] == 4
    second = tmp_path / "again.json"
    backup.write_backup(fresh, second, exported_at=STAMP)
    assert second.read_bytes() == first.read_bytes()
    # The restored data is really there, not just its JSON.
    assert goals.list_goals(fresh) == goals.list_goals(full_db)
    assert evidence.list_evidence(fresh) == evidence.list_evidence(full_db)
    assert progress.progress_history(fresh) == progress.progress_history(full_db)
    assert levels.all_effective_levels(fresh) == levels.all_effective_levels(full_db)


def test_the_backup_holds_every_user_table_and_is_private(full_db, tmp_path):
    path = backup.write_backup(full_db, tmp_path / "backup.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == backup_json.BACKUP_FORMAT
    for table in (
        "profile",
        "user_skill",
        "skill_history",
        "resume_import",
        "target_role",
        "roadmap_goal",
        "roadmap_step",
        "roadmap_note",
        "evidence",
        "progress_history",
    ):
        assert document["tables"][table], table
    assert "_sqlite_migrations" not in document["tables"]
    assert path.stat().st_mode & 0o077 == 0


def test_restore_replaces_what_was_there_and_keeps_a_backup_first(full_db, tmp_path):
    path = backup.write_backup(full_db, tmp_path / "backup.json")
    target = open_roadmap_db(tmp_path / "target")
    goals.add_goal(target, "technology:rust", "Rust", 2)
    backups = tmp_path / "target" / "backups"
    backup.restore_backup(target, path, backup_dir=backups)
    assert "Rust" not in {goal.skill_name for goal in goals.list_goals(target)}
    assert len(list(backups.glob("user-*-before-restore.db"))) == 1


def _document(full_db) -> dict:
    return json.loads(backup_json.backup_bytes(backup.build_backup(full_db, STAMP)))


def _bad_cases(full_db):
    good = _document(full_db)

    def changed(edit):
        document = json.loads(json.dumps(good))
        edit(document)
        return json.dumps(document).encode()

    def drop(key):
        return lambda d: d.pop(key)

    def set_(path, value):
        def edit(d):
            *parents, last = path
            for part in parents:
                d = d[part]
            d[last] = value

        return edit

    def drop_field(table, field):
        return lambda d: d["tables"][table][0].pop(field)

    return {
        "invalid JSON": (b'{"format": "careerplanner-backup",', "is not valid JSON (line 1"),
        "not an object": (b"[1, 2]", "is not a Career Planner backup"),
        "another format": (changed(set_(["format"], "anki")), "is not a Career Planner backup"),
        "newer format": (changed(set_(["format_version"], 99)), "newer version of Career Planner"),
        "newer schema": (changed(set_(["schema_version"], 999)), "newer version of Career Planner"),
        "missing tables": (changed(drop("tables")), "is missing the field tables"),
        "missing a table": (
            changed(lambda d: d["tables"].pop("evidence")),
            "missing the table evidence",
        ),
        "missing a field": (
            changed(drop_field("roadmap_goal", "skill_key")),
            "missing the field skill_key",
        ),
        "unknown field": (
            changed(set_(["tables", "roadmap_step", 0, "colour"], "red")),
            "doesn't know (colour)",
        ),
        "unknown table": (changed(set_(["tables", "bogus"], [])), "doesn't know (bogus)"),
        "level out of range": (
            changed(set_(["tables", "roadmap_goal", 0, "target_level"], 9)),
            "row 1 of roadmap_goal, field target_level: 9 is not a level from 0 to 5",
        ),
        "orphan step": (
            changed(set_(["tables", "roadmap_step", 0, "goal_id"], 999)),
            "point at missing rows",
        ),
        "row not an object": (
            changed(set_(["tables", "roadmap_note", 0], "text")),
            "row 1 of roadmap_note is not an object",
        ),
        "nested value": (
            changed(set_(["tables", "roadmap_note", 0, "text"], {"a": 1})),
            "field text: {'a': 1} is not text",
        ),
        "duplicate key": (b'{"format": "careerplanner-backup", "format": "x"}', "appears twice"),
        "NaN": (
            b'{"format": "careerplanner-backup", "format_version": NaN}',
            "not a number JSON allows",
        ),
        "deep nesting": (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
        "not UTF-8": (b"\xff\xfe\x00garbage", "not UTF-8"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "invalid JSON",
        "not an object",
        "another format",
        "newer format",
        "newer schema",
        "missing tables",
        "missing a table",
        "missing a field",
        "unknown field",
        "unknown table",
        "level out of range",
        "orphan step",
        "row not an object",
        "nested value",
        "duplicate key",
        "NaN",
        "deep nesting",
        "not UTF-8",
    ],
)
def test_a_bad_backup_is_refused_with_one_sentence_and_nothing_changes(full_db, tmp_path, case):
    data, message = _bad_cases(full_db)[case]
    path = tmp_path / "bad.json"
    path.write_bytes(data)
    before = rows.dump_user_tables(full_db)
    with pytest.raises(UserError) as caught:
        backup.restore_backup(full_db, path, backup_dir=tmp_path / "backups")
    sentence = str(caught.value)
    assert message in sentence
    assert str(path) in sentence and "\n" not in sentence
    assert rows.dump_user_tables(full_db) == before


def test_a_missing_backup_file_is_named(full_db, tmp_path):
    with pytest.raises(UserError, match=r"Can.t find .*nothing\.json"):
        backup.restore_backup(full_db, tmp_path / "nothing.json")


def test_a_backup_from_an_older_schema_may_lack_tables_added_since(full_db, tmp_path):
    document = _document(full_db)
    document["schema_version"] -= 1  # as if written before the roadmap tables existed
    for table in ("roadmap_goal", "roadmap_step", "roadmap_note", "evidence", "progress_history"):
        del document["tables"][table]
    path = tmp_path / "older.json"
    path.write_bytes(backup_json.backup_bytes(document))
    target = open_roadmap_db(tmp_path / "target")
    counts = backup.restore_backup(target, path)
    assert counts["roadmap_goal"] == 0 and counts["user_skill"] == 4
    assert goals.list_goals(target) == []
