"""The job-postings part of a career page: the skills that raise the role's pay, its seniority
breakdown and its most demanded skills, from the postings whose role is one of the occupation's
titles (`occupations.postings_roles_for`), or, where none is, from the broader role that
`services.career_page.closest_postings_role` chose (`show_closest`, which says so). Every figure
carries its n, and n < 30 is flagged "small sample" (product.md, "Market figures")."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QWidget

from careerplanner.charts.market import draw_seniority
from careerplanner.core.market import RoleFigures, SkillFigures, is_small_sample
from careerplanner.store.market.datasets import active_datasets
from careerplanner.store.market.occupations import PostingsRole, occupation, postings_roles_for
from careerplanner.store.market.postings import pay_raising_skills, postings_skills
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.chart_panel import ChartPanel, make_table_view
from careerplanner.ui.common.context import AppContext
from careerplanner.ui.common.table_model import Column, RowTableModel, money_text, sorted_view_model

SMALL = "small sample"


def _pay_note(skill: SkillFigures) -> str:
    return SMALL if is_small_sample(min(skill.salary_with_n, skill.salary_without_n)) else ""


PAY_RAISING_COLUMNS: list[Column[SkillFigures]] = [
    Column("Skill", lambda s: s.skill_name, lambda s: s.skill_name.casefold()),
    Column(
        "Pay with it (n)",
        lambda s: f"{money_text(s.salary_with_median)} ({s.salary_with_n})",
        lambda s: s.salary_with_median or 0.0,
        numeric=True,
    ),
    Column(
        "Without (n)",
        lambda s: f"{money_text(s.salary_without_median)} ({s.salary_without_n})",
        lambda s: s.salary_without_median or 0.0,
        numeric=True,
    ),
    Column(
        "Difference",
        lambda s: f"+{money_text(s.salary_premium)}",
        lambda s: s.salary_premium or 0.0,
        numeric=True,
    ),
    Column("Note", _pay_note),
]
SENIORITY_COLUMNS: list[Column[tuple[str, int, float]]] = [
    Column("Seniority", lambda s: s[0]),
    Column("Postings", lambda s: str(s[1]), lambda s: s[1], numeric=True),
    Column("Share", lambda s: f"{s[2]:.0%}", lambda s: s[2], numeric=True),
]
DEMAND_COLUMNS: list[Column[SkillFigures]] = [
    Column("Skill", lambda s: s.skill_name, lambda s: s.skill_name.casefold()),
    Column("Demand", lambda s: f"{s.demand_rate:.0%}", lambda s: s.demand_rate, numeric=True),
    Column("Postings", lambda s: str(s.jobs_with_skill), lambda s: s.jobs_with_skill, numeric=True),
    Column("Depth median", lambda s: f"L{s.depth_median:.1f}", lambda s: s.depth_median),
    Column("Note", lambda s: SMALL if s.depth_small_sample else ""),
]
TOP_DEMANDED = 40


class CareerPostings:
    """Builds the postings widgets of a career page and fills them for one occupation.

    `summary` and `warning` go above the page's tables; `add_tabs` puts the three tables into
    the page's tab widget, shown only while the active postings dataset covers the role.
    """

    def __init__(self, ctx: AppContext, parent: QWidget) -> None:
        self.ctx = ctx
        self.matches: list[PostingsRole] = []
        self._source = ""  # the postings dataset's label
        self._title = ""  # the occupation shown
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Job postings for this role")
        self.warning = QLabel()
        set_text_role(self.warning, "warning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.role_row = QWidget(parent)
        row = QHBoxLayout(self.role_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("Postings role:"))
        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName("Postings role shown")
        row.addWidget(self.role_combo, 1)
        self.role_row.hide()
        self.pay_model = RowTableModel(PAY_RAISING_COLUMNS, parent)
        self.pay_table = make_table_view(
            sorted_view_model(self.pay_model, parent), "Skills that raise this role's pay"
        )
        self.seniority_model = RowTableModel(SENIORITY_COLUMNS, parent)
        self.seniority_panel = ChartPanel(
            "Seniority", self._draw_seniority, self.seniority_model, first_column_width=110
        )
        self.demand_model = RowTableModel(DEMAND_COLUMNS, parent)
        self.demand_table = make_table_view(
            sorted_view_model(self.demand_model, parent), "Most demanded skills in postings"
        )
        self._tabs: QTabWidget | None = None
        self.role_combo.currentIndexChanged.connect(lambda _i: self._show_match())

    @staticmethod
    def _draw_seniority(fig, data, theme) -> None:
        rows, title = data
        draw_seniority(fig, [(name, count) for name, count, _share in rows], theme, title)

    def add_tabs(self, tabs: QTabWidget) -> None:
        # Tables first, the chart last: a table reads at any window size.
        self._tabs = tabs
        tabs.addTab(self.pay_table, "Pay-raising skills")
        tabs.setTabToolTip(tabs.indexOf(self.pay_table), "From the job postings")
        tabs.addTab(self.demand_table, "Postings' skills")
        tabs.setTabToolTip(tabs.indexOf(self.demand_table), "The skills the postings ask for most")
        tabs.addTab(self.seniority_panel, "Seniority")
        tabs.setTabToolTip(tabs.indexOf(self.seniority_panel), "Where people start, in postings")
        self._set_tabs_visible(False)

    def _set_tabs_visible(self, visible: bool) -> None:
        if self._tabs is None:
            return
        for widget in (self.pay_table, self.seniority_panel, self.demand_table):
            self._tabs.setTabVisible(self._tabs.indexOf(widget), visible)

    def show_for(self, code: str, title: str) -> None:
        """Fill the postings figures for occupation `code`, or say why there are none."""
        labels = {d.kind: d.label for d in active_datasets(self.ctx.market_db)}
        self.matches = postings_roles_for(self.ctx.market_db, code) if "postings" in labels else []
        self.role_combo.blockSignals(True)
        self.role_combo.clear()
        for match in self.matches:
            self.role_combo.addItem(f"{match.role} ({match.figures.jobs} postings)", match.role)
        self.role_combo.setCurrentIndex(0 if self.matches else -1)
        self.role_combo.blockSignals(False)
        self.role_row.setVisible(len(self.matches) > 1)
        if "postings" not in labels:
            self._clear(
                "No job-postings dataset is installed: import one (Datasets) to see the skills "
                "that raise this role's pay and its seniority breakdown."
            )
        elif not self.matches:
            self._clear(
                f"Job postings ({labels['postings']}): no postings role is one of the titles of "
                f"{title}, so there are no postings figures for it."
            )
        else:
            self._source = labels["postings"]
            self._title = title
            self._show_match()

    def _clear(self, sentence: str) -> None:
        self._say(sentence, "")
        self.pay_model.set_rows([])
        self.seniority_model.set_rows([])
        self.seniority_panel.set_data(None)
        self.demand_model.set_rows([])
        self._set_tabs_visible(False)

    def _say(self, summary: str, warning: str) -> None:
        # An empty label would still take a line of the page's layout: hide it instead.
        self.summary.setText(summary)
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))

    def current(self) -> PostingsRole | None:
        index = self.role_combo.currentIndex()
        return self.matches[index] if 0 <= index < len(self.matches) else None

    def _show_match(self) -> None:
        match = self.current()
        if match is None:
            return
        self._show_figures(match.figures, self._summary(match))

    def show_closest(self, figures: RoleFigures, note: str) -> None:
        """The figures of a broader postings role standing in for the occupation (the career
        page's service chose it and `note` says why), where no role is named like it."""
        self._show_figures(figures, f"{note} {self._pay(figures)}".strip())

    def _show_figures(self, figures: RoleFigures, summary: str) -> None:
        dataset_id = next(d.id for d in active_datasets(self.ctx.market_db) if d.kind == "postings")
        self._say(
            summary,
            f"Small sample: {figures.jobs} postings (fewer than 30); read these figures as a hint."
            if figures.small_sample
            else "",
        )
        self.pay_model.set_rows(pay_raising_skills(self.ctx.market_db, dataset_id, figures.role))
        seniority = [(name, count, count / figures.jobs) for name, count in figures.seniority]
        self.seniority_model.set_rows(seniority)
        self.seniority_panel.set_data(
            (seniority, f"Seniority of {figures.jobs} “{figures.role}” postings")
        )
        skills = postings_skills(self.ctx.market_db, dataset_id, figures.role)
        self.demand_model.set_rows(skills[:TOP_DEMANDED])
        self._set_tabs_visible(True)

    def _summary(self, match: PostingsRole) -> str:
        figures = match.figures
        others = [
            found.title
            for code in match.occupations
            if (found := occupation(self.ctx.market_db, code)) and found.title != self._title
        ]
        shared = f", a title O*NET also gives {' and '.join(others)}" if others else ""
        text = f"{figures.jobs} job postings whose role is “{figures.role}” ({self._source})."
        text += f" {self._pay(figures)}" if figures.pay_percentiles is not None else ""
        return text + f" (O*NET title “{match.matched_title}”{shared}.)"

    @staticmethod
    def _pay(figures: RoleFigures) -> str:
        if figures.pay_percentiles is None:
            return ""
        _p10, p25, median, p75, _p90 = figures.pay_percentiles
        return (
            f"Pay in {figures.jobs_with_salary} salaried postings: median {money_text(median)}, "
            f"p25–p75 {money_text(p25)}–{money_text(p75)}."
        )
