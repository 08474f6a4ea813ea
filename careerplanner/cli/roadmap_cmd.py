"""`careerplanner roadmap …`: list, add, update and export the learning roadmap headless.

Every subcommand prints plain text, or JSON with `--json`; a problem is one sentence on stderr
(raised as UserError) with the data left unchanged.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from careerplanner.cli.output import add_json_flag, emit_json
from careerplanner.core.levels import Level
from careerplanner.core.roadmap_review import next_review
from careerplanner.errors import UserError
from careerplanner.services.backup import restore_backup
from careerplanner.services.export_snapshot import (
    evidence_as_dict,
    goal_as_dict,
    load_goal_snapshot,
    load_snapshot_with_dataset,
)
from careerplanner.services.exports import FORMATS, export_roadmap
from careerplanner.services.roadmap_skills import resolve_skill
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user import evidence, goals, levels, steps

STATES = ("pending", "learning", "done", "skipped")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as 2027-03-31"
        ) from None


def _level(text: str) -> int:
    try:
        return int(Level.parse(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a level; use L0 to L5") from None


def register(subparsers) -> None:
    parser = subparsers.add_parser("roadmap", help="your learning roadmap: goals, steps, evidence")
    actions = parser.add_subparsers(dest="roadmap_action", metavar="ACTION", required=True)

    def action(name, help_text, handler, json_flag=True):
        sub = actions.add_parser(name, help=help_text)
        if json_flag:
            add_json_flag(sub)
        sub.set_defaults(handler=lambda args: _run(handler, args))
        return sub

    listing = action("list", "list goals with their steps and progress", _list)
    listing.add_argument("--today", type=_date, help=argparse.SUPPRESS)

    add = action("add", "add a goal with suggested steps", _add)
    add.add_argument("skill", help="skill name (as in your profile or the dataset) or key")
    add.add_argument("--level", type=_level, required=True, help="target level, L1 to L5")
    add.add_argument("--by", type=_date, help="target date, YYYY-MM-DD")
    add.add_argument("--from", dest="start", type=_level, help="start level (default: yours)")

    update = action("update", "change a goal's target level, date or name", _update)
    update.add_argument("goal_id", type=int)
    update.add_argument("--level", type=_level, help="new target level")
    update.add_argument("--by", type=_date, help="new target date")
    update.add_argument("--no-date", action="store_true", help="remove the target date")
    update.add_argument("--name", help="the skill's display name")

    remove = action("remove", "delete a goal with its steps and notes", _remove)
    remove.add_argument("goal_id", type=int)

    step = action("step", "change a step: state, due date, title, note", _step)
    step.add_argument("step_id", type=int)
    step.add_argument("--state", choices=STATES)
    step.add_argument("--due", type=_date, help="due date, YYYY-MM-DD")
    step.add_argument("--no-due", action="store_true", help="remove the due date")
    step.add_argument("--title")
    step.add_argument("--note")

    step_add = action("step-add", "add a step of your own to a goal", _step_add)
    step_add.add_argument("goal_id", type=int)
    step_add.add_argument("title")
    step_add.add_argument("--level", type=_level, help="the level it leads to (default: target)")
    step_add.add_argument("--due", type=_date)

    note = action("note", "add a note to a goal (or one of its steps)", _note)
    note.add_argument("goal_id", type=int)
    note.add_argument("text")
    note.add_argument("--step", type=int, help="the step the note is about")

    review = action("review", "record that you reviewed a goal's skill today", _review)
    review.add_argument("goal_id", type=int)

    due = action("due", "goals due for review", _due)
    due.add_argument("--today", type=_date, help=argparse.SUPPRESS)

    action("levels", "the level that counts per skill, and why", _levels)

    ledger = actions.add_parser("evidence", help="the evidence ledger")
    kinds = ledger.add_subparsers(dest="evidence_action", metavar="ACTION", required=True)
    ev_add = kinds.add_parser("add", help="log a link, a file or a note as evidence")
    ev_add.add_argument("skill")
    ev_add.add_argument("--level", type=_level, required=True, help="the level it proves")
    what = ev_add.add_mutually_exclusive_group(required=True)
    what.add_argument("--link", help="a URL")
    what.add_argument("--file", help="a local file (its SHA-256 is kept)")
    what.add_argument("--note", help="a note")
    ev_add.add_argument("--title", default="")
    add_json_flag(ev_add)
    ev_add.set_defaults(handler=lambda args: _run(_evidence_add, args))
    ev_list = kinds.add_parser("list", help="list the evidence (of one skill)")
    ev_list.add_argument("skill", nargs="?")
    add_json_flag(ev_list)
    ev_list.set_defaults(handler=lambda args: _run(_evidence_list, args))
    ev_remove = kinds.add_parser("remove", help="delete one evidence item")
    ev_remove.add_argument("evidence_id", type=int)
    add_json_flag(ev_remove)
    ev_remove.set_defaults(handler=lambda args: _run(_evidence_remove, args))

    export = action("export", "export the roadmap or back up all your data", _export)
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("-o", "--output", required=True, help="the file to write")

    restore = action("import", "restore all your data from a JSON backup", _import)
    restore.add_argument("file")


def _run(handler, args) -> int:
    """Open (and so migrate) the user database, run `handler(args, db, data_dir)`, close it."""
    data_dir = DataDir.default()
    db = data_dir.open_user_db()
    try:
        return int(handler(args, db, data_dir) or 0)
    finally:
        db.close()


def _market_db(data_dir):
    """The market database when it opens cleanly; the roadmap never depends on it."""
    if not data_dir.market_db_path.exists():
        return None
    try:
        return data_dir.open_market_db()
    except UserError:
        return None


def _snapshot(db, data_dir, today=None, fmt=None):
    market = _market_db(data_dir)
    try:
        return load_snapshot_with_dataset(db, market, today, fmt)
    finally:
        if market is not None:
            market.close()


def _resolve_skill(db, data_dir, text: str) -> tuple[str, str]:
    """(key, display name) for what the user typed: profile, roadmap, dataset, else custom."""
    market = _market_db(data_dir)
    try:
        return resolve_skill(db, market, text)
    finally:
        if market is not None:
            market.close()


def goal_text(goal, snapshot) -> str:
    """A goal as a few plain lines: heading, facts, then one line per step."""
    counted = snapshot.levels.get(goal.skill_key)
    head = f"[{goal.id}] {goal.skill_name}: L{goal.start_level} → L{goal.target_level}"
    if goal.target_date:
        head += f" by {goal.target_date.isoformat()}"
    facts = [f"{round(goal.progress * 100)}% of steps done", f"reached L{goal.reached_level}"]
    if counted is not None:
        facts.append(counted.explanation().rstrip("."))
    review = next_review(goal)
    if review:
        facts.append(f"next review {review.isoformat()}")
    status = snapshot.status_of(goal.skill_key)
    lines = [head + (f" ({status})" if status else ""), "    " + "; ".join(facts)]
    for step in goal.steps:
        due = f", due {step.due_date.isoformat()}" if step.due_date else ""
        lines.append(f"    {step.id:>4}. [{step.state.value}] {step.title} → L{step.to_level}{due}")
    lines += [f"    note: {note.text}" for note in goal.notes]
    return "\n".join(lines)


def _show(args, data, text: str) -> int:
    emit_json(data) if args.json else print(text)
    return 0


def _list(args, db, data_dir) -> int:
    snapshot = _snapshot(db, data_dir, args.today)
    listed = [goal_as_dict(goal, snapshot) for goal in snapshot.goals]
    data = {"overall_progress": round(snapshot.overall_progress, 4), "goals": listed}
    if not snapshot.goals:
        return _show(args, data, "No goals yet; add one with `careerplanner roadmap add`.")
    lines = [goal_text(goal, snapshot) for goal in snapshot.goals]
    lines.append(f"Overall progress: {round(snapshot.overall_progress * 100)}% of steps done.")
    return _show(args, data, "\n\n".join(lines))


def _goal_result(args, db, data_dir, goal, verb: str) -> int:
    # One goal's lines: read what they show, not the whole roadmap with its history.
    market = _market_db(data_dir)
    try:
        snapshot = load_goal_snapshot(db, market, goal)
    finally:
        if market is not None:
            market.close()
    return _show(
        args, goal_as_dict(goal, snapshot), f"{verb} goal {goal.id}.\n" + goal_text(goal, snapshot)
    )


def _add(args, db, data_dir) -> int:
    key, name = _resolve_skill(db, data_dir, args.skill)
    goal = goals.add_goal(db, key, name, args.level, args.by, start_level=args.start)
    return _goal_result(args, db, data_dir, goal, "Added")


def _update(args, db, data_dir) -> int:
    changes = {}
    if args.level is not None:
        changes["target_level"] = args.level
    if args.no_date:
        changes["target_date"] = None
    elif args.by is not None:
        changes["target_date"] = args.by
    if args.name is not None:
        changes["skill_name"] = args.name
    goal = goals.update_goal(db, args.goal_id, **changes)
    return _goal_result(args, db, data_dir, goal, "Updated")


def _remove(args, db, data_dir) -> int:
    goal = goals.get_goal(db, args.goal_id)
    goals.delete_goal(db, args.goal_id)
    message = f"Deleted goal {goal.id} ({goal.skill_name}); its evidence stays in the ledger."
    return _show(args, {"deleted_goal": goal.id}, message)


def _step(args, db, data_dir) -> int:
    changes = {}
    for name in ("state", "title", "note"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.no_due:
        changes["due_date"] = None
    elif args.due is not None:
        changes["due_date"] = args.due
    step = steps.update_step(db, args.step_id, **changes)
    return _goal_result(
        args, db, data_dir, goals.get_goal(db, step.goal_id), f"Updated step {step.id} of"
    )


def _step_add(args, db, data_dir) -> int:
    step = steps.add_step(db, args.goal_id, args.title, args.level, args.due)
    return _goal_result(
        args, db, data_dir, goals.get_goal(db, step.goal_id), f"Added step {step.id} to"
    )


def _note(args, db, data_dir) -> int:
    note = steps.add_note(db, args.goal_id, args.text, args.step)
    return _show(args, {"note_id": note.id, "goal_id": note.goal_id}, f"Added note {note.id}.")


def _review(args, db, data_dir) -> int:
    goal = goals.mark_reviewed(db, args.goal_id)
    upcoming = next_review(goal)
    when = upcoming.isoformat() if upcoming else ""
    message = f"Reviewed {goal.skill_name}." + (f" Next review on {when}." if when else "")
    return _show(
        args, {"goal_id": goal.id, "reviews": goal.review_count, "next_review": when}, message
    )


def _due(args, db, data_dir) -> int:
    due = goals.due_reviews(db, args.today)
    data = [
        {
            "goal_id": d.goal.id,
            "skill": d.goal.skill_name,
            "due": d.due.isoformat(),
            "days_overdue": d.days_overdue,
        }
        for d in due
    ]
    lines = [f"{d.goal.skill_name} (goal {d.goal.id}): due {d.due.isoformat()}" for d in due]
    return _show(args, data, "\n".join(lines) or "Nothing is due for review.")


def _levels(args, db, data_dir) -> int:
    snapshot = _snapshot(db, data_dir)
    counted = levels.all_effective_levels(db)
    data = [
        {
            "skill_key": key,
            "skill": snapshot.skill_names.get(key, key),
            "level": item.level,
            "profile_level": item.profile_level,
            "roadmap_level": item.roadmap_level,
            "evidenced_level": item.evidenced_level,
            "awaiting_evidence": item.awaiting_evidence,
            "why": item.explanation(),
        }
        for key, item in counted.items()
    ]
    lines = [f"{row['skill']}: L{row['level']}. {row['why']}" for row in data]
    return _show(args, data, "\n".join(lines) or "No skills yet.")


def _evidence_add(args, db, data_dir) -> int:
    key, name = _resolve_skill(db, data_dir, args.skill)
    item = evidence.add_evidence(
        db,
        key,
        name,
        args.level,
        url=args.link or "",
        path=args.file,
        text=args.note or "",
        title=args.title,
    )
    counted = levels.effective_level_of(db, key)
    message = f"Logged evidence {item.id} for {name} at L{item.level}. {counted.explanation()}"
    return _show(
        args, {"evidence_id": item.id, "skill_key": key, "level_counted": counted.level}, message
    )


def _evidence_list(args, db, data_dir) -> int:
    key = _resolve_skill(db, data_dir, args.skill)[0] if args.skill else None
    items = evidence.list_evidence(db, key)
    data = [evidence_as_dict(item) for item in items]
    lines = [
        f"{row['id']}. {row['skill']} L{row['level']} {row['kind']}: "
        f"{row['url'] or row['path'] or row['text']}"
        + (f" [{row['file_status']}]" if row["file_status"] else "")
        for row in data
    ]
    return _show(args, data, "\n".join(lines) or "No evidence logged yet.")


def _evidence_remove(args, db, data_dir) -> int:
    evidence.delete_evidence(db, args.evidence_id)
    return _show(
        args, {"deleted_evidence": args.evidence_id}, f"Deleted evidence {args.evidence_id}."
    )


def _export(args, db, data_dir) -> int:
    snapshot = _snapshot(db, data_dir, fmt=args.format)
    path = export_roadmap(args.format, Path(args.output), db, snapshot)
    return _show(
        args, {"format": args.format, "file": str(path)}, f"Wrote {args.format} to {path}."
    )


def _import(args, db, data_dir) -> int:
    counts = restore_backup(db, Path(args.file), backup_dir=data_dir.backup_dir)
    message = (
        f"Restored {counts.get('roadmap_goal', 0)} goals, {counts.get('user_skill', 0)} skills "
        f"and {counts.get('evidence', 0)} evidence items from {args.file}; your data as it was "
        f"is backed up in {data_dir.backup_dir}."
    )
    return _show(args, {"restored": counts, "backup_dir": str(data_dir.backup_dir)}, message)
