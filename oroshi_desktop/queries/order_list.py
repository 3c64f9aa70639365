"""The 注文・出荷 list: order ids of a shipping-date range, filtered and sorted in SQL, cells a page at a time.

The list never loads a row it does not show: ``order_ids`` returns only ids (one integer column,
ordered by an indexed or cheap expression), ``order_rows`` reads the cells of one page, and
``order_totals`` sums the filtered orders in the database. Templates are not orders
(``oroshi_order_templates`` marks a row as one), the same rule as every document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, exists, func, or_, select

from oroshi_desktop.db import models as m
from oroshi_desktop.domain.money import to_decimal
from oroshi_desktop.queries.search_text import contains

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ORDER_STATUSES = (0, 1, 2)  # 見積もり, 確認済み, 出荷済み (the web system's enum)


class OrderSort(IntEnum):
    """One per column of the list, in column order."""

    BUYER = 0
    PRODUCT = 1
    ITEMS = 2
    RECEPTACLES = 3
    FREIGHT = 4
    PRICE = 5
    SHIPPING_DATE = 6
    ARRIVAL_DATE = 7
    STATUS = 8


@dataclass(frozen=True)
class OrderFilter:
    """A shipping-date range (both ends included) and optional narrowing; ``None`` means any."""

    start: date
    end: date
    carrier_id: int | None = None
    shipping_method_id: int | None = None
    buyer_id: int | None = None
    order_category_id: int | None = None
    status: int | None = None
    search: str = ""  # part of the buyer's name or handle, or of the product's or variation's name


@dataclass(frozen=True)
class OrderRow:
    id: int
    buyer_id: int
    buyer_name: str
    product_name: str
    variation_name: str
    item_quantity: int
    receptacle_quantity: int
    receptacle_name: str
    freight_quantity: int
    price: Decimal
    shipping_date: date | None
    arrival_date: date | None
    status: int | None
    shipping_method_name: str


@dataclass(frozen=True)
class OrderTotals:
    count: int = 0
    freight_quantity: int = 0
    receptacle_quantity: int = 0
    amount: Decimal = Decimal(0)  # 売上 = 商品単価 × 商品数量, summed


@dataclass(frozen=True)
class Choice:
    id: int
    name: str


@dataclass(frozen=True)
class FilterChoices:
    """The small tables the filter boxes list (inactive rows too: old orders still use them)."""

    carriers: tuple[Choice, ...]
    shipping_methods: tuple[tuple[Choice, int], ...]  # with the carrier's id
    buyers: tuple[Choice, ...]
    order_categories: tuple[Choice, ...]
    buyer_categories: tuple[Choice, ...] = ()


def _conditions(f: OrderFilter, *, by_date: bool = False, by_id: bool = False) -> list[Any]:
    """The filter in SQL. ``by_date``: the query walks the shipping-date index (a first page by
    shipping date); the carrier and shipping-method conditions are then written so that no index
    can serve them (``shipping_method_id + 0``): a carrier has a large share of all orders, and
    SQLite, seeing an equality on an indexed column, otherwise reads every order of the carrier and
    sorts them (0.2 s at scale 200) instead of stopping after the first 100 in date order (0.1 ms).
    ``by_id``: the query walks the primary key (a first page by product over a wide range); neither
    the date nor the carrier condition may then take an index (``(… BETWEEN …) IS true``)."""
    method = m.Order.shipping_method_id + 0 if by_date or by_id else m.Order.shipping_method_id
    in_range = m.Order.shipping_date.between(f.start, f.end)
    # Not a template: NOT IN, which both databases read once (SQLite builds the list once where NOT
    # EXISTS was a subquery per order: every id at scale 200 108 → 71 ms, the totals 39 → 21 ms).
    conditions: list[Any] = [in_range.is_(True) if by_id else in_range, m.Order.id.not_in(
        select(m.OrderTemplate.order_id).where(m.OrderTemplate.order_id.is_not(None)))]
    if f.carrier_id is not None:
        conditions.append(method.in_(
            select(m.ShippingMethod.id).where(m.ShippingMethod.shipping_organization_id == f.carrier_id)))
    if f.shipping_method_id is not None:
        conditions.append(method == f.shipping_method_id)
    if f.buyer_id is not None:
        conditions.append(m.Order.buyer_id == f.buyer_id)
    if f.order_category_id is not None:
        conditions.append(exists().where(m.OrderOrderCategory.order_id == m.Order.id,
                                         m.OrderOrderCategory.order_category_id == f.order_category_id))
    if f.status is not None:
        conditions.append(m.Order.status == f.status)
    text = f.search.strip()
    if text:
        conditions.append(or_(
            m.Order.buyer_id.in_(select(m.Buyer.id).where(or_(contains(m.Buyer.name, text), contains(m.Buyer.handle, text)))),
            m.Order.product_variation_id.in_(
                select(m.ProductVariation.id).join(m.Product, m.Product.id == m.ProductVariation.product_id)
                .where(or_(contains(m.ProductVariation.name, text), contains(m.Product.name, text)))),
        ))
    return conditions


def _sort_query(query: Select[*tuple[Any, ...]], sort: OrderSort) -> tuple[Select[*tuple[Any, ...]], Any]:
    """The query joined to what the sort needs, and the sort expression."""
    if sort == OrderSort.BUYER:
        return query.join(m.Buyer, m.Buyer.id == m.Order.buyer_id), m.Buyer.name
    if sort == OrderSort.PRODUCT:
        query = (query.join(m.ProductVariation, m.ProductVariation.id == m.Order.product_variation_id)
                 .join(m.Product, m.Product.id == m.ProductVariation.product_id))
        return query, m.Product.name
    return query, {
        OrderSort.ITEMS: m.Order.item_quantity, OrderSort.RECEPTACLES: m.Order.receptacle_quantity,
        OrderSort.FREIGHT: m.Order.freight_quantity, OrderSort.PRICE: m.Order.sale_price_per_item,
        OrderSort.SHIPPING_DATE: m.Order.shipping_date, OrderSort.ARRIVAL_DATE: m.Order.arrival_date,
        OrderSort.STATUS: m.Order.status,
    }[sort]


def ids_query(f: OrderFilter, sort: OrderSort = OrderSort.SHIPPING_DATE, descending: bool = False,
              limit: int | None = None) -> Select[*tuple[Any, ...]]:
    query, key = _sort_query(select(m.Order.id), sort)
    key = key.desc() if descending else key.asc()
    # A page by shipping date walks the date index, unless the buyer (an index of its own, few
    # orders each) narrows it more.
    by_date = sort == OrderSort.SHIPPING_DATE and limit is not None and f.buyer_id is None
    # The id breaks ties, so the same filter always gives the same order (pages stay put).
    query = query.where(*_conditions(f, by_date=by_date)).order_by(key.nulls_last(), m.Order.id.desc() if descending
                                                                   else m.Order.id)
    return query.limit(limit) if limit is not None else query


def _cursor_rows(session: Session, query: Select[*tuple[Any, ...]]) -> list[Any]:
    """Every row of ``query`` as the driver's tuples. SQLAlchemy compiles and runs the query, but the
    rows are taken from the driver's cursor: a Row object per id cost more than the query itself for
    every id of the list (scale 200, SQLite: 198 → 115 ms for 198,830 ids)."""
    result = session.connection().execute(query)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def order_ids(session: Session, f: OrderFilter, sort: OrderSort = OrderSort.SHIPPING_DATE,
              descending: bool = False, limit: int | None = None) -> list[int]:
    """The ids in the list's order (``ids_query``'s). Every id by buyer or by product is put in order
    in Python by the names' places (``_ids_by_name``): the same order without the database sorting
    every order by a name."""
    if sort == OrderSort.BUYER and limit is None:
        return _ids_by_name(session, f, _buyers_by_name(session, descending), m.Order.buyer_id, descending)
    if sort == OrderSort.PRODUCT and limit is None:
        return _ids_by_name(session, f, _variations_by_name(session, descending), m.Order.product_variation_id,
                            descending)
    return [row_id for (row_id,) in _cursor_rows(session, ids_query(f, sort, descending, limit))]


def rows_query(ids: list[int]) -> Select[*tuple[Any, ...]]:
    return (
        select(m.Order.id, m.Order.buyer_id, m.Buyer.name, m.Product.name, m.ProductVariation.name,
               m.Order.item_quantity, m.Order.receptacle_quantity, m.ShippingReceptacle.name,
               m.Order.freight_quantity, m.Order.sale_price_per_item, m.Order.shipping_date,
               m.Order.arrival_date, m.Order.status, m.ShippingMethod.name)
        .join(m.Buyer, m.Buyer.id == m.Order.buyer_id)
        .join(m.ProductVariation, m.ProductVariation.id == m.Order.product_variation_id)
        .join(m.Product, m.Product.id == m.ProductVariation.product_id)
        .join(m.ShippingReceptacle, m.ShippingReceptacle.id == m.Order.shipping_receptacle_id)
        .join(m.ShippingMethod, m.ShippingMethod.id == m.Order.shipping_method_id)
        .where(m.Order.id.in_(ids))
    )


def order_rows(session: Session, ids: list[int]) -> dict[int, OrderRow]:
    """The cells of these orders (one page: the IN list stays small)."""
    if not ids:
        return {}
    return {
        oid: OrderRow(id=oid, buyer_id=buyer_id, buyer_name=buyer or "", product_name=product or "",
                      variation_name=variation or "", item_quantity=items or 0, receptacle_quantity=boxes or 0,
                      receptacle_name=receptacle or "", freight_quantity=freight or 0, price=to_decimal(price or 0),
                      shipping_date=ship, arrival_date=arrive, status=status, shipping_method_name=method or "")
        for (oid, buyer_id, buyer, product, variation, items, boxes, receptacle, freight, price, ship, arrive,
             status, method) in session.execute(rows_query(ids))
    }


# The first page by buyer reads the buyers a few at a time, in name order: 8, then 4× as many.
FIRST_BUYERS = 8


def _buyers_by_name(session: Session, descending: bool) -> list[Any]:
    """Every buyer's (id, name) in the list's order by buyer: the database's own order of the names
    (its collation), NULL last either way, ties by id."""
    name = m.Buyer.name.desc() if descending else m.Buyer.name.asc()
    return _cursor_rows(session, select(m.Buyer.id, m.Buyer.name).order_by(name.nulls_last(), m.Buyer.id))


def _variations_by_name(session: Session, descending: bool) -> list[Any]:
    """Every variation's (id, its product's name) in the list's order by product: the database's own
    order of the names, NULL last either way, ties by variation id."""
    name = m.Product.name.desc() if descending else m.Product.name.asc()
    return _cursor_rows(session, select(m.ProductVariation.id, m.Product.name)
                        .join(m.Product, m.Product.id == m.ProductVariation.product_id)
                        .order_by(name.nulls_last(), m.ProductVariation.id))


def _ids_by_name(session: Session, f: OrderFilter, named: list[Any], column: Any, descending: bool) -> list[int]:
    """Every id by buyer or by product name, exactly as ``ids_query`` orders them (name, then order
    id), without the database joining and sorting every order by a name. ``named`` is a small
    table's (id, name) in the list's name order (buyers, or variations with their product's name);
    each id gets a place, ids of one name sharing it; the filtered orders are read unsorted as
    (order id, ``column``), put in their place, and each place sorted by id — lists that mostly
    arrive in id order. Orders whose ``column`` names no row of ``named`` are left out, as the join
    leaves them. Every order by buyer, scale 200: SQLite ≈ 290 → 170 ms of CPU; PostgreSQL's server
    spent ≈ 500 ms sorting by a name under a libc collation (spilled to disk), the unsorted read
    ≈ 80 (PERFORMANCE.md, session 9)."""
    place_of: dict[int, int] = {}
    place, previous = -1, None
    for named_id, name in named:
        if place < 0 or name != previous:
            place, previous = place + 1, name
        place_of[named_id] = place
    places: list[list[int]] = [[] for _ in range(place + 1)]
    place_at = place_of.get
    for order_id, named_id in _cursor_rows(session, select(m.Order.id, column).where(*_conditions(f))):
        if (found := place_at(named_id)) is not None:
            places[found].append(order_id)
    ids: list[int] = []
    for orders in places:
        orders.sort(reverse=descending)
        ids += orders
    return ids


def _first_ids_by_buyer(session: Session, f: OrderFilter, descending: bool, limit: int) -> list[int]:
    """The first ``limit`` ids by buyer name, exactly as ``order_ids`` orders them, without sorting
    every order: the buyers (a small table) in name order, then the orders of the first few buyers
    (their index), then of the next, more, until the page is full. A name is never split between two
    steps, so the steps' pages follow one another in the list's order. 0.2 s → ≈ 5 ms at scale 200."""
    buyers = _buyers_by_name(session, descending)
    ids: list[int] = []
    start, size = 0, FIRST_BUYERS
    while start < len(buyers) and len(ids) < limit:
        end = min(start + size, len(buyers))
        while end < len(buyers) and buyers[end][1] == buyers[end - 1][1]:
            end += 1  # the rest of the buyers of the same name: one step orders them by order id
        step = [buyer_id for buyer_id, _name in buyers[start:end]]
        ids += session.scalars(ids_query(f, OrderSort.BUYER, descending, limit - len(ids))
                               .where(m.Order.buyer_id.in_(step)))
        start, size = end, size * 4
    return ids


# The first page by product walks the orders in id order, one product name at a time, when nearly
# every order is in the shipping-date range (fewer than one in OUTSIDE_SHARE outside it): a name's
# page is then found after a few of its pages' worth of rows. Otherwise the date index and a sort.
OUTSIDE_SHARE = 8
FIRST_PRODUCT_NAMES = 2  # names walked one by one (a name without orders walks every order); the rest in one query


def _wide_range(session: Session, f: OrderFilter) -> bool:
    """Whether fewer than one order in ``OUTSIDE_SHARE`` has a shipping date before or after the
    range: the orders outside are counted, each side only as far as it must be (a range over every
    date: two index seeks). The highest id stands for all orders, deleted ones too, so a doubt
    reads as narrow. Orders without a date are in no range and left out of the count."""
    def at_least(condition: Any, count: int) -> int:
        some = select(m.Order.id).where(condition).limit(count).subquery()
        return session.scalar(select(func.count()).select_from(some)) or 0

    enough = (session.scalar(select(func.max(m.Order.id))) or 0) // OUTSIDE_SHARE
    before = at_least(m.Order.shipping_date < f.start, enough + 1)
    return before + at_least(m.Order.shipping_date > f.end, enough + 1 - before) <= enough


def _first_ids_by_product(session: Session, f: OrderFilter, descending: bool, limit: int) -> list[int]:
    """The first ``limit`` ids by product name, exactly as ``order_ids`` orders them, without joining
    and sorting every order of a wide range: the variations (a small table) grouped by their
    product's name in list order, then the orders of one name at a time in id order — the primary
    key, walked until the page is full, the date condition written so that its index is not taken
    instead (SQLite, with no statistics, takes it for any range and sorts every order of it; 90 ms
    at scale 200). After ``FIRST_PRODUCT_NAMES`` names the rest come from one sorted query."""
    variations = _variations_by_name(session, descending)
    names: list[list[int]] = []  # the variation ids of each product name, in the list's order
    for i, (variation_id, product_name) in enumerate(variations):
        if i and product_name == variations[i - 1][1]:
            names[-1].append(variation_id)
        else:
            names.append([variation_id])
    ids: list[int] = []
    key = m.Order.id.desc() if descending else m.Order.id.asc()
    for variation_ids in names[:FIRST_PRODUCT_NAMES]:
        ids += session.scalars(select(m.Order.id).where(*_conditions(f, by_id=True),
                                                        m.Order.product_variation_id.in_(variation_ids))
                               .order_by(key).limit(limit - len(ids)))
        if len(ids) >= limit:
            return ids
    rest = [variation_id for variation_ids in names[FIRST_PRODUCT_NAMES:] for variation_id in variation_ids]
    if rest:
        ids += session.scalars(ids_query(f, OrderSort.PRODUCT, descending, limit - len(ids))
                               .where(m.Order.product_variation_id.in_(rest)))
    return ids


def first_page(session: Session, f: OrderFilter, sort: OrderSort, descending: bool,
               limit: int) -> tuple[list[int], dict[int, OrderRow]]:
    if sort == OrderSort.BUYER and f.buyer_id is None:
        ids = _first_ids_by_buyer(session, f, descending, limit)
    elif sort == OrderSort.PRODUCT and f.buyer_id is None and _wide_range(session, f):
        ids = _first_ids_by_product(session, f, descending, limit)
    else:
        ids = order_ids(session, f, sort, descending, limit)
    return ids, order_rows(session, ids)


def order_totals(session: Session, f: OrderFilter) -> OrderTotals:
    count, freight, boxes, amount = session.execute(
        select(func.count(m.Order.id), func.coalesce(func.sum(m.Order.freight_quantity), 0),
               func.coalesce(func.sum(m.Order.receptacle_quantity), 0),
               func.coalesce(func.sum(m.Order.sale_price_per_item * m.Order.item_quantity), 0))
        .where(*_conditions(f))
    ).one()
    return OrderTotals(count=int(count), freight_quantity=int(freight), receptacle_quantity=int(boxes),
                       amount=to_decimal(amount))


def buyers_of(session: Session, f: OrderFilter) -> list[Choice]:
    """The buyers with orders under the filter, by name (the packing slips' choice list)."""
    return [Choice(i, name or "") for i, name in session.execute(
        select(m.Buyer.id, m.Buyer.name).where(m.Buyer.id.in_(select(m.Order.buyer_id).where(*_conditions(f))))
        .order_by(m.Buyer.name, m.Buyer.id))]


def filter_choices(session: Session) -> FilterChoices:
    def choices(model: Any) -> tuple[Choice, ...]:
        return tuple(Choice(i, name or "") for i, name in session.execute(
            select(model.id, model.name).order_by(model.id)))

    methods = tuple((Choice(i, name or ""), org) for i, name, org in session.execute(
        select(m.ShippingMethod.id, m.ShippingMethod.name, m.ShippingMethod.shipping_organization_id)
        .order_by(m.ShippingMethod.id)))
    return FilterChoices(carriers=choices(m.ShippingOrganization), shipping_methods=methods,
                         buyers=tuple(Choice(i, n or "") for i, n in session.execute(
                             select(m.Buyer.id, m.Buyer.name).order_by(m.Buyer.name, m.Buyer.id))),
                         order_categories=choices(m.OrderCategory), buyer_categories=choices(m.BuyerCategory))
