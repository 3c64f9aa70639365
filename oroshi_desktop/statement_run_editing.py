"""Creating and deleting a statement run the way the web system does (仕切り作成 / 削除).

Creating writes ``oroshi_invoices``, one ``oroshi_invoice_supplier_organizations`` row per chosen
organization (not completed, no passwords) and one ``oroshi_invoice_supply_dates`` row per supply
date in the range, and locks every supply of those days from the chosen organizations' producers.
Deleting is refused once any mail of the run may have gone out; it unlocks the supplies that no
other run of the same organization still covers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, delete, exists, select, update
from sqlalchemy.orm import Session, aliased

from oroshi_desktop.db.models import (
    ArchiveFacts,
    Invoice,
    InvoiceLayout,
    InvoiceSupplierOrganization,
    InvoiceSupplyDate,
    OutboxMessage,
    StoredDocument,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
)
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE
from oroshi_desktop.domain.statement_options import StatementLayout
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.labels import OutboxState

SENT_DELETE_REFUSED = "送信済みの仕切り書を削除できません。"


@dataclass(frozen=True)
class NewRun:
    start: date
    end: date
    organization_ids: tuple[int, ...]
    layout: str = StatementLayout.SIMPLE
    send_email: bool = True
    send_at: datetime | None = None  # aware; required when send_email


def _check(session: Session, run: NewRun) -> None:
    if run.end < run.start:
        raise UserError(f"period end {run.end} is before its start {run.start}",
                        f"期間: 終了日 {run.end:%Y/%m/%d} が開始日 {run.start:%Y/%m/%d} より前です")
    if not run.organization_ids:
        raise UserError("choose at least one organization", "供給組織: 少なくとも1つ必要です")
    if run.layout not in set(StatementLayout):
        raise UserError(f"unknown layout {run.layout!r}", f"レイアウト: 簡易版か標準版を選んでください（{run.layout}）")
    if run.send_email and run.send_at is None:
        raise UserError("a mailed run needs a send time", "送信日時: メールを送信する場合は送信日時が必要です")
    if run.send_at is not None and (run.send_at.tzinfo is None or run.send_at.utcoffset() is None):
        raise ValueError("send_at must be timezone-aware")
    known = set(session.scalars(select(SupplierOrganization.id)
                                .where(SupplierOrganization.id.in_(list(run.organization_ids)))))
    missing = [org_id for org_id in run.organization_ids if org_id not in known]
    if missing:
        raise NotFound(f"supplier organization {missing[0]} does not exist",
                       f"供給組織: {missing[0]} が見つかりません")


def _lock(session: Session, supply_date_ids: Sequence[int], organization_ids: Sequence[int], locked: bool,
          now: datetime) -> None:
    if not supply_date_ids:
        return
    producers = select(Supplier.id).where(Supplier.supplier_organization_id.in_(list(organization_ids)))
    session.execute(update(Supply)
                    .where(Supply.supply_date_id.in_(list(supply_date_ids)), Supply.supplier_id.in_(producers))
                    .values(locked=locked, updated_at=now)
                    .execution_options(synchronize_session=False))


def create_run(session: Session, run: NewRun, *, now: datetime | None = None) -> int:
    """Write the run and lock its supplies; returns the new ``oroshi_invoices.id``."""
    _check(session, run)
    now = now or utcnow()
    invoice = Invoice(start_date=run.start, end_date=run.end, invoice_layout=int(InvoiceLayout.from_word(run.layout)),
                      send_email=run.send_email, send_at=run.send_at, sent_at=None, created_at=now, updated_at=now)
    session.add(invoice)
    session.flush()
    organization_ids = list(dict.fromkeys(run.organization_ids))  # a double click adds an organization once
    for org_id in organization_ids:
        session.add(InvoiceSupplierOrganization(invoice_id=invoice.id, supplier_organization_id=org_id,
                                                completed=False, passwords={}, created_at=now, updated_at=now))
    date_ids = list(session.scalars(select(SupplyDate.id).where(SupplyDate.date.between(run.start, run.end))
                                    .order_by(SupplyDate.date)))
    for date_id in date_ids:
        session.add(InvoiceSupplyDate(invoice_id=invoice.id, supply_date_id=date_id, created_at=now, updated_at=now))
    session.flush()
    _lock(session, date_ids, organization_ids, True, now)
    return invoice.id


def _may_have_been_sent(session: Session, invoice_id: int) -> bool:
    iso_sent = exists().where(InvoiceSupplierOrganization.invoice_id == invoice_id,
                              InvoiceSupplierOrganization.sent_at.is_not(None))
    outbox_sent = exists().where(OutboxMessage.invoice_id == invoice_id,
                                 OutboxMessage.state.in_((OutboxState.SENT, OutboxState.SENDING, OutboxState.UNCERTAIN)))
    return bool(session.scalar(select(iso_sent | outbox_sent)))


def delete_run(session: Session, invoice_id: int, *, now: datetime | None = None) -> None:
    """削除: only while nothing of the run was (or may have been) mailed."""
    now = now or utcnow()
    # Lock the run first, so a send that starts now waits for this transaction (PostgreSQL).
    invoice = session.scalar(select(Invoice).where(Invoice.id == invoice_id).with_for_update())
    if invoice is None:
        raise NotFound(f"statement run {invoice_id} does not exist", f"支払明細書 {invoice_id} が見つかりません")
    if invoice.sent_at is not None or _may_have_been_sent(session, invoice_id):
        raise UserError(f"statement run {invoice_id} was (or may have been) sent; it cannot be deleted",
                        SENT_DELETE_REFUSED)
    iso_ids = list(session.scalars(select(InvoiceSupplierOrganization.id)
                                   .where(InvoiceSupplierOrganization.invoice_id == invoice_id)))
    organization_ids = list(session.scalars(select(InvoiceSupplierOrganization.supplier_organization_id)
                                            .where(InvoiceSupplierOrganization.invoice_id == invoice_id)))
    date_ids = list(session.scalars(select(InvoiceSupplyDate.supply_date_id)
                                    .where(InvoiceSupplyDate.invoice_id == invoice_id)))
    # Unlock only what no other run of the same organization still covers.
    other_iso, other_dates = aliased(InvoiceSupplierOrganization), aliased(InvoiceSupplyDate)
    for org_id in organization_ids:
        still_covered = select(other_dates.supply_date_id).join(
            other_iso, and_(other_iso.invoice_id == other_dates.invoice_id,
                            other_iso.supplier_organization_id == org_id)).where(other_iso.invoice_id != invoice_id)
        free = list(session.scalars(select(SupplyDate.id).where(SupplyDate.id.in_(date_ids),
                                                                SupplyDate.id.not_in(still_covered))))
        _lock(session, free, [org_id], False, now)
    # Nothing was mailed, so these PDFs were never issued: they go with the run (as in the web system).
    if iso_ids:
        run_documents = select(StoredDocument.id).where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE,
                                                        StoredDocument.owner_id.in_(iso_ids))
        session.execute(delete(ArchiveFacts).where(ArchiveFacts.document_id.in_(run_documents)))
        session.execute(delete(StoredDocument).where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE,
                                                     StoredDocument.owner_id.in_(iso_ids)))
    session.execute(delete(OutboxMessage).where(OutboxMessage.invoice_id == invoice_id))
    session.execute(delete(InvoiceSupplyDate).where(InvoiceSupplyDate.invoice_id == invoice_id))
    session.execute(delete(InvoiceSupplierOrganization).where(InvoiceSupplierOrganization.invoice_id == invoice_id))
    session.execute(delete(Invoice).where(Invoice.id == invoice_id))
