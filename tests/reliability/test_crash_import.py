"""kill -9 during a dataset import, at several points: the previous version stays active, no
partial rows, the user's data untouched, and the import works afterwards."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import onet_release

# Seconds after start at which the import is killed: while reading the zip, while inserting, and
# around the commit. Whatever the moment, the state must be one of the two consistent ones.
KILL_AFTER = (0.4, 1.2, 2.0, 3.0, 4.5)


def cli(home, *args):
    env = {**os.environ, "CAREERPLANNER_HOME": str(home)}
    return [sys.executable, "-m", "careerplanner", *args], env


def market_state(home):
    conn = sqlite3.connect(home / "market.db")
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        datasets = conn.execute(
            "SELECT id, version, active FROM dataset WHERE kind='onet'"
        ).fetchall()
        ids = [row[0] for row in datasets]
        orphans = conn.execute(
            "SELECT count(*) FROM onet_tech_skill WHERE dataset_id NOT IN "
            f"({','.join('?' * len(ids)) or 'NULL'})",
            ids,
        ).fetchone()[0]
        per_dataset = dict(
            conn.execute("SELECT dataset_id, count(*) FROM onet_tech_skill GROUP BY dataset_id")
        )
    finally:
        conn.close()
    return verdict, datasets, orphans, per_dataset


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def installed_home(tmp_path_factory):
    """A data folder with the default dataset and some user data, made once."""
    home = tmp_path_factory.mktemp("template")
    argv, env = cli(home, "dataset", "list")
    subprocess.run(argv, env=env, check=True, capture_output=True)
    user = sqlite3.connect(home / "user.db") if (home / "user.db").exists() else None
    if user is None:
        from careerplanner.store.data_dir import DataDir

        DataDir(home).open_user_db().close()
        user = sqlite3.connect(home / "user.db")
    user.execute("INSERT INTO profile (id, name, updated_at) VALUES (1, 'Ada', 'now')")
    user.commit()
    user.close()
    return home


@pytest.mark.slow
@pytest.mark.parametrize("delay", KILL_AFTER)
def test_kill_during_import_leaves_a_consistent_database(installed_home, tmp_path, delay):
    update = onet_release("29.3")
    home = tmp_path / "home"
    shutil.copytree(installed_home, home)
    user_before = digest(home / "user.db")
    _, before, _, counts_before = market_state(home)
    old_active = [row for row in before if row[2] == 1]

    argv, env = cli(home, "dataset", "import", str(update))
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    finished = child.poll() is not None
    if not finished:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()

    verdict, after, orphans, counts_after = market_state(home)
    assert verdict == "ok"
    assert orphans == 0
    assert digest(home / "user.db") == user_before
    if len(after) == len(before):  # killed before the commit: nothing of the new version
        assert [row for row in after if row[2] == 1] == old_active
        assert counts_after == counts_before
    else:  # the commit made it: the new version is whole and active
        old_ids = {row[0] for row in before}
        (new,) = [row for row in after if row[0] not in old_ids]
        assert new[1] == "29.3" and new[2] == 1

    argv, env = cli(home, "dataset", "import", str(update))
    again = subprocess.run(argv, env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    _, final, _, final_counts = market_state(home)
    (active,) = [row for row in final if row[2] == 1]
    assert active[1] == "29.3"
    assert final_counts[active[0]] > 0
