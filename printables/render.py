"""Loading and rendering each document in one call: the functions the CLI and the jobs share."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import select

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Invoice, InvoiceLayout, InvoiceSupplierOrganization
from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT, issue_date
from oroshi_desktop.domain.shipping import NO_FILTERS, ShippingFilters
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.queries.check_sheet import load_check_sheet
from oroshi_desktop.queries.preferences import CHART_PAPER, get_preference, load_company
from oroshi_desktop.queries.shipping import load_packing_slips, load_shipping_chart, load_shipping_list
from oroshi_desktop.queries.statements import load_statement
from printables.check_sheet import render_check_sheet
from printables.packing_slips import render_packing_slips
from printables.shipping_chart import render_shipping_chart
from printables.shipping_list import render_shipping_list
from printables.statement import render_statement


def statement_pdf(db: Database, *, invoice_id: int, organization_id: int, fmt: str, layout: str | None = None,
                  password: str | None = None, tz: ZoneInfo = BUSINESS_TZ_DEFAULT) -> bytes:
    """An issued statement of a run: the run's period, its send date as the statement date."""
    with db.read() as session:
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
        statement = load_statement(session, organization_id=organization_id, start=invoice.start_date,
                                   end=invoice.end_date, fmt=fmt, layout=layout, statement_date=statement_date)
    return render_statement(statement, password=password)


def preview_pdf(db: Database, *, start: date, end: date, organization_id: int, fmt: str, layout: str) -> bytes:
    """A 見本 preview: no password, dated by the last supply date."""
    with db.read() as session:
        statement = load_statement(session, organization_id=organization_id, start=start, end=end, fmt=fmt,
                                   layout=layout, statement_date=None, is_preview=True)
    return render_statement(statement)


def shipping_chart_pdf(db: Database, *, day: date, carrier_id: int,
                       filters: ShippingFilters = NO_FILTERS, paper: str | None = None) -> bytes:
    with db.read() as session:
        chart = load_shipping_chart(session, day=day, carrier_id=carrier_id, filters=filters)
        paper = paper or get_preference(session, CHART_PAPER)
    return render_shipping_chart(chart, paper=paper)


def packing_slips_pdf(db: Database, *, day: date, carrier_id: int | None,
                      filters: ShippingFilters = NO_FILTERS) -> bytes:
    with db.read() as session:
        slips = load_packing_slips(session, day=day, carrier_id=carrier_id, filters=filters)
        company = load_company(session)
    return render_packing_slips(slips, company)


def shipping_list_pdf(db: Database, *, day: date, carrier_id: int | None = None,
                      filters: ShippingFilters = NO_FILTERS) -> bytes:
    with db.read() as session:
        listing = load_shipping_list(session, day=day, carrier_id=carrier_id, filters=filters)
        company = load_company(session)
    return render_shipping_list(listing, company)


def check_sheet_pdf(db: Database, *, day: date, prefecture_ids: list[int], reception_time_ids: list[int]) -> bytes:
    with db.read() as session:
        sheet = load_check_sheet(session, day=day, prefecture_ids=prefecture_ids,
                                 reception_time_ids=reception_time_ids)
    return render_check_sheet(sheet)
