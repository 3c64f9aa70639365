"""The order list's SQL (ids, sort, filters, search, totals) against the same answer computed in
Python from every row of the demo, on SQLite and both PostgreSQL kinds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import (
    Buyer,
    Order,
    OrderOrderCategory,
    OrderTemplate,
    Product,
    ProductVariation,
    ShippingMethod,
)
from oroshi_desktop.demo import generate_demo
from oroshi_desktop.queries.order_list import (
    OrderFilter,
    OrderSort,
    buyers_of,
    filter_choices,
    first_page,
    order_ids,
    order_rows,
    order_totals,
)

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

TODAY = date(2026, 3, 16)
WIDE = OrderFilter(start=date(2000, 1, 1), end=date(2100, 1, 1))


@dataclass
class Plain:
    id: int
    buyer_id: int
    buyer: str
    handle: str
    product: str
    variation: str
    carrier_id: int
    method_id: int
    categories: set[int]
    status: int | None
    ship: date | None
    items: int
    boxes: int
    freight: int
    price: float


@pytest.fixture
def demo(db: Database) -> tuple[Database, list[Plain]]:
    generate_demo(db, scale=1, seed=0, today=TODAY)
    with db.read() as session:
        templates = set(session.scalars(select(OrderTemplate.order_id)))
        categories: dict[int, set[int]] = {}
        for order_id, category_id in session.execute(select(OrderOrderCategory.order_id,
                                                            OrderOrderCategory.order_category_id)):
            categories.setdefault(order_id, set()).add(category_id)
        rows = session.execute(
            select(Order.id, Order.buyer_id, Buyer.name, Buyer.handle, Product.name, ProductVariation.name,
                   ShippingMethod.shipping_organization_id, Order.shipping_method_id, Order.status,
                   Order.shipping_date, Order.item_quantity, Order.receptacle_quantity, Order.freight_quantity,
                   Order.sale_price_per_item)
            .join(Buyer, Buyer.id == Order.buyer_id)
            .join(ProductVariation, ProductVariation.id == Order.product_variation_id)
            .join(Product, Product.id == ProductVariation.product_id)
            .join(ShippingMethod, ShippingMethod.id == Order.shipping_method_id)).all()
    plain = [Plain(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5] or "", r[6], r[7],
                   categories.get(r[0], set()), r[8], r[9], r[10], r[11], r[12], r[13])
             for r in rows if r[0] not in templates]
    assert templates, "the demo has templates: the rule below is tested"
    return db, plain


def _keep(p: Plain, f: OrderFilter) -> bool:
    text = f.search.strip().lower()
    return (p.ship is not None and f.start <= p.ship <= f.end
            and (f.carrier_id is None or p.carrier_id == f.carrier_id)
            and (f.shipping_method_id is None or p.method_id == f.shipping_method_id)
            and (f.buyer_id is None or p.buyer_id == f.buyer_id)
            and (f.order_category_id is None or f.order_category_id in p.categories)
            and (f.status is None or p.status == f.status)
            and (not text or any(text in s.lower() for s in (p.buyer, p.handle, p.product, p.variation))))


def test_templates_are_not_orders(demo: tuple[Database, list[Plain]]) -> None:
    db, plain = demo
    with db.read() as session:
        assert sorted(order_ids(session, WIDE)) == sorted(p.id for p in plain)


def test_each_filter_and_their_combination(demo: tuple[Database, list[Plain]]) -> None:
    db, plain = demo
    sample = plain[0]
    filters = [
        OrderFilter(start=TODAY, end=TODAY + timedelta(days=1)),
        OrderFilter(start=TODAY + timedelta(days=1), end=TODAY),  # reversed: nothing (the bar swaps it first)
        OrderFilter(start=WIDE.start, end=WIDE.end, carrier_id=sample.carrier_id),
        OrderFilter(start=WIDE.start, end=WIDE.end, shipping_method_id=sample.method_id),
        OrderFilter(start=WIDE.start, end=WIDE.end, buyer_id=sample.buyer_id),
        OrderFilter(start=WIDE.start, end=WIDE.end, order_category_id=next(iter(sample.categories))),
        OrderFilter(start=WIDE.start, end=WIDE.end, status=1),
        OrderFilter(start=WIDE.start, end=WIDE.end, search=sample.buyer[:2]),
        OrderFilter(start=WIDE.start, end=WIDE.end, search=sample.variation[-3:]),
        OrderFilter(start=WIDE.start, end=WIDE.end, search="100%_"),  # LIKE wildcards are plain text
        OrderFilter(start=sample.ship, end=sample.ship, carrier_id=sample.carrier_id, buyer_id=sample.buyer_id,
                    status=sample.status, search=sample.product[:1]),
    ]
    with db.read() as session:
        for f in filters:
            expected = [p for p in plain if _keep(p, f)]
            assert sorted(order_ids(session, f)) == sorted(p.id for p in expected), f
            totals = order_totals(session, f)
            assert totals.count == len(expected)
            assert totals.freight_quantity == sum(p.freight for p in expected)
            assert totals.receptacle_quantity == sum(p.boxes for p in expected)
            assert totals.amount == sum((Decimal(str(p.price)) * p.items for p in expected), Decimal(0))
            assert [c.id for c in buyers_of(session, f)] == \
                [b for _n, b in sorted({(p.buyer, p.buyer_id) for p in expected})]
    assert any(_keep(p, filters[-1]) for p in plain)  # the combination is not trivially empty


@pytest.mark.parametrize("sort", list(OrderSort))
def test_every_sort_is_stable_and_matches_python(demo: tuple[Database, list[Plain]], sort: OrderSort) -> None:
    db, plain = demo
    with db.read() as session:
        ids = order_ids(session, WIDE, sort)
        down = order_ids(session, WIDE, sort, descending=True)
        rows = order_rows(session, ids)
        page_ids, page_rows = first_page(session, WIDE, sort, False, limit=7)
    key = {
        OrderSort.BUYER: lambda r: r.buyer_name, OrderSort.PRODUCT: lambda r: r.product_name,
        OrderSort.ITEMS: lambda r: r.item_quantity, OrderSort.RECEPTACLES: lambda r: r.receptacle_quantity,
        OrderSort.FREIGHT: lambda r: r.freight_quantity, OrderSort.PRICE: lambda r: r.price,
        OrderSort.SHIPPING_DATE: lambda r: r.shipping_date, OrderSort.ARRIVAL_DATE: lambda r: r.arrival_date,
        OrderSort.STATUS: lambda r: r.status,
    }[sort]
    # Python's order for the same key, ties broken by id (SQLite and PostgreSQL agree on it).
    if sort not in (OrderSort.BUYER, OrderSort.PRODUCT):  # text collation differs by database: order only
        assert ids == sorted(ids, key=lambda i: (key(rows[i]), i))
        assert down == sorted(ids, key=lambda i: (key(rows[i]), i), reverse=True)
    else:
        values = [key(rows[i]) for i in ids]
        assert len(values) == len(plain) and set(ids) == set(down)
    assert page_ids == ids[:7] and set(page_rows) == set(page_ids)


def test_choices_list_the_small_tables(demo: tuple[Database, list[Plain]]) -> None:
    db, plain = demo
    with db.read() as session:
        choices = filter_choices(session)
    assert {c.id for c in choices.carriers} >= {p.carrier_id for p in plain}
    assert {c.id for c in choices.buyers} >= {p.buyer_id for p in plain}
    assert {m.id for m, _carrier in choices.shipping_methods} >= {p.method_id for p in plain}
    assert choices.order_categories and choices.buyer_categories


@pytest.mark.parametrize("descending", [False, True])
def test_every_first_page_is_the_head_of_the_whole_list(demo: tuple[Database, list[Plain]], descending: bool,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first page takes shortcuts (by buyer: the buyers a few at a time; by product: the orders of
    one product name at a time in id order; by shipping date with a carrier: the date index): for
    every filter, search and sort it must be exactly the head of ``order_ids``, also when buyers or
    products share a name, a step holds a single buyer, and the products past the first name come
    from the one sorted query."""
    import oroshi_desktop.queries.order_list as order_list

    db, plain = demo
    monkeypatch.setattr(order_list, "FIRST_BUYERS", 1)
    monkeypatch.setattr(order_list, "_wide_range", lambda _session, _f: True)  # the product walk for every range
    monkeypatch.setattr(order_list, "FIRST_PRODUCT_NAMES", 1)
    with db.write() as session:  # buyers sharing a name, at the head of either direction
        buyer_ids = sorted({p.buyer_id for p in plain})
        for buyer_id in buyer_ids[:3]:
            session.get(Buyer, buyer_id).name = "000同名商店"
        for buyer_id in buyer_ids[3:6]:
            session.get(Buyer, buyer_id).name = "龥龥同名商店"
        products = list(session.scalars(select(Product).order_by(Product.id)))
        assert len(products) >= 3
        products[0].name = products[1].name = "000同名商品"  # two products of one name, at the head
        if len(products) >= 4:  # … and at the head of the descending list
            products[2].name = products[3].name = "龥龥同名商品"
    sample = plain[0]
    filters = [WIDE, OrderFilter(start=WIDE.start, end=WIDE.end, carrier_id=sample.carrier_id),
               OrderFilter(start=WIDE.start, end=WIDE.end, shipping_method_id=sample.method_id),
               OrderFilter(start=WIDE.start, end=WIDE.end, carrier_id=sample.carrier_id, buyer_id=sample.buyer_id),
               OrderFilter(start=WIDE.start, end=WIDE.end, status=1),
               OrderFilter(start=TODAY, end=TODAY + timedelta(days=1)),
               OrderFilter(start=WIDE.start, end=WIDE.end, search=sample.buyer[:2]),
               OrderFilter(start=WIDE.start, end=WIDE.end, search=sample.product[:2])]
    with db.read() as session:
        for f in filters:
            for sort in OrderSort:
                whole = order_ids(session, f, sort, descending)
                for limit in (1, 7, 40, len(whole) + 1):
                    page, rows = first_page(session, f, sort, descending, limit)
                    assert page == whole[:limit], (f, sort, limit)
                    assert set(rows) == set(page)


def test_the_product_walk_is_taken_for_a_range_over_every_order_only(demo: tuple[Database, list[Plain]]) -> None:
    """The first page by product walks the orders in id order only when nearly every order is in the
    date range (the list of every date); for a few days it takes the date index and a sort."""
    from oroshi_desktop.queries.order_list import _wide_range

    db, _plain = demo
    with db.read() as session:
        assert _wide_range(session, WIDE)
        assert _wide_range(session, OrderFilter(start=WIDE.start, end=WIDE.end, carrier_id=1))
        assert not _wide_range(session, OrderFilter(start=TODAY, end=TODAY + timedelta(days=1)))
        assert not _wide_range(session, OrderFilter(start=date(2100, 1, 2), end=date(2100, 1, 3)))


@pytest.mark.parametrize("descending", [False, True])
def test_every_id_by_buyer_or_product_is_the_databases_own_order(demo: tuple[Database, list[Plain]],
                                                                 descending: bool) -> None:
    """Every id by buyer or by product is put in order in Python (the names' places from the small
    table, the orders read unsorted): it must be exactly the order the database gives the same
    filter sorted by the name and the order id — ties between buyers (products) sharing a name
    included, in its own collation — for every filter and both directions."""
    from oroshi_desktop.queries.order_list import ids_query

    db, plain = demo
    with db.write() as session:  # buyers and products sharing a name, at the head of either direction
        buyer_ids = sorted({p.buyer_id for p in plain})
        assert len(buyer_ids) >= 5
        for group, name in ((buyer_ids[0:2], "000同名商店"), (buyer_ids[2:4], "龥龥同名商店")):
            for buyer_id in group:
                session.get(Buyer, buyer_id).name = name
        products = list(session.scalars(select(Product).order_by(Product.id)))
        assert len(products) >= 3
        products[0].name = products[1].name = "000同名商品"
    sample = plain[0]
    filters = [WIDE, OrderFilter(start=WIDE.start, end=WIDE.end, carrier_id=sample.carrier_id),
               OrderFilter(start=WIDE.start, end=WIDE.end, buyer_id=buyer_ids[0]),
               OrderFilter(start=WIDE.start, end=WIDE.end, status=1),
               OrderFilter(start=TODAY, end=TODAY + timedelta(days=1)),
               OrderFilter(start=WIDE.start, end=WIDE.end, search="同名"),
               OrderFilter(start=WIDE.start, end=WIDE.end, search=sample.product[:2]),
               OrderFilter(start=TODAY + timedelta(days=1), end=TODAY)]
    with db.read() as session:
        for sort in (OrderSort.BUYER, OrderSort.PRODUCT):
            for f in filters:
                expected = list(session.scalars(ids_query(f, sort, descending)))
                assert order_ids(session, f, sort, descending) == expected, (sort, f)
        by_buyer = order_ids(session, OrderFilter(start=WIDE.start, end=WIDE.end, search="同名商店"),
                             OrderSort.BUYER, descending)
        by_product = order_ids(session, WIDE, OrderSort.PRODUCT, descending)
        variation_product = dict(session.execute(select(ProductVariation.id, ProductVariation.product_id)).all())
        product_of = {order_id: variation_product[variation_id] for order_id, variation_id
                      in session.execute(select(Order.id, Order.product_variation_id)).all()}
    # The ties are really tested: the orders of buyers (products) sharing a name are ordered by order
    # id, so their buyers (products) take turns (a list grouped by buyer or product would not).
    buyer_of = {p.id: p.buyer_id for p in plain}
    assert {buyer_of[i] for i in by_buyer} == set(buyer_ids[:4])
    assert any(buyer_of[a] == buyer_of[c] != buyer_of[b]
               for a, b, c in zip(by_buyer, by_buyer[1:], by_buyer[2:], strict=False))
    shared = [i for i in by_product if product_of[i] in (products[0].id, products[1].id)]
    assert any(product_of[a] == product_of[c] != product_of[b]
               for a, b, c in zip(shared, shared[1:], shared[2:], strict=False))
