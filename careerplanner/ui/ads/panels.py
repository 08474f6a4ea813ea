"""The three tabs under the list of ads: one ad (its text and requirements), your fit for it,
and the figures of a group of ads. Each panel only shows what it is given; the screen
(`ads.view`) reads through the job-ads service and decides what to show."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from careerplanner.core.gap import what_if
from careerplanner.core.market import is_small_sample
from careerplanner.services.job_ads import STATUSES, AdDetail, AdFit, GroupSummary
from careerplanner.ui.ads.highlight import find_marks, show_marked_text
from careerplanner.ui.ads.models import (
    FitModel,
    GroupSkillModel,
    PairingModel,
    RequirementModel,
)
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.chart_panel import make_table_view
from careerplanner.ui.common.plain_text import plain_label
from careerplanner.ui.common.table_model import ROW_ROLE, money_text

LEVELS = range(6)
MIN_PAY_RANGE = 5  # salaries before a 10-90% range says anything


def _wrapping(label: QLabel, name: str, role: str = "") -> QLabel:
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        set_text_role(label, role)
    return label


def ad_facts(detail: AdDetail) -> str:
    """One line of what is known about the ad: where, when, pay, link (never opened)."""
    ad = detail.summary
    parts = [part for part in (ad.company, ad.location) if part]
    if ad.seen_on:
        parts.append(f"seen {ad.seen_on}")
    if ad.salary_text:
        parts.append(ad.salary_text)
    if ad.link:
        parts.append(ad.link)
    return " · ".join(parts)


def history_text(detail: AdDetail) -> str:
    return " → ".join(f"{status} {stamp[:10]}" for status, stamp in detail.history)


class AdPanel(QWidget):
    """One ad: its facts and status, its text with the requirements marked, and the
    requirements with the buttons that fix them."""

    status_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        self.heading = _wrapping(plain_label(), "Ad title", "subtitle")
        self.heading.setMinimumWidth(160)
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel("Status:"))
        self.status = QComboBox()
        self.status.setAccessibleName("Application status")
        for status in STATUSES:
            self.status.addItem(status, status)
        self.status.activated.connect(lambda _i: self.status_chosen.emit(self.status.currentData()))
        top.addWidget(self.status)
        self.tags_button = QPushButton("Tags…")
        self.tags_button.setAccessibleName("Change this ad's tags")
        top.addWidget(self.tags_button)
        self.details_button = QPushButton("Details…")
        self.details_button.setAccessibleName("Change this ad's title, company and pay")
        top.addWidget(self.details_button)
        layout.addLayout(top)
        self.facts = _wrapping(plain_label(), "About the ad", "hint")
        layout.addWidget(self.facts)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.text.setAcceptRichText(False)
        self.text.setAccessibleName("The ad's text, requirements marked")
        self.text.setMinimumWidth(220)
        splitter.addWidget(self.text)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.requirement_model = RequirementModel(self)
        self.requirement_table = make_table_view(
            self.requirement_model, "Requirements of the ad", first_column_width=130
        )
        self.requirement_table.setSortingEnabled(False)  # must first, then nice: the reading
        column.addWidget(self.requirement_table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Add…")
        self.add_button.setAccessibleName("Add a requirement")
        self.change_button = QPushButton("Change…")
        self.change_button.setAccessibleName("Change the requirement's level or must/nice")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove the requirement")
        self.undo_button = QPushButton("As read")
        self.undo_button.setAccessibleName("Undo your fix of the requirement")
        self.undo_button.setToolTip("Back to what the reader found for this skill")
        for button in (self.add_button, self.change_button, self.remove_button, self.undo_button):
            buttons.addWidget(button)
        column.addLayout(buttons)
        self.legend = _wrapping(plain_label(), "Marks in the text", "hint")
        column.addWidget(self.legend)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.requirement_table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.show_detail(None)

    def show_detail(self, detail: AdDetail | None) -> None:
        self.detail = detail
        for widget in (self.status, self.tags_button, self.details_button, self.add_button):
            widget.setEnabled(detail is not None)
        if detail is None:
            self.heading.setText("No ad chosen")
            self.facts.setText("Choose an ad in the list, or add one (Ctrl+Shift+V pastes one).")
            self.text.clear()
            self.requirement_model.set_rows([])
            self.legend.setText("")
            self._enable()
            return
        ad = detail.summary
        self.heading.setText(f"#{ad.id} {ad.title or ad.source_name}")
        history = history_text(detail)
        self.facts.setText(" — ".join(part for part in (ad_facts(detail), history) if part))
        self.status.setCurrentIndex(max(self.status.findData(ad.status), 0))
        chosen = self.selected_skill()
        self.requirement_model.set_rows(detail.requirements)
        self.marks = find_marks([(r.skill_name, r.required, r.spans) for r in detail.requirements])
        show_marked_text(self.text, detail.text, self.marks)
        must = sum(r.required == "must" for r in detail.requirements)
        removed = f"; {len(detail.removed)} removed by you" if detail.removed else ""
        self.legend.setText(
            f"{must} must-haves (bold, amber) and {len(detail.requirements) - must} "
            f"nice-to-haves (blue) marked in the text{removed}. Read with {detail.read_with}."
        )
        self.select_skill(chosen)
        self._enable()

    def selected_requirement(self):
        index = self.requirement_table.currentIndex()
        if not index.isValid():
            return None
        return self.requirement_model.data(index.siblingAtColumn(0), ROW_ROLE)

    def selected_skill(self) -> str | None:
        requirement = self.selected_requirement()
        return requirement.skill_key if requirement else None

    def select_skill(self, key: str | None) -> None:
        for row, requirement in enumerate(self.requirement_model.rows()):
            if requirement.skill_key == key:
                self.requirement_table.selectRow(row)
                return

    def _enable(self) -> None:
        requirement = self.selected_requirement()
        for button in (self.change_button, self.remove_button):
            button.setEnabled(requirement is not None)
        self.undo_button.setEnabled(requirement is not None and requirement.fix == "changed")


class FitPanel(QWidget):
    """Your fit for one ad: the figure, the requirements must-haves first, a what-if, the pay."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.fit_model = FitModel(self)
        self.fit_table = make_table_view(
            self.fit_model, "Your fit for the ad", first_column_width=150
        )
        self.fit_table.setSortingEnabled(False)  # must-haves first, then nice: keep that order
        layout.addWidget(self.fit_table, 3)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(8, 0, 0, 0)
        self.figure = _wrapping(plain_label(), "Fit for the ad", "figure")
        column.addWidget(self.figure)
        self.counts = _wrapping(plain_label(), "What the fit counts", "hint")
        column.addWidget(self.counts)
        heading = QLabel("What if my level in")
        set_text_role(heading, "subtitle")
        column.addWidget(heading)
        self.whatif_skill = QComboBox()
        self.whatif_skill.setAccessibleName("What-if skill")
        self.whatif_skill.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.whatif_skill.setMinimumContentsLength(12)
        column.addWidget(self.whatif_skill)
        row = QHBoxLayout()
        row.addWidget(QLabel("were"))
        self.whatif_level = QComboBox()
        self.whatif_level.setAccessibleName("What-if level")
        for level in LEVELS:
            self.whatif_level.addItem(f"L{level}", level)
        row.addWidget(self.whatif_level)
        row.addStretch(1)
        column.addLayout(row)
        self.whatif_result = _wrapping(plain_label(), "What-if result")
        column.addWidget(self.whatif_result)
        self.pay = _wrapping(plain_label(), "Pay in the ad")
        column.addWidget(self.pay)
        column.addStretch(1)
        side.setMinimumWidth(220)
        side.setMaximumWidth(360)
        layout.addWidget(side, 2)
        self.fit: AdFit | None = None
        self.whatif_skill.currentIndexChanged.connect(self._skill_changed)
        self.whatif_level.currentIndexChanged.connect(lambda _i: self.update_what_if())

    def show_fit(self, fit: AdFit | None, waiting: str = "") -> None:
        self.fit = fit
        if fit is None:
            self.fit_model.set_rows([])
            self.figure.setText("")
            self.counts.setText(waiting)
            self.whatif_skill.clear()
            self.whatif_result.setText("")
            self.pay.setText("")
            return
        self.fit_model.set_rows(fit.rows)
        self.figure.setText(f"Fit {fit.fit:.0%}")
        must = [row for row in fit.rows if row.required == "must"]
        met_must = sum(row.met for row in must)
        nice = [row for row in fit.rows if row.required != "must"]
        self.counts.setText(
            f"You meet {met_must} of {len(must)} must-haves and {sum(r.met for r in nice)} of "
            f"{len(nice)} nice-to-haves; a must-have weighs twice a nice-to-have."
        )
        shown = self.whatif_skill.currentData()
        self.whatif_skill.blockSignals(True)
        self.whatif_skill.clear()
        for row in fit.rows:
            if not row.met:
                self.whatif_skill.addItem(f"{row.skill_name} (L{row.your_level})", row.skill_key)
        for row in fit.rows:
            if row.met:
                self.whatif_skill.addItem(f"{row.skill_name} (L{row.your_level})", row.skill_key)
        index = self.whatif_skill.findData(shown)
        self.whatif_skill.setCurrentIndex(index if index >= 0 else 0)
        self.whatif_skill.blockSignals(False)
        self._skill_changed()
        if fit.salary_annual is not None:
            self.pay.setText(
                f"Pay stated: {fit.salary_text} ({money_text(fit.salary_annual)} a year)."
            )
        elif fit.salary_text:
            self.pay.setText(f"Pay stated: {fit.salary_text}.")
        else:
            self.pay.setText("The ad states no pay.")

    def _skill_changed(self, *_args) -> None:
        key = self.whatif_skill.currentData()
        row = next((r for r in self.fit.rows if r.skill_key == key), None) if self.fit else None
        if row is not None:
            self.whatif_level.blockSignals(True)
            self.whatif_level.setCurrentIndex(max(row.required_level, row.your_level))
            self.whatif_level.blockSignals(False)
        self.update_what_if()

    def update_what_if(self) -> str:
        """ "Raise Kubernetes from L1 to L3: fit for … goes from 62% to 78%." (pure maths on
        the ad's gap, so it answers as the level changes)."""
        key = self.whatif_skill.currentData()
        if self.fit is None or key is None:
            text = "You meet every requirement of this ad." if self.fit else ""
        else:
            level = int(self.whatif_level.currentData())
            text = what_if(self.fit.gap, key, level).sentence(self.fit.title or "this ad")
        self.whatif_result.setText(text)
        return text


class GroupPanel(QWidget):
    """The figures of a group of ads: n, per-skill shares, depth, pay, pairings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel("Group:"))
        self.scope = QComboBox()
        self.scope.setAccessibleName("Which ads make the group")
        self.scope.addItem("The ads listed", "listed")
        self.scope.addItem("The selected ads", "selected")
        top.addWidget(self.scope)
        self.summary = _wrapping(plain_label(), "Group summary")
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        # Two tabs, not side by side: each table needs the width for its names and figures.
        self.tables = QTabWidget()
        self.tables.setDocumentMode(True)
        self.tables.setTabPosition(QTabWidget.TabPosition.West)
        self.skill_model = GroupSkillModel(self)
        self.skill_table = make_table_view(
            self.skill_model, "Skills the group asks for", first_column_width=180
        )
        self.tables.addTab(self.skill_table, "Skills")
        self.pairing_model = PairingModel(self)
        self.pairing_table = make_table_view(
            self.pairing_model, "Skills asked together", first_column_width=200
        )
        self.tables.addTab(self.pairing_table, "Pairs")
        layout.addWidget(self.tables, 1)
        self.group: GroupSummary | None = None

    def show_group(self, group: GroupSummary | None, why_none: str = "") -> None:
        self.group = group
        if group is None:
            self.summary.setText(why_none)
            self.skill_model.set_rows([])
            self.pairing_model.set_rows([])
            return
        self.summary.setText(group_sentence(group))
        self.skill_model.set_rows(group.skills)
        names = group.names
        self.pairing_model.set_rows(
            [
                (names.get(p.skill_key, p.skill_key), names.get(p.other_key, p.other_key), p)
                for p in group.pairings
            ]
        )


def group_sentence(group: GroupSummary) -> str:
    label = group.label[:1].upper() + group.label[1:]
    size = f"{label}: n = {group.n}"
    if group.small_sample:
        size += " (small sample: under 30)"
    if group.pay_percentiles is not None:
        low, _q1, middle, _q3, high = group.pay_percentiles
        pay = f"pay stated in {group.with_salary} of them: median {money_text(middle)} a year"
        if group.with_salary >= MIN_PAY_RANGE:
            pay += f" (10–90%: {money_text(low)}–{money_text(high)})"
        if is_small_sample(group.with_salary):
            pay += f" (n = {group.with_salary}, small sample)"
    elif group.with_salary:
        pay = f"pay stated in {group.with_salary} of them"
    else:
        pay = "none states pay"
    return f"{size}; {pay}. Each share says of how many ads."
