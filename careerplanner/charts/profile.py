"""The profile chart of the PDF report: the level that counts per skill, and what a level
reached on the roadmap still waits for (evidence)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from careerplanner.charts.frame import LEVEL_LABELS, LEVEL_TICKS, draw_nothing, finish_axes
from careerplanner.charts.theme import ChartTheme, new_axes

AWAITING = "#9dc3ea"  # a light shade of the counted bar's blue


@dataclass(frozen=True)
class SkillBar:
    """One skill in the profile chart: the level that counts and the roadmap's level."""

    name: str
    counted: int
    roadmap: int = 0  # above `counted` while evidence is missing


def draw_profile_levels(fig, skills: Sequence[SkillBar], theme: ChartTheme) -> None:
    """Horizontal bars of the level that counts per skill; a light extension shows a level
    reached on the roadmap that still waits for evidence."""
    title = "Your skills: the level that counts"
    ax = new_axes(fig, theme)
    if not skills:
        draw_nothing(ax, theme, title, "No skills in the profile yet.")
        return
    names = [skill.name for skill in skills]
    rows = range(len(skills))
    ax.barh(rows, [s.counted for s in skills], color=theme.you, label="counts")
    waiting = [max(0, s.roadmap - s.counted) for s in skills]
    if any(waiting):
        ax.barh(
            rows,
            waiting,
            left=[s.counted for s in skills],
            color=AWAITING,
            hatch="//",
            edgecolor=theme.you,
            linewidth=0,
            label="reached on the roadmap, awaiting evidence",
        )
        ax.legend(fontsize=7, loc="lower right", frameon=False)
    ax.set_yticks(list(rows), names)
    ax.invert_yaxis()
    ax.set_xlim(0, 5)
    ax.set_xticks(list(LEVEL_TICKS), LEVEL_LABELS)
    finish_axes(ax, theme, title, grid_axis="x")
