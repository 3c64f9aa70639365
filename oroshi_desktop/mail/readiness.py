"""What a statement needs before it is generated or mailed, checked per organization row.

A statement is never produced or mailed without the issuer (the company's name and address), the
organization's registration number (登録番号, printed on the statement), a known layout and sound
numbers. Each check raises ``UserError`` naming the record and the field, so one bad organization
fails alone with a reason a person can act on (the batch goes on with the others).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import (
    Invoice,
    InvoiceLayout,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
)
from oroshi_desktop.domain.parties import Company
from oroshi_desktop.domain.quantities import supply_number
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries.preferences import company_settings

__all__ = [
    "check_organization",
    "check_run",
    "check_supplies",
    "company_settings",
    "data_fingerprint",
    "load_issuer",
    "statement_period",
    "statement_periods",
    "supply_signatures",
]


def load_issuer(session: Session) -> Company:
    """The company as issuer of the statements; refuses settings that cannot issue one."""
    data = company_settings(session)
    if data is None:
        raise UserError("company settings (settings row oroshi_company_settings) are missing: the statement "
                        "would have no issuer; enter the company name and address first",
                        "会社設定（settings の oroshi_company_settings）がありません。発行者のない明細書は作成・"
                        "送信できません。会社名と住所を設定してください")
    if not isinstance(data, dict):
        raise UserError(f"company settings: settings must be a JSON object, got {type(data).__name__}",
                        f"会社設定: settings がJSONオブジェクトではありません（{type(data).__name__}）")
    company = Company.from_settings(data)
    for key, ja in (("name", "会社名"), ("address", "住所")):
        if not " ".join(getattr(company, key).split()):
            raise UserError(f"company settings: the issuer's {key} is empty; statements are not issued without it",
                            f"会社設定: 発行者の{ja}（{key}）が空です。{ja}のない明細書は作成・送信できません")
    return company


def check_run(invoice: Invoice) -> None:
    if invoice.start_date is None or invoice.end_date is None:
        raise UserError(f"statement run {invoice.id}: start_date/end_date is empty",
                        f"支払い明細書 {invoice.id}: 期間（start_date / end_date）がありません")
    InvoiceLayout.of_run(invoice)


def check_organization(organization: SupplierOrganization) -> None:
    if not (organization.invoice_number or "").strip():
        raise UserError(f"invoice_number (registration number) of organization {organization.id} is empty",
                        f"組織 {organization.id} の登録番号（invoice_number）が空です。登録番号のない明細書は"
                        "作成・送信できません")


def _supplies(organization_id: int, start: date, end: date) -> Any:
    return (select(Supply.id, Supply.quantity, Supply.price, Supply.updated_at)
            .join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
            .join(Supplier, Supply.supplier_id == Supplier.id)
            .where(Supplier.supplier_organization_id == organization_id, SupplyDate.date.between(start, end)))


def check_supplies(session: Session, organization_id: int, start: date, end: date) -> None:
    """Every quantity and price of the organization's supplies in the period is a sound number
    (finite, not negative, within bounds: ``domain.quantities``)."""
    for supply_id, quantity, price, _updated in session.execute(_supplies(organization_id, start, end)):
        supply_number(quantity, supply_id=supply_id, field="quantity")
        supply_number(price, supply_id=supply_id, field="price")


def statement_period(session: Session, organization_id: int, start: date, end: date) -> tuple[date, date]:
    """The period the statement PDFs print: their first and last supply day, else the run's period.

    Built by the same code as the PDF body, so the mail's subject and body always say what the
    attached PDFs say.
    """
    from oroshi_desktop.domain.statement_body import build_body
    from oroshi_desktop.queries.preferences import rounding
    from oroshi_desktop.queries.statements import supply_records

    body = build_body((record for _supplier, record in supply_records(session, organization_id, start, end)),
                      rounding(session))
    return body.first_date or start, body.last_date or end


def statement_periods(session: Session, organization_ids: list[int], start: date,
                      end: date) -> dict[int, tuple[date, date]]:
    """``statement_period`` of many organizations, their supplies read in one query (a query per
    row was a tenth of a run's preparation). An organization whose supplies ``statement_period``
    refuses (a broken reference, an unsound number) is left out: its row asks ``statement_period``
    itself, which raises the reason in that row's own savepoint."""
    from oroshi_desktop.domain.statement_body import build_body
    from oroshi_desktop.queries.preferences import rounding, tax_rates
    from oroshi_desktop.queries.statements import supply_record, supply_rows_of

    periods: dict[int, tuple[date, date]] = {}
    try:
        rates, rule = tax_rates(session), rounding(session)
    except SQLAlchemyError:
        raise  # the database itself: the caller's job retries
    except Exception:
        return periods
    rows = supply_rows_of(session, organization_ids, start, end)
    for organization_id in organization_ids:
        try:
            body = build_body((supply_record(row, rates)[1] for row in rows.get(organization_id, ())), rule)
        except Exception:
            continue
        periods[organization_id] = (body.first_date or start, body.last_date or end)
    return periods


def supply_signatures(session: Session, organization_ids: list[int], start: date,
                      end: date) -> dict[int, tuple[int, Any]]:
    """Per organization: how many supplies it has in the period and when the newest one changed
    (one grouped query for a whole run)."""
    if not organization_ids:
        return {}
    rows = session.execute(
        select(Supplier.supplier_organization_id, func.count(), func.max(Supply.updated_at))
        .join(Supplier, Supply.supplier_id == Supplier.id)
        .join(SupplyDate, Supply.supply_date_id == SupplyDate.id)
        .where(Supplier.supplier_organization_id.in_(organization_ids), SupplyDate.date.between(start, end))
        .group_by(Supplier.supplier_organization_id))
    return {org_id: (count, newest) for org_id, count, newest in rows}


def data_fingerprint(company: Any, invoice: Invoice, organization: SupplierOrganization,
                     supplies: tuple[int, Any], extra: Any = None) -> str:
    """SHA-256 over the data a statement mail is made from: the company settings (raw JSON), the run,
    the organization, its supplies (count and newest change, from ``supply_signatures``) and
    ``extra``. A permanent failure is tried again only when this changes."""
    data = {
        "company": company,
        "run": [invoice.start_date, invoice.end_date, invoice.invoice_layout, invoice.send_at],
        "organization": [organization.entity_name, organization.micro_region, organization.subregion_id,
                         organization.email, organization.invoice_number, organization.invoice_name],
        "supplies": list(supplies),
        "extra": extra,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode()).hexdigest()
