"""Colours and font for charts, chosen by the caller (the GUI derives them from its palette)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartTheme:
    background: str = "#ffffff"
    foreground: str = "#202020"
    grid: str = "#c8c8c8"
    accent: str = "#2f6fd6"
    you: str = "#1f6fbf"
    required: str = "#c0392b"
    met: str = "#1e8449"
    font_family: str = "DejaVu Sans"


LIGHT = ChartTheme()


def style_axes(ax, theme: ChartTheme) -> None:
    """Apply the theme's colours to one Axes (spines, ticks, labels, grid)."""
    ax.set_facecolor(theme.background)
    for spine in ax.spines.values():
        spine.set_color(theme.grid)
    ax.tick_params(colors=theme.foreground, labelsize=9)
    ax.xaxis.label.set_color(theme.foreground)
    ax.yaxis.label.set_color(theme.foreground)
    ax.title.set_color(theme.foreground)
    ax.grid(True, color=theme.grid, linewidth=0.5, alpha=0.6)
    ax.set_axisbelow(True)


def prepare_figure(fig, theme: ChartTheme) -> None:
    """Clear `fig` and give it the theme's background."""
    fig.clear()
    fig.set_facecolor(theme.background)
