"""Shipping documents: the chart (出荷表), per-buyer packing slips (卸先用出荷表) and the combined
shipping list (まとめた出荷明細表), computed from plain order records without a database.

The original web system had three bugs here that this module fixes on purpose (DOMAIN §9):
its filters were silently ignored (symbol vs string keys), a buyer without an
``associated_system_id`` crashed the sort, and a carrier without orders crashed the chart.
Here the filters really filter, missing sort keys sort last, and no orders gives an empty table.

Quantities are plain ints: the order columns are integers (商品数量, 容器数量, 貨物数量).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from oroshi_desktop.domain.formats import long_date, short_date
from oroshi_desktop.domain.parties import PostalAddress

EmptyBuyers = Literal["none", "all"] | int
"""Which buyers without orders still get a chart row: none, all of the carrier's, or a buyer category id."""

CHART_TITLE = "出荷表"
SLIP_TITLE = "卸先用出荷表"
LIST_TITLE = "まとめた出荷明細表"

# The models' Japanese names, as the original prints them in the chart title.
ORDER_CATEGORY_LABEL = "注文カテゴリ"
BUYER_LABEL = "卸先"
SHIPPING_METHOD_LABEL = "出荷方法"
ALL_CARRIERS_LABEL = "全運送会社"
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


def _selected(orders: Iterable[OrderRecord], filters: ShippingFilters, *, day: date | None,
              method_ids: frozenset[int] | None) -> list[OrderRecord]:
    """Non-template orders of the day (when given) passing every filter and, when given, the carrier."""
    return [
        o for o in orders
        if not o.is_template
        and (day is None or o.shipping_date == day)
        and (method_ids is None or o.shipping_method_id in method_ids)
        and filters.keeps(o)
    ]


# ---------------------------------------------------------------------------------------------
# Shipping chart (出荷表)


@dataclass(frozen=True)
class VariationFreight:
    handle: str
    freight: int

    @property
    def label(self) -> str:
        return f"{self.freight} ({self.handle})"


@dataclass(frozen=True)
class ChartRow:
    buyer: BuyerInfo
    cells: tuple[tuple[VariationFreight, ...], ...]  # one per chart product, in column order
    total: int


@dataclass(frozen=True)
class ShippingChart:
    day: date | None
    carrier_name: str
    products: tuple[ProductInfo, ...]
    rows: tuple[ChartRow, ...]
    column_totals: tuple[int, ...]
    grand_total: int
    labels: FilterLabels = FilterLabels()

    @property
    def title(self) -> str:
        head = " ".join(p for p in (self.carrier_name, short_date(self.day) if self.day else "") if p)
        return f"{head} {CHART_TITLE}{self.labels.suffix()}".strip()

    def row_for(self, buyer_id: int) -> ChartRow | None:
        return next((r for r in self.rows if r.buyer.id == buyer_id), None)

    def column_total(self, product_id: int) -> int:
        for product, total in zip(self.products, self.column_totals, strict=True):
            if product.id == product_id:
                return total
        raise KeyError(product_id)


def chart_buyers(buyers: Iterable[BuyerInfo], orders: Iterable[OrderRecord], filters: ShippingFilters,
                 carrier: CarrierInfo | None) -> list[BuyerInfo]:
    """The chart's rows: buyers with orders plus the empty buyers the option asks for.

    A buyer with a selected order always gets a row, whatever the option, so that the rows add up
    to the column totals. Empty rows are active buyers only, and the buyer and shipping-method
    filters narrow them too (a chart filtered to one buyer shows that buyer alone).
    """
    by_id = {b.id: b for b in buyers}
    with_orders = {o.buyer_id for o in orders}
    chosen = set(with_orders)
    option = filters.print_empty_buyers
    if option != "none":
        for buyer in by_id.values():
            if not buyer.active:
                continue
            if filters.buyer_ids and buyer.id not in filters.buyer_ids:
                continue
            if option == "all":
                methods = set(buyer.shipping_method_ids)
                if carrier is not None:
                    methods &= carrier.method_ids
                if filters.shipping_method_ids:
                    methods &= set(filters.shipping_method_ids)
                if methods:
                    chosen.add(buyer.id)
            elif option in buyer.category_ids:
                chosen.add(buyer.id)
    missing = chosen - by_id.keys()
    if missing:
        raise ValueError(f"orders name buyers that were not loaded: {sorted(missing)}")
    return sorted((by_id[i] for i in chosen), key=buyer_sort_key)


def shipping_chart_matrix(
    orders: Iterable[OrderRecord],
    buyers: Iterable[BuyerInfo],
    products: Iterable[ProductInfo],
    filters: ShippingFilters = NO_FILTERS,
    *,
    carrier: CarrierInfo | None = None,
    day: date | None = None,
    labels: FilterLabels = FilterLabels(),
) -> ShippingChart:
    """Buyers × products of Σ freight units per variation (the 出荷表).

    Every product is a column (inactive ones too, like the original), in position order with
    missing positions last. With ``carrier`` only orders by its shipping methods count; with
    ``day`` only orders shipping that day. Templates are dropped here as well as in the loader.
    """
    columns = tuple(sorted(products, key=product_sort_key))
    selected = _selected(orders, filters, day=day, method_ids=carrier.method_ids if carrier else None)
    rows_buyers = chart_buyers(buyers, selected, filters, carrier)
    column_index = {p.id: i for i, p in enumerate(columns)}
    unknown = {o.product_id for o in selected} - column_index.keys()
    if unknown:
        raise ValueError(f"orders name products that were not loaded: {sorted(unknown)}")

    # buyer → column → variation id → Σ freight
    sums: dict[int, dict[int, dict[int, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    handles: dict[int, str] = {}
    for o in selected:
        sums[o.buyer_id][column_index[o.product_id]][o.product_variation_id] += o.freight_quantity
        handles[o.product_variation_id] = o.variation_handle

    rows = []
    column_totals = [0] * len(columns)
    for buyer in rows_buyers:
        buyer_sums = sums.get(buyer.id, {})
        cells = []
        for index in range(len(columns)):
            # Variation ids follow creation order, which is how staff set the variations up.
            cell = tuple(VariationFreight(handles[var_id], freight)
                         for var_id, freight in sorted(buyer_sums.get(index, {}).items()))
            column_totals[index] += sum(v.freight for v in cell)
            cells.append(cell)
        rows.append(ChartRow(buyer, tuple(cells), sum(v.freight for c in cells for v in c)))
    return ShippingChart(
        day=day, carrier_name=carrier.name if carrier else "", products=columns, rows=tuple(rows),
        column_totals=tuple(column_totals), grand_total=sum(column_totals), labels=labels,
    )


# ---------------------------------------------------------------------------------------------
# Lines shared by the packing slips and the shipping list


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


def _lines(orders: Iterable[OrderRecord], products: Mapping[int, ProductInfo],
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


def _carrier_method_ids(carrier_id: int | None, methods: Iterable[MethodInfo]) -> frozenset[int] | None:
    if carrier_id is None:
        return None
    return frozenset(m.id for m in methods if m.carrier_id == carrier_id)


# ---------------------------------------------------------------------------------------------
# Packing slips (卸先用出荷表)


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
    selected = _selected(orders, filters, day=day, method_ids=_carrier_method_ids(carrier_id, methods))
    by_buyer: dict[int, list[OrderRecord]] = defaultdict(list)
    for o in selected:
        by_buyer[o.buyer_id].append(o)
    buyer_map = {b.id: b for b in buyers}
    missing = by_buyer.keys() - buyer_map.keys()
    if missing:
        raise ValueError(f"orders name buyers that were not loaded: {sorted(missing)}")
    product_map = {p.id: p for p in products}
    method_map = {m.id: m for m in methods}
    carrier_map = {c.id: c for c in carriers}
    slips = []
    for buyer in sorted((buyer_map[i] for i in by_buyer), key=buyer_sort_key):
        lines = tuple(_lines(by_buyer[buyer.id], product_map, method_map, carrier_map))
        slips.append(PackingSlip(buyer=buyer, day=day, lines=lines, totals=QuantityTotals.of(lines)))
    return tuple(slips)


# ---------------------------------------------------------------------------------------------
# Combined shipping list (まとめた出荷明細表)


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


def shipping_list(
    orders: Iterable[OrderRecord],
    buyers: Iterable[BuyerInfo],
    products: Iterable[ProductInfo],
    filters: ShippingFilters = NO_FILTERS,
    *,
    methods: Iterable[MethodInfo] = (),
    carriers: Iterable[CarrierInfo] = (),
    day: date | None = None,
    carrier_id: int | None = None,
    labels: FilterLabels = FilterLabels(),
) -> ShippingList:
    """Every selected order grouped by carrier (by name, then id), then buyer (chart order)."""
    methods = tuple(methods)
    carrier_map = {c.id: c for c in carriers}
    method_map = {m.id: m for m in methods}
    product_map = {p.id: p for p in products}
    buyer_map = {b.id: b for b in buyers}
    selected = _selected(orders, filters, day=day, method_ids=_carrier_method_ids(carrier_id, methods))

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
            lines = tuple(_lines(grouped[carrier.id][buyer.id], product_map, method_map, carrier_map))
            buyer_groups.append(BuyerGroup(buyer, lines, QuantityTotals.of(lines)))
        total = QuantityTotals()
        for group in buyer_groups:
            total += group.totals
        carrier_groups.append(CarrierGroup(carrier, tuple(buyer_groups), total))
    grand = QuantityTotals()
    for group in carrier_groups:
        grand += group.totals
    chosen = carrier_map.get(carrier_id) if carrier_id is not None else None
    return ShippingList(day=day, carrier_name=chosen.name if chosen else "", carriers=tuple(carrier_groups),
                        totals=grand, labels=labels)
