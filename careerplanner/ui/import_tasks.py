"""The work behind "Open resume" and "Import dataset", as Qt-free task functions.

Each runs on a worker thread with its own connections (`WorkerDatabases`) and only glues the
importers (which read and validate) to the repositories (which write in one transaction). The
importers are imported when a task first runs, so they cost nothing at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerplanner.core.progress import CancelToken, Progress

# -- datasets --------------------------------------------------------------------------------------


def import_dataset(dbs, path: Path, progress: Progress, cancel: CancelToken) -> Any:
    """Recognise `path` by content, read and validate it, and install it in one transaction."""
    from careerplanner.store.market_import import import_path

    return import_path(dbs.market, path, progress, cancel)


def describe_dataset_result(result: Any) -> str:
    """The GUI's wording of an install result (the command line's names `dataset use`)."""
    dataset = getattr(result, "dataset", None)
    if dataset is None:
        return "Dataset imported."
    if getattr(result, "already_installed", False):
        where = "it is the active one" if dataset.active else "make it active on this screen"
        return f"{dataset.name} is already installed ({where}); nothing changed."
    return f"Installed {dataset.name} ({result.rows:,} rows); it is now active."


# -- resumes ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResumeImport:
    file_name: str
    skills_found: int
    result: Any  # store.profile_repo.ImportResult


def import_resume(dbs, path: Path, progress: Progress, cancel: CancelToken) -> ResumeImport:
    """Parse the resume against the active dataset's vocabulary and fold it into the profile."""
    from careerplanner.analysis.vocabulary import active_vocabulary
    from careerplanner.importers.resume.parse import parse_resume
    from careerplanner.store.market_repo import skill_terms
    from careerplanner.store.profile_repo import store_resume_import

    finder = active_vocabulary(skill_terms(dbs.market)).finder()
    parsed = parse_resume(path, finder, progress=progress, cancel=cancel)
    cancel.check()
    result = store_resume_import(
        dbs.user,
        sha256=parsed.sha256,
        file_name=parsed.file_name,
        file_format=parsed.format,
        parsed=parsed.to_json(),
        skills=parsed.skills,
    )
    return ResumeImport(parsed.file_name, len(parsed.skills), result)


def describe_resume_result(outcome: ResumeImport) -> str:
    result = outcome.result
    if result.already_imported:
        return f"{outcome.file_name} was already read; nothing changed."
    return (
        f"Read {outcome.file_name}: {outcome.skills_found} skills found — {result.added} new, "
        f"{result.changed} with a changed level, {result.unchanged} unchanged."
    )
