"""The shipping documents' pure rules: chart matrix, filters, sort order, templates, slips and list."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from oroshi_desktop.domain import shipping as sh

DAY = date(2025, 10, 1)
CARRIER_A = sh.CarrierInfo(1, "オロシエクスプレス", "oroshi", frozenset({11, 12}))
CARRIER_B = sh.CarrierInfo(2, "ヤマト運輸", "yamato", frozenset({21}))
METHODS = (sh.MethodInfo(11, "冷蔵便", 1), sh.MethodInfo(12, "冷凍便", 1), sh.MethodInfo(21, "直送便", 2))

TSUKIJI = sh.BuyerInfo(1, "築地市場", "tsukiji", "#4ecdc4", "002", shipping_method_ids=frozenset({11}),
                       category_ids=frozenset({100}))
TOYOSU = sh.BuyerInfo(2, "豊洲市場", "toyosu", "#ff6b6b", "001", shipping_method_ids=frozenset({11, 12}),
                      category_ids=frozenset({100}))
SAPPORO = sh.BuyerInfo(3, "札幌中央", "sapporo", None, None, shipping_method_ids=frozenset({11}))
RESTAURANT = sh.BuyerInfo(4, "レストラン", "resto", None, "003", shipping_method_ids=frozenset({21}),
                          category_ids=frozenset({200}))
HAKODATE = sh.BuyerInfo(5, "函館朝市", "hakodate", None, "004", shipping_method_ids=frozenset({11}),
                        category_ids=frozenset({100}))
CLOSED = sh.BuyerInfo(6, "閉鎖市場", "closed", None, "000", active=False, shipping_method_ids=frozenset({11}),
                      category_ids=frozenset({100}))
BUYERS = (TSUKIJI, TOYOSU, SAPPORO, RESTAURANT, HAKODATE, CLOSED)

SALMON, TUNA, SCALLOP, SPARE = (sh.ProductInfo(1, "鮭", 1), sh.ProductInfo(2, "マグロ", 2), sh.ProductInfo(3, "ホタテ", 3),
                                sh.ProductInfo(4, "予備", None))
PRODUCTS = (SPARE, SCALLOP, TUNA, SALMON)  # deliberately out of order


def order(oid: int, buyer: sh.BuyerInfo, product: sh.ProductInfo, variation: int, method: int, freight: int, *,
          items: int = 10, boxes: int = 1, categories: tuple[int, ...] = (1,), day: date = DAY,
          template: bool = False) -> sh.OrderRecord:
    return sh.OrderRecord(
        order_id=oid, buyer_id=buyer.id, product_id=product.id, product_variation_id=variation,
        variation_handle=f"v{variation}", variation_name=f"規格{variation}", shipping_method_id=method,
        receptacle_name="保冷箱", item_quantity=items, receptacle_quantity=boxes, freight_quantity=freight,
        shipping_date=day, arrival_date=date(2025, 10, 2), note="", category_ids=frozenset(categories),
        is_template=template,
    )


ORDERS = (
    order(1, TSUKIJI, SALMON, 10, 11, 1, items=30, boxes=3),
    order(2, TSUKIJI, SALMON, 10, 11, 2, items=40, boxes=4, categories=(2,)),
    order(3, TSUKIJI, SALMON, 11, 11, 1),
    order(4, TOYOSU, TUNA, 20, 12, 3, items=100, boxes=10),
    order(5, TOYOSU, SALMON, 10, 11, 2, categories=(2,)),
    order(6, SAPPORO, SCALLOP, 30, 11, 1),
    order(7, TSUKIJI, SALMON, 10, 11, 50, template=True),
    order(8, RESTAURANT, SALMON, 11, 21, 1),
    order(9, TSUKIJI, SALMON, 10, 11, 7, day=date(2025, 10, 2)),
)


def chart(filters: sh.ShippingFilters = sh.NO_FILTERS, *, carrier: sh.CarrierInfo | None = CARRIER_A,
          orders: tuple[sh.OrderRecord, ...] = ORDERS):
    return sh.shipping_chart_matrix(orders, BUYERS, PRODUCTS, filters, carrier=carrier, day=DAY)


def handles(c) -> list[str]:
    return [r.buyer.handle for r in c.rows]


class TestChartMatrix:
    def test_cells_rows_columns_and_grand_total(self) -> None:
        c = chart()
        assert [p.name for p in c.products] == ["鮭", "マグロ", "ホタテ", "予備"]  # position, None last
        assert handles(c) == ["toyosu", "tsukiji", "sapporo"]  # "001", "002", None last
        tsukiji = c.row_for(TSUKIJI.id)
        assert tsukiji is not None
        assert tsukiji.cells[0] == (sh.VariationFreight("v10", 3), sh.VariationFreight("v11", 1))
        assert tsukiji.cells[0][0].label == "3 (v10)"
        assert tsukiji.cells[1:] == ((), (), ())
        assert tsukiji.total == 4
        assert [r.total for r in c.rows] == [5, 4, 1]
        assert c.column_totals == (6, 3, 1, 0)
        assert c.grand_total == 10 == sum(r.total for r in c.rows)
        assert c.column_total(TUNA.id) == 3

    def test_title(self) -> None:
        assert chart().title == "オロシエクスプレス 10月01日 出荷表"
        labelled = sh.shipping_chart_matrix(ORDERS, BUYERS, PRODUCTS, carrier=CARRIER_A, day=DAY,
                                            labels=sh.FilterLabels(("緊急注文", "通常注文"), ("築地市場",), ("冷蔵便",)))
        assert labelled.title == "オロシエクスプレス 10月01日 出荷表 (注文カテゴリ:緊急注文、通常注文, 卸先:築地市場, 出荷方法:冷蔵便)"
        only_methods = sh.FilterLabels(shipping_methods=("冷凍便",))
        assert only_methods.suffix() == " (出荷方法:冷凍便)"

    def test_templates_are_dropped(self) -> None:
        # Order 7 (50 口) is a template; without the flag it would count.
        assert chart().row_for(TSUKIJI.id).total == 4  # type: ignore[union-attr]
        untemplated = tuple(replace(o, is_template=False) for o in ORDERS)
        assert chart(orders=untemplated).row_for(TSUKIJI.id).total == 54  # type: ignore[union-attr]

    def test_other_days_and_carriers_are_not_counted(self) -> None:
        assert RESTAURANT.id not in {r.buyer.id for r in chart().rows}
        b = chart(carrier=CARRIER_B)
        assert handles(b) == ["resto"] and b.grand_total == 1
        everything = chart(carrier=None)
        assert everything.grand_total == 11 and everything.title == "10月01日 出荷表"

    def test_empty_carrier_gives_empty_matrix_with_columns(self) -> None:
        empty = chart(carrier=sh.CarrierInfo(9, "空便", method_ids=frozenset({99})))
        assert empty.rows == ()
        assert [p.name for p in empty.products] == ["鮭", "マグロ", "ホタテ", "予備"]
        assert empty.column_totals == (0, 0, 0, 0) and empty.grand_total == 0
        assert sh.shipping_chart_matrix((), (), (), carrier=CARRIER_A, day=DAY).products == ()


class TestFilters:
    def test_order_category_filter(self) -> None:
        c = chart(sh.ShippingFilters(order_category_ids=(2,)))
        assert handles(c) == ["toyosu", "tsukiji"]
        assert [r.total for r in c.rows] == [2, 2] and c.grand_total == 4

    def test_any_matching_category_keeps_an_order(self) -> None:
        both = order(20, SAPPORO, TUNA, 20, 11, 5, categories=(1, 2))
        c = chart(sh.ShippingFilters(order_category_ids=(2,)), orders=(*ORDERS, both))
        assert c.row_for(SAPPORO.id).total == 5  # type: ignore[union-attr]

    def test_buyer_filter(self) -> None:
        c = chart(sh.ShippingFilters(buyer_ids=(TSUKIJI.id,)))
        assert handles(c) == ["tsukiji"] and c.grand_total == 4

    def test_shipping_method_filter(self) -> None:
        c = chart(sh.ShippingFilters(shipping_method_ids=(12,)))
        assert handles(c) == ["toyosu"] and c.grand_total == 3 and c.column_totals == (0, 3, 0, 0)

    def test_filters_combine(self) -> None:
        c = chart(sh.ShippingFilters(order_category_ids=(1,), shipping_method_ids=(11,), buyer_ids=(TSUKIJI.id, SAPPORO.id)))
        assert [(r.buyer.handle, r.total) for r in c.rows] == [("tsukiji", 2), ("sapporo", 1)]

    def test_no_filter_is_inactive(self) -> None:
        assert not sh.ShippingFilters().active
        assert sh.ShippingFilters(buyer_ids=(1,)).active


class TestEmptyBuyers:
    def test_all_adds_active_buyers_of_the_carrier(self) -> None:
        c = chart(sh.ShippingFilters(print_empty_buyers="all"))
        # hakodate (004) has no orders but uses 冷蔵便; closed-market is inactive; resto is carrier B's.
        assert handles(c) == ["toyosu", "tsukiji", "hakodate", "sapporo"]
        assert c.row_for(HAKODATE.id).total == 0  # type: ignore[union-attr]
        assert c.row_for(HAKODATE.id).cells == ((), (), (), ())  # type: ignore[union-attr]

    def test_all_respects_buyer_and_method_filters(self) -> None:
        assert handles(chart(sh.ShippingFilters(print_empty_buyers="all", buyer_ids=(HAKODATE.id,)))) == ["hakodate"]
        assert handles(chart(sh.ShippingFilters(print_empty_buyers="all", shipping_method_ids=(12,)))) == ["toyosu"]

    def test_buyer_category_adds_its_buyers_and_keeps_buyers_with_orders(self) -> None:
        c = chart(sh.ShippingFilters(print_empty_buyers=200))
        assert handles(c) == ["toyosu", "tsukiji", "resto", "sapporo"]
        assert c.grand_total == 10 and c.row_for(RESTAURANT.id).total == 0  # type: ignore[union-attr]

    def test_parse(self) -> None:
        assert sh.parse_print_empty_buyers("") == "none"
        assert sh.parse_print_empty_buyers(None) == "none"
        assert sh.parse_print_empty_buyers("0") == "all"
        assert sh.parse_print_empty_buyers(0) == "all"
        assert sh.parse_print_empty_buyers("7") == 7
        assert sh.parse_print_empty_buyers("all") == "all"
        for bad in ("x", "-1", True):
            with pytest.raises(ValueError, match="print_empty_buyers"):
                sh.parse_print_empty_buyers(bad)


class TestSortOrder:
    def test_missing_system_ids_sort_last_and_numbers_naturally(self) -> None:
        def b(i: int, system_id: str | None, name: str = "x") -> sh.BuyerInfo:
            return sh.BuyerInfo(i, name, f"h{i}", associated_system_id=system_id)

        buyers = [b(1, None, "あ"), b(2, "10"), b(3, "2"), b(4, ""), b(5, "  "), b(6, "A-3"), b(7, None, "い"),
                  b(8, "002")]
        ordered = [x.id for x in sorted(buyers, key=sh.buyer_sort_key)]
        # "002" and "2" are both 2: the name, then the id, breaks the tie. Blank counts as missing.
        assert ordered == [3, 8, 2, 6, 4, 5, 1, 7]
        odd = [b(1, "²"), b(2, "１２"), b(3, "3")]  # superscript is not a number; full-width digits are
        assert [x.id for x in sorted(odd, key=sh.buyer_sort_key)] == [3, 2, 1]

    def test_unknown_buyer_in_orders_is_a_bug(self) -> None:
        with pytest.raises(ValueError, match="buyers that were not loaded"):
            sh.shipping_chart_matrix(ORDERS, (TSUKIJI,), PRODUCTS, carrier=CARRIER_A, day=DAY)


class TestPackingSlips:
    def test_one_slip_per_buyer_with_totals(self) -> None:
        slips = sh.packing_slips(sh.DayOrders.of(ORDERS, BUYERS, PRODUCTS, methods=METHODS, carriers=(CARRIER_A, CARRIER_B),
                                          day=DAY))
        assert [s.buyer.handle for s in slips] == ["toyosu", "tsukiji", "resto", "sapporo"]
        tsukiji = slips[1]
        assert [ln.order_id for ln in tsukiji.lines] == [1, 2, 3]  # template 7 and day-after 9 are gone
        assert tsukiji.totals == sh.QuantityTotals(items=80, boxes=8, freight=4)
        assert tsukiji.lines[0].shipping_label == "オロシエクスプレス 冷蔵便"
        assert tsukiji.lines[0].product_name == "鮭"
        assert tsukiji.arrival_dates == (date(2025, 10, 2),)
        assert tsukiji.shipping_labels == ("オロシエクスプレス 冷蔵便",)

    def test_carrier_and_filters(self) -> None:
        slips = sh.packing_slips(sh.DayOrders.of(ORDERS, BUYERS, PRODUCTS, methods=METHODS, carriers=(CARRIER_A, CARRIER_B),
                                                 day=DAY, carrier_id=1), sh.ShippingFilters(order_category_ids=(2,)))
        assert [(s.buyer.handle, s.totals.freight) for s in slips] == [("toyosu", 2), ("tsukiji", 2)]
        assert sh.packing_slips(sh.DayOrders.of(ORDERS, BUYERS, PRODUCTS, methods=METHODS, day=DAY, carrier_id=9)) == ()


class TestShippingList:
    def test_grouped_by_carrier_then_buyer_with_totals(self) -> None:
        listing = sh.shipping_list(sh.DayOrders.of(ORDERS, BUYERS, PRODUCTS, methods=METHODS, carriers=(CARRIER_B, CARRIER_A),
                                              day=DAY))
        assert [c.carrier.name for c in listing.carriers] == ["オロシエクスプレス", "ヤマト運輸"]
        a = listing.carriers[0]
        assert [(g.buyer.handle, g.totals.freight) for g in a.buyers] == [("toyosu", 5), ("tsukiji", 4), ("sapporo", 1)]
        assert a.totals == sh.QuantityTotals(items=30 + 40 + 10 + 100 + 10 + 10, boxes=3 + 4 + 1 + 10 + 1 + 1, freight=10)
        assert listing.totals == a.totals + sh.QuantityTotals(10, 1, 1)
        assert listing.order_count == 7
        assert listing.title == "まとめた出荷明細表 2025年10月01日(水) 全運送会社"

    def test_one_carrier(self) -> None:
        listing = sh.shipping_list(sh.DayOrders.of(ORDERS, BUYERS, PRODUCTS, methods=METHODS, carriers=(CARRIER_A, CARRIER_B),
                                                   day=DAY, carrier_id=2), labels=sh.FilterLabels(buyers=("レストラン",)))
        assert [c.carrier.id for c in listing.carriers] == [2]
        assert listing.title == "まとめた出荷明細表 2025年10月01日(水) ヤマト運輸 (卸先:レストラン)"

    def test_empty(self) -> None:
        listing = sh.shipping_list(sh.DayOrders.of((), BUYERS, PRODUCTS, methods=METHODS, carriers=(CARRIER_A,), day=DAY))
        assert listing.carriers == () and listing.totals == sh.QuantityTotals()


def test_honorific() -> None:
    assert TSUKIJI.honorific == "御中"
    assert replace(TSUKIJI, entity_type=3).honorific == "様"
