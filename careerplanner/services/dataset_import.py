"""Importing a dataset path end to end: recognise it, read and validate it, install it.

    import_path(db, path, progress, cancel) -> InstallResult
    install_bundled_default(db, progress, cancel) -> list[InstallResult]

The readers (careerplanner.importers.datasets) never write; the install happens in one
transaction through `market_repo.install_dataset`. This is the one place in the store that calls
the importers, so the command line and the GUI share the exact same path.
"""

from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.errors import UserError
from careerplanner.services.default_dataset import default_data_dir, missing_default_parts
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import InstallResult, active_dataset, install_dataset


def read_dataset_path(
    path: Path,
    kind: str,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    version: str = "",
):
    """Read and validate `path` as a dataset of `kind` ("onet", "wages", "esco")."""
    if kind == "onet":
        from careerplanner.importers.datasets.onet import read_onet_release

        return read_onet_release(path, progress, cancel)
    if kind == "wages":
        from careerplanner.importers.datasets.wages import read_oews_wages

        return read_oews_wages(path, progress, cancel)
    if kind == "esco":
        from careerplanner.importers.datasets.esco import read_esco

        return read_esco(path, progress, cancel, version=version)
    raise UserError(f"{Path(path).name}: “{kind}” datasets are read elsewhere.")


def import_path(
    db: Database,
    path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> InstallResult:
    """Recognise `path` by its content and install it as a new, active dataset version."""
    from careerplanner.importers.datasets.detect import detect

    path = Path(path)
    detection = detect(path)
    if detection.kind == "pack":
        module = _optional("careerplanner.services.packs")
        if module is None:
            raise UserError(
                f"{path.name} is a skill-demand pack, which this build can't import yet."
            )
        return module.import_pack(path, db, progress, cancel)
    if detection.kind == "postings":
        return _import_postings(db, path, progress, cancel)
    dataset = read_dataset_path(path, detection.kind, progress, cancel)
    return install_dataset(db, dataset, progress, cancel)


def _import_postings(db, path: Path, progress: Progress, cancel: CancelToken) -> InstallResult:
    module = _optional("careerplanner.store.market.postings")
    if module is None:
        raise UserError(f"{path.name} holds job postings, which this build can't import yet.")
    return module.import_postings(db, path, progress=progress, cancel=cancel)


def _optional(name: str):
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise
        return None


def install_bundled_default(
    db: Database,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    data_dir: Path | None = None,
) -> list[InstallResult]:
    """Install each part of the bundled default whose kind has no version yet (else a no-op).

    `data/default.json` lists the parts: `{"parts": [{"kind": "onet", "file": "..."}, ...]}`.
    All parts are read and validated first, then each is installed in its own transaction.
    """
    folder = Path(data_dir) if data_dir else default_data_dir()
    pending = missing_default_parts(db, folder)
    if not pending:
        return []
    datasets = []
    for index, part in enumerate(pending):
        cancel.check()
        _check_bundled_file(folder / part["file"], part.get("sha256"))
        step = _scaled(progress, index, len(pending) * 2)
        datasets.append(
            read_dataset_path(
                folder / part["file"], part["kind"], step, cancel, part.get("version", "")
            )
        )
    results = []
    for index, dataset in enumerate(datasets):
        step = _scaled(progress, len(pending) + index, len(pending) * 2)
        activate = active_dataset(db, dataset.kind) is None
        results.append(install_dataset(db, dataset, step, cancel, activate=activate))
    progress(1, 1, "Bundled dataset ready")
    return results


def _check_bundled_file(path: Path, expected: str | None) -> None:
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        raise UserError(
            f"The bundled dataset file {path.name} can't be read ({error.strerror}); "
            "reinstall the application."
        ) from error
    if expected and digest != expected:
        raise UserError(
            f"The bundled dataset file {path.name} is damaged (its checksum does not match); "
            "reinstall the application."
        )


def _scaled(progress: Progress, part: int, parts: int) -> Progress:
    """Map a sub-task's progress onto its slice of an overall 0..1000 bar."""

    def report(done: int, total: int, message: str) -> None:
        share = done / total if total else 0
        progress(int(1000 * (part + share) / parts), 1000, message)

    return report
