"""Markdown, CSV, iCalendar, JSON Resume and the PDF report, from a real roadmap."""

from __future__ import annotations

import ast
import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from careerplanner.errors import UserError
from careerplanner.exports import csv_export, icalendar, json_resume, markdown, pdf_report
from careerplanner.exports.files import write_file
from careerplanner.exports.snapshot import RoleGapSummary
from careerplanner.services.export_snapshot import load_snapshot
from tests.exports.roadmap_data import HOSTILE, MOSS, MOSS_KEY, SQL_KEY, open_roadmap_db, populate

TODAY = date(2026, 11, 21)
EXPORTS = Path(__file__).resolve().parents[2] / "careerplanner" / "exports"


@pytest.fixture
def snapshot(tmp_path):
    db = open_roadmap_db(tmp_path / "home")
    populate(db, tmp_path / "proof.txt")
    active = {SQL_KEY, "technology:python", "technology:docker", "onet:2.B.3.e"}
    snap = load_snapshot(db, today=TODAY, active_keys=active, renames={MOSS_KEY: "SharePoint"})
    db.close()
    return snap


def test_markdown_shows_goals_steps_notes_evidence_and_the_dataset_mark(snapshot):
    text = markdown.roadmap_markdown(snapshot)
    assert "# Learning roadmap — Ada Lovelace" in text
    assert "## SQL: L2 → L4" in text
    assert "| 3 | Mentor others in it | L4 | learning | 2026-12-24 |" in text
    assert f"*{MOSS} is not in the current dataset (now listed as SharePoint)*" in text
    assert "Counted in the profile: L3. L3 reached on the roadmap, with evidence logged." in text
    assert "Window functions done; next: CTEs 😀" in text
    assert "(SHA-256 " in text
    # A pipe in user text never breaks a table row.
    assert markdown.cell("a|b\nc") == "a\\|b<br>c"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_are_prefixed(start):
    assert csv_export.safe_cell(f"{start}SUM(A1)") == f"'{start}SUM(A1)"
    assert csv_export.safe_cell("plain =text") == "plain =text"
    assert csv_export.safe_cell(None) == ""


def test_csv_has_one_row_per_step_and_no_live_formula(snapshot):
    data = csv_export.roadmap_csv_bytes(snapshot)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == sum(max(1, len(goal.steps)) for goal in snapshot.goals)
    for row in rows:
        for value in row.values():
            assert not value.startswith(csv_export.FORMULA_STARTS), value
    moss = [row for row in rows if row["skill_key"] == MOSS_KEY]
    assert {row["in_current_dataset"] for row in moss} == {"no"}
    skipped = next(row for row in moss if row["state"] == "skipped")
    assert skipped["step_note"] == HOSTILE  # a hostile note kept verbatim (it starts with R)
    hostile_goal = next(row for row in rows if row["skill"].startswith("Robert"))
    assert hostile_goal["skill"] == HOSTILE


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_follows_rfc_5545_line_rules(snapshot):
    text = icalendar.roadmap_ics(snapshot, now=datetime(2026, 11, 21, 9, 30, tzinfo=UTC))
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    events = text.count("BEGIN:VEVENT")
    assert events == text.count("END:VEVENT") == lines.count("DTSTAMP:20261121T093000Z")
    assert "SUMMARY:Goal: SQL L4" in lines
    assert "DTSTART;VALUE=DATE:20270301" in lines
    assert any(line.startswith("SUMMARY:Review SQL") for line in lines)
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(uids) == len(set(uids)) == events
    # Review dates are never in the past: the overdue one is shown today.
    reviews = [event for event in events_of(lines) if event["SUMMARY"] == "Review SQL"]
    days = sorted(event["DTSTART;VALUE=DATE"] for event in reviews)
    assert days[0] == "20261121" and len(days) == icalendar.REVIEWS_PER_GOAL


def events_of(lines: list[str]) -> list[dict[str, str]]:
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return events


def test_ics_escapes_text_and_folds_without_splitting_characters():
    assert icalendar.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "日本語😀" * 30
    folded = icalendar.fold_line(line)
    pieces = folded.split("\r\n ")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert "".join(pieces) == line  # every piece decodes: no character was cut in two


def test_json_resume_carries_the_levels_that_count(snapshot):
    document = json_resume.json_resume(snapshot)
    assert document["basics"] == {"name": "Ada Lovelace", "label": "Data engineer"}
    skills = {skill["name"]: skill for skill in document["skills"]}
    assert skills["Python"]["level"] == "Proficient (L3)"
    assert skills["SQL"]["level"] == "Proficient (L3)"
    assert "reached on the learning roadmap, evidence logged" in skills["SQL"]["keywords"]
    assert MOSS not in skills  # L0: not a skill to list
    json.loads(json_resume.json_resume_bytes(snapshot))


def test_pdf_report_has_every_section_and_its_tables(snapshot, tmp_path):
    from pdfminer.high_level import extract_text

    role = RoleGapSummary("Data Engineers", 0.55, [("SQL", 3, 4), ("Spark", 0, 3)])
    path = pdf_report.write_pdf_report(tmp_path / "report.pdf", snapshot, [role])
    assert path.read_bytes().startswith(b"%PDF")
    text = extract_text(str(path))
    for heading in (
        "skills profile",
        "Gap to your goals",
        "Gap for Data Engineers",
        "Roadmap",
        "Progress over time",
        "Progress history (table)",
    ):
        assert heading in text, heading
    assert "not in the current dataset (now listed as SharePoint)" in text
    assert "Software Developers" in text  # the fit history table


def test_the_pdf_report_draws_an_empty_roadmap(tmp_path):
    db = open_roadmap_db(tmp_path / "home")
    data = pdf_report.report_pdf_bytes(load_snapshot(db, today=TODAY))
    assert data.startswith(b"%PDF")


def test_write_file_refuses_a_missing_folder(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        write_file(tmp_path / "nope" / "out.md", b"x")


@pytest.mark.parametrize("path", sorted(EXPORTS.glob("*.py")), ids=lambda p: p.name)
def test_exports_never_import_qt_or_pyplot(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    assert not [n for n in names if n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}]
    assert "matplotlib.pyplot" not in names and not any(
        n.startswith("careerplanner.ui") for n in names
    )
