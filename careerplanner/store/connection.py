"""A database connection that loads sqlite-utils only when something needs it.

Importing sqlite-utils costs ~110 ms (it pulls in click, dateutil and pluggy), about half of what
a bare Qt window takes to appear; start-up only reads a few rows. So every open returns a
`Database`: plain `sqlite3` for reads, and a real `sqlite_utils.Database` on the same connection
from the first write, transaction or any other sqlite-utils call on. Behaviour is identical: a
read through sqlite-utils is exactly `conn.execute` (its extra work, committing the implicit
transaction a write statement opens, never applies to a read).
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

# The statements Python's sqlite3 opens an implicit transaction for (legacy transaction control),
# which sqlite-utils then commits: these go through sqlite-utils.
_WRITE_KEYWORDS = ("insert", "update", "delete", "replace")


def _is_plain_read(sql: str) -> bool:
    return not sql.lstrip().lower().startswith(_WRITE_KEYWORDS)


class Database:
    """One SQLite connection; a `sqlite_utils.Database` on demand (`full`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._full: sqlite_utils.Database | None = None

    @property
    def full(self) -> sqlite_utils.Database:
        """The sqlite-utils view of this connection, made on first use."""
        if self._full is None:
            # No plugin scan: it costs time and would run third-party code inside the app.
            self._full = _sqlite_utils().Database(self.conn, execute_plugins=False)
        return self._full

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None):
        if self._full is None and _is_plain_read(sql):
            return (
                self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)
            )
        return self.full.execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()

    def __getattr__(self, name: str):
        # Everything else (atomic, table_names, …) is sqlite-utils' own.
        return getattr(self.full, name)

    def __getitem__(self, table: str):
        return self.full[table]


class _HideNumpy:
    """A meta path finder that makes `import numpy` fail in one thread while that thread
    imports sqlite-utils. (Not an importlib.abc subclass: importing that costs ~5 ms.)"""

    def __init__(self) -> None:
        self.thread: int | None = None

    def find_spec(self, fullname, path=None, target=None):
        if fullname == "numpy" and threading.get_ident() == self.thread:
            raise ModuleNotFoundError("hidden while sqlite-utils loads", name=fullname)
        return None


_hide_numpy = _HideNumpy()
_import_lock = threading.Lock()


def _sqlite_utils():
    """Import sqlite-utils without letting it import numpy.

    sqlite-utils imports numpy when present (matplotlib brings it) only to map numpy column
    types, which Career Planner never stores; that import alone costs ~150 ms. Hiding numpy from
    this thread while sqlite-utils loads makes it skip the mapping; other threads (a chart
    loading matplotlib) still get numpy, and so does everyone afterwards.
    """
    with _import_lock:
        hide = "sqlite_utils" not in sys.modules and "numpy" not in sys.modules
        if hide:
            _hide_numpy.thread = threading.get_ident()
            sys.meta_path.insert(0, _hide_numpy)
        try:
            import sqlite_utils  # heavy (~110 ms): loaded on the first write, not at start-up
        finally:
            if hide:
                sys.meta_path.remove(_hide_numpy)
                _hide_numpy.thread = None
        return sqlite_utils
