"""Python's cyclic garbage collector paused while many long-lived objects are made at once.

Reading a release, loading the finder cache, building the market index or loading a command's
modules each makes hundreds of thousands of dicts, lists and tuples and next to no garbage;
the collector would traverse them again and again while they pile up (measured: it doubles the
O*NET read and takes a third of a finder load). Collection resumes as it was on leaving.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
