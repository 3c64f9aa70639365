"""The archive facts of stored statement PDFs: recorded when a PDF is stored, backfilled when missing.

A statement's issue date, total, counterparty and taxes come from ``load_statement``, the very
function that fed the PDF; the supplies of a run are locked by the run (``oroshi_invoice_supply_dates``),
so loading it again later gives the printed figures. The facts row is written once and never
changed, so the archive search can filter, sort and page in SQL.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Final, Literal, Union
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from oroshi_desktop.archive_chain import append_to_chain
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import (
    ArchiveFacts,
    Invoice,
    InvoiceLayout,
    InvoiceSupplierOrganization,
    StoredDocument,
)
from oroshi_desktop.db.models.app import AMOUNT_DIGITS
from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE
from oroshi_desktop.domain.payment_statement import PaymentStatement
from oroshi_desktop.domain.schedule import BUSINESS_TZ_DEFAULT, issue_date
from oroshi_desktop.errors import UserError
from oroshi_desktop.queries.statements import load_statement

__all__ = ["Figures", "checked_figures", "figures_of", "fill_missing_facts", "record_facts", "statement_figures", "storable"]

log = logging.getLogger(__name__)

PRODUCER_SEPARATOR = "\n"  # producers are stored one a line: a name never holds a line break
_BATCH = 200
class _Unreadable(Enum):
    """A row whose figures could not be loaded (an enum member, so the type checker follows ``is``)."""

    UNREADABLE = 0


_UNREADABLE: Final = _Unreadable.UNREADABLE
Loaded = Union["Figures", None, Literal[_Unreadable.UNREADABLE]]


@dataclass(frozen=True)
class Figures:
    issued: date | None
    counterparty: str
    registration_number: str
    producers: tuple[str, ...]
    amount: Decimal
    taxes: tuple[tuple[Decimal, Decimal, Decimal], ...]


def statement_figures(session: Session, invoice_id: int, organization_id: int,
                      tz: ZoneInfo = BUSINESS_TZ_DEFAULT) -> Figures | None:
    """The printed figures of one organization row of a run; None when the run has no period."""
    invoice = session.get(Invoice, invoice_id)
    if invoice is None or invoice.start_date is None or invoice.end_date is None:
        return None
    layout = InvoiceLayout(invoice.invoice_layout or InvoiceLayout.SIMPLE).word
    statement_date = issue_date(invoice.send_at, tz)
    statement = load_statement(session, organization_id=organization_id, start=invoice.start_date,
                               end=invoice.end_date, fmt="supplier", layout=layout, statement_date=statement_date)
    return figures_of(statement)


def figures_of(statement: PaymentStatement) -> Figures:
    """The printed figures of a loaded statement in the supplier format (its sections name the producers)."""
    return Figures(
        issued=statement.printed_date, counterparty=statement.receiver.name,
        registration_number=statement.receiver.registration_number,
        producers=tuple(s.receiver.name for s in statement.sections),
        amount=statement.total,
        taxes=tuple((b.rate, b.base, b.tax) for b in statement.body.tax_buckets),
    )


AMOUNT_LIMIT = Decimal(10) ** (AMOUNT_DIGITS - 2)  # what NUMERIC(AMOUNT_DIGITS, 2) holds


def storable(figures: Figures | None) -> Figures | None:
    """The figures, refused (naming the field) when the archive cannot keep them exactly.

    Text columns are unbounded (revision 0007), so only an amount beyond ``NUMERIC(30, 2)`` can be
    refused: far past any statement, but reachable by rows the web system does not bound."""
    if figures is None:
        return None
    amounts = [("amount", "合計金額", figures.amount)] + [
        ("taxes", "税額", value) for bucket in figures.taxes for value in bucket[1:]]
    for field, field_ja, value in amounts:
        if abs(value) >= AMOUNT_LIMIT:
            raise UserError(f"the statement's {field} {value:,} is beyond what the archive stores "
                            f"(below {AMOUNT_LIMIT:,}); check the supplies' prices and quantities",
                            f"明細書の{field_ja}（{field}）{value:,} は書類保管に保存できる範囲"
                            f"（{AMOUNT_LIMIT:,} 未満）を超えています。供給の単価と数量をご確認ください")
    return figures


def checked_figures(db: Database, invoice_id: int, organization_id: int,
                    tz: ZoneInfo = BUSINESS_TZ_DEFAULT) -> Figures | None:
    """The figures a statement about to be stored will be archived with, refused before anything is
    stored when the archive cannot keep them (the organization fails alone, with this reason)."""
    with db.read() as session:
        return storable(statement_figures(session, invoice_id, organization_id, tz))


def _load(session: Session, invoice_id: int, organization_id: int, tz: ZoneInfo) -> Loaded:
    """``statement_figures``, or ``_UNREADABLE`` when this row's data cannot be loaded (logged)."""
    try:
        with session.begin_nested():
            return storable(statement_figures(session, invoice_id, organization_id, tz))
    except SQLAlchemyError:
        raise  # the database, not this row
    except Exception:  # this row's data: it stays without facts (tried again next time)
        log.warning("archive: the figures of run %s, organization %s could not be loaded",
                    invoice_id, organization_id, exc_info=True)
        return _UNREADABLE


def _row(document_id: int, kind: str, figures: Figures | None) -> ArchiveFacts:
    if figures is None:  # kept so the backfill does not retry it; the search leaves it out
        return ArchiveFacts(document_id=document_id, issued=None, amount=None, counterparty="",
                            registration_number="", producers="", taxes=[])
    producers = figures.producers if kind == "supplier" else ()
    return ArchiveFacts(
        document_id=document_id, issued=figures.issued, amount=figures.amount,
        counterparty=figures.counterparty, registration_number=figures.registration_number,
        producers=PRODUCER_SEPARATOR.join(name.replace("\n", " ") for name in producers),
        taxes=[[str(rate), str(base), str(tax)] for rate, base, tax in figures.taxes])


def _add_all(session: Session, rows: list[ArchiveFacts], *, chain: bool = True) -> int:
    """Insert in a savepoint; a row another PC recorded meanwhile is left as it is. Each row added
    enters the archive's hash chain with it (``chain``: False only before revision 0008)."""
    try:
        with session.begin_nested():
            session.add_all(rows)
        added = [row.document_id for row in rows]
    except IntegrityError:
        added = []
        for row in rows:
            fresh = ArchiveFacts(**{c.key: getattr(row, c.key) for c in ArchiveFacts.__table__.columns})
            try:
                with session.begin_nested():
                    session.add(fresh)
                added.append(row.document_id)
            except IntegrityError:
                continue
    if chain and added:
        append_to_chain(session, added)
    return len(added)


def record_facts(session: Session, documents: Iterable[tuple[int, str]], *, invoice_id: int,
                 organization_id: int, tz: ZoneInfo = BUSINESS_TZ_DEFAULT,
                 figures: Figures | None = None) -> int:
    """Record the facts of freshly stored statement PDFs ``(document id, kind)`` of one organization row.

    Never fails the store for its data: figures that cannot be loaded are left for the backfill."""
    if figures is None:
        loaded = _load(session, invoice_id, organization_id, tz)
        if loaded is _UNREADABLE:
            return 0
        figures = loaded
    return _add_all(session, [_row(document_id, kind, figures) for document_id, kind in documents])


def fill_missing_facts(session: Session, *, tz: ZoneInfo = BUSINESS_TZ_DEFAULT,
                       check: Callable[[], None] | None = None, chain: bool = True) -> int:
    """Record the facts of every statement PDF that has none (stored before revision 0004, or by a
    writer that could not load its figures). One statement load per organization row, shared by
    its formats and versions; ``check`` is called between loads (a cancel point). Returns the count."""
    missing = session.execute(
        select(StoredDocument.id, StoredDocument.kind, InvoiceSupplierOrganization.invoice_id,
               InvoiceSupplierOrganization.supplier_organization_id)
        .join(InvoiceSupplierOrganization, InvoiceSupplierOrganization.id == StoredDocument.owner_id)
        .outerjoin(ArchiveFacts, ArchiveFacts.document_id == StoredDocument.id)
        .where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE, ArchiveFacts.document_id.is_(None))
        .order_by(InvoiceSupplierOrganization.invoice_id, InvoiceSupplierOrganization.supplier_organization_id)
    ).all()
    figures: dict[tuple[int, int], Loaded] = {}
    pending: list[ArchiveFacts] = []
    added = 0
    for document_id, kind, invoice_id, organization_id in missing:
        key = (invoice_id, organization_id)
        if key not in figures:
            if check is not None:
                check()
            figures[key] = _load(session, invoice_id, organization_id, tz)
        fig = figures[key]
        if fig is _UNREADABLE:
            continue
        pending.append(_row(document_id, kind, fig))
        if len(pending) >= _BATCH:
            added += _add_all(session, pending, chain=chain)
            pending = []
    if pending:
        added += _add_all(session, pending, chain=chain)
    if added:
        log.info("archive: recorded the facts of %d stored statement(s)", added)
    return added
