"""Installing the bundled default dataset on first start, off the UI thread with progress.

The installer is `services.dataset_import.ensure_default_dataset`, a no-op once every kind of
the bundled dataset is installed; on a first start it takes a few seconds, during which the
window is already usable and a progress dialog (with Cancel) appears after ~0.5 s.
"""

from __future__ import annotations

from collections.abc import Callable

from careerplanner.errors import UserError
from careerplanner.services.default_dataset import missing_default_parts
from careerplanner.ui.common.context import AppContext, with_databases
from careerplanner.ui.common.worker import is_cancellation

TASK_KEY = "default-dataset"


def _install(dbs, progress, cancel):
    # Start-up: the importers (and the skill finder) load on the worker, on a first start only.
    from careerplanner.services.dataset_import import ensure_default_dataset

    return ensure_default_dataset(dbs.market, progress, cancel)


def install_default_dataset_if_needed(
    ctx: AppContext, window, on_error: Callable[[str], None] | None = None
) -> None:
    """Start installing whatever part of the bundled dataset is missing, in the background.

    Whether anything is missing is one quick query, asked here: on every start but the first
    the answer is no, and no worker (nor the importers) needs to start.
    """

    def done(results) -> None:
        if results:
            ctx.events.dataset_changed.emit()
            names = ", ".join(result.dataset.name for result in results)
            ctx.events.status_message.emit(f"Installed the bundled market data: {names}.")

    def failed(error: BaseException) -> None:
        if is_cancellation(error):
            sentence = "The bundled dataset was not installed; import one on the Datasets screen."
        else:
            sentence = f"The bundled dataset could not be installed: {error}"
        ctx.events.status_message.emit(sentence)
        if on_error is not None:
            on_error(sentence)

    try:
        if not missing_default_parts(ctx.market_db):
            return
    except UserError as error:  # the application's own data folder is missing
        failed(error)
        return
    ctx.runner.start(
        TASK_KEY,
        with_databases(ctx.data_dir, _install),
        done,
        failed,
        progress_title="Installing the bundled market dataset",
        dialog_parent=window,
    )
