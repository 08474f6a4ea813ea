"""`careerplanner market skill NAME` and `market role TITLE`: the Market screen's skill page and
career page, headless (`--json` for scripts). Both read only; the first run installs the bundled
default dataset (`cli.market.open_market`)."""

from __future__ import annotations

from careerplanner.cli.market import open_market
from careerplanner.cli.output import add_json_flag, emit_json
from careerplanner.services.career_page import career_page
from careerplanner.services.career_page import page_lines as career_lines
from careerplanner.services.skill_page import page_lines as skill_lines
from careerplanner.services.skill_page import skill_page
from careerplanner.store.data_dir import DataDir


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "market", help="what the market asks: a skill's demand page or a role's career page"
    )
    actions = parser.add_subparsers(dest="market_action", metavar="ACTION", required=True)
    skill = actions.add_parser(
        "skill",
        help="a skill's demand: postings asking for it, required depth, pay with and without it",
    )
    skill.add_argument("name", metavar="NAME", help='a skill, e.g. "Microsoft Excel"')
    add_json_flag(skill)
    skill.set_defaults(handler=_skill)
    role = actions.add_parser(
        "role",
        help="how to become a …: a role's most asked-for skills, your path in, pay and seniority",
    )
    role.add_argument("title", metavar="TITLE", help='a job title or O*NET code, "Civil Engineer"')
    add_json_flag(role)
    role.set_defaults(handler=_role)


def _skill(args) -> int:
    market_db = open_market()
    try:
        page = skill_page(market_db, args.name)
    finally:
        market_db.close()
    if args.json:
        emit_json(page.as_dict())
    else:
        print("\n".join(skill_lines(page)))
    return 0


def _role(args) -> int:
    market_db = open_market()
    user_db = DataDir.default().open_user_db()
    try:
        page = career_page(market_db, user_db, args.title)
    finally:
        user_db.close()
        market_db.close()
    if args.json:
        emit_json(page.as_dict())
    else:
        print("\n".join(career_lines(page)))
    return 0
