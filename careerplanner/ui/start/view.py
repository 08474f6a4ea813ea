"""Start: drop or pick a resume, choose target roles by any title, see where you stand, and
the roles that fit you best (every role ranked by fit on a worker, after the first paint)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from careerplanner.store.market.datasets import active_datasets
from careerplanner.store.user.targets import (
    add_target_role,
    profile_skill_count,
    remove_target_role,
    target_roles,
)
from careerplanner.ui.common.after_paint import after_paint
from careerplanner.ui.common.appearance import DROP_ZONE_STYLE, set_text_role
from careerplanner.ui.common.context import AppContext, with_databases
from careerplanner.ui.common.plain_text import make_plain
from careerplanner.ui.common.role_search import RoleSearch
from careerplanner.ui.common.when_shown import WhenShown

RANKED_SHOWN = 15  # roles listed under "Roles that fit you"
# Qt.ItemDataRole.UserRole as the number Qt defines: naming it builds every Qt enum (see
# `lazy_qt`), which cost a start with target roles ~30 ms before the first paint.
USER_ROLE = 256
ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter, as the number Qt defines (same reason)


def _heading(text: str, role: str = "subtitle") -> QLabel:
    label = QLabel(text)
    set_text_role(label, role)
    return label


# Placement by stretches and markup rather than Qt.AlignmentFlag: this screen is the first one
# shown, and the first use of `Qt` costs every start ~27 ms (see `lazy_qt`).
def _aligned(widget: QWidget, centred: bool = False) -> QHBoxLayout:
    """`widget` at its natural width, on the left of its row (or in its middle)."""
    row = QHBoxLayout()
    if centred:
        row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return row


def _gap_engine():
    """The gap engine and the skill matcher, loaded with the first target role or ranking (not
    at every start of a user who has no skills yet), on the worker that needs them: importing
    them on the UI thread held the first paint of a home with target roles a fifth of a second.
    """
    from careerplanner.services import gap

    return gap


class StartView(QWidget):
    labels_plain = True  # its data labels are made plain here (no walk: the first paint)
    navigate_requested = Signal(str)
    open_resume_requested = Signal()
    targets_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 8)  # fits a 1024x640 window without scrolling
        outer.addWidget(_heading("Where do you stand?", "title"))
        intro = QLabel(
            "Read your resume, pick the roles you aim for, and see your depth in each skill "
            "against what they require. Everything stays on this computer."
        )
        intro.setWordWrap(True)
        set_text_role(intro, "hint")
        outer.addWidget(intro)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        outer.addLayout(columns, 1)

        # Step 1: the resume.
        left = QVBoxLayout()
        columns.addLayout(left, 1)
        left.addWidget(_heading("1. Your resume"))
        self.drop_zone = QFrame()
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setStyleSheet(DROP_ZONE_STYLE)
        zone = QVBoxLayout(self.drop_zone)
        drop_label = QLabel(
            "Drop a resume anywhere on this window\n(PDF, Word, text, Markdown, JSON Resume or "
            "a LinkedIn export zip)"
        )
        # Plain text, centred through the property: markup made it a rich-text document,
        # laid out again at each width tried (~1.5% of a start's instructions).
        drop_label.setProperty("alignment", ALIGN_CENTER)
        drop_label.setWordWrap(True)
        self.choose_button = QPushButton("Choose a resume…")
        self.choose_button.setAccessibleName("Choose a resume file")
        self.choose_button.clicked.connect(self.open_resume_requested)
        zone.addWidget(drop_label)
        zone.addLayout(_aligned(self.choose_button, centred=True))
        left.addWidget(self.drop_zone)
        self.profile_label = make_plain(QLabel())  # names from files: text, never HTML
        self.profile_label.setWordWrap(True)
        left.addWidget(self.profile_label)
        self.profile_button = QPushButton("See your skills")
        self.profile_button.clicked.connect(lambda: self.navigate_requested.emit("profile"))
        left.addLayout(_aligned(self.profile_button))
        left.addStretch(1)

        # Step 2: target roles.
        right = QVBoxLayout()
        columns.addLayout(right, 1)
        right.addWidget(_heading("2. Roles you aim for"))
        self.role_search = RoleSearch(ctx.market_db)
        self.role_search.results.setMaximumHeight(90)
        right.addWidget(self.role_search)
        add_row = QHBoxLayout()
        self.add_button = QPushButton("Add as target role")
        self.add_button.setAccessibleName("Add the selected role as a target")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove the selected target role")
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        add_row.addStretch(1)
        right.addLayout(add_row)
        right.addWidget(QLabel("Your target roles:"))
        self.targets = QListWidget()
        self.targets.setWordWrap(True)  # "… fit 76%, 21 skills to grow" wraps, never cut
        self.targets.setAccessibleName("Your target roles with fit scores")
        right.addWidget(self.targets, 1)
        self.gap_button = QPushButton("Open the gap dashboard")
        self.gap_button.clicked.connect(lambda: self.navigate_requested.emit("gap"))
        right.addLayout(_aligned(self.gap_button))

        # Step 3: every role ranked by fit, filled in by a worker once the screen has painted.
        ranked = QVBoxLayout()
        columns.addLayout(ranked, 1)
        ranked.addWidget(_heading("3. Roles that fit you"))
        self.fitting_hint = QLabel()
        self.fitting_hint.setWordWrap(True)
        set_text_role(self.fitting_hint, "hint")
        ranked.addWidget(self.fitting_hint)
        self.fitting = QListWidget()
        self.fitting.setAccessibleName("Roles that fit you, best first: click one for its gap")
        self.fitting.setWordWrap(True)  # long titles wrap: no sideways scrolling
        self.fitting.itemClicked.connect(self.open_ranked_role)
        self.fitting.itemActivated.connect(self.open_ranked_role)
        ranked.addWidget(self.fitting, 1)

        self.market_label = make_plain(QLabel())  # the dataset names, as plain text
        set_text_role(self.market_label, "hint")
        self.market_label.setWordWrap(True)
        outer.addWidget(self.market_label)

        self.add_button.clicked.connect(self.add_selected_role)
        self.role_search.role_chosen.connect(self.add_role)
        self.remove_button.clicked.connect(self.remove_selected_target)
        # Behind another screen, a change waits until this one is shown again: a step ticked
        # off on the Roadmap screen must not recount every target's fit and rank every role.
        self._when_shown = WhenShown(self, self.refresh)
        ctx.events.profile_changed.connect(self._rank_again)
        ctx.events.dataset_changed.connect(self._rank_again)
        ctx.events.targets_changed.connect(self._when_shown.request)
        self._fits_wanted: list = []
        self._ranking_wanted = True  # the ranking is redone when the profile or data change
        self._ranking: list = []
        self.refresh()

    def refresh(self) -> None:
        count = profile_skill_count(self.ctx.user_db)
        self.profile_label.setText(
            f"Your profile has {count} skill{'s' if count != 1 else ''}."
            if count
            else "No resume read yet."
        )
        self.profile_button.setEnabled(bool(count))
        if not count:
            self._ranking_wanted = False
            self._ranking = []
            self.fitting.clear()
            self.fitting_hint.setText("Read your resume to see every role ranked by your fit.")
        datasets = active_datasets(self.ctx.market_db)
        self.market_label.setText(
            "Market data: " + ", ".join(d.label for d in datasets)
            if datasets
            else "No market dataset installed yet: import one on the Datasets screen."
        )
        self._refresh_targets()

    def _refresh_targets(self) -> None:
        """List the target roles now; their fits follow once the screen has painted."""
        self.targets.clear()
        roles = target_roles(self.ctx.user_db)
        for target in roles:
            item = QListWidgetItem(f"{target.title} — fit …")
            item.setData(USER_ROLE, target.code)
            self.targets.addItem(item)
        self.gap_button.setEnabled(bool(roles))
        self.remove_button.setEnabled(bool(roles))
        self._fits_wanted = roles
        if roles or self._ranking_wanted:
            after_paint(self, self._fill_in_fits)  # the list shows at once, its fits follow

    def _rank_again(self) -> None:
        self._ranking_wanted = True
        self._when_shown.request()

    def _fill_in_fits(self) -> None:
        roles, self._fits_wanted = self._fits_wanted, []
        rank, self._ranking_wanted = self._ranking_wanted, False
        if not roles and not rank:
            return  # already filled in, or the targets changed and a newer call follows
        if roles:
            # On a worker: the first gap reads every occupation's needs (a second or more).
            def fits(dbs, _progress, _cancel):
                return [
                    (target, None if gap is None else (gap.fit, gap.unmet_count))
                    for target, gap in _gap_engine().target_gaps(dbs.user, dbs.market, roles)
                ]

            self.ctx.runner.start(
                "start-target-fits",
                with_databases(self.ctx.data_dir, fits),
                on_success=self._show_fits,
            )
        if rank:
            self._start_ranking()

    def _show_fits(self, fits) -> None:
        for row, (target, figures) in enumerate(fits):
            if figures is None:
                text = f"{target.title} — not in the active dataset"
            else:
                text = f"{target.title} — fit {figures[0]:.0%}, {figures[1]} skills to grow"
            item = self.targets.item(row)
            if item is not None and item.data(USER_ROLE) == target.code:
                item.setText(text)

    def _start_ranking(self) -> None:
        """Rank every role on a worker (a few seconds); the list fills in when it is done."""
        self.fitting.clear()
        self.fitting_hint.setText("Ranking every role by your fit…")

        def work(dbs, progress, cancel):
            return _gap_engine().rank_roles(
                dbs.user, dbs.market, top=RANKED_SHOWN, progress=progress, cancel=cancel
            )

        self.ctx.runner.start(
            "start-rank-roles",
            with_databases(self.ctx.data_dir, work),
            on_success=self._show_ranking,
            on_error=self._ranking_failed,
        )

    def _show_ranking(self, ranking) -> None:
        self._ranking = list(ranking.roles)
        self.fitting.clear()
        for role in self._ranking:
            where = ", postings" if role.source == "postings" else ""
            item = QListWidgetItem(
                f"{role.fit:.0%} ({role.requirements} req.{where})  {role.title}"
            )
            item.setData(USER_ROLE, (role.code, role.title))
            item.setToolTip(role.note)
            self.fitting.addItem(item)
        self.fitting_hint.setText(
            f"The {len(self._ranking)} of {ranking.total} roles that fit you best, ranked by "
            "fit and by how much of your skills each uses: the share of its requirements you "
            "meet, and how many it counts. Click one to see its gap."
        )

    def _ranking_failed(self, error: BaseException) -> None:
        self.fitting_hint.setText(f"The roles could not be ranked: {error}")

    def open_ranked_role(self, item: QListWidgetItem) -> None:
        """A ranked role, a click away from its gap: it becomes a target role, shown there."""
        code, title = item.data(USER_ROLE)
        add_target_role(self.ctx.user_db, code, title)
        self.ctx.events.targets_changed.emit()
        self.navigate_requested.emit("gap")

    def add_selected_role(self) -> None:
        current = self.role_search.current()
        if current is not None:
            self.add_role(*current)

    def add_role(self, code: str, title: str) -> None:
        add_target_role(self.ctx.user_db, code, title)
        self.ctx.events.targets_changed.emit()
        self.ctx.events.status_message.emit(f"{title} added to your target roles.")

    def remove_selected_target(self) -> None:
        item = self.targets.currentItem() or (
            self.targets.item(0) if self.targets.count() else None
        )
        if item is None:
            return
        remove_target_role(self.ctx.user_db, item.data(USER_ROLE))
        self.ctx.events.targets_changed.emit()
