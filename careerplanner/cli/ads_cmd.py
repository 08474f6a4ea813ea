"""`careerplanner ads ...`: read job ads.

ads parse FILE [--json]   the skills an ad asks for, must or nice, with the level and the words
                          behind it; nothing is stored
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careerplanner.cli.market import open_market
from careerplanner.cli.output import add_json_flag, emit_json
from careerplanner.services.ads import parse_ad_file


def register(subparsers) -> None:
    parser = subparsers.add_parser("ads", help="read job ads")
    commands = parser.add_subparsers(dest="ads_command", metavar="ACTION", required=True)
    p = commands.add_parser("parse", help="show the skills a job ad asks for (stores nothing)")
    p.add_argument(
        "file", type=Path, help="text, Markdown, HTML, PDF, DOCX or a JSON Resume .job.json"
    )
    add_json_flag(p)
    p.set_defaults(handler=_parse)


def _parse(args: argparse.Namespace) -> int:
    db = open_market()
    try:
        parsed = parse_ad_file(db, args.file)
    finally:
        db.close()
    for note in parsed.notes:
        print(note, file=sys.stderr)
    if args.json:
        emit_json(parsed.to_json())
        return 0
    must = [s for s in parsed.skills if s.required == "must"]
    nice = [s for s in parsed.skills if s.required == "nice"]
    title = parsed.title or parsed.file_name
    print(f"{title} ({parsed.format}): {len(must)} must, {len(nice)} nice")
    for heading, skills in (("Must have", must), ("Nice to have", nice)):
        if skills:
            print(f"{heading}:")
        for skill in skills:
            reason = skill.evidence[0].reason if skill.evidence else ""
            print(f"  L{skill.level}  {skill.name}  [{reason}]")
    return 0
