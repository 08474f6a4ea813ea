"""The user's corrections to the reader: a missed skill added, a found one marked "not a skill";
both kept across re-imports, in the JSON backup and in the plain copy."""

from __future__ import annotations

import json

import pytest

from careerplanner.core.skills import FoundSkill, SkillEvidence
from careerplanner.errors import UserError
from careerplanner.services.backup import restore_backup, write_backup
from careerplanner.services.skill_fixes import (
    add_missed_skill,
    mark_not_a_skill,
    take_back_not_a_skill,
)
from careerplanner.store.user.profile import (
    list_skills,
    rejected_skills,
    skill_history,
    store_resume_import,
)


def found(key, name, level):
    return FoundSkill(key, name, level, [SkillEvidence(f"used {name}", "skills", "listed")])


def python_at(level):
    return found("technology:python", "Python", level)


def google_at(level):
    return found("esco:x", "Google", level)


def import_resume(db, sha, skills):
    return store_resume_import(
        db, sha256=sha * 64, file_name=f"{sha}.pdf", file_format="pdf", parsed={}, skills=skills
    )


@pytest.fixture
def dbs(installed_home, data_dir):
    user, market = data_dir.open_user_db(), data_dir.open_market_db()
    yield user, market
    user.close()
    market.close()


def names(db) -> dict[str, int]:
    return {skill.name: skill.level for skill in list_skills(db)}


def test_a_rejected_skill_stays_out_of_every_later_import(dbs):
    user, _ = dbs
    import_resume(user, "a", [python_at(3), google_at(2)])
    assert mark_not_a_skill(user, "google", "an employer's name") == "Google"
    assert "Google" not in names(user)
    import_resume(user, "b", [python_at(4), google_at(3)])
    assert names(user) == {"Python": 4}
    [rejected] = rejected_skills(user)
    assert (rejected.name, rejected.reason) == ("Google", "an employer's name")
    assert skill_history(user, "esco:x")[-1].source == "not a skill"


def test_taking_it_back_lets_the_next_import_find_it(dbs):
    user, _ = dbs
    import_resume(user, "a", [found("esco:x", "Google", 2)])
    mark_not_a_skill(user, "Google", "employer")
    take_back_not_a_skill(user, "Google")
    import_resume(user, "b", [found("esco:x", "Google", 2)])
    assert names(user) == {"Google": 2} and rejected_skills(user) == []


def test_an_added_skill_takes_the_datasets_name_and_survives_a_reimport(dbs):
    user, market = dbs
    added = add_missed_skill(user, market, "postgresql", "L3", "ran our database for 3 years")
    assert (added.name, added.level, added.in_taxonomy) == ("PostgreSQL", 3, True)
    assert added.key.startswith("technology:") or added.key.startswith("esco:")
    import_resume(user, "a", [found(added.key, "PostgreSQL", 1)])
    [skill] = list_skills(user)
    assert (skill.inferred_level, skill.level, skill.added_reason) == (
        1,
        3,
        "ran our database for 3 years",
    )


def test_a_skill_the_dataset_does_not_know_is_kept_as_the_users_own(dbs):
    user, market = dbs
    added = add_missed_skill(user, market, "Bonsai pruning", 3, "my own garden, 3 years")
    assert (added.key, added.in_taxonomy, added.level) == ("custom:bonsai pruning", False, 3)


@pytest.mark.parametrize(
    ("name", "level", "reason", "sentence"),
    [
        ("Welding", "L9", "x", "not a level"),
        ("Welding", "L2", "  ", "Give a reason"),
        ("", "L2", "x", "Give the skill's name"),
        ("Python", "L2", "again", "already in your profile"),
    ],
)
def test_a_bad_addition_is_refused_and_nothing_changes(dbs, name, level, reason, sentence):
    user, market = dbs
    import_resume(user, "a", [found("technology:python", "Python", 3)])
    before = json.dumps([list(r) for r in user.execute("SELECT * FROM user_skill").fetchall()])
    with pytest.raises(UserError, match=sentence):
        add_missed_skill(user, market, name, level, reason)
    after = json.dumps([list(r) for r in user.execute("SELECT * FROM user_skill").fetchall()])
    assert after == before


def test_rejecting_needs_a_reason_and_a_skill_that_is_there(dbs):
    user, _ = dbs
    import_resume(user, "a", [found("technology:python", "Python", 3)])
    with pytest.raises(UserError, match="Give a reason"):
        mark_not_a_skill(user, "Python", "")
    with pytest.raises(UserError, match="no skill called"):
        mark_not_a_skill(user, "Cobol", "never had it")
    assert names(user) == {"Python": 3} and rejected_skills(user) == []


def test_corrections_are_in_the_backup_and_restore_exactly(dbs, data_dir, tmp_path):
    user, market = dbs
    import_resume(user, "a", [python_at(3), google_at(2)])
    mark_not_a_skill(user, "Google", "an employer")
    add_missed_skill(user, market, "Bonsai pruning", 3, "ward")
    backup = write_backup(user, tmp_path / "backup.json")
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["tables"]["skill_rejection"][0]["reason"] == "an employer"
    plain = json.loads((data_dir.root / "user-data.json").read_text(encoding="utf-8"))
    assert "skill_rejection" in json.dumps(plain)
    take_back_not_a_skill(user, "Google")
    restore_backup(user, backup)
    assert [r.name for r in rejected_skills(user)] == ["Google"]
    added = {skill.name: skill.added_reason for skill in list_skills(user)}
    assert added == {"Python": None, "Bonsai pruning": "ward"}
