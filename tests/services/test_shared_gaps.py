"""A target's gap is computed once per change and shared by every screen that shows it
(issue 17); any change of the user's data or of the market data gives a fresh one."""

from __future__ import annotations

from careerplanner.services.gap import role_gap, set_own_level, target_gaps
from careerplanner.services.resume_import import import_resume_file
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user.targets import add_target_role, target_roles
from tests.conftest import RESUMES

ROLE = ("15-1252.00", "Software Developers")


def test_one_gap_per_change_shared_and_renewed(installed_home):
    data_dir = DataDir(installed_home)
    user_db, market_db = data_dir.open_user_db(), data_dir.open_market_db()
    try:
        resume = RESUMES / "rendercv_John_Doe_Classic.pdf"
        import_resume_file(user_db, market_db, resume, data_dir.backup_dir)
        add_target_role(user_db, *ROLE)
        first = role_gap(user_db, market_db, *ROLE)
        assert first is not None and 0 < first.fit < 1
        # The Start screen's list and the Gap screen read the same computation.
        ((_target, listed),) = target_gaps(user_db, market_db, target_roles(user_db))
        assert listed is first

        # A change of the user's data: the gap is computed again, and shows the change.
        unmet = [r for r in first.rows if r.counted and r.your_level < r.required_level]
        row = max(unmet, key=lambda r: r.weight)
        set_own_level(user_db, row, 5, "I lead this at work")
        after = role_gap(user_db, market_db, *ROLE)
        assert after is not first and after.fit > first.fit

        # A change made through another connection (a worker's) is seen too.
        other = data_dir.open_user_db()
        set_own_level(other, row, 0, "Not any more")
        other.close()
        assert role_gap(user_db, market_db, *ROLE).fit < after.fit
        assert role_gap(user_db, market_db, "00-0000.00", "No such role") is None
    finally:
        user_db.close()
        market_db.close()
