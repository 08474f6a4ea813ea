"""The gap dumbbell: your level and the required level per skill, one line per skill.

A requirement the user has not rated (an O*NET skill or knowledge rating) shows only its
required level, as a hollow marker, and its label says "not rated": there is no level to draw.
"""

from __future__ import annotations

from collections.abc import Sequence

from careerplanner.charts.theme import ChartTheme, new_axes, style_axes
from careerplanner.core.gap import GapRow

MAX_ROWS = 25  # more rows than this stop being readable; the table beside it has them all
ROW_PIXELS = 15  # the height one skill's line needs for its 8 pt label not to touch the next
TOP_PIXELS, BOTTOM_PIXELS = 30, 62  # the title; the level ticks, the "Top n of m" and the legend


def draw_gap_dumbbell(fig, rows: Sequence[GapRow], theme: ChartTheme, title: str = "") -> None:
    """Draw `rows` (already in the order to show, top first) as a dumbbell chart on `fig`."""
    ax = new_axes(fig, theme)
    style_axes(ax, theme)
    shown = list(rows)[: rows_that_fit(fig)]
    if not shown:
        ax.text(
            0.5,
            0.5,
            "No requirements",
            ha="center",
            va="center",
            color=theme.foreground,
            transform=ax.transAxes,
        )
        ax.set_axis_off()
        return
    positions = list(range(len(shown)))[::-1]
    for y, row in zip(positions, shown, strict=True):
        if not row.rated:
            continue
        color = theme.met if row.met or row.covered_by else theme.required
        ax.plot(
            [row.your_level, row.required_level],
            [y, y],
            color=color,
            linewidth=2.5,
            alpha=0.7,
            solid_capstyle="round",
        )
    rated = [(y, row) for y, row in zip(positions, shown, strict=True) if row.rated]
    unrated = [(y, row) for y, row in zip(positions, shown, strict=True) if not row.rated]
    ax.scatter(
        [row.your_level for _, row in rated],
        [y for y, _ in rated],
        color=theme.you,
        s=46,
        zorder=3,
        label="You",
    )
    ax.scatter(
        [row.required_level for _, row in rated],
        [y for y, _ in rated],
        color=theme.required,
        s=46,
        zorder=3,
        marker="D",
        label="Required",
    )
    if unrated:
        ax.scatter(
            [row.required_level for _, row in unrated],
            [y for y, _ in unrated],
            facecolors="none",
            edgecolors=theme.required,
            s=46,
            zorder=3,
            marker="D",
            label="Required (you: not rated)",
        )
    ax.set_yticks(positions, [_label(row) for row in shown], fontsize=8)
    ax.set_xticks(range(6), [f"L{level}" for level in range(6)])
    ax.set_xlim(-0.3, 5.3)
    ax.set_ylim(-0.7, len(shown) - 0.3)
    ax.grid(True, axis="x")
    ax.grid(False, axis="y")
    # The legend sits under the chart, never over the title (it did at 1366x768).
    legend = fig.legend(
        *ax.get_legend_handles_labels(),
        loc="lower center",
        ncols=3,
        fontsize=8,
        frameon=False,
        borderaxespad=0.2,
    )
    for text in legend.get_texts():
        text.set_color(theme.foreground)
    if title:
        ax.set_title(title, loc="left", fontsize=10, pad=6, color=theme.foreground)
    if len(rows) > len(shown):
        ax.set_xlabel(f"Top {len(shown)} of {len(rows)} listed, by priority", fontsize=8)
    _fit_margins(fig, max(len(_label(row)) for row in shown))


def rows_that_fit(fig) -> int:
    """How many skills the figure has room for, up to MAX_ROWS: fewer on a small window, where
    labels would otherwise overlap (the table beside the chart lists them all)."""
    scale = fig.dpi / 100
    height_px = fig.get_figheight() * fig.dpi
    room = height_px - (TOP_PIXELS + BOTTOM_PIXELS) * scale
    return max(3, min(MAX_ROWS, int(room // (ROW_PIXELS * scale))))


def _fit_margins(fig, label_chars: int) -> None:
    """Margins from the longest label: constrained layout costs more than the whole drawing."""
    fig.set_layout_engine(None)
    width_px = fig.get_figwidth() * fig.dpi
    height_px = fig.get_figheight() * fig.dpi
    scale = fig.dpi / 100
    left = min(0.5, (18 + 6.9 * label_chars) * scale / width_px)
    fig.subplots_adjust(
        left=left,
        right=1 - 12 * scale / width_px,
        top=1 - TOP_PIXELS * scale / height_px,
        bottom=BOTTOM_PIXELS * scale / height_px,
    )


def _label(row: GapRow) -> str:
    return _short(row.skill_name) + ("" if row.rated else " (not rated)")


def _short(name: str, limit: int = 26) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def draw_fit_bars(fig, fits: Sequence[tuple[str, float]], theme: ChartTheme) -> None:
    """Fit score per role (0–100%), for roles side by side."""
    ax = new_axes(fig, theme)
    style_axes(ax, theme)
    labels = [title[:28] for title, _ in fits][::-1]
    values = [share * 100 for _, share in fits][::-1]
    ax.barh(labels, values, color=theme.accent)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Fit score (%)")
    for y, value in enumerate(values):
        ax.text(
            min(value + 1, 92), y, f"{value:.0f}%", va="center", color=theme.foreground, fontsize=9
        )
