"""Importing a dataset end to end: recognise it, read and validate it, install it.

    import_path(db, path, progress, cancel) -> InstallResult
    import_postings(db, path, finder=None, mapping=None, progress, cancel) -> InstallResult
    install_bundled_default(db, progress, cancel) -> list[InstallResult]
    ensure_default_dataset(db_or_data_dir, progress, cancel) -> list[InstallResult]

The readers (careerplanner.importers.datasets) never write; the install happens in one
transaction through `store.market.datasets.install_dataset`. This is the one place that chains the
importers and the store, so the command line and the GUI share the exact same path.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from careerplanner.analysis.job_ads import requirements_reader
from careerplanner.analysis.vocabulary import build_vocabulary, read_curated_aliases
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.errors import UserError
from careerplanner.importers.datasets.detect import detect
from careerplanner.importers.datasets.esco import read_esco
from careerplanner.importers.datasets.onet import read_onet_release
from careerplanner.importers.datasets.postings import (
    PostingColumns,
    analyse_postings,
    postings_dataset,
)
from careerplanner.importers.datasets.wages import read_oews_wages
from careerplanner.services.default_dataset import default_data_dir, missing_default_parts
from careerplanner.services.packs import import_pack
from careerplanner.services.release_checks import judge_release
from careerplanner.store.connection import Database
from careerplanner.store.data_dir import DataDir
from careerplanner.store.market.datasets import (
    NOT_ACTIVE,
    InstallResult,
    active_dataset,
    install_dataset,
)
from careerplanner.store.market.terms import skill_terms


def read_dataset_path(
    path: Path,
    kind: str,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    version: str = "",
):
    """Read and validate `path` as a dataset of `kind` ("onet", "wages", "esco")."""
    if kind == "onet":
        return read_onet_release(path, progress, cancel)
    if kind == "wages":
        return read_oews_wages(path, progress, cancel)
    if kind == "esco":
        return read_esco(path, progress, cancel, version=version)
    raise UserError(f"{Path(path).name}: “{kind}” datasets are read elsewhere.")


def import_path(
    db: Database,
    path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> InstallResult:
    """Recognise `path` by its content and install it as a new, active dataset version."""
    path = Path(path)
    detection = detect(path)
    if detection.kind == "pack":
        return import_pack(path, db, progress, cancel)
    if detection.kind == "postings":
        return import_postings(db, path, progress=progress, cancel=cancel)
    dataset = read_dataset_path(path, detection.kind, progress, cancel)
    verdict = judge_release(db, dataset)  # the release as a whole: refused, or maybe not active
    if not verdict.activate:
        dataset.notes.insert(0, NOT_ACTIVE + verdict.reason)
    return install_dataset(db, dataset, progress, cancel, activate=verdict.activate)


def default_finder(db: Database):
    """The shared skill finder over the active datasets' vocabulary and the curated aliases."""
    terms = skill_terms(db)
    if not terms:
        raise UserError(
            "Install an O*NET dataset before importing job postings: the skills in job ads are "
            "found with its skill list."
        )
    return build_vocabulary(terms, read_curated_aliases()).finder()


def import_postings(
    db: Database,
    path: Path,
    finder=None,
    mapping: PostingColumns | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    name: str | None = None,
) -> InstallResult:
    """Analyse a postings CSV or a folder of job ads and install the figures as a new version.

    The figures are computed by `core.market` while the file is read (nothing per posting is
    kept) and installed as one dataset version of kind "postings", in one transaction: a failure
    or Cancel leaves the previous version active and no partial rows. `finder` defaults to
    `default_finder(db)`; `mapping` overrides the guessed column mapping.
    """
    finder = finder if finder is not None else default_finder(db)
    analysis = analyse_postings(Path(path), requirements_reader(finder), mapping, progress, cancel)
    dataset = postings_dataset(analysis, name=name)
    judge_release(db, dataset)  # no rows, absurd pay: refused before anything is written
    return install_dataset(db, dataset, progress, cancel)


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


def ensure_default_dataset(
    db_or_data_dir: Database | DataDir,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> list[InstallResult]:
    """Install the bundled default (O*NET, BLS wages, ESCO) for every kind not installed yet.

    Accepts the market database or a `DataDir`. A no-op when every kind already has a version.
    """
    if isinstance(db_or_data_dir, DataDir):
        db = db_or_data_dir.open_market_db()
        try:
            return install_bundled_default(db, progress, cancel)
        finally:
            db.close()
    return install_bundled_default(db_or_data_dir, progress, cancel)


def rebuild_market_data(
    data_dir: DataDir,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> list[InstallResult]:
    """Replace a damaged market.db by a new one with the bundled datasets; the damaged file is
    kept in `damaged/`. The user's own data (user.db) is not touched."""
    data_dir.prepare()
    data_dir.set_aside_market_db()
    return ensure_default_dataset(data_dir, progress, cancel)
