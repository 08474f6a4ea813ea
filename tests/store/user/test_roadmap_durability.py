"""What must never happen: a roadmap item lost or silently changed by a resume re-import, a
dataset update (the real O*NET 29.2 -> 29.3) or a crash halfway through a change."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from careerplanner.core.roadmap import NOT_IN_DATASET
from careerplanner.core.skills import FoundSkill
from careerplanner.errors import UserError
from careerplanner.services import dataset_import
from careerplanner.services.export_snapshot import load_snapshot_with_dataset
from careerplanner.services.roadmap_skills import resolve_skill
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user import goals, levels, profile
from tests.conftest import PROJECT_ROOT, onet_release
from tests.exports.roadmap_data import (
    MOSS,
    MOSS_KEY,
    SQL_KEY,
    file_rows,
    open_roadmap_db,
    populate,
    roadmap_rows,
    write_profile,
)


def test_a_resume_reimport_changes_nothing_on_the_roadmap(tmp_path):
    db = open_roadmap_db(tmp_path / "home")
    ids = populate(db, tmp_path / "proof.txt")
    before = roadmap_rows(db)
    # The newer resume drops SQL, lowers Python and adds Rust: all user_skill rows replaced.
    write_profile(db, [("technology:python", "Python", 2), ("technology:rust", "Rust", 1)])
    after = roadmap_rows(db)
    history_before = before.pop("progress_history")
    history_after = after.pop("progress_history")
    assert after == before
    assert history_after == history_before  # nothing rewritten (new points may only be appended)
    sql = goals.get_goal(db, ids["sql"])
    assert sql.skill_name == "SQL" and len(sql.steps) == 5
    # The roadmap's own level for SQL survives the profile losing the skill.
    assert levels.effective_level_of(db, SQL_KEY).roadmap_level == 3


def test_reimporting_resumes_through_the_profile_repository_changes_nothing(tmp_path):
    db = open_roadmap_db(tmp_path / "home")
    ids = populate(db, tmp_path / "proof.txt")
    before = roadmap_rows(db)
    for number, level in ((1, 1), (2, 3)):
        profile.store_resume_import(
            db,
            sha256=f"{number:064x}",
            file_name=f"cv-{number}.pdf",
            file_format="pdf",
            parsed={"sections": []},
            skills=[FoundSkill(SQL_KEY, "SQL", level), FoundSkill("technology:go", "Go", 2)],
        )
    after = roadmap_rows(db)
    assert after.pop("progress_history") == before.pop("progress_history")
    assert after == before
    assert goals.get_goal(db, ids["sql"]).start_level == 2  # the goal's own record is kept


CRASH_SCRIPT = textwrap.dedent(
    """
    import os, sys
    from datetime import date
    sys.path.insert(0, {root!r})
    from careerplanner.store.data_dir import DataDir
    from careerplanner.store.user import goals
    db = DataDir(__import__("pathlib").Path({home!r})).open_user_db()
    goal = goals.list_goals(db)[0]
    with db.atomic():
        for step in goal.steps:
            db.execute("UPDATE roadmap_step SET state = 'done' WHERE id = ?", [step.id])
        db.execute("DELETE FROM roadmap_note")
        db.execute("DELETE FROM evidence")
        os._exit(9)  # the process dies before the transaction commits
    """
)


def test_a_crash_halfway_through_a_change_loses_nothing(tmp_path):
    home = tmp_path / "home"
    db = open_roadmap_db(home)
    populate(db, tmp_path / "proof.txt")
    before = roadmap_rows(db)
    db.close()
    script = CRASH_SCRIPT.format(root=str(PROJECT_ROOT), home=str(home))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == 9, result.stderr.decode()
    reopened = DataDir(home).open_user_db()
    assert reopened.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert roadmap_rows(reopened) == before


@pytest.mark.slow
def test_the_real_onet_29_2_to_29_3_update_keeps_and_marks_the_roadmap(tmp_path):
    release_29_2 = onet_release("29.2")
    release_29_3 = onet_release("29.3")
    data_dir = DataDir(tmp_path / "home")
    db = open_roadmap_db(data_dir.root)
    market = data_dir.open_market_db()
    dataset_import.import_path(market, release_29_2)
    populate(db, tmp_path / "proof.txt")

    under_29_2 = load_snapshot_with_dataset(db, market)
    assert MOSS_KEY in under_29_2.active_keys
    assert under_29_2.status_of(MOSS_KEY) == ""
    before = roadmap_rows(db)
    db.close()
    before_on_disk = file_rows(data_dir.user_db_path)

    dataset_import.import_path(market, release_29_3)

    assert file_rows(data_dir.user_db_path) == before_on_disk
    db = data_dir.open_user_db()
    assert roadmap_rows(db) == before
    under_29_3 = load_snapshot_with_dataset(db, market)
    moss = next(goal for goal in under_29_3.goals if goal.skill_key == MOSS_KEY)
    assert moss.skill_name == MOSS and len(moss.steps) == 3  # kept, with its own name
    status = under_29_3.status_of(MOSS_KEY)
    assert status.startswith(NOT_IN_DATASET)
    assert "Microsoft SharePoint Server" in status  # O*NET renamed it in 29.3
    assert under_29_3.status_of(SQL_KEY) == ""
    assert [item.skill_name for item in under_29_3.evidence_for(MOSS_KEY)] == [MOSS]
    # Typed names resolve against the active dataset's names and aliases.
    assert resolve_skill(db, market, "python") == ("technology:python", "Python")
    assert resolve_skill(db, market, "SQL") == (
        SQL_KEY,
        "SQL",
    )  # the profile comes first
    assert resolve_skill(db, market, "excel") == (
        "technology:microsoft excel",
        "Microsoft Excel",
    )
    with pytest.raises(UserError, match="could mean several skills of the dataset"):
        resolve_skill(db, market, "Designer")
    assert resolve_skill(db, market, "k8s operators") == (
        "custom:k8s operators",
        "k8s operators",
    )
