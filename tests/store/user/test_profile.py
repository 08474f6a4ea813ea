"""Storing resume imports, overrides and history in the real user database."""

from __future__ import annotations

import pytest

from careerplanner.core.skills import FoundSkill, SkillEvidence
from careerplanner.errors import UserError
from careerplanner.store.user.profile import (
    clear_override,
    list_skills,
    resume_imports,
    set_override,
    skill_history,
    store_resume_import,
)


def skill(key, name, level):
    return FoundSkill(key, name, level, [SkillEvidence(f"used {name}", "experience", "work")])


def store(db, sha, skills, name="cv.pdf"):
    return store_resume_import(
        db, sha256=sha, file_name=name, file_format="pdf", parsed={"skills": []}, skills=skills
    )


@pytest.fixture
def db(data_dir):
    database = data_dir.open_user_db()
    yield database
    database.close()


def test_import_stores_skills_and_history(db):
    result = store(db, "a" * 64, [skill("technology:python", "Python", 3)])
    assert (result.added, result.already_imported) == (1, False)
    [python] = list_skills(db)
    assert (python.name, python.level, python.evidence[0]["text"]) == ("Python", 3, "used Python")
    assert [h.level for h in skill_history(db, "technology:python")] == [3]


def test_same_file_twice_changes_nothing(db):
    store(db, "a" * 64, [skill("technology:python", "Python", 3)])
    before = db.execute("SELECT count(*) FROM skill_history").fetchone()
    again = store(db, "a" * 64, [skill("technology:python", "Python", 5)])
    assert again.already_imported
    assert list_skills(db)[0].inferred_level == 3
    assert db.execute("SELECT count(*) FROM skill_history").fetchone() == before
    assert len(resume_imports(db)) == 1


def test_overrides_survive_a_newer_resume_and_history_records_every_change(db):
    store(db, "a" * 64, [skill("technology:python", "Python", 2)], "old.pdf")
    set_override(db, "python", "L4", "I lead the Python guild")
    newer = store(db, "b" * 64, [skill("technology:python", "Python", 3)], "new.pdf")
    assert newer.changed == 1
    [python] = list_skills(db)
    assert (python.inferred_level, python.override_level, python.level) == (3, 4, 4)
    assert python.override_reason == "I lead the Python guild"
    sources = [(h.source, h.level) for h in skill_history(db, "technology:python")]
    assert sources == [("resume", 2), ("override", 4), ("resume", 3)]
    clear_override(db, "Python")
    assert list_skills(db)[0].level == 3


def test_bad_override_is_refused_and_nothing_changes(db):
    store(db, "a" * 64, [skill("technology:python", "Python", 2)])
    before = db.execute("SELECT * FROM user_skill").fetchall()
    with pytest.raises(UserError, match="not a level"):
        set_override(db, "Python", "L9", "because")
    with pytest.raises(UserError, match="no skill called"):
        set_override(db, "Cobol", "L3", "because")
    with pytest.raises(UserError, match="reason"):
        set_override(db, "Python", "L3", "  ")
    assert db.execute("SELECT * FROM user_skill").fetchall() == before


def test_a_failing_import_leaves_the_database_as_it_was(db):
    store(db, "a" * 64, [skill("technology:python", "Python", 2)])
    before = db.execute("SELECT count(*) FROM resume_import").fetchone()
    broken = FoundSkill("technology:go", "Go", 9)  # violates the level CHECK constraint
    with pytest.raises(Exception, match="CHECK"):
        store(db, "c" * 64, [skill("technology:rust", "Rust", 3), broken])
    assert db.execute("SELECT count(*) FROM resume_import").fetchone() == before
    assert [s.name for s in list_skills(db)] == ["Python"]
