"""A crash during a resume import or a roadmap edit: the user's data is either as before or as
after, never half; the database passes its integrity check and the same action works again.

Two ways to crash: a child process that dies at the Nth SQL statement of the real store function
(every point of the change, deterministic), and `kill -9` of the real `careerplanner` command at
several moments of its run (what a user's crash looks like).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from tests.conftest import PROJECT_ROOT, RESUMES
from tests.reliability.conftest import CHILD_ENV, cli_command, copy_home, run_cli, user_state

# The child runs one real store change on the user database of `home` and dies (os._exit, no
# clean-up at all) when SQLite is about to run its `kill_at`-th statement. With kill_at = 0 it
# completes and prints how many statements the change took.
CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from careerplanner.store.data_dir import DataDir
    home, action, kill_at = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    db = DataDir(home).open_user_db()
    if action == "resume":
        from careerplanner.analysis.vocabulary import active_vocabulary
        from careerplanner.importers.resume.parse import parse_resume
        from careerplanner.store.user.profile import store_resume_import
        parsed = parse_resume(Path(sys.argv[4]), active_vocabulary().finder())
        def change():
            store_resume_import(db, sha256=parsed.sha256, file_name=parsed.file_name,
                                file_format=parsed.format, parsed=parsed.to_json(),
                                skills=parsed.skills)
    else:
        from careerplanner.store.user import goals
        def change():
            if action == "roadmap-add":
                goals.add_goal(db, "technology:go", "Go", 4)
            else:  # roadmap-remove: the first goal with its steps and notes (if still there)
                for goal in goals.list_goals(db)[:1]:
                    goals.delete_goal(db, goal.id)
    statements = 0
    def trace(sql):
        global statements
        statements += 1
        if statements == kill_at:
            os._exit(9)
    db.conn.set_trace_callback(trace)
    change()
    db.conn.set_trace_callback(None)
    db.close()
    print(statements)
    """
).format(root=str(PROJECT_ROOT))


def run_child(home, action, kill_at, *extra):
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(home), action, str(kill_at), *extra],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **CHILD_ENV},
    )


def kill_points(total: int, count: int = 5) -> list[int]:
    """Statement numbers spread over the whole change, always with the first and the last."""
    if total <= count:
        return list(range(1, total + 1))
    step = (total - 1) / (count - 1)
    return sorted({1 + round(index * step) for index in range(count)})


@pytest.fixture(scope="module")
def user_home(tmp_path_factory):
    """User data with an imported resume and a roadmap goal with a note (no market data: the
    resume is read with the curated vocabulary, which is all a crash test needs)."""
    home = tmp_path_factory.mktemp("user") / "home"
    text_resume = tmp_path_factory.getbasetemp() / "older-cv.txt"
    text_resume.write_text(
        "Ada Lovelace\nSkills\nPython, SQL, Docker\nExperience\n"
        "Data engineer, Acme, 2019 - 2024\nBuilt pipelines in Python and SQL.\n",
        encoding="utf-8",
    )
    for args in (
        ("resume", "import", str(text_resume)),
        ("roadmap", "add", "SQL", "--level", "4"),
        ("roadmap", "note", "1", "Window functions next"),
    ):
        result = run_cli(home, *args)
        assert result.returncode == 0, result.stderr
    return home


@pytest.mark.slow
@pytest.mark.parametrize(
    "action",
    ["resume", "roadmap-add", "roadmap-remove"],
)
def test_a_crash_at_any_statement_leaves_before_or_after(user_home, tmp_path, action):
    extra = (str(RESUMES / "jsonresume_sample.resume.json"),)
    extra = extra if action == "resume" else ()
    before = user_state(user_home / "user.db")

    reference = copy_home(user_home, tmp_path / "reference")
    done = run_child(reference, action, 0, *extra)
    assert done.returncode == 0, done.stderr
    total = int(done.stdout.split()[-1])
    after = user_state(reference / "user.db")
    assert after != before  # the change really changes something

    for point in kill_points(total):
        home = copy_home(user_home, tmp_path / f"killed-{point}")
        crashed = run_child(home, action, point, *extra)
        assert crashed.returncode == 9, crashed.stderr
        state = user_state(home / "user.db")  # integrity_check "ok" is asserted inside
        assert state in (before, after), f"half a change after a crash at statement {point}"
        again = run_child(home, action, 0, *extra)
        assert again.returncode == 0, again.stderr
        # Adding a goal again after it made it adds a second goal; everything else converges.
        if state == before or action != "roadmap-add":
            assert user_state(home / "user.db") == after


@pytest.mark.slow
def test_the_plain_copy_is_whole_after_a_crash_while_it_is_written(user_home, tmp_path):
    """The plain JSON copy is replaced atomically: a crash at any statement of a roadmap edit,
    including the reads that build the copy after the commit, leaves a parseable copy."""
    reference = copy_home(user_home, tmp_path / "reference")
    total = int(run_child(reference, "roadmap-add", 0).stdout.split()[-1])
    previous = json.loads((user_home / "user-data.json").read_text(encoding="utf-8"))
    for point in kill_points(total, count=5):
        home = copy_home(user_home, tmp_path / f"killed-{point}")
        assert run_child(home, "roadmap-add", point).returncode == 9
        copy = json.loads((home / "user-data.json").read_text(encoding="utf-8"))
        goals = copy["tables"]["roadmap_goal"]
        assert goals == previous["tables"]["roadmap_goal"] or len(goals) == 2
        assert not [p for p in home.iterdir() if p.name.endswith(".partial")]


def kill_cli_at(home, args, delay: float) -> None:
    argv, env = cli_command(home, *args)
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "converges"),
    [
        (("resume", "import", "RESUME"), True),
        (("roadmap", "add", "Go", "--level", "4"), False),
        (("roadmap", "remove", "1"), False),
    ],
    ids=["resume-import", "roadmap-add", "roadmap-remove"],
)
def test_kill_9_of_the_command_at_several_moments(user_home, tmp_path, args, converges):
    resume = RESUMES / "sb2nov_sourabh_bajaj_resume.pdf"
    args = tuple(str(resume) if arg == "RESUME" else arg for arg in args)
    before = user_state(user_home / "user.db")
    reference = copy_home(user_home, tmp_path / "reference")
    started = time.monotonic()
    result = run_cli(reference, *args)
    duration = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    after = user_state(reference / "user.db")

    for fraction in (0.4, 0.8, 0.95):
        home = copy_home(user_home, tmp_path / f"killed-{fraction}")
        kill_cli_at(home, args, duration * fraction)
        state = user_state(home / "user.db")
        assert state in (before, after), f"half a change after a kill at {fraction:.0%}"
        again = run_cli(home, *args)
        if state == before or converges:
            assert again.returncode == 0, again.stderr
            assert user_state(home / "user.db") == after
        else:  # the goal was already removed, or a second Go goal was added: still healthy
            assert again.returncode in (0, 1), again.stderr
            user_state(home / "user.db")
