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

import gc
import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path

import careerplanner.analysis
from careerplanner.analysis.job_ads import read_ad_requirements
from careerplanner.core import market as market_maths
from careerplanner.core import skills as skill_keys
from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.errors import UserError
from careerplanner.importers.datasets import postings as postings_reader
from careerplanner.importers.datasets import postings_csv, postings_fields
from careerplanner.importers.datasets.detect import detect
from careerplanner.importers.datasets.esco import read_esco
from careerplanner.importers.datasets.onet import open_onet_release, read_onet_release
from careerplanner.importers.datasets.postings import (
    PostingColumns,
    analyse_postings,
    postings_dataset,
)
from careerplanner.importers.datasets.wages import read_oews_wages
from careerplanner.services.default_dataset import default_data_dir, missing_default_parts
from careerplanner.services.onet_install import install_onet_release
from careerplanner.services.packs import import_pack
from careerplanner.services.release_checks import judge_release
from careerplanner.services.resume_import import resume_finder
from careerplanner.store.connection import Database
from careerplanner.store.data_dir import DataDir
from careerplanner.store.market import terms as terms_store
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
    mapping: Mapping[str, str | None] | None = None,
) -> InstallResult:
    """Recognise `path` by its content and install it as a new, active dataset version.

    `mapping` (posting field -> column name, e.g. {"title": "Business Title"}) says the file is
    a postings CSV and which of its columns hold which field, over the guess from the names
    (`postings_fields.mapping_from_choice`). A CSV whose header is recognised as nothing raises
    `postings_fields.UnmappedHeader`: its sentence lists the columns and how to map them, and
    the GUI offers the mapping step from it.
    """
    path = Path(path)
    if mapping is not None:
        return import_postings(
            db, path, mapping=postings_mapping(path, mapping), progress=progress, cancel=cancel
        )
    try:
        detection = detect(path)
    except UserError as refusal:
        header = _csv_header(path)
        if header is None:
            raise
        raise postings_fields.UnmappedHeader(path.name, header, str(refusal)) from refusal
    if detection.kind == "pack":
        return import_pack(path, db, progress, cancel)
    if detection.kind == "postings":
        return import_postings(db, path, progress=progress, cancel=cancel)
    if detection.kind == "onet":
        return install_onet_release(db, path, progress, cancel)
    dataset = read_dataset_path(path, detection.kind, progress, cancel)
    verdict = judge_release(db, dataset)  # the release as a whole: refused, or maybe not active
    if not verdict.activate:
        dataset.notes.insert(0, NOT_ACTIVE + verdict.reason)
    return install_dataset(db, dataset, progress, cancel, activate=verdict.activate)


def postings_mapping(path: Path, chosen: Mapping[str, str | None]) -> PostingColumns:
    """The column mapping of the postings CSV `path` with the user's choices over the guess;
    a `UserError` naming the field or column when a choice can't be used."""
    path = Path(path)
    if path.is_dir():
        raise UserError(
            f"{path.name} is a folder; a column mapping applies to a postings CSV file only."
        )
    if not path.is_file():
        raise UserError(f"{path} does not exist.")
    return postings_fields.mapping_from_choice(postings_csv.read_header(path), chosen, path.name)


def _csv_header(path: Path) -> tuple[str, ...] | None:
    """The header of a file that reads as a CSV of at least two named columns, else None (a
    folder, a zip, a document: the detector's own sentence says what was expected)."""
    if not path.is_file() or path.suffix.lower() in NOT_CSV_SUFFIXES:
        return None
    try:
        header = postings_csv.read_header(path)
    except UserError:
        return None
    named = [name for name in header if name]
    return header if len(named) >= 2 else None


NOT_CSV_SUFFIXES = {".zip", ".pdf", ".docx", ".doc", ".json"}


def default_finder(db: Database):
    """The shared skill finder over the active datasets' vocabulary and the curated aliases:
    the very finder resumes and single job ads are read with, kept compiled on disk per
    dataset version (`resume_import.resume_finder`), so an import need not rebuild it."""
    # An active O*NET or ESCO version is a vocabulary: building every term (a third of a
    # second) only to see that the list is not empty is left to when neither is installed.
    has_vocabulary = active_dataset(db, "onet") or active_dataset(db, "esco")
    if not has_vocabulary and not skill_terms(db):
        raise UserError(
            "Install an O*NET dataset before importing job postings: the skills in job ads are "
            "found with its skill list."
        )
    return resume_finder(db)


def ad_requirements_reader(finder):
    """What the postings importer asks of each ad: skill key -> (name, level, "must" or "nice"),
    read the way a single job ad is (`analysis.job_ads.read_ad_requirements`: section headings
    such as "Preferred Skills:" make a skill nice to have; boilerplate sentences, fields of
    study and the employer's unit names are no requirement)."""

    def requirements_of(text: str) -> dict[str, tuple[str, int, str]]:
        return {r.key: (r.name, r.level, r.required) for r in read_ad_requirements(text, finder)}

    return requirements_of


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
    # The objects alive now (the skill finder, the vocabulary, the app's own) are set aside
    # from the cyclic collector while the ads are read: each of its full passes would rescan
    # them, a tenth of the import's time (measured on the City's file). What the analysis
    # itself makes is still collected, so memory stays as it was.
    gc.freeze()
    try:
        analysis = analyse_postings(
            Path(path), ad_requirements_reader(finder), mapping, progress, cancel
        )
    finally:
        gc.unfreeze()
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
    Every part's checksum is checked first; then each part is read and installed in its own
    transaction, one after the other (O*NET streamed), so no two sit in memory together.
    """
    folder = Path(data_dir) if data_dir else default_data_dir()
    pending = missing_default_parts(db, folder)
    if not pending:
        return []
    # Postings are read with the vocabulary of the O*NET and ESCO parts: installed after them.
    postings = [part for part in pending if part["kind"] == "postings"]
    pending = [part for part in pending if part["kind"] != "postings"]
    for part in [*pending, *postings]:  # a damaged bundle is found before anything is written
        _check_bundled_file(folder / part["file"], part.get("sha256"))
    results = []
    steps = len(pending) + len(postings)
    for index, part in enumerate(pending):
        cancel.check()
        step = _scaled(progress, index, steps)
        path, kind = folder / part["file"], part["kind"]
        activate = active_dataset(db, kind) is None
        if kind == "onet":  # streamed into its transaction, never held whole (issue 17)
            with open_onet_release(path, step, cancel) as release:
                rows = release.rows("Installing")
                results.append(
                    install_dataset(db, release.dataset, step, cancel, activate, rows=rows)
                )
            continue
        # Read on the first half of its slice of the bar, saved on the second.
        reading, saving = (_scaled(progress, 2 * index + half, 2 * steps) for half in (0, 1))
        dataset = read_dataset_path(path, kind, reading, cancel, part.get("version", ""))
        results.append(install_dataset(db, dataset, saving, cancel, activate=activate))
        # Its rows are in the database now: let them go before the next part is read, so
        # no two parts sit in memory together (the peak of a first start).
        dataset = None
    for index, part in enumerate(postings):
        step = _scaled(progress, len(pending) + index, steps)
        results.append(install_bundled_postings(db, folder, part, step, cancel))
    progress(1, 1, "Bundled dataset ready")
    return results


# ------------------------------------------------------------------ the bundled postings

NYC_POSTINGS = {
    "name": "NYC Jobs Postings",
    "version": "2024-03-04",
    "published": "2024-03-04",
    "licence": (
        "City of New York open data: made available without registration, license or usage "
        "restrictions (NYC Local Law 11 of 2012, Administrative Code § 23-502 d)."
    ),
    "attribution": (
        "Source: City of New York, “Jobs NYC Postings” (NYC Open Data, dataset kpav-sd4t), "
        "as processed on 2024-03-04. Changes by Career Planner: converted back to CSV from the "
        "mirrored Excel export (its character escapes, mis-decoded characters and misread "
        "dates repaired), one row kept per Job ID (the internal and external copies of a job "
        "carry the same text), only the columns the application reads kept; the market "
        "figures (skills asked for, required depth, pay with and without a skill) are computed "
        "by Career Planner from the ads' text and are not the City's. Disclaimer: the City of "
        "New York provides this data for information only and makes no warranty as to its "
        "completeness, accuracy, timeliness or fitness for any purpose."
    ),
}
"""The identity of the bundled postings dataset, as data/default.json's postings part repeats it."""

_READER_DATA = ("aliases.csv", "profession_terms.csv", "credentials.csv", "senses.csv")
READER_ENTRY_MODULES = ("job_ads", "vocabulary", "boilerplate")
"""The analysis modules the postings import calls; with what they import, the reader's code."""
_ANALYSIS_IMPORT = re.compile(r"^\s*from careerplanner\.analysis\.(\w+) import", re.M)


def _analysis_modules_read_by(entries: tuple[str, ...]) -> list[Path]:
    """The source files of `entries` (modules of careerplanner.analysis) and of every analysis
    module they import, directly or not: a change anywhere else (resume depth, say) leaves the
    bundled figures current."""
    folder = Path(careerplanner.analysis.__file__).parent
    found: set[str] = set()
    pending = list(entries)
    while pending:
        name = pending.pop()
        if name in found:
            continue
        found.add(name)
        try:
            source = (folder / f"{name}.py").read_text(encoding="utf-8")
        except OSError:
            continue  # the caller reads it again and reports it unreadable
        pending.extend(_ANALYSIS_IMPORT.findall(source))
    return [folder / f"{name}.py" for name in sorted(found)]


def reader_fingerprint(folder: Path) -> str | None:
    """A SHA-256 over everything that decides the figures computed from postings: the code of
    the reader (analysis, the postings importer, the market maths, the vocabulary's terms) and
    its data (word lists, aliases, profession terms, the bundled O*NET and ESCO files). None
    when the code is not readable as source (a frozen build, which cannot change after it is
    built): the bundled figures are then taken as they are."""
    modules = [
        *_analysis_modules_read_by(READER_ENTRY_MODULES),
        *(
            Path(module.__file__ or "")
            for module in (
                postings_reader,
                postings_csv,
                postings_fields,
                market_maths,
                skill_keys,
                terms_store,
            )
        ),
    ]
    manifest = json.loads((folder / "default.json").read_text(encoding="utf-8"))
    data = [
        *sorted((folder / "words").glob("*")),
        *(folder / name for name in _READER_DATA),
        *(folder / p["file"] for p in manifest["parts"] if p["kind"] in ("onet", "esco")),
    ]
    digest = hashlib.sha256()
    try:
        for path in modules:
            # Line endings and the tree's location do not change what the code does.
            digest.update(path.name.encode() + b"\0" + path.read_bytes().replace(b"\r\n", b"\n"))
        for path in data:
            if path.is_file():
                digest.update(
                    path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest()
                )
    except OSError:
        return None
    return digest.hexdigest()


def bundled_postings_dataset(
    db: Database,
    text: Path,
    folder: Path,
    part: dict | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
):
    """The bundled postings text analysed by today's reader, named as `part` (or NYC_POSTINGS)
    names it. Its sha256 covers the text and the reader, so a newer reader's figures are a new
    version, not "already installed"."""
    identity = {**NYC_POSTINGS, **(part or {})}
    analysis = analyse_postings(
        text, ad_requirements_reader(default_finder(db)), None, progress, cancel
    )
    dataset = postings_dataset(analysis, name=identity["name"], version=identity["version"])
    dataset.published = identity["published"]
    dataset.licence = identity["licence"]
    dataset.attribution = identity["attribution"]
    dataset.source = text.name
    fingerprint = reader_fingerprint(folder) or "frozen"
    dataset.sha256 = hashlib.sha256(f"{analysis.sha256} {fingerprint}".encode()).hexdigest()
    return dataset


def install_bundled_postings(
    db: Database,
    folder: Path,
    part: dict,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> InstallResult:
    """Install the bundled postings: the precomputed figures when today's reader computed them
    (a fraction of a second), else the figures computed now from the bundled text."""
    current = active_dataset(db, "postings")
    # A newer bundled version replaces an older one; a dataset the user imported stays active.
    activate = current is None or current.name == part.get("name", NYC_POSTINGS["name"])
    figures = part.get("figures")
    fingerprint = reader_fingerprint(folder)
    if figures and (fingerprint is None or fingerprint == part.get("reader")):
        _check_bundled_file(folder / figures, part.get("figures_sha256"))
        return import_pack(folder / figures, db, progress, cancel, activate=activate)
    dataset = bundled_postings_dataset(db, folder / part["file"], folder, part, progress, cancel)
    return install_dataset(db, dataset, progress, cancel, activate=activate)


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
