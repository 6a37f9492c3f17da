"""Times shown to a reviewer: in their browser's time zone, with the zone named.

The register stores UTC and e-mails carry their sender's offset; shown bare, a
"09:15" is ambiguous between the sender's clock, UTC and the reviewer's own,
which matters when the question is which of two mails came first.
"""

from __future__ import annotations

from datetime import datetime, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def reviewer_zone(name: str | None) -> tzinfo:
    """The IANA zone the browser reports ("Europe/Berlin"), else UTC."""
    if not name:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):  # an unknown or malformed name
        return timezone.utc


def shown_time(value: datetime | str | None, zone: str | None = None) -> str:
    """ "2026-03-02 09:15 CET": the moment in the reviewer's zone, named; "" for none.

    A string that is not an ISO time is shown as it is; a naive time is UTC, as
    everything the register stores.
    """
    moment = _moment(value)
    if moment is None:
        return value if isinstance(value, str) else ""
    local = moment.astimezone(reviewer_zone(zone))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname() or ''}".rstrip()


def shown_date(value: datetime | str | None, zone: str | None = None) -> str:
    """The day of the moment in the reviewer's zone: a decision at 23:30 UTC is the next
    day in Berlin."""
    moment = _moment(value)
    if moment is None:
        return value if isinstance(value, str) else ""
    return f"{moment.astimezone(reviewer_zone(zone)):%Y-%m-%d}"


def _moment(value: datetime | str | None) -> datetime | None:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
