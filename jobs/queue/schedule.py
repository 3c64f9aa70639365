"""Cron schedules evaluated in the business time zone.

Huey hands periodic validators a naive UTC datetime and evaluates ``crontab`` in UTC. Every 10
minutes is the same in UTC and Asia/Tokyo, but "09:00" is not, so every schedule is converted
explicitly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from huey import crontab

from oroshi_desktop.errors import ConfigError


def cron_in_zone(expression: str, tz: ZoneInfo) -> Callable[[datetime], bool]:
    """A Huey periodic validator for a five-field cron ``expression`` in time zone ``tz``."""
    fields = expression.split()
    if len(fields) != 5:
        raise ConfigError(f"mail schedule {expression!r} must have five cron fields (minute hour day month weekday)",
                          f"メール確認のスケジュール {expression!r} はcron形式（5項目）で指定してください")
    minute, hour, day, month, day_of_week = fields
    try:
        check = crontab(minute=minute, hour=hour, day=day, month=month, day_of_week=day_of_week)
        check(datetime(2025, 1, 1))
    except (ValueError, TypeError) as err:
        raise ConfigError(f"mail schedule {expression!r} is not a valid cron expression: {err}",
                          f"メール確認のスケジュール {expression!r} が正しくありません") from None

    def validate(timestamp: datetime) -> bool:
        aware = timestamp if timestamp.tzinfo else timestamp.replace(tzinfo=UTC)
        return bool(check(aware.astimezone(tz).replace(tzinfo=None)))

    validate.__name__ = f"cron({expression} {tz.key})"
    return validate
