"""Announcing that the user's data changed, without knowing who listens.

Every store function that writes the user's data is decorated with `announces_change`: once it
returns, each registered listener is called with the database. The entry point both front ends
go through (`careerplanner.cli.main`, for the GUI and the headless commands) registers the
refresh of the plain JSON copy (`careerplanner.services.plain_copy.refresh_plain_copy`), so the
store never imports the services above it. A listener runs after the change, inside or outside
an outer transaction; it decides itself whether to act (the plain copy waits for the outer
commit).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from careerplanner.store.connection import Database

Listener = Callable[[Database], object]
F = TypeVar("F", bound=Callable)

_listeners: list[Listener] = []


def add_listener(listener: Listener) -> None:
    """Call `listener(db)` after every change of the user's data (registering twice is once)."""
    if listener not in _listeners:
        _listeners.append(listener)


def registered_listeners() -> tuple[Listener, ...]:
    """The listeners registered now, in the order they are called."""
    return tuple(_listeners)


def remove_listener(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def announce_change(db: Database) -> None:
    """Tell every listener that the user's data in `db` changed."""
    for listener in tuple(_listeners):
        listener(db)


def announces_change(function: F) -> F:
    """Decorate a store function taking the user database first: announce the change after it."""

    @functools.wraps(function)
    def wrapper(db, *args, **kwargs):
        result = function(db, *args, **kwargs)
        announce_change(db)
        return result

    return wrapper  # type: ignore[return-value]
