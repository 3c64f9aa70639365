"""Unit tests for statement send times, due checks and Rails time conversion."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT, default_send_at, from_rails, is_due, to_rails

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")


def tokyo(*args: int) -> datetime:
    return datetime(*args, tzinfo=TOKYO)  # type: ignore[misc]


def test_business_tz_default_is_tokyo() -> None:
    assert BUSINESS_TZ_DEFAULT.key == "Asia/Tokyo"


class TestDefaultSendAt:
    # 2025-10-16 is a Thursday.
    @pytest.mark.parametrize(
        ("now", "expected"),
        [
            (tokyo(2025, 10, 13, 12, 0), tokyo(2025, 10, 16, 9, 0)),  # Monday
            (tokyo(2025, 10, 15, 23, 59, 59), tokyo(2025, 10, 16, 9, 0)),  # Wednesday night
            (tokyo(2025, 10, 16, 0, 0), tokyo(2025, 10, 16, 9, 0)),  # Thursday midnight
            (tokyo(2025, 10, 16, 8, 59, 59), tokyo(2025, 10, 16, 9, 0)),
            (tokyo(2025, 10, 16, 8, 59, 59, 999999), tokyo(2025, 10, 16, 9, 0)),
            (tokyo(2025, 10, 16, 9, 0, 0), tokyo(2025, 10, 23, 9, 0)),  # at 09:00 → next week
            (tokyo(2025, 10, 16, 9, 0, 1), tokyo(2025, 10, 23, 9, 0)),
            (tokyo(2025, 10, 16, 18, 0), tokyo(2025, 10, 23, 9, 0)),
            (tokyo(2025, 10, 17, 9, 0), tokyo(2025, 10, 23, 9, 0)),  # Friday
            (tokyo(2025, 10, 19, 23, 59), tokyo(2025, 10, 23, 9, 0)),  # Sunday
        ],
    )
    def test_next_thursday_nine(self, now: datetime, expected: datetime) -> None:
        result = default_send_at(now, TOKYO)
        assert result == expected
        assert result.tzinfo is TOKYO
        assert (result.weekday(), result.hour, result.minute, result.second) == (3, 9, 0, 0)

    def test_utc_now_is_judged_in_tokyo(self) -> None:
        # Wednesday 23:59:59 UTC is already Thursday 08:59:59 in Tokyo.
        now = datetime(2025, 10, 15, 23, 59, 59, tzinfo=UTC)
        assert default_send_at(now, TOKYO) == tokyo(2025, 10, 16, 9, 0)
        # Thursday 00:00 UTC is Thursday 09:00 in Tokyo: this week's slot has passed.
        now = datetime(2025, 10, 16, 0, 0, 0, tzinfo=UTC)
        assert default_send_at(now, TOKYO) == tokyo(2025, 10, 23, 9, 0)

    def test_utc_thursday_morning_is_tokyo_thursday_evening(self) -> None:
        # Thursday 08:00 UTC is 17:00 in Tokyo, so it is next week even though UTC is before 09:00.
        now = datetime(2025, 10, 16, 8, 0, tzinfo=UTC)
        assert default_send_at(now, TOKYO) == tokyo(2025, 10, 23, 9, 0)

    def test_year_boundary(self) -> None:
        # 2025-12-31 is a Wednesday, 2026-01-01 a Thursday.
        assert default_send_at(tokyo(2025, 12, 31, 10, 0), TOKYO) == tokyo(2026, 1, 1, 9, 0)
        # Friday 2025-12-26 → Thursday 2026-01-01.
        assert default_send_at(tokyo(2025, 12, 26, 10, 0), TOKYO) == tokyo(2026, 1, 1, 9, 0)

    def test_leap_day(self) -> None:
        # 2024-02-29 is a Thursday; the following Thursday is 7 March.
        assert default_send_at(tokyo(2024, 2, 26, 10, 0), TOKYO) == tokyo(2024, 2, 29, 9, 0)
        assert default_send_at(tokyo(2024, 2, 29, 9, 0), TOKYO) == tokyo(2024, 3, 7, 9, 0)

    def test_other_tz_keeps_wall_clock_across_dst(self) -> None:
        # US DST ended on Sunday 2025-11-02; Thursday 2025-11-06 09:00 is EST (UTC-5).
        now = datetime(2025, 10, 31, 12, 0, tzinfo=NEW_YORK)
        result = default_send_at(now, NEW_YORK)
        assert result == datetime(2025, 11, 6, 9, 0, tzinfo=NEW_YORK)
        assert result.utcoffset() == timedelta(hours=-5)

    def test_naive_now_raises(self) -> None:
        with pytest.raises(ValueError, match="aware"):
            default_send_at(datetime(2025, 10, 16, 8, 0), TOKYO)


class TestIsDue:
    NOW = datetime(2025, 10, 16, 0, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo

    def test_due_exactly_now(self) -> None:
        assert is_due(True, self.NOW, None, self.NOW) is True

    def test_due_one_second_ago(self) -> None:
        assert is_due(True, self.NOW - timedelta(seconds=1), None, self.NOW) is True

    def test_not_due_in_one_second(self) -> None:
        assert is_due(True, self.NOW + timedelta(seconds=1), None, self.NOW) is False

    def test_utc_now_vs_tokyo_send_at_same_instant(self) -> None:
        assert is_due(True, tokyo(2025, 10, 16, 9, 0), None, self.NOW) is True

    def test_utc_now_vs_tokyo_send_at_one_second_later(self) -> None:
        assert is_due(True, tokyo(2025, 10, 16, 9, 0, 1), None, self.NOW) is False

    def test_tokyo_wall_clock_earlier_but_instant_later(self) -> None:
        # 08:00 Tokyo looks "earlier" than 00:00 UTC's date but is 23:00 UTC the day before → due.
        assert is_due(True, tokyo(2025, 10, 16, 8, 0), None, self.NOW) is True
        # 10:00 Tokyo is 01:00 UTC, after now → not due.
        assert is_due(True, tokyo(2025, 10, 16, 10, 0), None, self.NOW) is False

    def test_send_email_false(self) -> None:
        assert is_due(False, self.NOW, None, self.NOW) is False

    def test_already_sent(self) -> None:
        assert is_due(True, self.NOW - timedelta(days=1), self.NOW - timedelta(hours=1), self.NOW) is False

    def test_no_send_at(self) -> None:
        assert is_due(True, None, None, self.NOW) is False

    @pytest.mark.parametrize(
        ("send_at", "sent_at", "now"),
        [
            (datetime(2025, 10, 16), None, datetime(2025, 10, 16, tzinfo=UTC)),
            (datetime(2025, 10, 16, tzinfo=UTC), None, datetime(2025, 10, 16)),
            (datetime(2025, 10, 16, tzinfo=UTC), datetime(2025, 10, 16), datetime(2025, 10, 16, tzinfo=UTC)),
            (None, None, datetime(2025, 10, 16)),
        ],
    )
    def test_naive_raises(self, send_at: datetime | None, sent_at: datetime | None, now: datetime) -> None:
        with pytest.raises(ValueError, match="aware"):
            is_due(True, send_at, sent_at, now)

    def test_naive_raises_even_when_not_wanted(self) -> None:
        with pytest.raises(ValueError):
            is_due(False, datetime(2025, 10, 16), None, self.NOW)

    def test_with_rails_conversion(self) -> None:
        # The data layer converts Rails' naive UTC before calling.
        send_at = from_rails(datetime(2025, 10, 16, 0, 0))
        assert is_due(True, send_at, from_rails(None), tokyo(2025, 10, 16, 9, 0)) is True
        assert is_due(True, send_at, from_rails(None), tokyo(2025, 10, 16, 8, 59, 59)) is False


class TestRailsConversion:
    def test_from_rails_attaches_utc(self) -> None:
        result = from_rails(datetime(2025, 10, 16, 0, 0, 0))
        assert result == datetime(2025, 10, 16, 0, 0, 0, tzinfo=UTC)
        assert result.utcoffset() == timedelta(0)
        assert result.astimezone(TOKYO) == tokyo(2025, 10, 16, 9, 0)

    def test_from_rails_keeps_microseconds(self) -> None:
        assert from_rails(datetime(2024, 2, 29, 23, 59, 59, 123456)) == datetime(
            2024, 2, 29, 23, 59, 59, 123456, tzinfo=UTC
        )

    def test_from_rails_none(self) -> None:
        assert from_rails(None) is None

    def test_from_rails_rejects_aware(self) -> None:
        with pytest.raises(ValueError, match="naive"):
            from_rails(datetime(2025, 10, 16, tzinfo=UTC))

    def test_to_rails_from_tokyo(self) -> None:
        result = to_rails(tokyo(2025, 10, 16, 9, 0))
        assert result == datetime(2025, 10, 16, 0, 0)
        assert result.tzinfo is None

    def test_to_rails_crosses_year_boundary(self) -> None:
        assert to_rails(tokyo(2026, 1, 1, 8, 30)) == datetime(2025, 12, 31, 23, 30)

    def test_to_rails_none(self) -> None:
        assert to_rails(None) is None

    def test_to_rails_rejects_naive(self) -> None:
        with pytest.raises(ValueError, match="aware"):
            to_rails(datetime(2025, 10, 16, 9, 0))

    def test_round_trip(self) -> None:
        naive = datetime(2024, 2, 29, 15, 0, 0)
        assert to_rails(from_rails(naive)) == naive
        aware = tokyo(2024, 3, 1, 0, 0)
        assert from_rails(to_rails(aware)) == aware
