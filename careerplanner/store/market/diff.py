"""What changed between two versions of a dataset (`careerplanner dataset diff`).

    diff_datasets(db, old_id, new_id) -> dict   (JSON-ready)

Per source file: "unchanged", or rows added/removed (whole rows compared). For O*NET Technology
Skills, pairs are (O*NET-SOC code, Example) exactly as in the files:

- pairs_added / pairs_removed: pairs in one release and not the other;
- hot_changed / in_demand_changed / commodity_changed: pairs in both whose flag or commodity
  differs (In Demand only where both releases state it: before 27.1 it is unknown);
- new_hot / no_longer_hot: technologies (Examples) that are Hot somewhere in the new release and
  nowhere in the old one, and the reverse;
- technologies_added / technologies_removed, and renames (see market_renames; a renamed
  technology's pairs still count in pairs_added/pairs_removed).

For wages: the annual median per occupation, compared where both versions publish a number.
"""

from __future__ import annotations

import statistics

from careerplanner.core.datasets import DATASET_TABLES
from careerplanner.errors import UserError
from careerplanner.store.connection import Database
from careerplanner.store.market.datasets import DatasetInfo, get_dataset
from careerplanner.store.market.renames import detect_renames

EXAMPLES = 20  # how many example items each list shows

# role -> (label, table, extra condition)
ONET_FILES = {
    "occupations": ("Occupation Data", "onet_occupation", ""),
    "alternate_titles": ("Alternate Titles", "onet_title", "kind = 'alternate'"),
    "reported_titles": ("Sample of Reported Titles", "onet_title", "kind = 'reported'"),
    "technology_skills": ("Technology Skills", "onet_tech_skill", ""),
    "skills": ("Skills", "onet_rating", "domain = 'skill'"),
    "knowledge": ("Knowledge", "onet_rating", "domain = 'knowledge'"),
    "level_anchors": ("Level Scale Anchors", "onet_level_anchor", ""),
    "related_occupations": ("Related Occupations", "onet_related", ""),
    "job_zones": ("Job Zones", "onet_job_zone", ""),
}


# Other kinds: table -> the label the diff shows.
TABLE_LABELS = {
    "wage_occupation": "Occupations",
    "wage_figure": "Wage figures",
    "esco_skill": "ESCO skills",
    "posting_role": "Roles",
    "posting_skill": "Skill figures",
    "posting_pairing": "Skill pairings",
}


def _summary(dataset: DatasetInfo) -> dict:
    return {"id": dataset.id, "name": dataset.name, "version": dataset.version}


def diff_datasets(db: Database, old_id: int, new_id: int) -> dict:
    """A JSON-ready description of the changes from version `old_id` to version `new_id`."""
    old, new = get_dataset(db, old_id), get_dataset(db, new_id)
    if old.kind != new.kind:
        raise UserError(
            f"Datasets {old_id} ({old.kind}) and {new_id} ({new.kind}) are different kinds; "
            "compare two versions of the same kind."
        )
    result = {"kind": old.kind, "old": _summary(old), "new": _summary(new), "files": {}}
    if old.kind == "onet":
        result["files"] = _onet_files(db, old_id, new_id)
    else:
        for table, columns in DATASET_TABLES.get(old.kind, {}).items():
            label = TABLE_LABELS.get(table, table)
            result["files"][label] = _table_change(db, table, columns, "", old_id, new_id)
    if old.kind == "wages":
        result["wage_shifts"] = wage_shifts(db, old_id, new_id)
    return result


def _roles(db: Database, dataset_id: int) -> set[str]:
    rows = db.execute("SELECT role FROM dataset_file WHERE dataset_id = ?", [dataset_id])
    return {role for (role,) in rows}


def _onet_files(db: Database, old_id: int, new_id: int) -> dict:
    old_roles, new_roles = _roles(db, old_id), _roles(db, new_id)
    files = {}
    for role, (label, table, condition) in ONET_FILES.items():
        if role not in old_roles and role not in new_roles:
            continue
        if role not in old_roles:
            files[label] = "not in the old version"
        elif role not in new_roles:
            files[label] = "not in the new version"
        elif role == "technology_skills":
            files[label] = technology_changes(db, old_id, new_id)
        else:
            columns = tuple(c for c in DATASET_TABLES["onet"][table] if c != "skill_key")
            files[label] = _table_change(db, table, columns, condition, old_id, new_id)
    return files


def _table_change(db, table, columns, condition, old_id, new_id) -> dict | str:
    where = f" AND {condition}" if condition else ""
    select = f"SELECT {', '.join(columns)} FROM {table} WHERE dataset_id = ?{where}"

    def count(first: int, second: int) -> int:
        sql = f"SELECT count(*) FROM ({select} EXCEPT {select})"
        return db.execute(sql, [first, second]).fetchone()[0]

    added, removed = count(new_id, old_id), count(old_id, new_id)
    if not added and not removed:
        return "unchanged"
    return {"rows_added": added, "rows_removed": removed}


def _pairs(db: Database, dataset_id: int) -> dict[tuple[str, str], tuple]:
    rows = db.execute(
        "SELECT code, example, commodity_code, hot, in_demand FROM onet_tech_skill "
        "WHERE dataset_id = ?",
        [dataset_id],
    )
    return {(code, example): rest for code, example, *rest in rows}


def technology_changes(db: Database, old_id: int, new_id: int) -> dict | str:
    """The Technology Skills changes described in the module docstring."""
    old, new = _pairs(db, old_id), _pairs(db, new_id)
    added = sorted(new.keys() - old.keys())
    removed = sorted(old.keys() - new.keys())
    common = old.keys() & new.keys()
    hot_changed = sorted(p for p in common if old[p][1] != new[p][1])
    in_demand_changed = sorted(
        p for p in common if None not in (old[p][2], new[p][2]) and old[p][2] != new[p][2]
    )
    commodity_changed = sorted(p for p in common if old[p][0] != new[p][0])
    hot_old = {example for (_, example), v in old.items() if v[1]}
    hot_new = {example for (_, example), v in new.items() if v[1]}
    old_tech = {example for _, example in old}
    new_tech = {example for _, example in new}
    renames = [r.as_dict() for r in detect_renames(db, old_id, new_id)]
    if not (added or removed or hot_changed or in_demand_changed or commodity_changed):
        return "unchanged"

    def shown(pairs):
        return [{"code": code, "example": example} for code, example in pairs[:EXAMPLES]]

    return {
        "pairs_added": len(added),
        "pairs_removed": len(removed),
        "hot_changed": len(hot_changed),
        "in_demand_changed": len(in_demand_changed),
        "in_demand_known": all(v[2] is not None for v in old.values())
        and all(v[2] is not None for v in new.values()),
        "commodity_changed": len(commodity_changed),
        "new_hot": sorted(hot_new - hot_old),
        "no_longer_hot": sorted(hot_old - hot_new),
        "technologies_added": sorted(new_tech - old_tech),
        "technologies_removed": sorted(old_tech - new_tech),
        "renames": renames,
        "examples": {
            "pairs_added": shown(added),
            "pairs_removed": shown(removed),
            "hot_changed": shown(hot_changed),
            "in_demand_changed": shown(in_demand_changed),
        },
    }


def _medians(db: Database, dataset_id: int) -> dict[str, tuple]:
    rows = db.execute(
        "SELECT f.soc, o.title, f.value, f.marker FROM wage_figure f JOIN wage_occupation o "
        "ON o.dataset_id = f.dataset_id AND o.soc = f.soc "
        "WHERE f.dataset_id = ? AND f.measure = 'a_median'",
        [dataset_id],
    )
    return {soc: (title, value, marker) for soc, title, value, marker in rows}


def wage_shifts(db: Database, old_id: int, new_id: int) -> dict:
    """Annual median pay per occupation: how it moved between two wage versions."""
    old, new = _medians(db, old_id), _medians(db, new_id)
    changes = []
    for soc in sorted(old.keys() & new.keys()):
        before, after = old[soc][1], new[soc][1]
        if before and after is not None:
            changes.append((after / before - 1, soc, new[soc][0], before, after))
    changes.sort()

    def item(change):
        share, soc, title, before, after = change
        return {"soc": soc, "title": title, "old": before, "new": after, "change": round(share, 4)}

    return {
        "occupations_compared": len(changes),
        "occupations_added": sorted(new.keys() - old.keys()),
        "occupations_removed": sorted(old.keys() - new.keys()),
        "median_change": round(statistics.median(c[0] for c in changes), 4) if changes else None,
        "rose": sum(1 for c in changes if c[0] > 0),
        "fell": sum(1 for c in changes if c[0] < 0),
        "unchanged": sum(1 for c in changes if c[0] == 0),
        "marker_changed": sum(1 for soc in old.keys() & new.keys() if old[soc][2] != new[soc][2]),
        "largest_rises": [item(c) for c in reversed(changes[-10:])],
        "largest_falls": [item(c) for c in changes[:10]],
    }
