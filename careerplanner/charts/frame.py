"""The look shared by the profile, roadmap and progress charts (drawn in the PDF report, and
the progress ones on the Roadmap screen): a left title, no top or right axis line, a quiet
"nothing yet" message for empty data."""

from __future__ import annotations

from careerplanner.charts.theme import ChartTheme, style_axes

LEVEL_TICKS = range(6)
LEVEL_LABELS = [f"L{level}" for level in LEVEL_TICKS]


def finish_axes(ax, theme: ChartTheme, title: str, grid_axis: str = "both") -> None:
    """Style `ax` after drawing: the theme's colours, a left title, an open frame."""
    style_axes(ax, theme)
    if grid_axis == "x":
        ax.grid(False, axis="y")  # bars along x: rules across them would only add noise
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    if title:
        ax.set_title(title, color=theme.foreground, fontsize=11, loc="left")
    legend = ax.get_legend()
    if legend is not None:
        for text in legend.get_texts():
            text.set_color(theme.foreground)


def draw_nothing(ax, theme: ChartTheme, title: str, message: str) -> None:
    """A short message instead of an empty frame."""
    ax.set_facecolor(theme.background)
    if title:
        ax.set_title(title, color=theme.foreground, fontsize=11, loc="left")
    ax.text(
        0.5, 0.5, message, ha="center", va="center", color=theme.foreground, transform=ax.transAxes
    )
    ax.set_axis_off()
