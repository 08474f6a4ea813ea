"""The levels that count, the evidence that earns them, the progress history, and how roadmap
skills meet the dataset.

Use these through `careerplanner.store.user.goals`, which re-exports them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from careerplanner.core.roadmap import EffectiveLevel, Evidence, EvidenceKind, effective_levels
from careerplanner.core.skills import normalise, skill_key
from careerplanner.errors import UserError
from careerplanner.services.plain_copy import keeps_plain_copy
from careerplanner.store.connection import Database
from careerplanner.store.user.goal_reads import (
    _EVIDENCE_COLUMNS,
    _level,
    _load_goals,
    file_sha256,
    get_evidence,
    list_evidence,
    list_goals,
    now_stamp,
    profile_skills,
)


def all_effective_levels(db: Database, keys: set[str] | None = None) -> dict[str, EffectiveLevel]:
    """The level that counts for every skill in the profile or on the roadmap (see core), or
    for the skills in `keys` only."""
    profile = {key: level for key, (_name, level) in profile_skills(db).items()}
    if keys is None:
        return effective_levels(profile, list_goals(db), list_evidence(db))
    wanted = sorted(keys)
    marks = ", ".join("?" for _ in wanted)
    goals = _load_goals(db, f"WHERE skill_key IN ({marks})", wanted)
    evidence = [item for key in wanted for item in list_evidence(db, key)]
    levels = effective_levels({k: profile[k] for k in wanted if k in profile}, goals, evidence)
    return {key: levels.get(key, EffectiveLevel(key, 0, 0, 0, 0)) for key in wanted}


def effective_level_of(db: Database, skill_key: str) -> EffectiveLevel:
    """The level that counts for one skill, with the reason: what the profile screen shows."""
    return all_effective_levels(db, {skill_key})[skill_key]


def _goal_key(db, goal_id: int) -> str:
    return db.execute("SELECT skill_key FROM roadmap_goal WHERE id = ?", [goal_id]).fetchone()[0]


def _latest_values(db, kind: str) -> dict[str, float]:
    rows = db.execute(
        "SELECT subject_key, value FROM progress_history WHERE id IN "
        "(SELECT max(id) FROM progress_history WHERE kind = ? GROUP BY subject_key)",
        [kind],
    )
    return dict(rows.fetchall())


def record_skill_levels(db: Database, source: str, keys: set[str] | None = None) -> int:
    """Append a history point for every skill (or every one in `keys`) whose counted level
    changed; returns how many.

    Call after any change to the profile (resume import, override) as well: roadmap edits call
    it themselves.
    """
    latest = _latest_values(db, "skill")
    names = {key: name for key, (name, _level) in profile_skills(db).items()}
    for key, name in db.execute("SELECT skill_key, skill_name FROM roadmap_goal ORDER BY id"):
        names.setdefault(key, name)
    for item in list_evidence(db):
        names.setdefault(item.skill_key, item.skill_name)
    stamp = now_stamp()
    changed = [
        (key, item.level)
        for key, item in all_effective_levels(db, keys).items()
        if latest.get(key) != item.level and not (key not in latest and item.level == 0)
    ]
    with db.atomic():
        for key, level in changed:
            db.execute(
                "INSERT INTO progress_history (at, kind, subject_key, subject_name, value, source) "
                "VALUES (?, 'skill', ?, ?, ?, ?)",
                [stamp, key, names.get(key, key), level, source],
            )
    return len(changed)


@keeps_plain_copy
def record_fit_scores(db: Database, scores: Mapping[str, tuple[str, float]], source: str) -> int:
    """Append a point for every target role (code -> (title, fit 0..1)) whose fit changed."""
    latest = _latest_values(db, "fit")
    stamp = now_stamp()
    changed = [
        (code, title, float(fit))
        for code, (title, fit) in sorted(scores.items())
        if latest.get(code) is None or abs(latest[code] - float(fit)) > 1e-9
    ]
    with db.atomic():
        for code, title, fit in changed:
            db.execute(
                "INSERT INTO progress_history (at, kind, subject_key, subject_name, value, source) "
                "VALUES (?, 'fit', ?, ?, ?, ?)",
                [stamp, code, title, fit, source],
            )
    return len(changed)


def current_dataset_keys(market_db: Database) -> set[str] | None:
    """Skill keys of the active market datasets, or None when no dataset is installed."""
    from careerplanner.store.market import datasets as market_repo

    terms = market_repo.skill_terms(market_db)
    return {term.key for term in terms} or None


def renamed_skills(
    market_db: Database, skill_keys: set[str], active_keys: set[str]
) -> dict[str, str]:
    """Old key -> new display name, for roadmap skills the active dataset lists under a new name."""
    from careerplanner.store.market import datasets as market_repo

    names = {term.key: term.name for term in market_repo.skill_terms(market_db)}
    renames = {}
    for key in sorted(skill_keys - active_keys):
        new_key = market_repo.resolve_skill_key(market_db, key)
        if new_key != key and new_key in names:
            renames[key] = names[new_key]
    return renames


def resolve_skill(db: Database, market_db: Database | None, text: str) -> tuple[str, str]:
    """(skill key, display name) for a skill the user typed.

    Looked up, in order, as a key or name in the profile, on the roadmap, then in the active
    dataset (names before aliases); anything else becomes a custom skill of the user's own.
    """
    text = text.strip()
    if not text:
        raise UserError("Name a skill, for example “SQL”.")
    wanted = normalise(text)
    known = {key: name for key, (name, _level) in profile_skills(db).items()}
    for key, name in db.execute("SELECT skill_key, skill_name FROM roadmap_goal ORDER BY id"):
        known.setdefault(key, name)
    if text in known:
        return text, known[text]
    for key, name in known.items():
        if normalise(name) == wanted:
            return key, name
    if market_db is not None:
        from careerplanner.store.market import datasets as market_repo

        terms = market_repo.skill_terms(market_db)
        for term in terms:
            if term.key == text or normalise(term.name) == wanted:
                return term.key, term.name
        for term in terms:
            if any(normalise(alias) == wanted for alias in term.aliases):
                return term.key, term.name
        # O*NET often puts a vendor or a spelled-out name first ("Microsoft Excel",
        # "Structured query language SQL"): accept a unique name that ends in what was typed.
        endings = sorted(
            {(t.key, t.name) for t in terms if normalise(t.name).endswith(" " + wanted)}
        )
        if len(endings) == 1:
            return endings[0]
        if endings:
            widest = _widest_technology(market_db, endings)
            if widest is not None:
                return widest
            names = ", ".join(name for _key, name in endings[:4])
            raise UserError(
                f"“{text}” could mean several skills of the dataset ({names}"
                f"{', …' if len(endings) > 4 else ''}); type the full name."
            )
    if ":" in text:
        return text, text.split(":", 1)[1]
    return skill_key("custom", text), text


@keeps_plain_copy
def add_evidence(
    db: Database,
    skill_key: str,
    skill_name: str,
    level: int,
    *,
    url: str = "",
    path: Path | str | None = None,
    text: str = "",
    title: str = "",
) -> Evidence:
    """Log one item of evidence for a skill at a level: a link (`url`), a local file (`path`,
    whose SHA-256 is kept) or a note (`text`). Exactly one of the three must be given."""
    level = _level(level, "evidence level")
    given = [name for name, value in (("link", url), ("file", path), ("note", text)) if value]
    if len(given) != 1:
        raise UserError("Evidence is one link, one file or one note; give exactly one of them.")
    if level == 0:
        raise UserError("Evidence is logged for a level from L1 to L5.")
    kind = EvidenceKind(given[0])
    sha = ""
    stored_path = ""
    if kind is EvidenceKind.FILE:
        file = Path(path).expanduser()
        try:
            sha = file_sha256(file)
        except FileNotFoundError:
            raise UserError(f"Can't find the evidence file {file}.") from None
        except IsADirectoryError:
            raise UserError(f"{file} is a folder; choose a file as evidence.") from None
        except PermissionError:
            raise UserError(
                f"Can't read the evidence file {file}; check its permissions."
            ) from None
        stored_path = str(file.resolve())
    stamp = now_stamp()
    with db.atomic():
        cursor = db.execute(
            f"INSERT INTO evidence ({_EVIDENCE_COLUMNS.removeprefix('id, ')}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [skill_key, skill_name, level, kind.value, title, url, stored_path, sha, text, stamp],
        )
        evidence_id = cursor.lastrowid
        record_skill_levels(db, source="evidence logged", keys={skill_key})
    return get_evidence(db, evidence_id)


@keeps_plain_copy
def delete_evidence(db: Database, evidence_id: int) -> Evidence:
    """Delete one evidence item; returns it as it was (for `restore_evidence`, the undo)."""
    item = get_evidence(db, evidence_id)
    with db.atomic():
        db.execute("DELETE FROM evidence WHERE id = ?", [evidence_id])
        record_skill_levels(db, source="evidence removed", keys={item.skill_key})
    return item


@keeps_plain_copy
def restore_evidence(db: Database, item: Evidence) -> Evidence:
    """Put a deleted evidence item back exactly (same id, checksum and timestamp)."""
    with db.atomic():
        db.execute(
            f"INSERT INTO evidence ({_EVIDENCE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                item.id,
                item.skill_key,
                item.skill_name,
                item.level,
                EvidenceKind(item.kind).value,
                item.title,
                item.url,
                item.path,
                item.sha256,
                item.text,
                item.created_at,
            ],
        )
        record_skill_levels(db, source="evidence restored", keys={item.skill_key})
    return get_evidence(db, item.id)


def _widest_technology(market_db, candidates: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The candidate listed for at least three times as many occupations as any other in the
    active O*NET release ("Structured query language SQL" against "Windent SQL"), else None."""
    from careerplanner.store.market import datasets as market_repo

    onet = market_repo.active_dataset(market_db, "onet")
    if onet is None:
        return None
    keys = [key for key, _name in candidates]
    marks = ", ".join("?" for _ in keys)
    counts = dict(
        market_db.execute(
            "SELECT skill_key, count(DISTINCT code) FROM onet_tech_skill "
            f"WHERE dataset_id = ? AND skill_key IN ({marks}) GROUP BY skill_key",
            [onet.id, *keys],
        ).fetchall()
    )
    ranked = sorted(candidates, key=lambda item: -counts.get(item[0], 0))
    first = counts.get(ranked[0][0], 0)
    second = counts.get(ranked[1][0], 0) if len(ranked) > 1 else 0
    return ranked[0] if first >= 3 * max(second, 1) else None
