"""Progress reporting and cancellation for long operations.

Long operations (parse a resume, import a dataset, aggregate postings) are plain functions that
take a `progress(done, total, message)` callback and a `CancelToken`. The UI adapter runs them on
a worker thread; the command line passes a printer; tests pass nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from careerplanner.errors import Cancelled

Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, message: str) -> None:
    """The default progress callback: report nothing."""


class CancelToken:
    """Thread-safe flag a worker polls; `check()` raises `Cancelled` once it is set."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise `Cancelled` if cancellation was requested; call between units of work."""
        if self._event.is_set():
            raise Cancelled()


NEVER_CANCELLED = CancelToken()
