"""The store's connection: plain sqlite3 for reads, sqlite-utils from the first write on.

What a user relies on: every write lands exactly as through sqlite-utils (committed, or rolled
back as a whole), and an everyday start does not pay for loading sqlite-utils.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest


def test_a_write_outside_a_transaction_is_committed_at_once(data_dir):
    db = data_dir.open_user_db()
    db.execute("INSERT INTO profile (id, name, updated_at) VALUES (1, 'Ada', 'now')")
    other = sqlite3.connect(data_dir.user_db_path)
    assert other.execute("SELECT name FROM profile").fetchall() == [("Ada",)]
    other.close()
    db.close()


def test_a_failing_transaction_leaves_nothing_behind(data_dir):
    db = data_dir.open_user_db()
    with pytest.raises(sqlite3.IntegrityError), db.atomic():
        db.execute("INSERT INTO profile (id, name, updated_at) VALUES (1, 'Ada', 'now')")
        db.execute("INSERT INTO profile (id, name, updated_at) VALUES (1, 'Bob', 'now')")
    assert db.execute("SELECT count(*) FROM profile").fetchone()[0] == 0
    db.close()


def test_a_failing_write_does_not_leave_a_transaction_open(data_dir):
    db = data_dir.open_user_db()
    db.execute("INSERT INTO profile (id, name, updated_at) VALUES (1, 'Ada', 'now')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO profile (id, name, updated_at) VALUES (1, 'Bob', 'now')")
    assert not db.conn.in_transaction
    db.close()


def _python(code: str, home) -> subprocess.CompletedProcess:
    env = dict(os.environ, CAREERPLANNER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_an_everyday_start_loads_neither_sqlite_utils_nor_the_skill_matcher(installed_home):
    # A first run creates and migrates both databases; the second is what users see daily.
    code = """
        import sys
        from careerplanner.cli import main
        assert main(["--smoke"]) == 0
        heavy = ["sqlite_utils", "careerplanner.analysis.skill_match", "careerplanner.core.gap"]
        print("loaded:", [name for name in heavy if name in sys.modules])
    """
    _python(code, installed_home)
    result = _python(code, installed_home)
    assert result.returncode == 0, result.stderr
    assert "loaded: []" in result.stdout


def test_sqlite_utils_loading_in_a_worker_does_not_hide_numpy_from_other_threads(data_home):
    code = """
        import sys, threading
        from careerplanner.store.data_dir import DataDir
        data = DataDir.default()
        data.prepare()
        data.open_user_db().close()  # create and migrate, in a first process
    """
    assert _python(code, data_home).returncode == 0
    code = """
        import sys, threading
        from careerplanner.store.data_dir import DataDir
        db = DataDir.default().open_user_db()
        assert "sqlite_utils" not in sys.modules
        errors = []
        def load_in_worker():
            try:
                with db.atomic():
                    db.execute("INSERT INTO profile (id, name, updated_at) VALUES (1, 'A', 'x')")
            except BaseException as error:
                errors.append(error)
        worker = threading.Thread(target=load_in_worker)
        worker.start()
        import numpy  # meanwhile, as a chart does on the GUI thread
        worker.join()
        import sqlite_utils.db
        print("ok", not errors, numpy.__name__, sqlite_utils.db.np is None)
    """
    result = _python(code, data_home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:3] == ["ok", "True", "numpy"]
