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

from sqlalchemy import exc as sa_exc
from sqlalchemy import select, update

from jobs.runtime import OUTBOX_LEASE
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, SupplierOrganization
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import STATEMENT_KINDS, STATEMENT_OWNER_TYPE, store_document
from oroshi_desktop.domain.filenames import statement_filename
from oroshi_desktop.errors import BrokenReference, NotFound, UserError
from oroshi_desktop.mail.outbox import (
    DeliveryResult,
    DeliveryStatus,
    RowFailure,
    deliver_rows,
    due_invoices,
    prepare_run,
    recover_stale,
)
from oroshi_desktop.mail.outbox.states import duplicate_rows
from oroshi_desktop.mail.readiness import (
    check_organization,
    check_run,
    check_supplies,
    load_issuer,
    statement_period,
)
from oroshi_desktop.mail.transport import Transport
from oroshi_desktop.queries.archive_facts import checked_figures, record_facts

__all__ = ["Generation", "MailSummary", "check_and_send", "generate_statement_rows", "generate_statements",
           "send_invoice"]

log = logging.getLogger(__name__)


def _new_password() -> str:
    return secrets.token_hex(4)


@dataclass
class Generation:
    """What a generation did: the stored document ids, and each organization row that failed (its reason)."""

    document_ids: list[int] = field(default_factory=list)
    failures: dict[int, UserError] = field(default_factory=dict)


def _named(entity_name: str, organization_id: int, err: UserError) -> UserError:
    return UserError(f"organization {entity_name!r} (id {organization_id}): {err.message}",
                     f"組織「{entity_name}」（ID {organization_id}）: {err.message_ja}")


def _check_row(db: Database, invoice_id: int, iso_id: int, organization_id: int) -> None:
    """Refuse, naming the field, what must not become a statement (no issuer, no registration number,
    an unknown layout, a number that is not finite, a run row naming an organization that is gone)."""
    with db.read() as session:
        invoice = session.get(Invoice, invoice_id)
        organization = session.get(SupplierOrganization, organization_id)
        if invoice is None:
            raise NotFound(f"statement run {invoice_id} was deleted", f"支払い明細書 {invoice_id} が削除されました")
        if organization is None:
            raise BrokenReference(InvoiceSupplierOrganization.__tablename__, iso_id, "supplier_organization_id",
                                  organization_id)
        check_run(invoice)
        load_issuer(session)
        check_organization(organization)
        assert invoice.start_date is not None and invoice.end_date is not None
        check_supplies(session, organization_id, invoice.start_date, invoice.end_date)


def generate_statement_rows(db: Database, invoice_id: int, *, tz: ZoneInfo,
                            only: Iterable[int] | None = None) -> Generation:
    """Render and store both statement PDFs of each organization row (``only``: those rows).

    Each row is marked not completed (and committed) before its PDFs are rendered, so a send is
    refused while they are being replaced; it is completed again with its fresh passwords. A row
    whose data cannot make a statement fails alone (recorded in ``failures``) and stays not
    completed; the rows after it go on. An unreachable database is raised (the job retries).
    """
    from printables.render import statement_pdf

    with db.read() as session:
        invoice = session.get(Invoice, invoice_id)
        if invoice is None:
            raise NotFound(f"statement run {invoice_id} does not exist", f"支払い明細書 {invoice_id} が見つかりません")
        if invoice.start_date is None or invoice.end_date is None:
            raise UserError(f"statement run {invoice_id} has no date range",
                            f"支払い明細書 {invoice_id} に期間がありません")
        start, end = invoice.start_date, invoice.end_date
        query = (select(InvoiceSupplierOrganization.id, InvoiceSupplierOrganization.supplier_organization_id,
                        SupplierOrganization.entity_name)
                 # outer: a row naming a missing organization fails alone, by name, instead of vanishing
                 .outerjoin(SupplierOrganization,
                            SupplierOrganization.id == InvoiceSupplierOrganization.supplier_organization_id)
                 .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                 .order_by(InvoiceSupplierOrganization.id))
        if only is not None:
            query = query.where(InvoiceSupplierOrganization.id.in_(list(only)))
        duplicates = duplicate_rows(session, invoice_id)  # an organization named twice: one statement
        rows = [row for row in session.execute(query).all() if row[0] not in duplicates]
    if not rows and only is None:
        raise UserError(f"statement run {invoice_id} has no organization; nothing to generate",
                        f"支払い明細書 {invoice_id} に組織がありません（少なくとも1つ必要です）")
    result = Generation()
    for iso_id, organization_id, found_name in rows:
        entity_name = found_name if found_name is not None else "?"
        with db.write() as session:
            session.execute(update(InvoiceSupplierOrganization).where(InvoiceSupplierOrganization.id == iso_id)
                            .values(completed=False, updated_at=utcnow())
                            .execution_options(synchronize_session=False))
        rendered: list[tuple[str, bytes, str]] = []
        try:
            _check_row(db, invoice_id, iso_id, organization_id)
            figures = checked_figures(db, invoice_id, organization_id, tz)  # what the archive can keep
            for fmt in STATEMENT_KINDS:
                password = _new_password()
                pdf = statement_pdf(db, invoice_id=invoice_id, organization_id=organization_id, fmt=fmt,
                                    password=password, tz=tz)
                rendered.append((fmt, pdf, password))
        except sa_exc.SQLAlchemyError:
            raise  # the database, not this organization: the whole job retries
        except Exception as err:  # this organization's data: it fails alone
            if not isinstance(err, UserError):
                log.exception("statement run %s: organization row %s failed", invoice_id, iso_id)
                err = UserError(f"the statement could not be made: {type(err).__name__}: {err}",
                                f"明細書を作成できませんでした（{type(err).__name__}: {err}）")
            result.failures[iso_id] = _named(entity_name, organization_id, err)
            log.warning("statement run %s: %s", invoice_id, result.failures[iso_id].message)
            continue
        with db.write() as session:
            passwords: dict[str, str] = {}
            stored: list[tuple[int, str]] = []  # the archive facts are recorded with the PDFs
            printed = statement_period(session, organization_id, start, end)  # what the PDF and the mail say
            for fmt, pdf, password in rendered:
                document = store_document(session, owner_type=STATEMENT_OWNER_TYPE, owner_id=iso_id, kind=fmt,
                                          filename=statement_filename(entity_name, *printed, fmt), content=pdf)
                passwords[str(document.id)] = password
                result.document_ids.append(document.id)
                stored.append((document.id, fmt))
            record_facts(session, stored, invoice_id=invoice_id, organization_id=organization_id, tz=tz,
                         figures=figures)
            iso = session.get(InvoiceSupplierOrganization, iso_id)
            if iso is None:
                raise NotFound(f"statement run {invoice_id}: organization row {iso_id} was deleted",
                               f"支払い明細書 {invoice_id} の組織行 {iso_id} が削除されました")
            iso.passwords = passwords
            iso.completed = True
            iso.updated_at = utcnow()
    log.info("statement run %s: %d PDFs generated, %d organization(s) failed", invoice_id,
             len(result.document_ids), len(result.failures))
    return result


def generate_statements(db: Database, invoice_id: int, *, tz: ZoneInfo) -> list[int]:
    """Generate every organization row of a run; returns the new document ids.

    Every row is tried; when any failed, one ``UserError`` names each failed organization and its
    reason after the others were generated.
    """
    result = generate_statement_rows(db, invoice_id, tz=tz)
    if result.failures:
        errors = list(result.failures.values())
        raise UserError(f"statement run {invoice_id}: {len(errors)} organization(s) failed, "
                        f"{len(result.document_ids)} PDF(s) stored: " + "; ".join(e.message for e in errors),
                        f"支払い明細書 {invoice_id}: {len(errors)} 組織の作成に失敗しました。"
                        + "／".join(e.message_ja for e in errors))
    return result.document_ids


@dataclass
class MailSummary:
    """What one check-and-send did; ``errors`` are readable lines (English, Japanese)."""

    invoices: list[int] = field(default_factory=list)
    generated: list[int] = field(default_factory=list)
    results: list[DeliveryResult] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    # Organization rows that could not be prepared (bad data), each with its reason.
    failed_rows: list[RowFailure] = field(default_factory=list)
    recovered: list[int] = field(default_factory=list)  # stale 'sending' rows now 'uncertain'
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (English, Japanese): nothing failed

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
        return not self.errors and not self.failed_rows and all(
            result.status in (DeliveryStatus.SENT, DeliveryStatus.SKIPPED) for result in self.results)

    def describe(self) -> str:
        parts = [f"{len(self.invoices)} due run(s)", f"{self.sent} sent"]
        for status in (DeliveryStatus.FAILED, DeliveryStatus.RETRY, DeliveryStatus.UNCERTAIN, DeliveryStatus.SKIPPED):
            if self.count(status):
                parts.append(f"{self.count(status)} {status.value}")
        new = sum(1 for f in self.failed_rows if not f.still_blocked)
        if new:
            parts.append(f"{new} organization(s) failed")
        if len(self.failed_rows) > new:
            parts.append(f"{len(self.failed_rows) - new} organization(s) still waiting for a data fix")
        if self.recovered:
            parts.append(f"{len(self.recovered)} interrupted send(s) now uncertain")
        if self.generated:
            parts.append(f"generated statements for {len(self.generated)} run(s)")
        if self.errors:
            parts.append(f"{len(self.errors)} error(s)")
        if self.warnings:
            parts.append(f"{len(self.warnings)} warning(s)")
        return ", ".join(parts)

    def error_lines(self) -> Iterable[str]:
        for message, _ja in self.errors:
            yield message
        for message, _ja in self.warnings:
            yield f"warning: {message}"
        for failure in self.failed_rows:
            state = "failed, waiting for a data fix or 再送" if failure.still_blocked else "failed"
            yield f"outbox row {failure.row_id}: {state}: {failure.message}"
        if self.recovered:
            yield (f"outbox rows {', '.join(map(str, self.recovered))}: uncertain: the sending worker stopped; "
                   "check with the recipient, then: outbox resend ID | outbox mark-sent ID")
        for result in self.results:
            if result.status not in (DeliveryStatus.SENT, DeliveryStatus.SKIPPED):
                yield f"outbox row {result.row_id}: {result.status.value}: {result.message}"


def _rows_to_generate(db: Database, invoice_id: int, sender: str, *, resend: bool = False) -> list[int]:
    """Organization rows without finished PDFs, except those whose permanent failure still stands
    (same data as when they failed: generating again would fail the same way), unless a person
    asked for a resend."""
    from oroshi_desktop.mail.outbox.preparation import blocked_rows

    with db.read() as session:
        pending = session.scalars(select(InvoiceSupplierOrganization.id)
                                  .where(InvoiceSupplierOrganization.invoice_id == invoice_id,
                                         InvoiceSupplierOrganization.completed.is_not(True))
                                  .order_by(InvoiceSupplierOrganization.id)).all()
        blocked = blocked_rows(session, invoice_id, pending, sender=sender) if pending and not resend else set()
        blocked |= set(duplicate_rows(session, invoice_id))
    return [iso_id for iso_id in pending if iso_id not in blocked]


PREPARE_PART = 25  # organization rows composed per transaction


def _organization_rows(db: Database, invoice_id: int) -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(InvoiceSupplierOrganization.id)
                                    .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                                    .order_by(InvoiceSupplierOrganization.id)))


def _parts(iso_ids: list[int]) -> list[list[int] | None]:
    """The run in parts of ``PREPARE_PART`` rows; an empty run is one call (which refuses it)."""
    if not iso_ids:
        return [None]
    return [iso_ids[index:index + PREPARE_PART] for index in range(0, len(iso_ids), PREPARE_PART)]


def send_invoice(db: Database, invoice_id: int, transport: Transport, *, tz: ZoneInfo, resend: bool = False,
                 sender: str = "", summary: MailSummary | None = None) -> MailSummary:
    """Send one run's mails now, generating the PDFs of rows not completed first.

    Each organization row succeeds or fails on its own: a row that cannot be generated or
    prepared is recorded failed with its reason (in the outbox and in ``summary.failed_rows``)
    and the others are sent.
    """
    summary = summary if summary is not None else MailSummary()
    summary.invoices.append(invoice_id)
    try:
        to_generate = _rows_to_generate(db, invoice_id, sender, resend=resend)
        generation = Generation()
        if to_generate:
            generation = generate_statement_rows(db, invoice_id, tz=tz, only=to_generate)
            summary.generated.append(invoice_id)
        row_ids: list[int] = []
        # A transaction per part of the run: composing a large run must not hold the database's
        # write lock for seconds, and an outage loses only the part in progress.
        for part in _parts(_organization_rows(db, invoice_id)):
            with db.write() as session:
                prepared = prepare_run(session, invoice_id, resend=resend, sender=sender,
                                       generation_errors=generation.failures, only=part)
                row_ids += [row.id for row in prepared.deliverable]
            summary.failed_rows.extend(prepared.failed)
            summary.warnings.extend(prepared.warnings)
    except UserError as err:
        log.warning("statement run %s not sent: %s", invoice_id, err.message)
        summary.errors.append((f"statement run {invoice_id}: {err.message}", err.message_ja))
        return summary
    summary.results.extend(deliver_rows(db, row_ids, transport))
    return summary


def check_and_send(db: Database, transport: Transport, *, tz: ZoneInfo, sender: str = "",
                   now: datetime | None = None) -> MailSummary:
    """The periodic check: every run that is due and not yet sent, in id order (level-triggered).

    First, rows a stopped worker left ``sending`` longer than the lease become ``uncertain`` (so
    a running worker finds them too, not only a restart). One run's failure never stops the next.
    """
    summary = MailSummary()
    summary.recovered = recover_stale(db, OUTBOX_LEASE)
    with db.read() as session:
        invoice_ids = due_invoices(session, now or utcnow())
    for invoice_id in invoice_ids:
        send_invoice(db, invoice_id, transport, tz=tz, sender=sender, summary=summary)
    return summary
