"""Per-buyer packing slips (卸先用出荷表): one slip per buyer shipping that day."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from oroshi_desktop.domain.shipping.lines import DayOrders, ShippingLine
from oroshi_desktop.domain.shipping.records import (
    NO_FILTERS,
    BuyerInfo,
    OrderRecord,
    QuantityTotals,
    ShippingFilters,
    buyer_sort_key,
)

SLIP_TITLE = "卸先用出荷表"


@dataclass(frozen=True)
class PackingSlip:
    """What one buyer receives on a day: a slip to pack by and to send along."""

    buyer: BuyerInfo
    day: date | None
    lines: tuple[ShippingLine, ...]
    totals: QuantityTotals

    @property
    def arrival_dates(self) -> tuple[date, ...]:
        return tuple(sorted({ln.arrival_date for ln in self.lines if ln.arrival_date}))

    @property
    def shipping_labels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ln.shipping_label for ln in self.lines if ln.shipping_label))


def packing_slips(source: DayOrders, filters: ShippingFilters = NO_FILTERS) -> tuple[PackingSlip, ...]:
    """One slip per buyer with selected orders, in chart order; buyers without orders get none."""
    by_buyer: dict[int, list[OrderRecord]] = defaultdict(list)
    for o in source.selected(filters):
        by_buyer[o.buyer_id].append(o)
    missing = by_buyer.keys() - source.buyers.keys()
    if missing:
        raise ValueError(f"orders name buyers that were not loaded: {sorted(missing)}")
    slips = []
    for buyer in sorted((source.buyers[i] for i in by_buyer), key=buyer_sort_key):
        lines = source.sources.lines(by_buyer[buyer.id])
        slips.append(PackingSlip(buyer=buyer, day=source.day, lines=lines, totals=QuantityTotals.of(lines)))
    return tuple(slips)
