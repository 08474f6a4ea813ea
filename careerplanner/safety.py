"""The no-network promise, enforced at run time.

An audit hook refuses any socket connection or name lookup except local (Unix) sockets, which Qt
uses for the single-instance lock. Nothing in Career Planner needs the network.
"""

from __future__ import annotations

import sys

_installed = False


class NetworkBlockedError(RuntimeError):
    pass


def _audit(event: str, args: tuple) -> None:
    if event == "socket.connect" or event == "socket.bind":
        sock = args[0]
        # A socket event means the socket module is loaded; importing it up front would cost
        # every start ~6 ms.
        if getattr(sock, "family", None) == getattr(sys.modules["socket"], "AF_UNIX", None):
            return
        raise NetworkBlockedError(
            "Career Planner never uses the network; the connection was refused."
        )
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        raise NetworkBlockedError("Career Planner never uses the network; the lookup was refused.")


def install_network_guard() -> None:
    """Install the audit hook once per process (audit hooks cannot be removed)."""
    global _installed
    if not _installed:
        sys.addaudithook(_audit)
        _installed = True
