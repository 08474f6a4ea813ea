"""`services.levels.user_levels` is read once per change of the user database: a change through the
same connection or a commit through another one (a worker's) is seen at once, and every caller
gets its own copy. After a change of one skill (a step ticked off), only that skill is read
again, with the same result as reading everything (issue 17)."""

from __future__ import annotations

from careerplanner.core.gap import GapRow
from careerplanner.services.gap import set_own_level
from careerplanner.services.levels import (
    levels_kept,
    user_data_version,
    user_levels,
    user_levels_after,
)
from careerplanner.store.user.evidence import add_evidence
from careerplanner.store.user.goals import add_goal
from careerplanner.store.user.progress import record_fit_scores
from careerplanner.store.user.steps import update_step

PYTHON = GapRow("technology:python", "Python", 0, 3, 0.9)
SQL = GapRow("technology:sql", "Structured query language SQL", 0, 3, 0.9)


def test_levels_follow_every_change_and_callers_get_copies(data_dir):
    db = data_dir.open_user_db()
    worker = data_dir.open_user_db()  # another connection, as a worker thread has
    try:
        assert user_levels(db) == {}
        set_own_level(db, PYTHON, 3, "shipped work", now="2026-01-01T00:00:00Z")
        levels = user_levels(db)
        assert levels == {"technology:python": 3}
        assert levels.names == {"technology:python": "Python"}
        version = user_data_version(db)
        assert user_data_version(db) == version  # reading changes nothing
        levels["technology:python"] = 5  # a caller's copy is its own
        levels.by_form.clear()
        again = user_levels(db)
        assert again == {"technology:python": 3} and again.by_form
        # a commit through the other connection is seen by this one
        set_own_level(worker, SQL, 2, "daily queries", now="2026-01-02T00:00:00Z")
        assert user_data_version(db) != version
        assert user_levels(db) == {"technology:python": 3, "technology:sql": 2}
        assert user_levels(db).by_form["sql"] == "technology:sql"
    finally:
        worker.close()
        db.close()


def _goal_with_evidence(db, key: str, name: str):
    goal = add_goal(db, key, name, 2, start_level=0)
    add_evidence(db, key, name, 2, text=f"Shipped work in {name}")
    return goal


def _tick_off_level_one(db, goal) -> None:
    for step in goal.steps:
        if step.to_level == 1:
            update_step(db, step.id, state="done")


def test_a_change_of_one_skill_reads_that_skill_again_and_matches_a_full_read(data_dir):
    db = data_dir.open_user_db()
    try:
        python = _goal_with_evidence(db, "technology:python", "Python")
        _goal_with_evidence(db, "technology:sql", "Structured query language SQL")
        assert user_levels(db) == {}  # nothing reached yet
        before = user_data_version(db)
        _tick_off_level_one(db, python)
        statements: list[str] = []
        db.conn.set_trace_callback(statements.append)
        after = user_levels_after(db, before, {"technology:python"})
        db.conn.set_trace_callback(None)
        assert after == {"technology:python": 1}
        # the steps and the evidence of that skill only, not the whole roadmap and ledger
        ledger_reads = [s for s in statements if "FROM evidence" in s or "FROM roadmap_step" in s]
        assert ledger_reads and all("technology:python" in s for s in ledger_reads)
        # the same levels, names and forms as reading everything again
        db.__dict__.pop("_careerplanner_levels")
        full = user_levels(db)
        assert (after, after.names, after.by_form) == (full, full.names, full.by_form)
    finally:
        db.close()


def test_a_change_made_elsewhere_meanwhile_is_never_missed(data_dir):
    db = data_dir.open_user_db()
    worker = data_dir.open_user_db()
    try:
        python = _goal_with_evidence(db, "technology:python", "Python")
        sql = _goal_with_evidence(worker, "technology:sql", "Structured query language SQL")
        assert user_levels(db) == {}
        before = user_data_version(db)
        _tick_off_level_one(worker, sql)  # another connection (the command line, a worker)
        _tick_off_level_one(db, python)
        # told only of Python, the levels still hold the other connection's change
        assert user_levels_after(db, before, {"technology:python"}) == {
            "technology:python": 1,
            "technology:sql": 1,
        }
        # a change through this connection since `before` that it was not told of: the same
        stale = user_data_version(db)
        set_own_level(db, PYTHON, 4, "shipped work", now="2026-01-01T00:00:00Z")
        before = user_data_version(db)
        assert user_levels_after(db, stale, {"technology:sql"})["technology:python"] == 4
        assert user_levels_after(db, before, set())["technology:python"] == 4
    finally:
        worker.close()
        db.close()


def test_a_write_that_moves_no_level_keeps_the_levels_read(data_dir):
    db = data_dir.open_user_db()
    worker = data_dir.open_user_db()
    try:
        _goal_with_evidence(db, "technology:python", "Python")
        levels = user_levels(db)
        before = user_data_version(db)
        record_fit_scores(db, {"15-1252.00": ("Software Developers", 0.5)}, "roadmap changed")
        levels_kept(db, before)
        assert db.__dict__["_careerplanner_levels"].version == user_data_version(db)
        assert user_levels(db) == levels
        # not when another connection wrote meanwhile: that write may move a level
        before = user_data_version(db)
        set_own_level(worker, SQL, 2, "daily queries", now="2026-01-02T00:00:00Z")
        record_fit_scores(db, {"15-1252.00": ("Software Developers", 0.6)}, "roadmap changed")
        levels_kept(db, before)
        assert user_levels(db)["technology:sql"] == 2
    finally:
        worker.close()
        db.close()
