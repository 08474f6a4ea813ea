"""The PDF report: what it covers, profile, gap and roadmap charts each with its table, and the
history as charts with its latest rows.

A report, not a dump: each table is capped (`SECTION_ROWS`) and says how many rows it leaves
to the CSV export (goals) or the JSON backup (history), so a roadmap of 1,000 goals and five
years of daily history still reads in a few dozen pages. Pages are matplotlib `Figure` objects
written through `PdfPages` (never pyplot, so the report can be built on any thread and in the
headless command line).
"""

from __future__ import annotations

import io
import textwrap
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, time
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.gridspec import GridSpec

from careerplanner import __version__
from careerplanner.charts.profile import SkillBar, draw_profile_levels
from careerplanner.charts.progress import draw_fit_history, draw_level_history
from careerplanner.charts.render import LITERAL_TEXT, MATPLOTLIB_LOCK
from careerplanner.charts.roadmap import GoalBar, draw_goal_gap, draw_goal_progress
from careerplanner.charts.theme import PRINT
from careerplanner.core.roadmap import StepState
from careerplanner.core.roadmap_review import next_review
from careerplanner.exports.files import write_file
from careerplanner.exports.snapshot import RoadmapSnapshot, RoleGapSummary

A4 = (8.27, 11.69)
CHART_ROWS = 18  # bars per chart; the table lists everything
TABLE_ROWS = 40  # rows per table page
SECTION_ROWS = TABLE_ROWS // 2 + TABLE_ROWS  # a section's table: its chart page and one more
ROLE_ROWS = TABLE_ROWS // 2  # a target role's table fits on its chart page
HISTORY_ROWS = TABLE_ROWS  # the latest history points listed; the charts show all of them
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


def _chart_with_table(
    pdf, title, subtitle, draw, header, rows, limit=SECTION_ROWS, rest=""
) -> None:
    """One page: the chart on top, the first rows of its table below; then table pages, up to
    `limit` rows in all, saying how many more there are and where (`rest`) to find them."""
    if len(rows) > CHART_ROWS:
        subtitle += f"\nThe chart shows the first {CHART_ROWS} of {len(rows)}"
        subtitle += f"; the table lists the first {limit}, {rest}." if len(rows) > limit else "."
    fig = _page(title, subtitle)
    _draw_chart(fig, (0.3, 0.58, 0.62, 0.33), draw)
    _table(fig.add_axes((0.06, 0.04, 0.88, 0.44)), header, rows[: min(limit, TABLE_ROWS // 2)])
    pdf.savefig(fig)
    remaining = rows[TABLE_ROWS // 2 : limit]
    while remaining:
        fig = _page(f"{title} (continued)")
        _table(fig.add_axes((0.06, 0.04, 0.88, 0.88)), header, remaining[:TABLE_ROWS])
        pdf.savefig(fig)
        remaining = remaining[TABLE_ROWS:]


def _more(count: int, where: str) -> str:
    return f"{count} more {where}"


def _cover_page(pdf, snapshot: RoadmapSnapshot, role_gaps: Sequence[RoleGapSummary]) -> None:
    """What the report covers: whose, when, which market data and target roles, how much."""
    owner = snapshot.profile_name or "Your"
    fig = _page(
        f"{owner} — career report" if snapshot.profile_name else "Career report",
        f"Career Planner {__version__}, {snapshot.today.isoformat()}.",
    )
    steps = sum(len(goal.steps) for goal in snapshot.goals)
    lines = [
        _listed("Market data: ", snapshot.datasets, "; ", "none installed"),
        _listed(
            "Target roles: ",
            [f"{r.role_title} (fit {round(r.fit * 100)}%)" for r in role_gaps],
            ", ",
            "none",
        ),
        "",
        f"Skills: {len(snapshot.levels)}",
        f"Goals: {len(snapshot.goals)}, with {steps} steps; "
        f"overall progress {round(snapshot.overall_progress * 100)}%",
        f"Evidence items: {len(snapshot.evidence)}",
        f"Progress history: {len(snapshot.history)} points",
        "",
        f"Long tables list their first {SECTION_ROWS} rows (target roles {ROLE_ROWS}, history",
        f"the latest {HISTORY_ROWS}); the CSV export lists every goal with its steps, and the",
        "JSON backup holds everything.",
        "",
        "Required depths, the Programming level and levels read from a resume are estimates:",
        "O*NET levels mapped onto L0–L5, and the wording of your resume; pay figures describe",
        "occupations and postings, not a prediction for you.",
    ]
    if snapshot.attributions:
        lines += ["", "Sources:"] + [_wrapped(text) for text in snapshot.attributions]
    # Wrapped here, not by matplotlib: its wrapping measures text with "$" as maths whatever
    # `text.parse_math` says, and failed on a role or dataset named with two of them.
    fig.text(0.06, 0.9, "\n".join(lines), fontsize=10, va="top", color=INK, linespacing=1.7)
    pdf.savefig(fig)


def _listed(label: str, items: Sequence[str], separator: str, none: str, width: int = 95) -> str:
    """`label` and `items` on lines that fit the page, each item kept whole on one line (a
    long one is wrapped on its own)."""
    lines, line = [], label
    for index, item in enumerate(items):
        piece = item + (separator if index < len(items) - 1 else "")
        if line.strip() and len(line) + len(piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    lines.append(line.rstrip() if items else label + none)
    return "\n".join(_wrapped(text, width) for text in lines)


def _wrapped(text: str, width: int = 95) -> str:
    """A long sentence (an attribution, the list of target roles) on lines that fit the page."""
    return "\n".join(textwrap.wrap(text, width)) or text


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
        rest=_more(len(rows) - SECTION_ROWS, "on the Profile screen"),
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
        rest=_more(len(rows) - SECTION_ROWS, "in the CSV export"),
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
            limit=ROLE_ROWS,
            rest=_more(len(role_rows) - ROLE_ROWS, "on the Gap screen"),
        )


def _step_counts(goal) -> str:
    """ "3 done, 1 learning, 3 to do" (skipped steps named only when there are some)."""
    states = {state: sum(s.state == state for s in goal.steps) for state in StepState}
    parts = [f"{states[StepState.DONE]} done", f"{states[StepState.LEARNING]} learning"]
    parts.append(f"{states[StepState.PENDING]} to do")
    if states[StepState.SKIPPED]:
        parts.append(f"{states[StepState.SKIPPED]} skipped")
    return ", ".join(parts)


def _roadmap_page(pdf, snapshot: RoadmapSnapshot) -> None:
    goals = _goal_bars(snapshot)
    evidence = Counter(item.skill_key for item in snapshot.evidence)
    rows = []
    for goal in snapshot.goals:
        review = next_review(goal)
        rows.append(
            (
                _clip(goal.skill_name, 30),
                f"L{goal.reached_level}/L{goal.target_level}",
                f"{round(goal.progress * 100)}%",
                _step_counts(goal),
                str(evidence.get(goal.skill_key, 0)),
                review.isoformat() if review else "",
            )
        )
    _chart_with_table(
        pdf,
        "Roadmap",
        f"Overall progress {round(snapshot.overall_progress * 100)}% of steps "
        "(skipped steps not counted). Evidence: the items logged for the goal's skill.",
        lambda area: draw_goal_progress(area, goals[:CHART_ROWS], PRINT),
        ("Skill", "Reached/target", "Progress", "Steps", "Evidence", "Next review"),
        rows,
        rest=_more(len(rows) - SECTION_ROWS, "with their steps in the CSV export"),
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
    latest = snapshot.history[-HISTORY_ROWS:][::-1]
    rows = [
        (
            p.at[:16].replace("T", " "),
            p.kind,
            _clip(p.subject_name),
            f"L{int(p.value)}" if p.kind == "skill" else f"{round(p.value * 100)}%",
            p.source,
        )
        for p in latest
    ]
    if rows:
        earlier = len(snapshot.history) - len(rows)
        note = f" {earlier} earlier points are in the JSON backup (and the charts)."
        fig = _page(
            "Progress history (table)",
            f"The latest {len(rows)} points, newest first." + (note if earlier else ""),
        )
        _table(
            fig.add_axes((0.06, 0.04, 0.88, 0.88)),
            ("When (UTC)", "Kind", "Subject", "Value", "Why"),
            rows,
        )
        pdf.savefig(fig)


def report_pdf_bytes(snapshot: RoadmapSnapshot, role_gaps: Sequence[RoleGapSummary] = ()) -> bytes:
    """The whole report as PDF bytes."""
    buffer = io.BytesIO()
    # Names from files are printed as written ("$" would start matplotlib's maths notation); the
    # lock keeps the chart thread from changing matplotlib's settings back meanwhile.
    with (
        MATPLOTLIB_LOCK,
        matplotlib.rc_context(LITERAL_TEXT),
        PdfPages(
            buffer,
            metadata={"Title": "Career Planner report", "Creator": f"Career Planner {__version__}"},
        ) as pdf,
    ):
        _cover_page(pdf, snapshot, role_gaps)
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
