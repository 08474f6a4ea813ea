"""`qt()`: the `Qt` namespace, looked up on first use.

The first use of `PySide6.QtCore.Qt` builds every Qt enum (~27 ms, a tenth of a cold start).
Modules on the start-up path (the main window, the start screen) call `qt()` inside the code
that needs an enum, so a start that never needs one never pays for them.
"""

from __future__ import annotations


def qt():
    from PySide6.QtCore import Qt

    return Qt
