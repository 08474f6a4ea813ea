"""Progress over time: the level of each skill and the fit for each target role, one line per
subject (the Roadmap screen, the PDF report), or one skill's level (the Profile screen)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from careerplanner.charts.frame import LEVEL_LABELS, LEVEL_TICKS, draw_nothing, finish_axes
from careerplanner.charts.theme import ChartTheme, new_axes
from careerplanner.core.roadmap import ProgressPoint

MAX_SERIES = 8  # lines per chart
LONE_POINT_SPAN = timedelta(days=30)  # a lone skill's last level is carried at least this far


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _series(points: Sequence[ProgressPoint]) -> dict[str, tuple[str, list, list]]:
    """Points grouped by subject: key -> (latest name, times, values)."""
    series: dict[str, tuple[str, list, list]] = {}
    for point in points:
        _old_name, xs, ys = series.get(point.subject_key, ("", [], []))
        xs.append(_when(point.at))
        ys.append(point.value)
        series[point.subject_key] = (point.subject_name, xs, ys)
    return series


def _draw_history(ax, theme, points, title, scale, until, legend) -> None:
    from matplotlib import dates  # heavy: only when drawing

    stepped = until is not None
    series = _series(points)
    total = len(series)
    if total > MAX_SERIES:
        # A legend of dozens of lines helps no one: the most active ones; the table has all.
        keys = sorted(series, key=lambda key: (-len(series[key][1]), series[key][0]))
        series = {key: series[key] for key in keys[:MAX_SERIES]}
        title += f" ({MAX_SERIES} of {total} shown)"
    # One subject (one skill on the Profile screen's small panel): the theme's colour, a bolder
    # line and few date ticks; several: the colour cycle and a legend.
    alone = len(series) == 1
    line = {"color": theme.accent, "linewidth": 2} if alone else {}
    dot = 5 if alone else 3
    times = [x for _name, xs, _ys in series.values() for x in xs]
    first, last = min(times), max(times)
    if stepped and alone:
        # A skill read from a resume a minute ago would otherwise be a dot, not a level.
        until = max(until, last + LONE_POINT_SPAN)
    for name, xs, ys in series.values():
        values = [y * scale for y in ys]
        if stepped:
            # A level holds until it changes: carry the last one to `until` (now).
            carried = ([*xs, max(until, xs[-1])], [*values, values[-1]])
            ax.step(*carried, where="post", label=name, **line)
            ax.plot(xs, values, "o", markersize=dot, color=ax.lines[-1].get_color())
        else:
            ax.plot(xs, values, marker="o", markersize=3, label=name, **line)
    last = max(last, until or first)
    margin = max((last - first) * 0.05, timedelta(days=1))
    ax.set_xlim(first - margin, last + margin)
    locator = dates.AutoDateLocator(minticks=2, maxticks=5) if alone else dates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    if legend:
        ax.legend(fontsize=7, loc="upper left", frameon=False, ncols=2)
    finish_axes(ax, theme, title)


def draw_level_history(
    fig,
    points: Sequence[ProgressPoint],
    theme: ChartTheme,
    *,
    until: datetime | None = None,
    title: str = "Skill levels over time",
    empty: str = "No level changes recorded yet.",
    legend: bool = True,
) -> None:
    """The level per skill over time, as steps carried on to `until` (default: now)."""
    ax = new_axes(fig, theme)
    if not points:
        draw_nothing(ax, theme, title, empty)
        return
    _draw_history(ax, theme, points, title, 1, until or datetime.now(UTC), legend)
    ax.set_ylim(-0.2, 5.2)
    ax.set_yticks(list(LEVEL_TICKS), LEVEL_LABELS)


def draw_fit_history(fig, points: Sequence[ProgressPoint], theme: ChartTheme) -> None:
    """The fit score per target role over time, in percent."""
    title = "Fit for your target roles over time"
    ax = new_axes(fig, theme)
    if not points:
        draw_nothing(ax, theme, title, "No fit scores recorded yet.")
        return
    _draw_history(ax, theme, points, title, 100, None, True)
    ax.set_ylim(0, 100)
    ax.set_ylabel("fit %", fontsize=8, color=theme.foreground)
