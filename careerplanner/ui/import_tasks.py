"""The work behind "Open resume" and "Import dataset", as Qt-free task functions.

Each runs on a worker thread with its own connections (`WorkerDatabases`) and only glues the
importers (which read and validate) to the repositories (which write in one transaction).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from careerplanner.core.progress import CancelToken, Progress
from careerplanner.errors import UserError


def _optional(module_name: str, attribute: str):
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name and module_name.startswith(error.name):
            return None
        raise
    return getattr(module, attribute, None)


# -- datasets --------------------------------------------------------------------------------------


def import_dataset(dbs, path: Path, progress: Progress, cancel: CancelToken) -> Any:
    """Recognise `path` by content, read and validate it, and install it in one transaction."""
    import_path = _optional("careerplanner.store.market_import", "import_path")
    if import_path is None:
        raise UserError(f"{path.name}: this build of Career Planner can't import datasets yet.")
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


def import_resume(dbs, path: Path, progress: Progress, cancel: CancelToken) -> Any:
    """Parse the resume, find its skills against the active dataset, and save the profile."""
    importer = _optional("careerplanner.store.profile_repo", "import_resume_file")
    if importer is None:
        raise UserError(
            f"{path.name}: this build of Career Planner can't read resumes yet; "
            "nothing was changed."
        )
    return importer(dbs.user, dbs.market, path, progress=progress, cancel=cancel)


def describe_resume_result(result: Any) -> str:
    skills = getattr(result, "skills", None)
    if skills is not None:
        return f"Resume read: {len(skills)} skills found."
    return "Resume read."
