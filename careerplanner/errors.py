"""Errors the user sees as one plain sentence.

Anything raised as a `UserError` is shown to the user verbatim (stderr in the command line, a
message box in the GUI). Every other exception is a bug and is reported generically.
"""


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
