"""When statements are made and e-mailed: the default half-month period, the default Thursday send time,
due checks, Rails time conversion."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import overload
from zoneinfo import ZoneInfo

__all__ = [
    "BUSINESS_TZ_DEFAULT",
    "SEND_TIME",
    "SEND_WEEKDAY",
    "default_period",
    "default_send_at",
    "from_rails",
    "is_due",
    "to_rails",
]

BUSINESS_TZ_DEFAULT = ZoneInfo("Asia/Tokyo")
SEND_WEEKDAY = 3  # Thursday in date.weekday(), the day suppliers expect their statements
SEND_TIME = time(9, 0)


def _require_aware(dt: datetime, name: str) -> None:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {dt.isoformat()}")


def default_period(today: date) -> tuple[date, date]:
    """The last finished half month: statements are made twice a month (1–15, 16–end)."""
    if today.day > 15:
        return today.replace(day=1), today.replace(day=15)
    last_month_end = today.replace(day=1) - timedelta(days=1)
    return last_month_end.replace(day=16), last_month_end


def default_send_at(now: datetime, tz: ZoneInfo) -> datetime:
    """The next Thursday 09:00 in ``tz`` strictly after ``now``, as an aware datetime in ``tz``."""
    _require_aware(now, "now")
    local_now = now.astimezone(tz)
    days_ahead = (SEND_WEEKDAY - local_now.weekday()) % 7
    # Build from the wall-clock date so a DST change in tz cannot shift the 09:00 slot.
    candidate = datetime.combine(local_now.date() + timedelta(days=days_ahead), SEND_TIME, tzinfo=tz)
    if candidate <= local_now:
        # Thursday at or after 09:00: this week's slot has passed.
        candidate = datetime.combine(candidate.date() + timedelta(days=7), SEND_TIME, tzinfo=tz)
    return candidate


def is_due(send_email: bool, send_at: datetime | None, sent_at: datetime | None, now: datetime) -> bool:
    """True when a mail is wanted, has a send time at or before ``now`` and was not yet sent."""
    # Validate every datetime before deciding, so a naive value is caught even when it would not matter.
    _require_aware(now, "now")
    if send_at is not None:
        _require_aware(send_at, "send_at")
    if sent_at is not None:
        _require_aware(sent_at, "sent_at")
    return bool(send_email) and sent_at is None and send_at is not None and send_at <= now


@overload
def from_rails(naive: datetime) -> datetime: ...
@overload
def from_rails(naive: None) -> None: ...
def from_rails(naive: datetime | None) -> datetime | None:
    """Rails stores ``timestamp without time zone`` in UTC; attach UTC to such a value."""
    if naive is None:
        return None
    if naive.tzinfo is not None:
        # An aware value here means the column type or driver changed; guessing would hide it.
        raise ValueError(f"from_rails expects a naive UTC datetime, got aware {naive.isoformat()}")
    return naive.replace(tzinfo=UTC)


@overload
def to_rails(aware: datetime) -> datetime: ...
@overload
def to_rails(aware: None) -> None: ...
def to_rails(aware: datetime | None) -> datetime | None:
    """Convert an aware datetime to the naive UTC value Rails expects in its columns."""
    if aware is None:
        return None
    _require_aware(aware, "to_rails input")
    return aware.astimezone(UTC).replace(tzinfo=None)


def issue_date(send_at: datetime | None, tz: ZoneInfo) -> date | None:
    """The date a statement is issued: its run's send time as a day in the business time zone.
    A send time the calendar cannot shift (year 9999 written by another system) is refused
    naming the field, instead of an ``OverflowError`` in every organization."""
    if send_at is None:
        return None
    try:
        return send_at.astimezone(tz).date()
    except (OverflowError, ValueError):
        from oroshi_desktop.errors import UserError

        raise UserError(f"the run's send_at {send_at.isoformat()} is outside the calendar's range; correct it",
                        f"送信日時（send_at）{send_at.isoformat()} が扱える範囲外です。正しい日時に直してください") from None
