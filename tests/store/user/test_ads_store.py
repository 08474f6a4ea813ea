"""The job-ads tables: one ad is stored whole or not at all, removed with everything about it,
and a new reading replaces the reader's requirements but never the user's fixes."""

from __future__ import annotations

import sqlite3

import pytest

from careerplanner.errors import UserError
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user import ads
from careerplanner.store.user.ads import NewAd, RequirementFix, StoredRequirement

SQL = StoredRequirement("technology:sql", "SQL", 3, "must", ("SQL",), (("3+ years of SQL", "L3"),))
GIT = StoredRequirement("technology:git", "Git", 1, "nice")


@pytest.fixture
def db(tmp_path):
    database = DataDir(tmp_path / "home").open_user_db()
    yield database
    database.close()


def _ad(digest: str = "a" * 64) -> NewAd:
    return NewAd(sha256=digest, text="Analyst\n3+ years of SQL.", source_format="text")


def _counts(db) -> dict[str, int]:
    tables = ("job_ad", "job_ad_requirement", "job_ad_fix", "job_ad_status", "job_ad_tag")
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_an_ad_is_stored_whole_with_its_first_status(db):
    ad_id = ads.insert_ad(db, _ad(), [SQL, GIT], ["berlin"], now="2026-12-01T10:00:00Z")
    assert ads.ad_with_digest(db, "a" * 64) == ad_id
    assert ads.requirements_by_ad(db, [ad_id], full=True) == {ad_id: [GIT, SQL]}
    assert ads.tags_by_ad(db) == {ad_id: ("berlin",)}
    assert ads.status_history(db, ad_id) == [("saved", "2026-12-01T10:00:00Z")]


def test_a_failure_halfway_leaves_nothing(db):
    broken = StoredRequirement("technology:x", "X", 9, "must")  # outside L0..L5
    with pytest.raises(sqlite3.IntegrityError):
        ads.insert_ad(db, _ad(), [SQL, broken])
    assert set(_counts(db).values()) == {0}
    ads.insert_ad(db, _ad(), [SQL])
    with pytest.raises(sqlite3.IntegrityError):  # the same text is one ad
        ads.insert_ad(db, _ad(), [SQL])
    assert _counts(db)["job_ad"] == 1


def test_removing_an_ad_removes_everything_about_it(db):
    kept = ads.insert_ad(db, _ad("b" * 64), [SQL], ["x"])
    gone = ads.insert_ad(db, _ad(), [SQL, GIT], ["x", "y"])
    ads.save_fix(db, gone, RequirementFix("technology:git", "Git", "remove", None, None))
    ads.record_status(db, gone, "applied")
    assert ads.delete_ads(db, [gone]) == 1
    assert _counts(db) == {
        "job_ad": 1,
        "job_ad_requirement": 1,
        "job_ad_fix": 0,
        "job_ad_status": 1,
        "job_ad_tag": 1,
    }
    assert ads.ad_rows(db)[0].id == kept


def test_a_new_reading_keeps_the_fixes(db):
    ad_id = ads.insert_ad(db, _ad(), [SQL, GIT])
    fix = RequirementFix("technology:git", "Git", "set", 3, "must", "2026-12-02T00:00:00Z")
    ads.save_fix(db, ad_id, fix)
    ads.replace_requirements(db, ad_id, [SQL], "O*NET 29.3")
    assert ads.requirements_by_ad(db, [ad_id]) == {ad_id: [SQL._replace(aliases=(), evidence=())]}
    assert ads.fixes_by_ad(db) == {ad_id: [fix]}
    assert ads.ad_row(db, ad_id).read_with == "O*NET 29.3"


def test_filters_and_refusals(db):
    first = ads.insert_ad(db, _ad("b" * 64), [SQL], ["x"])
    second = ads.insert_ad(db, _ad(), [GIT], ["y"])
    ads.record_status(db, second, "offer")
    assert [r.id for r in ads.ad_rows(db)] == [second, first]
    assert [r.id for r in ads.ad_rows(db, tag="x")] == [first]
    assert [r.id for r in ads.ad_rows(db, status="offer")] == [second]
    assert ads.ad_rows(db, ids=[]) == []
    with pytest.raises(UserError, match="“hired” is not a status"):
        ads.record_status(db, first, "hired")
    with pytest.raises(UserError, match="There is no ad #99"):
        ads.record_status(db, 99, "applied")
    assert ads.tag_counts(db) == [("x", 1), ("y", 1)]


def test_the_requirements_version_moves_with_every_change_of_requirements_only(db):
    seen = [ads.requirements_version(db)]

    def changed() -> bool:
        now = ads.requirements_version(db)
        is_new = now not in seen
        seen.append(now)
        return is_new

    last = ads.insert_ad(db, _ad("b" * 64), [SQL, GIT])
    assert changed()
    ads.record_status(db, last, "applied")
    ads.add_ad_tags(db, [last], ["x"])
    assert not changed()  # a status or a tag leaves the requirements as they were
    ads.replace_requirements(db, last, [SQL, GIT], "again")  # the same rows, new rowids
    assert changed()
    ads.save_fix(db, last, RequirementFix("technology:git", "Git", "set", 2, "must"))
    assert changed()
    ads.delete_fix(db, last, "technology:git")
    assert changed()
    ads.delete_ads(db, [last])  # the last ad removed, then one added: its id is not reused
    ads.insert_ad(db, _ad("c" * 64), [SQL, GIT])
    assert changed()
