"""The no-network promise: the runtime guard refuses connections and lookups."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import socket, sys
from careerplanner.safety import NetworkBlockedError, install_network_guard
install_network_guard()
outcomes = []
for attempt in (lambda: socket.create_connection(("127.0.0.1", 9), timeout=1),
                lambda: socket.getaddrinfo("example.org", 443)):
    try:
        attempt()
        outcomes.append("allowed")
    except NetworkBlockedError:
        outcomes.append("blocked")
    except OSError:
        outcomes.append("allowed")  # it got as far as the network stack
left, right = socket.socketpair(socket.AF_UNIX)  # local sockets (Qt's single-instance) still work
left.sendall(b"x"); outcomes.append("unix ok" if right.recv(1) == b"x" else "unix broken")
print(",".join(outcomes))
"""


def test_network_guard_blocks_inet_but_not_local_sockets():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "blocked,blocked,unix ok"


def test_the_suite_itself_refuses_sockets():
    import socket

    import pytest_socket

    try:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    except pytest_socket.SocketBlockedError:
        return
    raise AssertionError("the test suite allowed an internet socket")
