"""One timestamp format for every write; every form ever stored still reads."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from careerplanner.store.stamps import date_text, now_stamp, parse_date, parse_stamp
from careerplanner.store.user import goals, profile, targets
from tests.exports.roadmap_data import open_roadmap_db, write_profile

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def test_a_new_stamp_is_utc_to_the_second_with_a_z():
    stamp = now_stamp()
    assert STAMP.fullmatch(stamp)
    assert abs((parse_stamp(stamp) - datetime.now(UTC)).total_seconds()) < 5


@pytest.mark.parametrize(
    "stored",
    [
        "2026-01-05T10:00:00Z",  # the roadmap's form, now every writer's
        "2026-01-05T10:00:00+00:00",  # the profile's earlier form
        "2026-01-05T10:00:00.123456+00:00",  # target roles, earlier
        "2026-01-05T11:00:00+01:00",  # an offset, should one ever appear
    ],
)
def test_every_stored_form_reads_as_the_same_utc_moment(stored):
    assert parse_stamp(stored).replace(microsecond=0) == datetime(2026, 1, 5, 10, tzinfo=UTC)


def test_a_plain_date_of_an_old_fixture_reads_as_midnight_utc():
    assert parse_stamp("2026-01-01") == datetime(2026, 1, 1, tzinfo=UTC)


def test_calendar_days_round_trip():
    assert parse_date(date_text(date(2027, 3, 31))) == date(2027, 3, 31)
    assert date_text(None) is None and parse_date(None) is None and parse_date("") is None


def test_the_profile_the_roadmap_and_target_roles_write_the_one_format(tmp_path):
    db = open_roadmap_db(tmp_path / "home")
    write_profile(db)
    profile.set_override(db, "Python", "L4", "shipped a library")
    goals.add_goal(db, "custom:knitting", "Knitting", 2)
    targets.add_target_role(db, "15-1252.00", "Software Developers")
    stamps = [
        *db.execute("SELECT at FROM skill_history").fetchall(),
        *db.execute("SELECT updated_at FROM user_skill WHERE override_level IS NOT NULL"),
        *db.execute("SELECT created_at FROM roadmap_goal").fetchall(),
        *db.execute("SELECT added_at FROM target_role").fetchall(),
    ]
    db.close()
    assert len(stamps) == 4
    assert all(STAMP.fullmatch(at) for (at,) in stamps), stamps
