"""`careerplanner ads ...`: read job ads, and keep the ones you aim at as a collection.

ads parse FILE                 the skills an ad asks for; nothing is stored
ads add FILE|FOLDER... [--tag T] [--title ...]    add ads (text, Markdown, HTML, PDF, DOCX,
                               e-mail, .job.json); `--paste` reads one ad from standard input
ads list [--tag T] [--status S]                   the collection, with your fit for each
ads show ID                    one ad: its requirements, your fit and what-ifs, its history
ads status ID STATUS           saved, applied, interviewing, offer, rejected, withdrawn
ads tag ID TAG... [--remove]   tag an ad (or untag it)
ads fix ID --remove SKILL | --add SKILL=LEVEL[:nice] | --set SKILL=LEVEL[:nice]
ads remove ID...
ads summary [--tag T | --ids ID...]               a group's market figures, from its ads alone
ads export -o FILE             the collection as CSV
ads reread                     read every ad again with the current reader and dataset
Each takes --json.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careerplanner.cli.market import open_market
from careerplanner.cli.output import add_json_flag, emit_json, print_progress
from careerplanner.core.levels import Level
from careerplanner.errors import UserError
from careerplanner.services import job_ads
from careerplanner.services.ads import parse_ad_file
from careerplanner.store.data_dir import DataDir

KINDS_HELP = "text, Markdown, HTML, PDF, DOCX, an e-mail (.eml) or a JSON Resume .job.json"


def register(subparsers) -> None:
    parser = subparsers.add_parser("ads", help="read job ads and keep a collection of them")
    commands = parser.add_subparsers(dest="ads_command", metavar="ACTION", required=True)

    p = commands.add_parser("parse", help="show the skills a job ad asks for (stores nothing)")
    p.add_argument("file", type=Path, help=KINDS_HELP)
    add_json_flag(p)
    p.set_defaults(handler=_parse)

    p = commands.add_parser("add", help="add job ads to your collection (files, folders, --paste)")
    p.add_argument("files", nargs="*", type=Path, metavar="FILE", help=KINDS_HELP + ", or a folder")
    p.add_argument("--paste", action="store_true", help="read one ad's text from standard input")
    p.add_argument("--tag", action="append", default=[], metavar="TAG", help="repeatable")
    p.add_argument("--title")
    p.add_argument("--company")
    p.add_argument("--location")
    p.add_argument("--link", help="stored, never opened")
    p.add_argument("--salary", metavar="TEXT", help='"$60-70k a year", "€30 per hour"')
    p.add_argument("--seen-on", metavar="YYYY-MM-DD", help="the day you saw the ad (today)")
    p.add_argument(
        "--allow-empty",
        action="store_true",
        help="keep an ad even when no requirement is recognised (add them with `ads fix`)",
    )
    add_json_flag(p)
    p.set_defaults(handler=_add)

    p = commands.add_parser("list", help="your job ads with your fit for each")
    p.add_argument("--tag")
    p.add_argument("--status", choices=job_ads.STATUSES)
    add_json_flag(p)
    p.set_defaults(handler=_list)

    p = commands.add_parser("show", help="one ad: requirements, your fit, what-ifs, history")
    p.add_argument("id", type=int)
    p.add_argument("--text", action="store_true", help="print the ad's text too")
    add_json_flag(p)
    p.set_defaults(handler=_show)

    p = commands.add_parser("status", help="record where your application stands")
    p.add_argument("id", type=int)
    p.add_argument("status", choices=job_ads.STATUSES)
    add_json_flag(p)
    p.set_defaults(handler=_status)

    p = commands.add_parser("tag", help="tag an ad (a group such as backend-berlin)")
    p.add_argument("id", type=int)
    p.add_argument("tags", nargs="+", metavar="TAG")
    p.add_argument("--remove", action="store_true", help="take these tags off instead")
    add_json_flag(p)
    p.set_defaults(handler=_tag)

    p = commands.add_parser("fix", help="fix a requirement the reader got wrong (kept)")
    p.add_argument("id", type=int)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--remove", metavar="SKILL")
    group.add_argument("--add", metavar="SKILL=LEVEL[:nice]")
    group.add_argument("--set", metavar="SKILL=LEVEL[:nice|:must]")
    group.add_argument("--undo", metavar="SKILL", help="back to what the reader found")
    add_json_flag(p)
    p.set_defaults(handler=_fix)

    p = commands.add_parser("remove", help="remove ads from your collection")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    add_json_flag(p)
    p.set_defaults(handler=_remove)

    p = commands.add_parser("summary", help="a group's market figures, from its ads alone")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--tag")
    which.add_argument("--ids", nargs="+", type=int, metavar="ID")
    p.add_argument("--top", type=int, default=20, help="skills in the text output")
    add_json_flag(p)
    p.set_defaults(handler=_summary)

    p = commands.add_parser("export", help="the collection as CSV (safe to open in a spreadsheet)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    p.add_argument("--tag")
    p.add_argument("--status", choices=job_ads.STATUSES)
    add_json_flag(p)
    p.set_defaults(handler=_export)

    p = commands.add_parser("reread", help="read every ad again (after a dataset update)")
    add_json_flag(p)
    p.set_defaults(handler=_reread)


class _Databases:
    """The market database (with a dataset installed) and the user's, closed together."""

    def __init__(self, market: bool = True) -> None:
        self.market = open_market() if market else None
        try:
            self.user = DataDir.default().open_user_db()
        except BaseException:
            if self.market is not None:
                self.market.close()
            raise

    def __enter__(self) -> _Databases:
        return self

    def __exit__(self, *exc) -> None:
        self.user.close()
        if self.market is not None:
            self.market.close()


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


def _add(args: argparse.Namespace) -> int:
    if args.paste == bool(args.files):
        raise UserError("Name the ad files to add, or give --paste to read one ad from input.")
    fields = {
        "company": args.company,
        "location": args.location,
        "link": args.link,
        "salary_text": args.salary,
        "seen_on": args.seen_on,
    }
    with _Databases() as dbs:
        if args.paste:
            ad = job_ads.add_ad_text(
                dbs.user,
                dbs.market,
                sys.stdin.read(),
                title=args.title,
                tags=args.tag,
                allow_empty=args.allow_empty,
                **fields,
            )
            if args.json:
                emit_json({"added": [ad.as_dict()]})
            else:
                print(f"Added #{ad.id}: {_ad_line(ad)}")
            return 0
        if any(value for value in fields.values()) and len(args.files) > 1:
            raise UserError("--company, --location, --link, --salary and --seen-on need one file.")
        report = job_ads.add_ad_files(
            dbs.user,
            dbs.market,
            args.files,
            tags=args.tag,
            title=args.title,
            progress=None if args.json else print_progress,
            allow_empty=args.allow_empty,
        )
        if len(args.files) == 1 and len(report.added) == 1:
            values = {k: v for k, v in fields.items() if v is not None}
            if values:
                job_ads.update_ad_fields(dbs.user, report.added[0].ad_id, **values)
    if args.json:
        emit_json(
            {"outcomes": [o.as_dict() for o in report.outcomes], "sentence": report.sentence()}
        )
    else:
        for outcome in report.outcomes:
            if outcome.message:
                print(outcome.message, file=sys.stderr)
            else:
                print(f"Added #{outcome.ad_id} from {outcome.source}")
        print(report.sentence())
    # Nothing added from what was asked: a failure for scripts; some added: success.
    return 0 if report.added or not report.refused else 1


def _ad_line(ad) -> str:
    fit = "" if ad.fit is None else f"  fit {ad.fit:.0%}"
    company = f" — {ad.company}" if ad.company else ""
    tags = f"  [{', '.join(ad.tags)}]" if ad.tags else ""
    return f"{ad.title}{company}  ({ad.must_count} must, {ad.nice_count} nice){fit}{tags}"


def _list(args: argparse.Namespace) -> int:
    with _Databases() as dbs:
        ads = job_ads.list_ads(dbs.user, dbs.market, tag=args.tag, status=args.status)
    if args.json:
        emit_json({"ads": [ad.as_dict() for ad in ads]})
        return 0
    if not ads:
        print(
            "No job ads"
            + (" match." if args.tag or args.status else " yet; add one with `ads add`.")
        )
        return 0
    print(f"{'#':>4}  {'fit':>4}  {'status':<12} {'seen':<10}  title")
    for ad in ads:
        fit = "" if ad.fit is None else f"{ad.fit:.0%}"
        print(f"{ad.id:>4}  {fit:>4}  {ad.status:<12} {ad.seen_on or '':<10}  {_ad_line(ad)}")
    return 0


def _show(args: argparse.Namespace) -> int:
    with _Databases() as dbs:
        detail = job_ads.get_ad(dbs.user, args.id)
        fit = job_ads.ad_fit(dbs.user, dbs.market, args.id)
    if args.json:
        emit_json({**detail.as_dict(), "fit": fit.as_dict()})
        return 0
    ad = detail.summary
    print(f"#{ad.id} {_ad_line(ad)}")
    facts = [
        ("company", ad.company),
        ("location", ad.location),
        ("pay", _pay(ad.salary_annual, ad.salary_text, detail.salary_currency)),
        ("seen on", ad.seen_on or ""),
        ("link", ad.link),
        ("from", f"{ad.source_name} ({detail.source_format}), read with {detail.read_with}"),
        ("status", ", ".join(f"{status} {at[:10]}" for status, at in detail.history)),
    ]
    for label, value in facts:
        if value:
            print(f"  {label}: {value}")
    print(f"  Your fit: {fit.fit:.0%} (a must-have counts twice a nice-to-have)")
    print(f"  {'skill':<40} {'':<5} {'need':>4} {'you':>4} {'gap':>4}  words")
    words = {r.skill_key: r for r in detail.requirements}
    for row in fit.rows:
        req = words[row.skill_key]
        reason = req.evidence[0][1] if req.evidence else ""
        fixed = f" ({req.fix} by you)" if req.fix else ""
        print(
            f"  {row.skill_name[:40]:<40} {row.required:<5} {'L' + str(row.required_level):>4} "
            f"{'L' + str(row.your_level):>4} {row.gap:>4}  {reason}{fixed}"
        )
    for removed in detail.removed:
        print(f"  removed by you: {removed.skill_name}")
    for step in fit.next_steps:
        print(f"  What if: {step.sentence(fit.title)}")
    for note in detail.notes:
        print(f"  note: {note}")
    if args.text:
        print()
        print(detail.text)
    return 0


def _pay(annual: float | None, text: str, currency: str) -> str:
    if annual is None:
        return text
    return f"{text} (about {annual:,.0f} {currency or ''} a year)".replace("  ", " ")


def _status(args: argparse.Namespace) -> int:
    with _Databases(market=False) as dbs:
        job_ads.set_status(dbs.user, args.id, args.status)
        detail = job_ads.get_ad(dbs.user, args.id)
    if args.json:
        emit_json(
            {"id": args.id, "status": args.status, "history": [list(h) for h in detail.history]}
        )
    else:
        print(f"#{args.id} is now {args.status}.")
    return 0


def _tag(args: argparse.Namespace) -> int:
    with _Databases(market=False) as dbs:
        if args.remove:
            for tag in args.tags:
                job_ads.remove_tag(dbs.user, [args.id], tag)
        else:
            job_ads.add_tags(dbs.user, [args.id], args.tags)
        tags = job_ads.get_ad(dbs.user, args.id).summary.tags
    if args.json:
        emit_json({"id": args.id, "tags": list(tags)})
    else:
        print(f"#{args.id} tags: {', '.join(tags) or 'none'}")
    return 0


def _fix(args: argparse.Namespace) -> int:
    with _Databases() as dbs:
        if args.undo:
            detail = job_ads.undo_fix(dbs.user, args.id, args.undo)
        elif args.remove:
            detail = job_ads.fix_requirement(dbs.user, dbs.market, args.id, remove=args.remove)
        elif args.add:
            detail = job_ads.fix_requirement(
                dbs.user, dbs.market, args.id, add=_skill_level(args.add, "--add", "must")
            )
        else:
            detail = job_ads.fix_requirement(
                dbs.user, dbs.market, args.id, set=_skill_level(args.set, "--set", None)
            )
    if args.json:
        emit_json(detail.as_dict())
    else:
        print(f"#{args.id} asks for:")
        for req in detail.requirements:
            fixed = f"  ({req.fix} by you)" if req.fix else ""
            print(f"  L{req.level}  {req.required:<4}  {req.skill_name}{fixed}")
    return 0


def _skill_level(text: str, option: str, default_required: str | None) -> tuple:
    """ "Kubernetes=3", "Kubernetes=L3:nice" -> ("Kubernetes", 3, "nice")."""
    skill, _, rest = text.rpartition("=")
    level, _, required = rest.partition(":")
    try:
        if not skill.strip():
            raise ValueError
        parsed = int(Level.parse(level.strip()))
    except ValueError:
        raise UserError(
            f'{option} "{text}" is not SKILL=LEVEL with a level from L0 to L5 (e.g. "SQL=3" or '
            '"Spark=L2:nice").'
        ) from None
    return skill.strip(), parsed, (required.strip() or default_required)


def _remove(args: argparse.Namespace) -> int:
    with _Databases(market=False) as dbs:
        removed = job_ads.remove_ads(dbs.user, args.ids)
    if args.json:
        emit_json({"removed": removed})
    else:
        print(f"Removed {removed} ad{'s' if removed != 1 else ''}.")
    return 0


def _summary(args: argparse.Namespace) -> int:
    with _Databases() as dbs:
        summary = job_ads.group_summary(dbs.user, dbs.market, tag=args.tag, ids=args.ids)
    if args.json:
        emit_json(summary.as_dict())
        return 0
    small = "  (small sample: under 30 ads)" if summary.small_sample else ""
    print(f"{summary.label[0].upper()}{summary.label[1:]}: n = {summary.n} ads{small}")
    if summary.pay_percentiles is not None:
        p10, _p25, p50, _p75, p90 = summary.pay_percentiles
        unit = f" {summary.currency}" if summary.currency else ""
        others = (
            f"; {summary.other_currency} in another currency left out"
            if summary.other_currency
            else ""
        )
        print(
            f"  Pay stated in {summary.with_salary} ads: median {p50:,.0f}{unit}, "
            f"10th {p10:,.0f}, 90th {p90:,.0f} (a year){others}"
        )
    else:
        print("  No ad in the group states a salary.")
    print(f"  {'skill':<36} {'asked':>11} {'must':>5} {'nice':>5} {'depth':>6}  L0-L5")
    for skill in summary.skills[: args.top]:
        dist = " ".join(str(count) for count in skill.depth_distribution)
        depth = f"L{skill.depth_median:g}"
        print(
            f"  {skill.skill_name[:36]:<36} {skill.asked_n:>3} ({skill.asked_share:>4.0%}) "
            f"{skill.must_n:>5} {skill.nice_n:>5} {depth:>6}  {dist}"
        )
    if len(summary.skills) > args.top:
        print(f"  … and {len(summary.skills) - args.top} more skills (--top N, or --json)")
    pairs = [  # the two most frequent partners of each of the five most asked skills
        pair
        for skill in summary.skills[:5]
        for pair in [p for p in summary.pairings if p.skill_key == skill.skill_key][:2]
        if pair.together >= 2
    ]
    if pairs:
        print("  Asked for together (of the ads asking for the first, the share asking for both):")
    for pair in pairs:
        first, other = summary.names[pair.skill_key], summary.names[pair.other_key]
        asked = summary.skill(pair.skill_key).asked_n
        print(
            f"    {first} + {other}: {pair.together} of {asked} ({pair.share:.0%}), "
            f"lift {pair.lift:.1f}"
        )
    return 0


def _export(args: argparse.Namespace) -> int:
    with _Databases() as dbs:
        path = job_ads.export_ads_csv(
            dbs.user, args.output, dbs.market, tag=args.tag, status=args.status
        )
        count = len(job_ads.list_ads(dbs.user, tag=args.tag, status=args.status))
    if args.json:
        emit_json({"path": str(path), "ads": count})
    else:
        print(f"Wrote {count} ads to {path}.")
    return 0


def _reread(args: argparse.Namespace) -> int:
    with _Databases() as dbs:
        count = job_ads.reread_ads(
            dbs.user, dbs.market, progress=None if args.json else print_progress
        )
    if args.json:
        emit_json({"reread": count})
    else:
        print(f"Read {count} ads again; your fixes are kept.")
    return 0
