"""Charts for the Market explorer: required-depth distribution, pay, demand by role."""

from __future__ import annotations

from collections.abc import Sequence

from careerplanner.charts.theme import ChartTheme, new_axes, style_axes


def draw_depth_distribution(fig, counts: Sequence[int], theme: ChartTheme, n: int = 0) -> None:
    """Postings requiring each level L0..L5 (bars), with the number of postings in the title."""
    ax = new_axes(fig, theme)
    style_axes(ax, theme)
    ax.bar([f"L{level}" for level in range(len(counts))], counts, color=theme.accent)
    ax.set_ylabel("Postings")
    if n:
        ax.set_title(f"Required depth (n = {n})", fontsize=10, loc="left")


def draw_pay_percentiles(
    fig, values: Sequence[tuple[str, float | None]], theme: ChartTheme, title: str = ""
) -> None:
    """Annual pay at each percentile (p10..p90) as bars, in thousands."""
    ax = new_axes(fig, theme)
    style_axes(ax, theme)
    labels = [label for label, _ in values]
    amounts = [(value or 0) / 1000 for _, value in values]
    bars = ax.bar(labels, amounts, color=theme.accent)
    for bar, (_, value) in zip(bars, values, strict=True):
        text = "n/a" if value is None else f"{value / 1000:.0f}k"
        ax.text(
            bar.get_x() + bar.get_width() / 2,
            bar.get_height(),
            text,
            ha="center",
            va="bottom",
            fontsize=8,
            color=theme.foreground,
        )
    ax.set_ylabel("Annual pay (thousands)")
    if title:
        ax.set_title(title, fontsize=10, loc="left")


def draw_share_bars(
    fig, items: Sequence[tuple[str, float]], theme: ChartTheme, xlabel: str = "Share (%)"
) -> None:
    """Horizontal bars of shares (0–1), largest on top: demand by role, pairings, importance."""
    ax = new_axes(fig, theme)
    style_axes(ax, theme)
    shown = list(items)[:15][::-1]
    ax.barh(
        [label[:30] for label, _ in shown], [share * 100 for _, share in shown], color=theme.accent
    )
    ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel)


def draw_seniority(
    fig, counts: Sequence[tuple[str, int]], theme: ChartTheme, title: str = ""
) -> None:
    """Postings per seniority (horizontal bars, most common on top), each with its share."""
    ax = new_axes(fig, theme)
    style_axes(ax, theme)
    shown = list(counts)[:10][::-1]
    total = sum(count for _, count in counts) or 1
    bars = ax.barh([name[:24] for name, _ in shown], [c for _, c in shown], color=theme.accent)
    for bar, (_, count) in zip(bars, shown, strict=True):
        ax.text(
            bar.get_width(),
            bar.get_y() + bar.get_height() / 2,
            f" {count} ({count / total:.0%})",
            va="center",
            fontsize=8,
            color=theme.foreground,
        )
    ax.set_xlim(0, max((c for _, c in shown), default=1) * 1.25)
    ax.set_xlabel("Postings")
    if title:
        ax.set_title(title, fontsize=10, loc="left")
