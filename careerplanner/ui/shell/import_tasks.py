"""The work behind "Open resume" and "Import dataset", as Qt-free task functions.

Each runs on a worker thread with its own connections (`WorkerDatabases`) and only glues the
importers (which read and validate) to the repositories (which write in one transaction). The
importers are imported when a task first runs, so they cost nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from careerplanner.core.progress import CancelToken, Progress

# -- datasets --------------------------------------------------------------------------------------


def import_dataset(
    dbs, path: Path, progress: Progress, cancel: CancelToken, mapping: Mapping | None = None
) -> Any:
    """Recognise `path` by content, read and validate it, and install it in one transaction;
    `mapping` (field -> column) is the column-mapping step's choice for a postings CSV."""
    from careerplanner.services.dataset_import import import_path  # start-up: the importers

    return import_path(dbs.market, path, progress, cancel, mapping=mapping)


def describe_dataset_result(result: Any) -> str:
    """The GUI's wording of an install result (the command line's names `dataset use`)."""
    dataset = getattr(result, "dataset", None)
    if dataset is None:
        return "Dataset imported."
    if getattr(result, "already_installed", False):
        where = "it is the active one" if dataset.active else "make it active on this screen"
        return f"{dataset.name} is already installed ({where}); nothing changed."
    if not dataset.active:
        return result.sentence  # installed but not made active, with the reason
    return f"Installed {dataset.name} ({result.rows:,} rows); it is now active."


# -- resumes ---------------------------------------------------------------------------------------


def import_resume(dbs, path: Path, progress: Progress, cancel: CancelToken):
    """Read the resume into the profile through the same path as the command line (backup
    first, then the profile, its progress history and the plain copy)."""
    from careerplanner.services.resume_import import import_resume_file  # start-up: parsers

    return import_resume_file(dbs.user, dbs.market, path, dbs.backup_dir, progress, cancel)


def describe_resume_result(outcome) -> str:
    """The GUI's wording of a `store.resume_service.ResumeImport`."""
    result = outcome.result
    if result.already_imported:
        return f"{outcome.file_name} was already read; nothing changed."
    return (
        f"Read {outcome.file_name}: {outcome.skills_found} skills found — {result.added} new, "
        f"{result.changed} with a changed level, {result.unchanged} unchanged."
    )
