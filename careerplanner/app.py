"""Composition root: builds the application, the store, the task runner and the main window.

Nothing here runs at import time; `run_gui` is called by the command line, which imports this
module only to start the window (so the headless commands never load Qt). Heavy modules (the
screens, matplotlib) are imported only when needed so that a cold start stays close to a bare
Qt window.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

# The window's Qt-free modules load before Qt does. Once Qt is loaded, PySide's import hook reads
# the source of every module an import statement names, once each (~0.1 ms a module); loaded
# here first, the modules they import themselves (sqlite3, datetime, shutil, json, the store's)
# are never named under it: ~2.5 ms of every start.
import careerplanner.services.default_dataset  # for ui.shell.default_dataset
import careerplanner.store.user.targets  # noqa: F401  (for the Start screen)
from careerplanner import __version__
from careerplanner.errors import UserError
from careerplanner.store.data_dir import (
    DataDir,
    RebuildableDatabaseError,
    RebuildableMarketError,
    RestorableDatabaseError,
)

# isort: split
# Not `Qt` itself: its first use builds every Qt enum (~27 ms of a start). Qt 6 already passes
# fractional high-DPI scale factors through, so nothing here needs it.
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from careerplanner.ui.common import dialogs
from careerplanner.ui.common.after_paint import after_paint
from careerplanner.ui.common.appearance import (
    app_icon,
    apply_theme,
    ensure_readable_font,
    theme_choice,
)
from careerplanner.ui.common.context import AppContext, AppEvents, open_settings
from careerplanner.ui.common.worker import TaskRunner, work_in_flight
from careerplanner.ui.shell.backup_schedule import BackupSchedule
from careerplanner.ui.shell.default_dataset import install_default_dataset_if_needed
from careerplanner.ui.shell.main_window import MainWindow
from careerplanner.ui.shell.single_instance import (
    SingleInstance,
    already_running_error,
    ask_running_instance_to_activate,
)
from careerplanner.ui.shell.smoke import SmokeRun


def _choose_platform() -> None:
    """Without a display on Linux, run offscreen instead of failing to connect to X."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


# Qt warnings that say nothing to a user (the offscreen platform cannot resize to size hints).
_QUIET_QT_MESSAGES = ("propagateSizeHints", "does not support raise()")


def _qt_message(_mode, _context, message: str) -> None:
    if not any(quiet in message for quiet in _QUIET_QT_MESSAGES):
        print(message, file=sys.stderr)


def create_application():
    """The QApplication with our identity, fonts and icon (idempotent)."""
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_qt_message)
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("CareerPlanner")
    app.setApplicationName("Career Planner")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("careerplanner")
    ensure_readable_font(app)
    return app


def build_context(data_dir: DataDir):
    """Open both databases and build what the screens share. Raises UserError."""
    data_dir.prepare()
    user_db = data_dir.open_user_db()
    try:
        market_db = data_dir.open_market_db()
    except BaseException:
        user_db.close()
        raise
    return AppContext(
        data_dir=data_dir,
        user_db=user_db,
        market_db=market_db,
        runner=TaskRunner(),
        events=AppEvents(),
        settings=open_settings(data_dir),
    )


def _repairs():
    # Start-up: the plain copy's writer and the importers load only for a repair.
    from careerplanner.services import restore

    return restore


def _open_with_recovery(data_dir: DataDir, smoke: bool):
    """Build the context; on damaged user data, offer the newest good backup or, when there is
    none, a rebuild from the plain JSON copy. The damaged file is kept either way."""
    try:
        return build_context(data_dir)
    except RestorableDatabaseError as error:
        if smoke or not dialogs.confirm(None, f"{error}\n\nRestore the backup now?"):
            raise
        _repairs().restore_user_data(data_dir, error.backup)  # and the plain copy with it
        return build_context(data_dir)
    except RebuildableMarketError as error:
        if smoke or not dialogs.confirm(None, f"{error}\n\nRebuild the market data now?"):
            raise
        # The damaged file is kept in damaged/; the window then installs the bundled datasets
        # in the background, with progress and Cancel, as on a first start.
        data_dir.prepare()
        data_dir.set_aside_market_db()
        return build_context(data_dir)
    except RebuildableDatabaseError as error:
        # Start-up: the plain copy's reader (~25 ms of imports) loads only for a rebuild.
        from careerplanner.services.plain_copy import rebuild_from_plain_copy

        if smoke or not dialogs.confirm(None, f"{error}\n\nRebuild your data now?"):
            raise
        rebuild_from_plain_copy(data_dir)
        return build_context(data_dir)


def _report(sentence: str, smoke: bool) -> None:
    """A problem that does not stop the start: stderr under --smoke, else a message box."""
    if smoke:
        print(sentence, file=sys.stderr)
        return
    dialogs.show_error(None, sentence)


def _refuse_start(error: UserError, smoke: bool) -> int:
    """A problem that stops the start. Under --smoke the command line prints the sentence (and,
    with --debug, the traceback) and exits 1; the window shows it in a message box."""
    if smoke:
        raise error
    _report(str(error), smoke)
    return 1


def window_size(text: str | None) -> tuple[int, int] | None:
    """`--size WxH` as (width, height) in pixels; None when not given. Raises UserError."""
    if not text:
        return None
    width, _x, height = text.strip().lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (
        320 <= int(width) <= 16384 and 240 <= int(height) <= 16384
    ):
        raise UserError(
            f"--size takes the window's width and height in pixels, such as 1024x640, not {text!r}."
        )
    return int(width), int(height)


def run_gui(smoke: bool = False, all_screens: bool = False, size: str | None = None) -> int:
    """Start the desktop application; with `smoke`, show the window once, report, and exit.
    `size` ("1024x640") opens the window at that size (a smoke run then checks the screens are
    usable at it).

    The process is expected to exit when this returns (the command line does).
    """
    pixels = window_size(size)
    # Start-up creates a few hundred thousand long-lived objects (modules, classes, Qt
    # wrappers) and almost no garbage; letting the cyclic collector traverse them again and
    # again while they pile up cost ~100 ms of every start. Collection resumes once the window
    # is up (`_startup_done`).
    gc.disable()
    try:
        code = _start(smoke, all_screens, pixels)
    finally:
        # Exit fast: everything that must reach the disk (databases, settings, the lock) was
        # closed explicitly above, so the interpreter need not free every module and Qt wrapper
        # one cycle at a time on its way out (~100 ms). Objects still referenced are kept
        # alive until the process ends instead.
        gc.freeze()
        gc.enable()
    if work_in_flight():
        _leave_now(code)
    return code


def _leave_now(code: int) -> None:
    """A task ignored Cancel for the whole of the quit's wait (a file or a database lock held
    by another program, say). Tearing the interpreter and Qt down under it would let it report
    to objects being freed ("corrupted double-linked list", exit 134), so the process ends here
    instead: the databases, settings and lock are already closed, the plain copy is written
    first, and SQLite rolls the task's unfinished transaction back on the next start."""
    logging.getLogger(__name__).warning(
        "Quit while a task was still running after Cancel; it was stopped with the process."
    )
    plain_copy = sys.modules.get("careerplanner.services.plain_copy")
    if plain_copy is not None:
        plain_copy.flush_plain_copy()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code)


def _startup_done() -> None:
    """The window is up: what start-up built lives for the whole run, so keep it out of every
    later collection (`gc.freeze`), and collect normally from here on."""
    gc.freeze()
    gc.enable()


def _start(smoke: bool, all_screens: bool, size: tuple[int, int] | None = None) -> int:
    _choose_platform()
    app = create_application()
    data_dir = DataDir.default()
    try:
        data_dir.prepare()
    except UserError as error:
        return _refuse_start(error, smoke)
    instance = SingleInstance(data_dir.root)
    try:
        acquired = instance.acquire()
    except UserError as error:  # the lock file can't be written: nothing else runs
        return _refuse_start(error, smoke)
    if not acquired:
        ask_running_instance_to_activate(data_dir.root)
        return _refuse_start(already_running_error(data_dir.root), smoke)
    try:
        try:
            ctx = _open_with_recovery(data_dir, smoke)
        except UserError as error:
            return _refuse_start(error, smoke)
        try:
            return _run_window(app, ctx, instance, smoke, all_screens, size)
        finally:
            ctx.close()
    finally:
        instance.release()


def _run_window(app, ctx, instance, smoke: bool, all_screens: bool, size=None) -> int:
    apply_theme(app, theme_choice(ctx.settings))  # light or dark when the user chose one
    window = MainWindow(ctx)
    if size is not None:
        window.resize(*size)
    # Window state is saved as the application quits (closing the window quits it), not in an
    # overridden closeEvent: handing Qt's first event object to Python builds the whole
    # QEvent.Type enum, ~5 ms of every run.
    app.aboutToQuit.connect(window.save_state)
    instance.activation_requested.connect(window.bring_forward)
    window.show()
    after_paint(window, lambda: app.setWindowIcon(app_icon()))
    # Start-up's background work begins once the window has painted (see after_paint).
    after_paint(
        window,
        lambda: install_default_dataset_if_needed(
            ctx, window, on_error=lambda text: _report(text, smoke)
        ),
    )
    _startup_done()
    if smoke:
        run = SmokeRun(app, window, all_screens, check_usable=size is not None)
        run.start()
        code = app.exec()
        window.close()
        return run.exit_code if run.exit_code is not None else code
    # Automatic backups of the user's data: at start when the newest is over a day old, hourly,
    # and on close (reliability rule 7). Not under --smoke: a start-up check is not a session.
    backups = BackupSchedule(ctx, window)
    backups.backup_failed.connect(window.statusBar().showMessage)
    app.aboutToQuit.connect(backups.on_close)
    after_paint(window, backups.start)
    code = app.exec()
    return code


def screenshot_context(home: Path):
    """A context on `home` for scripts (screenshots); the caller owns closing it."""
    return build_context(DataDir(home))
