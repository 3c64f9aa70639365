"""Cron schedules fire in the business time zone, not in Huey's UTC."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from jobs.queue.schedule import cron_in_zone
from oroshi_desktop.errors import ConfigError

TOKYO = ZoneInfo("Asia/Tokyo")


def test_every_ten_minutes():
    check = cron_in_zone("*/10 * * * *", TOKYO)
    assert check(datetime(2025, 10, 16, 0, 0))      # naive UTC, as Huey passes it
    assert check(datetime(2025, 10, 16, 0, 50))
    assert not check(datetime(2025, 10, 16, 0, 5))


def test_hour_based_schedule_converts_to_tokyo():
    nine_am = cron_in_zone("0 9 * * *", TOKYO)
    assert nine_am(datetime(2025, 10, 16, 0, 0))       # 00:00 UTC = 09:00 JST
    assert not nine_am(datetime(2025, 10, 16, 9, 0))   # 09:00 UTC = 18:00 JST


def test_thursday_in_tokyo_is_wednesday_in_utc():
    thursday_nine = cron_in_zone("0 9 * * 4", TOKYO)
    assert thursday_nine(datetime(2025, 10, 16, 0, 0))  # Thu 09:00 JST is Thu 00:00 UTC
    late = cron_in_zone("30 2 * * 4", TOKYO)
    assert late(datetime(2025, 10, 15, 17, 30))          # Wed 17:30 UTC = Thu 02:30 JST


@pytest.mark.parametrize("expression", ["*/10 * * *", "61 * * * *", "x * * * *"])
def test_bad_expression_names_the_setting(expression):
    with pytest.raises(ConfigError, match="mail schedule"):
        cron_in_zone(expression, TOKYO)
