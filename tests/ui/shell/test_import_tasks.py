"""The GUI's resume import goes through the shared path: backup first, history, plain copy."""

from __future__ import annotations

from careerplanner.core.progress import CancelToken
from careerplanner.store.backup import list_backups
from careerplanner.store.data_dir import DataDir
from careerplanner.ui.common.context import WorkerDatabases
from careerplanner.ui.shell import import_tasks
from tests.conftest import RESUMES


def test_gui_resume_import_backs_up_and_records_history(installed_home):
    resume = RESUMES / "rendercv_John_Doe_Classic.pdf"
    data_dir = DataDir(installed_home)
    dbs = WorkerDatabases(data_dir)
    try:
        outcome = import_tasks.import_resume(dbs, resume, lambda *_: None, CancelToken())
        assert outcome.result.added == outcome.skills_found > 0
        assert "skills found" in import_tasks.describe_resume_result(outcome)
        assert list_backups(data_dir.backup_dir, "user")
        points = dbs.user.execute(
            "SELECT count(*) FROM progress_history WHERE source = 'resume'"
        ).fetchone()[0]
        assert points > 0
        assert data_dir.plain_copy_path.exists()
    finally:
        dbs.close()
