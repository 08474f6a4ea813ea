"""Charts for the profile: one skill's level over time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from careerplanner.charts.theme import ChartTheme, prepare_figure, style_axes


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def draw_level_history(fig, points: Sequence[tuple[str, int]], theme: ChartTheme) -> None:
    """A step line of (ISO time, level) points: how the skill's level changed."""
    prepare_figure(fig, theme)
    ax = fig.add_subplot(1, 1, 1)
    style_axes(ax, theme)
    if not points:
        ax.text(
            0.5,
            0.5,
            "No history yet",
            ha="center",
            va="center",
            color=theme.foreground,
            transform=ax.transAxes,
        )
        ax.set_axis_off()
        return
    times = [_when(at) for at, _ in points]
    levels = [level for _, level in points]
    if len(times) == 1:
        times = times * 2
        levels = levels * 2
    ax.step(times, levels, where="post", color=theme.accent, linewidth=2)
    ax.scatter(times, levels, color=theme.accent, s=24, zorder=3)
    ax.set_yticks(range(6), [f"L{level}" for level in range(6)])
    ax.set_ylim(-0.3, 5.3)
    fig.autofmt_xdate(rotation=30)
