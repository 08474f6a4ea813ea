"""Two command lines at once, with a kill -9 now and then: does anything acknowledged get lost?

Issue 16, class 1. Each round starts two real `careerplanner` commands side by side (adds, notes,
reviews, reads, gaps, backups, checks, exports, resume imports), sometimes kills one of them with
SIGKILL at a random moment, and records every change a command acknowledged (exit 0). At the end
the whole database is compared with that record: every acknowledged goal and note is there, every
stored one was asked for (a killed command may or may not have landed: never half), the integrity
check passes and `data check` says healthy. Too slow for the test suite (minutes); prints a
summary and exits 1 on any loss.

    .venv/bin/python scripts/mixed_writers.py --rounds 60 --seed 1
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESUME = ROOT / "tests" / "fixtures" / "resumes" / "sb2nov_sourabh_bajaj_resume.pdf"
READS = (
    ("roadmap", "list"),
    ("gap", "Software Developers"),
    ("data", "check"),
    ("data", "backup"),
    ("roadmap", "due"),
    ("roadmap", "levels"),
)


class Command:
    def __init__(self, home: Path, args: tuple[str, ...], change: tuple[str, str] | None):
        env = {**os.environ, "CAREERPLANNER_HOME": str(home), "PYTHONPATH": str(ROOT)}
        self.args = args
        self.change = change  # ("goal", skill) or ("note", text): what exit 0 promises
        self.process = subprocess.Popen(
            [sys.executable, "-m", "careerplanner", *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.killed = False


def _next_command(home: Path, rng: random.Random, counter: list[int]) -> Command:
    counter[0] += 1
    n = counter[0]
    roll = rng.random()
    if roll < 0.35:
        skill = f"Mixed Skill {n}"
        return Command(home, ("roadmap", "add", skill, "--level", "2"), ("goal", skill))
    if roll < 0.55:
        text = f"mixed note {n}"
        return Command(home, ("roadmap", "note", "1", text), ("note", text))
    if roll < 0.6:
        return Command(home, ("resume", "import", str(RESUME)), None)
    if roll < 0.65:
        out = home.parent / f"export-{n}.json"
        return Command(home, ("roadmap", "export", "--format", "json", "-o", str(out)), None)
    return Command(home, rng.choice(READS), None)


def _stored(db_path: Path) -> tuple[set[str], set[str], str]:
    conn = sqlite3.connect(db_path)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        goals = {row[0] for row in conn.execute("SELECT skill_name FROM roadmap_goal")}
        notes = {row[0] for row in conn.execute("SELECT text FROM roadmap_note")}
    finally:
        conn.close()
    return goals, notes, verdict


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kill-rate", type=float, default=0.25)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    home = Path(tempfile.mkdtemp(prefix="mixed-writers-")) / "home"
    first = Command(home, ("roadmap", "add", "Mixed Skill 0", "--level", "2"), None)
    assert first.process.wait() == 0, first.process.stderr.read()
    promised: dict[str, set[str]] = {"goal": {"Mixed Skill 0"}, "note": set()}
    asked: dict[str, set[str]] = {"goal": {"Mixed Skill 0"}, "note": set()}
    counter, kills, failures, ran = [0], 0, [], 0
    started = time.monotonic()
    for _ in range(args.rounds):
        pair = [_next_command(home, rng, counter) for _ in range(2)]
        for command in pair:
            if command.change:
                asked[command.change[0]].add(command.change[1])
        if rng.random() < args.kill_rate:
            time.sleep(rng.uniform(0.05, 1.2))
            victim = rng.choice(pair)
            if victim.process.poll() is None:
                victim.process.send_signal(signal.SIGKILL)
                victim.killed = True
                kills += 1
        for command in pair:
            code = command.process.wait(timeout=300)
            ran += 1
            if command.killed:
                continue
            if code != 0:
                said = command.process.stderr.read()
                failures.append(f"{' '.join(command.args)}: exit {code}: {said}")
            elif command.change:
                promised[command.change[0]].add(command.change[1])
    goals, notes, verdict = _stored(home / "user.db")
    check = Command(home, ("data", "check"), None)
    check_code = check.process.wait()
    lost = sorted((promised["goal"] - goals) | (promised["note"] - notes))
    invented = sorted((goals - asked["goal"]) | (notes - asked["note"]))
    print(f"commands run: {ran} in {args.rounds} rounds of two, {kills} killed with SIGKILL")
    print(f"time: {time.monotonic() - started:.0f} s")
    print(f"acknowledged changes: {len(promised['goal'])} goals, {len(promised['note'])} notes")
    print(f"stored: {len(goals)} goals, {len(notes)} notes; integrity_check: {verdict}")
    print(f"data check exit: {check_code}; lost: {lost or 'none'}")
    print(f"stored but never asked for: {invented or 'none'}")
    print(f"unexpected failures: {len(failures)}")
    for failure in failures[:10]:
        print("  " + failure.strip())
    healthy = verdict == "ok" and check_code == 0 and not lost and not invented and not failures
    print("RESULT:", "nothing lost" if healthy else "PROBLEM")
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
