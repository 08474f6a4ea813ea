"""One application instance writes the databases.

A QLockFile in the data directory decides who is first (it survives a crash: a stale lock whose
process is gone is taken over). The first instance also listens on a QLocalServer named after
the data directory; a second start sends it "activate" so the first window comes forward, then
exits with a clear sentence.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from careerplanner.errors import UserError

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

ACTIVATE = b"activate\n"
LISTEN_DELAY_MS = 300


def server_name(data_root: Path) -> str:
    """A short, per-data-directory name (socket paths have a small length limit)."""
    import hashlib  # ~5 ms: only once the window is up (see `acquire`)

    digest = hashlib.sha256(str(data_root).encode("utf-8")).hexdigest()[:16]
    return f"careerplanner-{digest}"


class SingleInstance(QObject):
    """Holds the lock and the activation server for as long as the application runs."""

    activation_requested = Signal()

    def __init__(self, data_root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = data_root
        self._lock = QLockFile(str(data_root / "app.lock"))
        self._lock.setStaleLockTime(0)  # stale only when the owning process is gone
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process is the only instance; the lock is held until `release`.

        Raises UserError when the lock file cannot be written at all (a full or read-only disk):
        then nothing else is running, and saying so would send the user looking for a window
        that does not exist.
        """
        if not self._lock.tryLock(100):
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                raise UserError(
                    f"Career Planner can't create its lock file in {self._root} (the disk may be "
                    "full or read-only); free some space or make the folder writable, then "
                    "start again."
                )
            return False
        lock_path = self._root / "app.lock"
        with contextlib.suppress(OSError):  # private like every file of the data folder
            os.chmod(lock_path, 0o600)
        # Listening needs QtNetwork (~10 ms to load): do it once the window is up and idle, not
        # in the way of its first paint. A second start in between finds the lock taken and no
        # server, and still refuses with the same sentence.
        QTimer.singleShot(LISTEN_DELAY_MS, self._listen)
        return True

    @property
    def listening(self) -> bool:
        """True once a second start can reach this instance to bring its window forward."""
        return self._server is not None

    def _listen(self) -> None:
        if not self._lock.isLocked():  # released before the event loop ran
            return
        from PySide6.QtNetwork import QLocalServer  # heavy: once the window is idle

        name = server_name(self._root)
        QLocalServer.removeServer(name)  # a crashed instance may have left its socket file
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(name):
            server.newConnection.connect(self._on_connection)
            self._server = server

    def _on_connection(self) -> None:
        if self._server is None:
            return
        while (socket := self._server.nextPendingConnection()) is not None:
            # The second instance writes its one line right after connecting; read it here
            # (briefly) rather than keeping per-socket callbacks alive.
            arrived = socket.bytesAvailable() > 0 or socket.waitForReadyRead(500)
            if arrived and bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
                self.activation_requested.emit()
            socket.abort()
            socket.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def ask_running_instance_to_activate(data_root: Path, timeout_ms: int = 1000) -> bool:
    """Tell the running instance to bring its window forward; True if it answered."""
    from PySide6.QtNetwork import QLocalSocket  # heavy: only when another instance runs

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_root))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(ACTIVATE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


def already_running_error(data_root: Path) -> UserError:
    return UserError(
        f"Career Planner is already running with the data folder {data_root}; "
        "its window was brought forward."
    )
