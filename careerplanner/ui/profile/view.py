"""Profile: your skills with their level, the resume lines behind each level, your override and
its reason, and each skill's level history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from careerplanner.charts.progress import draw_level_history
from careerplanner.core.levels import LEVEL_INFO, Level
from careerplanner.core.roadmap import ProgressPoint
from careerplanner.errors import UserError
from careerplanner.store.user.profile import (
    HistoryEntry,
    UserSkill,
    clear_override,
    list_skills,
    set_override,
    skill_history,
)
from careerplanner.ui.common import dialogs
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.chart_panel import ChartPanel, make_table_view
from careerplanner.ui.common.context import AppContext
from careerplanner.ui.common.splitters import remember_splitter
from careerplanner.ui.common.table_model import ROW_ROLE, Column, RowTableModel, sorted_view_model
from careerplanner.ui.profile.corrections import CorrectionsBox

SKILL_COLUMNS: list[Column[UserSkill]] = [
    Column("Skill", lambda s: s.name, lambda s: s.name.casefold()),
    Column("Level", lambda s: f"L{s.level} {Level(s.level).title}", lambda s: s.level),
    Column("From resume", lambda s: f"L{s.inferred_level}", lambda s: s.inferred_level),
    Column(
        "Your override",
        lambda s: "—" if s.override_level is None else f"L{s.override_level}",
        lambda s: -1 if s.override_level is None else s.override_level,
    ),
    Column("Evidence", lambda s: str(len(s.evidence)), lambda s: len(s.evidence), numeric=True),
]
HISTORY_COLUMNS: list[Column[HistoryEntry]] = [
    Column("When", lambda h: h.at[:10], lambda h: h.at),
    Column("Level", lambda h: f"L{h.level}", lambda h: h.level),
    Column("Source", lambda h: h.source),
    Column("Note", lambda h: h.note),
]
NO_OVERRIDE = -1


class ProfileSkillModel(RowTableModel[UserSkill]):
    def __init__(self, parent=None) -> None:
        super().__init__(SKILL_COLUMNS, parent)


def _draw_history(fig, points: list[ProgressPoint], theme) -> None:
    """One skill's level over time: the panel's heading and the screen already name it."""
    draw_level_history(fig, points, theme, title="", empty="No history yet", legend=False)


class LevelHistoryModel(RowTableModel[HistoryEntry]):
    def __init__(self, parent=None) -> None:
        super().__init__(HISTORY_COLUMNS, parent)


class ProfileView(QWidget):
    open_resume_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        header = QHBoxLayout()
        title = QLabel("Your skills")
        set_text_role(title, "title")
        header.addWidget(title)
        header.addStretch(1)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter skills")
        self.filter_edit.setAccessibleName("Filter skills")
        self.filter_edit.setClearButtonEnabled(True)
        header.addWidget(self.filter_edit)
        read_button = QPushButton("Read a resume…")
        read_button.clicked.connect(self.open_resume_requested)
        header.addWidget(read_button)
        layout.addLayout(header)
        self.summary = QLabel()
        set_text_role(self.summary, "hint")
        layout.addWidget(self.summary)

        self.model = ProfileSkillModel(self)
        self.proxy = sorted_view_model(self.model, self)
        self.table = make_table_view(self.proxy, "Your skills")
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.skill_title = QLabel("Select a skill")
        set_text_role(self.skill_title, "subtitle")
        detail_layout.addWidget(self.skill_title)
        self.level_meaning = QLabel()
        self.level_meaning.setWordWrap(True)
        detail_layout.addWidget(self.level_meaning)
        detail_layout.addWidget(QLabel("Evidence from your resume:"))
        self.evidence = QListWidget()
        self.evidence.setAccessibleName("Evidence lines")
        self.evidence.setWordWrap(True)
        # A few lines are enough to start with (it grows with the window): on a 640 px tall
        # window the corrections below stay within reach.
        self.evidence.setMinimumHeight(72)
        detail_layout.addWidget(self.evidence, 1)
        detail_layout.addWidget(self._override_box())
        self.corrections = CorrectionsBox(ctx, self.selected)
        detail_layout.addWidget(self.corrections)
        self.history_model = LevelHistoryModel(self)
        self.history = ChartPanel(
            "Level history", _draw_history, self.history_model, first_column_width=90
        )
        self.history.setMinimumHeight(180)
        detail_layout.addWidget(self.history, 1)

        # The detail column scrolls on its own on a small window (1024x640), so the skills
        # table keeps the whole height; the divider remembers where the user put it.
        detail_scroll = QScrollArea()
        detail_scroll.setWidget(detail)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        remember_splitter(splitter, ctx.settings, "profile")
        layout.addWidget(splitter, 1)

        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        ctx.events.profile_changed.connect(self.refresh)
        self.refresh()

    def _override_box(self) -> QGroupBox:
        box = QGroupBox("Your word on the level")
        form = QFormLayout(box)
        self.override_combo = QComboBox()
        self.override_combo.setAccessibleName("Override level")
        self.override_combo.addItem("Use the level read from the resume", NO_OVERRIDE)
        for level in Level:
            self.override_combo.addItem(f"{level.code} {level.title}", int(level))
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName("Reason for the override")
        self.reason_edit.setPlaceholderText("Why (e.g. 'led the migration at Acme')")
        self.apply_button = QPushButton("Save")
        self.apply_button.setAccessibleName("Save the override")
        self.apply_button.clicked.connect(self.save_override)
        form.addRow("Level", self.override_combo)
        form.addRow("Reason", self.reason_edit)
        form.addRow("", self.apply_button)
        return box

    def refresh(self) -> None:
        selected = self.selected()
        skills = list_skills(self.ctx.user_db)
        self.model.set_rows(skills)
        self.corrections.refresh()
        overridden = sum(1 for skill in skills if skill.override_level is not None)
        self.summary.setText(
            f"{len(skills)} skills, {overridden} with your own level."
            if skills
            else "No skills yet: read a resume (drop it on the window or use Read a resume…)."
        )
        self.select_skill(selected.key if selected else None)

    def select_skill(self, key: str | None) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if key is None or index.data(ROW_ROLE).key == key:
                self.table.selectRow(row)
                break
        self._show_selected()

    def selected(self) -> UserSkill | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _show_selected(self, *_args) -> None:
        skill = self.selected()
        self.evidence.clear()
        if skill is None:
            self.skill_title.setText("Select a skill")
            self.level_meaning.clear()
            self.history_model.set_rows([])
            self.history.set_data(None)
            return
        level = Level(skill.level)
        info = LEVEL_INFO[level]
        self.skill_title.setText(f"{skill.name}: {level.code} {info.name}")
        self.level_meaning.setText(f"{info.meaning.capitalize()}. Earned by: {info.evidence}.")
        if skill.added_reason is not None:
            self.evidence.addItem(f"Added by you — {skill.added_reason}")
        for item in skill.evidence:
            reason = f" — {item.get('reason')}" if item.get("reason") else ""
            self.evidence.addItem(f"{item.get('text', '')}{reason}")
        if not skill.evidence and skill.added_reason is None:
            self.evidence.addItem("(no lines recorded)")
        index = self.override_combo.findData(
            NO_OVERRIDE if skill.override_level is None else skill.override_level
        )
        self.override_combo.setCurrentIndex(max(index, 0))
        self.reason_edit.setText(skill.override_reason or "")
        entries = skill_history(self.ctx.user_db, skill.key)
        self.history_model.set_rows(entries)
        self.history.set_data(
            [ProgressPoint(None, e.at, "skill", skill.key, skill.name, e.level) for e in entries]
        )

    def save_override(self) -> None:
        """Save the chosen level with its reason, or go back to the level read from the resume."""
        skill = self.selected()
        if skill is None:
            return
        level = self.override_combo.currentData()
        try:
            if level == NO_OVERRIDE:
                clear_override(self.ctx.user_db, skill.key)
            else:
                set_override(self.ctx.user_db, skill.key, int(level), self.reason_edit.text())
        except UserError as error:
            dialogs.show_error(self, str(error))
            return
        self.ctx.events.profile_changed.emit()
        self.ctx.events.status_message.emit(f"Saved your level for {skill.name}.")

    def exercise(self) -> None:
        """Draw the level-history chart once (smoke test, screenshots)."""
        self.select_skill(None)
        self.history.chart.draw_now()
