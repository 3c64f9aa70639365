"""Statement generation and the statement mail check, synchronous and usable without Huey.

The Huey tasks (``jobs.tasks``) and the CLI (``mail-check --once``, ``generate``) call these.
Passwords are made here and go straight into ``oroshi_invoice_supplier_organizations.passwords``;
they never travel through a task argument, the ledger or a log line.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, SupplierOrganization
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.documents import STATEMENT_KINDS, STATEMENT_OWNER_TYPE, store_document
from oroshi_desktop.domain.filenames import statement_filename
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.mail.outbox import DeliveryResult, DeliveryStatus, deliver, due_invoices, prepare_outbox
from oroshi_desktop.mail.transport import Transport

__all__ = ["MailSummary", "check_and_send", "generate_statements", "send_invoice"]

log = logging.getLogger(__name__)


def _new_password() -> str:
    return secrets.token_hex(4)


def generate_statements(db: Database, invoice_id: int, *, tz: ZoneInfo) -> list[int]:
    """Render and store both statement PDFs of every organization row of a run; returns the new document ids.

    Each row is marked not completed (and committed) before its PDFs are rendered, so a send is
    refused while they are being replaced; it is completed again with its fresh passwords.
    """
    from printables.documents import statement_pdf

    with db.read() as session:
        invoice = session.get(Invoice, invoice_id)
        if invoice is None:
            raise NotFound(f"statement run {invoice_id} does not exist", f"支払い明細書 {invoice_id} が見つかりません")
        if invoice.start_date is None or invoice.end_date is None:
            raise UserError(f"statement run {invoice_id} has no date range",
                            f"支払い明細書 {invoice_id} に期間がありません")
        start, end = invoice.start_date, invoice.end_date
        rows = session.execute(
            select(InvoiceSupplierOrganization.id, InvoiceSupplierOrganization.supplier_organization_id,
                   SupplierOrganization.entity_name)
            .join(SupplierOrganization,
                  SupplierOrganization.id == InvoiceSupplierOrganization.supplier_organization_id)
            .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
            .order_by(InvoiceSupplierOrganization.id)).all()
    if not rows:
        raise UserError(f"statement run {invoice_id} has no organization; nothing to generate",
                        f"支払い明細書 {invoice_id} に組織がありません（少なくとも1つ必要です）")
    document_ids: list[int] = []
    for iso_id, organization_id, entity_name in rows:
        with db.write() as session:
            session.execute(update(InvoiceSupplierOrganization).where(InvoiceSupplierOrganization.id == iso_id)
                            .values(completed=False, updated_at=utcnow())
                            .execution_options(synchronize_session=False))
        rendered: list[tuple[str, bytes, str]] = []
        for fmt in STATEMENT_KINDS:
            password = _new_password()
            pdf = statement_pdf(db, invoice_id=invoice_id, organization_id=organization_id, fmt=fmt,
                                password=password, tz=tz)
            rendered.append((fmt, pdf, password))
        with db.write() as session:
            passwords: dict[str, str] = {}
            for fmt, pdf, password in rendered:
                document = store_document(session, owner_type=STATEMENT_OWNER_TYPE, owner_id=iso_id, kind=fmt,
                                          filename=statement_filename(entity_name, start, end, fmt), content=pdf)
                passwords[str(document.id)] = password
                document_ids.append(document.id)
            iso = session.get(InvoiceSupplierOrganization, iso_id)
            if iso is None:
                raise NotFound(f"statement run {invoice_id}: organization row {iso_id} was deleted",
                               f"支払い明細書 {invoice_id} の組織行 {iso_id} が削除されました")
            iso.passwords = passwords
            iso.completed = True
            iso.updated_at = utcnow()
    log.info("statement run %s: %d PDFs generated", invoice_id, len(document_ids))
    return document_ids


@dataclass
class MailSummary:
    """What one check-and-send did; ``errors`` are readable lines (English, Japanese)."""

    invoices: list[int] = field(default_factory=list)
    generated: list[int] = field(default_factory=list)
    results: list[DeliveryResult] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def count(self, status: DeliveryStatus) -> int:
        return sum(1 for result in self.results if result.status is status)

    @property
    def sent(self) -> int:
        return self.count(DeliveryStatus.SENT)

    @property
    def retryable(self) -> bool:
        return any(result.retryable for result in self.results)

    @property
    def ok(self) -> bool:
        return not self.errors and all(
            result.status in (DeliveryStatus.SENT, DeliveryStatus.SKIPPED) for result in self.results)

    def describe(self) -> str:
        parts = [f"{len(self.invoices)} due run(s)", f"{self.sent} sent"]
        for status in (DeliveryStatus.FAILED, DeliveryStatus.RETRY, DeliveryStatus.UNCERTAIN, DeliveryStatus.SKIPPED):
            if self.count(status):
                parts.append(f"{self.count(status)} {status.value}")
        if self.generated:
            parts.append(f"generated statements for {len(self.generated)} run(s)")
        if self.errors:
            parts.append(f"{len(self.errors)} error(s)")
        return ", ".join(parts)

    def error_lines(self) -> Iterable[str]:
        for message, _ja in self.errors:
            yield message
        for result in self.results:
            if result.status not in (DeliveryStatus.SENT, DeliveryStatus.SKIPPED):
                yield f"outbox row {result.row_id}: {result.status.value}: {result.message}"


def _needs_generation(db: Database, invoice_id: int) -> bool:
    with db.read() as session:
        flags = session.scalars(select(InvoiceSupplierOrganization.completed)
                                .where(InvoiceSupplierOrganization.invoice_id == invoice_id)).all()
    return any(not flag for flag in flags)


def send_invoice(db: Database, invoice_id: int, transport: Transport, *, tz: ZoneInfo, resend: bool = False,
                 sender: str = "", summary: MailSummary | None = None) -> MailSummary:
    """Send one run's mails now (generating its PDFs first if a row is not completed)."""
    summary = summary if summary is not None else MailSummary()
    summary.invoices.append(invoice_id)
    try:
        if _needs_generation(db, invoice_id):
            generate_statements(db, invoice_id, tz=tz)
            summary.generated.append(invoice_id)
        with db.write() as session:
            row_ids = [row.id for row in prepare_outbox(session, invoice_id, resend=resend, sender=sender)]
    except UserError as err:
        log.warning("statement run %s not sent: %s", invoice_id, err.message)
        summary.errors.append((f"statement run {invoice_id}: {err.message}", err.message_ja))
        return summary
    for row_id in row_ids:
        summary.results.append(deliver(db, row_id, transport))
    return summary


def check_and_send(db: Database, transport: Transport, *, tz: ZoneInfo, sender: str = "",
                   now: datetime | None = None) -> MailSummary:
    """The periodic check: every run that is due and not yet sent, in id order (level-triggered)."""
    with db.read() as session:
        invoice_ids = due_invoices(session, now or utcnow())
    summary = MailSummary()
    for invoice_id in invoice_ids:
        send_invoice(db, invoice_id, transport, tz=tz, sender=sender, summary=summary)
    return summary
