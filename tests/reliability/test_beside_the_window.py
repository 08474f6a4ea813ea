"""Issue 16, class 1: the command line run beside the window loses nothing.

POSIX locks belong to a process: a plain `open()`/`close()` of a live database file anywhere in
the window's process drops the locks its SQLite connections hold, and a command line closing its
own connection next then believes it is alone and deletes the WAL the window is still writing
into. Every later edit of the window is lost at the next crash. Here the real window (offscreen,
in a child process) imports a resume on its worker thread, a real `careerplanner gap` and
`roadmap list` run beside it, the window makes more edits and a scheduled backup, and is killed
with SIGKILL: every edit must be there at the next start.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES
from tests.reliability.conftest import CHILD_ENV, copy_home, run_cli, user_state

RESUME = FIXTURES / "resumes" / "sb2nov_sourabh_bajaj_resume.pdf"

WINDOW = """
import sys, time
from pathlib import Path
from careerplanner.app import build_context, create_application
from careerplanner.services.roadmap_skills import resolve_skill
from careerplanner.store.backup import backup_if_due
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user.goals import add_goal
from careerplanner.ui.shell.main_window import MainWindow

app = create_application()
ctx = build_context(DataDir.default())
window = MainWindow(ctx)
window.show()

def wait_until(done, what):
    deadline = time.monotonic() + 120
    while not done():
        app.processEvents()
        time.sleep(0.02)
        if time.monotonic() > deadline:
            sys.exit(f"timed out waiting for {what}")

def resumes():
    return ctx.user_db.execute("SELECT count(*) FROM resume_import").fetchone()[0]

window.files.import_resume(Path(sys.argv[1]))  # on the window's worker thread, as "Open resume"
wait_until(lambda: resumes() == 1, "the resume import")
print("imported", flush=True)

for line in sys.stdin:  # one skill per line, each added as a goal from the window's connection
    skill = line.strip()
    if skill == "backup":
        backup_if_due(ctx.user_db.conn, ctx.data_dir.backup_dir, "user", "scheduled", 0)
    else:
        key, name = resolve_skill(ctx.user_db, ctx.market_db, skill)
        add_goal(ctx.user_db, key, name, 5)
    print("done", flush=True)
"""


def _deleted_database_files(pid: int) -> list[str]:
    """The files of the child's open descriptors that were deleted under it."""
    found = []
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if "user.db" in target and target.endswith("(deleted)"):
            found.append(target)
    return found


def _goals(home: Path) -> list[str]:
    return [row[2] for row in user_state(home / "user.db")["roadmap_goal"]]


def test_edits_in_the_window_survive_a_command_line_beside_it_and_a_kill(dataset_home, tmp_path):
    home = copy_home(dataset_home, tmp_path / "home")
    env = {
        **os.environ,
        "CAREERPLANNER_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        **CHILD_ENV,
    }
    window = subprocess.Popen(
        [sys.executable, "-c", WINDOW, str(RESUME)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert window.stdout.readline().strip() == "imported"
        for args in (("gap", "Software Developers"), ("roadmap", "list")):
            beside = run_cli(home, *args)
            assert beside.returncode == 0, beside.stderr
        for request in ("COBOL", "backup", "Tableau", "roadmap"):
            if request == "roadmap":  # a command line again, between two edits
                assert run_cli(home, "roadmap", "list").returncode == 0
                request = "Salesforce"
            window.stdin.write(request + "\n")
            window.stdin.flush()
            assert window.stdout.readline().strip() == "done"
        deleted = _deleted_database_files(window.pid)
    finally:
        window.send_signal(signal.SIGKILL)
        window.wait()

    state = user_state(home / "user.db")
    assert len(state["resume_import"]) == 1
    goals = " ".join(_goals(home)).lower()
    for skill in ("rust", "cobol", "tableau", "salesforce"):
        assert skill in goals, f"{skill} lost: {goals}"
    again = run_cli(home, "roadmap", "list")
    assert again.returncode == 0 and "Salesforce" in again.stdout, again.stderr
    assert deleted == []  # the window never wrote into a WAL deleted under it
