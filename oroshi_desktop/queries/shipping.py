"""Loading the shipping documents' data (出荷表, 卸先用出荷表, まとめた出荷明細表) from the Oroshi tables.

Queries select plain columns, not ORM entities: a busy day has hundreds of orders and the
documents need a dozen fields of each. Templates are excluded here (``oroshi_order_templates``
marks a row as a template); the day and carrier are narrowed in SQL, and the user's filters are
applied by the pure functions in :mod:`oroshi_desktop.domain.shipping`, the one place that
decides what "filtered" means.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, select
from sqlalchemy.orm import Session

from oroshi_desktop.db import models as m
from oroshi_desktop.domain.parties import Company, PostalAddress
from oroshi_desktop.domain.quantities import order_quantity
from oroshi_desktop.domain.shipping import (
    NO_FILTERS,
    BuyerInfo,
    CarrierInfo,
    DayOrders,
    FilterLabels,
    MethodInfo,
    OrderRecord,
    PackingSlip,
    ProductInfo,
    ShippingChart,
    ShippingFilters,
    ShippingList,
    packing_slips,
    shipping_chart_matrix,
    shipping_list,
)
from oroshi_desktop.errors import BrokenReference, NotFound, UserError
from oroshi_desktop.queries.preferences import CHART_PAPER, CHART_PAPERS, get_preference, load_company

# Rails polymorphic type names for a buyer's addresses (engine-namespaced and plain).
BUYER_ADDRESSABLE = ("Oroshi::Buyer", "Buyer")


def load_chart_paper(session: Session) -> str:
    """The shipping chart's paper setting: ``"jis_b4"`` (default, 257×364 mm) or ``"iso_b4"``."""
    paper = get_preference(session, CHART_PAPER)
    if paper not in CHART_PAPERS:
        raise UserError(f"the shipping chart paper setting must be jis_b4 or iso_b4, got {paper!r}",
                        f"出荷表の用紙設定は jis_b4（JIS B4）か iso_b4（ISO B4）です（{paper!r}）")
    return str(paper)


def load_carrier(session: Session, carrier_id: int) -> CarrierInfo:
    row = session.execute(
        select(m.ShippingOrganization.id, m.ShippingOrganization.name, m.ShippingOrganization.handle)
        .where(m.ShippingOrganization.id == carrier_id)
    ).first()
    if row is None:
        raise NotFound(f"carrier (shipping organization) {carrier_id} does not exist",
                       f"運送会社（ID {carrier_id}）が見つかりません")
    method_ids = session.scalars(
        select(m.ShippingMethod.id).where(m.ShippingMethod.shipping_organization_id == carrier_id)).all()
    return CarrierInfo(id=row[0], name=row[1] or "", handle=row[2] or "", method_ids=frozenset(method_ids))


def load_carriers(session: Session) -> tuple[list[CarrierInfo], list[MethodInfo]]:
    """Every carrier and every shipping method (small tables; inactive ones may still have orders)."""
    methods = [
        MethodInfo(id=i, name=name or "", carrier_id=org, handle=handle or "")
        for i, name, handle, org in session.execute(
            select(m.ShippingMethod.id, m.ShippingMethod.name, m.ShippingMethod.handle,
                   m.ShippingMethod.shipping_organization_id).order_by(m.ShippingMethod.id))
    ]
    by_carrier: dict[int, set[int]] = defaultdict(set)
    for method in methods:
        by_carrier[method.carrier_id].add(method.id)
    carriers = [
        CarrierInfo(id=i, name=name or "", handle=handle or "", method_ids=frozenset(by_carrier[i]))
        for i, name, handle in session.execute(
            select(m.ShippingOrganization.id, m.ShippingOrganization.name, m.ShippingOrganization.handle)
            .order_by(m.ShippingOrganization.id))
    ]
    return carriers, methods


def load_products(session: Session) -> list[ProductInfo]:
    """All products, inactive ones included: the chart's columns."""
    return [ProductInfo(id=i, name=name or "", position=pos)
            for i, name, pos in session.execute(select(m.Product.id, m.Product.name, m.Product.position))]


def _order_conditions(day: date, carrier_id: int | None) -> list[ColumnElement[bool]]:
    template = exists().where(m.OrderTemplate.order_id == m.Order.id)
    conditions: list[ColumnElement[bool]] = [m.Order.shipping_date == day, ~template]
    if carrier_id is not None:
        conditions.append(m.Order.shipping_method_id.in_(
            select(m.ShippingMethod.id).where(m.ShippingMethod.shipping_organization_id == carrier_id)))
    return conditions


def count_orders(session: Session, *, day: date, carrier_id: int | None = None) -> int:
    """How many orders (not templates) ship on ``day``, by the carrier when one is given."""
    return session.scalar(select(func.count(m.Order.id)).where(*_order_conditions(day, carrier_id))) or 0


def require_orders(session: Session, *, day: date, carrier_id: int | None, document: str, document_ja: str) -> None:
    """A shipping document for a day (and carrier) without orders is refused before anything is
    made, as the check sheet refuses a day without supplies: one plain line naming the day and the
    carrier, no empty page."""
    if count_orders(session, day=day, carrier_id=carrier_id):
        return
    # A carrier that does not exist is NotFound, not "no orders".
    name = "" if carrier_id is None else (load_carrier(session, carrier_id).name or f"ID {carrier_id}")
    carrier_en = f" by carrier {name}" if name else ""
    carrier_ja = f"運送会社「{name}」の" if name else ""
    raise UserError(f"no orders ship on {day.isoformat()}{carrier_en}; no {document} is made",
                    f"{day:%Y/%m/%d} には{carrier_ja}出荷がないため、{document_ja}を作成できません。")


def load_order_records(session: Session, *, day: date, carrier_id: int | None = None) -> list[OrderRecord]:
    """Non-template orders shipping on ``day`` (by the carrier's methods when one is given)."""
    conditions = _order_conditions(day, carrier_id)
    categories: dict[int, set[int]] = defaultdict(set)
    # The same conditions as a join instead of an IN list of order ids: no parameter-count limit.
    for order_id, category_id in session.execute(
        select(m.OrderOrderCategory.order_id, m.OrderOrderCategory.order_category_id)
        .join(m.Order, m.Order.id == m.OrderOrderCategory.order_id).where(*conditions)
    ):
        categories[order_id].add(category_id)
    query: Select[*tuple[Any, ...]] = (
        select(m.Order.id, m.Order.buyer_id, m.ProductVariation.product_id, m.Order.product_variation_id,
               m.ProductVariation.handle, m.ProductVariation.name, m.Order.shipping_method_id, m.ShippingReceptacle.name,
               m.Order.item_quantity, m.Order.receptacle_quantity, m.Order.freight_quantity, m.Order.shipping_date,
               m.Order.arrival_date, m.Order.note)
        .join(m.ProductVariation, m.ProductVariation.id == m.Order.product_variation_id)
        .join(m.ShippingReceptacle, m.ShippingReceptacle.id == m.Order.shipping_receptacle_id)
        .where(*conditions)
        .order_by(m.Order.id)
    )
    return [
        OrderRecord(
            order_id=oid, buyer_id=buyer_id, product_id=product_id, product_variation_id=variation_id,
            variation_handle=handle or "", variation_name=name or "", shipping_method_id=method_id,
            receptacle_name=receptacle or "",
            # A negative or absurd count refuses the document, naming the order: never a wrong total.
            item_quantity=order_quantity(items, order_id=oid, field="item_quantity"),
            receptacle_quantity=order_quantity(boxes, order_id=oid, field="receptacle_quantity"),
            freight_quantity=order_quantity(freight, order_id=oid, field="freight_quantity"), shipping_date=ship, arrival_date=arrive, note=note or "",
            category_ids=frozenset(categories.get(oid, ())),
        )
        for (oid, buyer_id, product_id, variation_id, handle, name, method_id, receptacle, items, boxes,
             freight, ship, arrive, note) in session.execute(query)
    ]


def _check_buyer_category(session: Session, category_id: int) -> None:
    if session.scalar(select(m.BuyerCategory.id).where(m.BuyerCategory.id == category_id)) is None:
        raise NotFound(f"buyer category {category_id} does not exist",
                       f"卸先カテゴリ（ID {category_id}）が見つかりません")


def _candidate_buyer_ids(session: Session, filters: ShippingFilters, carrier_id: int | None) -> set[int]:
    """Buyers that may get an empty row under ``print_empty_buyers`` (the domain narrows them)."""
    option = filters.print_empty_buyers
    if option == "none":
        return set()
    if option == "all":
        query = select(m.BuyerShippingMethod.buyer_id)
        if carrier_id is not None:
            query = query.join(m.ShippingMethod, m.ShippingMethod.id == m.BuyerShippingMethod.shipping_method_id).where(
                m.ShippingMethod.shipping_organization_id == carrier_id)
        return set(session.scalars(query))
    _check_buyer_category(session, option)
    return set(session.scalars(
        select(m.BuyerBuyerCategory.buyer_id).where(m.BuyerBuyerCategory.buyer_category_id == option)))


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    # IN lists stay well below SQLite's and psycopg's parameter limits.
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def load_buyers(session: Session, buyer_ids: Iterable[int], orders: Iterable[OrderRecord] = ()) -> list[BuyerInfo]:
    """Buyers with their categories, shipping methods, default address and phone. A buyer one of
    ``orders`` names that does not exist is the web system's broken data, named by the order."""
    ids = sorted(set(buyer_ids))
    categories: dict[int, set[int]] = defaultdict(set)
    methods: dict[int, set[int]] = defaultdict(set)
    addresses: dict[int, tuple[PostalAddress, str]] = {}
    rows: list[Any] = []
    for chunk in _chunks(ids):
        rows.extend(session.execute(
            select(m.Buyer.id, m.Buyer.name, m.Buyer.handle, m.Buyer.color, m.Buyer.associated_system_id, m.Buyer.active,
                   m.Buyer.representative_phone, m.Buyer.fax, m.Buyer.entity_type).where(m.Buyer.id.in_(chunk))))
        for buyer_id, category_id in session.execute(
                select(m.BuyerBuyerCategory.buyer_id, m.BuyerBuyerCategory.buyer_category_id)
                .where(m.BuyerBuyerCategory.buyer_id.in_(chunk))):
            categories[buyer_id].add(category_id)
        for buyer_id, method_id in session.execute(
                select(m.BuyerShippingMethod.buyer_id, m.BuyerShippingMethod.shipping_method_id)
                .where(m.BuyerShippingMethod.buyer_id.in_(chunk))):
            methods[buyer_id].add(method_id)
        # Default address first, then the oldest: the first row seen per buyer wins.
        for buyer_id, postal, subregion, city, a1, a2, phone in session.execute(
                select(m.Address.addressable_id, m.Address.postal_code, m.Address.subregion_id, m.Address.city,
                       m.Address.address1, m.Address.address2, m.Address.phone)
                .where(m.Address.addressable_type.in_(BUYER_ADDRESSABLE), m.Address.addressable_id.in_(chunk))
                .order_by(m.Address.addressable_id, m.Address.default.desc().nulls_last(), m.Address.id)):
            addresses.setdefault(buyer_id, (PostalAddress.build(postal, subregion, city, a1, a2), phone or ""))
    found = {r[0] for r in rows}
    missing = [i for i in ids if i not in found]
    if missing:
        for order in orders:
            if order.buyer_id in missing:
                raise BrokenReference(m.Order.__tablename__, order.order_id, "buyer_id", order.buyer_id)
        raise NotFound(f"buyer(s) {missing} do not exist", f"卸先（ID {missing}）が見つかりません")
    result = []
    for buyer_id, name, handle, color, system_id, active, phone, fax, entity_type in rows:
        address, address_phone = addresses.get(buyer_id, (PostalAddress(), ""))
        result.append(BuyerInfo(
            id=buyer_id, name=name or "", handle=handle or "", color=color, associated_system_id=system_id,
            active=active is not False, address=address, phone=phone or address_phone, fax=fax or "",
            category_ids=frozenset(categories[buyer_id]), shipping_method_ids=frozenset(methods[buyer_id]),
            entity_type=entity_type,
        ))
    return result


def _names(session: Session, model: Any, ids: Sequence[int], what: str, what_ja: str) -> tuple[str, ...]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return ()
    found = {i: name for i, name in session.execute(select(model.id, model.name).where(model.id.in_(wanted)))}
    missing = [i for i in wanted if i not in found]
    if missing:
        # A stale id would otherwise filter everything away and print a misleadingly empty document.
        raise NotFound(f"{what} {missing} in the filter do not exist",
                       f"絞り込み条件の{what_ja}（ID {missing}）が見つかりません")
    return tuple(found[i] or "" for i in wanted)


def load_filter_labels(session: Session, filters: ShippingFilters) -> FilterLabels:
    """Names of the filtered order categories, buyers and shipping methods, in the filter's order."""
    return FilterLabels(
        order_categories=_names(session, m.OrderCategory, filters.order_category_ids, "order categories", "注文カテゴリ"),
        buyers=_names(session, m.Buyer, filters.buyer_ids, "buyers", "卸先"),
        shipping_methods=_names(session, m.ShippingMethod, filters.shipping_method_ids, "shipping methods", "出荷方法"),
    )


def load_shipping_chart(session: Session, *, day: date, carrier_id: int,
                        filters: ShippingFilters = NO_FILTERS) -> ShippingChart:
    """The 出荷表 of one carrier on one day."""
    carrier = load_carrier(session, carrier_id)
    labels = load_filter_labels(session, filters)
    orders = load_order_records(session, day=day, carrier_id=carrier_id)
    buyer_ids = {o.buyer_id for o in orders} | _candidate_buyer_ids(session, filters, carrier_id)
    return shipping_chart_matrix(orders, load_buyers(session, buyer_ids, orders), load_products(session), filters,
                                 carrier=carrier, day=day, labels=labels)


def _day_orders(session: Session, *, day: date, carrier_id: int | None,
                filters: ShippingFilters) -> tuple[DayOrders, FilterLabels]:
    """What the packing slips and the shipping list are computed from, with the filters' labels
    (loading them checks every filter id)."""
    if carrier_id is not None:
        load_carrier(session, carrier_id)
    labels = load_filter_labels(session, filters)
    orders = load_order_records(session, day=day, carrier_id=carrier_id)
    carriers, methods = load_carriers(session)
    source = DayOrders.of(orders, load_buyers(session, {o.buyer_id for o in orders}, orders), load_products(session),
                          methods=methods, carriers=carriers, day=day, carrier_id=carrier_id)
    return source, labels


def load_packing_slips(session: Session, *, day: date, carrier_id: int | None = None,
                       filters: ShippingFilters = NO_FILTERS) -> tuple[PackingSlip, ...]:
    """One 卸先用出荷表 per buyer shipping on ``day`` (of one carrier, or of all when None)."""
    source, _labels = _day_orders(session, day=day, carrier_id=carrier_id, filters=filters)
    return packing_slips(source, filters)


def load_shipping_list(session: Session, *, day: date, carrier_id: int | None = None,
                       filters: ShippingFilters = NO_FILTERS) -> ShippingList:
    """The まとめた出荷明細表 of ``day`` for one carrier, or for every carrier when None."""
    source, labels = _day_orders(session, day=day, carrier_id=carrier_id, filters=filters)
    return shipping_list(source, filters, labels=labels)


def shipping_chart_document(session: Session, *, day: date, carrier_id: int, filters: ShippingFilters = NO_FILTERS,
                            paper: str | None = None) -> tuple[ShippingChart, str]:
    """The 出荷表 and its paper (the shared setting unless ``paper`` is given)."""
    chart = load_shipping_chart(session, day=day, carrier_id=carrier_id, filters=filters)
    return chart, paper or get_preference(session, CHART_PAPER)


def packing_slips_document(session: Session, *, day: date, carrier_id: int | None,
                           filters: ShippingFilters = NO_FILTERS) -> tuple[tuple[PackingSlip, ...], Company]:
    """The packing slips and the company that prints them."""
    return load_packing_slips(session, day=day, carrier_id=carrier_id, filters=filters), load_company(session)


def shipping_list_document(session: Session, *, day: date, carrier_id: int | None = None,
                           filters: ShippingFilters = NO_FILTERS) -> tuple[ShippingList, Company]:
    """The shipping list and the company that prints it."""
    return load_shipping_list(session, day=day, carrier_id=carrier_id, filters=filters), load_company(session)
