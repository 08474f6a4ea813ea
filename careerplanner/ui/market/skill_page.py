"""The Market screen's skill page: `services.skill_page.SkillPage` shown as a summary of its
figures (each with its n), the required-depth chart with its table, and tabs for the roles its
demand comes from, its pairings, the seniority of the postings asking for it and the O*NET
occupations that list it. The command line prints the same page (`market skill`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.market import draw_depth_distribution, draw_seniority
from careerplanner.core.levels import LEVEL_INFO
from careerplanner.errors import UserError
from careerplanner.services.skill_page import (
    DepthLevel,
    PairedSkill,
    RoleDemand,
    SkillPage,
    skill_page,
)
from careerplanner.services.skill_search import find_skills_fast
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.chart_panel import ChartPanel, make_table_view
from careerplanner.ui.common.context import AppContext
from careerplanner.ui.common.splitters import remember_splitter
from careerplanner.ui.common.table_model import Column, RowTableModel, money_text, sorted_view_model

SEARCH_DELAY_MS = 200  # wait for a pause in typing before searching (as the role search)
SMALL = "small sample"

DEPTH_COLUMNS: list[Column[DepthLevel]] = [
    Column("Level", lambda d: f"{d.code} {d.name}", lambda d: d.level, lambda d: d.meaning),
    Column(
        "Postings", lambda d: f"{d.postings} ({d.share:.0%})", lambda d: d.postings, numeric=True
    ),
    Column("In practice", lambda d: d.meaning, tooltip=lambda d: d.meaning),
]
ROLE_DEMAND_COLUMNS: list[Column[RoleDemand]] = [
    Column("Role (postings)", lambda r: r.role, lambda r: r.role.casefold()),
    Column("Asking", lambda r: str(r.jobs_with_skill), lambda r: r.jobs_with_skill, numeric=True),
    Column("Of (n)", lambda r: str(r.jobs), lambda r: r.jobs, numeric=True),
    Column("Demand", lambda r: f"{r.demand_rate:.0%}", lambda r: r.demand_rate, numeric=True),
    Column("Depth median", lambda r: f"L{r.depth_median:g}", lambda r: r.depth_median),
    Column("Note", lambda r: SMALL if r.small_sample else ""),
]
PAIRING_COLUMNS: list[Column[PairedSkill]] = [
    Column("Often together with", lambda p: p.name, lambda p: p.name.casefold()),
    Column("Postings", lambda p: str(p.together), lambda p: p.together, numeric=True),
    Column("Share", lambda p: f"{p.share:.0%}", lambda p: p.share, numeric=True),
    Column("Lift", lambda p: f"{p.lift:.1f}×", lambda p: p.lift, numeric=True),
]
SENIORITY_COLUMNS: list[Column[tuple[str, int, float]]] = [
    Column("Seniority", lambda s: s[0]),
    Column("Postings", lambda s: str(s[1]), lambda s: s[1], numeric=True),
    Column("Share", lambda s: f"{s[2]:.0%}", lambda s: s[2], numeric=True),
]
OCCUPATION_COLUMNS: list[Column[tuple[str, str, bool, bool]]] = [
    Column("Occupation", lambda o: o[1]),
    Column("Code", lambda o: o[0]),
    Column("Hot", lambda o: "yes" if o[2] else ""),
    Column("In Demand", lambda o: "yes" if o[3] else ""),
]


def _label(text: str = "", role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        set_text_role(label, role)
    return label


def summary_lines(page: SkillPage) -> list[str]:
    """The page's headline figures, each with its n (the tabs hold the rest)."""
    demand = page.postings
    lines = []
    if demand is None:
        lines.append(page.postings_note)
    else:
        f = demand.figures
        small = f" ({SMALL})" if demand.small_sample else ""
        lines.append(f"Job postings, {demand.source}: {f.jobs} jobs analysed{small}.")
        split = (
            "must / nice to have not recorded in this version"
            if demand.jobs_must is None
            else f"must {demand.jobs_must}, nice to have {demand.jobs_nice}"
        )
        lines.append(
            f"Demand rate {f.demand_rate:.0%}: {f.jobs_with_skill} of {f.jobs} postings ask for "
            f"it ({split})."
        )
        level = demand.median_level
        depth_small = f" ({SMALL})" if demand.depth_small_sample else ""
        lines.append(
            f"Required depth: median L{f.depth_median:g}, mean L{f.depth_mean:.1f} "
            f"(n = {f.jobs_with_skill}){depth_small}. {level.code} {level.title}: "
            f"{LEVEL_INFO[level].meaning}."
        )
        pay_small = f" ({SMALL})" if demand.pay_small_sample else ""
        lines.append(
            f"Median pay with it {money_text(f.salary_with_median)} (n = {f.salary_with_n}), "
            f"without {money_text(f.salary_without_median)} (n = {f.salary_without_n}){pay_small}."
        )
    if page.onet is not None:
        onet = page.onet
        lines.append(
            f"{page.onet_source}: listed for {onet.occupations} of {onet.total_occupations} "
            f"occupations; Hot Technology in {onet.hot}, In Demand in {onet.in_demand}."
        )
    return lines


class SkillPageView(QWidget):
    """Skill Demand Index: how often and how deep the market asks for one skill."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page: SkillPage | None = None
        # Two columns that give way: the search keeps a narrow column, the page the rest.
        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(columns)
        left_pane = QWidget()
        left = QVBoxLayout(left_pane)
        left.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a skill or technology, e.g. Microsoft Excel")
        self.search.setAccessibleName("Skill search")
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setAccessibleName("Matching skills")
        left.addWidget(self.search)
        left.addWidget(self.matches, 1)
        columns.addWidget(left_pane)

        self.title = _label("Choose a skill", "subtitle")
        self.figures = _label()
        self.figures.setAccessibleName("Skill figures")
        self.warning = _label("", "warning")
        self.warning.hide()
        self.honesty = _label("", "hint")
        # The figures' text scrolls in the first pane of a splitter: wrapped labels outside a
        # scroll area would make the page taller than a 1024x640 window.
        text = QWidget()
        text_layout = QVBoxLayout(text)
        text_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.figures, self.warning, self.honesty):
            text_layout.addWidget(widget)
        text_layout.addStretch(1)
        text_pane = QScrollArea()
        text_pane.setWidget(text)
        text_pane.setWidgetResizable(True)
        text_pane.setFrameShape(QFrame.Shape.NoFrame)
        text_pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(text_pane)
        self.details = QTabWidget()
        self.depth_model = RowTableModel(DEPTH_COLUMNS, self)
        # Six rows (L0–L5): side by side always, so the page fits a 1024x640 window.
        self.depth_panel = ChartPanel(
            "Required depth",
            self._draw_depth,
            self.depth_model,
            first_column_width=96,
            beside=(1, 1),
            stack_below=0,
        )
        self.details.addTab(self.depth_panel, "Required depth")
        self.role_model = RowTableModel(ROLE_DEMAND_COLUMNS, self)
        self.roles_table = make_table_view(
            sorted_view_model(self.role_model, self), "Demand by role"
        )
        self.details.addTab(self.roles_table, "Demand by role")
        self.pairing_model = RowTableModel(PAIRING_COLUMNS, self)
        self.pairings_table = make_table_view(
            sorted_view_model(self.pairing_model, self), "Skills paired with it"
        )
        self.details.addTab(self.pairings_table, "Pairings")
        self.seniority_model = RowTableModel(SENIORITY_COLUMNS, self)
        self.seniority_panel = ChartPanel(
            "Seniority", self._draw_seniority, self.seniority_model, first_column_width=150
        )
        self.details.addTab(self.seniority_panel, "Seniority")
        self.occupation_model = RowTableModel(OCCUPATION_COLUMNS, self)
        self.occupations = make_table_view(
            sorted_view_model(self.occupation_model, self), "Occupations that list the skill"
        )
        self.details.addTab(self.occupations, "Occupations (O*NET)")
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        if not remember_splitter(splitter, ctx.settings, "market-skill"):
            splitter.setSizes([150, 400])  # the figures' text, the chart and tables
        columns.addWidget(splitter)
        columns.setStretchFactor(0, 1)
        columns.setStretchFactor(1, 4)
        if not remember_splitter(columns, ctx.settings, "market-skill-columns"):
            columns.setSizes([220, 780])
        # Search once typing pauses, over the names held in memory (services.skill_search).
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.find_now)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.matches.currentItemChanged.connect(self._chosen)
        ctx.events.dataset_changed.connect(self._dataset_changed)

    @staticmethod
    def _draw_depth(fig, data, theme) -> None:
        counts, n = data
        draw_depth_distribution(fig, counts, theme, n)

    @staticmethod
    def _draw_seniority(fig, data, theme) -> None:
        rows, title = data
        draw_seniority(fig, [(name, count) for name, count, _share in rows], theme, title)

    def find_now(self) -> None:
        self._search_timer.stop()
        self.find(self.search.text())

    def find(self, text: str) -> None:
        self.matches.clear()
        if len(text.strip()) < 2:
            return
        for key, name, where in find_skills_fast(self.ctx.market_db, text):
            item = QListWidgetItem(f"{name}  ({where})")
            item.setData(Qt.ItemDataRole.UserRole, (key, name))
            self.matches.addItem(item)

    def _chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.show_skill(*item.data(Qt.ItemDataRole.UserRole))

    def _dataset_changed(self) -> None:
        if self.page is not None:
            self.show_skill(self.page.key, self.page.name)

    def show_skill(self, key: str, name: str) -> None:
        try:
            page = skill_page(self.ctx.market_db, key)
        except UserError as error:  # the dataset that listed it is no longer active
            self.page = None
            self.title.setText(name)
            self.figures.setText(str(error))
            self._fill(None)
            return
        self.page = page
        self.title.setText(page.name)
        self.figures.setText("\n".join(summary_lines(page)))
        self.honesty.setText(" ".join(page.not_computed))
        self._fill(page)

    def _fill(self, page: SkillPage | None) -> None:
        demand = page.postings if page else None
        tabs = self.details
        for widget in (self.depth_panel, self.roles_table, self.pairings_table):
            tabs.setTabVisible(tabs.indexOf(widget), demand is not None)
        seniority = list(demand.seniority) if demand else []
        tabs.setTabVisible(tabs.indexOf(self.seniority_panel), bool(seniority))
        self.occupation_model.set_rows(
            list(page.onet.top_occupations) if page and page.onet else []
        )
        warning = ""
        if demand is None:
            self.depth_model.set_rows([])
            self.depth_panel.set_data(None)
            self.role_model.set_rows([])
            self.pairing_model.set_rows([])
        else:
            f = demand.figures
            self.depth_model.set_rows(list(demand.depth))
            self.depth_panel.set_data((list(f.depth_distribution), f.jobs_with_skill))
            self.role_model.set_rows(list(demand.roles))
            self.pairing_model.set_rows(list(demand.pairings))
            if demand.depth_small_sample:
                warning = (
                    f"Small sample: {f.jobs_with_skill} postings ask for it (fewer than 30); "
                    "read the depth and pay as a hint."
                )
        rows = [(name, count, count / (demand.jobs_with_skill or 1)) for name, count in seniority]
        self.seniority_model.set_rows(rows)
        self.seniority_panel.set_data(
            (rows, f"Seniority of {demand.jobs_with_skill} postings asking for it")
            if rows and demand
            else None
        )
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        if demand is not None:
            tabs.setCurrentWidget(self.depth_panel)
        elif page is not None and page.onet is not None:
            tabs.setCurrentWidget(self.occupations)
