"""The roadmap charts of the PDF report: the gap to each goal (or to a target role's
requirements) and each goal's steps by state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careerplanner.charts.frame import LEVEL_LABELS, LEVEL_TICKS, draw_nothing, finish_axes
from careerplanner.charts.theme import ChartTheme, new_axes
from careerplanner.core.roadmap import StepState

STATE_ORDER = (StepState.DONE, StepState.LEARNING, StepState.PENDING, StepState.SKIPPED)
# Learning, pending and skipped read as amber and two greys on light and dark paper alike.
OTHER_STATE_COLOURS = {
    StepState.LEARNING: "#f0a500",
    StepState.PENDING: "#b8b8b8",
    StepState.SKIPPED: "#e8e8e8",
}


@dataclass(frozen=True)
class GoalBar:
    """One goal in the gap and progress charts."""

    name: str
    counted: int
    target: int
    states: dict[StepState, int]


def draw_goal_gap(
    fig, goals: Sequence[GoalBar], theme: ChartTheme, title: str = "Gap to your goals"
) -> None:
    """Per goal (or per requirement of a role): the level that counts now (bar) against the
    target or required level (marker)."""
    ax = new_axes(fig, theme)
    if not goals:
        draw_nothing(ax, theme, title, "No goals on the roadmap yet.")
        return
    rows = list(range(len(goals)))
    ax.barh(
        rows,
        [g.target for g in goals],
        fill=False,
        edgecolor=theme.required,
        linestyle="--",
        linewidth=1,
        label="target",
    )
    ax.barh(rows, [g.counted for g in goals], height=0.5, color=theme.you, label="counts now")
    ax.set_yticks(rows, [g.name for g in goals])
    ax.invert_yaxis()
    ax.set_xlim(0, 5.2)
    ax.set_xticks(list(LEVEL_TICKS), LEVEL_LABELS)
    ax.legend(fontsize=7, loc="lower right", frameon=False)
    finish_axes(ax, theme, title, grid_axis="x")


def draw_goal_progress(fig, goals: Sequence[GoalBar], theme: ChartTheme) -> None:
    """Per goal: its steps stacked by state (done, learning, pending, skipped)."""
    title = "Roadmap progress: steps by state"
    ax = new_axes(fig, theme)
    if not goals:
        draw_nothing(ax, theme, title, "No goals on the roadmap yet.")
        return
    from matplotlib.ticker import MaxNLocator  # heavy: only when drawing

    colours = {StepState.DONE: theme.met, **OTHER_STATE_COLOURS}
    rows = list(range(len(goals)))
    left = [0] * len(goals)
    for state in STATE_ORDER:
        counts = [g.states.get(state, 0) for g in goals]
        ax.barh(
            rows,
            counts,
            left=left,
            color=colours[state],
            label=state.value,
            edgecolor=theme.background,
            linewidth=0.5,
        )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.set_yticks(rows, [g.name for g in goals])
    ax.invert_yaxis()
    ax.set_xlabel("steps", fontsize=8, color=theme.foreground)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False, ncols=4)
    finish_axes(ax, theme, title, grid_axis="x")
