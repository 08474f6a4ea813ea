"""The progress history: one row each time a skill's counted level or a target role's fit
changes (append-only), and reading it back for the charts and exports."""

from __future__ import annotations

from collections.abc import Mapping

from careerplanner.core.roadmap import ProgressPoint
from careerplanner.store import stamps
from careerplanner.store.connection import Database
from careerplanner.store.user.changes import announces_change
from careerplanner.store.user.levels import all_effective_levels, skill_names


def progress_history(db: Database, kind: str | None = None) -> list[ProgressPoint]:
    """The progress history (all of it, or one kind: "skill" or "fit"), oldest first."""
    sql = "SELECT id, at, kind, subject_key, subject_name, value, source FROM progress_history"
    params: list[object] = []
    if kind is not None:
        sql += " WHERE kind = ?"
        params.append(kind)
    return [ProgressPoint(*row) for row in db.execute(sql + " ORDER BY id", params)]


def _latest_values(db: Database, kind: str, keys: set[str] | None = None) -> dict[str, float]:
    """Subject key -> its newest value (of the subjects in `keys` only, when given: years of
    daily history are not read for one skill)."""
    if keys is not None:
        latest = {}
        for key in keys:
            row = db.execute(
                "SELECT value FROM progress_history WHERE id = (SELECT max(id) FROM "
                "progress_history WHERE kind = ? AND subject_key = ?)",
                [kind, key],
            ).fetchone()
            if row is not None:
                latest[key] = row[0]
        return latest
    rows = db.execute(
        "SELECT subject_key, value FROM progress_history WHERE id IN "
        "(SELECT max(id) FROM progress_history WHERE kind = ? GROUP BY subject_key)",
        [kind],
    )
    return dict(rows.fetchall())


def _append(db: Database, rows: list[tuple[str, str, str, float, str]]) -> None:
    """Append (kind, key, name, value, source) rows, stamped now, in one transaction."""
    stamp = stamps.now_stamp()
    with db.atomic():
        for kind, key, name, value, source in rows:
            db.execute(
                "INSERT INTO progress_history (at, kind, subject_key, subject_name, value, source) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [stamp, kind, key, name, value, source],
            )


def record_skill_levels(db: Database, source: str, keys: set[str] | None = None) -> int:
    """Append a history point for every skill (or every one in `keys`) whose counted level
    changed; returns how many.

    Call after any change to the profile (resume import, override) as well: roadmap edits call
    it themselves.
    """
    latest = _latest_values(db, "skill", keys)
    names = skill_names(db, keys=keys)
    changed = [
        ("skill", key, names.get(key, key), item.level, source)
        for key, item in all_effective_levels(db, keys).items()
        if latest.get(key) != item.level and not (key not in latest and item.level == 0)
    ]
    _append(db, changed)
    return len(changed)


@announces_change
def record_fit_scores(db: Database, scores: Mapping[str, tuple[str, float]], source: str) -> int:
    """Append a point for every target role (code -> (title, fit 0..1)) whose fit changed."""
    latest = _latest_values(db, "fit")
    changed = [
        ("fit", code, title, float(fit), source)
        for code, (title, fit) in sorted(scores.items())
        if latest.get(code) is None or abs(latest[code] - float(fit)) > 1e-9
    ]
    _append(db, changed)
    return len(changed)
