"""Reading a resume into the profile end to end; the command line and the GUI share this path.

Like `dataset_import` for datasets, this is the one place that chains the Qt-free parts: the
active dataset's vocabulary, the resume parser (in its child process), the profile store, and the
progress history. The user's database is backed up first (reliability rule 7).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from careerplanner.analysis.vocabulary import active_vocabulary
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.importers.resume.parse import parse_resume
from careerplanner.services.plain_copy import refresh_plain_copy
from careerplanner.store.backup import backup_database
from careerplanner.store.connection import Database
from careerplanner.store.market.terms import skill_terms
from careerplanner.store.user.profile import ImportResult, store_resume_import
from careerplanner.store.user.progress import record_skill_levels


@dataclass(frozen=True)
class ResumeImport:
    file_name: str
    skills_found: int
    result: ImportResult


def resume_finder(market_db: Database):
    """The skill finder over the active dataset's terms and the curated alias table."""
    return active_vocabulary(skill_terms(market_db)).finder()


def parse_resume_file(
    market_db: Database,
    path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
):
    """Parse `path` against the active vocabulary; nothing is stored."""
    return parse_resume(Path(path), resume_finder(market_db), progress=progress, cancel=cancel)


def store_parsed_resume(user_db: Database, parsed, backup_dir: Path) -> ResumeImport:
    """Fold a parsed resume into the profile (backed up first); the same file twice is a no-op."""
    already = user_db.execute(
        "SELECT 1 FROM resume_import WHERE sha256 = ?", [parsed.sha256]
    ).fetchone()
    if not already:
        backup_database(user_db.conn, backup_dir, "user", reason="before-resume-import")
    result = store_resume_import(
        user_db,
        sha256=parsed.sha256,
        file_name=parsed.file_name,
        file_format=parsed.format,
        parsed=parsed.to_json(),
        skills=parsed.skills,
    )
    if not result.already_imported:
        record_skill_levels(user_db, source="resume")
        refresh_plain_copy(user_db)
    return ResumeImport(parsed.file_name, len(parsed.skills), result)


def import_resume_file(
    user_db: Database,
    market_db: Database,
    path: Path,
    backup_dir: Path,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ResumeImport:
    """Parse `path` and fold it into the profile."""
    parsed = parse_resume_file(market_db, path, progress, cancel)
    cancel.check()
    return store_parsed_resume(user_db, parsed, backup_dir)
