"""An exact, hand-counted sales data set for the shipping documents (出荷表, 卸先用出荷表, まとめた出荷明細表).

Day 2025-10-01, carrier A オロシエクスプレス (冷蔵便, 冷凍便), carrier B ヤマト運輸 クール便 (直送便), and
carrier C 空便運送 (空便) with no orders at all.

Freight units (口) of the non-template orders on the day, carrier A:

| buyer (system id)        | 鮭パック                          | マグロパック   | ホタテパック | total |
|--------------------------|-----------------------------------|---------------|-------------|-------|
| toyosu-market (001)      | 2 salmon-1kg [緊急]                | 3 tuna-200g   |             | 5     |
| tsukiji-market (002)     | 1+2 salmon-1kg [通常, 緊急], 1 salmon-500g |        |             | 4     |
| hostile (005)            |                                   | 4 tuna-200g (冷凍便) |       | 4     |
| sapporo-central (None)   |                                   |               | 1 scallop-1kg | 1   |
| total                    | 6                                 | 7             | 1           | 14    |

Plus: a template order (50 口 to tsukiji) that must never print, an order on carrier B
(direct-restaurant, 1 口), one on another day (7 口), an empty active buyer of carrier A
(hakodate-asaichi, 004) and an inactive one (closed-market, 006).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from oroshi_desktop.db import models as m

DAY = date(2025, 10, 1)
ARRIVAL = date(2025, 10, 2)

HOSTILE_NAME = ('<b>&"悪意"</b>\'&amp; 卸 😀 ' + "長い名前" * 50)[:200]
HOSTILE_HANDLE = "<x&y>"
HOSTILE_NOTE = "<script>&注意</script>"
ODD_PRODUCT = "試作品 <β&γ>"

COMPANY = {
    "name": "株式会社オロシサーモン", "postal_code": "060-0042", "address": "北海道札幌市中央区大通西1-1-1 オロシビル5F",
    "phone": "011-555-0123", "fax": "011-555-0124", "mail": "info@oroshi-salmon.jp", "invoice_number": "T1234567890123",
}


@dataclass(frozen=True)
class ShippingIds:
    carrier_a: int
    carrier_b: int
    carrier_empty: int
    chilled: int  # 冷蔵便 (A)
    frozen: int  # 冷凍便 (A)
    direct: int  # 直送便 (B)
    tsukiji: int
    toyosu: int
    sapporo: int
    restaurant: int
    hakodate: int
    closed: int
    hostile: int
    markets: int  # buyer category 市場
    dining: int  # buyer category 飲食
    normal: int  # order category 通常注文
    urgent: int  # order category 緊急注文
    salmon: int
    tuna: int
    scallop: int
    odd: int
    template_order: int


def build_shipping_fixture(session: Session) -> ShippingIds:
    session.add(m.SettingsRow(name="oroshi_company_settings", settings=COMPANY))
    supply_type = m.SupplyType(name="鮭", units="kg", position=1, active=True)
    carrier_a = m.ShippingOrganization(name="オロシエクスプレス", handle="oroshi-express", active=True)
    carrier_b = m.ShippingOrganization(name="ヤマト運輸 クール便", handle="yamato-cool", active=True)
    carrier_c = m.ShippingOrganization(name="空便運送", handle="empty-carrier", active=True)
    box_s = m.ShippingReceptacle(name="保冷箱S", handle="box-s", cost=800.0, default_freight_bundle_quantity=10)
    box_m = m.ShippingReceptacle(name="保冷箱M", handle="box-m", cost=1200.0, default_freight_bundle_quantity=20)
    markets = m.BuyerCategory(name="市場", symbol="市", color="#336699")
    dining = m.BuyerCategory(name="飲食", symbol="飲", color="#996633")
    normal = m.OrderCategory(name="通常注文", color="#1e90ff")
    urgent = m.OrderCategory(name="緊急注文", color="#ff4444")
    session.add_all([supply_type, carrier_a, carrier_b, carrier_c, box_s, box_m, markets, dining, normal, urgent])
    session.flush()

    def method(carrier: m.ShippingOrganization, name: str, handle: str) -> m.ShippingMethod:
        return m.ShippingMethod(shipping_organization_id=carrier.id, name=name, handle=handle, daily_cost=0.0,
                                per_shipping_receptacle_cost=0.0, per_freight_unit_cost=0.0, departure_times=[])

    chilled = method(carrier_a, "冷蔵便", "chilled")
    frozen = method(carrier_a, "冷凍便", "frozen")
    direct = method(carrier_b, "直送便", "direct")
    empty = method(carrier_c, "空便", "empty")

    def buyer(name: str, handle: str, system_id: str | None, color: str | None, *, entity_type: int = 0,
              active: bool = True) -> m.Buyer:
        return m.Buyer(name=name, handle=handle, associated_system_id=system_id, color=color, entity_type=entity_type,
                       handling_cost=0.0, daily_cost=0.0, optional_cost=0.0, commission_percentage=0,
                       representative_phone=None, active=active)

    tsukiji = buyer("築地市場", "tsukiji-market", "002", "#4ecdc4")
    tsukiji.representative_phone = "03-1111-2222"
    tsukiji.fax = "03-1111-2223"
    toyosu = buyer("豊洲市場", "toyosu-market", "001", "#ff6b6b")
    sapporo = buyer("札幌中央卸売市場", "sapporo-central", None, "#95e1d3")
    restaurant = buyer("レストラン直送", "direct-restaurant", "003", "#f38181", entity_type=1)
    hakodate = buyer("函館朝市", "hakodate-asaichi", "004", "#aa66cc")
    closed = buyer("閉鎖市場", "closed-market", "006", "#000000", active=False)
    hostile = buyer(HOSTILE_NAME, HOSTILE_HANDLE, "005", "not-a-colour", entity_type=3)

    salmon = m.Product(name="鮭パック", units="kg", supply_type_id=supply_type.id, position=1, active=True)
    tuna = m.Product(name="マグロパック", units="kg", supply_type_id=supply_type.id, position=2, active=True)
    scallop = m.Product(name="ホタテパック", units="kg", supply_type_id=supply_type.id, position=3, active=False)
    odd = m.Product(name=ODD_PRODUCT, units="個", supply_type_id=supply_type.id, position=None, active=True)
    session.add_all([chilled, frozen, direct, empty, tsukiji, toyosu, sapporo, restaurant, hakodate, closed, hostile,
                     salmon, tuna, scallop, odd])
    session.flush()

    session.add(m.Address(addressable_type="Oroshi::Buyer", addressable_id=tsukiji.id, postal_code="104-0045",
                          subregion_id=13, city="中央区", address1="築地5-2-1", address2="水産棟", default=True))
    for b, methods in ((tsukiji, [chilled]), (toyosu, [chilled, frozen]), (sapporo, [chilled]),
                       (restaurant, [direct]), (hakodate, [chilled]), (closed, [chilled]), (hostile, [frozen])):
        for method in methods:
            session.add(m.BuyerShippingMethod(buyer_id=b.id, shipping_method_id=method.id))
    for b, category in ((tsukiji, markets), (toyosu, markets), (sapporo, markets), (hakodate, markets),
                        (closed, markets), (restaurant, dining)):
        session.add(m.BuyerBuyerCategory(buyer_id=b.id, buyer_category_id=category.id))

    def variation(product: m.Product, name: str, handle: str, box: m.ShippingReceptacle) -> m.ProductVariation:
        return m.ProductVariation(product_id=product.id, name=name, handle=handle, primary_content_volume=1.0,
                                  default_shipping_receptacle_id=box.id, shelf_life=5, active=True)

    salmon_1kg = variation(salmon, "鮭フィレ 1kg", "salmon-1kg", box_m)
    salmon_500 = variation(salmon, "鮭フィレ 500g", "salmon-500g", box_s)
    tuna_200 = variation(tuna, "マグロサク 200g", "tuna-200g", box_s)
    scallop_1kg = variation(scallop, "活ホタテ 1kg", "scallop-1kg", box_m)
    session.add_all([salmon_1kg, salmon_500, tuna_200, scallop_1kg])
    session.flush()
    stock = {}
    for v in (salmon_1kg, salmon_500, tuna_200, scallop_1kg):
        stock[v.id] = m.ProductInventory(product_variation_id=v.id, manufacture_date=DAY, expiration_date=date(2025, 10, 8),
                                         quantity=100)
    session.add_all(stock.values())
    session.flush()

    def order(b: m.Buyer, v: m.ProductVariation, method: m.ShippingMethod, box: m.ShippingReceptacle, *, items: int, boxes: int,
              freight: int, categories: tuple[m.OrderCategory, ...] = (), day: date = DAY, arrival: date = ARRIVAL,
              note: str | None = None) -> m.Order:
        o = m.Order(buyer_id=b.id, product_variation_id=v.id, product_inventory_id=stock[v.id].id,
                    shipping_method_id=method.id, shipping_receptacle_id=box.id, shipping_date=day, arrival_date=arrival,
                    item_quantity=items, receptacle_quantity=boxes, freight_quantity=freight,
                    sale_price_per_item=100.0, status=1, note=note)
        session.add(o)
        session.flush()
        for c in categories:
            session.add(m.OrderOrderCategory(order_id=o.id, order_category_id=c.id))
        return o

    order(tsukiji, salmon_1kg, chilled, box_m, items=30, boxes=3, freight=1, categories=(normal,))
    order(tsukiji, salmon_1kg, chilled, box_m, items=40, boxes=4, freight=2, categories=(urgent,))
    order(tsukiji, salmon_500, chilled, box_s, items=10, boxes=1, freight=1, categories=(normal,), note="午前着希望")
    order(toyosu, tuna_200, frozen, box_s, items=100, boxes=10, freight=3, categories=(normal,))
    order(toyosu, salmon_1kg, chilled, box_m, items=20, boxes=2, freight=2, categories=(urgent,))
    order(sapporo, scallop_1kg, chilled, box_m, items=25, boxes=2, freight=1, categories=(normal,),
          arrival=date(2025, 10, 3))
    order(hostile, tuna_200, frozen, box_s, items=8, boxes=1, freight=4, categories=(normal, urgent), note=HOSTILE_NOTE)
    template = order(tsukiji, salmon_1kg, chilled, box_m, items=500, boxes=50, freight=50, categories=(normal,))
    session.add(m.OrderTemplate(order_id=template.id, identifier="週次サーモン配送", notes="毎週"))
    order(restaurant, salmon_500, direct, box_s, items=10, boxes=1, freight=1, categories=(normal,))
    order(tsukiji, salmon_1kg, chilled, box_m, items=70, boxes=7, freight=7, categories=(normal,),
          day=date(2025, 10, 2), arrival=date(2025, 10, 3))
    session.flush()
    return ShippingIds(
        carrier_a=carrier_a.id, carrier_b=carrier_b.id, carrier_empty=carrier_c.id, chilled=chilled.id,
        frozen=frozen.id, direct=direct.id, tsukiji=tsukiji.id, toyosu=toyosu.id, sapporo=sapporo.id,
        restaurant=restaurant.id, hakodate=hakodate.id, closed=closed.id, hostile=hostile.id, markets=markets.id,
        dining=dining.id, normal=normal.id, urgent=urgent.id, salmon=salmon.id, tuna=tuna.id, scallop=scallop.id,
        odd=odd.id, template_order=template.id,
    )
