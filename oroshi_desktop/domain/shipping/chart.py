"""The shipping chart (出荷表): buyers × products of Σ freight units for one carrier on one day."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from oroshi_desktop.domain.formats import short_date
from oroshi_desktop.domain.shipping.records import (
    NO_FILTERS,
    NO_LABELS,
    BuyerInfo,
    CarrierInfo,
    FilterLabels,
    OrderRecord,
    ProductInfo,
    ShippingFilters,
    buyer_sort_key,
    product_sort_key,
    select_orders,
)

CHART_TITLE = "出荷表"


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
    labels: FilterLabels = NO_LABELS

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
    labels: FilterLabels = NO_LABELS,
) -> ShippingChart:
    """Buyers × products of Σ freight units per variation (the 出荷表).

    Every product is a column (inactive ones too, like the original), in position order with
    missing positions last. With ``carrier`` only orders by its shipping methods count; with
    ``day`` only orders shipping that day. Templates are dropped here as well as in the loader.
    """
    columns = tuple(sorted(products, key=product_sort_key))
    selected = select_orders(orders, filters, day=day, method_ids=carrier.method_ids if carrier else None)
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
