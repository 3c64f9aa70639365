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

from oroshi_desktop.db.models import (
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
    SupplyReceptionTime,
    SupplyType,
    SupplyTypeVariation,
)
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
        select(SupplyDate.date).where(SupplyDate.date.between(start, end),
                                      select(Supply.id).where(Supply.supply_date_id == SupplyDate.id,
                                                              Supply.quantity > 0).exists())
        .order_by(SupplyDate.date)))


def _joined(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
    return (query.select_from(Supply).join(SupplyDate, SupplyDate.id == Supply.supply_date_id)
            .join(Supplier, Supplier.id == Supply.supplier_id)
            .join(SupplierOrganization, SupplierOrganization.id == Supplier.supplier_organization_id))


def _conditions(f: SupplyFilter) -> list[Any]:
    # Quantity 0 rows are the web form's empty cells, not deliveries (the check sheet skips them too).
    conditions: list[Any] = [SupplyDate.date == f.day, Supply.quantity > 0]
    if f.prefecture_id is not None:
        conditions.append(SupplierOrganization.subregion_id == f.prefecture_id)
    if f.reception_time_id is not None:
        conditions.append(Supply.supply_reception_time_id == f.reception_time_id)
    if f.organization_id is not None:
        conditions.append(SupplierOrganization.id == f.organization_id)
    if f.unpriced_only:
        conditions.append(Supply.price == 0)
    return conditions


def _sort_key(query: Select[*tuple[Any, ...]], sort: SupplySort) -> tuple[Select[*tuple[Any, ...]], list[Any]]:
    if sort == SupplySort.RECEPTION_TIME:
        query = query.join(SupplyReceptionTime, SupplyReceptionTime.id == Supply.supply_reception_time_id)
        return query, [SupplyReceptionTime.hour, SupplyReceptionTime.id]
    if sort == SupplySort.VARIATION:
        query = (query.join(SupplyTypeVariation, SupplyTypeVariation.id == Supply.supply_type_variation_id)
                 .join(SupplyType, SupplyType.id == SupplyTypeVariation.supply_type_id))
        return query, [SupplyType.position, SupplyTypeVariation.position]
    columns: dict[SupplySort, list[Any]] = {
        SupplySort.PREFECTURE: [SupplierOrganization.subregion_id, Supply.supply_reception_time_id,
                                SupplierOrganization.entity_name, Supplier.supplier_number],
        SupplySort.ORGANIZATION: [SupplierOrganization.entity_name, Supplier.supplier_number],
        SupplySort.PRODUCER: [Supplier.supplier_number, Supplier.short_name],
        SupplySort.QUANTITY: [Supply.quantity],
        SupplySort.PRICE: [Supply.price],
        SupplySort.LOCKED: [Supply.locked],
    }
    return query, columns[sort]


def supply_ids(session: Session, f: SupplyFilter, sort: SupplySort = SupplySort.PREFECTURE,
               descending: bool = False, limit: int | None = None) -> list[int]:
    query, keys = _sort_key(_joined(select(Supply.id)), sort)
    order = [(k.desc() if descending else k.asc()).nulls_last() for k in keys]
    query = query.where(*_conditions(f)).order_by(*order, Supply.id.desc() if descending else Supply.id)
    return list(session.scalars(query.limit(limit) if limit is not None else query))


def supply_rows(session: Session, ids: list[int]) -> dict[int, SupplyRow]:
    if not ids:
        return {}
    query = (
        _joined(select(Supply.id, SupplierOrganization.subregion_id, SupplyReceptionTime.id,
                       SupplyReceptionTime.time_qualifier, SupplyReceptionTime.hour, SupplierOrganization.entity_name,
                       Supplier.supplier_number, Supplier.short_name, Supplier.company_name, SupplyType.name,
                       SupplyTypeVariation.name, SupplyType.units, Supply.quantity, Supply.price, Supply.locked))
        .join(SupplyReceptionTime, SupplyReceptionTime.id == Supply.supply_reception_time_id)
        .join(SupplyTypeVariation, SupplyTypeVariation.id == Supply.supply_type_variation_id)
        .join(SupplyType, SupplyType.id == SupplyTypeVariation.supply_type_id)
        .where(Supply.id.in_(ids))
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
        _joined(select(func.count(Supply.id), func.coalesce(func.sum(case((Supply.price == 0, 1), else_=0)), 0)))
        .where(*_conditions(f))).one()
    return SupplyCounts(count=int(count), unpriced=int(unpriced))


def day_choices(session: Session, day: date) -> DayChoices:
    base = SupplyFilter(day=day)
    prefectures = session.scalars(_joined(select(SupplierOrganization.subregion_id).distinct())
                                  .where(*_conditions(base)).order_by(SupplierOrganization.subregion_id))
    time_ids = set(session.scalars(_joined(select(Supply.supply_reception_time_id).distinct())
                                   .where(*_conditions(base))))
    times = tuple(ReceptionTime(id=i, qualifier=q or "", hour=h) for i, q, h in session.execute(
        select(SupplyReceptionTime.id, SupplyReceptionTime.time_qualifier, SupplyReceptionTime.hour)
        .where(SupplyReceptionTime.id.in_(time_ids)).order_by(SupplyReceptionTime.hour, SupplyReceptionTime.id)))
    organizations = tuple((i, name or "") for i, name in session.execute(
        _joined(select(SupplierOrganization.id, SupplierOrganization.entity_name).distinct())
        .where(*_conditions(base)).order_by(SupplierOrganization.entity_name, SupplierOrganization.id)))
    return DayChoices(prefecture_ids=tuple(p for p in prefectures if p is not None), reception_times=times,
                      organizations=organizations)
