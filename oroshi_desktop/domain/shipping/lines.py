"""The order lines the packing slips and the shipping list both print, in product order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from oroshi_desktop.domain.shipping.records import (
    CarrierInfo,
    MethodInfo,
    OrderRecord,
    ProductInfo,
    product_sort_key,
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
