"""The PDF report: profile, gap and roadmap charts, each with its table, and the history.

Pages are matplotlib `Figure` objects written through `PdfPages` (never pyplot, so the report
can be built on any thread and in the headless command line).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime, time
from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.gridspec import GridSpec

from careerplanner import __version__
from careerplanner.charts.profile import SkillBar, draw_profile_levels
from careerplanner.charts.progress import draw_fit_history, draw_level_history
from careerplanner.charts.roadmap import GoalBar, draw_goal_gap, draw_goal_progress
from careerplanner.charts.theme import PRINT
from careerplanner.core.roadmap import StepState
from careerplanner.core.roadmap_review import next_review
from careerplanner.exports.files import write_file
from careerplanner.exports.snapshot import RoadmapSnapshot, RoleGapSummary

A4 = (8.27, 11.69)
CHART_ROWS = 18  # bars per chart; the table lists everything
TABLE_ROWS = 40  # rows per table page
ROW_SPACING = 1.6
INK = PRINT.foreground  # the text colour of the pages, the same as the charts'


def _clip(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _page(title: str, subtitle: str = "") -> Figure:
    fig = Figure(figsize=A4)
    fig.text(0.06, 0.965, title, fontsize=15, weight="bold", color=INK)
    if subtitle:
        fig.text(0.06, 0.955, subtitle, fontsize=9, color="#555555", va="top")
    return fig


def _draw_chart(fig: Figure, rect: tuple[float, float, float, float], draw) -> None:
    """Let `draw(area)` (a chart builder) draw on a SubFigure of the page, then make its Axes
    fill `rect` (left, bottom, width, height, in page fractions): the page's layout, not the
    builder's margins, places a chart among the titles and tables."""
    left, bottom, width, height = rect
    # A SubFigure's place comes from its grid's ratios only: a 3 x 3 grid, the chart in the middle.
    grid = GridSpec(
        3,
        3,
        width_ratios=(left, width, 1 - left - width),
        height_ratios=(1 - bottom - height, height, bottom),
    )
    area = fig.add_subfigure(grid[1, 1])
    draw(area)
    for ax in area.axes:
        ax.set_position((0, 0, 1, 1))


def _table(ax, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A plain left-aligned table drawn as one text block per column (fast for long tables:
    a cell per Text object costs seconds per page), with light rules between rows."""
    ax.set_axis_off()
    if not rows:
        return
    ax.set_xlim(0, 1)
    ax.set_ylim(-TABLE_ROWS - 1, 0.5)
    longest = [
        max(len(str(text)) for text in column) + 2 for column in zip(header, *rows, strict=True)
    ]
    x = 0.0
    for index, width in enumerate(longest):
        column = [str(row[index]) for row in rows]
        ax.text(x + 0.005, 0, header[index], fontsize=7.5, weight="bold", va="center", color=INK)
        ax.text(
            x + 0.005,
            -1,
            "\n".join(column),
            fontsize=7.5,
            va="top",
            color=INK,
            linespacing=ROW_SPACING,
        )
        x += width / sum(longest)
    ax.axhspan(-0.5, 0.5, color="#eef2f7", zorder=0)
    ax.hlines([-0.5], 0, 1, color="#b0b0b0", linewidth=0.6)


def _chart_with_table(pdf, title, subtitle, draw, header, rows) -> None:
    """One page: the chart on top, the first rows of its table below; then table pages."""
    if len(rows) > CHART_ROWS:
        subtitle += f"\nThe chart shows the first {CHART_ROWS} of {len(rows)}; the table lists all."
    fig = _page(title, subtitle)
    _draw_chart(fig, (0.3, 0.58, 0.62, 0.33), draw)
    _table(fig.add_axes((0.06, 0.04, 0.88, 0.44)), header, rows[: TABLE_ROWS // 2])
    pdf.savefig(fig)
    rest = rows[TABLE_ROWS // 2 :]
    while rest:
        fig = _page(f"{title} (continued)")
        _table(fig.add_axes((0.06, 0.04, 0.88, 0.88)), header, rest[:TABLE_ROWS])
        pdf.savefig(fig)
        rest = rest[TABLE_ROWS:]


def _goal_bars(snapshot: RoadmapSnapshot) -> list[GoalBar]:
    bars = []
    for goal in snapshot.goals:
        counted = snapshot.levels.get(goal.skill_key)
        states = {state: sum(s.state == state for s in goal.steps) for state in StepState}
        bars.append(
            GoalBar(
                name=_clip(goal.skill_name, 28),
                counted=counted.level if counted else 0,
                target=goal.target_level,
                states=states,
            )
        )
    return bars


def _profile_page(pdf, snapshot: RoadmapSnapshot) -> None:
    levels = sorted(
        snapshot.levels.values(),
        key=lambda e: (-e.level, snapshot.skill_names.get(e.skill_key, "").casefold()),
    )
    bars = [
        SkillBar(
            _clip(snapshot.skill_names.get(e.skill_key, e.skill_key), 28), e.level, e.roadmap_level
        )
        for e in levels
    ]
    rows = [
        (
            _clip(snapshot.skill_names.get(e.skill_key, e.skill_key)),
            f"L{e.level}",
            f"L{e.profile_level}",
            f"L{e.roadmap_level}",
            _clip(e.explanation(), 60),
        )
        for e in levels
    ]
    owner = snapshot.profile_name or "Your"
    _chart_with_table(
        pdf,
        f"{owner} — skills profile" if snapshot.profile_name else "Skills profile",
        f"Career Planner {__version__}, {snapshot.today.isoformat()}. A level reached on the "
        "roadmap counts once evidence is logged.",
        lambda area: draw_profile_levels(area, bars[:CHART_ROWS], PRINT),
        ("Skill", "Counts", "Profile", "Roadmap", "Why"),
        rows,
    )


def _gap_pages(pdf, snapshot: RoadmapSnapshot, role_gaps: Sequence[RoleGapSummary]) -> None:
    goals = _goal_bars(snapshot)
    rows = [
        (
            _clip(goal.skill_name),
            f"L{bar.counted}",
            f"L{goal.target_level}",
            str(max(0, goal.target_level - bar.counted)),
            goal.target_date.isoformat() if goal.target_date else "",
            snapshot.status_of(goal.skill_key),
        )
        for goal, bar in zip(snapshot.goals, goals, strict=True)
    ]
    _chart_with_table(
        pdf,
        "Gap to your goals",
        "Levels short of each goal's target.",
        lambda area: draw_goal_gap(area, goals[:CHART_ROWS], PRINT),
        ("Skill", "Counts", "Target", "Gap", "Target date", "Dataset"),
        rows,
    )
    for role in role_gaps:
        bars = [GoalBar(_clip(n, 28), you, need, {}) for n, you, need in role.rows]
        role_rows = [
            (_clip(n), f"L{you}", f"L{need}", str(max(0, need - you))) for n, you, need in role.rows
        ]
        _chart_with_table(
            pdf,
            f"Gap for {role.role_title}",
            f"Fit score {round(role.fit * 100)}%.",
            lambda area, bars=bars, title=role.role_title: draw_goal_gap(
                area, bars[:CHART_ROWS], PRINT, f"You against {title}"
            ),
            ("Skill", "You", "Required", "Gap"),
            role_rows,
        )


def _roadmap_page(pdf, snapshot: RoadmapSnapshot) -> None:
    goals = _goal_bars(snapshot)
    rows = []
    for goal in snapshot.goals:
        review = next_review(goal)
        rows.append(
            (
                _clip(goal.skill_name),
                f"L{goal.reached_level}/L{goal.target_level}",
                f"{round(goal.progress * 100)}%",
                f"{sum(s.state == StepState.DONE for s in goal.steps)}/{len(goal.steps)}",
                review.isoformat() if review else "",
            )
        )
    _chart_with_table(
        pdf,
        "Roadmap",
        f"Overall progress {round(snapshot.overall_progress * 100)}% of steps "
        "(skipped steps not counted).",
        lambda area: draw_goal_progress(area, goals[:CHART_ROWS], PRINT),
        ("Skill", "Reached/target", "Progress", "Steps done", "Next review"),
        rows,
    )


def _end_of(day) -> datetime:
    return datetime.combine(day, time(23, 59), tzinfo=UTC)


def _history_page(pdf, snapshot: RoadmapSnapshot) -> None:
    skill_points = [p for p in snapshot.history if p.kind == "skill"]
    fit_points = [p for p in snapshot.history if p.kind == "fit"]
    fig = _page("Progress over time", "Recorded at every change.")
    until = _end_of(snapshot.today)
    _draw_chart(
        fig,
        (0.1, 0.56, 0.84, 0.34),
        lambda area: draw_level_history(area, skill_points, PRINT, until=until),
    )
    _draw_chart(fig, (0.1, 0.1, 0.84, 0.34), lambda area: draw_fit_history(area, fit_points, PRINT))
    pdf.savefig(fig)
    rows = [
        (
            p.at[:16].replace("T", " "),
            p.kind,
            _clip(p.subject_name),
            f"L{int(p.value)}" if p.kind == "skill" else f"{round(p.value * 100)}%",
            p.source,
        )
        for p in snapshot.history
    ]
    while rows:
        fig = _page("Progress history (table)")
        _table(
            fig.add_axes((0.06, 0.04, 0.88, 0.88)),
            ("When (UTC)", "Kind", "Subject", "Value", "Why"),
            rows[:TABLE_ROWS],
        )
        pdf.savefig(fig)
        rows = rows[TABLE_ROWS:]


def report_pdf_bytes(snapshot: RoadmapSnapshot, role_gaps: Sequence[RoleGapSummary] = ()) -> bytes:
    """The whole report as PDF bytes."""
    buffer = io.BytesIO()
    with PdfPages(
        buffer,
        metadata={"Title": "Career Planner report", "Creator": f"Career Planner {__version__}"},
    ) as pdf:
        _profile_page(pdf, snapshot)
        _gap_pages(pdf, snapshot, role_gaps)
        _roadmap_page(pdf, snapshot)
        _history_page(pdf, snapshot)
    return buffer.getvalue()


def write_pdf_report(
    path: Path, snapshot: RoadmapSnapshot, role_gaps: Sequence[RoleGapSummary] = ()
) -> Path:
    """Write the PDF report to `path` (atomically)."""
    return write_file(path, report_pdf_bytes(snapshot, role_gaps))
