"""`careerplanner resume ...`: read a resume, keep its skills, and override levels.

resume parse FILE [--json]               parse only; nothing is stored
resume import FILE                       parse and store (the same file twice changes nothing)
resume skills [--json]                   the skills in your profile with their levels
resume override SKILL LEVEL --reason T   set your own level (L0-L5) for a skill
resume override SKILL --clear            go back to the inferred level
resume skill add NAME --level L --reason T     add a skill the reader missed
resume skill reject NAME --reason T            mark a found skill "not a skill" (kept out of
                                               every later import)
resume skill reject NAME --undo                take it off that list
"""

from __future__ import annotations

import argparse
from pathlib import Path

from careerplanner.cli.market import open_market
from careerplanner.cli.output import add_json_flag, emit_json, print_progress
from careerplanner.errors import UserError
from careerplanner.importers.resume.parse import parse_resume
from careerplanner.services.resume_import import resume_finder, store_parsed_resume
from careerplanner.services.skill_fixes import (
    add_missed_skill,
    mark_not_a_skill,
    take_back_not_a_skill,
)
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user.profile import (
    clear_override,
    list_skills,
    rejected_skills,
    set_override,
)


def register(subparsers) -> None:
    parser = subparsers.add_parser("resume", help="read your resume and manage your skill levels")
    commands = parser.add_subparsers(dest="resume_command", metavar="ACTION", required=True)

    p = commands.add_parser("parse", help="show what Career Planner reads in a resume")
    p.add_argument("file", type=Path, help="PDF, DOCX, TXT, Markdown, resume.json or LinkedIn zip")
    add_json_flag(p)
    p.set_defaults(handler=_parse)

    p = commands.add_parser("import", help="read a resume into your profile")
    p.add_argument("file", type=Path)
    add_json_flag(p)
    p.set_defaults(handler=_import)

    p = commands.add_parser("skills", help="list the skills in your profile")
    add_json_flag(p)
    p.set_defaults(handler=_skills)

    p = commands.add_parser("override", help="set your own level for a skill")
    p.add_argument("skill", help="the skill's name as 'resume skills' shows it")
    p.add_argument("level", nargs="?", help="L0 to L5")
    p.add_argument("--reason", default="", help="why (kept in the skill's history)")
    p.add_argument("--clear", action="store_true", help="remove the override")
    p.set_defaults(handler=_override)

    p = commands.add_parser("skill", help="correct the reader: add a missed skill, reject one")
    actions = p.add_subparsers(dest="skill_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a skill the reader missed, at your level")
    add.add_argument("name", help="the skill's name (the dataset's name when it knows it)")
    add.add_argument("--level", required=True, help="your level, L0 to L5")
    add.add_argument("--reason", required=True, help="why (e.g. where you used it)")
    add.set_defaults(handler=_skill_add)
    reject = actions.add_parser("reject", help='mark a found skill "not a skill"')
    reject.add_argument("name", help="the skill's name as 'resume skills' shows it")
    reject.add_argument("--reason", default="", help="why it is not a skill (kept)")
    reject.add_argument("--undo", action="store_true", help="take it off the list again")
    reject.set_defaults(handler=_skill_reject)


def _finder():
    """The skill finder of the active datasets (the bundled default on a first run)."""
    db = open_market()
    try:
        return resume_finder(db)
    finally:
        db.close()


def _parsed(path: Path):
    # The finder loads while the PDF worker reads the file (see parse_resume).
    return parse_resume(path, _finder, progress=print_progress)


def _parse(args: argparse.Namespace) -> int:
    parsed = _parsed(args.file)
    if args.json:
        emit_json(parsed.to_json())
        return 0
    data = parsed.to_json()
    print(
        f"{parsed.file_name} ({parsed.format}): {len(parsed.sections)} sections, "
        f"{len(parsed.positions)} positions, {len(parsed.skills)} skills"
    )
    for position in data["positions"]:
        end = "present" if position["current"] else position["end"]
        print(f"  {position['title']} — {position['employer']} ({position['start']} to {end})")
    for skill in parsed.skills:
        marker = "" if skill.in_taxonomy else "  (not in the dataset)"
        reason = skill.evidence[0].reason if skill.evidence else ""
        print(f"  L{skill.level}  {skill.name}{marker}  [{reason}]")
    return 0


def _import(args: argparse.Namespace) -> int:
    parsed = _parsed(args.file)  # a bad file stops here, before the user's data is opened
    data_dir = DataDir.default()
    db = data_dir.open_user_db()
    try:
        result = store_parsed_resume(db, parsed, data_dir.backup_dir).result
    finally:
        db.close()
    if args.json:
        emit_json(result.__dict__)
    elif result.already_imported:
        print(f"{parsed.file_name} was already imported; nothing changed.")
    else:
        print(
            f"Imported {parsed.file_name}: {result.added} new skills, {result.changed} changed "
            f"levels, {result.unchanged} unchanged."
        )
    return 0


def _skills(args: argparse.Namespace) -> int:
    db = DataDir.default().open_user_db()
    try:
        skills = list_skills(db)
        rejected = rejected_skills(db)
    finally:
        db.close()
    if args.json:
        emit_json(
            [
                {
                    "key": s.key,
                    "name": s.name,
                    "level": s.level,
                    "inferred_level": s.inferred_level,
                    "override_level": s.override_level,
                    "override_reason": s.override_reason,
                    "in_taxonomy": s.in_taxonomy,
                    "added_reason": s.added_reason,
                    "evidence": s.evidence,
                }
                for s in skills
            ]
        )
        return 0
    if not skills:
        print("No skills yet; import a resume with 'careerplanner resume import FILE'.")
    for s in skills:
        note = (
            f"  (your level; inferred L{s.inferred_level}: {s.override_reason})"
            if s.override_level is not None
            else ""
        )
        if s.added_reason is not None:
            note = f"  (added by you: {s.added_reason})"
        print(f"L{s.level}  {s.name}{note}")
    for r in rejected:
        print(f"not a skill: {r.name} ({r.reason})")
    return 0


def _skill_add(args: argparse.Namespace) -> int:
    market = open_market()
    db = DataDir.default().open_user_db()
    try:
        skill = add_missed_skill(db, market, args.name, args.level, args.reason)
    finally:
        db.close()
        market.close()
    where = "" if skill.in_taxonomy else " (not in the dataset: kept as your own skill)"
    print(f"Added {skill.name} at L{skill.level}{where}.")
    return 0


def _skill_reject(args: argparse.Namespace) -> int:
    db = DataDir.default().open_user_db()
    try:
        if args.undo:
            name = take_back_not_a_skill(db, args.name)
            print(f"{name} is no longer marked as not a skill; the next import may find it again.")
            return 0
        name = mark_not_a_skill(db, args.name, args.reason)
    finally:
        db.close()
    print(f"{name} is marked as not a skill; later imports will leave it out.")
    return 0


def _override(args: argparse.Namespace) -> int:
    db = DataDir.default().open_user_db()
    try:
        if args.clear:
            skill = clear_override(db, args.skill)
            print(f"{skill.name}: back to the inferred level L{skill.inferred_level}.")
            return 0
        if args.level is None:
            raise UserError("Give a level (L0 to L5), or --clear to remove the override.")
        skill = set_override(db, args.skill, args.level, args.reason)
    finally:
        db.close()
    print(f"{skill.name}: L{skill.level} (inferred L{skill.inferred_level}).")
    return 0
