"""Job ads: the user's own market. A table of the ads they collected (filter by tag, status and
words), one ad with its requirements marked in its text and fixable, the fit for it with a
what-if, and the figures of a group of ads.

Everything goes through `services.job_ads`. Plain reads and quick writes run on the GUI thread;
reading ads (the skill finder), the fits (the name matcher) and a group's figures run through
`ctx.runner`, each worker with its own connections, with progress and Cancel for files.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.errors import UserError
from careerplanner.services import job_ads
from careerplanner.ui.ads import dialogs as ad_dialogs
from careerplanner.ui.ads.dialogs import AdInput, RequirementInput
from careerplanner.ui.ads.models import STATUS_COLUMN, AdFilterProxy, AdListModel, selected_ids
from careerplanner.ui.ads.panels import AdPanel, FitPanel, GroupPanel
from careerplanner.ui.common import dialogs
from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.chart_panel import make_table_view
from careerplanner.ui.common.context import AppContext, with_databases
from careerplanner.ui.common.plain_text import make_labels_plain, plain_label
from careerplanner.ui.common.splitters import remember_splitter
from careerplanner.ui.common.table_model import ROW_ROLE
from careerplanner.ui.common.worker import is_cancellation

PASTE_TASK = "ads-add-text"
FILES_TASK = "ads-add-files"
FITS_TASK = "ads-fits"
AD_FIT_TASK = "ads-one-fit"
GROUP_TASK = "ads-group"
REREAD_TASK = "ads-reread"
ANY = None  # the "all tags" / "any status" choice
FIT_TAB = 1
GROUP_TAB = 2
REFIT_DELAY_MS = 120
MIN_LIST_ROWS = 4  # at 1024x640 (`careerplanner --smoke --all-screens --size 1024x640`)
MIN_TEXT_HEIGHT = 150


class AdsView(QWidget):
    ads_added = Signal(object)  # the AddReport of files, or the AdSummary of a pasted ad
    add_failed = Signal(str)  # the sentence shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_problem = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 4)
        header = QHBoxLayout()
        title = QLabel("Job ads")
        set_text_role(title, "title")
        header.addWidget(title)
        header.addWidget(self._toolbar(), 1)
        layout.addLayout(header)
        layout.addLayout(self._filter_row())
        layout.addWidget(self._reread_bar())

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.model = AdListModel(self)
        self.proxy = AdFilterProxy(self.model, self)
        self.table = make_table_view(self.proxy, "Job ads", first_column_width=240)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setMinimumHeight(110)
        self.splitter.addWidget(self.table)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.ad_panel = AdPanel()
        self.tabs.addTab(self.ad_panel, "The &ad")
        # The fit and the group are built when their tab is first shown (or asked for): each
        # is tables, combo boxes and a worker's figures that most visits never look at, and
        # they were a third of the time the screen took to open.
        self._fit_panel: FitPanel | None = None
        self._group_panel: GroupPanel | None = None
        self.tabs.addTab(_holder(), "Your &fit")
        self.tabs.addTab(_holder(), "The g&roup")
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        if not remember_splitter(self.splitter, ctx.settings, "ads"):
            self.splitter.setSizes([200, 300])
        layout.addWidget(self.splitter, 1)

        self._group_timer = QTimer(self)
        self._group_timer.setSingleShot(True)
        self._group_timer.setInterval(150)
        self._group_timer.timeout.connect(self.refresh_group)
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(REFIT_DELAY_MS)
        self._refit_timer.timeout.connect(self._refit)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._group_changed())
        self.tabs.currentChanged.connect(self._tab_shown)
        self.ad_panel.status_chosen.connect(self.set_status)
        self.ad_panel.tags_button.clicked.connect(lambda: self.edit_tags())
        self.ad_panel.details_button.clicked.connect(lambda: self.edit_details())
        self.ad_panel.add_button.clicked.connect(lambda: self.add_requirement())
        self.ad_panel.change_button.clicked.connect(lambda: self.change_requirement())
        self.ad_panel.remove_button.clicked.connect(lambda: self.remove_requirement())
        self.ad_panel.undo_button.clicked.connect(lambda: self.undo_fix())
        ctx.events.ads_changed.connect(self._ads_changed_elsewhere)
        ctx.events.profile_changed.connect(self._refit)
        ctx.events.dataset_changed.connect(self._refit)
        ctx.events.dataset_changed.connect(self._offer_reread)
        self._publishing = False
        self.refresh()
        self._offer_reread()

    # -- layout --------------------------------------------------------------------------------

    @property
    def fit_panel(self) -> FitPanel:
        """Your fit for the current ad: built, and its fit worked out, when first needed."""
        if self._fit_panel is None:
            self._fit_panel = _built(FitPanel(), self.tabs.widget(FIT_TAB))
            self._start_ad_fit()
        return self._fit_panel

    @property
    def group_panel(self) -> GroupPanel:
        """The figures of a group of ads: built when first needed."""
        if self._group_panel is None:
            self._group_panel = _built(GroupPanel(), self.tabs.widget(GROUP_TAB))
            self._group_panel.scope.currentIndexChanged.connect(lambda _i: self._group_changed())
        return self._group_panel

    def _tab_shown(self, index: int) -> None:
        # Built on first show (a property's first use builds it).
        if index == FIT_TAB:
            self.fit_panel  # noqa: B018
        elif index == GROUP_TAB:
            self.group_panel  # noqa: B018
        self._group_changed()

    def _toolbar(self) -> QToolBar:
        bar = QToolBar("Job ad actions")
        bar.setAccessibleName("Job ad actions")
        self.add_action = self._bar_action(bar, "Add job ad…", lambda: self.add_pasted_ad())
        self.add_action.setToolTip("Paste an ad's text (Ctrl+Shift+V)")
        self.add_files_action = self._bar_action(bar, "Add files…", self.choose_files)
        self.add_folder_action = self._bar_action(bar, "Add folder…", self.choose_folder)
        bar.addSeparator()
        self.tag_action = self._bar_action(bar, "Tag…", lambda: self.edit_tags())
        self.remove_action = self._bar_action(bar, "Remove", lambda: self.remove_selected())
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.remove_action)
        bar.addSeparator()
        self.export_action = self._bar_action(bar, "Export CSV…", self.export_csv)
        for tool_button in bar.findChildren(QToolButton):
            tool_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return bar

    def _bar_action(self, bar: QToolBar, text: str, slot) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        bar.addAction(action)
        return action

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setAccessibleName("Filter the ads")
        self.search.setPlaceholderText("Filter by title, company, place, tag…")
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 2)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Show the ads with this tag")
        self.tag_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tag_filter.setMinimumContentsLength(14)
        row.addWidget(self.tag_filter, 1)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show the ads with this status")
        self.status_filter.addItem("Any status", ANY)
        for status in job_ads.STATUSES:
            self.status_filter.addItem(status, status)
        row.addWidget(self.status_filter)
        self.count_label = plain_label()
        set_text_role(self.count_label, "hint")
        self.count_label.setAccessibleName("Ads shown")
        row.addWidget(self.count_label)
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.tag_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        return row

    def _reread_bar(self) -> QWidget:
        """Shown when ads were read with another dataset version: read them again (the user's
        fixes are kept)."""
        self.reread_box = QWidget()
        row = QHBoxLayout(self.reread_box)
        row.setContentsMargins(0, 0, 0, 0)
        self.reread_label = plain_label()
        set_text_role(self.reread_label, "warning")
        self.reread_label.setWordWrap(True)
        row.addWidget(self.reread_label, 1)
        self.reread_button = QPushButton("Read them again")
        self.reread_button.setAccessibleName("Read the ads again with the active dataset")
        self.reread_button.clicked.connect(lambda: self.reread())
        row.addWidget(self.reread_button)
        self.reread_box.hide()
        return self.reread_box

    def _offer_reread(self) -> None:
        count = job_ads.ads_to_reread(self.ctx.user_db, self.ctx.market_db)
        self.reread_label.setText(
            f"{count} ads were read with another dataset version; read again, they may find "
            "more requirements (your fixes are kept)."
            if count
            else ""
        )
        self.reread_box.setVisible(count > 0)

    def reread(self):
        def again(dbs, progress, cancel):
            return job_ads.reread_ads(dbs.user, dbs.market, progress, cancel)

        def done(count: int) -> None:
            self._publish(f"Read {count} ads again with the active dataset.")
            self._offer_reread()

        def failed(error: BaseException) -> None:
            # One transaction per ad: those read again before the stop are kept.
            cancelled = is_cancellation(error)
            self._publish(
                "Stopped; the ads read again before Cancel are kept." if cancelled else ""
            )
            self._offer_reread()
            if not cancelled:
                dialogs.show_error(self, self._sentence(error, "the ads"))

        return self.ctx.runner.start(
            REREAD_TASK,
            with_databases(self.ctx.data_dir, again),
            done,
            failed,
            progress_title="Reading your ads again",
            dialog_parent=self.window(),
        )

    # -- reading -------------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the list (a quick read: the fits follow from a worker) and the tags."""
        chosen = select_id if select_id is not None else self.current_id()
        shown = self.ad_panel.detail
        self.model.set_rows(job_ads.list_ads(self.ctx.user_db))
        self._reload_tags()
        self.apply_filter()
        found = chosen is not None and self.select_ad(chosen)
        if not found and self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        if self.ad_panel.detail is shown:  # not yet shown by the selection's change: read it
            self._show_current()
        # The fits after the list has painted: their worker would hold the interpreter while
        # the screen is first drawn.
        self._refit_timer.start()

    def _reload_tags(self) -> None:
        chosen = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All tags", ANY)
        for tag, count in job_ads.all_tags(self.ctx.user_db):
            self.tag_filter.addItem(f"{tag} ({count})", tag)
        index = self.tag_filter.findData(chosen)
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)

    def apply_filter(self) -> None:
        self.proxy.set_filter(
            self.search.text(), self.tag_filter.currentData(), self.status_filter.currentData()
        )
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{shown} of {total} ads" if shown != total else f"{total} ads")
        self._group_changed()

    def _refit(self) -> None:
        """The fit column, from a worker (the first fit loads the name matcher)."""
        if not self.model.rowCount():
            return
        data_dir = self.ctx.data_dir

        def fits(dbs, _progress, cancel):
            cancel.check()
            return {ad.id: ad.fit for ad in job_ads.list_ads(dbs.user, dbs.market)}

        self.ctx.runner.start(FITS_TASK, with_databases(data_dir, fits), self._fits_arrived)
        self._start_ad_fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # After the table's own fitting (on its Show): that measures the first rows only.
        QTimer.singleShot(0, self._widen_status_column)

    def _widen_status_column(self) -> None:
        """Room for the longest status, which the first rows measured may not hold."""
        if not shiboken6.isValid(self):
            return
        header = self.table.horizontalHeader()
        wanted = self.table.fontMetrics().horizontalAdvance(max(job_ads.STATUSES, key=len)) + 18
        if header.sectionSize(STATUS_COLUMN) < wanted:
            header.resizeSection(STATUS_COLUMN, wanted)

    def _fits_arrived(self, fits: dict[int, float | None]) -> None:
        if shiboken6.isValid(self):
            self.model.set_fits(fits)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index.siblingAtColumn(0), ROW_ROLE).id

    def select_ad(self, ad_id: int) -> bool:
        row = self.model.row_of(ad_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _show_current(self) -> None:
        ad_id = self.current_id()
        detail = None
        if ad_id is not None:
            try:
                detail = job_ads.get_ad(self.ctx.user_db, ad_id)
            except UserError:
                detail = None  # removed from the command line meanwhile
        if detail is not None and self.ad_panel.detail is not None:
            same = self.ad_panel.detail.summary.id == detail.summary.id
            if same and self.ad_panel.detail == detail:
                return
        self.ad_panel.show_detail(detail)
        self.tag_action.setEnabled(ad_id is not None)
        self.remove_action.setEnabled(ad_id is not None)
        self._start_ad_fit()

    def _start_ad_fit(self) -> None:
        if self._fit_panel is None:
            return  # worked out when the Fit tab is first shown
        ad_id = self.current_id()
        if ad_id is None:
            self.fit_panel.show_fit(None, "Choose an ad to see your fit for it.")
            return
        if self.fit_panel.fit is None or self.fit_panel.fit.ad_id != ad_id:
            self.fit_panel.show_fit(None, "Working out your fit…")

        def fit(dbs, _progress, cancel):
            cancel.check()
            return job_ads.ad_fit(dbs.user, dbs.market, ad_id)

        self.ctx.runner.start(
            AD_FIT_TASK, with_databases(self.ctx.data_dir, fit), self._fit_arrived, self._fit_failed
        )

    def _fit_arrived(self, fit) -> None:
        if shiboken6.isValid(self) and fit.ad_id == self.current_id():
            self.fit_panel.show_fit(fit)

    def _fit_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self) and not is_cancellation(error):
            self.fit_panel.show_fit(None, str(error) if isinstance(error, UserError) else "")

    # -- the group -----------------------------------------------------------------------------

    def _group_changed(self) -> None:
        if self.tabs.currentIndex() == GROUP_TAB:
            self._group_timer.start()

    def group_scope(self) -> tuple[dict, str]:
        """The ads of the group, as the service names them (every ad, a tag, or ids), and
        what to call the group when the service's own name would not fit ("" when it does)."""
        if self.group_panel.scope.currentData() == "selected":
            return {"ids": selected_ids(self.table)}, ""
        tag = self.tag_filter.currentData()
        words, status = self.search.text().strip(), self._status()
        if not words and not status:
            return ({"tag": tag} if tag is not None else {}), ""
        ids = self.proxy.shown_ids()
        return {"ids": ids}, f"the {len(ids)} ads listed"

    def _status(self) -> str | None:
        return self.status_filter.currentData()

    def refresh_group(self) -> None:
        scope, label = self.group_scope()
        if "ids" in scope and not scope["ids"]:
            self.group_panel.show_group(None, "No ad in the group: list or select some.")
            return
        self.group_panel.show_group(None, "Counting…")

        def summary(dbs, _progress, cancel):
            cancel.check()
            group = job_ads.group_summary(dbs.user, dbs.market, **scope)
            return replace(group, label=label) if label else group

        self.ctx.runner.start(
            GROUP_TASK,
            with_databases(self.ctx.data_dir, summary),
            self._group_arrived,
            self._group_failed,
        )

    def _group_arrived(self, group) -> None:
        if shiboken6.isValid(self):
            self.group_panel.show_group(group)

    def _group_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self) and not is_cancellation(error):
            text = str(error) if isinstance(error, UserError) else f"Counting failed: {error}"
            self.group_panel.show_group(None, text)

    # -- adding --------------------------------------------------------------------------------

    def add_pasted_ad(self, initial: AdInput | None = None, problem: str = "") -> None:
        """Ask for an ad's text (the clipboard's) and read it; a refusal re-opens the dialog
        with what was typed and the reason, so nothing typed is lost."""
        ad = ad_dialogs.ask_job_ad(self, initial, problem)
        if ad is not None:
            self.read_pasted_ad(ad)

    def read_pasted_ad(self, ad: AdInput, allow_empty: bool = False) -> None:
        def add(dbs, _progress, cancel):
            cancel.check()
            return job_ads.add_ad_text(
                dbs.user,
                dbs.market,
                ad.text,
                title=ad.title or None,
                company=ad.company or None,
                location=ad.location or None,
                link=ad.link or None,
                salary_text=ad.salary or None,
                seen_on=ad.seen,
                tags=ad.tags,
                allow_empty=allow_empty,
            )

        self.ctx.runner.start(
            PASTE_TASK,
            with_databases(self.ctx.data_dir, add),
            self._pasted,
            lambda error: self._paste_failed(error, ad),
            progress_title="Reading the ad",
            dialog_parent=self.window(),
        )

    def _pasted(self, summary) -> None:
        self._publish(f"Added #{summary.id} {summary.title or 'the ad'}.", summary.id)
        self.ads_added.emit(summary)

    def _paste_failed(self, error: BaseException, ad: AdInput) -> None:
        if is_cancellation(error):
            return
        sentence = self._sentence(error, "the ad")
        self.last_problem = sentence
        self.add_failed.emit(sentence)
        duplicate_of = getattr(error, "ad_id", None)
        if duplicate_of is not None:
            self.select_ad(duplicate_of)
            dialogs.show_info(self, sentence)
            return
        if isinstance(error, job_ads.NoRequirementError) and dialogs.confirm(
            self, f"{sentence} Keep the ad and add its requirements by hand?"
        ):
            self.read_pasted_ad(ad, allow_empty=True)
            return
        self.add_pasted_ad(ad, sentence)

    def choose_files(self) -> None:
        paths = ad_dialogs.choose_ad_files(self)
        if paths:
            self.add_paths(paths)

    def choose_folder(self) -> None:
        folder = ad_dialogs.choose_ad_folder(self)
        if folder is not None:
            self.add_paths([folder])

    def add_paths(self, paths: list[Path], allow_empty: bool = False):
        """Read ad files and folders on a worker, with progress and a working Cancel: each ad is
        its own transaction, so Cancel keeps the ads read before it."""
        paths = [Path(path) for path in paths]

        def add(dbs, progress, cancel):
            return job_ads.add_ad_files(
                dbs.user,
                dbs.market,
                paths,
                progress=progress,
                cancel=cancel,
                allow_empty=allow_empty,
            )

        name = paths[0].name if len(paths) == 1 else f"{len(paths)} files"
        return self.ctx.runner.start(
            FILES_TASK,
            with_databases(self.ctx.data_dir, add),
            lambda report: self._files_added(report, paths),
            lambda error: self._files_failed(error, name),
            progress_title=f"Reading job ads from {name}",
            dialog_parent=self.window(),
            progress_delay_ms=0,
        )

    def _files_added(self, report, paths: list[Path]) -> None:
        added = report.added
        self._publish(report.sentence(), added[-1].ad_id if added else None)
        refused = [o for o in report.refused if o.message]
        if refused:
            self.last_problem = "\n".join(f"{o.source}: {o.message}" for o in refused)
            self.add_failed.emit(self.last_problem)
            empty = [o for o in refused if o.no_requirement]
            if empty and len(empty) == len(refused):
                question = (
                    f"{report.sentence()}\n\n{self.last_problem}\n\nKeep "
                    f"{'it' if len(empty) == 1 else f'these {len(empty)} ads'} and add the "
                    "requirements by hand?"
                )
                if dialogs.confirm(self, question):
                    # Read again keeping them: the ads already added count as duplicates.
                    self.add_paths(paths, allow_empty=True)
            else:
                dialogs.show_error(self, report.sentence() + "\n\n" + self.last_problem)
        self.ads_added.emit(report)

    def _files_failed(self, error: BaseException, name: str) -> None:
        if is_cancellation(error):
            # Each ad is its own transaction: those read before Cancel are kept.
            self._publish("Stopped; the ads read before Cancel are kept.")
            self.add_failed.emit(str(error))
            return
        sentence = self._sentence(error, name)
        self.last_problem = sentence
        self.add_failed.emit(sentence)
        dialogs.show_error(self, sentence)

    @staticmethod
    def _sentence(error: BaseException, name: str) -> str:
        if isinstance(error, UserError):
            return str(error)
        return (
            f"Reading {name} failed unexpectedly ({type(error).__name__}: {error}); "
            "nothing was added."
        )

    # -- changing ------------------------------------------------------------------------------

    def _publish(self, message: str, select_id: int | None = None) -> None:
        """After a write: this screen refreshes, the others hear `ads_changed`."""
        self.refresh(select_id)
        self._publishing = True
        try:
            self.ctx.events.ads_changed.emit()
        finally:
            self._publishing = False
        if message:
            self.ctx.events.status_message.emit(message)

    def _ads_changed_elsewhere(self) -> None:
        if not self._publishing:
            self.refresh()

    def _write(self, change, message: str) -> bool:
        """Run a quick write; a refusal shows its sentence and changes nothing."""
        try:
            change()
        except UserError as error:
            dialogs.show_error(self, str(error))
            return False
        self._publish(message, self.current_id())
        return True

    def set_status(self, status: str) -> None:
        ad_id = self.current_id()
        if ad_id is None:
            return
        self._write(
            lambda: job_ads.set_status(self.ctx.user_db, ad_id, status),
            f"Ad #{ad_id} is now {status}.",
        )

    def edit_tags(self) -> None:
        ids = selected_ids(self.table) or ([self.current_id()] if self.current_id() else [])
        if not ids:
            return
        known = [tag for tag, _count in job_ads.all_tags(self.ctx.user_db)]
        if len(ids) == 1:
            current = job_ads.get_ad(self.ctx.user_db, ids[0]).summary.tags
            tags = ad_dialogs.ask_tags(self, current, known)
            if tags is not None:
                self._write(
                    lambda: job_ads.set_tags(self.ctx.user_db, ids[0], tags),
                    f"Ad #{ids[0]} tagged {', '.join(tags) or 'with nothing'}.",
                )
            return
        tags = ad_dialogs.ask_tags(self, (), known)
        if tags:
            self._write(
                lambda: job_ads.add_tags(self.ctx.user_db, ids, tags),
                f"{len(ids)} ads tagged {', '.join(tags)}.",
            )

    def edit_details(self) -> bool:
        """The title, company, place, link, pay and date the reader found, as the user says."""
        detail = self.ad_panel.detail
        if detail is None:
            return False
        ad = detail.summary
        current = AdInput(
            detail.text,
            title=ad.title,
            company=ad.company,
            location=ad.location,
            link=ad.link,
            salary=ad.salary_text,
            seen=date.fromisoformat(ad.seen_on) if ad.seen_on else None,
        )
        answer = ad_dialogs.ask_ad_details(self, current)
        if answer is None or answer == current:
            return False
        return self._write(
            lambda: job_ads.update_ad_fields(
                self.ctx.user_db,
                ad.id,
                title=answer.title,
                company=answer.company,
                location=answer.location,
                link=answer.link,
                salary_text=answer.salary,
                seen_on=answer.seen,
            ),
            f"Ad #{ad.id} updated.",
        )

    def remove_selected(self) -> None:
        ids = selected_ids(self.table)
        if not ids:
            return
        question = (
            f"Remove ad #{ids[0]} from your ads?"
            if len(ids) == 1
            else f"Remove these {len(ids)} ads from your ads?"
        )
        if dialogs.confirm(self, question):
            self._write(
                lambda: job_ads.remove_ads(self.ctx.user_db, ids), f"Removed {len(ids)} ads."
            )

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export job ads", "job-ads.csv", "CSV (*.csv)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Path | None:
        try:
            written = job_ads.export_ads_csv(
                self.ctx.user_db,
                path,
                self.ctx.market_db,
                tag=self.tag_filter.currentData(),
                status=self._status(),
            )
        except UserError as error:
            dialogs.show_error(self, str(error))
            return None
        self.ctx.events.status_message.emit(f"Wrote {written}.")
        return written

    # -- fixing requirements -------------------------------------------------------------------

    def _fix(self, message: str, **change) -> bool:
        ad_id = self.current_id()
        if ad_id is None:
            return False
        key = self.ad_panel.selected_skill()
        done = self._write(
            lambda: job_ads.fix_requirement(self.ctx.user_db, self.ctx.market_db, ad_id, **change),
            message,
        )
        self.ad_panel.select_skill(key)
        return done

    def add_requirement(self) -> bool:
        names = [
            r.skill_name for r in (self.ad_panel.detail.removed if self.ad_panel.detail else ())
        ]
        answer = ad_dialogs.ask_requirement(self, names)
        if answer is None or not answer.skill:
            return False
        return self._fix(
            f"Added {answer.skill} (L{answer.level}, {answer.required}).",
            add=(answer.skill, answer.level, answer.required),
        )

    def change_requirement(self) -> bool:
        requirement = self.ad_panel.selected_requirement()
        if requirement is None:
            return False
        current = RequirementInput(requirement.skill_name, requirement.level, requirement.required)
        answer = ad_dialogs.ask_requirement(self, [], current)
        if answer is None or answer == current:
            return False
        return self._fix(
            f"{requirement.skill_name} is now L{answer.level}, {answer.required}.",
            set=(requirement.skill_key, answer.level, answer.required),
        )

    def remove_requirement(self) -> bool:
        requirement = self.ad_panel.selected_requirement()
        if requirement is None:
            return False
        return self._fix(
            f"Removed {requirement.skill_name} from the ad's requirements.",
            remove=requirement.skill_key,
        )

    def undo_fix(self) -> bool:
        requirement = self.ad_panel.selected_requirement()
        ad_id = self.current_id()
        if requirement is None or ad_id is None:
            return False
        return self._write(
            lambda: job_ads.undo_fix(self.ctx.user_db, ad_id, requirement.skill_key),
            f"{requirement.skill_name} is back as the reader found it.",
        )

    # -- smoke run and screenshots -------------------------------------------------------------

    def usability_problems(self) -> list[str]:
        """Whether the list and the ad's text have room enough (checked by the smoke run)."""
        problems = []
        row_height = max(self.table.verticalHeader().defaultSectionSize(), 1)
        rows = self.table.viewport().height() // row_height
        if rows < MIN_LIST_ROWS:
            problems.append(f"the list of ads shows {rows} rows, fewer than {MIN_LIST_ROWS}.")
        if self.ad_panel.text.height() < MIN_TEXT_HEIGHT:
            problems.append(
                f"the ad's text is {self.ad_panel.text.height()} px tall, "
                f"less than {MIN_TEXT_HEIGHT}."
            )
        return problems

    def exercise(self) -> None:
        """Fill every tab once (smoke run, screenshots): wait for the workers."""
        self.refresh()
        self.ctx.runner.wait_for_done()


def _holder() -> QWidget:
    """An empty tab page that a panel is put in when the tab is first shown."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    return page


def _built(panel: QWidget, page: QWidget) -> QWidget:
    """`panel` in its tab's page, its labels plain as the window makes a screen's (issue 16)."""
    make_labels_plain(panel)
    page.layout().addWidget(panel)
    panel.show()  # a widget put in a page already shown is shown only after a queued event
    return panel
