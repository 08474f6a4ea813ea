"""`careerplanner gap ROLE [ROLE …]`: your level against each role's requirements, headless.

`--set-level "Programming=4" --reason "…"` stores your own level for a requirement (an O*NET
skill or knowledge rating a resume never names, or any listed technology) before the report.
"""

from __future__ import annotations

from careerplanner.cli.market import open_market
from careerplanner.cli.output import add_json_flag, emit_json
from careerplanner.cli.rank_roles import rank_roles_command
from careerplanner.core.levels import Level
from careerplanner.errors import UserError
from careerplanner.services.gap import find_row, role_gaps, set_own_level
from careerplanner.services.job_ads import group_gap
from careerplanner.store.data_dir import DataDir


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "gap", help="your skills against one or several target roles (any title or O*NET code)"
    )
    parser.add_argument("roles", nargs="*", metavar="ROLE", help='"Backend Engineer", 15-1252.00')
    parser.add_argument(
        "--rank-roles",
        action="store_true",
        help="rank every occupation and postings role by your fit (--top N of them)",
    )
    parser.add_argument(
        "--ads",
        action="append",
        default=[],
        metavar="TAG",
        help="your job ads with this tag as a target, alone or beside roles (repeatable)",
    )
    parser.add_argument(
        "--what-if",
        action="append",
        default=[],
        metavar="SKILL=LEVEL",
        help='fit if a skill were at another level, e.g. "SQL=3" (repeatable)',
    )
    parser.add_argument(
        "--set-level",
        action="append",
        default=[],
        metavar="SKILL=LEVEL",
        help='store your own level for a requirement of the first role, e.g. "Programming=4" '
        "(it replaces the estimate of an O*NET rating; needs --reason)",
    )
    parser.add_argument("--reason", default="", help="why, for --set-level (kept in the history)")
    parser.add_argument(
        "--top",
        type=int,
        default=15,
        help="rows per role in the text output; with --rank-roles, how many roles",
    )
    parser.add_argument(
        "--all-technologies",
        action="store_true",
        help="count every listed technology, not only Hot or In Demand ones",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=_gap)


def _gap(args) -> int:
    if args.rank_roles:
        return rank_roles_command(args)
    if not args.roles and not args.ads:
        raise UserError(
            "Name at least one role (a title or an O*NET code), or use --rank-roles to rank "
            "every role by your fit."
        )
    settings = [_parse_level(text, "--set-level") for text in args.set_level]
    what_ifs = [_parse_level(text, "--what-if") for text in args.what_if]
    if settings and not args.roles:
        raise UserError("--set-level needs a role: it sets your level for one of its requirements.")
    market_db = open_market()
    user_db = DataDir.default().open_user_db()
    try:
        if settings:
            _set_levels(market_db, user_db, args.roles[0], settings, args.reason)
        report = role_gaps(
            market_db, user_db, args.roles, what_ifs, all_technologies=args.all_technologies
        )
        report += [group_gap(user_db, market_db, tag=tag, what_ifs=what_ifs) for tag in args.ads]
    finally:
        user_db.close()
        market_db.close()
    if args.json:
        emit_json({"roles": [role.as_dict() for role in report]})
    else:
        for role in report:
            _print_role(role, args.top)
    return 0


def _set_levels(market_db, user_db, role_text, settings, reason) -> None:
    if not reason.strip():
        raise UserError('--set-level needs --reason "…" (for example, what you have done).')
    (role,) = role_gaps(market_db, user_db, [role_text], all_technologies=True)
    rows = []
    for skill_text, _level in settings:
        row = find_row(role.rows, skill_text, user_db, market_db)
        if row is None:
            raise UserError(f"{role.title} does not list “{skill_text}” among its requirements.")
        rows.append(row)
    for row, (_text, level) in zip(rows, settings, strict=True):
        set_own_level(user_db, row, level, reason)


def _parse_level(text: str, option: str) -> tuple[str, int]:
    skill, _, level = text.rpartition("=")
    try:
        if not skill.strip():
            raise ValueError
        return skill.strip(), int(Level.parse(level))
    except ValueError:
        raise UserError(
            f'{option} "{text}" is not SKILL=LEVEL with a level from L0 to L5 (e.g. "SQL=3").'
        ) from None


def _print_role(role, top: int) -> None:
    print(f"{role.title} ({role.code}) — fit {role.fit:.0%}  [matched “{role.matched_title}”]")
    print(f"  {role.counts}")
    if role.note:
        print(f"  {role.note}")
    counted = [row for row in role.rows if row.rated]
    unrated = [row for row in role.rows if not row.rated]
    print(f"  {'skill':<42} {'you':>9} {'need':>5} {'gap':>4} {'weight':>7} {'priority':>9}")
    for row in counted[:top]:
        need = f"L{row.required_level}"
        print(
            f"  {row.skill_name[:42]:<42} {row.your_level_text:>9} {need:>5} "
            f"{row.gap:>4} {row.weight:>7.2f} {row.priority:>9.2f}{_row_note(row)}"
        )
    if len(counted) > top:
        print(f"  … and {len(counted) - top} more requirements (--top N, or --json for all)")
    if unrated:
        print(
            "  O*NET also rates these for the role; they are not in the fit until you set your "
            'level (--set-level "NAME=L3" --reason "…"):'
        )
        names = ", ".join(f"{row.skill_name} L{row.required_level}" for row in unrated)
        print(f"    {names}")
    for change in role.what_ifs:
        print(f"  What if: {change.sentence(role.title)}")
    for line in role.pay.lines():
        print(f"  {line}")
    print()


def _row_note(row) -> str:
    if row.covered_by:
        return f"  (covered: you know {row.covered_by}, same category)"
    if row.estimated:
        return f"  ({row.level_from}; set your own with --set-level)"
    if row.level_from:
        return f"  (your {row.level_from})"
    return ""
