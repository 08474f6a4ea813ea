"""A damaged market.db found as the window starts (issue 16, class 9): once the user agrees, the
damaged file is set aside at once and the window opens; the bundled datasets are then installed
in the background, with progress and Cancel, as on a first start (it used to rebuild before the
window existed, with neither)."""

from __future__ import annotations

import random

from careerplanner.app import _open_with_recovery
from careerplanner.services.default_dataset import missing_default_parts
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user.goals import add_goal, list_goals
from careerplanner.ui.common import dialogs


def _damage_inside(path) -> None:
    data = bytearray(path.read_bytes())
    start = (len(data) // 2) // 4096 * 4096
    data[start : start + 8 * 4096] = random.Random(16).randbytes(8 * 4096)
    path.write_bytes(bytes(data))


def test_a_damaged_market_db_is_set_aside_and_the_window_opens_at_once(
    qapp, market_home, monkeypatch
):
    data_dir = DataDir(market_home)
    user = data_dir.open_user_db()
    add_goal(user, "custom:chess", "Chess", 2)
    goals = list_goals(user)
    user.close()
    _damage_inside(data_dir.market_db_path)
    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda _parent, text, *args, **kwargs: asked.append(text) or True
    )

    ctx = _open_with_recovery(data_dir, smoke=False)
    try:
        assert asked and "is damaged" in asked[0]
        kept = [p.name for p in data_dir.damaged_dir.iterdir() if p.name.startswith("market.db")]
        assert kept, "the damaged file is kept"
        assert ctx.market_db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        # Nothing installed yet: the window's start installs the bundle in the background.
        assert {part["kind"] for part in missing_default_parts(ctx.market_db)} >= {"onet"}
        assert list_goals(ctx.user_db) == goals  # the user's own data is not touched
    finally:
        ctx.close()
