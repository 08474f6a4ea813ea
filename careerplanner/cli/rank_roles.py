"""`careerplanner gap --rank-roles [--top N] [--json]`: every role ranked by your fit, headless.

Each line: the rank, the fit, how many requirements the fit counts (and how many are met), the
role and where its requirements come from. `careerplanner gap CODE` shows any of them in full.
"""

from __future__ import annotations

from careerplanner.cli.market import open_market
from careerplanner.cli.output import emit_json, print_progress
from careerplanner.errors import UserError
from careerplanner.services.role_ranking import METHOD, rank_roles
from careerplanner.store.data_dir import DataDir
from careerplanner.store.user.targets import profile_skill_count


def rank_roles_command(args) -> int:
    if args.roles:
        raise UserError("--rank-roles ranks every role: leave out the role names.")
    if args.top < 1:
        raise UserError("--top needs a number of roles of at least 1.")
    market_db = open_market()
    user_db = DataDir.default().open_user_db()
    try:
        if not profile_skill_count(user_db):
            raise UserError(
                "Your profile has no skills yet, so no role can be ranked by fit: import your "
                "resume first (`careerplanner resume import FILE`)."
            )
        ranking = rank_roles(user_db, market_db, top=args.top, progress=print_progress)
    finally:
        user_db.close()
        market_db.close()
    if args.json:
        emit_json(ranking.as_dict())
        return 0
    print(f"The {len(ranking.roles)} of {ranking.total} roles that fit you best")
    print(f"  {METHOD}")
    print(f"  {'#':>3} {'fit':>5} {'counted':>9}  role")
    for rank, role in enumerate(ranking.roles, 1):
        counted = f"{role.met}/{role.requirements}"
        where = "  [postings]" if role.source == "postings" else ""
        print(f"  {rank:>3} {role.fit:>5.0%} {counted:>9}  {role.title} ({role.code}){where}")
    print("  counted: requirements met / requirements the fit counts. See one in full with")
    print("  `careerplanner gap CODE`.")
    return 0
