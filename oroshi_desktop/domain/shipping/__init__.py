"""Shipping documents: the chart (出荷表), per-buyer packing slips (卸先用出荷表) and the combined
shipping list (まとめた出荷明細表), computed from plain order records without a database.

One module per part: ``records`` (the inputs, filters, sort orders and totals), ``chart``,
``lines`` (the order lines both lists print), ``packing_slips`` and ``shipping_list``.

The original web system had three bugs here that this package fixes on purpose (DOMAIN §9):
its filters were silently ignored (symbol vs string keys), a buyer without an
``associated_system_id`` crashed the sort, and a carrier without orders crashed the chart.
Here the filters really filter, missing sort keys sort last, and no orders gives an empty table.

Quantities are plain ints: the order columns are integers (商品数量, 容器数量, 貨物数量).
"""

from __future__ import annotations

from oroshi_desktop.domain.shipping.chart import (
    CHART_TITLE,
    ChartRow,
    ShippingChart,
    VariationFreight,
    chart_buyers,
    shipping_chart_matrix,
)
from oroshi_desktop.domain.shipping.lines import DayOrders, ShippingLine
from oroshi_desktop.domain.shipping.packing_slips import SLIP_TITLE, PackingSlip, packing_slips
from oroshi_desktop.domain.shipping.records import (
    BUYER_LABEL,
    INDIVIDUAL,
    NO_FILTERS,
    NO_LABELS,
    ORDER_CATEGORY_LABEL,
    SHIPPING_METHOD_LABEL,
    BuyerInfo,
    CarrierInfo,
    EmptyBuyers,
    FilterLabels,
    MethodInfo,
    OrderRecord,
    ProductInfo,
    QuantityTotals,
    ShippingFilters,
    buyer_sort_key,
    parse_print_empty_buyers,
    product_sort_key,
)
from oroshi_desktop.domain.shipping.shipping_list import (
    ALL_CARRIERS_LABEL,
    LIST_TITLE,
    BuyerGroup,
    CarrierGroup,
    ShippingList,
    shipping_list,
)

__all__ = [
    "ALL_CARRIERS_LABEL", "BUYER_LABEL", "CHART_TITLE", "INDIVIDUAL", "LIST_TITLE", "NO_FILTERS", "NO_LABELS",
    "ORDER_CATEGORY_LABEL", "SHIPPING_METHOD_LABEL", "SLIP_TITLE", "BuyerGroup", "BuyerInfo", "CarrierGroup",
    "CarrierInfo", "ChartRow", "DayOrders", "EmptyBuyers", "FilterLabels", "MethodInfo", "OrderRecord", "PackingSlip",
    "ProductInfo", "QuantityTotals", "ShippingChart", "ShippingFilters", "ShippingLine", "ShippingList",
    "VariationFreight", "buyer_sort_key", "chart_buyers", "packing_slips", "parse_print_empty_buyers",
    "product_sort_key", "shipping_chart_matrix", "shipping_list",
]
