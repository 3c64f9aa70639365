"""The order lines the packing slips and the shipping list both print, in product order, and the
one set of inputs (``DayOrders``) both are computed from."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from oroshi_desktop.domain.shipping.records import (
    BuyerInfo,
    CarrierInfo,
    MethodInfo,
    OrderRecord,
    ProductInfo,
    ShippingFilters,
    product_sort_key,
    select_orders,
)


@dataclass(frozen=True)
class ShippingLine:
    order_id: int
    product_name: str
    variation_name: str
    variation_handle: str
    item_quantity: int
    receptacle_quantity: int
    receptacle_name: str
    freight_quantity: int
    carrier_name: str
    method_name: str
    shipping_date: date | None
    arrival_date: date | None
    note: str

    @property
    def shipping_label(self) -> str:
        """``オロシエクスプレス 冷蔵便``: carrier and method."""
        return " ".join(p for p in (self.carrier_name, self.method_name) if p)


@dataclass(frozen=True)
class LineSources:
    """What an order line is read from, by id: products, shipping methods and their carriers
    (the packing slips and the shipping list both build it from their inputs)."""

    products: Mapping[int, ProductInfo]
    methods: Mapping[int, MethodInfo]
    carriers: Mapping[int, CarrierInfo]

    @classmethod
    def of(cls, products: Iterable[ProductInfo], methods: Iterable[MethodInfo],
           carriers: Iterable[CarrierInfo]) -> LineSources:
        return cls({p.id: p for p in products}, {m.id: m for m in methods}, {c.id: c for c in carriers})

    def lines(self, orders: Iterable[OrderRecord]) -> tuple[ShippingLine, ...]:
        return tuple(shipping_lines(orders, self.products, self.methods, self.carriers))


def shipping_lines(orders: Iterable[OrderRecord], products: Mapping[int, ProductInfo],
                   methods: Mapping[int, MethodInfo], carriers: Mapping[int, CarrierInfo]) -> list[ShippingLine]:
    def key(o: OrderRecord) -> tuple[object, ...]:
        product = products.get(o.product_id)
        product_key = product_sort_key(product) if product else (True, 0, o.product_id)
        return (product_key, o.product_variation_id, o.shipping_method_id, o.order_id)

    lines = []
    for o in sorted(orders, key=key):
        method = methods.get(o.shipping_method_id)
        carrier = carriers.get(method.carrier_id) if method else None
        product = products.get(o.product_id)
        lines.append(ShippingLine(
            order_id=o.order_id, product_name=product.name if product else "",
            variation_name=o.variation_name, variation_handle=o.variation_handle,
            item_quantity=o.item_quantity, receptacle_quantity=o.receptacle_quantity,
            receptacle_name=o.receptacle_name, freight_quantity=o.freight_quantity,
            carrier_name=carrier.name if carrier else "", method_name=method.name if method else "",
            shipping_date=o.shipping_date, arrival_date=o.arrival_date, note=o.note,
        ))
    return lines


def carrier_method_ids(carrier_id: int | None, methods: Iterable[MethodInfo]) -> frozenset[int] | None:
    if carrier_id is None:
        return None
    return frozenset(m.id for m in methods if m.carrier_id == carrier_id)


@dataclass(frozen=True)
class DayOrders:
    """What the packing slips and the shipping list are both computed from: the orders (those of
    ``day`` when given, of one carrier when ``carrier_id`` is given) and the tables their ids name."""

    orders: tuple[OrderRecord, ...]
    buyers: Mapping[int, BuyerInfo]
    sources: LineSources
    day: date | None = None
    carrier_id: int | None = None

    @classmethod
    def of(cls, orders: Iterable[OrderRecord], buyers: Iterable[BuyerInfo], products: Iterable[ProductInfo], *,
           methods: Iterable[MethodInfo] = (), carriers: Iterable[CarrierInfo] = (), day: date | None = None,
           carrier_id: int | None = None) -> DayOrders:
        return cls(tuple(orders), {b.id: b for b in buyers}, LineSources.of(products, methods, carriers),
                   day=day, carrier_id=carrier_id)

    def selected(self, filters: ShippingFilters) -> list[OrderRecord]:
        """The orders to print: of the day and the carrier, passing every filter, templates left out."""
        method_ids = carrier_method_ids(self.carrier_id, self.sources.methods.values())
        return select_orders(self.orders, filters, day=self.day, method_ids=method_ids)
