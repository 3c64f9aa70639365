"""Loading one day's reception check sheet (供給・受入チェック表) from the Oroshi tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from oroshi_desktop.db import models as m
from oroshi_desktop.domain.check_sheet import (
    CheckSheet,
    OrganizationRecord,
    ProducerRecord,
    ReceptionTime,
    SupplyEntry,
    check_sheet_pages,
)
from oroshi_desktop.domain.quantities import supply_number
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.queries.preferences import CHECK_SHEET_DATES, get_preference, load_company

__all__ = ["document_dates", "load_check_sheet", "reception_times"]


def _ids(values: Iterable[Any], field: str, field_ja: str) -> tuple[int, ...]:
    """Distinct ids in the given order; anything that is not a whole number is the user's mistake."""
    result: list[int] = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int):
            try:
                value = int(str(value).strip())
            except ValueError:
                raise UserError(f"{field}: {value!r} is not a whole number",
                                f"{field_ja}: {value!r} は整数ではありません") from None
        if value not in result:
            result.append(value)
    if not result:
        raise UserError(f"{field}: choose at least one", f"{field_ja}を1つ以上選んでください")
    return tuple(result)


def _prefecture_ids(values: Iterable[Any]) -> tuple[int, ...]:
    ids = _ids(values, "prefecture_ids", "都道府県")
    for code in ids:
        if not 1 <= code <= 47:
            raise UserError(f"prefecture_ids: {code} is not a prefecture code (1–47)",
                            f"都道府県: {code} は都道府県コード（1〜47）ではありません")
    return ids


def reception_times(session: Session, ids: Sequence[int]) -> tuple[ReceptionTime, ...]:
    """The reception times in the order asked for; an unknown id is a NotFound naming it."""
    rows = {row.id: row for row in session.scalars(
        select(m.SupplyReceptionTime).where(m.SupplyReceptionTime.id.in_(ids)))}
    missing = [i for i in ids if i not in rows]
    if missing:
        listed = ", ".join(str(i) for i in missing)
        raise NotFound(f"supply reception time {listed} does not exist",
                       f"受入時間 {listed} が見つかりません")
    return tuple(ReceptionTime(id=i, qualifier=rows[i].time_qualifier or "", hour=rows[i].hour) for i in ids)


def document_dates(session: Session) -> tuple[date, ...]:
    """作成日・更新日 from the shared settings; a malformed entry is reported, not skipped."""
    raw = get_preference(session, CHECK_SHEET_DATES)
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        raise UserError(f"setting {CHECK_SHEET_DATES} must be a list of dates, got {raw!r}",
                        f"設定「チェック表の作成日・更新日」は日付のリストです（{raw!r}）")
    result = []
    for item in raw:
        try:
            result.append(date.fromisoformat(str(item).strip()))
        except ValueError:
            raise UserError(f"setting {CHECK_SHEET_DATES}: {item!r} is not a date (YYYY-MM-DD)",
                            f"設定「チェック表の作成日・更新日」: {item!r} は日付（YYYY-MM-DD）ではありません") from None
    return tuple(result)


def _supplies(session: Session, supply_date_id: int, time_ids: Sequence[int],
              prefecture_ids: Sequence[int]) -> list[SupplyEntry]:
    query = (
        select(m.Supply.supplier_id, m.Supply.supply_type_variation_id, m.SupplyType.name, m.SupplyTypeVariation.name,
               m.SupplyType.units, m.SupplyType.liquid, m.SupplyType.position, m.SupplyTypeVariation.position,
               m.Supply.supply_reception_time_id, m.Supply.quantity, m.Supply.entry_index, m.Supply.id)
        .join(m.SupplyTypeVariation, m.Supply.supply_type_variation_id == m.SupplyTypeVariation.id)
        .join(m.SupplyType, m.SupplyTypeVariation.supply_type_id == m.SupplyType.id)
        .join(m.Supplier, m.Supply.supplier_id == m.Supplier.id)
        .join(m.SupplierOrganization, m.Supplier.supplier_organization_id == m.SupplierOrganization.id)
        .where(m.Supply.supply_date_id == supply_date_id, m.Supply.quantity != 0,
               m.Supply.supply_reception_time_id.in_(time_ids),
               m.SupplierOrganization.subregion_id.in_(prefecture_ids))
        .order_by(m.Supply.id)
    )
    return [
        SupplyEntry(
            supplier_id=supplier_id, variation_id=variation_id,
            variation_name=f"{type_name or ''} ({variation_name or ''})", unit=units or "",
            liquid=bool(liquid), reception_time_id=time_id,
            quantity=supply_number(qty, supply_id=supply_id, field="quantity"),
            entry_index=entry_index, position=(type_pos, variation_pos),
        )
        for (supplier_id, variation_id, type_name, variation_name, units, liquid, type_pos, variation_pos,
             time_id, qty, entry_index, supply_id) in session.execute(query)
    ]


def _linked_organization_ids(session: Session, supply_date_id: int) -> set[int]:
    """Organizations linked to the day, plus any whose producers delivered (the link rows are a cache)."""
    linked = set(session.scalars(
        select(m.SupplyDateSupplierOrganization.supplier_organization_id)
        .where(m.SupplyDateSupplierOrganization.supply_date_id == supply_date_id)))
    linked.update(session.scalars(
        select(m.Supplier.supplier_organization_id).distinct()
        .join(m.Supply, m.Supply.supplier_id == m.Supplier.id)
        .where(m.Supply.supply_date_id == supply_date_id, m.Supply.quantity != 0)))
    return linked


def load_check_sheet(session: Session, *, day: date, prefecture_ids: Iterable[Any],
                     reception_time_ids: Iterable[Any]) -> CheckSheet:
    """The check sheet for ``day``; with no supply-date row it has no pages and says so (``notice``)."""
    prefectures = _prefecture_ids(prefecture_ids)
    times = reception_times(session, _ids(reception_time_ids, "reception_time_ids", "受入時間"))
    company = load_company(session)
    dates = document_dates(session)

    supply_date_id = session.scalar(select(m.SupplyDate.id).where(m.SupplyDate.date == day))
    if supply_date_id is None:
        return CheckSheet(day=day, prefecture_ids=prefectures, reception_times=times, pages=(),
                          company=company, document_dates=dates, supply_date_found=False)

    linked = _linked_organization_ids(session, supply_date_id)
    org_rows = session.execute(
        select(m.SupplierOrganization.id, m.SupplierOrganization.entity_name, m.SupplierOrganization.micro_region,
               m.SupplierOrganization.subregion_id, m.SupplierOrganization.free_entry)
        .where(m.SupplierOrganization.subregion_id.in_(prefectures),
               m.SupplierOrganization.id.in_(sorted(linked))
               | ((m.SupplierOrganization.free_entry == true()) & (m.SupplierOrganization.active == true())))
    ).all()
    org_ids = [row[0] for row in org_rows]
    producers = [
        ProducerRecord(id=pid, organization_id=oid, number=number, short_name=short_name or "",
                       active=bool(active))
        for pid, oid, number, short_name, active in session.execute(
            select(m.Supplier.id, m.Supplier.supplier_organization_id, m.Supplier.supplier_number,
                   m.Supplier.short_name, m.Supplier.active)
            .where(m.Supplier.supplier_organization_id.in_(org_ids)))
    ]
    active_counts = Counter(p.organization_id for p in producers if p.active)
    organizations = [
        OrganizationRecord(id=oid, name=name or "", micro_region=micro_region or "", subregion_id=subregion,
                           free_entry=bool(free_entry), producer_count=active_counts[oid])
        for oid, name, micro_region, subregion, free_entry in org_rows
    ]
    pages = check_sheet_pages(
        day, prefectures, times, organizations=organizations, producers=producers,
        supplies=_supplies(session, supply_date_id, [t.id for t in times], prefectures),
        linked_organization_ids=linked,
    )
    return CheckSheet(day=day, prefecture_ids=prefectures, reception_times=times, pages=pages,
                      company=company, document_dates=dates)
