"""Market explorer: a page per skill (how much the market asks for it: `skill_page`) and per role
(a career page, "How to become a …": the skills asked for most, the path in from where you
stand, pay beside the BLS percentiles, related roles and, where a job-postings dataset covers
the role, its pay-raising skills and seniority breakdown). Both pages show the objects of
`services.skill_page` and `services.career_page`, which `careerplanner market` prints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.market import draw_pay_percentiles
from careerplanner.core.levels import LEVEL_INFO, Level
from careerplanner.services.career_page import (
    PATH_SKILLS,
    AskedSkill,
    PathStep,
    career_page,
    how_to_become,
)
from careerplanner.services.career_page import CareerPage as CareerFigures
from careerplanner.store.market.levels import MAPPING_NOTE
from careerplanner.store.market.occupations import (
    Rating,
    RelatedRole,
    Wages,
    occupation,
    related_roles,
    requirements,
    wages_for,
)
from careerplanner.store.market.roles import RoleMatch
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.chart_panel import ChartPanel, make_table_view
from careerplanner.ui.common.context import AppContext
from careerplanner.ui.common.role_search import RoleSearch
from careerplanner.ui.common.splitters import remember_splitter
from careerplanner.ui.common.table_model import Column, RowTableModel, money_text, sorted_view_model
from careerplanner.ui.market.career_postings import CareerPostings
from careerplanner.ui.market.skill_page import SkillPageView


def _label(text: str = "", role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        set_text_role(label, role)
    return label


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _bounds(rating: Rating) -> str:
    if rating.level_lower_ci is None or rating.level_upper_ci is None:
        return "—"
    return f"{rating.level_lower_ci:.2f}–{rating.level_upper_ci:.2f}"


RATING_COLUMNS: list[Column[Rating]] = [
    Column("Skill or knowledge", lambda r: r.name, lambda r: r.name.casefold()),
    Column("Kind", lambda r: r.domain),
    Column("Importance (1–5)", lambda r: _number(r.importance), lambda r: r.importance or 0.0),
    Column("Level (0–7)", lambda r: _number(r.level), lambda r: r.level or 0.0),
    Column("Level 95% bounds", _bounds, lambda r: r.level_lower_ci or 0.0),
    Column("Depth (estimate)", lambda r: "—" if r.depth is None else r.depth.code),
    Column("N", lambda r: "—" if r.level_n is None else str(r.level_n), lambda r: r.level_n or 0),
    Column("Note", lambda r: "O*NET advises caution" if r.recommend_suppress else ""),
]
PAY_MEASURES = (("p10", "a_pct10"), ("p25", "a_pct25"), ("median", "a_median"))
PAY_MEASURES += (("p75", "a_pct75"), ("p90", "a_pct90"))


def pay_percentiles(wages: Wages) -> list[tuple[str, float | None]]:
    """(label, annual amount) for p10..p90; None where BLS publishes no number."""
    values = []
    for label, measure in PAY_MEASURES:
        figure = wages.figures.get(measure)
        values.append((label, figure.value if figure else None))
    return values


PAY_COLUMNS: list[Column[tuple[str, float | None]]] = [
    Column("Percentile", lambda p: p[0]),
    Column("Annual pay", lambda p: money_text(p[1]), lambda p: p[1] or 0.0, numeric=True),
]
TOP_SKILL_COLUMNS: list[Column[AskedSkill]] = [
    Column("Skill", lambda s: s.name, lambda s: s.name.casefold()),
    Column(
        "Share of postings",
        lambda s: "—" if s.share is None else f"{s.share:.0%} ({s.postings})",
        lambda s: s.share or 0.0,
        numeric=True,
    ),
    Column("Must", lambda s: "—" if s.jobs_must is None else str(s.jobs_must), numeric=True),
    Column("Asked", lambda s: f"L{s.required_level}", lambda s: s.required_level),
    Column("Weight", lambda s: f"{s.weight:.2f}", lambda s: s.weight, numeric=True),
    Column("Where it comes from", lambda s: s.note),
]


POSTINGS_COLUMNS = (1, 2)  # share of postings, must
WEIGHT_COLUMN = 4


def path_text(page: CareerFigures) -> str:
    """One sentence on the path in; the "Your path in" tab lists the steps."""
    shown = min(len(page.top_skills), PATH_SKILLS)
    if not page.top_skills:
        return ""
    if not page.path:
        return f"Your path in: you meet all of the top {shown} skills of this role."
    return (
        f"Your path in: you meet {page.path_met} of the top {shown} skills; the "
        f"“Your path in” tab lists the steps for the other {len(page.path)}."
    )


def path_rows(page: CareerFigures) -> list[tuple[PathStep, int, str]]:
    """One row per level still to reach of each top skill not met yet: (step, level, how)."""
    return [(step, level, how) for step in page.path for level, how in step.moves]


def _your_level_tip(step: PathStep) -> str:
    """Where "your level" comes from: an estimate names its evidence (as the Gap screen does)."""
    if step.estimated:
        return f"Your level is {step.evidence}. Set your own level on the Profile screen."
    if step.your_level is None:
        return "Not rated: set your level on the Profile screen."
    return ""


PATH_COLUMNS: list[Column[tuple[PathStep, int, str]]] = [
    Column("Skill", lambda r: r[0].name),
    Column("You", lambda r: r[0].your_level_text, None, lambda r: _your_level_tip(r[0])),
    Column("Asked", lambda r: f"L{r[0].required_level}"),
    Column("Next level", lambda r: f"L{r[1]} {LEVEL_INFO[Level(r[1])].name}"),
    Column("How to get there", lambda r: r[2], None, lambda r: r[2]),
]


class CareerPage(QWidget):
    """How to become a …: the skills asked for most (postings where they cover the role, else
    O*NET, saying which), the path in from your levels, pay, related roles."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code: str | None = None
        self.role_title = ""
        self.page: CareerFigures | None = None
        # Two columns that give way: the role search keeps a narrow column, the page the rest.
        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(columns)
        left_pane = QWidget()
        left = QVBoxLayout(left_pane)
        left.setContentsMargins(0, 0, 0, 0)
        self.role_search = RoleSearch(ctx.market_db)
        self.role_search.results.setMaximumHeight(16777215)
        left.addWidget(self.role_search, 3)
        left.addWidget(QLabel("Related roles:"))  # unwrapped: a wrapped label would size the page
        self.related = QListWidget()
        self.related.setAccessibleName("Related roles")
        left.addWidget(self.related, 2)
        columns.addWidget(left_pane)

        self.title = _label("Choose a role", "subtitle")
        self.description = _label()
        self.source_note = _label("", "hint")
        self.source_note.setAccessibleName("Where the skills come from")
        self.ratings_note = _label("", "hint")
        self.path_in = _label()
        self.path_in.setAccessibleName("Your path in")
        self.postings = CareerPostings(ctx, self)
        # The role's text scrolls in the first pane of the splitter: a long description must
        # not make the page taller than a 1024x640 window. The description comes last.
        text = QWidget()
        text_layout = QVBoxLayout(text)
        text_layout.setContentsMargins(0, 0, 4, 0)
        for widget in (self.title, self.postings.summary, self.postings.warning):
            text_layout.addWidget(widget)
        text_layout.addWidget(self.postings.role_row)
        for widget in (self.path_in, self.source_note, self.description, self.ratings_note):
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
        # Every table and chart in one set of tabs below the text, tables first: each tab gets
        # the whole height left, instead of three panes sharing it.
        self.top_model = RowTableModel(TOP_SKILL_COLUMNS, self)
        self.top_table = make_table_view(
            sorted_view_model(self.top_model, self), "Skills asked for most"
        )
        self.path_model = RowTableModel(PATH_COLUMNS, self)
        self.path_table = make_table_view(
            self.path_model, "Your path in, step by step", first_column_width=150
        )
        self.path_table.setSortingEnabled(False)  # the steps in order: most asked-for first
        self.rating_model = RowTableModel(RATING_COLUMNS, self)
        ratings = make_table_view(sorted_view_model(self.rating_model, self), "O*NET ratings")
        self.pay_model = RowTableModel(PAY_COLUMNS, self)
        self.pay_panel = ChartPanel(
            "Pay percentiles", self._draw_pay, self.pay_model, first_column_width=90, stack_below=0
        )
        self.figure_tabs = QTabWidget()
        self.figure_tabs.addTab(self.top_table, "Asked for most")
        self.figure_tabs.setTabToolTip(0, "The skills the role asks for most")
        self.figure_tabs.addTab(self.path_table, "Your path in")
        self.postings.add_tabs(self.figure_tabs)
        self.figure_tabs.addTab(ratings, "O*NET ratings")
        self.figure_tabs.addTab(self.pay_panel, "Pay (BLS)")
        self.figure_tabs.setTabToolTip(
            self.figure_tabs.indexOf(self.pay_panel), "Pay percentiles nationally (BLS OEWS)"
        )
        splitter.addWidget(self.figure_tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        if not remember_splitter(splitter, ctx.settings, "market-career-3"):
            splitter.setSizes([180, 320])  # the role's text, its figures
        columns.addWidget(splitter)
        columns.setStretchFactor(0, 1)
        columns.setStretchFactor(1, 4)
        if not remember_splitter(columns, ctx.settings, "market-career-columns"):
            columns.setSizes([220, 780])
        self.role_search.role_chosen.connect(self.show_role)
        self.related.itemActivated.connect(
            lambda item: self.show_role(*item.data(Qt.ItemDataRole.UserRole))
        )
        ctx.events.dataset_changed.connect(self._dataset_changed)
        ctx.events.profile_changed.connect(self._dataset_changed)  # the path starts from you
        self.postings.role_combo.currentIndexChanged.connect(lambda _i: self._show_figures())

    @staticmethod
    def _draw_pay(fig, data, theme) -> None:
        values, title = data
        draw_pay_percentiles(fig, values, theme, title)

    def _dataset_changed(self) -> None:
        if self.code is not None:
            self.show_role(self.code, self.role_title)

    def show_role(self, code: str, title: str) -> None:
        self.code = code
        self.role_title = title
        self.title.setText(f"{title} ({code})")
        self.postings.show_for(code, title)
        self._show_figures()
        found = occupation(self.ctx.market_db, code)
        zone = f" Job zone {found.job_zone} of 5." if found and found.job_zone else ""
        self.description.setText((found.description if found else "") + zone)
        rated = requirements(self.ctx.market_db, code)
        ratings = sorted(rated.ratings, key=lambda r: -(r.importance or 0))
        self.rating_model.set_rows(ratings)
        self.ratings_note.setText(" ".join(filter(None, (rated.note, MAPPING_NOTE))))
        wages = wages_for(self.ctx.market_db, code)
        if wages is None:
            self.pay_model.set_rows([])
            self.pay_panel.set_data(None)
        else:
            values = pay_percentiles(wages)
            employed = wages.figures.get("tot_emp")
            n = f", {employed.value:,.0f} employed" if employed and employed.value else ""
            self.pay_model.set_rows(values)
            self.pay_panel.set_data((values, f"Annual pay (BLS OEWS{n})"))
        self.related.clear()
        for role in related_roles(self.ctx.market_db, code):
            self._add_related(role)

    def _add_related(self, role: RelatedRole) -> None:
        item = QListWidgetItem(f"{role.title} ({role.tier.lower()})")
        item.setData(Qt.ItemDataRole.UserRole, (role.code, role.title))
        self.related.addItem(item)

    def _show_figures(self) -> None:
        """The career page's figures for the role shown and the postings role chosen."""
        if self.code is None:
            return
        chosen = self.postings.current()
        match = RoleMatch(self.code, self.role_title, self.role_title, "occupation", 100.0)
        page = career_page(
            self.ctx.market_db,
            self.ctx.user_db,
            self.role_title,
            match=match,
            postings_role=chosen.role if chosen else None,
        )
        self.page = page
        if page.postings_basis == "closest" and page.postings_role is not None:
            self.postings.show_closest(page.postings_role, page.postings_note)
        self.title.setText(f"{how_to_become(page)} ({page.code})")
        self.source_note.setText(f"Skills asked for most (the first tab below). {page.source_note}")
        self.top_model.set_rows(list(page.top_skills))
        self.path_in.setText(path_text(page))
        self.path_model.set_rows(path_rows(page))
        # For postings the weight is the share itself; O*NET gives weights, not shares.
        from_postings = page.source == "postings"
        self.top_table.setColumnHidden(WEIGHT_COLUMN, from_postings)
        for column in POSTINGS_COLUMNS:
            self.top_table.setColumnHidden(column, not from_postings)


class MarketView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 8)  # room for the tables at 1024x640
        title = QLabel("Market explorer")
        set_text_role(title, "title")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.skill_page = SkillPageView(ctx)
        self.career_page = CareerPage(ctx)
        self.tabs.addTab(self.skill_page, "Skill")
        self.tabs.addTab(self.career_page, "Career")
        layout.addWidget(self.tabs, 1)

    def exercise(self, skill: str = "Microsoft Excel", role: str = "Civil Engineers") -> None:
        """Show a skill and a role and draw their charts once (smoke test, screenshots)."""
        self.skill_page.search.setText(skill)
        self.skill_page.find_now()
        if self.skill_page.matches.count():
            self.skill_page.matches.setCurrentRow(0)
        self.skill_page.depth_panel.chart.draw_now()
        self.career_page.role_search.edit.setText(role)
        matches = self.career_page.role_search.search_now()
        if matches:
            self.career_page.role_search.results.setCurrentRow(0)  # as a user picks it
            self.career_page.role_search.hint.hide()
            self.career_page.show_role(matches[0].code, matches[0].title)
        self.tabs.setCurrentWidget(self.career_page)
        self.career_page.pay_panel.chart.draw_now()
