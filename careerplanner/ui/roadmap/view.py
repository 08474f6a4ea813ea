"""Roadmap: goals from the gap or by hand, steps, notes, evidence, reviews, progress over time,
exports and restore — every edit undoable (Ctrl+Z) and redoable (Ctrl+Shift+Z).

The screen owns two helpers: `RoadmapEdits` runs every edit through the user's store on the GUI
thread (quick writes), each landing on the screen's QUndoStack as a command from
`roadmap.commands`; `RoadmapFiles` runs exports and restores through `ctx.runner` with their own
connections, with progress and Cancel.
"""

from __future__ import annotations

import weakref
from datetime import date

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.core.roadmap import Goal, overall_progress
from careerplanner.core.roadmap_review import due_for_review
from careerplanner.errors import UserError
from careerplanner.services.roadmap_skills import current_dataset_keys, renamed_skills
from careerplanner.store.user.evidence import list_evidence
from careerplanner.store.user.goals import get_goal, list_goals
from careerplanner.store.user.levels import all_effective_levels
from careerplanner.store.user.progress import progress_history
from careerplanner.store.user.targets import target_roles
from careerplanner.ui.common import dialogs
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.chart_panel import make_table_view
from careerplanner.ui.common.context import AppContext
from careerplanner.ui.common.plain_text import plain_label
from careerplanner.ui.common.splitters import remember_splitter
from careerplanner.ui.common.table_model import ROW_ROLE, sorted_view_model
from careerplanner.ui.roadmap import dialogs as roadmap_dialogs
from careerplanner.ui.roadmap import goal_plan_dialog
from careerplanner.ui.roadmap.commands import AddGoalsCommand
from careerplanner.ui.roadmap.detail import GoalDetail
from careerplanner.ui.roadmap.edits import RoadmapEdits, Selection
from careerplanner.ui.roadmap.files import RoadmapFiles
from careerplanner.ui.roadmap.goal_plan import add_planned_goals, plan_goals
from careerplanner.ui.roadmap.models import (
    GoalModel,
    GoalRow,
    file_statuses,
    goal_rows,
    record_fit_now,
    role_gap,
)
from careerplanner.ui.roadmap.panels import EvidencePanel, ProgressPanel, ReviewPanel, selected_row

FILE_CHECK_TASK = "roadmap-evidence-files"

_open_views: weakref.WeakValueDictionary[int, RoadmapView] = weakref.WeakValueDictionary()


def create_goals_from_top_gaps(
    ctx: AppContext, role_code: str, limit: int = 5, today: date | None = None, parent=None
) -> list[Goal]:
    """Goals for the `limit` top priorities of a target role's gap, with a suggested date;
    returns the goals added (none: the reason was shown to the user).

    What the gap screen's action calls. When the Roadmap screen is open, the new goals land on
    its undo stack (one Ctrl+Z removes them all).
    """
    view = _open_views.get(id(ctx))
    if view is not None:
        return view.create_goals_from_gap(role_code, limit, today)
    try:
        chosen = _chosen_goals(ctx, role_code, limit, today, parent)
        goals = _add_chosen_goals(ctx, chosen) if chosen else []
    except UserError as error:
        dialogs.show_error(parent, str(error))
        return []
    if goals:
        _publish(ctx, f"Added {len(goals)} goals to your roadmap.")
    return goals


def _chosen_goals(ctx: AppContext, role_code: str, limit: int, today: date | None, parent):
    """The plan for the role's top gaps, as the user ticked it (None: cancelled). Raises
    UserError saying why nothing can be added."""
    gap = role_gap(ctx.user_db, ctx.market_db, role_code)
    if gap is None:
        raise UserError(f"The active dataset has no role {role_code}; choose another target role.")
    plan = plan_goals(gap, ctx.user_db, limit, today or date.today())
    return goal_plan_dialog.ask_goal_plan(parent, gap.role_title, plan)


def _add_chosen_goals(ctx: AppContext, chosen) -> list[Goal]:
    goals = add_planned_goals(ctx.user_db, chosen)
    record_fit_now(ctx.user_db, ctx.market_db, "goals added")
    return goals


def _publish(ctx: AppContext, message: str) -> None:
    ctx.events.profile_changed.emit()  # the levels that count may have changed
    ctx.events.status_message.emit(message)


class RoadmapView(QWidget):
    navigate_requested = Signal(str)
    exported = Signal(str)  # the file written
    restored = Signal(object)  # rows restored per table

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.undo_stack = QUndoStack(self)
        # The widgets they read are built below: the selection is read when an edit runs.
        self.edits = RoadmapEdits(
            self,
            ctx,
            self.undo_stack,
            self.refresh,
            Selection(
                goal=self.selected_goal,
                step=lambda: self.detail.selected_step(),
                note_id=lambda: self.detail.selected_note_id(),
                evidence=lambda: self.evidence.selected(),
                review=lambda: self.reviews.selected(),
                select_goal=self.select_goal,
                skill_names=self._goal_skill_names,
            ),
            refresh_goals=self.refresh_goals,
        )
        # Tabs read again when next shown (see refresh_goals), and the dataset's skill keys
        # as of the last full read.
        self._stale_tabs: set[QWidget] = set()
        self._active_keys: set[str] | None = None
        self.files = RoadmapFiles(
            self, ctx, self.undo_stack, self.refresh, self.exported.emit, self.restored.emit
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 4)
        # The title and the toolbar share a row: on a 640 px tall window the goals need it.
        header = QHBoxLayout()
        title = QLabel("Your roadmap")
        set_text_role(title, "title")
        header.addWidget(title)
        header.addWidget(self._toolbar(), 1)
        layout.addLayout(header)
        layout.addLayout(self._gap_row())
        self.summary = plain_label()  # names skills from files: never HTML
        # One line of text, not the 20 pt figure: on a 640 px tall window the goals need it.
        set_text_role(self.summary, "subtitle")
        self.summary.setAccessibleName("Roadmap summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Roadmap sections")
        self.tabs.addTab(self._goals_tab(), "&Goals")
        self.evidence = EvidencePanel(self.edits.add_evidence, self.edits.delete_evidence)
        self.tabs.addTab(self.evidence, "E&vidence")
        self.progress = ProgressPanel()
        self.tabs.addTab(self.progress, "Progress over &time")
        self.reviews = ReviewPanel(self.edits.mark_reviewed)
        self.tabs.addTab(self.reviews, "&Reviews")
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _index: self._load_stale_tab())

        ctx.events.profile_changed.connect(self._profile_changed)
        ctx.events.dataset_changed.connect(self.refresh)
        ctx.events.targets_changed.connect(self._reload_roles)
        _open_views[id(ctx)] = self
        self._reload_roles()
        self.refresh()

    # -- layout --------------------------------------------------------------------------------

    def _toolbar(self) -> QToolBar:
        bar = QToolBar("Roadmap actions")
        bar.setAccessibleName("Roadmap actions")
        edits = self.edits
        self.add_goal_action = self._bar_action(bar, "Add goal…", edits.add_goal, "Ctrl+N")
        self.edit_goal_action = self._bar_action(bar, "Edit goal…", edits.edit_goal, None)
        self.delete_goal_action = self._bar_action(bar, "Delete goal", edits.delete_goal, None)
        bar.addSeparator()
        # Export comes before Undo and Redo: it stays in view at the default width, and the
        # buttons never move under the mouse.
        self.export_menu = QMenu("Export", self)
        self.export_actions: dict[str, QAction] = {}
        for fmt, text, _filter, _name in roadmap_dialogs.EXPORT_CHOICES:
            action = self.export_menu.addAction(text)
            action.triggered.connect(lambda _c=False, f=fmt: self.files.export(f))
            self.export_actions[fmt] = action
        self.export_button = QToolButton()
        self.export_button.setText("&Export")
        self.export_button.setAccessibleName("Export the roadmap")
        self.export_button.setMenu(self.export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(self.export_button)
        bar.addSeparator()
        self.undo_action = self._undo_redo_action("&Undo", self.undo_stack.undo)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self._undo_redo_action("&Redo", self.undo_stack.redo)
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda text: self._say(self.undo_action, text))
        self.undo_stack.redoTextChanged.connect(lambda text: self._say(self.redo_action, text))
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            bar.addAction(action)
        bar.addSeparator()
        self.restore_action = self._bar_action(
            bar, "Restore backup…", self.files.restore_backup, None
        )
        self.restore_action.setToolTip("Restore the roadmap from a JSON backup")
        # Toolbar buttons take no focus by default: keyboard users could not reach Export.
        for tool_button in bar.findChildren(QToolButton):
            tool_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return bar

    def _undo_redo_action(self, text: str, slot) -> QAction:
        """Undo or Redo with a fixed label (what it would undo is its tooltip): a label that
        grew with the command's name moved every button after it under the mouse."""
        action = QAction(text, self)
        action.setEnabled(False)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @staticmethod
    def _say(action: QAction, command: str) -> None:
        verb = action.text().replace("&", "")
        action.setToolTip(f"{verb} {command}" if command else verb)

    def _bar_action(self, bar: QToolBar, text: str, slot, shortcut) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        bar.addAction(action)
        return action

    def _gap_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Create goals from my top"))
        self.gap_count = QSpinBox()
        self.gap_count.setRange(1, 15)
        self.gap_count.setValue(5)
        self.gap_count.setAccessibleName("How many top gaps")
        row.addWidget(self.gap_count)
        row.addWidget(QLabel("gaps for"))
        self.gap_role = QComboBox()
        self.gap_role.setAccessibleName("Target role for the goals")
        row.addWidget(self.gap_role, 1)
        self.gap_button = QToolButton()
        self.gap_button.setText("&Create goals")
        self.gap_button.setAccessibleName("Create goals from my top gaps")
        self.gap_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.gap_button.clicked.connect(lambda: self.create_goals_from_gap())
        row.addWidget(self.gap_button)
        return row

    def _goals_tab(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        self.goal_model = GoalModel(self)
        self.goal_proxy = sorted_view_model(self.goal_model, self)
        self.goal_table = make_table_view(self.goal_proxy, "Goals", first_column_width=170)
        self.goal_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_goal())
        self.goal_table.doubleClicked.connect(lambda _index: self.edits.edit_goal())
        splitter.addWidget(self.goal_table)
        self.detail = GoalDetail(self.edits)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        remember_splitter(splitter, self.ctx.settings, "roadmap-goals")
        return splitter

    # -- reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload everything the screen shows (quick reads of the user's database)."""
        db = self.ctx.user_db
        chosen = self.selected_goal()
        goals = list_goals(db)
        levels = all_effective_levels(db)
        active = self._active_keys = current_dataset_keys(self.ctx.market_db)
        keys = {goal.skill_key for goal in goals}
        renames = renamed_skills(self.ctx.market_db, keys, active) if active else {}
        self.goal_model.set_rows(goal_rows(goals, levels, active, renames, date.today()))
        if chosen is not None:
            self.select_goal(chosen.id)
        if not self.goal_table.currentIndex().isValid() and goals:
            self.goal_table.selectRow(0)
        self._show_goal()
        self._stale_tabs.clear()
        self._load_evidence(levels)
        self._load_progress()
        self._show_reviews_and_summary(self.goal_model.rows())

    def refresh_goals(self, goal_ids: frozenset[int]) -> None:
        """After a change inside these goals only (a step's state, a note, a review): their
        rows, the reviews and the summary; the evidence and history tabs are read again when
        next shown. With 1,000 goals, 10,000 evidence items and five years of history,
        reading everything again took most of a second per click."""
        db = self.ctx.user_db
        positions = {row.goal.id: index for index, row in enumerate(self.goal_model.rows())}
        if not goal_ids <= positions.keys():
            self.refresh()  # a goal appeared or went: the list itself changed
            return
        try:
            goals = [get_goal(db, goal_id) for goal_id in sorted(goal_ids)]
        except UserError:  # deleted underneath (the command line): read everything
            self.refresh()
            return
        keys = {goal.skill_key for goal in goals}
        levels = all_effective_levels(db, keys)
        active = self._active_keys
        renames = renamed_skills(self.ctx.market_db, keys, active) if active else {}
        for row in goal_rows(goals, levels, active, renames, date.today()):
            self.goal_model.replace_row(positions[row.goal.id], row)
        self._show_goal()
        self._stale_tabs.update((self.evidence, self.progress))
        self._load_stale_tab()
        self._show_reviews_and_summary(self.goal_model.rows())

    def _load_evidence(self, levels=None) -> None:
        db = self.ctx.user_db
        evidence = list_evidence(db)
        self.evidence.set_data(evidence, levels if levels is not None else all_effective_levels(db))
        self.ctx.runner.start(
            FILE_CHECK_TASK,
            lambda progress, cancel: file_statuses(evidence, progress, cancel),
            self._files_checked,
        )

    def _load_progress(self) -> None:
        self.progress.set_data(progress_history(self.ctx.user_db))

    def _load_stale_tab(self) -> None:
        """Read the shown tab again if it went stale while hidden."""
        shown = self.tabs.currentWidget()
        if shown not in self._stale_tabs:
            return
        self._stale_tabs.discard(shown)
        if shown is self.evidence:
            self._load_evidence()
        elif shown is self.progress:
            self._load_progress()

    def _show_reviews_and_summary(self, rows: list[GoalRow]) -> None:
        # From the rows' figures, each worked out once per goal change: walking every goal's
        # steps again on each click took a large roadmap a tenth of a second.
        today = date.today()
        goals = [row.goal for row in rows]
        due = due_for_review(
            (row.goal for row in rows if row.next_review and row.next_review <= today), today
        )
        self.reviews.set_data(due)
        self.tabs.setTabText(3, f"&Reviews ({len(due)} due)" if due else "&Reviews")
        done = sum(row.complete for row in rows)
        self.summary.setText(
            f"{len(goals)} goals, {done} complete — {overall_progress(goals):.0%} of all steps "
            f"done; {len(due)} due for review."
            if goals
            else "No goals yet: create them from your top gaps, or add one by hand."
        )

    def _files_checked(self, statuses: dict[int, str]) -> None:
        if shiboken6.isValid(self):  # the screen may have closed while files were read
            self.evidence.model.set_file_status(statuses)

    def _reload_roles(self) -> None:
        chosen = self.gap_role.currentData()
        self.gap_role.clear()
        for target in target_roles(self.ctx.user_db):
            self.gap_role.addItem(target.title, target.code)
        index = self.gap_role.findData(chosen)
        self.gap_role.setCurrentIndex(max(index, 0))
        self.gap_button.setEnabled(self.gap_role.count() > 0)

    def _profile_changed(self) -> None:
        if not self.edits.publishing:  # this screen's own edit: already refreshed
            self.refresh()

    def selected_row(self) -> GoalRow | None:
        return selected_row(self.goal_table)

    def selected_goal(self) -> Goal | None:
        row = self.selected_row()
        return row.goal if row else None

    def _goal_skill_names(self) -> list[str]:
        return sorted({row.goal.skill_name for row in self.goal_model.rows()}, key=str.casefold)

    def select_goal(self, goal_id: int) -> bool:
        for row in range(self.goal_proxy.rowCount()):
            index = self.goal_proxy.index(row, 0)
            if self.goal_proxy.data(index, ROW_ROLE).goal.id == goal_id:
                self.goal_table.setCurrentIndex(index)
                return True
        return False

    def _show_goal(self) -> None:
        row = self.selected_row()
        self.detail.show_goal(row)
        for action in (self.edit_goal_action, self.delete_goal_action):
            action.setEnabled(row is not None)

    # -- goals from the gap --------------------------------------------------------------------

    def create_goals_from_gap(
        self, role_code: str | None = None, limit: int | None = None, today: date | None = None
    ) -> list[Goal]:
        code = role_code or self.gap_role.currentData()
        if not code:
            dialogs.show_error(self, "Add a target role first (Start or Gap screen).")
            return []
        count = limit or self.gap_count.value()
        try:
            chosen = _chosen_goals(self.ctx, code, count, today, self)
        except UserError as error:
            dialogs.show_error(self, str(error))
            return []
        if not chosen:
            return []
        added: list[Goal] = []

        def run():
            added.extend(_add_chosen_goals(self.ctx, chosen))
            return AddGoalsCommand(self.ctx.user_db, self.edits.changed, list(added))

        self.edits.run(run)
        return added

    def exercise(self) -> None:
        """Draw the charts once (smoke test, screenshots)."""
        self.refresh()
        for panel in (self.progress.level_panel, self.progress.fit_panel):
            if panel.chart.isVisible():
                panel.chart.draw_now()
