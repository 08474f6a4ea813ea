"""How the store writes times and dates: one timestamp format for every row it writes.

A timestamp is ISO 8601 in UTC to the second with a "Z" ("2026-01-05T10:00:00Z"); it sorts as
text. Rows written by earlier versions hold other forms ("2026-01-05T10:00:00+00:00", with or
without microseconds, and plain dates in old fixtures): `parse_stamp` reads every one of them,
so nothing already stored becomes unreadable. Calendar days (target dates, due dates, reviews)
are plain ISO dates.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

STAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def now_stamp() -> str:
    """The current time as stored: ISO 8601, UTC, seconds, "Z"."""
    return datetime.now(UTC).strftime(STAMP_FORMAT)


def parse_stamp(text: str) -> datetime:
    """A stored timestamp in any form this application ever wrote, as an aware UTC datetime."""
    when = datetime.fromisoformat(text.strip())
    if when.tzinfo is None:  # a plain date or a naive time: the store only ever wrote UTC
        return when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def date_text(value: date | None) -> str | None:
    """A calendar day as stored (ISO), None for no day."""
    return value.isoformat() if value else None


def parse_date(text: str | None) -> date | None:
    """A stored calendar day, None for none."""
    return date.fromisoformat(text) if text else None
