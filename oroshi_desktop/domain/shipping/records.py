"""What the shipping documents are computed from: plain order, buyer, product and carrier records,
the filters and their labels, the sort orders, the quantity totals and the order selection."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

from oroshi_desktop.domain.parties import PostalAddress

if TYPE_CHECKING:
    from oroshi_desktop.domain.shipping.lines import ShippingLine

EmptyBuyers = Literal["none", "all"] | int
"""Which buyers without orders still get a chart row: none, all of the carrier's, or a buyer category id."""

# The models' Japanese names, as the original prints them in the chart title.
ORDER_CATEGORY_LABEL = "注文カテゴリ"
BUYER_LABEL = "卸先"
SHIPPING_METHOD_LABEL = "出荷方法"
INDIVIDUAL = 3  # oroshi_buyers.entity_type


# ---------------------------------------------------------------------------------------------
# Inputs


@dataclass(frozen=True)
class OrderRecord:
    """One order row with the names the documents print (loaded as columns, not ORM entities)."""

    order_id: int
    buyer_id: int
    product_id: int
    product_variation_id: int
    variation_handle: str
    variation_name: str
    shipping_method_id: int
    receptacle_name: str
    item_quantity: int
    receptacle_quantity: int
    freight_quantity: int
    shipping_date: date | None
    arrival_date: date | None
    note: str = ""
    category_ids: frozenset[int] = frozenset()
    is_template: bool = False


@dataclass(frozen=True)
class BuyerInfo:
    id: int
    name: str
    handle: str
    color: str | None = None
    associated_system_id: str | None = None
    active: bool = True
    address: PostalAddress = field(default_factory=PostalAddress)
    phone: str = ""
    fax: str = ""
    category_ids: frozenset[int] = frozenset()
    shipping_method_ids: frozenset[int] = frozenset()
    entity_type: int | None = None  # 0 卸売市場, 1 小売業者, 2 company, 3 individual, 4 other

    @property
    def sort_key(self) -> tuple[object, ...]:
        return buyer_sort_key(self)

    @property
    def honorific(self) -> str:
        """様 for a private person, 御中 for a market, shop or company."""
        return "様" if self.entity_type == INDIVIDUAL else "御中"


@dataclass(frozen=True)
class ProductInfo:
    id: int
    name: str
    position: int | None = None


@dataclass(frozen=True)
class CarrierInfo:
    """A carrier (運送会社, ``oroshi_shipping_organizations``) and the ids of its shipping methods."""

    id: int
    name: str
    handle: str = ""
    method_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class MethodInfo:
    id: int
    name: str
    carrier_id: int
    handle: str = ""


@dataclass(frozen=True)
class ShippingFilters:
    """The chart options. Empty id tuples mean "no filter"; a non-empty one keeps only matches."""

    order_category_ids: tuple[int, ...] = ()
    buyer_ids: tuple[int, ...] = ()
    shipping_method_ids: tuple[int, ...] = ()
    print_empty_buyers: EmptyBuyers = "none"

    @property
    def active(self) -> bool:
        return bool(self.order_category_ids or self.buyer_ids or self.shipping_method_ids)

    def keeps(self, order: OrderRecord) -> bool:
        if self.order_category_ids and not order.category_ids & set(self.order_category_ids):
            return False
        if self.buyer_ids and order.buyer_id not in self.buyer_ids:
            return False
        return not (self.shipping_method_ids and order.shipping_method_id not in self.shipping_method_ids)


NO_FILTERS = ShippingFilters()


def parse_print_empty_buyers(value: str | int | None) -> EmptyBuyers:
    """The web form's value: blank → ``"none"``, ``0`` → ``"all"``, a positive id → that buyer category."""
    if value is None or value == "" or value == "none":
        return "none"
    if value == "all":
        return "all"
    if isinstance(value, bool):
        raise ValueError(f"print_empty_buyers must be blank, 0 or a buyer category id, got {value!r}")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValueError(f"print_empty_buyers must be blank, 0 or a buyer category id, got {value!r}") from None
    if number < 0:
        raise ValueError(f"print_empty_buyers must be blank, 0 or a buyer category id, got {value!r}")
    return "all" if number == 0 else number


@dataclass(frozen=True)
class FilterLabels:
    """Names of the active filters, for document titles."""

    order_categories: tuple[str, ...] = ()
    buyers: tuple[str, ...] = ()
    shipping_methods: tuple[str, ...] = ()

    def suffix(self) -> str:
        """`` (注文カテゴリ:通常注文、緊急注文, 卸先:築地市場)`` or ``""`` without filters."""
        parts = [
            f"{label}:{'、'.join(names)}"
            for label, names in (
                (ORDER_CATEGORY_LABEL, self.order_categories),
                (BUYER_LABEL, self.buyers),
                (SHIPPING_METHOD_LABEL, self.shipping_methods),
            )
            if names
        ]
        return f" ({', '.join(parts)})" if parts else ""


NO_LABELS = FilterLabels()


# ---------------------------------------------------------------------------------------------
# Sorting

_NUMBER_RUN = re.compile(r"(\d+)")


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    # "2" before "10": system ids are often numbers stored as strings, sometimes unpadded.
    return tuple((0, int(part)) if _NUMBER_RUN.fullmatch(part) else (1, part)
                 for part in _NUMBER_RUN.split(text) if part)


def buyer_sort_key(buyer: BuyerInfo) -> tuple[object, ...]:
    """Chart order: ``associated_system_id`` (natural order, missing or blank LAST), then name, id."""
    system_id = (buyer.associated_system_id or "").strip()
    return (not system_id, _natural(system_id), buyer.name, buyer.id)


def product_sort_key(product: ProductInfo) -> tuple[object, ...]:
    return (product.position is None, product.position or 0, product.id)


# ---------------------------------------------------------------------------------------------
# Totals


@dataclass(frozen=True)
class QuantityTotals:
    items: int = 0  # 商品数量
    boxes: int = 0  # 容器数量
    freight: int = 0  # 貨物数量 (口数)

    def __add__(self, other: QuantityTotals) -> QuantityTotals:
        return QuantityTotals(self.items + other.items, self.boxes + other.boxes, self.freight + other.freight)

    @classmethod
    def of(cls, orders: Iterable[OrderRecord | ShippingLine]) -> QuantityTotals:
        total = cls()
        for o in orders:
            total += cls(o.item_quantity, o.receptacle_quantity, o.freight_quantity)
        return total


def select_orders(orders: Iterable[OrderRecord], filters: ShippingFilters, *, day: date | None,
              method_ids: frozenset[int] | None) -> list[OrderRecord]:
    """Non-template orders of the day (when given) passing every filter and, when given, the carrier."""
    return [
        o for o in orders
        if not o.is_template
        and (day is None or o.shipping_date == day)
        and (method_ids is None or o.shipping_method_id in method_ids)
        and filters.keeps(o)
    ]
