"""Gap: your level against the required level for one or several target roles, with priority,
fit score and a what-if."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.gap import draw_fit_bars, draw_gap_dumbbell
from careerplanner.core.gap import Requirement, RoleGap, compare_roles, compute_gap
from careerplanner.core.gap import what_if as gap_what_if
from careerplanner.errors import UserError
from careerplanner.services import job_ads
from careerplanner.services.gap import pay_effect
from careerplanner.services.gap import set_own_level as store_own_level
from careerplanner.services.levels import user_data_version
from careerplanner.services.market_pages import role_requirements
from careerplanner.services.role_needs import estimated_levels
from careerplanner.store.user.targets import add_target_role, target_roles
from careerplanner.ui.common import dialogs
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.chart_panel import ChartPanel, make_table_view
from careerplanner.ui.common.context import AppContext
from careerplanner.ui.common.plain_text import plain_label
from careerplanner.ui.common.splitters import remember_splitter
from careerplanner.ui.common.table_model import Column, RowTableModel, sorted_view_model
from careerplanner.ui.common.when_shown import WhenShown
from careerplanner.ui.gap.explain import ExplainDialog
from careerplanner.ui.gap.models import ComparisonModel, GapRowModel
from careerplanner.ui.gap.side_column import build_side_column
from careerplanner.ui.roadmap import goal_plan_dialog
from careerplanner.ui.roadmap.goal_plan import add_planned_goals, plan_goals
from careerplanner.ui.roadmap.view import create_goals_from_top_gaps

__all__ = ["ComparisonModel", "GapRowModel", "GapView"]  # the models moved to gap_models

GOALS_FROM_ADS = 5  # as many as "Create goals" proposes for a role
ADS_PREFIX = "ads:"  # a group of the user's job ads (a tag) as a target beside O*NET roles
SIDE_COLUMN_WIDTH = 250
MIN_TABLE_ROWS = 8  # the gap table must show this many rows, and the chart this height, at
MIN_CHART_HEIGHT = 200  # 1024x640 (`careerplanner --smoke --all-screens --size 1024x640`)


class GroupTarget(NamedTuple):
    """A tag's ads in the shape of `role_requirements`' answer (title, requirements, note)."""

    title: str
    requirements: tuple[Requirement, ...]
    note: str = ""


def ads_title(tag: str) -> str:
    return f"Ads tagged “{tag}”"


class GapView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.gaps: list[RoleGap] = []
        self.requirements: dict[str, tuple] = {}
        self.role_notes: list[str] = []
        # (code, every technology?) -> (its requirements object, user data version, its gap)
        self._gap_cache: dict[tuple[str, bool], tuple] = {}
        self._shown_gap: RoleGap | None = None
        self._shown_once = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 8)
        header = QHBoxLayout()
        title = QLabel("Your gap")
        set_text_role(title, "title")
        header.addWidget(title)
        self.fit_label = plain_label()  # names from files: never HTML
        set_text_role(self.fit_label, "subtitle")
        self.fit_label.setAccessibleName("Fit scores")
        self.fit_label.setWordWrap(True)
        self.fit_label.setMinimumWidth(120)
        header.addWidget(self.fit_label, 1)
        self.explain_button = QPushButton("How is this computed?")
        self.explain_button.setAccessibleName("How the gap and fit are computed")
        self.explain_button.clicked.connect(self.explain)
        header.addWidget(self.explain_button)
        layout.addLayout(header)

        # Controls and explanations on the left (scrolling on a small screen), the chart and
        # table on the right where the height is: at 1024x640 the chart still gets 200 px and
        # the table 8 rows. The divider remembers where the user put it.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(build_side_column(self))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._by_role_tab(), "By role")
        self.tabs.addTab(self._side_by_side_tab(), "Side by side")
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        if not remember_splitter(self.splitter, ctx.settings, "gap"):
            self.splitter.setSizes([SIDE_COLUMN_WIDTH, 4 * SIDE_COLUMN_WIDTH])
        layout.addWidget(self.splitter, 1)

        self.role_list.itemChanged.connect(lambda _item: self.recompute())
        self.all_tech.toggled.connect(lambda _on: self.recompute())
        self.role_search.role_chosen.connect(self.add_role)
        # Behind another screen, a change only marks the gaps out of date; they are computed
        # again once, when this screen is next shown (a step ticked off on the Roadmap screen
        # must not recompute every target's gap for nothing the user sees).
        self._when_shown = WhenShown(self, self.recompute)
        ctx.events.profile_changed.connect(self._when_shown.request)
        ctx.events.dataset_changed.connect(self._when_shown.request)
        ctx.events.targets_changed.connect(self.reload_roles)
        ctx.events.ads_changed.connect(self.reload_roles)
        self.reload_roles()

    def _by_role_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 6, 0, 0)
        # The role shown and its goals button live in the side column (built first), not on
        # a row of their own: on a small window that row's height goes to the table.
        self.gap_model = GapRowModel(self)
        self.gap_proxy = sorted_view_model(self.gap_model, self)
        self.gap_panel = ChartPanel(
            "Your level against the required level", self._draw_gap, self.gap_proxy
        )
        layout.addWidget(self.gap_panel, 1)
        self.role_combo.currentIndexChanged.connect(lambda _i: self._show_role())
        return tab

    def _side_by_side_tab(self) -> QWidget:
        self.comparison_model = ComparisonModel(parent=self)
        self.comparison_proxy = sorted_view_model(self.comparison_model, self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.fit_panel = ChartPanel("Fit by role", draw_fit_bars, self._fit_table_model())
        splitter.addWidget(self.fit_panel)
        splitter.addWidget(make_table_view(self.comparison_proxy, "Requirements side by side"))
        return splitter

    def _fit_table_model(self):
        self.fit_model = RowTableModel(
            [
                Column("Role", lambda g: g.role_title),
                Column("Fit", lambda g: f"{g.fit:.0%}", lambda g: g.fit, numeric=True),
                Column(
                    "Requirements not met",
                    lambda g: f"{g.unmet_count} of {g.requirement_count}",
                    lambda g: g.unmet_count,
                ),
            ],
            self,
        )
        return self.fit_model

    @staticmethod
    def _draw_gap(fig, gap: RoleGap, theme) -> None:
        draw_gap_dumbbell(fig, gap.rows, theme, title=gap.role_title)

    # -- data ----------------------------------------------------------------------------------

    def add_role(self, code: str, title: str) -> None:
        add_target_role(self.ctx.user_db, code, title)
        self.ctx.events.targets_changed.emit()

    def reload_roles(self) -> None:
        ticked = self.checked_codes()
        known = {
            self.role_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.role_list.count())
        }
        self.role_list.blockSignals(True)
        self.role_list.clear()
        for target in target_roles(self.ctx.user_db):
            item = QListWidgetItem(f"{target.title} ({target.code})")
            item.setData(Qt.ItemDataRole.UserRole, target.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            new = target.code not in known
            on = new or target.code in ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.role_list.addItem(item)
        # Each tag of the user's job ads is a target too, off until ticked.
        for tag, count in job_ads.all_tags(self.ctx.user_db):
            code = ADS_PREFIX + tag
            item = QListWidgetItem(f"{ads_title(tag)} ({count} ads)")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = code in ticked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.role_list.addItem(item)
        self.role_list.blockSignals(False)
        self._when_shown.request()

    def checked_codes(self) -> list[str]:
        return [
            self.role_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.role_list.count())
            if self.role_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def recompute(self) -> None:
        """Recompute every ticked role's gap (quick reads and pure maths on the GUI thread).

        A role's gap is kept until its requirements (a new object per dataset version, see
        `role_requirements`) or the user's data (`user_data_version`) change, and nothing is
        redrawn when no gap changed: the screen recomputes on every profile, dataset and
        target-role signal, most of which leave a given role's gap as it was.
        """
        version = user_data_version(self.ctx.user_db)
        all_tech = self.all_tech.isChecked()
        levels = None
        kept: dict[tuple[str, bool], tuple] = {}
        gaps, requirements, notes = [], {}, []
        for code in self.checked_codes():
            if code.startswith(ADS_PREFIX):
                found = self._ads_requirements(code)
            else:
                found = role_requirements(self.ctx.market_db, code, all_tech)
            if found is None:
                continue
            entry = self._gap_cache.get((code, all_tech))
            if entry is None or entry[0] != found or entry[1] != version:
                if levels is None:
                    levels = estimated_levels(self.ctx.user_db, self.ctx.market_db)
                gap = compute_gap(code, found.title, found.requirements, levels)
                entry = (found, version, gap)
            kept[(code, all_tech)] = entry
            gaps.append(entry[2])
            requirements[code] = found.requirements
            if found.note:
                notes.append(f"{found.title}: {found.note}")
        self._gap_cache = kept
        unchanged = len(gaps) == len(self.gaps) and all(
            new is old for new, old in zip(gaps, self.gaps, strict=True)
        )
        self.gaps, self.requirements, self.role_notes = gaps, requirements, notes
        if unchanged and self._shown_once:
            return
        self._shown_once = True
        shown = self.role_combo.currentData()
        self.role_combo.blockSignals(True)
        self.role_combo.clear()
        for gap in self.gaps:
            self.role_combo.addItem(gap.role_title, gap.role_code)
        index = self.role_combo.findData(shown)
        self.role_combo.setCurrentIndex(index if index >= 0 else 0)
        self.role_combo.blockSignals(False)
        if self.gaps:
            self.fit_label.setText(
                "   ".join(f"{gap.role_title}: fit {gap.fit:.0%}" for gap in self.gaps)
            )
        else:
            self.fit_label.setText("Add a target role to see your gap.")
        self.comparison_model.set_roles(
            [gap.role_title for gap in self.gaps], compare_roles(self.gaps)
        )
        self.fit_model.set_rows(self.gaps)
        self.fit_panel.set_data([(gap.role_title, gap.fit) for gap in self.gaps] or None)
        self._show_role()

    def _ads_requirements(self, code: str) -> GroupTarget | None:
        """A tag's ads as a role: each skill weighted by the share of its ads asking for it, at
        the median of their levels (None: no ad has the tag any more)."""
        tag = code.removeprefix(ADS_PREFIX)
        try:
            found = job_ads.group_requirements(self.ctx.user_db, self.ctx.market_db, tag=tag)
        except UserError:
            return None
        return GroupTarget(ads_title(tag), tuple(found))

    def current_gap(self) -> RoleGap | None:
        code = self.role_combo.currentData()
        return next((gap for gap in self.gaps if gap.role_code == code), None)

    def _show_role(self) -> None:
        gap = self.current_gap()
        if gap is not None and gap is self._shown_gap:
            return  # the same gap object: its table, chart, what-ifs and pay are on screen
        self._shown_gap = gap
        self.gap_model.set_rows(gap.rows if gap else [])
        self.gap_panel.set_data(gap)
        self.source_label.setText(self._counts_text(gap))
        self.whatif_skill.blockSignals(True)
        self.whatif_skill.clear()
        for row in gap.missing if gap else ():
            self.whatif_skill.addItem(f"{row.skill_name} (L{row.your_level})", row.skill_key)
        for row in gap.unrated if gap else ():
            self.whatif_skill.addItem(f"{row.skill_name} (not rated)", row.skill_key)
        for row in gap.rows if gap else ():
            if row.estimated:
                self.whatif_skill.addItem(
                    f"{row.skill_name} ({row.your_level_text})", row.skill_key
                )
        self.whatif_skill.blockSignals(False)
        self._skill_for_whatif_changed()
        self._show_pay(gap)

    def _counts_text(self, gap: RoleGap | None) -> str:
        """What the fit counts for the shown role, with the same numbers as the table, the
        chart and the Start screen: rows listed, requirements counted, met, to grow."""
        if gap is None:
            return ""
        counted, to_grow = gap.requirement_count, gap.unmet_count
        if gap.role_code.startswith(ADS_PREFIX):
            return (
                f"{gap.role_title}: {counted} skills asked for, {counted - to_grow} met and "
                f"{to_grow} to grow. Each weighs the share of these ads asking for it; the "
                "required level is the median the ads ask. Fix an ad's requirements on the "
                "Job ads screen."
            )
        parts = [
            f"{gap.role_title}: {len(gap.rows)} requirements listed (the table shows them all); "
            f"the fit counts {counted} of them, {counted - to_grow} met and {to_grow} to grow.",
            "Technologies of one O*NET category count once, met by any one of them.",
        ]
        if gap.unrated:
            parts.append(
                f"{len(gap.unrated)} O*NET ratings are not counted until you set your level."
            )
        estimated = [row.skill_name for row in gap.rows if row.estimated]
        if estimated:
            parts.append(f"Your {', '.join(estimated)} level is estimated from your skills.")
        parts.append(
            "Required depths are estimates: O*NET levels mapped onto L0–L5 (How is this computed?)."
        )
        return " ".join(parts + self.role_notes)

    def _show_pay(self, gap: RoleGap | None) -> None:
        if gap is None:
            self.pay_label.setText("")
            return
        if gap.role_code.startswith(ADS_PREFIX):
            self.pay_label.setText("The pay these ads state: Job ads screen, The group tab.")
            return
        pay = pay_effect(self.ctx.market_db, gap, self.requirements.get(gap.role_code, ()))
        self.pay_label.setText("\n".join(pay.lines()))

    def set_own_level(self) -> None:
        """Keep the what-if level as the user's own level for the chosen requirement."""
        gap = self.current_gap()
        key = self.whatif_skill.currentData()
        row = next((r for r in gap.rows if r.skill_key == key), None) if gap else None
        if row is None:
            return
        level = int(self.whatif_level.currentData())
        store_own_level(self.ctx.user_db, row, level, f"set on the gap screen for {gap.role_title}")
        self.ctx.events.profile_changed.emit()

    def _skill_for_whatif_changed(self, *_args) -> None:
        gap = self.current_gap()
        key = self.whatif_skill.currentData()
        row = next((r for r in gap.rows if r.skill_key == key), None) if gap else None
        if row is not None:
            self.whatif_level.blockSignals(True)
            self.whatif_level.setCurrentIndex(row.required_level)
            self.whatif_level.blockSignals(False)
        self.update_what_if()

    def update_what_if(self) -> str:
        gap = self.current_gap()
        key = self.whatif_skill.currentData()
        if gap is None or key is None:
            text = "Nothing to change: you meet every requirement the fit counts." if gap else ""
        else:
            change = gap_what_if(gap, key, int(self.whatif_level.currentData()))
            text = change.sentence(gap.role_title)
        self.whatif_result.setText(text)
        return text

    def explain(self) -> None:
        ExplainDialog(self).open()

    def _create_goals(self) -> None:
        code = self.role_combo.currentData()
        if code and code.startswith(ADS_PREFIX):
            self.create_goals_from_ads()
            return
        if self.role_combo.currentData():
            create_goals_from_top_gaps(self.ctx, self.role_combo.currentData(), parent=self)

    def create_goals_from_ads(self, limit: int = GOALS_FROM_ADS) -> list:
        """Goals for the top priorities of the group of ads shown, planned as for a role (the
        user unticks what they do not want before anything is added)."""
        gap = self.current_gap()
        if gap is None:
            return []
        try:
            plan = plan_goals(gap, self.ctx.user_db, limit, date.today())
        except UserError as error:
            dialogs.show_error(self, str(error))
            return []
        chosen = goal_plan_dialog.ask_goal_plan(self, gap.role_title, plan)
        if not chosen:
            return []
        goals = add_planned_goals(self.ctx.user_db, chosen)
        self.ctx.events.profile_changed.emit()  # the Roadmap and the levels that count
        self.ctx.events.status_message.emit(
            f"Added {len(goals)} goals to your roadmap for {gap.role_title}."
        )
        return goals

    def table_rows_shown(self) -> int:
        table = self.gap_panel.table
        return table.viewport().height() // max(table.verticalHeader().defaultSectionSize(), 1)

    def usability_problems(self) -> list[str]:
        """Whether the gap table and chart have room enough (checked by the smoke run)."""
        problems = []
        if self.table_rows_shown() < MIN_TABLE_ROWS:
            problems.append(
                f"the gap table shows {self.table_rows_shown()} rows, fewer than {MIN_TABLE_ROWS}."
            )
        if self.gap_panel.chart.height() < MIN_CHART_HEIGHT:
            problems.append(
                f"the gap chart is {self.gap_panel.chart.height()} px tall, "
                f"less than {MIN_CHART_HEIGHT}."
            )
        return problems

    def exercise(self) -> None:
        """Draw both charts once (smoke test, screenshots)."""
        self.recompute()
        self.gap_panel.chart.draw_now()
        self.fit_panel.chart.draw_now()
