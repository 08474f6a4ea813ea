"""The rules of reliability.md that are not a single matrix row: private files, WAL with full
sync, no unsafe loaders, a damaged database restored with its roadmap, backups before imports."""

from __future__ import annotations

import ast
import sqlite3
import stat
from pathlib import Path

import pytest

from careerplanner.store.backup import list_backups
from careerplanner.store.data_dir import DataDir, RestorableDatabaseError
from careerplanner.store.recovery import is_good_copy
from careerplanner.store.user import goals
from careerplanner.store.user.schema import USER_DB
from tests.conftest import PROJECT_ROOT
from tests.exports.roadmap_data import open_roadmap_db, populate, roadmap_rows
from tests.reliability.conftest import run_cli
from tests.store.test_recovery import (
    corrupt_garbage_header,
    corrupt_mid_file,
    foreign_sqlite,
    zero_length,
)

PACKAGE = PROJECT_ROOT / "careerplanner"


def modes(root: Path) -> dict[str, int]:
    return {
        str(path.relative_to(root)): stat.S_IMODE(path.stat().st_mode)
        for path in [root, *root.rglob("*")]
    }


@pytest.mark.slow
def test_every_file_of_a_real_session_is_private(tmp_path):
    """Rule 12: the data folder and every folder in it 0700, every file 0600 — databases,
    -wal/-shm, backups, the plain copy — after real commands."""
    home = tmp_path / "home"
    resume = tmp_path / "cv.txt"
    resume.write_text("Skills\nPython, SQL\n", encoding="utf-8")
    for args in (
        ("roadmap", "add", "Rust", "--level", "3"),
        ("resume", "import", str(resume)),
        ("data", "backup"),
        ("roadmap", "export", "--format", "json", "-o", str(tmp_path / "out.json")),
        ("roadmap", "import", str(tmp_path / "out.json")),
    ):
        result = run_cli(home, *args)
        assert result.returncode == 0, result.stderr
    db = DataDir(home).open_user_db()  # while open, the -wal and -shm files exist
    try:
        db.execute("INSERT INTO target_role VALUES ('15-1252.00', 'Software Developers', 'now')")
        found = modes(home)
    finally:
        db.close()
    assert {"user.db-wal", "user.db-shm", "user-data.json", "backups"} <= set(found)
    assert any(name.startswith("backups/user-") for name in found)
    wrong = {
        name: oct(mode)
        for name, mode in found.items()
        if mode != (0o700 if (home / name).is_dir() else 0o600)
    }
    assert wrong == {}


def test_the_user_database_runs_in_wal_with_full_sync(data_dir):
    """Rule 3."""
    db = data_dir.open_user_db()
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        db.close()


UNSAFE_MODULES = {"pickle", "cPickle", "marshal", "shelve", "yaml", "dill", "jsonpickle"}
UNSAFE_CALLS = {"eval", "exec", "compile", "__import__"}


def unsafe_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in UNSAFE_MODULES:
                found.append(node.module)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in UNSAFE_CALLS
        ):
            found.append(f"{node.func.id}() on line {node.lineno}")
    return found


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_pickle_eval_or_yaml_anywhere(path):
    """Rule 11: nothing in the application can turn imported data into code."""
    assert unsafe_uses(path) == []


def test_the_unsafe_use_check_sees_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import pickle\nfrom yaml import load\nx = eval('1')\n", encoding="utf-8")
    assert unsafe_uses(sample) == ["pickle", "yaml", "eval() on line 3"]


@pytest.mark.parametrize(
    "damage", [corrupt_garbage_header, corrupt_mid_file, zero_length, foreign_sqlite]
)
def test_restoring_the_newest_good_backup_brings_the_roadmap_back(tmp_path, damage):
    """Matrix row "corrupt database at start": the roadmap itself comes back, row for row."""
    home = tmp_path / "home"
    db = open_roadmap_db(home)
    populate(db, tmp_path / "proof.txt")
    goals_before, rows = goals.list_goals(db), roadmap_rows(db)
    db.close()
    data_dir = DataDir(home)
    data_dir.backup_user_db(reason="scheduled")
    damage(data_dir.user_db_path)
    with pytest.raises(RestorableDatabaseError, match="can be restored") as offered:
        data_dir.open_user_db()
    data_dir.restore_user_db(offered.value.backup)
    db = data_dir.open_user_db()
    try:
        assert goals.list_goals(db) == goals_before
        assert roadmap_rows(db) == rows
    finally:
        db.close()


@pytest.mark.slow
def test_a_resume_import_is_preceded_by_a_checked_private_backup(tmp_path):
    """Rule 7, before imports: the data as it was before the resume, checked and 0600."""
    home = tmp_path / "home"
    resume = tmp_path / "cv.txt"
    resume.write_text("Skills\nPython, SQL\n", encoding="utf-8")
    assert run_cli(home, "roadmap", "add", "Rust", "--level", "3").returncode == 0
    assert run_cli(home, "resume", "import", str(resume)).returncode == 0
    (backup,) = list_backups(home / "backups", "user")
    assert "before-resume-import" in backup.name
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert is_good_copy(backup, USER_DB)
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:  # the state before the import: the goal, and no resume yet
        assert conn.execute("SELECT skill_name FROM roadmap_goal").fetchall() == [("Rust",)]
        assert conn.execute("SELECT count(*) FROM resume_import").fetchone()[0] == 0
    finally:
        conn.close()
    assert run_cli(home, "resume", "import", str(resume)).returncode == 0  # the same file again
    assert len(list_backups(home / "backups", "user")) == 1  # a no-op takes no backup
