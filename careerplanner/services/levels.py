"""The level that counts for each of the user's skills, as every screen and the command line
read it: the override when set, else the inferred level, raised by roadmap progress.

    user_levels(user_db) -> core.gap.SkillLevels        cached per user_data_version
    user_data_version(user_db) -> a value that changes with every change of the user database
"""

from __future__ import annotations

from careerplanner.analysis.word_lists import common_words
from careerplanner.core.gap import SkillLevels
from careerplanner.store.connection import Database
from careerplanner.store.user import profile
from careerplanner.store.user.levels import all_effective_levels, goal_skill_names


def user_data_version(user_db: Database) -> tuple[int, int]:
    """A value that changes whenever the user database does: a commit through another
    connection (a worker's; SQLite's `data_version`) or a change through this one
    (`total_changes`). One pragma: cheap enough to ask on every recompute."""
    conn = user_db.conn
    return conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes


def user_levels(user_db: Database) -> SkillLevels:
    """Each skill's level that counts: the user's override when set, else the inferred level,
    raised by a level reached on the roadmap once its evidence is logged (the evidence rule of
    `core.roadmap.effective_level`). Every screen and the command line count the same levels.

    A `core.gap.SkillLevels` (a dict of key → level) that also knows the names each skill goes
    by, so a requirement kept under another key still finds the user's level. Read once per
    `user_data_version` of the connection (kept on it); each caller gets its own copy.
    """
    version = user_data_version(user_db)
    cached = user_db.__dict__.get("_careerplanner_levels")
    if cached is None or cached[0] != version:
        cached = user_db.__dict__["_careerplanner_levels"] = (version, _read_levels(user_db))
    return cached[1].copy()


_NAME_FORMS: list = []  # one NameMatcher for profile names, made on first use (it caches forms)


def _read_levels(user_db: Database) -> SkillLevels:
    rows = profile.counted_levels(user_db)
    goal_names = goal_skill_names(user_db)
    for key, counted in all_effective_levels(user_db).items():
        name = rows[key][0] if key in rows else goal_names.get(key, key)
        if counted.level > rows.get(key, (name, 0))[1]:
            rows[key] = (name, counted.level)
    if not _NAME_FORMS:
        # Start-up: the name matcher loads the skill vocabulary; the start screen imports this
        # module before it ever counts a level.
        from careerplanner.analysis.skill_match import NameMatcher

        _NAME_FORMS.append(NameMatcher(frozenset(), frozenset(common_words())))
    matcher = _NAME_FORMS[0]
    by_form: dict[str, str] = {}
    for key, (name, _level) in sorted(rows.items(), key=lambda item: -item[1][1]):
        if key.startswith("onet:"):
            continue  # a rating the user set is matched by its key only
        for form in matcher.forms(name, key):
            by_form.setdefault(form, key)  # the higher level wins a shared form
    return SkillLevels(
        {key: level for key, (_name, level) in rows.items()},
        by_form,
        {key: name for key, (name, _level) in rows.items()},
    )
