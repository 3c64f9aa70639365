"""Per-buyer packing slips (卸先用出荷表): one slip per buyer shipping that day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from oroshi_desktop.domain.shipping.lines import LineSources, ShippingLine, carrier_method_ids
from oroshi_desktop.domain.shipping.records import (
    NO_FILTERS,
    BuyerInfo,
    CarrierInfo,
    MethodInfo,
    OrderRecord,
    ProductInfo,
    QuantityTotals,
    ShippingFilters,
    buyer_sort_key,
    select_orders,
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


def packing_slips(
    orders: Iterable[OrderRecord],
    buyers: Iterable[BuyerInfo],
    products: Iterable[ProductInfo],
    filters: ShippingFilters = NO_FILTERS,
    *,
    methods: Iterable[MethodInfo] = (),
    carriers: Iterable[CarrierInfo] = (),
    day: date | None = None,
    carrier_id: int | None = None,
) -> tuple[PackingSlip, ...]:
    """One slip per buyer with selected orders, in chart order; buyers without orders get none."""
    methods = tuple(methods)
    selected = select_orders(orders, filters, day=day, method_ids=carrier_method_ids(carrier_id, methods))
    by_buyer: dict[int, list[OrderRecord]] = defaultdict(list)
    for o in selected:
        by_buyer[o.buyer_id].append(o)
    buyer_map = {b.id: b for b in buyers}
    missing = by_buyer.keys() - buyer_map.keys()
    if missing:
        raise ValueError(f"orders name buyers that were not loaded: {sorted(missing)}")
    sources = LineSources.of(products, methods, carriers)
    slips = []
    for buyer in sorted((buyer_map[i] for i in by_buyer), key=buyer_sort_key):
        lines = sources.lines(by_buyer[buyer.id])
        slips.append(PackingSlip(buyer=buyer, day=day, lines=lines, totals=QuantityTotals.of(lines)))
    return tuple(slips)
