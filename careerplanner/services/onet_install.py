"""An O*NET release streamed into the market database (issue 17: memory flat in its size).

    install_onet_release(db, path, progress, cancel) -> InstallResult

Kept apart from `dataset_import` so that what it loads stays small: the O*NET reader, the
store and the release checks, not the postings analysis (benchmarks/onet_import.py measures
the peak memory of exactly this path).
"""

from __future__ import annotations

from pathlib import Path

from careerplanner.core.progress import NEVER_CANCELLED, CancelToken, Progress, no_progress
from careerplanner.importers.datasets.onet import open_onet_release
from careerplanner.services.release_checks import judge_summary
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import InstallResult, install_dataset


def install_onet_release(
    db: Database,
    path: Path,
    progress: Progress = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> InstallResult:
    """Stream an O*NET release into the market database, file by file and chunk by chunk, in
    one transaction. Once its rows are written the release is judged as a whole
    (`judge_summary`), still inside that transaction: a bad cell or a refusal rolls it all
    back (the previous version stays active, no row of the new one is left); a partial or
    foreign release is kept but not made active, the reason in its notes and its sentence.
    A release already installed (same content) is recognised before a row is read."""
    with open_onet_release(path, progress, cancel) as release:
        return install_dataset(
            db,
            release.dataset,
            progress,
            cancel,
            rows=release.rows("Importing"),
            judge=lambda: judge_summary(db, release.dataset, release.summary),
        )
