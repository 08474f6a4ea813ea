"""Issue 16, class 7: every field of a JSON backup is checked for its type and range before a
restore writes anything, and `data check` runs the same checks over the stored rows."""

from __future__ import annotations

import json
import sqlite3

import pytest

from careerplanner.exports.backup_fields import field_problem
from tests.reliability.conftest import copy_home, run_cli, user_state


@pytest.fixture
def home(dataset_home, tmp_path):
    return copy_home(dataset_home, tmp_path / "home")


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("target_date", "not a date", "'not a date' is not a date (YYYY-MM-DD)"),
        ("target_level", 3.7, "3.7 is not a whole number"),
        ("target_level", 9, "9 is not a level from 0 to 5"),
        ("start_level", "2", "'2' is not a whole number"),
        ("id", 2**64, f"{2**64} is too large a number to store"),
        ("created_at", "0000-01-01T00:00:00Z", "'0000-01-01T00:00:00Z' is not a time"),
        ("skill_name", 42, "42 is not text"),
    ],
)
def test_a_backup_field_of_the_wrong_type_is_refused_and_nothing_changes(
    home, tmp_path, field, value, problem
):
    backup = tmp_path / "backup.json"
    assert run_cli(home, "roadmap", "export", "--format", "json", "-o", str(backup)).returncode == 0
    document = json.loads(backup.read_text())
    document["tables"]["roadmap_goal"][0][field] = value
    backup.write_text(json.dumps(document))
    before = user_state(home / "user.db")
    result = run_cli(home, "roadmap", "import", str(backup))
    assert result.returncode == 1
    assert result.stderr.strip().startswith(
        f"{backup}: row 1 of roadmap_goal, field {field}: {problem}"
    )
    assert result.stderr.strip().endswith("; nothing was changed.")
    assert user_state(home / "user.db") == before
    assert run_cli(home, "roadmap", "list").returncode == 0


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [("target_level", 3.7, "3.7 is not a whole number"), ("target_date", "soon", "'soon' is not")],
)
def test_data_check_finds_a_stored_value_of_the_wrong_type(home, column, value, problem):
    conn = sqlite3.connect(home / "user.db")
    with conn:
        conn.execute(f"UPDATE roadmap_goal SET {column} = ?", [value])
    conn.close()
    result = run_cli(home, "data", "check")
    assert result.returncode == 1
    said = result.stderr.strip()
    assert said.startswith(
        f"Your data in {home / 'user.db'} has a bad value: row 1 of roadmap_goal, field "
        f"{column}: {problem}"
    )
    assert "careerplanner data restore --from FILE" in said


def test_good_values_pass():
    assert field_problem("target_level", "INTEGER", 5) is None
    assert field_problem("target_date", "TEXT", "2026-03-01") is None
    assert field_problem("created_at", "TEXT", "2026-03-01T09:00:00Z") is None
    assert field_problem("value", "REAL", 2.5) is None
    assert field_problem("parsed_json", "TEXT", '{"a": 1}') is None
    assert field_problem("target_date", "TEXT", None) is None
