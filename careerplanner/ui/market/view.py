"""Market explorer: a page per skill (how much the market asks for it) and per role (a career
page: top skills, pay, related roles, a short path in from your gap and, where a job-postings
dataset covers the role, its pay-raising skills and seniority breakdown)."""

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

from careerplanner.charts.market import draw_depth_distribution, draw_pay_percentiles
from careerplanner.core.gap import best_next_steps, compute_gap
from careerplanner.services.levels import user_levels
from careerplanner.services.market_pages import (
    posting_pairings,
    posting_skill_rows,
    role_requirements,
)
from careerplanner.services.skill_search import find_skills_fast
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
from careerplanner.store.market.technologies import technology_demand
from careerplanner.ui.common.chart_panel import ChartPanel, make_table_view
from careerplanner.ui.common.context import AppContext
from careerplanner.ui.common.role_search import RoleSearch
from careerplanner.ui.common.splitters import remember_splitter
from careerplanner.ui.common.table_model import Column, RowTableModel, money_text, sorted_view_model
from careerplanner.ui.market.career_postings import CareerPostings


def _label(text: str = "", role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
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
SEARCH_DELAY_MS = 200  # wait for a pause in typing before searching (as the role search)
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
DEPTH_COLUMNS: list[Column[tuple[str, int]]] = [
    Column("Required depth", lambda p: p[0]),
    Column("Postings", lambda p: str(p[1]), lambda p: p[1], numeric=True),
]
ROLE_DEMAND_COLUMNS: list[Column[dict]] = [
    Column("Role (postings)", lambda r: r["role"]),
    Column("Jobs", lambda r: str(r["jobs"]), lambda r: r["jobs"]),
    Column("Demand", lambda r: f"{r['demand_rate']:.0%}", lambda r: r["demand_rate"]),
    Column("Depth median", lambda r: f"L{r['depth_median']:.1f}", lambda r: r["depth_median"]),
    Column("Note", lambda r: "small sample" if r["jobs"] < 30 else ""),
]
PAIRING_COLUMNS: list[Column[tuple[str, float, float]]] = [
    Column("Often together with", lambda p: p[0]),
    Column("Share", lambda p: f"{p[1]:.0%}", lambda p: p[1]),
    Column("Lift", lambda p: f"{p[2]:.1f}×", lambda p: p[2]),
]
OCCUPATION_COLUMNS: list[Column[tuple[str, str, bool, bool]]] = [
    Column("Occupation", lambda o: o[1]),
    Column("Code", lambda o: o[0]),
    Column("Hot", lambda o: "yes" if o[2] else ""),
    Column("In Demand", lambda o: "yes" if o[3] else ""),
]


class SkillPage(QWidget):
    """Skill Demand Index: how often and how deep the market asks for one skill."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a skill or technology, e.g. Python")
        self.search.setAccessibleName("Skill search")
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setAccessibleName("Matching skills")
        left.addWidget(self.search)
        left.addWidget(self.matches, 1)
        layout.addLayout(left, 2)

        right = QVBoxLayout()
        self.title = _label("Choose a skill", "subtitle")
        self.figures = _label()
        self.warning = _label("", "warning")
        right.addWidget(self.title)
        right.addWidget(self.figures)
        right.addWidget(self.warning)
        self.depth_model = RowTableModel(DEPTH_COLUMNS, self)
        # Six rows (L0–L5): side by side always, the height goes to the occupations table.
        self.depth_panel = ChartPanel(
            "Required depth", self._draw_depth, self.depth_model, stack_below=0
        )
        right.addWidget(self.depth_panel, 1)
        self.details = QTabWidget()
        self.occupation_model = RowTableModel(OCCUPATION_COLUMNS, self)
        self.occupations = make_table_view(
            sorted_view_model(self.occupation_model, self), "Occupations that list the skill"
        )
        self.details.addTab(self.occupations, "Occupations (O*NET)")
        self.role_model = RowTableModel(ROLE_DEMAND_COLUMNS, self)
        self.details.addTab(
            make_table_view(sorted_view_model(self.role_model, self), "Demand by role"),
            "Demand by role (postings)",
        )
        self.pairing_model = RowTableModel(PAIRING_COLUMNS, self)
        self.details.addTab(
            make_table_view(sorted_view_model(self.pairing_model, self), "Skills paired with it"),
            "Pairings (postings)",
        )
        right.addWidget(self.details, 1)
        layout.addLayout(right, 5)
        # Search once typing pauses, over the names held in memory (services.skill_search).
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.find_now)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.matches.currentItemChanged.connect(self._chosen)

    @staticmethod
    def _draw_depth(fig, data, theme) -> None:
        counts, n = data
        draw_depth_distribution(fig, counts, theme, n)

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

    def show_skill(self, key: str, name: str) -> None:
        self.title.setText(name)
        lines = []
        demand = technology_demand(self.ctx.market_db, key)
        if demand is not None:
            lines.append(
                f"O*NET lists it for {demand.occupations} of {demand.total_occupations} "
                f"occupations; Hot Technology in {demand.hot}, In Demand in {demand.in_demand}."
            )
            self.occupation_model.set_rows(list(demand.top_occupations))
        else:
            self.occupation_model.set_rows([])
        rows = posting_skill_rows(self.ctx.market_db, key)
        postings = [row for row in rows if row["role"] == ""]
        self.role_model.set_rows([row for row in rows if row["role"] != ""])
        self.pairing_model.set_rows(posting_pairings(self.ctx.market_db, key))
        warning = ""
        if postings:
            row = postings[0]
            lines.append(
                f"Jobs analysed: {row['jobs']}; demand rate {row['demand_rate']:.0%} "
                f"({row['jobs_with_skill']} postings); required depth median "
                f"L{row['depth_median']:.1f}, mean L{row['depth_mean']:.1f}."
            )
            lines.append(
                f"Median pay with it {money_text(row['salary_with_median'])} "
                f"(n = {row['salary_with_n']}), without {money_text(row['salary_without_median'])} "
                f"(n = {row['salary_without_n']})."
            )
            counts = [row[f"depth_l{level}"] for level in range(6)]
            self.depth_model.set_rows([(f"L{i}", count) for i, count in enumerate(counts)])
            self.depth_panel.set_data((counts, row["jobs_with_skill"]))
            if row["jobs"] < 30 or row["jobs_with_skill"] < 30:
                warning = "Small sample: fewer than 30 postings; read these figures as a hint."
        else:
            lines.append(
                "No job-postings dataset covers this skill yet: import postings to see the "
                "required depth, pay with and without it, and pairings."
            )
            self.depth_model.set_rows([])
            self.depth_panel.set_data(None)
        self.depth_panel.setVisible(bool(postings))
        self.figures.setText("\n".join(lines))
        self.warning.setText(warning)


class CareerPage(QWidget):
    """A role's page: top skills, pay percentiles, related roles, and a short path in."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code: str | None = None
        self.role_title = ""
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.role_search = RoleSearch(ctx.market_db)
        self.role_search.results.setMaximumHeight(16777215)
        left.addWidget(self.role_search, 1)
        left.addWidget(_label("Related roles:"))
        self.related = QListWidget()
        self.related.setAccessibleName("Related roles")
        left.addWidget(self.related, 1)
        layout.addLayout(left, 2)

        right = QVBoxLayout()
        self.title = _label("Choose a role", "subtitle")
        self.description = _label()
        self.ratings_note = _label("", "hint")
        self.path_in = _label()
        self.postings = CareerPostings(ctx, self)
        # The role's text scrolls in the first pane of the splitter: a long description must
        # not make the page taller than a 1024x640 window.
        text = QWidget()
        text_layout = QVBoxLayout(text)
        text_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.description, self.path_in, self.ratings_note):
            text_layout.addWidget(widget)
        text_layout.addWidget(self.postings.summary)
        text_layout.addWidget(self.postings.warning)
        text_layout.addWidget(self.postings.role_row)
        text_layout.addStretch(1)
        text_pane = QScrollArea()
        text_pane.setWidget(text)
        text_pane.setWidgetResizable(True)
        text_pane.setFrameShape(QFrame.Shape.NoFrame)
        text_pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(text_pane)
        self.rating_model = RowTableModel(RATING_COLUMNS, self)
        splitter.addWidget(
            make_table_view(sorted_view_model(self.rating_model, self), "Top skills by importance")
        )
        self.pay_model = RowTableModel(PAY_COLUMNS, self)
        self.pay_panel = ChartPanel(
            "Pay percentiles", self._draw_pay, self.pay_model, first_column_width=90, stack_below=0
        )
        self.figure_tabs = QTabWidget()
        self.figure_tabs.addTab(self.pay_panel, "Pay percentiles (BLS)")
        self.postings.add_tabs(self.figure_tabs)
        splitter.addWidget(self.figure_tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 3)
        if not remember_splitter(splitter, ctx.settings, "market-career"):
            splitter.setSizes([170, 170, 300])  # the role's text, its skills, its figures
        right.addWidget(splitter, 1)
        layout.addLayout(right, 5)
        self.role_search.role_chosen.connect(self.show_role)
        self.related.itemActivated.connect(
            lambda item: self.show_role(*item.data(Qt.ItemDataRole.UserRole))
        )
        ctx.events.dataset_changed.connect(self._dataset_changed)

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
        self.path_in.setText(self._path_in(code, title))
        self.postings.show_for(code, title)

    def _add_related(self, role: RelatedRole) -> None:
        item = QListWidgetItem(f"{role.title} ({role.tier.lower()})")
        item.setData(Qt.ItemDataRole.UserRole, (role.code, role.title))
        self.related.addItem(item)

    def _path_in(self, code: str, title: str) -> str:
        found = role_requirements(self.ctx.market_db, code)
        if found is None or not found.requirements:
            return ""
        gap = compute_gap(code, title, found.requirements, user_levels(self.ctx.user_db))
        steps = best_next_steps(gap, limit=3)
        if not steps:
            return f"Your fit for {title}: {gap.fit:.0%}. You meet every listed requirement."
        lines = [f"Your fit: {gap.fit:.0%}. A short path in:"]
        lines += [f"• {step.sentence(title)}" for step in steps]
        return "\n".join(lines)


class MarketView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 8)  # room for the tables at 1024x640
        title = QLabel("Market explorer")
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.skill_page = SkillPage(ctx)
        self.career_page = CareerPage(ctx)
        self.tabs.addTab(self.skill_page, "Skill")
        self.tabs.addTab(self.career_page, "Career")
        layout.addWidget(self.tabs, 1)

    def exercise(self) -> None:
        """Show a skill and a role and draw their charts once (smoke test, screenshots)."""
        self.skill_page.search.setText("Python")
        self.skill_page.find_now()
        if self.skill_page.matches.count():
            self.skill_page.matches.setCurrentRow(0)
        self.skill_page.depth_panel.chart.draw_now()
        self.career_page.role_search.edit.setText("Software Developers")
        matches = self.career_page.role_search.search_now()
        if matches:
            self.career_page.role_search.results.setCurrentRow(0)  # as a user picks it
            self.career_page.role_search.hint.hide()
            self.career_page.show_role(matches[0].code, matches[0].title)
        self.tabs.setCurrentWidget(self.career_page)
        self.career_page.pay_panel.chart.draw_now()
