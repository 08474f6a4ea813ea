"""Charts for the profile: one skill's level over time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from careerplanner.charts.theme import ChartTheme, prepare_figure, style_axes


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def draw_level_history(fig, points: Sequence[tuple[str, int]], theme: ChartTheme) -> None:
    """A step line of (ISO time, level) points: how the skill's level changed."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter  # only when drawing

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
    # Extend the last level to "now" (or a month on, for a single point) so the step is visible.
    end = max(times[-1] + timedelta(days=30), datetime.now(times[-1].tzinfo))
    times.append(end)
    levels.append(levels[-1])
    ax.step(times, levels, where="post", color=theme.accent, linewidth=2)
    ax.scatter(times[:-1], levels[:-1], color=theme.accent, s=24, zorder=3)
    ax.xaxis.set_major_locator(AutoDateLocator(minticks=2, maxticks=5))
    ax.xaxis.set_major_formatter(ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_yticks(range(6), [f"L{level}" for level in range(6)])
    ax.set_ylim(-0.3, 5.3)
