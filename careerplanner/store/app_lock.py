"""Whether the desktop app holds the data folder (reliability rule 1: one writer).

The GUI takes a QLockFile named `app.lock` in the data folder; its first line is the owner's
process id. Headless commands that change data read it here, without Qt, and refuse to write
beside a running window.
"""

from __future__ import annotations

import os
from pathlib import Path

from careerplanner.errors import UserError

LOCK_NAME = "app.lock"


def running_app_pid(data_root: Path) -> int | None:
    """The process id of a running Career Planner window on `data_root`, or None."""
    try:
        first_line = (Path(data_root) / LOCK_NAME).read_text(errors="replace").splitlines()[0]
        pid = int(first_line.strip())
    except (OSError, IndexError, ValueError):
        return None
    if pid <= 0 or pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return None  # a stale lock left by a crash
    except PermissionError:
        return pid  # it exists, owned by someone else
    except OSError:
        return None
    return pid


def refuse_if_app_running(data_root: Path) -> None:
    """Raise a sentence when the desktop app holds `data_root`: one writer at a time."""
    pid = running_app_pid(data_root)
    if pid is not None:
        raise UserError(
            f"Career Planner is open on {data_root} (process {pid}); make the change in its "
            "window, or close it and run the command again."
        )
