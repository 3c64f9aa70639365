"""What every part of the demo generator shares: the random source, dates, sizes and the writer."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from oroshi_desktop.demo.bulk import BulkWriter

# Expected orders per generated buyer per day (order-day probability × lines per order day);
# used to size the buyer list so that orders grow about 1,000 per scale step.
ORDERS_PER_BUYER_DAY = 1.5
ORDERS_PER_SCALE = 1_000


@dataclass(frozen=True)
class Plan:
    """How big the demo is. Scale 1 is the hand-written DOMAIN.md §7 set.

    Organizations, producers per organization and history length each grow with the cube root
    of the scale, so supplies grow about linearly (~1,000,000 at scale 200). Orders grow linearly
    through the number of generated buyers (~200,000 at scale 200).
    """

    scale: int
    organizations: int  # regular organizations; the free-entry group comes on top
    producers: int  # producers per organization beyond scale 1
    history_months: int  # calendar months with supplies before the current month
    order_days: int  # orders ship from today - order_days to today + order_days
    extra_buyers: int  # generated buyers on top of the §7 ones

    @classmethod
    def for_scale(cls, scale: int) -> Plan:
        root = scale ** (1 / 3)
        order_days = 7 * round(root)
        extra = 0
        if scale > 1:
            extra = math.ceil(ORDERS_PER_SCALE * (scale - 1) / ((2 * order_days + 1) * ORDERS_PER_BUYER_DAY))
        return cls(
            scale=scale,
            organizations=2 + round(4 * (root - 1)),
            producers=6 + round(8 * (root - 1)),
            history_months=round(root),
            order_days=order_days,
            extra_buyers=extra,
        )


@dataclass
class Context:
    writer: BulkWriter
    rng: random.Random
    today: date
    tz: ZoneInfo
    plan: Plan

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        """An aware business-time instant; every timestamp derives from the dates (determinism)."""
        return datetime.combine(day, time(hour, minute), tzinfo=self.tz)

    @property
    def created(self) -> datetime:
        """created_at/updated_at of master data: the morning the history starts."""
        return self.at(self.history_start, 8)

    @property
    def month_start(self) -> date:
        return self.today.replace(day=1)

    @property
    def previous_month(self) -> tuple[date, date]:
        end = self.month_start - timedelta(days=1)
        return end.replace(day=1), end

    @property
    def history_start(self) -> date:
        start = self.month_start
        for _ in range(self.plan.history_months):
            start = (start - timedelta(days=1)).replace(day=1)
        return start


def half_months(start: date, end: date) -> list[tuple[date, date]]:
    """Statement periods 1st–15th and 16th–month end covering [start, end], clipped to it."""
    periods = []
    day = start
    while day <= end:
        if day.day <= 15:
            period_end = day.replace(day=15)
        else:
            period_end = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        periods.append((day, min(period_end, end)))
        day = period_end + timedelta(days=1)
    return periods


def registration_number(rng: random.Random) -> str:
    """A qualified-invoice registration number ``T`` + 13 digits with a valid check digit.

    The check digit leads and follows the corporate-number rule: 9 − (Σ Pn × Qn mod 9), with Pn
    the n-th digit from the right of the 12-digit base and Qn = 1 for odd n, 2 for even n.
    """
    base = f"{rng.randrange(10**11, 10**12):012d}"
    total = sum(int(d) * (1 if n % 2 else 2) for n, d in enumerate(reversed(base), start=1))
    return f"T{9 - total % 9}{base}"
