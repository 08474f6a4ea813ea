"""A search box that finds a role by any title people use ("Backend Engineer" → Software
Developers), through the occupation's alternate titles in the active dataset.

Nothing is chosen until the user picks a role from the list (a click, or the arrow keys then
Return): many occupations share an alternate title ("Data Analyst"), so Return on the typed
words alone only searches, it never adds the first hit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from careerplanner.ui.common.appearance import set_text_role
from careerplanner.ui.common.lazy_qt import qt
from careerplanner.ui.common.plain_text import plain_label

if TYPE_CHECKING:
    from careerplanner.store.market.roles import RoleMatch

SEARCH_DELAY_MS = 200  # wait for a pause in typing before searching


class _SearchEdit(QLineEdit):
    """The search box; Down moves into the list of matches so the keyboard can pick a role.
    (A key handler, not an event filter: a filter would see every event of the box from the
    first paint on, and the first one handed to Python costs start-up ~5 ms.)"""

    def __init__(self, search: RoleSearch) -> None:
        super().__init__()
        self._search = search

    def keyPressEvent(self, event) -> None:
        if event.key() == qt().Key.Key_Down and self._search.results.count():
            self._search.pick_first()
            return
        super().keyPressEvent(event)


class RoleSearch(QWidget):
    role_chosen = Signal(str, str)  # code, title

    def __init__(self, market_db, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._market_db = market_db
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = _SearchEdit(self)
        self.edit.setPlaceholderText(placeholder or "Any job title, e.g. Backend Engineer")
        self.edit.setAccessibleName("Role title search")
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName("Matching roles")
        self.results.setMaximumHeight(180)
        self.hint = plain_label("")
        set_text_role(self.hint, "hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.edit)
        layout.addWidget(self.results)
        layout.addWidget(self.hint)
        self.hint.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        self.edit.returnPressed.connect(self._return_in_edit)
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
        self.results.setCurrentRow(-1)  # nothing picked yet: the user picks
        self.hint.setText(
            "Pick a role from the list (click it, or press Down then Return)."
            if matches
            else ("No role matches these words." if self.edit.text().strip() else "")
        )
        self.hint.setVisible(bool(self.hint.text()))
        return matches

    def _return_in_edit(self) -> None:
        """Return in the search box searches; it adds only a role the user has picked."""
        picked = self.results.currentItem()
        if picked is not None and picked.isSelected() and not self._timer.isActive():
            self._choose(picked)
            return
        self.search_now()

    def pick_first(self) -> None:
        """Down in the search box: into the list, on its first role (the keyboard's pick)."""
        if self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(0)

    def _choose(self, item: QListWidgetItem) -> None:
        code, title = item.data(qt().ItemDataRole.UserRole)
        self.hint.hide()  # picked: the advice has done its work
        self.role_chosen.emit(code, title)

    def current(self) -> tuple[str, str] | None:
        item = self.results.currentItem()
        return item.data(qt().ItemDataRole.UserRole) if item else None
