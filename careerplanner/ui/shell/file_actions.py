"""Opening resumes and importing datasets from the GUI: dialogs, background work, messages.

The work itself is the Qt-free functions in `careerplanner.ui.shell.import_tasks`; this class picks
the file (native dialog), runs the task with a progress dialog and Cancel, and publishes what
changed so each screen refreshes.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from careerplanner.errors import UserError
from careerplanner.ui.common import dialogs
from careerplanner.ui.common.context import AppContext, with_databases
from careerplanner.ui.common.worker import is_cancellation
from careerplanner.ui.shell import import_tasks

if TYPE_CHECKING:
    from careerplanner.ui.datasets.column_mapping import ColumnMappingDialog

RESUME_TASK = "import-resume"
DATASET_TASK = "import-dataset"
# The column-mapping step and the postings reader's "which column is which?" error come with the
# postings importers (~15 ms of every start, for a step few imports ever need). The error's
# module is loaded by the import that raised it; the dialog's module is loaded by name when it
# is first shown, as a screen is (`main_window.SCREENS`).
POSTINGS_FIELDS = "careerplanner.importers.datasets.postings_fields"
COLUMN_MAPPING = "careerplanner.ui.datasets.column_mapping"


def needs_column_mapping(error: BaseException) -> bool:
    """Whether `error` is the postings reader's refusal of a header it does not recognise
    (`postings_fields.UnmappedHeader`), which the column-mapping step answers."""
    fields = sys.modules.get(POSTINGS_FIELDS)  # loaded by whatever raised one
    return fields is not None and isinstance(error, fields.UnmappedHeader)


class FileActions(QObject):
    navigate_requested = Signal(str)
    resume_imported = Signal(object)  # the import task's result
    dataset_imported = Signal(object)
    import_failed = Signal(str)  # the sentence shown to the user
    mapping_requested = Signal(object)  # the column-mapping dialog, just opened

    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self._ctx = ctx
        self._window = window
        self.mapping_dialog: ColumnMappingDialog | None = None

    # -- resumes -------------------------------------------------------------------------------

    def open_resume(self) -> None:
        path = dialogs.choose_resume_file(self._window)
        if path is not None:
            self.import_resume(path)

    def import_resume(self, path: Path) -> None:
        self._ctx.runner.start(
            RESUME_TASK,
            with_databases(
                self._ctx.data_dir,
                lambda dbs, progress, cancel: import_tasks.import_resume(
                    dbs, path, progress, cancel
                ),
            ),
            self._resume_done,
            lambda error: self._failed(error, path),
            progress_title=f"Reading {path.name}",
            dialog_parent=self._window,
            # At once, not after the usual half second: reading a resume takes a few seconds,
            # and a dropped file must be seen being read, in front of the window.
            progress_delay_ms=0,
        )

    def _resume_done(self, result) -> None:
        self._ctx.events.profile_changed.emit()
        self._ctx.events.status_message.emit(import_tasks.describe_resume_result(result))
        self.resume_imported.emit(result)
        self.navigate_requested.emit("profile")

    # -- datasets ------------------------------------------------------------------------------

    def import_dataset(self) -> None:
        path = dialogs.choose_dataset_file(self._window)
        if path is not None:
            self.import_dataset_path(path)

    def import_dataset_folder(self) -> None:
        path = dialogs.choose_dataset_folder(self._window)
        if path is not None:
            self.import_dataset_path(path)

    def import_dataset_path(self, path: Path, mapping: dict[str, str | None] | None = None) -> None:
        """Import `path` off the UI thread; `mapping` is the column-mapping step's choice."""
        self._ctx.runner.start(
            DATASET_TASK,
            with_databases(
                self._ctx.data_dir,
                lambda dbs, progress, cancel: import_tasks.import_dataset(
                    dbs, path, progress, cancel, mapping
                ),
            ),
            self._dataset_done,
            lambda error: self._dataset_failed(error, path),
            progress_title=f"Importing {path.name}",
            dialog_parent=self._window,
        )

    def _dataset_done(self, result) -> None:
        self._ctx.events.dataset_changed.emit()
        self._ctx.events.status_message.emit(import_tasks.describe_dataset_result(result))
        self.dataset_imported.emit(result)
        self.navigate_requested.emit("datasets")

    def _dataset_failed(self, error: BaseException, path: Path) -> None:
        """A CSV refused for its header gets the column-mapping step; any other failure its
        sentence."""
        if not needs_column_mapping(error):
            self._failed(error, path)
            return
        dialog_class = importlib.import_module(COLUMN_MAPPING).ColumnMappingDialog
        dialog = dialog_class(path.name, error.header, error.guess, self._window)
        self.mapping_dialog = dialog
        dialog.accepted.connect(lambda: self.import_dataset_path(path, dialog.choice()))
        dialog.rejected.connect(lambda: self._mapping_cancelled(path))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.mapping_requested.emit(dialog)

    def _mapping_cancelled(self, path: Path) -> None:
        sentence = f"{path.name} was not imported; nothing was changed."
        self._ctx.events.status_message.emit(sentence)
        self.import_failed.emit(sentence)

    # -- failures ------------------------------------------------------------------------------

    def _failed(self, error: BaseException, path: Path) -> None:
        if is_cancellation(error):
            sentence = str(error)
            self._ctx.events.status_message.emit(sentence)
            self.import_failed.emit(sentence)
            return
        if isinstance(error, UserError):
            sentence = str(error)
        else:
            sentence = (
                f"Importing {path.name} failed unexpectedly ({type(error).__name__}: {error}); "
                "nothing was changed."
            )
        self.import_failed.emit(sentence)
        dialogs.show_error(self._window, sentence)
