"""Table models of the Job ads screen, over the job-ads service's dataclasses.

The list of ads is filtered by a proxy that keeps one lower-cased line per ad (title, company,
location, tags, status, file) and tests the tag and status as plain values, so 500 ads filter in
a few milliseconds (benchmarks/ads_screen.py prints the figure).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from careerplanner.core.market import SMALL_SAMPLE_N
from careerplanner.services.job_ads import (
    AdFitRow,
    AdRequirementView,
    AdSummary,
    GroupSkill,
)
from careerplanner.ui.common.table_model import (
    ROW_ROLE,
    SORT_ROLE,
    Column,
    RowTableModel,
    level_text,
    money_text,
    percent_text,
)

# Qt 6.10 replaced invalidating the filter by a begin/end pair (the old calls warn); 6.7-6.9
# have only the old one.
_FILTER_CHANGE = hasattr(QSortFilterProxyModel, "beginFilterChange")
REQUIRED_TEXT = {"must": "must", "nice": "nice"}


def fit_text(fit: float | None) -> str:
    return "…" if fit is None else f"{fit:.0%}"


def _tags_text(ad: AdSummary) -> str:
    return ", ".join(ad.tags)


def _asks_text(ad: AdSummary) -> str:
    return f"{ad.must_count} must, {ad.nice_count} nice"


def _status_text(ad: AdSummary) -> str:
    return f"{ad.status} since {ad.status_at[:10]}" if ad.status_at else ad.status


AD_COLUMNS: list[Column[AdSummary]] = [
    Column(
        "Title",
        lambda a: a.title or a.source_name,
        lambda a: (a.title or a.source_name).casefold(),
        lambda a: f"{a.title}\n{a.location}" if a.location else a.title,
    ),
    Column("Company", lambda a: a.company, lambda a: a.company.casefold()),
    Column(
        "Fit", lambda a: fit_text(a.fit), lambda a: -1.0 if a.fit is None else a.fit, None, True
    ),
    Column("Status", lambda a: a.status, lambda a: a.status_at, _status_text),
    Column("Tags", _tags_text, lambda a: _tags_text(a).casefold(), _tags_text),
    Column("Seen", lambda a: a.seen_on or "—", lambda a: a.seen_on or ""),
    Column("Asks", _asks_text, lambda a: a.must_count + a.nice_count),
]
FIT_COLUMN, STATUS_COLUMN = 2, 3


class AdListModel(RowTableModel[AdSummary]):
    """Every ad of the collection; the fit column fills in when the fits arrive."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(AD_COLUMNS, parent)
        self._fits: dict[int, float] = {}
        self.haystacks: list[str] = []

    def set_rows(self, rows) -> None:
        rows = [self._with_fit(ad) for ad in rows]
        self.haystacks = [_haystack(ad) for ad in rows]
        super().set_rows(rows)

    def _with_fit(self, ad: AdSummary) -> AdSummary:
        fit = self._fits.get(ad.id)
        if fit is None or ad.fit is not None:
            return ad
        return _replace_fit(ad, fit)

    def set_fits(self, fits: dict[int, float | None]) -> None:
        """The fit of each ad (computed off the UI thread): the column updates in place."""
        self._fits = {ad_id: fit for ad_id, fit in fits.items() if fit is not None}
        self._rows = [_replace_fit(ad, self._fits.get(ad.id)) for ad in self._rows]
        if self._rows:
            self.dataChanged.emit(
                self.index(0, FIT_COLUMN), self.index(len(self._rows) - 1, FIT_COLUMN)
            )

    def row_of(self, ad_id: int) -> int | None:
        for number, ad in enumerate(self._rows):
            if ad.id == ad_id:
                return number
        return None


def _replace_fit(ad: AdSummary, fit: float | None) -> AdSummary:
    return ad if ad.fit == fit else replace(ad, fit=fit)


def _haystack(ad: AdSummary) -> str:
    parts = (ad.title, ad.company, ad.location, ad.status, ad.source_name, *ad.tags)
    return " ".join(parts).casefold()


class AdFilterProxy(QSortFilterProxyModel):
    """Filters ads by a tag, a status and words (each word must appear); sorts by SORT_ROLE."""

    def __init__(self, source: AdListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self._source = source
        self._words: list[str] = []
        self._tag: str | None = None
        self._status: str | None = None

    def set_filter(self, text: str = "", tag: str | None = None, status: str | None = None):
        words = text.casefold().split()
        if (words, tag, status) == (self._words, self._tag, self._status):
            return
        if _FILTER_CHANGE:
            self.beginFilterChange()
        self._words, self._tag, self._status = words, tag, status
        if _FILTER_CHANGE:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        ad = self._source._rows[row]
        if self._status is not None and ad.status != self._status:
            return False
        if self._tag is not None and self._tag not in ad.tags:
            return False
        if self._words:
            haystack = self._source.haystacks[row]
            return all(word in haystack for word in self._words)
        return True

    def shown_ids(self) -> list[int]:
        ids = []
        for row in range(self.rowCount()):
            source_row = self.mapToSource(self.index(row, 0)).row()
            ids.append(self._source._rows[source_row].id)
        return ids


def _words_behind(req: AdRequirementView) -> str:
    if not req.evidence:
        return "added by you" if req.fix == "added" else ", ".join(req.aliases)
    sentence, reason = req.evidence[0]
    return f"{reason}: “{sentence}”" if reason else sentence


def _all_words(req: AdRequirementView) -> str:
    lines = [f"{reason}: “{sentence}”" if reason else sentence for sentence, reason in req.evidence]
    if req.aliases:
        lines.append("Named as: " + ", ".join(req.aliases))
    return "\n".join(lines)


def _fix_text(req: AdRequirementView) -> str:
    if req.fix == "added":
        return "added by you"
    if req.fix == "changed":
        was = f"L{req.read_level} {req.read_required}" if req.read_level is not None else "—"
        return f"changed (read as {was})"
    return ""


REQUIREMENT_COLUMNS: list[Column[AdRequirementView]] = [
    Column("Skill", lambda r: r.skill_name, lambda r: r.skill_name.casefold()),
    Column("Must/nice", lambda r: REQUIRED_TEXT.get(r.required, r.required)),
    Column("Level", lambda r: level_text(r.level), lambda r: r.level),
    Column("Words behind it", _words_behind, tooltip=_all_words),
    Column("Your fix", _fix_text),
]


class RequirementModel(RowTableModel[AdRequirementView]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(REQUIREMENT_COLUMNS, parent)


def _your_level(row: AdFitRow) -> str:
    text = level_text(row.your_level)
    return f"{text} (as {row.level_from})" if row.level_from else text


FIT_COLUMNS: list[Column[AdFitRow]] = [
    Column("Skill", lambda r: r.skill_name, lambda r: r.skill_name.casefold()),
    Column("Must/nice", lambda r: REQUIRED_TEXT.get(r.required, r.required)),
    Column("Required", lambda r: level_text(r.required_level), lambda r: r.required_level),
    Column("Yours", _your_level, lambda r: r.your_level),
    # Left-aligned: the last column stretches, and a figure at its far end is read apart.
    Column(
        "Gap", lambda r: (f"{r.gap} level" + "s" * (r.gap > 1)) if r.gap else "met", lambda r: r.gap
    ),
]


class FitModel(RowTableModel[AdFitRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(FIT_COLUMNS, parent)


def _share_text(share: float, n: int, of: int) -> str:
    return f"{share:.0%} ({n} of {of})" if n else "—"


def _distribution_text(skill: GroupSkill) -> str:
    return " ".join(str(count) for count in skill.depth_distribution)


def _pay_text(median: float | None, n: int) -> str:
    return "—" if median is None else f"{money_text(median)} (n={n})"


def _sample_text(skill: GroupSkill) -> str:
    if skill.small_sample:
        return f"small sample (n={skill.n} < {SMALL_SAMPLE_N})"
    if skill.depth_small_sample:
        return f"depth: small sample ({skill.asked_n} ads)"
    return ""


GROUP_COLUMNS: list[Column[GroupSkill]] = [
    Column("Skill", lambda s: s.skill_name, lambda s: s.skill_name.casefold()),
    Column(
        "Asked",
        lambda s: _share_text(s.asked_share, s.asked_n, s.n),
        lambda s: s.asked_share,
        numeric=True,
    ),
    Column(
        "Must",
        lambda s: _share_text(s.must_share, s.must_n, s.n),
        lambda s: s.must_share,
        None,
        True,
    ),
    Column(
        "Nice",
        lambda s: _share_text(s.nice_share, s.nice_n, s.n),
        lambda s: s.nice_share,
        None,
        True,
    ),
    Column(
        "Depth",
        lambda s: f"L{s.depth_median:g}" if s.asked_n else "—",
        lambda s: s.depth_median,
        lambda s: "Ads asking for each level, L0 to L5: " + _distribution_text(s),
    ),
    Column("L0–L5", _distribution_text),
    Column(
        "Pay with",
        lambda s: _pay_text(s.salary_with_median, s.salary_with_n),
        lambda s: s.salary_with_median or 0.0,
        numeric=True,
    ),
    Column(
        "Pay without",
        lambda s: _pay_text(s.salary_without_median, s.salary_without_n),
        lambda s: s.salary_without_median or 0.0,
        numeric=True,
    ),
    Column("Sample", _sample_text),
]


class GroupSkillModel(RowTableModel[GroupSkill]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(GROUP_COLUMNS, parent)


class PairingModel(RowTableModel):
    """Pairings of a group: `(skill name, other name, Pairing)` rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("Skill", lambda p: p[0], lambda p: p[0].casefold()),
                Column("Asked with", lambda p: p[1], lambda p: p[1].casefold()),
                Column(
                    "Share",
                    lambda p: f"{percent_text(p[2].share)} ({p[2].together} ads)",
                    lambda p: p[2].share,
                    lambda p: f"{p[2].together} ads ask for both",
                    True,
                ),
                Column("Lift", lambda p: f"{p[2].lift:.2f}", lambda p: p[2].lift, None, True),
            ],
            parent,
        )


def selected_ids(view) -> list[int]:
    """The ids of the ads selected in the list's view (in the order shown)."""
    proxy = view.model()
    rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
    return [proxy.data(proxy.index(row, 0), ROW_ROLE).id for row in rows]
