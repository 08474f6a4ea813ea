"""Role search: nothing is added until the user picks, and the best match shares the words."""

from __future__ import annotations

from PySide6.QtCore import Qt

from careerplanner.store.market.roles import find_roles
from careerplanner.ui.common.role_search import RoleSearch


def _search(qtbot, market_home, ctx_factory, text: str):
    ctx = ctx_factory()
    search = RoleSearch(ctx.market_db)
    qtbot.addWidget(search)
    search.show()
    chosen: list[tuple[str, str]] = []
    search.role_chosen.connect(lambda code, title: chosen.append((code, title)))
    qtbot.keyClicks(search.edit, text)
    return ctx, search, chosen


def test_return_on_typed_words_searches_but_adds_nothing(qtbot, market_home, ctx_factory):
    _ctx, search, chosen = _search(qtbot, market_home, ctx_factory, "Data Analyst")
    qtbot.keyClick(search.edit, Qt.Key.Key_Return)
    assert search.results.count() > 1  # several occupations list "Data Analyst"
    assert chosen == []
    assert search.current() is None
    assert "Pick a role" in search.hint.text()


def test_a_role_is_added_once_the_user_picks_it_with_the_keyboard(qtbot, market_home, ctx_factory):
    _ctx, search, chosen = _search(qtbot, market_home, ctx_factory, "Data Analyst")
    qtbot.keyClick(search.edit, Qt.Key.Key_Return)
    qtbot.keyClick(search.edit, Qt.Key.Key_Down)
    qtbot.keyClick(search.results, Qt.Key.Key_Return)
    first = search.results.item(0).data(Qt.ItemDataRole.UserRole)
    assert chosen == [first]


def test_the_best_match_is_the_role_whose_own_title_shares_the_words(market_home, ctx_factory):
    ctx = ctx_factory()
    matches = find_roles(ctx.market_db, "Data Analyst")
    exact = [m for m in matches if m.matched_title.casefold() == "data analyst"]
    assert len(exact) > 1, "the slice should hold several occupations sharing the title"
    # In the slice: Database Architects and Data Scientists both list it; "Data" is in the
    # second's own title, so it comes first (not the alphabetical first).
    best_words = {word.removesuffix("s") for word in matches[0].title.casefold().split()}
    assert best_words & {"data", "analyst"}
