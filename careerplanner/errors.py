"""Errors the user sees as one plain sentence.

Anything raised as a `UserError` is shown to the user verbatim (stderr in the command line, a
message box in the GUI). Every other exception is a bug and is reported generically.
"""

import errno
import shutil
import sqlite3


class UserError(Exception):
    """A failure the user can act on. `str(error)` is the sentence they see."""


class Cancelled(UserError):
    """The user cancelled a long operation; everything it had started was rolled back."""

    def __init__(self, message: str = "Cancelled; nothing was changed.") -> None:
        super().__init__(message)


class NewerDatabaseError(UserError):
    """The database was written by a newer Career Planner; it is left untouched."""


class DamagedDatabaseError(UserError):
    """The database file is not a healthy Career Planner database."""


# Below this much free space, SQLite's "disk I/O error" is a full disk: a write that runs out of
# room mid-page (a WAL frame, a journal) comes back as an I/O error, not as SQLITE_FULL.
NEARLY_FULL_BYTES = 1 << 20


def _nearly_full(folder) -> bool:
    try:
        return folder is not None and shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def sentence_for_system_error(error: BaseException, data_folder=None) -> str | None:
    """A user's sentence for the disk and file errors any write can meet, or None.

    SQLite reports a full disk, a read-only disk and an I/O failure as OperationalError; the OS
    as OSError. Both are the user's to fix (free space, permissions), not bugs. `data_folder`,
    when given, tells an I/O error on a full disk from other I/O errors.
    """
    message = str(error).lower()
    if isinstance(error, sqlite3.OperationalError):
        if "full" in message or ("disk i/o" in message and _nearly_full(data_folder)):
            return "Not enough disk space to save the change; nothing was changed."
        if "readonly" in message or "read-only" in message:
            return "Can't write to your data folder (it is read-only); nothing was changed."
        if "disk i/o" in message or "unable to open" in message:
            return f"Can't read or write your data folder ({error}); nothing was changed."
        return None
    if isinstance(error, OSError):
        where = error.filename or "your data folder"
        if error.errno == errno.ENOSPC:
            return f"Not enough disk space to write {where}; nothing was changed."
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return f"Can't write to {where} ({error.strerror}); nothing was changed."
    return None
