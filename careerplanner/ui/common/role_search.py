"""A search box that finds a role by any title people use ("Backend Engineer" → Software
Developers), through the occupation's alternate titles in the active dataset."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from careerplanner.ui.common.lazy_qt import qt

if TYPE_CHECKING:
    from careerplanner.store.market.roles import RoleMatch

SEARCH_DELAY_MS = 200  # wait for a pause in typing before searching


class RoleSearch(QWidget):
    role_chosen = Signal(str, str)  # code, title

    def __init__(self, market_db, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._market_db = market_db
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder or "Any job title, e.g. Backend Engineer")
        self.edit.setAccessibleName("Role title search")
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName("Matching roles")
        self.results.setMaximumHeight(180)
        layout.addWidget(self.edit)
        layout.addWidget(self.results)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        self.edit.returnPressed.connect(self._choose_first)
        self.results.itemActivated.connect(self._choose)
        self.results.itemDoubleClicked.connect(self._choose)

    def search_now(self) -> list[RoleMatch]:
        self._timer.stop()
        # Imported on the first search, not when the Start screen is built.
        from careerplanner.store.market.roles import find_roles

        matches = find_roles(self._market_db, self.edit.text())
        self.results.clear()
        for match in matches:
            label = match.title
            if match.matched_title.casefold() != match.title.casefold():
                label = f"{match.title}  —  “{match.matched_title}”"
            item = QListWidgetItem(f"{label}  ({match.code})")
            item.setData(qt().ItemDataRole.UserRole, (match.code, match.title))
            self.results.addItem(item)
        if matches:
            self.results.setCurrentRow(0)
        return matches

    def _choose_first(self) -> None:
        self.search_now()
        if self.results.count():
            self._choose(self.results.item(0))

    def _choose(self, item: QListWidgetItem) -> None:
        code, title = item.data(qt().ItemDataRole.UserRole)
        self.role_chosen.emit(code, title)

    def current(self) -> tuple[str, str] | None:
        item = self.results.currentItem()
        return item.data(qt().ItemDataRole.UserRole) if item else None
