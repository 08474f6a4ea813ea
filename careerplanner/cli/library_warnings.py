"""Library warnings go to a log file in the user's data folder, not to the user's terminal.

pdfminer logs "Could not get FontBBox from font descriptor..." dozens of times for some real
resumes, and other libraries warn through `logging` or `warnings` about things a user cannot act
on. `route_library_warnings` (called once by `careerplanner.cli.main`, which the GUI also goes
through) sends them all to `<data dir>/logs/careerplanner.log`: size-capped, private (0600, like
the rest of the data folder), and opened at the first record, so a run that warns about nothing
creates and costs nothing. With `--debug` they go to stderr as well. Career Planner's own
warnings (the `careerplanner` loggers) still reach stderr, as they did before.
"""

from __future__ import annotations

import logging
import os
import sys

from careerplanner.paths import ensure_private_dir, log_file_path

LOG_BYTES = 1_000_000
LOG_BACKUPS = 2
_FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _Stderr(logging.StreamHandler):
    """stderr as it is when a record comes (tests and redirections swap `sys.stderr`)."""

    def __init__(self, format_: str) -> None:
        logging.Handler.__init__(self)
        self.setFormatter(logging.Formatter(format_))

    @property
    def stream(self):
        return sys.stderr


class DataFolderLog(logging.Handler):
    """Appends records to the log file of the current data folder, opening it when first needed.

    The folder is looked up at each record (cheap, and records are rare), so a process whose
    data folder changes (the tests' CAREERPLANNER_HOME) writes where the data is. A record that
    cannot be written is dropped: a log must never disturb the user.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._file: logging.Handler | None = None
        self._path = ""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            path = log_file_path()
            if self._file is None or self._path != str(path):
                self._open(path)
            self._file.emit(record)
        except Exception:  # a read-only or full disk: the record is lost, the command goes on
            pass

    def _open(self, path) -> None:
        from logging.handlers import RotatingFileHandler  # start-up: only once a record comes

        class PrivateRotatingFile(RotatingFileHandler):
            def _open(self):
                descriptor = os.open(
                    self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600
                )
                return open(descriptor, self.mode, encoding=self.encoding, errors=self.errors)

            def handleError(self, record):  # no "--- Logging error ---" on the terminal
                pass

        self.close_file()
        ensure_private_dir(path.parent.parent)
        ensure_private_dir(path.parent)
        handler = PrivateRotatingFile(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter(_FILE_FORMAT))
        self._file, self._path = handler, str(path)

    def close_file(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def close(self) -> None:
        self.close_file()
        super().close()


_file_log = DataFolderLog()
_all_to_stderr = _Stderr("%(levelname)s %(name)s: %(message)s")
_ours_to_stderr = _Stderr("%(message)s")  # as Python printed them before anything was set up


def route_library_warnings(debug: bool = False) -> None:
    """Send every warning to the data folder's log file; with `debug`, to stderr as well."""
    root = logging.getLogger()
    ours = logging.getLogger("careerplanner")
    if _file_log not in root.handlers:
        root.addHandler(_file_log)
    # Either every record on stderr (--debug) or Career Planner's own only; never both at once,
    # which would print ours twice.
    root.removeHandler(_all_to_stderr)
    ours.removeHandler(_ours_to_stderr)
    if debug:
        root.addHandler(_all_to_stderr)
    else:
        ours.addHandler(_ours_to_stderr)
    logging.captureWarnings(True)  # `warnings.warn` -> the "py.warnings" logger -> the handlers
