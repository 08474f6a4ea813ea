"""Reading a resume into the profile end to end; the command line and the GUI share this path.

Like `dataset_import` for datasets, this is the one place that chains the Qt-free parts: the
active dataset's vocabulary, the resume parser (in its child process), the profile store, and the
progress history. The user's database is backed up first (reliability rule 7).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from careerplanner.analysis.finder_cache import cached_finder
from careerplanner.analysis.vocabulary import active_vocabulary
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.errors import UserError
from careerplanner.importers.resume.parse import parse_resume
from careerplanner.services.plain_copy import refresh_plain_copy
from careerplanner.store.backup import backup_database
from careerplanner.store.connection import Database
from careerplanner.store.market.terms import market_folder, skill_terms, vocabulary_key
from careerplanner.store.user.profile import ImportResult, store_resume_import
from careerplanner.store.user.progress import record_skill_levels


@dataclass(frozen=True)
class ResumeImport:
    file_name: str
    skills_found: int
    result: ImportResult


def resume_finder(market_db: Database):
    """The skill finder over the active dataset's terms and the curated alias table, built
    once per dataset version and kept beside the market database (`analysis/finder_cache`)."""
    folder = market_folder(market_db)
    if folder is None:
        return active_vocabulary(skill_terms(market_db)).finder()
    return cached_finder(
        folder / "cache",
        vocabulary_key(market_db),
        lambda: active_vocabulary(skill_terms(market_db)).finder(),
    )


def parse_resume_file(
    market_db: Database,
    path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
):
    """Parse `path` against the active vocabulary; nothing is stored."""
    return parse_resume(Path(path), resume_finder(market_db), progress=progress, cancel=cancel)


def store_parsed_resume(user_db: Database, parsed, backup_dir: Path) -> ResumeImport:
    """Fold a parsed resume into the profile (backed up first); the same file twice is a no-op.

    A resume in which no skill is found is a problem to report (a wrong file, or text that was
    not read right), not a success with "0 new skills".
    """
    if not parsed.skills:
        raise UserError(
            f"No skills were found in {parsed.file_name}, so nothing was imported; check that it "
            "is your resume with its skills written out, or add them by hand (the Profile "
            "screen, or `careerplanner resume skill add`)."
        )
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
