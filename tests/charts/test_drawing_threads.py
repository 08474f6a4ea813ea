"""A chart drawn on the chart thread while a PDF report is built on the app's pool.

matplotlib's settings are global: `rc_context` puts back, as it leaves, what it found as it
entered. A chart that finished while the report was drawing put "$ starts maths" back under the
report, which then failed on a skill named with "$". The two take turns now.
"""

from __future__ import annotations

import threading
import time
from datetime import date

import matplotlib

from careerplanner.charts.gap import draw_gap_dumbbell
from careerplanner.charts.render import render_rgba
from careerplanner.charts.theme import LIGHT
from careerplanner.core.gap import Requirement, compute_gap
from careerplanner.core.roadmap import EffectiveLevel, Goal, ProgressPoint, Step, StepState
from careerplanner.exports import pdf_report
from careerplanner.exports.snapshot import RoadmapSnapshot, RoleGapSummary

DOLLAR_NAME = r"$\notacommand$ budgets"  # maths notation matplotlib cannot parse


def _snapshot(goal_count: int = 60) -> RoadmapSnapshot:
    goals = [
        Goal(
            n,
            f"custom:skill-{n}",
            f"{DOLLAR_NAME} {n}",
            4,
            steps=[
                Step(n * 10 + i, n, f"Step {i}", 1 + i // 2, StepState.PENDING) for i in range(3)
            ],
        )
        for n in range(1, goal_count + 1)
    ]
    history = [
        ProgressPoint(
            i, f"2026-01-01T00:{i % 60:02d}:00Z", "skill", "custom:skill-1", DOLLAR_NAME, 2
        )
        for i in range(200)
    ]
    return RoadmapSnapshot(
        today=date(2026, 1, 5),
        profile_name="Ada $ Lovelace",
        goals=goals,
        evidence=[],
        levels={g.skill_key: EffectiveLevel(g.skill_key, 2, 2, 1, 2) for g in goals},
        skill_names={g.skill_key: g.skill_name for g in goals},
        history=history,
        datasets=("O*NET 29.2 (bundled)",),
    )


def test_a_chart_finishing_during_a_pdf_report_leaves_the_report_drawing_names_as_written():
    gap = compute_gap("x", "Analysts", [Requirement("k", DOLLAR_NAME, 3, 1.0)], {})
    chart_started = threading.Event()
    charts, failures = [], []

    def slow_draw(fig, rows, theme):
        chart_started.set()
        time.sleep(0.5)  # the report starts meanwhile, and this chart finishes under it
        draw_gap_dumbbell(fig, rows, theme, title=DOLLAR_NAME)

    def chart_thread():
        try:
            charts.append(render_rgba(slow_draw, gap.rows, LIGHT, 500, 300))
        except Exception as error:  # reported below, on the test's thread
            failures.append(error)

    chart = threading.Thread(target=chart_thread)
    chart.start()
    assert chart_started.wait(30)
    report = pdf_report.report_pdf_bytes(
        _snapshot(), [RoleGapSummary(DOLLAR_NAME, 0.5, [(DOLLAR_NAME, 1, 3)])]
    )
    chart.join(60)

    assert report.startswith(b"%PDF")
    assert not failures
    assert charts and charts[0].width == 500
    # Both put matplotlib's settings back as they found them.
    assert matplotlib.rcParams["text.parse_math"] is True
