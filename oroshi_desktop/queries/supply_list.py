"""The 供給 list: one day's supplies by prefecture, reception time and organization, in SQL.

As in the order list, ``supply_ids`` returns ids only (filtered and sorted in the database),
``supply_rows`` reads one page of cells, and ``supply_counts`` counts the day's rows and those
without a price (the view's header warns about them: a statement would print ¥0 for them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import IntEnum
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from oroshi_desktop.db import models as m
from oroshi_desktop.domain.check_sheet import ReceptionTime
from oroshi_desktop.domain.money import to_decimal
from oroshi_desktop.queries.statements import variation_display


class SupplySort(IntEnum):
    """One per column of the list, in column order."""

    PREFECTURE = 0
    RECEPTION_TIME = 1
    ORGANIZATION = 2
    PRODUCER = 3
    VARIATION = 4
    QUANTITY = 5
    PRICE = 6
    LOCKED = 7


@dataclass(frozen=True)
class SupplyFilter:
    day: date
    prefecture_id: int | None = None
    reception_time_id: int | None = None
    organization_id: int | None = None
    unpriced_only: bool = False


@dataclass(frozen=True)
class SupplyRow:
    id: int
    prefecture_id: int | None
    reception_time: ReceptionTime
    organization_name: str
    producer_number: int | None
    producer_name: str
    variation_name: str
    unit: str
    quantity: Decimal
    price: Decimal
    locked: bool

    @property
    def unpriced(self) -> bool:
        return self.price == 0


@dataclass(frozen=True)
class SupplyCounts:
    count: int = 0
    unpriced: int = 0


@dataclass(frozen=True)
class DayChoices:
    """What the day's filter boxes offer: only prefectures, times and organizations that delivered."""

    prefecture_ids: tuple[int, ...]
    reception_times: tuple[ReceptionTime, ...]
    organizations: tuple[tuple[int, str], ...]


def supply_days(session: Session, start: date, end: date) -> list[date]:
    """Days in ``start``–``end`` with at least one delivered supply (the calendar marks them)."""
    return list(session.scalars(
        select(m.SupplyDate.date).where(m.SupplyDate.date.between(start, end),
                                        select(m.Supply.id).where(m.Supply.supply_date_id == m.SupplyDate.id,
                                                                  m.Supply.quantity > 0).exists())
        .order_by(m.SupplyDate.date)))


def _joined(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    return (query.select_from(m.Supply).join(m.SupplyDate, m.SupplyDate.id == m.Supply.supply_date_id)
            .join(m.Supplier, m.Supplier.id == m.Supply.supplier_id)
            .join(m.SupplierOrganization, m.SupplierOrganization.id == m.Supplier.supplier_organization_id))


def _conditions(f: SupplyFilter) -> list[Any]:
    # Quantity 0 rows are the web form's empty cells, not deliveries (the check sheet skips them too).
    conditions: list[Any] = [m.SupplyDate.date == f.day, m.Supply.quantity > 0]
    if f.prefecture_id is not None:
        conditions.append(m.SupplierOrganization.subregion_id == f.prefecture_id)
    if f.reception_time_id is not None:
        conditions.append(m.Supply.supply_reception_time_id == f.reception_time_id)
    if f.organization_id is not None:
        conditions.append(m.SupplierOrganization.id == f.organization_id)
    if f.unpriced_only:
        conditions.append(m.Supply.price == 0)
    return conditions


def _sort_key(query: Select[*tuple[Any, ...]], sort: SupplySort) -> tuple[Select[*tuple[Any, ...]], list[Any]]:
    if sort == SupplySort.RECEPTION_TIME:
        query = query.join(m.SupplyReceptionTime, m.SupplyReceptionTime.id == m.Supply.supply_reception_time_id)
        return query, [m.SupplyReceptionTime.hour, m.SupplyReceptionTime.id]
    if sort == SupplySort.VARIATION:
        query = (query.join(m.SupplyTypeVariation, m.SupplyTypeVariation.id == m.Supply.supply_type_variation_id)
                 .join(m.SupplyType, m.SupplyType.id == m.SupplyTypeVariation.supply_type_id))
        return query, [m.SupplyType.position, m.SupplyTypeVariation.position]
    columns: dict[SupplySort, list[Any]] = {
        SupplySort.PREFECTURE: [m.SupplierOrganization.subregion_id, m.Supply.supply_reception_time_id,
                                m.SupplierOrganization.entity_name, m.Supplier.supplier_number],
        SupplySort.ORGANIZATION: [m.SupplierOrganization.entity_name, m.Supplier.supplier_number],
        SupplySort.PRODUCER: [m.Supplier.supplier_number, m.Supplier.short_name],
        SupplySort.QUANTITY: [m.Supply.quantity],
        SupplySort.PRICE: [m.Supply.price],
        SupplySort.LOCKED: [m.Supply.locked],
    }
    return query, columns[sort]


def supply_ids(session: Session, f: SupplyFilter, sort: SupplySort = SupplySort.PREFECTURE,
               descending: bool = False, limit: int | None = None) -> list[int]:
    query, keys = _sort_key(_joined(select(m.Supply.id)), sort)
    order = [(k.desc() if descending else k.asc()).nulls_last() for k in keys]
    query = query.where(*_conditions(f)).order_by(*order, m.Supply.id.desc() if descending else m.Supply.id)
    return list(session.scalars(query.limit(limit) if limit is not None else query))


def supply_rows(session: Session, ids: list[int]) -> dict[int, SupplyRow]:
    if not ids:
        return {}
    query = (
        _joined(select(m.Supply.id, m.SupplierOrganization.subregion_id, m.SupplyReceptionTime.id,
                       m.SupplyReceptionTime.time_qualifier, m.SupplyReceptionTime.hour, m.SupplierOrganization.entity_name,
                       m.Supplier.supplier_number, m.Supplier.short_name, m.Supplier.company_name, m.SupplyType.name,
                       m.SupplyTypeVariation.name, m.SupplyType.units, m.Supply.quantity, m.Supply.price, m.Supply.locked))
        .join(m.SupplyReceptionTime, m.SupplyReceptionTime.id == m.Supply.supply_reception_time_id)
        .join(m.SupplyTypeVariation, m.SupplyTypeVariation.id == m.Supply.supply_type_variation_id)
        .join(m.SupplyType, m.SupplyType.id == m.SupplyTypeVariation.supply_type_id)
        .where(m.Supply.id.in_(ids))
    )
    return {
        sid: SupplyRow(id=sid, prefecture_id=prefecture,
                       reception_time=ReceptionTime(id=time_id, qualifier=qualifier or "", hour=hour),
                       organization_name=org or "", producer_number=number, producer_name=short or company or "",
                       variation_name=variation_display(type_name, var_name), unit=units or "",
                       quantity=to_decimal(qty), price=to_decimal(price), locked=bool(locked))
        for (sid, prefecture, time_id, qualifier, hour, org, number, short, company, type_name, var_name, units, qty,
             price, locked) in session.execute(query)
    }


def first_page(session: Session, f: SupplyFilter, sort: SupplySort, descending: bool,
               limit: int) -> tuple[list[int], dict[int, SupplyRow]]:
    ids = supply_ids(session, f, sort, descending, limit)
    return ids, supply_rows(session, ids)


def supply_counts(session: Session, f: SupplyFilter) -> SupplyCounts:
    count, unpriced = session.execute(
        _joined(select(func.count(m.Supply.id), func.coalesce(func.sum(case((m.Supply.price == 0, 1), else_=0)), 0)))
        .where(*_conditions(f))).one()
    return SupplyCounts(count=int(count), unpriced=int(unpriced))


def day_choices(session: Session, day: date) -> DayChoices:
    base = SupplyFilter(day=day)
    prefectures = session.scalars(_joined(select(m.SupplierOrganization.subregion_id).distinct())
                                  .where(*_conditions(base)).order_by(m.SupplierOrganization.subregion_id))
    time_ids = set(session.scalars(_joined(select(m.Supply.supply_reception_time_id).distinct())
                                   .where(*_conditions(base))))
    times = tuple(ReceptionTime(id=i, qualifier=q or "", hour=h) for i, q, h in session.execute(
        select(m.SupplyReceptionTime.id, m.SupplyReceptionTime.time_qualifier, m.SupplyReceptionTime.hour)
        .where(m.SupplyReceptionTime.id.in_(time_ids)).order_by(m.SupplyReceptionTime.hour, m.SupplyReceptionTime.id)))
    organizations = tuple((i, name or "") for i, name in session.execute(
        _joined(select(m.SupplierOrganization.id, m.SupplierOrganization.entity_name).distinct())
        .where(*_conditions(base)).order_by(m.SupplierOrganization.entity_name, m.SupplierOrganization.id)))
    return DayChoices(prefecture_ids=tuple(p for p in prefectures if p is not None), reception_times=times,
                      organizations=organizations)
