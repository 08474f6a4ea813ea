"""One entry point for every export format (what the command line and the GUI call)."""

from __future__ import annotations

from pathlib import Path

from careerplanner.errors import UserError
from careerplanner.exports.files import write_file
from careerplanner.services.export_snapshot import RoadmapSnapshot
from careerplanner.store.connection import Database

FORMATS = ("json", "md", "csv", "ics", "pdf", "jsonresume")


def export_roadmap(fmt: str, path: Path, db: Database, snapshot: RoadmapSnapshot) -> Path:
    """Write `fmt` to `path`: "json" is the full backup of all user data (from `db`), the
    others show `snapshot`."""
    if fmt == "json":
        from careerplanner.exports.backup_json import write_backup

        return write_backup(db, path)
    if fmt == "md":
        from careerplanner.exports.markdown import roadmap_markdown

        return write_file(path, roadmap_markdown(snapshot).encode("utf-8"))
    if fmt == "csv":
        from careerplanner.exports.csv_export import roadmap_csv_bytes

        return write_file(path, roadmap_csv_bytes(snapshot))
    if fmt == "ics":
        from careerplanner.exports.icalendar import roadmap_ics

        return write_file(path, roadmap_ics(snapshot).encode("utf-8"))
    if fmt == "pdf":
        from careerplanner.exports.pdf_report import write_pdf_report

        return write_pdf_report(path, snapshot)
    if fmt == "jsonresume":
        from careerplanner.exports.json_resume import json_resume_bytes

        return write_file(path, json_resume_bytes(snapshot))
    raise UserError(f"“{fmt}” is not an export format; use one of {', '.join(FORMATS)}.")
