"""The level that counts for each of the user's skills, as every screen and the command line
read it: the override when set, else the inferred level, raised by roadmap progress.

    user_levels(user_db) -> core.gap.SkillLevels        cached per user_data_version
    user_levels_after(user_db, before, keys)            the same after a change of `keys` only
    levels_kept(user_db, before)                        after a write that moves no level
    user_data_version(user_db) -> a value that changes with every change of the user database
"""

from __future__ import annotations

from collections.abc import Iterable

from careerplanner.analysis.word_lists import common_words
from careerplanner.core.gap import SkillLevels
from careerplanner.core.roadmap import EffectiveLevel
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
    cached = _cached(user_db)
    if cached is None or cached.version != version:
        cached = _keep(user_db, version, all_effective_levels(user_db))
    return cached.levels.copy()


def user_levels_after(
    user_db: Database, before: tuple[int, int], keys: Iterable[str]
) -> SkillLevels:
    """`user_levels` after a change through this connection that can move the level of the
    skills `keys` only (a step ticked off, a goal's steps put back), `before` being the
    `user_data_version` read just before it.

    When the levels as of `before` are at hand and no other connection wrote since, only
    those skills' levels are read again (the profile's rows and the goals' names, small, are
    read whole): on a roadmap of a thousand goals a click no longer reads every goal's steps
    and the whole evidence ledger. Otherwise this is `user_levels`."""
    version = user_data_version(user_db)
    cached = _cached(user_db)
    if cached is not None and cached.version == version:
        return cached.levels.copy()
    if cached is None or cached.version != before or version[0] != before[0]:
        return user_levels(user_db)  # something else changed too: read everything
    effective = {**cached.effective, **all_effective_levels(user_db, set(keys))}
    # In key order, as a full read gives them: of two skills at one level sharing a name, the
    # first keeps the name.
    ordered = {key: effective[key] for key in sorted(effective)}
    return _keep(user_db, version, ordered).levels.copy()


def levels_kept(user_db: Database, before: tuple[int, int]) -> None:
    """Say that the writes through this connection since `before` (its `user_data_version`)
    moved no level (a fit score appended to the history): levels read as of `before` stay
    good, so the next screen to ask does not read them again. Ignored when another connection
    wrote meanwhile."""
    cached = _cached(user_db)
    version = user_data_version(user_db)
    if cached is not None and cached.version == before and version[0] == before[0]:
        cached.version = version


class _Levels:
    """The levels that count as of one `user_data_version`, with the effective level of each
    skill they were made from (what `user_levels_after` updates)."""

    __slots__ = ("effective", "levels", "version")

    def __init__(self, version, levels: SkillLevels, effective: dict[str, EffectiveLevel]):
        self.version = version
        self.levels = levels
        self.effective = effective


_CACHE_ATTRIBUTE = "_careerplanner_levels"  # kept on the connection: one per database


def _cached(user_db: Database) -> _Levels | None:
    return user_db.__dict__.get(_CACHE_ATTRIBUTE)


def _keep(user_db: Database, version, effective: dict[str, EffectiveLevel]) -> _Levels:
    kept = user_db.__dict__[_CACHE_ATTRIBUTE] = _Levels(
        version, _levels_from(user_db, effective), effective
    )
    return kept


_NAME_FORMS: list = []  # one NameMatcher for profile names, made on first use (it caches forms)


def _levels_from(user_db: Database, effective: dict[str, EffectiveLevel]) -> SkillLevels:
    """The levels that count: the profile's, raised by each skill's effective level (a skill
    at L0 on the roadmap alone adds nothing)."""
    rows = profile.counted_levels(user_db)
    goal_names = goal_skill_names(user_db)
    for key, counted in effective.items():
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
