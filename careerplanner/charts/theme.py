"""Colours and type sizes for charts, chosen by the caller: the GUI derives a theme from its
palette (light or dark), the PDF report draws with `PRINT`."""

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
    tick_size: float = 9
    grid_alpha: float = 0.6
    frame: str | None = None  # the axes' lines; None: the grid colour (quiet on a screen)


LIGHT = ChartTheme()

# Paper: smaller ticks, solid grid lines and black axes read better printed than the screen's.
PRINT = ChartTheme(accent="#1f77b4", tick_size=8, grid_alpha=1.0, frame="black")


def style_axes(ax, theme: ChartTheme) -> None:
    """Apply the theme's colours to one Axes (spines, ticks, labels, grid)."""
    ax.set_facecolor(theme.background)
    for spine in ax.spines.values():
        spine.set_color(theme.frame or theme.grid)
    ax.tick_params(colors=theme.foreground, labelsize=theme.tick_size)
    ax.xaxis.label.set_color(theme.foreground)
    ax.yaxis.label.set_color(theme.foreground)
    ax.title.set_color(theme.foreground)
    ax.grid(True, color=theme.grid, linewidth=0.5, alpha=theme.grid_alpha)
    ax.set_axisbelow(True)


def prepare_figure(fig, theme: ChartTheme) -> None:
    """Clear `fig` (a Figure, or a SubFigure of a report page) and give it the background."""
    fig.clear()
    fig.set_facecolor(theme.background)


def new_axes(fig, theme: ChartTheme):
    """The one Axes a builder draws on, filling `fig`, on a cleared themed background."""
    prepare_figure(fig, theme)
    return fig.add_subplot(1, 1, 1)
