"""The combined shipping list (まとめた出荷明細表): every order of a day grouped by carrier and buyer."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from oroshi_desktop.domain.formats import long_date
from oroshi_desktop.domain.shipping.lines import DayOrders, ShippingLine
from oroshi_desktop.domain.shipping.records import (
    NO_FILTERS,
    NO_LABELS,
    BuyerInfo,
    CarrierInfo,
    FilterLabels,
    OrderRecord,
    QuantityTotals,
    ShippingFilters,
    buyer_sort_key,
)

LIST_TITLE = "まとめた出荷明細表"
ALL_CARRIERS_LABEL = "全運送会社"


@dataclass(frozen=True)
class BuyerGroup:
    buyer: BuyerInfo
    lines: tuple[ShippingLine, ...]
    totals: QuantityTotals


@dataclass(frozen=True)
class CarrierGroup:
    carrier: CarrierInfo
    buyers: tuple[BuyerGroup, ...]
    totals: QuantityTotals


@dataclass(frozen=True)
class ShippingList:
    day: date | None
    carrier_name: str  # "" when the list covers every carrier
    carriers: tuple[CarrierGroup, ...]
    totals: QuantityTotals
    labels: FilterLabels = field(default_factory=FilterLabels)

    @property
    def title(self) -> str:
        when = long_date(self.day) if self.day else ""
        who = self.carrier_name or ALL_CARRIERS_LABEL
        return f"{LIST_TITLE} {when} {who}{self.labels.suffix()}".replace("  ", " ").strip()

    @property
    def order_count(self) -> int:
        return sum(len(b.lines) for c in self.carriers for b in c.buyers)


def shipping_list(source: DayOrders, filters: ShippingFilters = NO_FILTERS, *,
                  labels: FilterLabels = NO_LABELS) -> ShippingList:
    """Every selected order grouped by carrier (by name, then id), then buyer (chart order)."""
    carrier_map, method_map, buyer_map = source.sources.carriers, source.sources.methods, source.buyers
    selected = source.selected(filters)

    grouped: dict[int, dict[int, list[OrderRecord]]] = defaultdict(lambda: defaultdict(list))
    for o in selected:
        method = method_map.get(o.shipping_method_id)
        if method is None or method.carrier_id not in carrier_map:
            raise ValueError(f"order {o.order_id}: shipping method {o.shipping_method_id} or its carrier was not loaded")
        if o.buyer_id not in buyer_map:
            raise ValueError(f"order {o.order_id}: buyer {o.buyer_id} was not loaded")
        grouped[method.carrier_id][o.buyer_id].append(o)

    carrier_groups = []
    for carrier in sorted((carrier_map[i] for i in grouped), key=lambda c: (c.name, c.id)):
        buyer_groups = []
        for buyer in sorted((buyer_map[i] for i in grouped[carrier.id]), key=buyer_sort_key):
            lines = source.sources.lines(grouped[carrier.id][buyer.id])
            buyer_groups.append(BuyerGroup(buyer, lines, QuantityTotals.of(lines)))
        total = QuantityTotals()
        for group in buyer_groups:
            total += group.totals
        carrier_groups.append(CarrierGroup(carrier, tuple(buyer_groups), total))
    grand = QuantityTotals()
    for carrier_group in carrier_groups:
        grand += carrier_group.totals
    chosen = carrier_map.get(source.carrier_id) if source.carrier_id is not None else None
    return ShippingList(day=source.day, carrier_name=chosen.name if chosen else "", carriers=tuple(carrier_groups),
                        totals=grand, labels=labels)
