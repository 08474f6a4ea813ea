"""The Roadmap screen's long work, Qt-free: run on `ctx.runner` with the worker's own
connections (`context.with_databases`), reporting progress and honouring Cancel."""

from __future__ import annotations

from pathlib import Path

from careerplanner.core.progress import CancelToken, Progress
from careerplanner.errors import UserError
from careerplanner.exports.snapshot import RoleGapSummary
from careerplanner.services.backup import restore_backup
from careerplanner.services.export_snapshot import load_snapshot_with_dataset
from careerplanner.services.exports import export_roadmap
from careerplanner.store.user.targets import target_roles
from careerplanner.ui.roadmap.models import role_gap


def export_task(dbs, fmt: str, path: Path, progress: Progress, cancel: CancelToken) -> Path:
    """Write the roadmap in `fmt` to `path` (see `exports.writer.export_roadmap`)."""
    progress(0, 3, "Reading your roadmap…")
    snapshot = load_snapshot_with_dataset(dbs.user, _market_or_none(dbs))
    cancel.check()
    progress(1, 3, f"Writing {path.name}…")
    gaps = []
    if fmt == "pdf":
        # The report's gap pages need the target roles' gaps, which only the app can compute.
        market = _market_or_none(dbs)
        gaps = role_gap_summaries(dbs.user, market) if market is not None else []
        cancel.check()
    written = export_roadmap(fmt, Path(path), dbs.user, snapshot, gaps)
    progress(3, 3, f"Wrote {path.name}")
    return written


def restore_task(
    dbs, path: Path, backup_dir: Path, progress: Progress, cancel: CancelToken
) -> dict[str, int]:
    """Replace the user's data with a JSON backup; the current data is backed up first."""
    progress(0, 2, f"Checking {path.name}…")
    cancel.check()
    counts = restore_backup(dbs.user, Path(path), backup_dir=backup_dir)
    progress(2, 2, f"Restored {path.name}")
    return counts


def _market_or_none(dbs):
    """The market database, or None when it can't be opened: exports never depend on it."""
    try:
        return dbs.market
    except UserError:
        return None


PDF_GAP_ROWS = 25  # skills per target role in the report, highest priority first


def role_gap_summaries(user_db, market_db) -> list:
    """Each target role's gap against the levels that count, for the PDF report."""
    summaries = []
    for target in target_roles(user_db):
        gap = role_gap(user_db, market_db, target.code)
        if gap is not None:
            rows = tuple(
                (row.skill_name, row.your_level, row.required_level)
                for row in gap.rows[:PDF_GAP_ROWS]
            )
            summaries.append(RoleGapSummary(gap.role_title, gap.fit, rows))
    return summaries
