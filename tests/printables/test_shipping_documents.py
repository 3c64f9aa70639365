"""The shipping documents end to end (tables → loader → PDF) on every database kind.

The numbers come from the hand-counted fixture in ``shipping_fixtures.py``; text is extracted with
pypdf, so a check like ``"toyosu-market 2 (salmon-1kg) 3 (tuna-200g) 5"`` reads one table row.
"""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from oroshi_desktop.domain.parties import Company
from oroshi_desktop.domain.shipping import (
    NO_FILTERS,
    BuyerInfo,
    CarrierInfo,
    DayOrders,
    MethodInfo,
    OrderRecord,
    ProductInfo,
    ShippingFilters,
    shipping_chart_matrix,
    shipping_list,
)
from oroshi_desktop.errors import NotFound
from oroshi_desktop.queries import preferences
from oroshi_desktop.queries.shipping import (
    load_chart_paper,
    load_packing_slips,
    load_shipping_chart,
    load_shipping_list,
)
from printables.packing_slips import render_packing_slips
from printables.pages import A4, A4_LANDSCAPE, ISO_B4, JIS_B4
from printables.shipping_chart import render_shipping_chart
from printables.shipping_list import render_shipping_list
from tests.printables.shipping_fixtures import (
    ARRIVAL,
    DAY,
    HOSTILE_HANDLE,
    HOSTILE_NAME,
    HOSTILE_NOTE,
    ODD_PRODUCT,
    ShippingIds,
    build_shipping_fixture,
)

HEADER = "卸先 鮭パック マグロパック ホタテパック 試作品 <β&γ> 合計"
NUMBERING = re.compile(r"^(\d+) / (\d+)$")


def pages(pdf: bytes) -> list[str]:
    """Each page's text with every line stripped and joined by single spaces."""
    return [" ".join(ln.strip() for ln in page.extract_text().splitlines() if ln.strip())
            for page in PdfReader(BytesIO(pdf)).pages]


def text(pdf: bytes) -> str:
    return " ".join(pages(pdf))


def flat(s: str) -> str:
    """Without any whitespace (long names wrap inside table cells) and without NUL, which is what
    pypdf extracts for the font's .notdef glyph."""
    return re.sub(r"[\s\x00]+", "", s)


def page_size(pdf: bytes) -> tuple[float, float]:
    box = PdfReader(BytesIO(pdf)).pages[0].mediabox
    return float(box.width), float(box.height)


def hostile_visible(name: str) -> str:
    # The emoji has no glyph in the bundled fonts: it prints as the .notdef box (see flat());
    # every other character must come out literally.
    return flat(name.replace("😀", ""))


@pytest.fixture
def shipping_db(db):
    with db.write() as session:
        ids = build_shipping_fixture(session)
    return db, ids


def chart_pdf(db, ids: ShippingIds, filters: ShippingFilters = NO_FILTERS, *, carrier: int | None = None,
              paper: str = "jis_b4") -> tuple[object, bytes]:
    with db.read() as session:
        chart = load_shipping_chart(session, day=DAY, carrier_id=carrier or ids.carrier_a, filters=filters)
    return chart, render_shipping_chart(chart, paper=paper)


class TestShippingChart:
    def test_rows_columns_and_totals(self, shipping_db) -> None:
        db, ids = shipping_db
        chart, pdf = chart_pdf(db, ids)
        # Data: rows by associated_system_id with the buyer without one last.
        assert [r.buyer.handle for r in chart.rows] == ["toyosu-market", "tsukiji-market", HOSTILE_HANDLE,
                                                       "sapporo-central"]
        assert [r.total for r in chart.rows] == [5, 4, 4, 1]
        assert [chart.column_total(p) for p in (ids.salmon, ids.tuna, ids.scallop, ids.odd)] == [6, 7, 1, 0]
        assert chart.grand_total == 14
        # Print.
        body = text(pdf)
        assert body.startswith("オロシエクスプレス 10月01日 出荷表 " + HEADER)
        assert "toyosu-market 2 (salmon-1kg) 3 (tuna-200g) 5" in body
        assert "tsukiji-market 3 (salmon-1kg) 1 (salmon-500g) 4" in body
        assert "<x&y> 4 (tuna-200g) 4" in body
        assert "sapporo-central 1 (scallop-1kg) 1" in body
        assert body.endswith("合計 6 7 1 14")  # blank for the product nobody ordered
        assert body.index("toyosu-market") < body.index("tsukiji-market") < body.index("<x&y>") < body.index(
            "sapporo-central")
        # The template (50 口) and the next day's order (7 口 of salmon-1kg) are not there.
        assert not re.search(r"\b50\b", body.replace("salmon-500g", "")) and "7 (salmon-1kg)" not in body
        assert "hakodate-asaichi" not in body and "closed-market" not in body and "direct-restaurant" not in body

    def test_paper_is_jis_b4_by_default_and_iso_b4_on_request(self, shipping_db) -> None:
        db, ids = shipping_db
        _, jis = chart_pdf(db, ids)
        _, iso = chart_pdf(db, ids, paper="iso_b4")
        assert page_size(jis) == pytest.approx(JIS_B4, abs=0.01)
        assert page_size(jis) == pytest.approx((257 / 25.4 * 72, 364 / 25.4 * 72), abs=0.01)
        assert page_size(iso) == pytest.approx(ISO_B4, abs=0.01)
        with db.write() as session:
            assert preferences.get_preference(session, preferences.CHART_PAPER) == "jis_b4"
            preferences.set_preference(session, preferences.CHART_PAPER, "iso_b4")
        with db.read() as session:
            paper = load_chart_paper(session)
        assert paper == "iso_b4"
        assert page_size(chart_pdf(db, ids, paper=paper)[1]) == pytest.approx(ISO_B4, abs=0.01)
        with pytest.raises(ValueError, match="paper"):
            chart_pdf(db, ids, paper="a3")

    def test_filters_change_the_content_and_the_title(self, shipping_db) -> None:
        db, ids = shipping_db
        _, urgent = chart_pdf(db, ids, ShippingFilters(order_category_ids=(ids.urgent,)))
        body = text(urgent)
        assert body.startswith("オロシエクスプレス 10月01日 出荷表 (注文カテゴリ:緊急注文) " + HEADER)
        assert "toyosu-market 2 (salmon-1kg) 2" in body and "tsukiji-market 2 (salmon-1kg) 2" in body
        assert "<x&y> 4 (tuna-200g) 4" in body  # it is both 通常 and 緊急
        assert "sapporo-central" not in body and body.endswith("合計 4 4 8")

        _, frozen = chart_pdf(db, ids, ShippingFilters(shipping_method_ids=(ids.frozen,)))
        body = text(frozen)
        assert "(出荷方法:冷凍便)" in body
        assert [h for h in ("toyosu-market", "tsukiji-market", "<x&y>", "sapporo-central") if h in body] == [
            "toyosu-market", "<x&y>"]
        assert "toyosu-market 3 (tuna-200g) 3" in body and body.endswith("合計 7 7")

        _, one = chart_pdf(db, ids, ShippingFilters(buyer_ids=(ids.tsukiji,), order_category_ids=(ids.normal,)))
        body = text(one)
        assert "(注文カテゴリ:通常注文, 卸先:築地市場)" in body
        assert "tsukiji-market 1 (salmon-1kg) 1 (salmon-500g) 2" in body
        assert "toyosu-market" not in body and body.endswith("合計 2 2")

    def test_empty_buyer_options(self, shipping_db) -> None:
        db, ids = shipping_db
        chart, pdf = chart_pdf(db, ids, ShippingFilters(print_empty_buyers="all"))
        assert [r.buyer.handle for r in chart.rows] == ["toyosu-market", "tsukiji-market", "hakodate-asaichi",
                                                       HOSTILE_HANDLE, "sapporo-central"]
        assert "tsukiji-market 3 (salmon-1kg) 1 (salmon-500g) 4 hakodate-asaichi <x&y>" in text(pdf)
        chart, pdf = chart_pdf(db, ids, ShippingFilters(print_empty_buyers=ids.dining))
        assert [r.buyer.handle for r in chart.rows] == ["toyosu-market", "tsukiji-market", "direct-restaurant",
                                                       HOSTILE_HANDLE, "sapporo-central"]
        assert chart.grand_total == 14  # an empty row adds nothing
        assert "direct-restaurant" in text(pdf)

    def test_a_carrier_without_orders_prints_the_header_and_an_empty_table(self, shipping_db) -> None:
        db, ids = shipping_db
        chart, pdf = chart_pdf(db, ids, carrier=ids.carrier_empty)
        assert chart.rows == () and chart.grand_total == 0
        assert pages(pdf) == [f"空便運送 10月01日 出荷表 {HEADER} 合計 該当する出荷はありません"]

    def test_unknown_ids_name_the_id(self, shipping_db) -> None:
        db, ids = shipping_db
        with db.read() as session:
            with pytest.raises(NotFound) as err:
                load_shipping_chart(session, day=DAY, carrier_id=987654, filters=ShippingFilters())
            assert "987654" in err.value.message and "987654" in err.value.message_ja
            assert "運送会社" in err.value.message_ja
            with pytest.raises(NotFound, match="buyer category 424242"):
                load_shipping_chart(session, day=DAY, carrier_id=ids.carrier_a,
                                    filters=ShippingFilters(print_empty_buyers=424242))
            with pytest.raises(NotFound, match="31337"):
                load_shipping_chart(session, day=DAY, carrier_id=ids.carrier_a,
                                    filters=ShippingFilters(buyer_ids=(31337,)))
            with pytest.raises(NotFound, match="shipping methods"):
                load_shipping_list(session, day=DAY, filters=ShippingFilters(shipping_method_ids=(31337,)))


class TestPackingSlips:
    def test_one_slip_per_buyer_each_numbered_on_its_own(self, shipping_db) -> None:
        db, _ = shipping_db
        with db.read() as session:
            slips = load_packing_slips(session, day=DAY)
            company = preferences.load_company(session)
        assert [s.buyer.handle for s in slips] == ["toyosu-market", "tsukiji-market", "direct-restaurant",
                                                  HOSTILE_HANDLE, "sapporo-central"]
        pdf = render_packing_slips(slips, company)
        assert page_size(pdf) == pytest.approx(A4, abs=0.01)
        texts = pages(pdf)
        assert len(texts) == 5
        for page in texts:
            assert page.startswith("卸先用出荷表 ")
            assert page.endswith(" 1 / 1")  # each slip restarts the numbering
            assert "株式会社オロシサーモン" in page and "TEL 011-555-0123 FAX 011-555-0124" in page
            assert "T1234567890123" not in page  # the registration number is never printed
        tsukiji = texts[1]
        assert "築地市場 御中" in tsukiji and "〒104-0045 東京都中央区築地5-2-1 水産棟" in tsukiji
        assert "TEL 03-1111-2222 FAX 03-1111-2223" in tsukiji
        assert "出荷日 2025年10月01日(水) 到着日 2025年10月02日(木)" in tsukiji
        assert "運送会社・出荷方法 オロシエクスプレス 冷蔵便" in tsukiji
        assert "1 鮭パック 鮭フィレ 1kg 冷蔵便 30 3 保冷箱M 1" in tsukiji
        assert "2 鮭パック 鮭フィレ 1kg 冷蔵便 40 4 保冷箱M 2" in tsukiji
        assert "3 鮭パック 鮭フィレ 500g 冷蔵便 10 1 保冷箱S 1 午前着希望" in tsukiji
        assert "合計 80 8 4" in tsukiji
        assert "500" not in tsukiji.replace("500g", "")  # the template's 500 items
        toyosu = texts[0]
        assert "運送会社・出荷方法 オロシエクスプレス 冷蔵便、オロシエクスプレス 冷凍便" in toyosu
        assert "合計 120 12 5" in toyosu
        assert "ヤマト運輸 クール便 直送便" in texts[2] and "合計 10 1 1" in texts[2]
        assert "到着日 2025年10月03日(金)" in texts[4]

    def test_carrier_and_filters(self, shipping_db) -> None:
        db, ids = shipping_db
        with db.read() as session:
            by_carrier = load_packing_slips(session, day=DAY, carrier_id=ids.carrier_b)
            urgent = load_packing_slips(session, day=DAY, carrier_id=ids.carrier_a,
                                        filters=ShippingFilters(order_category_ids=(ids.urgent,)))
            nothing = load_packing_slips(session, day=date(2025, 12, 24))
        assert [s.buyer.handle for s in by_carrier] == ["direct-restaurant"]
        assert [(s.buyer.handle, s.totals.freight) for s in urgent] == [("toyosu-market", 2), ("tsukiji-market", 2),
                                                                        (HOSTILE_HANDLE, 4)]
        assert nothing == ()
        assert pages(render_packing_slips(nothing, Company(name="x"))) == ["卸先用出荷表 該当する出荷はありません 1 / 1"]


class TestShippingList:
    def test_grouped_by_carrier_and_buyer_with_totals(self, shipping_db) -> None:
        db, _ = shipping_db
        with db.read() as session:
            listing = load_shipping_list(session, day=DAY)
            company = preferences.load_company(session)
        pdf = render_shipping_list(listing, company)
        assert page_size(pdf) == pytest.approx(A4_LANDSCAPE, abs=0.01)
        body = text(pdf)
        assert body.startswith("まとめた出荷明細表 2025年10月01日(水) 全運送会社 株式会社オロシサーモン")
        assert "卸先 商品 規格 出荷方法 商品数量 容器数量 容器 口数 到着日 備考 オロシエクスプレス 豊洲市場" in body
        assert "豊洲市場 鮭パック 鮭フィレ 1kg 冷蔵便 20 2 保冷箱M 2 10月02日" in body
        assert "豊洲市場 計 120 12 5" in body
        assert "築地市場 計 80 8 4" in body
        assert "札幌中央卸売市場 ホタテパック 活ホタテ 1kg 冷蔵便 25 2 保冷箱M 1 10月03日 札幌中央卸売市場 計 25 2 1" in body
        assert "オロシエクスプレス 合計 233 23 14" in body
        assert "ヤマト運輸 クール便 レストラン直送 鮭パック 鮭フィレ 500g 直送便 10 1 保冷箱S 1 10月02日" in body
        assert "ヤマト運輸 クール便 合計 10 1 1" in body
        assert body.endswith("総合計 243 24 15")
        assert body.index("豊洲市場") < body.index("築地市場") < body.index("札幌中央卸売市場") < body.index("ヤマト運輸")
        assert " 500 " not in body and "週次" not in body  # the template

    def test_one_carrier_with_filter(self, shipping_db) -> None:
        db, ids = shipping_db
        with db.read() as session:
            listing = load_shipping_list(session, day=DAY, carrier_id=ids.carrier_a,
                                         filters=ShippingFilters(shipping_method_ids=(ids.chilled,)))
            company = preferences.load_company(session)
        body = text(render_shipping_list(listing, company))
        assert body.startswith("まとめた出荷明細表 2025年10月01日(水) オロシエクスプレス (出荷方法:冷蔵便)")
        assert "ヤマト運輸" not in body and "マグロ" not in body
        assert body.endswith("総合計 125 12 7")


def test_hostile_names_print_literally(shipping_db) -> None:
    db, ids = shipping_db
    with db.read() as session:
        chart = load_shipping_chart(session, day=DAY, carrier_id=ids.carrier_a, filters=ShippingFilters())
        slips = load_packing_slips(session, day=DAY, carrier_id=ids.carrier_a)
        listing = load_shipping_list(session, day=DAY)
        company = preferences.load_company(session)
    assert len(HOSTILE_NAME) == 200
    chart_text = text(render_shipping_chart(chart))
    assert HOSTILE_HANDLE in chart_text and ODD_PRODUCT in chart_text
    slip_pages = pages(render_packing_slips(slips, company))
    hostile_slip = next(p for p in slip_pages if HOSTILE_HANDLE in p)
    assert hostile_visible(HOSTILE_NAME) + "様" in flat(hostile_slip)  # an individual: 様, not 御中
    assert flat(HOSTILE_NOTE) in flat(hostile_slip)
    list_text = flat(text(render_shipping_list(listing, company)))
    assert list_text.count(hostile_visible(HOSTILE_NAME)) == 2  # its line and its subtotal
    assert flat(HOSTILE_NOTE) in list_text


def _big_day(buyers: int, per_buyer: int) -> tuple[list[OrderRecord], list[BuyerInfo], list[ProductInfo]]:
    products = [ProductInfo(i, f"商品{i}", i) for i in range(1, 7)]
    people = [BuyerInfo(i, f"卸先{i:04d}", f"b{i:04d}", "#336699", f"{i:04d}", shipping_method_ids=frozenset({1}))
              for i in range(1, buyers + 1)]
    orders = [
        OrderRecord(order_id=b.id * 100 + k, buyer_id=b.id, product_id=products[k % 6].id, product_variation_id=k % 6,
                    variation_handle=f"v{k % 6}", variation_name=f"規格{k % 6}", shipping_method_id=1,
                    receptacle_name="箱", item_quantity=10, receptacle_quantity=1, freight_quantity=1,
                    shipping_date=DAY, arrival_date=ARRIVAL)
        for b in people for k in range(per_buyer)
    ]
    return orders, people, products


def test_long_documents_repeat_the_header_on_every_page() -> None:
    orders, buyers, products = _big_day(buyers=150, per_buyer=8)
    carrier = CarrierInfo(1, "大口運送", method_ids=frozenset({1}))
    chart = shipping_chart_matrix(orders, buyers, products, carrier=carrier, day=DAY)
    chart_pages = pages(render_shipping_chart(chart))
    assert len(chart_pages) > 1
    for number, page in enumerate(chart_pages, start=1):
        assert "卸先 商品1 商品2 商品3 商品4 商品5 商品6 合計" in page
        assert page.endswith(f"{number} / {len(chart_pages)}")
    whole = " ".join(chart_pages)
    assert all(whole.count(f" b{i:04d} ") == 1 for i in range(1, 151))
    assert chart.grand_total == 1200 and "合計 300 300 150 150 150 150 1,200" in whole

    listing = shipping_list(DayOrders.of(orders, buyers, products, methods=[MethodInfo(1, "便", 1)],
                                           carriers=[carrier], day=DAY))
    list_pages = pages(render_shipping_list(listing, Company(name="テスト")))
    assert len(list_pages) > 10
    for page in list_pages[1:]:
        assert page.startswith("卸先 商品 規格 出荷方法 商品数量 容器数量 容器 口数 到着日 備考")
    whole = " ".join(list_pages)
    assert whole.count("10月02日") == 1200
    assert whole.endswith("総合計 12,000 1,200 1,200 " + f"{len(list_pages)} / {len(list_pages)}")
