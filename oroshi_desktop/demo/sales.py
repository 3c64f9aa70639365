"""Demo sales side: buyers, carriers, receptacles, products and the orders around today."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from oroshi_desktop.db import models
from oroshi_desktop.demo import catalog
from oroshi_desktop.demo.catalog import BuyerSpec, ProductVariationSpec
from oroshi_desktop.demo.context import Context

STATUS_CONFIRMED = 1  # 確認済み
NOTE_CHANCE = 0.15
URGENT_CHANCE = 0.08
BOXES_PER_FREIGHT_UNIT = 4  # §7: 3–4 boxes make one 口, 8–11 boxes two or three


@dataclass(frozen=True)
class MethodState:
    id: int
    per_box: float
    per_freight: float


@dataclass(frozen=True)
class BuyerState:
    id: int
    spec: BuyerSpec


@dataclass(frozen=True)
class VariationState:
    id: int
    inventory_id: int
    spec: ProductVariationSpec
    receptacle_id: int
    receptacle_cost: float


@dataclass
class SalesMaster:
    buyers: dict[str, BuyerState]  # by handle
    methods: dict[str, MethodState]  # by handle
    variations: dict[str, VariationState]  # by handle
    categories: dict[str, int]  # by name


def create_master(ctx: Context, supply_type_ids: dict[str, int]) -> SalesMaster:
    w, created = ctx.writer, ctx.created
    stamps = {"created_at": created, "updated_at": created}

    cat_table = models.BuyerCategory.__table__
    cat_ids = w.reserve_ids(cat_table, len(catalog.BUYER_CATEGORIES))
    for cat_id, (name, symbol, color) in zip(cat_ids, catalog.BUYER_CATEGORIES, strict=True):
        w.add(cat_table, {"id": cat_id, "name": name, "symbol": symbol, "color": color, **stamps})

    carrier_table, method_table = models.ShippingOrganization.__table__, models.ShippingMethod.__table__
    carrier_ids = w.reserve_ids(carrier_table, len(catalog.CARRIERS))
    methods: dict[str, MethodState] = {}
    for carrier_id, (name, handle, method_specs) in zip(carrier_ids, catalog.CARRIERS, strict=True):
        w.add(carrier_table, {"id": carrier_id, "name": name, "handle": handle, "active": True, **stamps})
        for method_id, (m_name, m_handle, daily, per_box, per_freight, departures) in zip(
                w.reserve_ids(method_table, len(method_specs)), method_specs, strict=True):
            w.add(method_table, {
                "id": method_id, "shipping_organization_id": carrier_id, "name": m_name, "handle": m_handle,
                "daily_cost": float(daily), "per_shipping_receptacle_cost": float(per_box),
                "per_freight_unit_cost": float(per_freight), "departure_times": list(departures),
                "active": True, **stamps,
            })
            methods[m_handle] = MethodState(method_id, float(per_box), float(per_freight))

    buyer_table = models.Buyer.__table__
    buyer_cat_table, buyer_method_table = models.BuyerBuyerCategory.__table__, models.BuyerShippingMethod.__table__
    specs = list(catalog.NAMED_BUYERS) + _generated_buyers(ctx)
    buyers: dict[str, BuyerState] = {}
    for buyer_id, spec in zip(w.reserve_ids(buyer_table, len(specs)), specs, strict=True):
        w.add(buyer_table, {
            "id": buyer_id, "name": spec.name, "handle": spec.handle, "color": spec.color,
            "associated_system_id": spec.associated_system_id, "entity_type": spec.entity_type,
            "handling_cost": float(spec.handling_cost), "handling_cost_notes": None,
            "daily_cost": float(spec.daily_cost), "daily_cost_notes": None,
            "optional_cost": float(spec.optional_cost), "optional_cost_notes": None,
            "commission_percentage": Decimal(spec.commission), "representative_phone": spec.phone,
            "fax": None, "brokerage": spec.brokerage, "active": True, **stamps,
        })
        w.add(buyer_cat_table, {"buyer_category_id": cat_ids[spec.category], "buyer_id": buyer_id, **stamps})
        for handle in spec.methods:
            w.add(buyer_method_table, {"buyer_id": buyer_id, "shipping_method_id": methods[handle].id, **stamps})
        buyers[spec.handle] = BuyerState(buyer_id, spec)

    rec_table = models.ShippingReceptacle.__table__
    receptacles: dict[str, tuple[int, float]] = {}
    for rec_id, (name, handle, cost, bundle, inner, outer) in zip(
            w.reserve_ids(rec_table, len(catalog.RECEPTACLES)), catalog.RECEPTACLES, strict=True):
        w.add(rec_table, {
            "id": rec_id, "name": name, "handle": handle, "cost": float(cost),
            "default_freight_bundle_quantity": bundle,
            **{f"interior_{k}": Decimal(v) for k, v in zip(("width", "depth", "height"), inner, strict=True)},
            **{f"exterior_{k}": Decimal(v) for k, v in zip(("width", "depth", "height"), outer, strict=True)},
            "active": True, **stamps,
        })
        receptacles[handle] = (rec_id, float(cost))

    product_table = models.Product.__table__
    product_ids = dict(zip((p[0] for p in catalog.PRODUCTS),
                           w.reserve_ids(product_table, len(catalog.PRODUCTS)), strict=True))
    for position, (name, units, type_handle) in enumerate(catalog.PRODUCTS, start=1):
        w.add(product_table, {
            "id": product_ids[name], "name": name, "units": units, "supply_type_id": supply_type_ids[type_handle],
            "exterior_width": None, "exterior_depth": None, "exterior_height": None,
            "tax_rate": Decimal("0.0"), "supply_loss_adjustment": Decimal("1.0"), "position": position,
            "active": True, **stamps,
        })

    pv_table, inv_table = models.ProductVariation.__table__, models.ProductInventory.__table__
    pv_specs = catalog.PRODUCT_VARIATIONS
    pv_ids = w.reserve_ids(pv_table, len(pv_specs))
    inv_ids = w.reserve_ids(inv_table, len(pv_specs))
    variations: dict[str, VariationState] = {}
    for pv_id, inv_id, pv_spec in zip(pv_ids, inv_ids, pv_specs, strict=True):
        rec_id, rec_cost = receptacles[pv_spec.receptacle]
        w.add(pv_table, {
            "id": pv_id, "product_id": product_ids[pv_spec.product], "name": pv_spec.name, "handle": pv_spec.handle,
            "primary_content_volume": pv_spec.volume, "primary_content_country_id": catalog.COUNTRY_JAPAN,
            "primary_content_subregion_id": pv_spec.subregion_id, "default_shipping_receptacle_id": rec_id,
            "default_per_box": pv_spec.per_box, "shelf_life": pv_spec.shelf_life,
            "spacing_volume_adjustment": Decimal("1.0"), "active": True, **stamps,
        })
        # Orders need a product_inventory_id (NOT NULL): one current lot per variation.
        w.add(inv_table, {
            "id": inv_id, "product_variation_id": pv_id, "manufacture_date": ctx.today,
            "expiration_date": ctx.today + timedelta(days=pv_spec.shelf_life),
            "quantity": ctx.rng.randint(0, 50), "created_at": ctx.at(ctx.today, 7), "updated_at": ctx.at(ctx.today, 7),
        })
        variations[pv_spec.handle] = VariationState(pv_id, inv_id, pv_spec, rec_id, rec_cost)

    oc_table = models.OrderCategory.__table__
    categories = {}
    for oc_id, (name, color) in zip(w.reserve_ids(oc_table, len(catalog.ORDER_CATEGORIES)),
                                    catalog.ORDER_CATEGORIES, strict=True):
        w.add(oc_table, {"id": oc_id, "name": name, "color": color, **stamps})
        categories[name] = oc_id

    w.report(cat_table, buyer_table, buyer_cat_table, carrier_table, method_table, buyer_method_table,
             rec_table, product_table, pv_table, inv_table, oc_table)
    return SalesMaster(buyers, methods, variations, categories)


def _generated_buyers(ctx: Context) -> list[BuyerSpec]:
    rng, specs, names = ctx.rng, [], set()
    method_choices = ("oroshi-chilled",) * 3 + ("oroshi-frozen", "yamato-direct")
    for i in range(ctx.plan.extra_buyers):
        entity_type, pattern = rng.choice(catalog.BUYER_PATTERNS)
        name = pattern.format(city=rng.choice(catalog.BUYER_CITIES), family=rng.choice(catalog.FAMILY_NAMES))
        if name in names:
            name = f"{name} {i + 6}"
        names.add(name)
        market = entity_type == 0
        specs.append(BuyerSpec(
            name=name, handle=f"buyer-{i + 6:05d}", entity_type=entity_type,
            handling_cost=float(rng.randrange(300, 2001, 100)), daily_cost=float(rng.randrange(0, 1001, 100)),
            optional_cost=float(rng.choice((0, 0, 200, 300))),
            commission=str(Decimal(rng.randrange(0, 61, 5)) / 10) if market else "0",
            color=f"#{rng.randrange(0x1000000):06x}", associated_system_id=f"{i + 5:03d}",
            category=0 if market else 1, methods=(rng.choice(method_choices),),
            phone=f"0{rng.randint(10, 999)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}", brokerage=market,
        ))
    return specs


@dataclass(frozen=True)
class OrderLine:
    buyer: str
    variation: str
    method: str
    day: date
    items: int
    boxes: int
    freight: int
    categories: tuple[str, ...] = ("通常注文",)
    note: str | None = None


def create_orders(ctx: Context, master: SalesMaster) -> None:
    """§7's order patterns over the window around today, then the generated buyers' orders."""
    rng, plan = ctx.rng, ctx.plan
    first = ctx.today - timedelta(days=plan.order_days)
    window = [first + timedelta(days=i) for i in range(2 * plan.order_days + 1)]
    weeks = max(1, plan.order_days // 7)
    lines: list[OrderLine] = []
    for i, day in enumerate(window):
        lines.append(OrderLine("tsukiji-market", "salmon-fillet-1kg", "oroshi-chilled", day,
                               rng.randint(30, 49), rng.randint(3, 4), 1))
        if i % 2 == 0:
            lines.append(OrderLine("toyosu-market", "tuna-saku-200g", "oroshi-frozen", day,
                                   rng.randint(80, 119), rng.randint(8, 11), rng.randint(2, 3)))
    for day in rng.sample(window, 3 * weeks):
        lines.append(OrderLine("sapporo-central", "live-scallop-1kg", "oroshi-chilled", day,
                               rng.randint(20, 29), 2, 1))
    for day in rng.sample(window, weeks):
        lines.append(OrderLine("direct-restaurant", "salmon-fillet-500g", "yamato-direct", day, 10, 1, 1,
                               ("サンプル注文",), "ランチ用の試食サンプル"))
    for offset in (0, 2):
        lines.append(OrderLine("hakodate-asaichi", "salmon-fillet-500g", "oroshi-chilled",
                               ctx.today + timedelta(days=offset), rng.randint(15, 25), rng.randint(1, 2), 1))
    lines.sort(key=lambda line: line.day)
    # A few of §7's orders get urgency, notes, or two categories (filters must not double them).
    for idx in rng.sample(range(len(lines)), max(1, len(lines) // 10)):
        line = lines[idx]
        if line.categories != ("通常注文",):
            continue  # keep the restaurant's sample order a sample
        lines[idx] = replace(line, categories=("緊急注文",), note="至急：午前着希望")
    tuna = next(i for i, line in enumerate(lines) if line.buyer == "toyosu-market")
    lines[tuna] = replace(lines[tuna], categories=("通常注文", "試験注文"), note="新しい冷凍方法の試験出荷")
    _write_orders(ctx, master, lines)

    profiles = [(buyer, rng.uniform(0.4, 0.8),
                 rng.sample(list(master.variations), rng.randint(1, len(master.variations))))
                for buyer in master.buyers.values() if buyer.spec.handle.startswith("buyer-")]
    for day in window:
        day_lines = []
        for buyer, chance, wanted in profiles:
            if rng.random() > chance:
                continue
            for handle in wanted:
                day_lines.append(_generated_line(ctx, master, buyer, handle, day))
        _write_orders(ctx, master, day_lines)

    _write_templates(ctx, master)
    w = ctx.writer
    w.report(models.Order.__table__, models.OrderOrderCategory.__table__, models.OrderTemplate.__table__)


def _generated_line(ctx: Context, master: SalesMaster, buyer: BuyerState, handle: str, day: date) -> OrderLine:
    rng = ctx.rng
    per_box = master.variations[handle].spec.per_box
    items = rng.randint(per_box // 2, per_box * 6)
    boxes = max(1, math.ceil(items / per_box))
    roll = rng.random()
    categories: tuple[str, ...] = ("通常注文",)
    if roll < URGENT_CHANCE:
        categories = ("緊急注文",)
    elif roll < URGENT_CHANCE + 0.02:
        categories = ("サンプル注文",)
    elif roll < URGENT_CHANCE + 0.03:
        categories = ("試験注文",)
    note = rng.choice(catalog.ORDER_NOTES) if rng.random() < NOTE_CHANCE else None
    return OrderLine(buyer.spec.handle, handle, buyer.spec.methods[0], day, items, boxes,
                     max(1, math.ceil(boxes / BOXES_PER_FREIGHT_UNIT)), categories, note)


def _write_orders(ctx: Context, master: SalesMaster, lines: list[OrderLine]) -> list[int]:
    w, rng = ctx.writer, ctx.rng
    order_table, link_table = models.Order.__table__, models.OrderOrderCategory.__table__
    ids = w.reserve_ids(order_table, len(lines))
    for order_id, line in zip(ids, lines, strict=True):
        buyer, method = master.buyers[line.buyer], master.methods[line.method]
        variation = master.variations[line.variation]
        # Taken a few days ahead, never in the future (a past order was entered before it shipped).
        created = ctx.at(min(line.day - timedelta(days=rng.randint(1, 5)), ctx.today), 10, rng.randint(0, 59))
        w.add(order_table, {
            "id": order_id, "buyer_id": buyer.id, "product_variation_id": variation.id,
            "product_inventory_id": variation.inventory_id, "shipping_method_id": method.id,
            "shipping_receptacle_id": variation.receptacle_id, "shipping_date": line.day,
            "arrival_date": line.day + timedelta(days=1), "item_quantity": line.items,
            "receptacle_quantity": line.boxes, "freight_quantity": line.freight,
            "sale_price_per_item": float(rng.randrange(variation.spec.price[0], variation.spec.price[1] + 1, 10)),
            # The web system derives these on save; the demo stores the same formulas' results.
            "shipping_cost": line.boxes * (buyer.spec.handling_cost + method.per_box) + line.freight * method.per_freight,
            "materials_cost": variation.receptacle_cost * line.boxes, "adjustment": 0.0,
            "add_buyer_optional_cost": False, "bundled_shipping_receptacle": False, "bundled_with_order_id": None,
            "status": STATUS_CONFIRMED, "note": line.note, "payment_receipt_id": None,
            "created_at": created, "updated_at": created,
        })
        for name in line.categories:
            w.add(link_table, {"order_category_id": master.categories[name], "order_id": order_id,
                               "created_at": created, "updated_at": created})
    return ids


def _write_templates(ctx: Context, master: SalesMaster) -> None:
    """The two templates (週次サーモン配送, 隔週マグロ配送): order rows no document may print."""
    # Shipping today on purpose: today's chart must leave them out.
    lines = [OrderLine(t.buyer, t.variation, master.buyers[t.buyer].spec.methods[-1], ctx.today,
                       t.items, t.boxes, t.freight) for t in catalog.TEMPLATES]
    ids = _write_orders(ctx, master, lines)
    stamp = ctx.created
    for order_id, template in zip(ids, catalog.TEMPLATES, strict=True):
        ctx.writer.add(models.OrderTemplate.__table__, {"order_id": order_id, "identifier": template.identifier,
                                                 "notes": template.notes, "created_at": stamp, "updated_at": stamp})
