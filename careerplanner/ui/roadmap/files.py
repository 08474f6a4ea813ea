"""The Roadmap screen's exports (every format, native save dialog) and restore from a JSON
backup (confirmed first), run through `ctx.runner` off the GUI thread with progress and Cancel.

`RoadmapFiles` is owned by `RoadmapView`, which passes its `exported` and `restored` signals'
emit functions as the `exported` and `restored` callbacks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from careerplanner.errors import UserError
from careerplanner.ui.common import dialogs
from careerplanner.ui.common.context import AppContext, with_databases
from careerplanner.ui.common.worker import is_cancellation
from careerplanner.ui.roadmap import dialogs as roadmap_dialogs
from careerplanner.ui.roadmap.tasks import export_task, restore_task

EXPORT_TASK = "roadmap-export"
RESTORE_TASK = "roadmap-restore"


class RoadmapFiles:
    def __init__(
        self,
        parent: QWidget,
        ctx: AppContext,
        undo_stack: QUndoStack,
        refresh: Callable[[], None],
        exported: Callable[[str], None],
        restored: Callable[[dict], None],
    ) -> None:
        self.parent = parent  # of the dialogs
        self.ctx = ctx
        self.undo_stack = undo_stack
        self.refresh = refresh
        self.exported = exported
        self.restored = restored

    def export(self, fmt: str) -> None:
        """Ask where (native save dialog) and write `fmt` off the GUI thread."""
        path = roadmap_dialogs.choose_export_path(self.parent, fmt)
        if path is None:
            return
        self.ctx.runner.start(
            EXPORT_TASK,
            with_databases(self.ctx.data_dir, lambda dbs, p, c: export_task(dbs, fmt, path, p, c)),
            self._exported,
            lambda error: self._task_failed(error, f"Exporting {path.name}"),
            progress_title=f"Exporting {path.name}",
            dialog_parent=self.parent,
        )

    def _exported(self, path: Path) -> None:
        self.ctx.events.status_message.emit(f"Wrote {path}.")
        self.exported(str(path))

    def restore_backup(self) -> None:
        path = roadmap_dialogs.choose_backup_file(self.parent)
        if path is None:
            return
        question = (
            f"Replace all your data (profile, target roles, roadmap, evidence, history) with "
            f"the backup {path.name}? Your current data is backed up first."
        )
        if not dialogs.confirm(self.parent, question, "Restore from backup"):
            return
        self.ctx.runner.start(
            RESTORE_TASK,
            with_databases(
                self.ctx.data_dir,
                lambda dbs, p, c: restore_task(dbs, path, self.ctx.data_dir.backup_dir, p, c),
            ),
            lambda counts: self._restored(counts, path),
            lambda error: self._task_failed(error, f"Restoring {path.name}"),
            progress_title=f"Restoring {path.name}",
            dialog_parent=self.parent,
        )

    def _restored(self, counts: dict, path: Path) -> None:
        # The undo history describes data that is gone now.
        self.undo_stack.clear()
        self.refresh()
        self.ctx.events.targets_changed.emit()
        self.ctx.events.profile_changed.emit()
        self.ctx.events.status_message.emit(
            f"Restored {counts.get('roadmap_goal', 0)} goals and "
            f"{counts.get('evidence', 0)} evidence items from {path.name}.",
        )
        self.restored(counts)

    def _task_failed(self, error: BaseException, what: str) -> None:
        if is_cancellation(error):
            self.ctx.events.status_message.emit(str(error))
            return
        if isinstance(error, UserError):
            sentence = str(error)
        else:
            sentence = f"{what} failed unexpectedly ({type(error).__name__}: {error})."
        dialogs.show_error(self.parent, sentence)
