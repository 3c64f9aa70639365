"""Making each document: the store loads its domain values, a printable draws them as PDF bytes.

One function per document, called alike by the window (through ``Operation``), the CLI
(``render …``) and the queue's tasks. No SQL here (the store's queries run in one read session
each); ReportLab loads with the first document made.

A document with nothing to print is refused here, the same for the three callers: a day (and
carrier) without orders, a narrowing that leaves no shipment, a check sheet without supplies
raise a ``UserError`` that names the day (and the carrier or the selection), never a page that
says "nothing" to the printer (issue 18, point 9).
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from oroshi_desktop.db.engine import Database
from oroshi_desktop.domain.payment_statement import PaymentStatement
from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT
from oroshi_desktop.domain.shipping import NO_FILTERS, ShippingFilters
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries.check_sheet import load_check_sheet
from oroshi_desktop.queries.shipping import (
    packing_slips_document,
    require_orders,
    shipping_chart_document,
    shipping_list_document,
)
from oroshi_desktop.queries.statements import load_issued_statement, load_preview_statement
from printables.check_sheet import render_check_sheet
from printables.packing_slips import render_packing_slips
from printables.shipping_chart import render_shipping_chart
from printables.shipping_list import render_shipping_list
from printables.statement import render_statement


def statement_pdf(db: Database, *, invoice_id: int, organization_id: int, fmt: str, layout: str | None = None,
                  password: str | None = None, tz: ZoneInfo = BUSINESS_TZ_DEFAULT) -> bytes:
    """An issued statement of a run: the run's period, its send date as the statement date."""
    statement = db.reading(load_issued_statement, invoice_id=invoice_id, organization_id=organization_id,
                           fmt=fmt, layout=layout, tz=tz)
    return issued_pdf(statement, password=password)


def issued_pdf(statement: PaymentStatement, *, password: str | None) -> bytes:
    """An issued statement already loaded (generation loads it once, for its content key and its PDF)."""
    return render_statement(statement, password=password)


def preview_pdf(db: Database, *, start: date, end: date, organization_id: int, fmt: str, layout: str) -> bytes:
    """A 見本 preview: no password, dated by the last supply date."""
    statement = db.reading(load_preview_statement, start=start, end=end, organization_id=organization_id,
                           fmt=fmt, layout=layout)
    return render_statement(statement)


# The documents' names in the refusals (the window shows message_ja, the CLI and the log message).
SHIPPING_CHART_NAMES = ("shipping chart", "出荷表")
PACKING_SLIPS_NAMES = ("packing slips", "卸先用出荷表")
SHIPPING_LIST_NAMES = ("shipping list", "まとめた出荷明細表")


def _require_orders(db: Database, names: tuple[str, str], *, day: date, carrier_id: int | None) -> None:
    db.reading(require_orders, day=day, carrier_id=carrier_id, document=names[0], document_ja=names[1])


def _nothing_after_filters(names: tuple[str, str], day: date) -> UserError:
    """The day has orders but the chosen narrowing (method, category, buyer) leaves none."""
    return UserError(f"no order on {day.isoformat()} matches the chosen conditions; no {names[0]} is made",
                     f"{day:%Y/%m/%d} の出荷のうち、選んだ条件（配送方法・カテゴリ・卸先）に当てはまるものがないため、"
                     f"{names[1]}を作成できません。")


def shipping_chart_pdf(db: Database, *, day: date, carrier_id: int,
                       filters: ShippingFilters = NO_FILTERS, paper: str | None = None) -> bytes:
    _require_orders(db, SHIPPING_CHART_NAMES, day=day, carrier_id=carrier_id)
    chart, paper = db.reading(shipping_chart_document, day=day, carrier_id=carrier_id, filters=filters,
                              paper=paper)
    if not chart.rows:  # rows of buyers without orders count: the clerk asked for them
        raise _nothing_after_filters(SHIPPING_CHART_NAMES, day)
    return render_shipping_chart(chart, paper=paper)


def packing_slips_pdf(db: Database, *, day: date, carrier_id: int | None,
                      filters: ShippingFilters = NO_FILTERS) -> bytes:
    _require_orders(db, PACKING_SLIPS_NAMES, day=day, carrier_id=carrier_id)
    slips, company = db.reading(packing_slips_document, day=day, carrier_id=carrier_id, filters=filters)
    if not slips:
        raise _nothing_after_filters(PACKING_SLIPS_NAMES, day)
    return render_packing_slips(slips, company)


def shipping_list_pdf(db: Database, *, day: date, carrier_id: int | None = None,
                      filters: ShippingFilters = NO_FILTERS) -> bytes:
    _require_orders(db, SHIPPING_LIST_NAMES, day=day, carrier_id=carrier_id)
    listing, company = db.reading(shipping_list_document, day=day, carrier_id=carrier_id, filters=filters)
    if not listing.carriers:
        raise _nothing_after_filters(SHIPPING_LIST_NAMES, day)
    return render_shipping_list(listing, company)


def order_document_pdf(db: Database, document_type: str, *, day: date, carrier_id: int | None,
                       filters: ShippingFilters = NO_FILTERS, paper: str | None = None) -> bytes:
    """One of the shipping documents of a day, by its type (the 注文・出荷 view and the queue's job)."""
    if document_type == "shipping_chart":
        if carrier_id is None:
            raise UserError("a shipping chart needs a carrier", "出荷表には運送会社の指定が必要です")
        return shipping_chart_pdf(db, day=day, carrier_id=int(carrier_id), filters=filters, paper=paper)
    if document_type == "packing_slips":
        return packing_slips_pdf(db, day=day, carrier_id=carrier_id, filters=filters)
    if document_type == "shipping_list":
        return shipping_list_pdf(db, day=day, carrier_id=carrier_id, filters=filters)
    raise UserError(f"unknown order document {document_type!r}", f"不明な注文書類です（{document_type}）")


def check_sheet_pdf(db: Database, *, day: date, prefecture_ids: list[int], reception_time_ids: list[int]) -> bytes:
    """The 供給・受入チェック表; a day (or selection) without supplies is refused with the sheet's own
    reason, which names the day and the chosen prefectures and reception times."""
    sheet = db.reading(load_check_sheet, day=day, prefecture_ids=prefecture_ids,
                       reception_time_ids=reception_time_ids)
    notice = sheet.notice
    if notice is not None:
        raise UserError(notice.message, notice.message_ja)
    return render_check_sheet(sheet)
