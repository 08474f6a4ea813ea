"""`careerplanner gap ROLE [ROLE …]`: your level against each role's requirements, headless."""

from __future__ import annotations

from careerplanner.cli.output import add_json_flag, emit_json


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "gap", help="your skills against one or several target roles (any title or O*NET code)"
    )
    parser.add_argument("roles", nargs="+", metavar="ROLE", help='"Backend Engineer", 15-1252.00')
    parser.add_argument(
        "--what-if",
        action="append",
        default=[],
        metavar="SKILL=LEVEL",
        help='fit if a skill were at another level, e.g. "SQL=3" (repeatable)',
    )
    parser.add_argument("--top", type=int, default=15, help="rows per role in the text output")
    parser.add_argument(
        "--all-technologies",
        action="store_true",
        help="count every listed technology, not only Hot or In Demand ones",
    )
    add_json_flag(parser)
    parser.set_defaults(handler=_gap)


def _gap(args) -> int:
    from careerplanner.cli.market import open_market
    from careerplanner.store.data_dir import DataDir
    from careerplanner.store.gap_queries import role_gaps

    market_db = open_market()
    user_db = DataDir.default().open_user_db()
    try:
        report = role_gaps(
            market_db,
            user_db,
            args.roles,
            [_parse_what_if(text) for text in args.what_if],
            all_technologies=args.all_technologies,
        )
    finally:
        user_db.close()
        market_db.close()
    if args.json:
        emit_json({"roles": [role.as_dict() for role in report]})
    else:
        for role in report:
            _print_role(role, args.top)
    return 0


def _parse_what_if(text: str) -> tuple[str, int]:
    from careerplanner.core.levels import Level
    from careerplanner.errors import UserError

    skill, _, level = text.rpartition("=")
    try:
        if not skill.strip():
            raise ValueError
        return skill.strip(), int(Level.parse(level))
    except ValueError:
        raise UserError(
            f'--what-if "{text}" is not SKILL=LEVEL with a level from L0 to L5 (e.g. "SQL=3").'
        ) from None


def _print_role(role, top: int) -> None:
    print(f"{role.title} ({role.code}) — fit {role.fit:.0%}  [matched “{role.matched_title}”]")
    if role.note:
        print(f"  {role.note}")
    print(f"  {'skill':<42} {'you':>4} {'need':>5} {'gap':>4} {'weight':>7} {'priority':>9}")
    for row in role.rows[:top]:
        print(
            f"  {row.skill_name[:42]:<42} L{row.your_level:<3} L{row.required_level:<4} "
            f"{row.gap:>4} {row.weight:>7.2f} {row.priority:>9.2f}"
        )
    if len(role.rows) > top:
        print(f"  … and {len(role.rows) - top} more requirements (--top N, or --json for all)")
    for change in role.what_ifs:
        print(f"  What if: {change.sentence(role.title)}")
    print()
