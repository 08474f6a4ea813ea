"""The shared resume path: backup first, profile updated, progress history recorded, idempotent."""

from __future__ import annotations

import json

from careerplanner.services.resume_import import import_resume_file
from careerplanner.store.backup import list_backups
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user.profile import set_override
from tests.conftest import RESUMES


def test_import_backs_up_stores_and_records_history_once(installed_home):
    resume = RESUMES / "rendercv_John_Doe_Classic.pdf"
    data_dir = DataDir(installed_home)
    user_db, market_db = data_dir.open_user_db(), data_dir.open_market_db()
    try:
        first = import_resume_file(user_db, market_db, resume, data_dir.backup_dir)
        assert first.result.added == first.skills_found > 0
        (backup,) = list_backups(data_dir.backup_dir, "user")
        assert "before-resume-import" in backup.name
        points = user_db.execute(
            "SELECT count(*) FROM progress_history WHERE kind = 'skill' AND source = 'resume'"
        ).fetchone()[0]
        assert points > 0

        again = import_resume_file(user_db, market_db, resume, data_dir.backup_dir)
        assert again.result.already_imported
        assert len(list_backups(data_dir.backup_dir, "user")) == 1
        assert user_db.execute("SELECT count(*) FROM progress_history").fetchone()[0] == points
    finally:
        user_db.close()
        market_db.close()


def test_profile_changes_refresh_the_plain_copy(installed_home):
    resume = RESUMES / "rendercv_John_Doe_Classic.pdf"
    data_dir = DataDir(installed_home)
    user_db, market_db = data_dir.open_user_db(), data_dir.open_market_db()
    try:
        outcome = import_resume_file(user_db, market_db, resume, data_dir.backup_dir)
        copy = json.loads(data_dir.plain_copy_path.read_text())
        assert len(copy["tables"]["user_skill"]) == outcome.skills_found
        key = copy["tables"]["user_skill"][0]["skill_key"]
        set_override(user_db, key, 1, "I have not used it for years")
        copy = json.loads(data_dir.plain_copy_path.read_text())
        (row,) = [r for r in copy["tables"]["user_skill"] if r["skill_key"] == key]
        assert row["override_level"] == 1
        assert row["override_reason"] == "I have not used it for years"
    finally:
        user_db.close()
        market_db.close()
