"""Chart builders for the PDF report (and any screen that wants them): `draw_x(ax, data)`.

Each builder draws into an Axes it is given, from plain data, and never touches pyplot or Qt:
the caller owns the Figure (a PdfPages page here, a canvas in the GUI). Empty data draws a short
"nothing yet" message instead of an empty frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import matplotlib.dates as mdates
from matplotlib.ticker import MaxNLocator

from careerplanner.core.roadmap import ProgressPoint, StepState

INK = "#202020"
GRID = "#c8c8c8"
COUNTED = "#1f6fbf"
AWAITING = "#9dc3ea"
TARGET = "#c0392b"
STATE_COLOURS = {
    StepState.DONE: "#1e8449",
    StepState.LEARNING: "#f0a500",
    StepState.PENDING: "#b8b8b8",
    StepState.SKIPPED: "#e8e8e8",
}
LEVEL_TICKS = range(6)
LEVEL_LABELS = [f"L{level}" for level in LEVEL_TICKS]
MAX_SERIES = 8  # lines per history chart


@dataclass(frozen=True)
class SkillBar:
    """One skill in the profile chart: the level that counts and the roadmap's level."""

    name: str
    counted: int
    roadmap: int = 0  # above `counted` while evidence is missing


@dataclass(frozen=True)
class GoalBar:
    """One goal in the gap and progress charts."""

    name: str
    counted: int
    target: int
    states: dict[StepState, int]


def _style(ax, title: str) -> None:
    ax.set_title(title, color=INK, fontsize=11, loc="left")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    ax.tick_params(labelsize=8, colors=INK)
    ax.grid(True, axis="x", color=GRID, linewidth=0.5)
    ax.set_axisbelow(True)


def _nothing(ax, title: str, message: str) -> None:
    ax.set_title(title, color=INK, fontsize=11, loc="left")
    ax.text(0.5, 0.5, message, ha="center", va="center", color=INK, transform=ax.transAxes)
    ax.set_axis_off()


def draw_profile_levels(ax, skills: Sequence[SkillBar]) -> None:
    """Horizontal bars of the level that counts per skill; a light extension shows a level
    reached on the roadmap that still waits for evidence."""
    title = "Your skills: the level that counts"
    if not skills:
        _nothing(ax, title, "No skills in the profile yet.")
        return
    names = [skill.name for skill in skills]
    rows = range(len(skills))
    ax.barh(rows, [s.counted for s in skills], color=COUNTED, label="counts")
    waiting = [max(0, s.roadmap - s.counted) for s in skills]
    if any(waiting):
        ax.barh(
            rows,
            waiting,
            left=[s.counted for s in skills],
            color=AWAITING,
            hatch="//",
            edgecolor=COUNTED,
            linewidth=0,
            label="reached on the roadmap, awaiting evidence",
        )
        ax.legend(fontsize=7, loc="lower right", frameon=False)
    ax.set_yticks(list(rows), names)
    ax.invert_yaxis()
    ax.set_xlim(0, 5)
    ax.set_xticks(list(LEVEL_TICKS), LEVEL_LABELS)
    _style(ax, title)


def draw_goal_gap(ax, goals: Sequence[GoalBar], title: str = "Gap to your goals") -> None:
    """Per goal (or per requirement of a role): the level that counts now (bar) against the
    target or required level (marker)."""
    if not goals:
        _nothing(ax, title, "No goals on the roadmap yet.")
        return
    rows = list(range(len(goals)))
    ax.barh(
        rows,
        [g.target for g in goals],
        fill=False,
        edgecolor=TARGET,
        linestyle="--",
        linewidth=1,
        label="target",
    )
    ax.barh(rows, [g.counted for g in goals], height=0.5, color=COUNTED, label="counts now")
    ax.set_yticks(rows, [g.name for g in goals])
    ax.invert_yaxis()
    ax.set_xlim(0, 5.2)
    ax.set_xticks(list(LEVEL_TICKS), LEVEL_LABELS)
    ax.legend(fontsize=7, loc="lower right", frameon=False)
    _style(ax, title)


def draw_goal_progress(ax, goals: Sequence[GoalBar]) -> None:
    """Per goal: its steps stacked by state (done, learning, pending, skipped)."""
    title = "Roadmap progress: steps by state"
    if not goals:
        _nothing(ax, title, "No goals on the roadmap yet.")
        return
    rows = list(range(len(goals)))
    left = [0] * len(goals)
    for state in (StepState.DONE, StepState.LEARNING, StepState.PENDING, StepState.SKIPPED):
        counts = [g.states.get(state, 0) for g in goals]
        ax.barh(
            rows,
            counts,
            left=left,
            color=STATE_COLOURS[state],
            label=state.value,
            edgecolor="white",
            linewidth=0.5,
        )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.set_yticks(rows, [g.name for g in goals])
    ax.invert_yaxis()
    ax.set_xlabel("steps", fontsize=8, color=INK)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False, ncols=4)
    _style(ax, title)


def _series(points: Sequence[ProgressPoint]) -> dict[str, tuple[str, list, list]]:
    """Points grouped by subject: key -> (latest name, times, values)."""
    series: dict[str, tuple[str, list, list]] = {}
    for point in points:
        _old_name, xs, ys = series.get(point.subject_key, ("", [], []))
        xs.append(datetime.fromisoformat(point.at.replace("Z", "+00:00")))
        ys.append(point.value)
        series[point.subject_key] = (point.subject_name, xs, ys)
    return series


def _draw_history(ax, points, title: str, empty: str, scale: float, until: datetime | None):
    if not points:
        _nothing(ax, title, empty)
        return
    stepped = until is not None
    series = _series(points)
    total = len(series)
    if total > MAX_SERIES:
        # A legend of dozens of lines helps no one: the most active ones; the table has all.
        keys = sorted(series, key=lambda key: (-len(series[key][1]), series[key][0]))
        series = {key: series[key] for key in keys[:MAX_SERIES]}
        title += f" ({MAX_SERIES} of {total} shown)"
    times = []
    for name, xs, ys in series.values():
        values = [y * scale for y in ys]
        if stepped:
            # A level holds until it changes: carry the last one to the report's date.
            ax.step([*xs, max(until, xs[-1])], [*values, values[-1]], where="post", label=name)
            ax.plot(xs, values, "o", markersize=3, color=ax.lines[-1].get_color())
        else:
            ax.plot(xs, values, marker="o", markersize=3, label=name)
        times += xs
    first, last = min(times), max([*times, until or times[0]])
    margin = max((last - first) * 0.05, timedelta(days=1))
    ax.set_xlim(first - margin, last + margin)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.legend(fontsize=7, loc="upper left", frameon=False, ncols=2)
    _style(ax, title)
    ax.grid(True, axis="y", color=GRID, linewidth=0.5)


def draw_level_history(ax, points: Sequence[ProgressPoint], until: datetime | None = None) -> None:
    """The level that counts per skill over time, as steps carried on to `until` (now)."""
    until = until or datetime.now(UTC)
    _draw_history(ax, points, "Skill levels over time", "No level changes recorded yet.", 1, until)
    if points:
        ax.set_ylim(-0.2, 5.2)
        ax.set_yticks(list(LEVEL_TICKS), LEVEL_LABELS)


def draw_fit_history(ax, points: Sequence[ProgressPoint]) -> None:
    """The fit score per target role over time, in percent."""
    _draw_history(
        ax, points, "Fit for your target roles over time", "No fit scores recorded yet.", 100, None
    )
    if points:
        ax.set_ylim(0, 100)
        ax.set_ylabel("fit %", fontsize=8, color=INK)
