"""Writing the plain copy once per user action, on a thread of its own.

One click can make several writes (a step's state, then the level it reached in the history),
and rebuilding the whole copy after each, on the thread that made the change, is what made a
click slow on a large roadmap. Here a change only notes that a data folder's copy is out of
date. One writer thread waits for the burst to end (`delay`), reads the database through its
own connection, in one read transaction (a consistent snapshot), and replaces the copy when
the data it holds changed since the copy it last wrote. `flush` waits for the pending copies:
the command line calls it before it exits, the window when it closes.

A crash between a commit and the copy is survivable as before: the database holds the change,
the previous copy is still whole (it is replaced atomically), and the next change writes it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from careerplanner.store.connection import Database
from careerplanner.store.user.schema import USER_DB

log = logging.getLogger("careerplanner.services.plain_copy")

# Writes the copy of the user database at `Path` through `Database`, unless the data is still in
# the state given (what it returned last time); returns the state of the data the copy holds.
CopyWrite = Callable[[Database, Path, "bytes | None"], "bytes | None"]


class PlainCopyWriter:
    """Coalesces changes into one write per data folder, off the thread that changed it."""

    def __init__(self, write: CopyWrite, delay: float = 0.15) -> None:
        self._write = write
        self._delay = delay
        self._ready = threading.Condition()
        self._pending: set[Path] = set()
        self._busy = False
        self._hurry = False
        self._at_once = False
        self._states: dict[Path, bytes | None] = {}  # per folder: the data its copy holds
        self._thread: threading.Thread | None = None

    def note(self, root: Path, at_once: bool = False) -> None:
        """The user data of the folder `root` changed: its copy will be written, after a
        pause for the rest of the action's writes, or `at_once`."""
        with self._ready:
            self._pending.add(Path(root))
            self._at_once = self._at_once or at_once
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="plain-copy", daemon=True)
                self._thread.start()
            self._ready.notify_all()

    def flush(self, timeout: float | None = 60.0) -> bool:
        """Write the pending copies now and wait for them; False when `timeout` ran out."""
        with self._ready:
            self._hurry = True
            self._ready.notify_all()
            done = self._ready.wait_for(lambda: not self._pending and not self._busy, timeout)
            self._hurry = False
            return done

    def _run(self) -> None:
        while True:
            with self._ready:
                self._ready.wait_for(lambda: self._pending)
                # Let the rest of the action's writes arrive: one copy for the whole burst.
                self._ready.wait_for(lambda: self._hurry or self._at_once, self._delay)
                roots, self._pending, self._at_once = self._pending, set(), False
                self._busy = True
            try:
                for root in roots:
                    self._write_one(root)
            finally:
                with self._ready:
                    self._busy = False
                    self._ready.notify_all()

    def _write_one(self, root: Path) -> None:
        path = root / "user.db"
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=10)
        except sqlite3.Error as error:
            log.warning("The plain copy of your data was not updated: %s", error)
            return
        try:
            conn.execute("BEGIN")  # one snapshot for every table
            (app_id,) = conn.execute("PRAGMA application_id").fetchone()
            if app_id & 0xFFFFFFFF != USER_DB.application_id:
                # Another program's file put in place of user.db since the change: never copy
                # it over the user's plain copy (issue 16).
                log.warning("The plain copy was not updated: %s is not Career Planner data", path)
                return
            self._states[root] = self._write(Database(conn), root, self._states.get(root))
        except Exception as error:  # never let the copy stop the next one
            log.warning("The plain copy of your data was not updated: %s", error)
        finally:
            conn.close()
