"""One entry point for every export format (what the command line and the GUI call)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from careerplanner.errors import UserError
from careerplanner.exports.csv_export import roadmap_csv_bytes
from careerplanner.exports.files import write_file
from careerplanner.exports.icalendar import roadmap_ics
from careerplanner.exports.json_resume import json_resume_bytes
from careerplanner.exports.markdown import roadmap_markdown
from careerplanner.exports.snapshot import RoadmapSnapshot, RoleGapSummary
from careerplanner.services.backup import write_backup
from careerplanner.store.connection import Database

FORMATS = ("json", "md", "csv", "ics", "pdf", "jsonresume")


def export_roadmap(
    fmt: str,
    path: Path,
    db: Database,
    snapshot: RoadmapSnapshot,
    role_gaps: Sequence[RoleGapSummary] = (),
) -> Path:
    """Write `fmt` to `path`: "json" is the full backup of all user data (from `db`), the
    others show `snapshot` (the PDF report also the target roles' gaps, `role_gaps`)."""
    if fmt == "json":
        return write_backup(db, path)
    if fmt == "md":
        return write_file(path, roadmap_markdown(snapshot).encode("utf-8"))
    if fmt == "csv":
        return write_file(path, roadmap_csv_bytes(snapshot))
    if fmt == "ics":
        return write_file(path, roadmap_ics(snapshot).encode("utf-8"))
    if fmt == "pdf":
        # Heavy: the PDF report loads matplotlib (~0.3 s); only a PDF export pays for it.
        from careerplanner.exports.pdf_report import write_pdf_report

        return write_pdf_report(path, snapshot, role_gaps)
    if fmt == "jsonresume":
        return write_file(path, json_resume_bytes(snapshot))
    raise UserError(f"“{fmt}” is not an export format; use one of {', '.join(FORMATS)}.")
