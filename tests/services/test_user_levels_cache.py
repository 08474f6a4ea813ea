"""`services.levels.user_levels` is read once per change of the user database: a change through the
same connection or a commit through another one (a worker's) is seen at once, and every caller
gets its own copy."""

from __future__ import annotations

from careerplanner.core.gap import GapRow
from careerplanner.services.gap import set_own_level
from careerplanner.services.levels import user_data_version, user_levels

PYTHON = GapRow("technology:python", "Python", 0, 3, 0.9)
SQL = GapRow("technology:sql", "Structured query language SQL", 0, 3, 0.9)


def test_levels_follow_every_change_and_callers_get_copies(data_dir):
    db = data_dir.open_user_db()
    worker = data_dir.open_user_db()  # another connection, as a worker thread has
    try:
        assert user_levels(db) == {}
        set_own_level(db, PYTHON, 3, "shipped work", now="2026-01-01T00:00:00Z")
        levels = user_levels(db)
        assert levels == {"technology:python": 3}
        assert levels.names == {"technology:python": "Python"}
        version = user_data_version(db)
        assert user_data_version(db) == version  # reading changes nothing
        levels["technology:python"] = 5  # a caller's copy is its own
        levels.by_form.clear()
        again = user_levels(db)
        assert again == {"technology:python": 3} and again.by_form
        # a commit through the other connection is seen by this one
        set_own_level(worker, SQL, 2, "daily queries", now="2026-01-02T00:00:00Z")
        assert user_data_version(db) != version
        assert user_levels(db) == {"technology:python": 3, "technology:sql": 2}
        assert user_levels(db).by_form["sql"] == "technology:sql"
    finally:
        worker.close()
        db.close()
