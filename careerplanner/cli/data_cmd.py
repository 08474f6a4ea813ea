"""`careerplanner data …`: check, back up and restore the user's own database."""

from __future__ import annotations

from pathlib import Path

from careerplanner.cli.output import add_json_flag, emit_json, print_progress
from careerplanner.services.backup import check_stored_fields
from careerplanner.services.dataset_import import rebuild_market_data
from careerplanner.services.plain_copy import rebuild_from_plain_copy
from careerplanner.services.restore import restore_user_data
from careerplanner.store.data_dir import DataDir


def register(subparsers) -> None:
    parser = subparsers.add_parser("data", help="check, back up or restore your data")
    actions = parser.add_subparsers(dest="data_action", metavar="ACTION", required=True)

    check = actions.add_parser("check", help="check your data for damage")
    add_json_flag(check)
    check.set_defaults(handler=_check)

    backup = actions.add_parser("backup", help="write a checked backup of your data now")
    add_json_flag(backup)
    backup.set_defaults(handler=_backup)

    restore = actions.add_parser("restore", help="restore your data from a backup")
    restore.add_argument(
        "--from", dest="source", help="a backup file (default: the newest good one)"
    )
    add_json_flag(restore)
    restore.set_defaults(handler=_restore)

    rebuild = actions.add_parser(
        "rebuild", help="rebuild your data from its plain JSON copy (when no backup is usable)"
    )
    add_json_flag(rebuild)
    rebuild.set_defaults(handler=_rebuild)

    market = actions.add_parser(
        "rebuild-market",
        help="rebuild damaged market data from the bundled datasets (your own data is kept)",
    )
    add_json_flag(market)
    market.set_defaults(handler=_rebuild_market)


def _check(args) -> int:
    data_dir = DataDir.default()
    db = data_dir.open_user_db()  # raises a sentence naming the problem
    try:
        check_stored_fields(
            db,
            f"Your data in {data_dir.user_db_path} has a bad value",
            "restore a backup from before it with `careerplanner data restore --from FILE` "
            f"(backups are in {data_dir.backup_dir}).",
        )
    finally:
        db.close()
    result = {"path": str(data_dir.user_db_path), "status": "ok"}
    emit_json(result) if args.json else print(f"Your data in {data_dir.user_db_path} is healthy.")
    return 0


def _backup(args) -> int:
    path = DataDir.default().backup_user_db(reason="manual")
    emit_json({"backup": str(path)}) if args.json else print(f"Backed up to {path}.")
    return 0


def _restore(args) -> int:
    data_dir = DataDir.default()
    used = restore_user_data(data_dir, Path(args.source) if args.source else None)
    if args.json:
        emit_json({"restored_from": str(used), "damaged_kept_in": str(data_dir.damaged_dir)})
    else:
        print(
            f"Restored your data from {used}; the previous file is kept in {data_dir.damaged_dir}."
        )
    return 0


def _rebuild(args) -> int:
    data_dir = DataDir.default()
    rows = rebuild_from_plain_copy(data_dir)
    if args.json:
        emit_json({"rebuilt_from": str(data_dir.plain_copy_path), "rows": rows})
    else:
        print(
            f"Rebuilt your data from {data_dir.plain_copy_path} ({sum(rows.values())} rows); "
            f"the previous file is kept in {data_dir.damaged_dir}."
        )
    return 0


def _rebuild_market(args) -> int:
    data_dir = DataDir.default()
    results = rebuild_market_data(data_dir, progress=print_progress)
    names = [result.dataset.name for result in results if result.dataset is not None]
    if args.json:
        emit_json({"installed": names, "damaged_kept_in": str(data_dir.damaged_dir)})
    else:
        print(
            f"Rebuilt the market data with {', '.join(names) or 'no dataset'}; the damaged file "
            f"is kept in {data_dir.damaged_dir}."
        )
    return 0
