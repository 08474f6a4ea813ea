"""PDF text in a child process with a time and a memory limit.

pdfminer.six on a hostile file can loop for ever or eat gigabytes, so it never runs in the app's
own process. One worker process (started with 'spawn', so it shares nothing with a Qt parent;
or forked by a command line process before it has loaded anything, see `start_worker_early`) is
kept warm and reused; a job that overruns its time is killed with its worker, and the next job
starts a fresh one. The worker caps its own address space with `resource.setrlimit`.

pdfminer's warnings ("Could not get FontBBox...", dozens per file on some real resumes) are
collected in the worker and sent back with the text, each distinct one once with its count; they
are logged here under pdfminer's own logger names, so they go wherever this process routes
library warnings (the command line and the GUI: a log file, not the terminal).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import sys
import threading
import time
from pathlib import Path

try:
    import resource  # POSIX only
except ImportError:  # elsewhere the worker runs without a memory cap; the time limit remains
    resource = None

from careerplanner.core.progress import NEVER_CANCELLED, CancelToken
from careerplanner.errors import UserError
from careerplanner.paths import file_version

TIME_LIMIT_SECONDS = 20.0
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024
MAX_WARNINGS_SENT = 50  # distinct warnings per file; a hostile PDF could make millions


class _WarningsOfOneFile(logging.Handler):
    """In the worker: the warnings of the current file, (logger, level, message) -> count."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.counts: dict[tuple[str, int, str], int] = {}

    def emit(self, record: logging.LogRecord) -> None:
        key = (record.name, record.levelno, record.getMessage())
        if key in self.counts or len(self.counts) < MAX_WARNINGS_SENT:
            self.counts[key] = self.counts.get(key, 0) + 1

    def take(self) -> list[tuple[str, int, str, int]]:
        taken = [(*key, count) for key, count in self.counts.items()]
        self.counts = {}
        return taken


def _limit_memory(limit: int) -> None:
    if resource is None:
        return
    # Not allowed on this system (a hard limit already lower): the time limit remains.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _exit_with_parent(parent: int, every_seconds: float = 0.5) -> None:
    """Leave as soon as the parent is gone: a killed window must not leave its reader busy at
    100% CPU on a stalling PDF (the parent's time limit died with it). An orphan is adopted by
    another process, so its parent id changes."""

    def watch() -> None:
        while True:
            time.sleep(every_seconds)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _serve(connection, memory_limit: int, parent: int | None = None) -> None:
    if parent is not None:
        _exit_with_parent(parent)
    warnings = _WarningsOfOneFile()
    logging.getLogger().handlers.clear()  # a forked worker must not write its parent's log
    logging.getLogger().addHandler(warnings)  # instead of the worker's stderr
    logging.captureWarnings(True)
    _limit_memory(memory_limit)
    # Imported here, in the worker, and up front (the worker is kept warm): the app's own
    # process never loads pdfminer.
    from careerplanner.importers.resume.pdf_pages import extract_text

    while True:
        try:
            path = connection.recv()
        except EOFError:
            return
        if path is None:
            return
        try:
            result = extract_text(path)
        except MemoryError:
            result = ("memory", "", 0)
        connection.send((*result, warnings.take()))


class PdfWorker:
    """A reusable child process that turns PDF files into text within limits."""

    def __init__(
        self, time_limit: float = TIME_LIMIT_SECONDS, memory_limit: int = MEMORY_LIMIT_BYTES
    ) -> None:
        self.time_limit = time_limit
        self.memory_limit = memory_limit
        self._process = None
        self._connection = None
        self._lock = threading.Lock()
        # A file sent before anyone asked for it (`read_ahead`): its path and what it was then
        # (a file changed since is read again), and when it was sent.
        self._ahead: tuple[str, tuple] | None = None
        self._ahead_since = 0.0

    def start(self, method: str = "spawn") -> None:
        """Start the worker now, so that the first file is read sooner. `method` is a
        multiprocessing start method; a restart after a killed job always spawns."""
        with self._lock:
            self._ensure_started(method)

    def _ensure_started(self, method: str = "spawn") -> None:
        if self._process is not None and self._process.is_alive():
            return
        context = multiprocessing.get_context(method)
        parent, child = context.Pipe()
        self._process = context.Process(
            target=_serve,
            args=(child, self.memory_limit, os.getpid()),
            daemon=True,
            name="pdf-reader",
        )
        self._process.start()
        child.close()
        self._connection = parent

    def read_ahead(self, path: Path) -> None:
        """Have the started worker read `path` now, before `extract(path)` asks for it: a
        command that was given the file reads it while it loads everything else."""
        with self._lock:
            if self._connection is None or self._ahead is not None:
                return
            self._ahead = (str(path), file_version(path))
            self._connection.send(str(path))
            self._ahead_since = time.monotonic()

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        self._process = self._connection = None
        self._ahead = None

    def close(self) -> None:
        with self._lock:
            if self._ahead is not None:
                self._kill()  # busy on a file nobody asked for: no answer is worth waiting for
            if self._connection is not None:
                with contextlib.suppress(OSError):
                    self._connection.send(None)
            if self._process is not None:
                self._process.join(2)
            self._kill()

    def extract(self, path: Path, cancel: CancelToken = NEVER_CANCELLED) -> tuple[str, int]:
        """The text of `path` and its page count, or a UserError naming the problem."""
        with self._lock:
            try:
                self._ensure_started()
                status, payload, pages, warnings = self._run(path, cancel)
            except (OSError, EOFError):
                # The worker died (most often: it hit its memory limit) mid-job.
                self._kill()
                raise UserError(
                    f"{path.name} could not be read: the PDF reader stopped (usually because the "
                    "file needs more memory than a resume should); save the PDF again from its "
                    "original program."
                ) from None
        _log_warnings(path, warnings)
        return _check(path, status, payload), pages

    def _run(self, path: Path, cancel: CancelToken) -> tuple[str, str, int, list]:
        ahead, self._ahead = self._ahead, None
        if ahead == (str(path), file_version(path)):  # being read: its time runs from then
            return self._receive(path, self._ahead_since + self.time_limit, cancel)
        if ahead is not None:  # another file (or this one since changed): not this answer
            try:
                self._receive(Path(ahead[0]), self._ahead_since + self.time_limit, cancel)
            except (UserError, OSError, EOFError):  # it overran or died: a fresh worker
                self._kill()
                self._ensure_started()
        self._connection.send(str(path))
        return self._receive(path, time.monotonic() + self.time_limit, cancel)

    def _receive(
        self, path: Path, deadline: float, cancel: CancelToken
    ) -> tuple[str, str, int, list]:
        while not self._connection.poll(0.05):
            if not self._process.is_alive():
                raise EOFError
            if cancel.cancelled:
                self._kill()
                cancel.check()
            if time.monotonic() > deadline:
                self._kill()
                raise UserError(
                    f"{path.name} took longer than {self.time_limit:.0f} seconds to read and "
                    "was abandoned; the PDF may be damaged or built to stall readers."
                )
        return self._connection.recv()


def _log_warnings(path: Path, warnings: list[tuple[str, int, str, int]]) -> None:
    if not logging.getLogger().handlers:
        # Nothing routes library warnings in this process (a bare script): Python's last-resort
        # handler would print them on stderr, which the worker has always spared its callers.
        return
    for logger_name, level, message, count in warnings:
        repeated = f", {count} times" if count > 1 else ""
        logging.getLogger(logger_name).log(level, "%s (%s%s)", message, path.name, repeated)


def _check(path: Path, status: str, payload: str) -> str:
    if status == "encrypted":
        raise UserError(
            f"{path.name} is password-protected; save an unprotected copy and import that."
        )
    if status == "memory":
        raise UserError(
            f"{path.name} needs more memory than a resume should; save it again from its "
            "original program."
        )
    if status == "damaged":
        raise UserError(f"{path.name} is damaged or not a real PDF ({payload}).")
    return payload


_shared_worker: PdfWorker | None = None
_shared_lock = threading.Lock()


def shared_worker() -> PdfWorker:
    """The process-wide worker, created on first use."""
    global _shared_worker
    with _shared_lock:
        if _shared_worker is None:
            _shared_worker = PdfWorker()
        return _shared_worker


def start_worker_early(first_file: str | None = None) -> None:
    """Start the process-wide worker at once, by forking this process where that is safe: a
    command line process on Linux that has loaded nothing heavy and runs no other thread yet;
    and have it read `first_file` (a PDF named on the command line) at once.

    A spawned worker is a new interpreter (plus multiprocessing's resource tracker, another one)
    and cost a one-page resume more than reading it did; a fork costs a millisecond, and the
    child's pdfminer import runs while this process loads the skill vocabulary. Elsewhere (the
    window, with Qt's threads; other systems) the worker is spawned on first use as before.

    Reading the file ahead takes the reading itself off the critical path too: the worker has
    pdfminer loaded long before this process has loaded the command's modules and the skill
    finder, and would otherwise sit idle until asked. Only a regular file is read ahead; the
    command still checks the file (size, kind) before it asks for the text, and a file it
    refuses is never asked for (the worker is killed with this process).
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        worker = shared_worker()
        worker.start("fork")
        if first_file is not None and os.path.isfile(first_file):
            worker.read_ahead(Path(first_file))
