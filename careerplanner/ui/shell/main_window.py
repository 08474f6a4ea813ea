"""The main window: navigation, menus, drag and drop, window state. Wiring only.

Screens are built the first time they are shown, so start-up pays only for the first one (and
matplotlib is imported only when a chart first appears). Switching screens recomputes nothing:
each screen refreshes itself when `AppEvents` says its data changed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerplanner.ui.common import dialogs
from careerplanner.ui.common.appearance import (
    NAVIGATION_STYLE,
    THEME_SETTING,
    THEMES,
    apply_theme,
    theme_choice,
)
from careerplanner.ui.common.context import AppContext
from careerplanner.ui.common.plain_text import LABELS_PLAIN_ATTRIBUTE, make_labels_plain
from careerplanner.ui.shell.file_actions import FileActions

if TYPE_CHECKING:
    # Annotations only: naming a Qt class loads its type (and enums), which start-up would pay.
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from careerplanner.importers.file_kind import FileKind


# Files that can only be job ads (a saved page, a job alert, a JSON Resume job file): dropped
# elsewhere than the Job ads screen, the refusal says where they go.
AD_ONLY_SUFFIXES = {".html", ".htm", ".eml", ".json"}


class Screen(NamedTuple):
    key: str
    title: str
    view: str  # "module:Class", imported when the screen is first shown

    def factory(self) -> Callable[[AppContext], QWidget]:
        module_name, class_name = self.view.split(":")
        return getattr(importlib.import_module(module_name), class_name)


SCREENS = (
    Screen("start", "Start", "careerplanner.ui.start.view:StartView"),
    Screen("profile", "Profile", "careerplanner.ui.profile.view:ProfileView"),
    Screen("market", "Market explorer", "careerplanner.ui.market.view:MarketView"),
    Screen("gap", "Gap", "careerplanner.ui.gap.view:GapView"),
    Screen("roadmap", "Roadmap", "careerplanner.ui.roadmap.view:RoadmapView"),
    Screen("ads", "Job ads", "careerplanner.ui.ads.view:AdsView"),
    Screen("datasets", "Datasets", "careerplanner.ui.datasets.view:DatasetsView"),
    Screen("about", "About", "careerplanner.ui.shell.about_view:AboutView"),
)


class _ScreenHolder(QWidget):
    """Holds a screen in its scroll area, and asks for the screen's least height, not its
    preferred one: a scroll area sizes a page whose text wraps by the height it would like
    (every table at its full natural height), so a screen that fits a 1024x640 window at its
    minimum still scrolled."""

    def __init__(self, screen: QWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(screen)

    def heightForWidth(self, width: int) -> int:
        return self.layout().minimumHeightForWidth(width)


def _scrolling(screen: QWidget) -> QScrollArea:
    """The screen in a scroll area: on a window smaller than a screen needs (1024x640), that
    screen scrolls, instead of forcing the window taller than the display or clipping labels.
    A window large enough shows no scroll bar."""
    area = QScrollArea()
    area.setObjectName(f"scroll_{screen.objectName()}")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(_ScreenHolder(screen))
    return area


class MainWindow(QMainWindow):
    screen_changed = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle("Career Planner")
        self.setAcceptDrops(True)
        self.screens = list(SCREENS)
        self._built: dict[str, QWidget] = {}
        self.files = FileActions(ctx, self)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.navigation.setAccessibleName("Screens")
        self.navigation.setFixedWidth(190)
        self.stack = QStackedWidget()
        for screen in self.screens:
            item = QListWidgetItem(screen.title)
            item.setToolTip(screen.title)
            self.navigation.addItem(item)
            self.stack.addWidget(QWidget())  # placeholder until first shown
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self.show_screen_at)

        self._build_menus()
        ctx.events.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.files.navigate_requested.connect(self.show_screen)
        self._restore_state()

    # -- screens -------------------------------------------------------------------------------

    def screen_widget(self, key: str) -> QWidget:
        """The screen's widget, built on first use."""
        if key not in self._built:
            index = self._index_of(key)
            widget = self.screens[index].factory()(self.ctx)
            widget.setObjectName(f"screen_{key}")
            if not getattr(widget, LABELS_PLAIN_ATTRIBUTE, False):
                make_labels_plain(widget)  # names from files are text, never HTML (issue 16)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, _scrolling(widget))
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[key] = widget
            # Screens ask for navigation and file actions through signals; the window wires them.
            for signal_name, slot in (
                ("navigate_requested", self.show_screen),
                ("import_requested", self.files.import_dataset),
                ("open_resume_requested", self.files.open_resume),
            ):
                if hasattr(widget, signal_name):
                    getattr(widget, signal_name).connect(slot)
        return self._built[key]

    def _index_of(self, key: str) -> int:
        for index, screen in enumerate(self.screens):
            if screen.key == key:
                return index
        raise KeyError(key)

    def show_screen(self, key: str) -> None:
        self.navigation.setCurrentRow(self._index_of(key))

    def show_screen_at(self, index: int) -> None:
        if not 0 <= index < len(self.screens):
            return
        key = self.screens[index].key
        self.screen_widget(key)  # built on first use
        self.stack.setCurrentIndex(index)
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)
        self.screen_changed.emit(key)

    def current_screen(self) -> str:
        return self.screens[max(self.navigation.currentRow(), 0)].key

    # -- menus ---------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, menu=None) -> QAction:
        # QAction(text, parent) builds QIcon's Python type and enums to tell it from
        # QAction(icon, text, parent), ~3 ms of every start; the text is set on its own.
        action = QAction(self)
        action.setText(text)
        if shortcut is not None:
            # Through the property system: calling setShortcut() builds every enum of the `Qt`
            # namespace on first use (~35 ms of a cold start); the property sets the same thing.
            action.setProperty("shortcut", QKeySequence(shortcut))
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.open_resume_action = self._action(
            "&Open resume…", self.files.open_resume, QKeySequence.StandardKey.Open, file_menu
        )
        self.import_dataset_action = self._action(
            "&Import dataset…", self.files.import_dataset, "Ctrl+I", file_menu
        )
        self._action("Import O*NET &folder…", self.files.import_dataset_folder, None, file_menu)
        file_menu.addSeparator()
        # Job ads: pasted (the clipboard's text), chosen files, or a folder of them.
        self.add_job_ad_action = self._action(
            "Add job &ad…", lambda: self.ads_screen().add_pasted_ad(), "Ctrl+Shift+V", file_menu
        )
        self._action(
            "Add job ad &files…", lambda: self.ads_screen().choose_files(), None, file_menu
        )
        self._action(
            "Add a folder of job ads…", lambda: self.ads_screen().choose_folder(), None, file_menu
        )
        file_menu.addSeparator()
        self.quit_action = self._action(
            "&Quit", self.close, QKeySequence.StandardKey.Quit, file_menu
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        view_menu = bar.addMenu("&View")
        for number, screen in enumerate(self.screens, start=1):
            self._action(
                screen.title,
                lambda _checked=False, key=screen.key: self.show_screen(key),
                f"Ctrl+{number}",
                view_menu,
            )

        view_menu.addSeparator()
        # Plain actions, the current one named so: an action group of checkable actions cost
        # start-up ~10-20 ms of CPU (measured), for a menu most runs never open.
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_actions: dict[str, QAction] = {}
        for value, text in THEMES:
            self.theme_actions[value] = self._action(
                text, lambda _c=False, v=value: self.set_theme(v), None, theme_menu
            )
        self._mark_theme(theme_choice(self.ctx.settings))

        help_menu = bar.addMenu("&Help")
        about = self._action(
            "&About Career Planner", lambda: self.show_screen("about"), None, help_menu
        )
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _mark_theme(self, chosen: str) -> None:
        for value, action in self.theme_actions.items():
            text = dict(THEMES)[value]
            action.setText(f"{text} (current)" if value == chosen else text)

    def set_theme(self, choice: str) -> None:
        apply_theme(QApplication.instance(), choice)
        self._mark_theme(choice)
        self.ctx.settings.setValue(THEME_SETTING, choice)
        self.ctx.settings.sync()

    def ads_screen(self) -> QWidget:
        """The Job ads screen, shown: where pasted and chosen ads land."""
        self.show_screen("ads")
        return self.screen_widget("ads")

    # -- drag and drop -------------------------------------------------------------------------

    @staticmethod
    def _local_paths(event) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if self._local_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        if self.current_screen() == "ads":
            # Dropped on the Job ads screen: the user says these are ads (files or folders),
            # read together with one progress dialog. Elsewhere a file is never taken for an ad.
            self.screen_widget("ads").add_paths(paths)
            return
        for path in paths:
            self.open_path(path)

    def open_path(self, path: Path) -> FileKind:
        """Route a file to the resume or dataset import by its name and content."""
        # Start-up: the file-kind detector loads every importer's sniffing (~50 ms); only once
        # a file is opened.
        from careerplanner.importers.file_kind import FileKind, classify_file

        kind = classify_file(path)
        if kind is FileKind.RESUME:
            self.files.import_resume(path)
        elif kind is FileKind.DATASET:
            self.files.import_dataset_path(path)
        else:
            sentence = (
                f"{path.name} is neither a resume (PDF, DOCX, TXT, Markdown, JSON Resume, "
                "LinkedIn export) nor a dataset (O*NET release, BLS wages, job postings, "
                "skill-demand pack)."
            )
            if path.is_dir() or path.suffix.lower() in AD_ONLY_SUFFIXES:
                # Ads are never guessed: the user says so by where they drop them.
                sentence += " To add job ads, drop them on the Job ads screen."
            dialogs.show_error(self, sentence)
        return kind

    # -- window state --------------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.ctx.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        last = str(settings.value("window/screen", "start"))
        keys = [screen.key for screen in self.screens]
        self.show_screen(last if last in keys else "start")

    def save_state(self) -> None:
        """Remember geometry and the screen shown; the application calls this as it quits."""
        settings = self.ctx.settings
        values = {
            "window/geometry": self.saveGeometry(),
            "window/state": self.saveState(),
            "window/screen": self.current_screen(),
        }
        changed = {key: value for key, value in values.items() if settings.value(key) != value}
        if not changed:
            return  # writing the file means a flush to disk (~13 ms) for nothing
        for key, value in changed.items():
            settings.setValue(key, value)
        settings.sync()

    def bring_forward(self) -> None:
        """Called when a second start asks this instance to come to the front."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
