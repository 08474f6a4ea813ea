"""The PDF report is a report, not a dump (issue 17): years of use give a readable report that
says what it leaves out, and where to find it."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from pdfminer.high_level import extract_text

from careerplanner.core.roadmap import (
    EffectiveLevel,
    Evidence,
    EvidenceKind,
    Goal,
    ProgressPoint,
    Step,
    StepState,
)
from careerplanner.exports import csv_export, icalendar, pdf_report
from careerplanner.exports.snapshot import RoadmapSnapshot, RoleGapSummary
from careerplanner.services.export_snapshot import load_snapshot_with_dataset
from tests.exports.roadmap_data import open_roadmap_db, populate

TODAY = date(2026, 12, 1)

STATES = list(StepState)


def years_of_use(goal_count: int = 1000) -> RoadmapSnapshot:
    """1,000 goals with 7 steps each, 10 evidence items per goal, 27,000 history points."""
    goals = [
        Goal(
            n,
            f"technology:skill-{n}",
            f"Skill {n}",
            4,
            steps=[Step(n * 10 + i, n, f"S{i}", 1 + i // 2, STATES[(n + i) % 4]) for i in range(7)],
        )
        for n in range(1, goal_count + 1)
    ]
    evidence = [
        Evidence(i, f"technology:skill-{1 + i % goal_count}", "x", 2, EvidenceKind.NOTE, text="t")
        for i in range(10 * goal_count)
    ]
    history = [
        ProgressPoint(i, f"2021-01-01T00:{i % 60:02d}:00Z", "skill", "technology:s1", "Skill 1", 2)
        for i in range(27 * goal_count)
    ]
    levels = {g.skill_key: EffectiveLevel(g.skill_key, 2, 2, 1, 2) for g in goals}
    return RoadmapSnapshot(
        today=date(2026, 1, 5),
        profile_name="Ada Lovelace",
        goals=goals,
        evidence=evidence,
        levels=levels,
        skill_names={g.skill_key: g.skill_name for g in goals},
        history=history,
        datasets=("O*NET 29.2 (bundled)",),
    )


def test_a_thousand_goal_roadmap_gives_a_short_report_that_says_what_it_leaves_out(tmp_path):
    roles = [
        RoleGapSummary(f"Role {n}", 0.5, [(f"Skill {i}", 1, 3) for i in range(60)])
        for n in range(10)
    ]
    path = pdf_report.write_pdf_report(tmp_path / "report.pdf", years_of_use(), roles)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", path.read_bytes()))
    assert 10 < pages < 40
    text = extract_text(str(path))
    assert "O*NET 29.2 (bundled)" in text  # which market data the report covers
    assert "Role 9 (fit 50%)" in text  # and which target roles
    assert "Goals: 1000, with 7000 steps" in text
    assert "940 more with their steps in the CSV export" in text
    assert "26960 earlier points are in the JSON backup" in text
    assert "Gap for Role 9" in text
    assert "40 more on the Gap screen" in text
    # Evidence counted per goal: each goal's skill has 10 items.
    assert re.search(r"Evidence\s", text)


def test_csv_and_ics_read_no_evidence_or_history_and_write_the_same_bytes(tmp_path):
    db = open_roadmap_db(tmp_path / "home")
    populate(db, tmp_path / "proof.txt")
    full = load_snapshot_with_dataset(db, None, TODAY)
    assert full.evidence and full.history
    stamp = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    ics = lambda snapshot: icalendar.roadmap_ics(snapshot, now=stamp)  # noqa: E731
    for fmt, build in (("csv", csv_export.roadmap_csv), ("ics", ics)):
        narrow = load_snapshot_with_dataset(db, None, TODAY, fmt)
        assert not narrow.evidence and not narrow.history  # a large home has thousands
        assert build(narrow) == build(full)
    assert load_snapshot_with_dataset(db, None, TODAY, "md").history == full.history
    db.close()
