"""Splitters that remember their place: the sizes a user drags to are kept in the settings file
and restored the next time the screen is built."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter


def remember_splitter(splitter: QSplitter, settings: QSettings, name: str) -> bool:
    """Restore `splitter`'s saved sizes (True when there were some) and save them on each move."""
    key = f"splitters/{name}"
    saved = settings.value(key)
    restored = isinstance(saved, QByteArray) and not saved.isEmpty()
    if restored:
        restored = splitter.restoreState(saved)
    splitter.splitterMoved.connect(
        lambda _pos, _index: settings.setValue(key, splitter.saveState())
    )
    return restored
