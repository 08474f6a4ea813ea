"""Years of use: the same actions on a small home and on a large one, side by side (issue 17).

    .venv/bin/python benchmarks/user_scale.py [--runs N] [--goals N]

Both homes start the same way: a fresh data folder with the bundled default dataset (a first
`careerplanner --smoke`), a profile read from a real resume, and 10 target roles. The large
home then gets, through the app's own JSON backup import (`careerplanner roadmap import`),
1,000 goals (7,000 steps), 10,000 evidence items and 27,000 progress points (five years,
daily), on the skills the target roles ask for; the small one 10 goals, 100 evidence items and
270 progress points, the same way. Every figure is measured on both homes, one
after the other, so a busy moment on the machine hits both alike:

- a step change on the command line (`roadmap step ID --state ...`), wall time of the process
  (and its CPU time: the machine may be shared);
- in the window (offscreen), once the start-up's background work is over, a click on a step's
  state button until the tables are updated, and its undo, median (the plain copy of the
  previous click written first, not timed), with the UI thread's CPU time;
- the PDF report, its pages, and the ICS and CSV exports (`roadmap export`);
- a profile change: an override written, then the level that counts and every target's gap
  read again, as the Start and Gap screens do;
- a gap recompute: after a profile change (the write not timed), the level that counts and
  one target's gap;
- start-up with the 10 targets to the first paint (`careerplanner --smoke`, stopped at the
  first idle turn of its event loop, as the bare window quits) against a bare window, wall and
  CPU time from the start of the process.

Targets (issue 17, at scale): step change within 1.5x the small home; PDF under 15 s and 40
pages; ICS and CSV under 2 s; profile change under 150 ms; gap recompute under 50 ms; start-up
within 1.5x a bare window.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from startup import BARE_WINDOW, careerplanner_command
from timing import PROJECT_ROOT, SHARED, run_command

sys.path.insert(0, str(PROJECT_ROOT))

RESUME = SHARED / "resumes" / "files" / "jsonresume_sample.resume.json"
ROLE_QUERIES = (
    "15-1252.00",
    "15-1211.00",
    "15-2051.00",
    "15-1244.00",
    "15-1241.00",
    "15-1212.00",
    "15-1254.00",
    "11-3021.00",
    "15-1299.08",
    "13-1111.00",
)
STAMP = "2026-01-05T10:00:00Z"
STATES = ("pending", "learning", "done", "skipped")


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "CAREERPLANNER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def cli(home: Path, *args: str) -> str:
    result = subprocess.run(
        [*careerplanner_command(), *args], env=env_for(home), capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"careerplanner {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def prepare_small_home(home: Path) -> list[tuple[str, str]]:
    """Default dataset, a resume, 10 targets; returns the requirement (key, name) pairs."""
    run_command([*careerplanner_command(), "--smoke"], env_for(home))
    from careerplanner.core.progress import NEVER_CANCELLED, no_progress
    from careerplanner.services.market_pages import role_requirements
    from careerplanner.store.data_dir import DataDir
    from careerplanner.store.market.roles import find_roles
    from careerplanner.store.user.targets import add_target_role
    from careerplanner.ui.common.context import WorkerDatabases
    from careerplanner.ui.shell.import_tasks import import_resume

    dbs = WorkerDatabases(DataDir(home))
    skills: dict[str, str] = {}
    try:
        if RESUME.is_file():
            import_resume(dbs, RESUME, no_progress, NEVER_CANCELLED)
        for query in ROLE_QUERIES:
            matches = find_roles(dbs.market, query, limit=1)
            if not matches:
                continue
            add_target_role(dbs.user, matches[0].code, matches[0].title, STAMP)
            needs = role_requirements(dbs.market, matches[0].code, all_technologies=True)
            for requirement in needs.requirements if needs else ():
                skills.setdefault(requirement.skill_key, requirement.skill_name)
    finally:
        dbs.close()
    return sorted(skills.items())


def grow(home: Path, skills: list[tuple[str, str]], goals: int, work: Path) -> None:
    """Add the years of use to `home` through its own JSON backup export and import."""
    backup = work / f"{home.name}-before.json"
    cli(home, "roadmap", "export", "--format", "json", "-o", str(backup))
    document = json.loads(backup.read_text(encoding="utf-8"))
    tables = document["tables"]
    rng = random.Random(17)
    goal_rows, step_rows, evidence_rows, history_rows = [], [], [], []
    for goal_id in range(1, goals + 1):
        key, name = skills[(goal_id - 1) % len(skills)]
        goal_rows.append(
            {
                "id": goal_id,
                "skill_key": key,
                "skill_name": name,
                "start_level": 0,
                "target_level": 4,
                "target_date": "2027-06-30",
                "started_on": "2024-01-10",
                "review_count": 0,
                "last_review": None,
                "created_at": STAMP,
                "updated_at": STAMP,
            }
        )
        for position in range(7):
            step_rows.append(
                {
                    "id": len(step_rows) + 1,
                    "goal_id": goal_id,
                    "position": position,
                    "title": f"Step {position + 1} of {name}",
                    "to_level": min(4, 1 + position // 2),
                    "state": rng.choice(STATES),
                    "due_date": None,
                    "note": "",
                    "suggested": 0,
                    "created_at": STAMP,
                    "updated_at": STAMP,
                }
            )
    for index in range(10 * goals):
        key, name = skills[index % min(len(skills), goals)]
        evidence_rows.append(
            {
                "id": index + 1,
                "skill_key": key,
                "skill_name": name,
                "level": rng.randint(1, 4),
                "kind": "note",
                "title": f"Practice {index}",
                "url": "",
                "path": "",
                "sha256": "",
                "text": f"Worked through exercise {index} of {name}.",
                "created_at": STAMP,
            }
        )
    day0 = time.mktime((2021, 1, 1, 12, 0, 0, 0, 0, 0))
    subjects = skills[:15]
    for day in range(1826):
        at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(day0 + day * 86400))
        for key, name in subjects:
            history_rows.append(
                {
                    "id": len(history_rows) + 1,
                    "at": at,
                    "kind": "skill",
                    "subject_key": key,
                    "subject_name": name,
                    "value": float(min(5, day // 400)),
                    "source": "roadmap",
                }
            )
    history_rows = history_rows[: 27 * goals]  # 27,000 for 1,000 goals: five years, daily
    tables["roadmap_goal"] = goal_rows
    tables["roadmap_step"] = step_rows
    tables["evidence"] = evidence_rows
    tables["progress_history"] = tables.get("progress_history", []) + [
        {**row, "id": row["id"] + 1_000_000} for row in history_rows
    ]
    big = work / f"{home.name}-after.json"
    big.write_text(json.dumps(document), encoding="utf-8")
    cli(home, "roadmap", "import", str(big))


def first_step_id(home: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(home / "user.db")
    try:
        return conn.execute("SELECT min(id) FROM roadmap_step").fetchone()[0]
    finally:
        conn.close()


def time_cli(home: Path, *args: str) -> float:
    return timed_cli(home, *args)[0]


def timed_cli(home: Path, *args: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    cli(home, *args)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def step_change(home: Path, runs: int) -> dict[str, float]:
    step = str(first_step_id(home))
    # Not timed: the first command after an upgrade migrates the database, and the first copy
    # written is written whole.
    cli(home, "roadmap", "step", step, "--state", STATES[1])
    samples = [
        timed_cli(home, "roadmap", "step", step, "--state", STATES[i % 2]) for i in range(runs)
    ]
    return {
        "step change (CLI)": statistics.median(wall for wall, _cpu in samples),
        "step change (CLI) CPU": statistics.median(cpu for _wall, cpu in samples),
    }


def pdf_pages(path: Path) -> int:
    """Page objects in the file (matplotlib writes each page's dictionary uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", path.read_bytes()))


def exports(home: Path, work: Path) -> dict[str, float]:
    figures = {}
    for fmt in ("pdf", "ics", "csv"):
        out = work / f"{home.name}.{fmt}"
        figures[fmt] = time_cli(home, "roadmap", "export", "--format", fmt, "-o", str(out))
    figures["pdf pages"] = pdf_pages(work / f"{home.name}.pdf")
    return figures


def in_process(home: Path, runs: int) -> dict[str, float]:
    """Profile change and gap recompute, through the services the screens call."""
    from careerplanner.services.gap import target_gaps
    from careerplanner.services.levels import user_levels
    from careerplanner.store.data_dir import DataDir
    from careerplanner.store.user import profile
    from careerplanner.store.user.targets import target_roles

    data_dir = DataDir(home)
    user, market = data_dir.open_user_db(), data_dir.open_market_db()
    try:
        targets = target_roles(user)
        key, name = next(iter(profile.profile_skills(user).items()))[0], "benchmark"
        levels = [2, 3]
        changes = [0]

        def change():
            changes[0] += 1
            profile.set_own_level(user, key, name, levels[changes[0] % 2], "benchmark", STAMP)
            user_levels(user)
            target_gaps(user, market, targets)

        def recompute():
            user_levels(user)
            target_gaps(user, market, targets[:1])

        change()
        change_s = _median(change, runs)
        recompute_samples = []
        for i in range(runs):  # after a change (not timed): the levels and one target's gap
            profile.set_own_level(user, key, name, levels[i % 2], "benchmark", STAMP)
            start = time.perf_counter()
            recompute()
            recompute_samples.append(time.perf_counter() - start)
        recompute_s = statistics.median(recompute_samples)
    finally:
        user.close()
        market.close()
    return {"profile change": change_s, "gap recompute": recompute_s}


def _median(action, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


WINDOW_CLICKS = """
import json, statistics, sys, time
from careerplanner.app import build_context, create_application
from careerplanner.cli import _refresh_plain_copy
from careerplanner.core.roadmap import StepState
try:
    from careerplanner.services.plain_copy import flush_plain_copy
except ImportError:  # a version that writes the copy at once, on the thread of the click
    def flush_plain_copy():
        return True
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user.changes import add_listener
from careerplanner.ui.shell.main_window import MainWindow

add_listener(_refresh_plain_copy)  # as careerplanner.cli.main does for the window
app = create_application()
ctx = build_context(DataDir.default())
window = MainWindow(ctx)
window.show()
window.show_screen("roadmap")
view = window.screen_widget("roadmap")
app.processEvents()
view.detail.select_step(view.selected_goal().steps[0].id)
# The start-up's background work (every role ranked by fit, the evidence files checked) ends
# first: the clicks are timed on a settled window.
deadline = time.monotonic() + 120
while ctx.runner.running_count() and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
CPU = {}

def timed(action, kind=None):
    flush_plain_copy()  # the previous click's copy is written (not timed)
    app.processEvents()
    start, cpu = time.perf_counter(), time.thread_time()
    action()
    app.processEvents()  # the tables updated and painted
    if kind:
        CPU.setdefault(kind, []).append(time.thread_time() - cpu)
    return time.perf_counter() - start

clicks, undos = [], []
for i in range(int(sys.argv[1])):
    state = (StepState.DONE, StepState.LEARNING)[i % 2]
    clicks.append(timed(lambda: view.detail.state_buttons[state].click(), "click"))
    undos.append(timed(view.undo_stack.undo, "undo"))
    timed(view.undo_stack.redo)
flush_plain_copy()
ctx.close()
print(json.dumps([statistics.median(clicks), statistics.median(undos),
                  statistics.median(CPU["click"]), statistics.median(CPU["undo"])]))
"""


def window_clicks(home: Path, runs: int) -> dict[str, float]:
    """Median click to table updated, and undo, on the Roadmap screen (the first goal's step)."""
    result = subprocess.run(
        [sys.executable, "-c", WINDOW_CLICKS, str(max(runs, 5))],
        env=env_for(home),
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"the window benchmark failed:\n{result.stderr}")
    click, undo, click_cpu, undo_cpu = json.loads(result.stdout.strip().splitlines()[-1])
    return {
        "step click (window)": click,
        "undo (window)": undo,
        "step click UI-thread CPU": click_cpu,
        "undo UI-thread CPU": undo_cpu,
    }


# `careerplanner --smoke` stopped at the first idle turn of its event loop after the window is
# shown (where the bare window quits): the first paint. Background work (the fits, the ranking)
# goes on after it and is not waited for. Prints the time of day and the process's CPU time.
# The command starts as the installed `careerplanner` does (the command line's `main` first,
# which starts the user data's check before the window's modules load); the smoke run's step
# is replaced as its module loads.
FIRST_PAINT = """
import importlib.util, resource, sys, time

def first_paint(self):
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print("first-paint", time.time(), usage.ru_utime + usage.ru_stime, flush=True)
    self._app.exit(0)

class StopAtFirstPaint:
    def find_spec(self, name, path=None, target=None):
        if name != "careerplanner.ui.shell.smoke":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module
        def exec_module(module):
            load(module)
            module.SmokeRun._step = first_paint
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, StopAtFirstPaint())
from careerplanner.cli import main
main(["--smoke"])
"""

BARE_FIRST_PAINT = BARE_WINDOW.replace(
    "app.exec()\n",
    "app.exec()\nimport resource, time\nusage = resource.getrusage(resource.RUSAGE_SELF)\n"
    'print("first-paint", time.time(), usage.ru_utime + usage.ru_stime, flush=True)\n',
)


def first_paint(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds from starting the process to its first paint, CPU seconds by then)."""
    start = time.time()
    result = subprocess.run(argv, env=env, capture_output=True, text=True)
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("first-paint")), None)
    if line is None:
        sys.exit(f"no first paint from {argv[:3]}:\n{result.stderr}")
    _label, at, cpu = line.split()
    return float(at) - start, float(cpu)


def startup(home: Path, runs: int) -> dict[str, float]:
    """Median ratios of the first paint with these targets to a bare window's, alternately."""
    env = env_for(home)
    ours_argv = [sys.executable, "-c", FIRST_PAINT]
    bare_argv = [sys.executable, "-c", BARE_FIRST_PAINT]
    first_paint(ours_argv, env)
    ours, base = [], []
    for _ in range(runs):
        base.append(first_paint(bare_argv, env))
        ours.append(first_paint(ours_argv, env))
    return {
        "start-up / bare window": statistics.median(w for w, _c in ours)
        / statistics.median(w for w, _c in base),
        "start-up CPU / bare window": statistics.median(c for _w, c in ours)
        / statistics.median(c for _w, c in base),
    }


def measure(work: Path, runs: int) -> int:
    """Every figure on both homes in `work`, printed side by side; 0 when all meet the targets."""
    rows: dict[str, dict[str, float]] = {}
    for home in (work / "small", work / "large"):
        figures = rows.setdefault(home.name, {})
        figures.update(step_change(home, runs))
        figures.update(window_clicks(home, runs))
        figures.update(exports(home, work))
        figures.update(in_process(home, runs))
        figures.update(startup(home, runs))
    print(f"{'action':<26} {'small':>10} {'at scale':>10}  target at scale")
    step_limit = 1.5 * rows["small"]["step change (CLI)"]
    step_cpu_limit = 1.5 * rows["small"]["step change (CLI) CPU"]
    targets = {
        "step change (CLI)": (f"<= {step_limit * 1000:.0f} ms (1.5x small)", step_limit),
        "step change (CLI) CPU": (
            f"<= {step_cpu_limit * 1000:.0f} ms (1.5x small)",
            step_cpu_limit,
        ),
        "step click (window)": ("< 100 ms median", 0.100),
        "undo (window)": ("< 100 ms median", 0.100),
        "step click UI-thread CPU": ("< 100 ms median", 0.100),
        "undo UI-thread CPU": ("< 100 ms median", 0.100),
        "pdf": ("< 15000 ms", 15.0),
        "pdf pages": ("< 40", 40),
        "ics": ("< 2000 ms", 2.0),
        "csv": ("< 2000 ms", 2.0),
        "profile change": ("< 150 ms", 0.150),
        "gap recompute": ("< 50 ms", 0.050),
        "start-up / bare window": ("<= 1.5", 1.5),
        "start-up CPU / bare window": ("<= 1.5", 1.5),
    }
    ok = True
    for name, (text, limit) in targets.items():
        small_v, large_v = rows["small"][name], rows["large"][name]
        unitless = name in ("pdf pages", "start-up / bare window", "start-up CPU / bare window")
        shown = [f"{v:.2f}" if unitless else f"{v * 1000:.0f} ms" for v in (small_v, large_v)]
        verdict = "OK" if large_v <= limit else "OVER TARGET"
        ok &= large_v <= limit
        print(f"{name:<26} {shown[0]:>10} {shown[1]:>10}  {text} {verdict}")
    return 0 if ok else 1


def build(work: Path, goals: int) -> None:
    small, large = work / "small", work / "large"
    skills = prepare_small_home(small)
    prepare_small_home(large)
    grow(small, skills, 10, work)  # a small roadmap: 10 goals, 100 evidence items
    grow(large, skills, goals, work)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--goals", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build the homes in this folder and keep them")
    parser.add_argument("--reuse", type=Path, help="measure the homes --keep built there")
    args = parser.parse_args()
    if args.reuse:
        return measure(args.reuse, args.runs)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        build(args.keep, args.goals)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp), args.goals)
        return measure(Path(tmp), args.runs)


if __name__ == "__main__":
    sys.exit(main())
