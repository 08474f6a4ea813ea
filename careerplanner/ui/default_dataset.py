"""Installing the bundled default dataset on first start, off the UI thread with progress.

The installer itself lives in the store (`market_repo.ensure_default_dataset`); it is a no-op
when the bundled dataset is already installed. Until that function exists in this build, the
application simply starts without market data.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable

from careerplanner.ui.context import AppContext, with_databases
from careerplanner.ui.worker import is_cancellation

TASK_KEY = "default-dataset"


def _installer():
    try:
        module = importlib.import_module("careerplanner.store.market_repo")
    except ModuleNotFoundError:
        return None
    return getattr(module, "ensure_default_dataset", None)


def _call_installer(installer, dbs, progress, cancel):
    """Pass the arguments the installer declares (database, progress, cancel)."""
    parameters = inspect.signature(installer).parameters
    kwargs = {}
    if "progress" in parameters:
        kwargs["progress"] = progress
    if "cancel" in parameters:
        kwargs["cancel"] = cancel
    return installer(dbs.market, **kwargs)


def install_default_dataset_if_needed(
    ctx: AppContext, window, on_error: Callable[[str], None] | None = None
) -> bool:
    """Start installing the bundled dataset in the background; False when there is no installer."""
    installer = _installer()
    if installer is None:
        return False

    def done(_result) -> None:
        ctx.events.dataset_changed.emit()

    def failed(error: BaseException) -> None:
        if is_cancellation(error):
            sentence = "The bundled dataset was not installed; import one from the Datasets screen."
        else:
            sentence = f"The bundled dataset could not be installed: {error}"
        ctx.events.status_message.emit(sentence)
        if on_error is not None:
            on_error(sentence)

    ctx.runner.start(
        TASK_KEY,
        with_databases(
            ctx.data_dir,
            lambda dbs, progress, cancel: _call_installer(installer, dbs, progress, cancel),
        ),
        done,
        failed,
        progress_title="Installing the bundled market dataset",
        dialog_parent=window,
    )
    return True
