"""PDF text in a child process with a time and a memory limit.

pdfminer.six on a hostile file can loop for ever or eat gigabytes, so it never runs in the app's
own process. One worker process (started with 'spawn', so it shares nothing with a Qt parent) is
kept warm and reused; a job that overruns its time is killed with its worker, and the next job
starts a fresh one. The worker caps its own address space with `resource.setrlimit`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
import time
from pathlib import Path

from careerplanner.core.progress import NEVER_CANCELLED, CancelToken
from careerplanner.errors import UserError

TIME_LIMIT_SECONDS = 20.0
MEMORY_LIMIT_BYTES = 1536 * 1024 * 1024


def _limit_memory(limit: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: the time limit remains
        pass


def _lines(container) -> tuple:
    """A text box's lines as Boxes (reading order may place a margin note between them)."""
    from pdfminer.layout import LTTextLine

    from careerplanner.importers.resume.columns import Box

    return tuple(
        Box(line.x0, line.y0, line.x1, line.y1, line.get_text())
        for line in container
        if isinstance(line, LTTextLine)
    )


def _extract(path: str) -> tuple[str, str, int]:
    """Runs in the worker: (status, text-or-reason, page count)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    from careerplanner.importers.resume.columns import Box, page_text

    try:
        # boxes_flow=None: reading order by position only; the default flow analysis has a
        # measured quadratic blow-up and mixes sidebar columns.
        pages = []
        for page in extract_pages(path, laparams=LAParams(boxes_flow=None)):
            boxes = [
                Box(item.x0, item.y0, item.x1, item.y1, item.get_text(), _lines(item))
                for item in page
                if isinstance(item, LTTextContainer)
            ]
            pages.append(page_text(boxes, page.width))
        text = "\f".join(pages)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return "encrypted", "", 0
    except MemoryError:
        return "memory", "", 0
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError) as error:
        return "damaged", f"{type(error).__name__}: {error}"[:200], 0
    except Exception as error:  # pdfminer raises many kinds on broken files
        if "encrypt" in str(error).lower() or "password" in str(error).lower():
            return "encrypted", "", 0
        return "damaged", f"{type(error).__name__}: {error}"[:200], 0
    return "ok", text, len(pages)


def _serve(connection, memory_limit: int) -> None:
    import logging

    logging.disable(logging.WARNING)  # pdfminer warns about every odd font on stderr
    _limit_memory(memory_limit)
    import pdfminer.high_level  # noqa: F401  (imported up front: the worker is kept warm)

    while True:
        try:
            path = connection.recv()
        except EOFError:
            return
        if path is None:
            return
        try:
            connection.send(_extract(path))
        except MemoryError:
            connection.send(("memory", "", 0))


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

    def start(self) -> None:
        """Start the worker now (the app does this at start-up so the first import is fast)."""
        with self._lock:
            self._ensure_started()

    def _ensure_started(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, self.memory_limit), daemon=True, name="pdf-reader"
        )
        self._process.start()
        child.close()
        self._connection = parent

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        self._process = self._connection = None

    def close(self) -> None:
        with self._lock:
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
                status, payload, pages = self._run(path, cancel)
            except (OSError, EOFError):
                # The worker died (most often: it hit its memory limit) mid-job.
                self._kill()
                raise UserError(
                    f"{path.name} could not be read: the PDF reader stopped (usually because the "
                    "file needs more memory than a resume should); save the PDF again from its "
                    "original program."
                ) from None
        return _check(path, status, payload), pages

    def _run(self, path: Path, cancel: CancelToken) -> tuple[str, str, int]:
        self._connection.send(str(path))
        deadline = time.monotonic() + self.time_limit
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
