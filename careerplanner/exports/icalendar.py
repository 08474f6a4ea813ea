"""The roadmap as an iCalendar file (RFC 5545): milestones and review dates as all-day events.

Milestones are goal target dates and step due dates; review dates are the next spaced reviews of
every goal in progress. Lines end in CRLF, are folded at 75 octets (never inside a UTF-8
character) and TEXT values are escaped. UIDs are stable, so re-importing an updated export into
a calendar replaces events instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

from careerplanner.core.roadmap import Goal
from careerplanner.core.roadmap_review import upcoming_reviews
from careerplanner.exports.snapshot import RoadmapSnapshot

LINE_LIMIT = 75  # octets, without the CRLF
REVIEWS_PER_GOAL = 3


def escape_text(text: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold one content line into CRLF-joined pieces of at most 75 octets (§3.1)."""
    encoded = line.encode("utf-8")
    pieces: list[bytes] = []
    limit = LINE_LIMIT
    while len(encoded) > limit:
        cut = limit
        # Never split a UTF-8 sequence: back up over continuation bytes (10xxxxxx).
        while cut > 0 and (encoded[cut] & 0xC0) == 0x80:
            cut -= 1
        pieces.append(encoded[:cut])
        encoded = encoded[cut:]
        limit = LINE_LIMIT - 1  # continuation lines start with one space
    pieces.append(encoded)
    return "\r\n ".join(piece.decode("utf-8") for piece in pieces)


def _uid(goal: Goal, what: str) -> str:
    identity = f"{goal.skill_key}|{goal.created_at}".encode()
    return f"goal-{goal.id}-{hashlib.sha256(identity).hexdigest()[:10]}-{what}@careerplanner"


def _event(uid: str, stamp: str, day: date, summary: str, description: str, category: str):
    return [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"CATEGORIES:{escape_text(category)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _goal_events(goal: Goal, stamp: str, today: date) -> list[str]:
    lines: list[str] = []
    title = f"{goal.skill_name} L{goal.target_level}"
    if goal.target_date:
        lines += _event(
            _uid(goal, "target"),
            stamp,
            goal.target_date,
            f"Goal: {title}",
            f"Target date for {goal.skill_name} at L{goal.target_level} "
            f"(now L{goal.reached_level}, {round(goal.progress * 100)}% of steps done).",
            "Milestone",
        )
    for step in goal.steps:
        if step.due_date:
            lines += _event(
                _uid(goal, f"step-{step.id}"),
                stamp,
                step.due_date,
                f"{goal.skill_name}: {step.title}",
                f"Step towards L{step.to_level} in {goal.skill_name} ({step.state.value})."
                + (f"\n{step.note}" if step.note else ""),
                "Milestone",
            )
    for number, day in enumerate(upcoming_reviews(goal, REVIEWS_PER_GOAL, today), start=1):
        lines += _event(
            _uid(goal, f"review-{goal.review_count + number}"),
            stamp,
            day,
            f"Review {goal.skill_name}",
            f"Spaced review of {goal.skill_name} (goal L{goal.target_level}).",
            "Review",
        )
    return lines


def roadmap_ics(snapshot: RoadmapSnapshot, now: datetime | None = None) -> str:
    """The calendar as text with CRLF line ends and folded lines."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Career Planner//Learning roadmap//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Learning roadmap",
    ]
    for goal in snapshot.goals:
        lines += _goal_events(goal, stamp, snapshot.today)
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)
