"""`careerplanner dataset ...`: import, list, switch, compare and export market dataset versions.

dataset import PATH [--map FIELD=COLUMN ...]
                               a folder, zip or CSV; the kind is recognised from the content;
                               --map says which column of a postings CSV holds which field
dataset list [--json]
dataset use ID
dataset diff [OLD NEW] [--json]  no ids: the version before the active one vs the active one
dataset export ID -o FILE      a skill-demand pack
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from careerplanner.cli.market import open_market
from careerplanner.cli.output import add_json_flag, emit_json, print_progress
from careerplanner.errors import UserError
from careerplanner.importers.datasets.postings_fields import FIELD_NAMES
from careerplanner.services.dataset_import import import_path
from careerplanner.services.packs import export_pack
from careerplanner.store.market.datasets import (
    active_dataset,
    dataset_files,
    list_datasets,
    previous_dataset,
    use_dataset,
)
from careerplanner.store.market.diff import diff_datasets


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "dataset", help="import, list, switch, compare and export market datasets"
    )
    commands = parser.add_subparsers(dest="dataset_command", metavar="ACTION", required=True)

    p = commands.add_parser("import", help="import an O*NET release, wage table, postings or pack")
    p.add_argument("path", type=Path, help="a folder, a zip or a CSV file")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="a postings CSV's column for a field, over the guess from the names (repeatable; "
        f"an empty COLUMN leaves the field out); fields: {', '.join(FIELD_NAMES)}",
    )
    add_json_flag(p)
    p.set_defaults(handler=_import)

    p = commands.add_parser("list", help="list installed dataset versions")
    add_json_flag(p)
    p.set_defaults(handler=_list)

    p = commands.add_parser("use", help="make a version the active one of its kind")
    p.add_argument("id", type=int)
    p.set_defaults(handler=_use)

    p = commands.add_parser("diff", help="what changed between two versions")
    p.add_argument("ids", type=int, nargs="*", metavar="ID", help="OLD NEW (default: see above)")
    add_json_flag(p)
    p.set_defaults(handler=_diff)

    p = commands.add_parser("export", help="export a version as a skill-demand pack")
    p.add_argument("id", type=int)
    p.add_argument("-o", "--output", type=Path, required=True, help="the pack file to write")
    p.set_defaults(handler=_export)


def column_choices(items: list[str]) -> dict[str, str] | None:
    """`--map title="Business Title"` arguments as {field: column}; None when none was given."""
    if not items:
        return None
    chosen: dict[str, str] = {}
    for item in items:
        field_name, equals, column = item.partition("=")
        if not equals or not field_name.strip():
            raise UserError(
                f'--map {item!r} is not FIELD=COLUMN; write it as --map title="Business Title".'
            )
        chosen[field_name.strip().casefold()] = column.strip()
    return chosen


def _import(args: argparse.Namespace) -> int:
    mapping = column_choices(args.map)
    db = open_market()
    try:
        result = import_path(db, args.path, print_progress, mapping=mapping)
        if args.json:
            emit_json(
                {
                    "dataset": result.dataset.as_dict(),
                    "already_installed": result.already_installed,
                    "rows": result.rows,
                    "renames": result.renames,
                    "files": dataset_files(db, result.dataset.id),
                }
            )
        else:
            print(result.sentence)
            for file in dataset_files(db, result.dataset.id):
                layout = f" ({file['layout']})" if file["layout"] else ""
                print(f"  {file['file_name']}: {file['rows']:,} rows{layout}")
    finally:
        db.close()
    return 0


def _list(args: argparse.Namespace) -> int:
    db = open_market()
    try:
        datasets = list_datasets(db)
    finally:
        db.close()
    if args.json:
        emit_json([d.as_dict() for d in datasets])
        return 0
    if not datasets:
        print("No datasets installed; import one with `careerplanner dataset import PATH`.")
    for d in datasets:
        mark = "*" if d.active else " "
        print(f"{mark} {d.id:>3}  {d.kind:<8} {d.name:<36} {d.published or '-':<8} {d.source}")
    return 0


def _use(args: argparse.Namespace) -> int:
    db = open_market()
    try:
        dataset = use_dataset(db, args.id)
    finally:
        db.close()
    print(f"{dataset.name} (dataset {dataset.id}) is now the active {dataset.kind} dataset.")
    return 0


def _diff(args: argparse.Namespace) -> int:
    db = open_market()
    try:
        if len(args.ids) == 2:
            diffs = [diff_datasets(db, args.ids[0], args.ids[1])]
        elif not args.ids:
            diffs = []
            for kind in sorted({d.kind for d in list_datasets(db)}):
                before, active = previous_dataset(db, kind), active_dataset(db, kind)
                if before and active:
                    diffs.append(diff_datasets(db, before.id, active.id))
            if not diffs:
                raise UserError(
                    "There is nothing to compare: no kind has a version before the active one."
                )
        else:
            raise UserError(
                "Give two dataset ids (OLD NEW), or none to compare with the previous version."
            )
    finally:
        db.close()
    if args.json:
        emit_json({"diffs": diffs})
    else:
        for diff in diffs:
            _print_diff(diff)
    return 0


def _print_diff(diff: dict) -> None:
    old, new = diff["old"], diff["new"]
    print(
        f"{diff['kind']}: {old['name']} (dataset {old['id']}) -> "
        f"{new['name']} (dataset {new['id']})"
    )
    for label, change in diff["files"].items():
        if isinstance(change, str):
            print(f"  {label}: {change}")
        elif "pairs_added" in change:
            print(
                f"  {label}: {change['pairs_added']:,} pairs added, {change['pairs_removed']:,} "
                f"removed; Hot changed {change['hot_changed']:,}, In Demand changed "
                f"{change['in_demand_changed']:,}"
            )
            for title, key in (("new Hot", "new_hot"), ("no longer Hot", "no_longer_hot")):
                if change[key]:
                    print(f"    {title}: {', '.join(change[key])}")
            for rename in change["renames"]:
                print(f"    renamed: {rename['old_name']} -> {rename['new_name']}")
        else:
            added, removed = change["rows_added"], change["rows_removed"]
            print(f"  {label}: {added:,} rows added, {removed:,} removed")
    shifts = diff.get("wage_shifts")
    if shifts and shifts["median_change"] is not None:
        print(
            f"  annual median pay: {shifts['median_change']:+.1%} typical change over "
            f"{shifts['occupations_compared']:,} occupations ({shifts['rose']:,} rose, "
            f"{shifts['fell']:,} fell)"
        )


def _export(args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(f"Can't write {target}: the folder {folder} does not exist.")
    if target.is_dir():
        raise UserError(f"{target} is a folder; choose a file name for the pack.")
    db = open_market()
    try:
        path = export_pack(db, args.id, target, print_progress)
    finally:
        db.close()
    if path.is_file():  # a device written to keeps its own mode
        os.chmod(path, 0o600)  # private like every file Career Planner writes, whatever the umask
    print(f"Wrote {path}.")
    return 0
