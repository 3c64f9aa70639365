"""Loading a payment statement's data from the Oroshi tables into domain values."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import (
    Address,
    Invoice,
    InvoiceLayout,
    InvoiceSupplierOrganization,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
    SupplyType,
    SupplyTypeVariation,
)
from oroshi_desktop.domain.money import Rounding
from oroshi_desktop.domain.parties import Company, PostalAddress, Receiver
from oroshi_desktop.domain.payment_statement import PaymentStatement, ProducerSection
from oroshi_desktop.domain.quantities import supply_number
from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT, issue_date
from oroshi_desktop.domain.statement_body import SupplyRecord, build_body
from oroshi_desktop.domain.statement_options import (
    StatementFormat,
    StatementLayout,
    statement_format,
    statement_layout,
)
from oroshi_desktop.errors import BrokenReference, NotFound, UserError
from oroshi_desktop.queries.preferences import load_company, rounding, tax_rate_for, tax_rates

ORGANIZATION_ADDRESSABLE = ("Oroshi::SupplierOrganization", "SupplierOrganization")


def variation_display(type_name: str | None, variation_name: str | None) -> str:
    return f"{type_name or ''} ({variation_name or ''})"


def organization_address(session: Session, organization_id: int) -> PostalAddress:
    row = session.execute(
        select(Address.postal_code, Address.subregion_id, Address.city, Address.address1, Address.address2)
        .where(Address.addressable_type.in_(ORGANIZATION_ADDRESSABLE), Address.addressable_id == organization_id)
        .order_by(Address.default.desc().nulls_last(), Address.id).limit(1)
    ).first()
    return PostalAddress.build(*row) if row else PostalAddress()


def supply_records(session: Session, organization_id: int, start: date, end: date,
                   supplier_id: int | None = None) -> list[tuple[int, SupplyRecord]]:
    """Every supply with quantity ≠ 0 of the organization's producers on supply dates in range.

    A quantity or price that is not a sound number refuses the whole statement (``UserError``
    naming the supply and field): a line left out would print a wrong total without a word.
    """
    rates = tax_rates(session)
    query = supply_query().where(Supplier.supplier_organization_id == organization_id,
                                 SupplyDate.date.between(start, end), Supply.quantity != 0)
    if supplier_id is not None:
        query = query.where(Supply.supplier_id == supplier_id)
    return [supply_record(row, rates) for row in session.execute(query)]


def supply_rows_of(session: Session, organization_ids: Iterable[int], start: date,
                   end: date) -> dict[int, list[Any]]:
    """The rows ``supply_records`` reads, for many organizations in one query: per organization,
    its rows of ``supply_query`` (quantity ≠ 0, supply dates in range), each made a record by
    ``supply_record`` (which refuses a broken or unsound one, for that organization alone)."""
    ids = sorted(set(organization_ids))
    if not ids:
        return {}
    query = (supply_query().add_columns(Supplier.supplier_organization_id)
             .where(Supplier.supplier_organization_id.in_(ids), SupplyDate.date.between(start, end),
                    Supply.quantity != 0))
    rows: dict[int, list[Any]] = {}
    for row in session.execute(query):
        rows.setdefault(row[-1], []).append(row)
    return rows


def supply_query() -> Any:  # a Select of the columns below
    """The columns ``supply_record`` reads, joined; the caller adds its conditions."""
    return (
        select(SupplyDate.date, Supply.supplier_id, Supply.supply_type_variation_id, SupplyType.name,
               SupplyTypeVariation.name, SupplyType.units, SupplyType.position, SupplyTypeVariation.position,
               Supply.quantity, Supply.price, SupplyType.id, Supply.id, SupplyTypeVariation.id,
               SupplyTypeVariation.supply_type_id)
        .join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
        .join(Supplier, Supply.supplier_id == Supplier.id)
        # Outer joins: a supply whose variation (or type) is gone must not vanish from the statement.
        .outerjoin(SupplyTypeVariation, Supply.supply_type_variation_id == SupplyTypeVariation.id)
        .outerjoin(SupplyType, SupplyTypeVariation.supply_type_id == SupplyType.id)
    )


def supply_amounts(row: Sequence[Any]) -> tuple[Decimal, Decimal]:
    """The quantity and price of a row of ``supply_query``; an unsound one raises naming the supply
    and the field (the quantity first)."""
    supply_id = row[11]
    return (supply_number(row[8], supply_id=supply_id, field="quantity"),
            supply_number(row[9], supply_id=supply_id, field="price"))


def supply_record(row: Sequence[Any], rates: dict[int, Decimal],
                  amounts: tuple[Decimal, Decimal] | None = None) -> tuple[int, SupplyRecord]:
    """One row of ``supply_query`` as (producer id, record); a broken reference or an unsound number
    raises naming the supply and the field. ``amounts``: the row's ``supply_amounts``, when the caller
    has them already."""
    (day, sup_id, var_id, type_name, var_name, units, type_pos, var_pos, _qty, _price,
     type_id, supply_id, found_variation, variation_type_id) = row[:14]
    if found_variation is None:
        raise BrokenReference(Supply.__tablename__, supply_id, "supply_type_variation_id", var_id)
    if type_id is None:
        raise BrokenReference(SupplyTypeVariation.__tablename__, var_id, "supply_type_id", variation_type_id)
    quantity, price = amounts or supply_amounts(row)
    return sup_id, SupplyRecord(
        date=day, supplier_id=sup_id, variation_id=var_id,
        variation_name=variation_display(type_name, var_name), unit=units or "",
        type_position=type_pos, variation_position=var_pos,
        quantity=quantity, price=price, tax_rate=tax_rate_for(rates, type_id),
    )


def load_statement(session: Session, *, organization_id: int, start: date, end: date, fmt: str,
                   layout: str, statement_date: date | None = None, is_preview: bool = False,
                   mode: Rounding | None = None) -> PaymentStatement:
    fmt, layout = statement_format(fmt), statement_layout(layout)
    check_period(start, end)
    org = session.get(SupplierOrganization, organization_id)
    if org is None:
        raise NotFound(f"supplier organization {organization_id} does not exist",
                       f"供給組織 {organization_id} が見つかりません")
    mode = mode or rounding(session)
    records = supply_records(session, organization_id, start, end)
    producers: list[Supplier] = []
    if fmt is StatementFormat.SUPPLIER:
        producers = list(session.scalars(select(Supplier).where(Supplier.id.in_({i for i, _ in records}))))
    return assemble_statement(
        org, organization_address(session, org.id), records, producers, fmt=fmt, layout=layout, start=start,
        end=end, statement_date=statement_date, company=load_company(session), mode=mode, is_preview=is_preview)


def check_period(start: date, end: date) -> None:
    if end < start:
        raise UserError(f"period end {end} is before its start {start}",
                        f"期間の終了日 {end} が開始日 {start} より前です")


def assemble_statement(org: SupplierOrganization, address: PostalAddress, records: list[tuple[int, SupplyRecord]],
                       producers: Iterable[Supplier], *, fmt: StatementFormat, layout: StatementLayout,
                       start: date, end: date, statement_date: date | None, company: Company, mode: Rounding,
                       is_preview: bool = False) -> PaymentStatement:
    """The statement of one organization from its loaded rows (``producers``: at least those of
    ``records``, for the supplier format); no query."""
    receiver = Receiver(
        name=org.invoice_name or org.entity_name, honorific=org.honorific_title or "",
        registration_number=org.invoice_number or "", address=address,
        phone=org.phone or "", fax=org.fax or "",
    )
    sections: tuple[ProducerSection, ...] = ()
    if fmt is StatementFormat.SUPPLIER:
        by_supplier: dict[int, list[SupplyRecord]] = {}
        for sup_id, record in records:
            by_supplier.setdefault(sup_id, []).append(record)
        ordered = sorted((p for p in producers if p.id in by_supplier),
                         key=lambda p: (p.supplier_number is None, p.supplier_number or 0, p.id))
        sections = tuple(
            ProducerSection(
                supplier_id=p.id, supplier_number=p.supplier_number, company_name=p.company_name or "",
                receiver=Receiver(name=p.invoice_name or p.company_name or "", honorific=p.honorific_title or "",
                                  registration_number=p.invoice_number or "", number=p.supplier_number,
                                  phone=p.phone or ""),
                body=build_body(by_supplier[p.id], mode),
            )
            for p in ordered
        )
    return PaymentStatement(
        format=fmt, layout=layout, period_start=start, period_end=end, statement_date=statement_date,
        organization_id=org.id, organization_name=org.entity_name, micro_region=org.micro_region or "",
        receiver=receiver, company=company, body=build_body((r for _, r in records), mode),
        sections=sections, is_preview=is_preview,
    )


def without_sections(supplier: PaymentStatement) -> PaymentStatement:
    """The organization format of a statement assembled in the supplier format: the same statement
    without its producer sections, equal to what ``assemble_statement`` makes for that format from
    the same rows (one body built instead of two)."""
    return dataclasses.replace(supplier, format=StatementFormat.ORGANIZATION, sections=())


def load_issued_statement(session: Session, *, invoice_id: int, organization_id: int, fmt: str,
                          layout: str | None = None, tz: ZoneInfo = BUSINESS_TZ_DEFAULT) -> PaymentStatement:
    """An issued statement of a run: the run's period and layout (unless ``layout`` is given), its
    send date as the statement date."""
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound(f"statement run (invoice) {invoice_id} does not exist",
                       f"支払明細書の作成分（請求 {invoice_id}）が見つかりません")
    if invoice.start_date is None or invoice.end_date is None:
        raise UserError(f"invoice {invoice_id} has no start_date or end_date",
                        f"請求 {invoice_id} に期間（start_date / end_date）がありません")
    member = session.scalar(select(InvoiceSupplierOrganization.id).where(
        InvoiceSupplierOrganization.invoice_id == invoice_id,
        InvoiceSupplierOrganization.supplier_organization_id == organization_id))
    if member is None:
        raise UserError(f"supplier organization {organization_id} is not part of invoice {invoice_id}",
                        f"供給組織 {organization_id} は請求 {invoice_id} に含まれていません")
    if layout is None:
        layout = InvoiceLayout.of_run(invoice)
    statement_date = issue_date(invoice.send_at, tz)  # year 9999: one clear error
    return load_statement(session, organization_id=organization_id, start=invoice.start_date,
                          end=invoice.end_date, fmt=fmt, layout=layout, statement_date=statement_date)


def load_preview_statement(session: Session, *, start: date, end: date, organization_id: int, fmt: str,
                           layout: str) -> PaymentStatement:
    """A 見本 preview: no run yet, dated by the last supply date."""
    return load_statement(session, organization_id=organization_id, start=start, end=end, fmt=fmt,
                          layout=layout, statement_date=None, is_preview=True)
