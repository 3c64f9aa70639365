"""Preparing a run's outbox rows: freeze the PDFs and recipients, compose each mail once, store its bytes.

Every organization row is prepared on its own (in a savepoint): a bad address, a missing issuer
or registration number, a generation failure or any other problem with one organization fails
that row alone, with a reason naming the organization and the field, and the others go on. Such a
failure is ``permanent``: it is not tried again until the data it came from changes (its
fingerprint) or a person resends.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from oroshi_desktop.db.engine import rows_changed
from oroshi_desktop.db.models import (
    Invoice,
    InvoiceSupplierOrganization,
    OutboxMessage,
    StoredDocument,
    SupplierOrganization,
)
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import statement_documents_of, store_message
from oroshi_desktop.errors import BrokenReference, NotFound, UserError
from oroshi_desktop.mail.compose import (
    Recipients,
    compose_statement_mail,
    message_to_bytes,
)
from oroshi_desktop.mail.message_ids import new_message_id
from oroshi_desktop.mail.outbox.row_decision import Decision, decide, needs_documents
from oroshi_desktop.mail.outbox.row_inputs import (
    FrozenRow,
    RunContext,
    freeze_row,
    named_reason,
    refuse_zero_statement,
    row_fingerprint,
    run_context,
)
from oroshi_desktop.mail.outbox.states import (
    FAILED,
    PENDING,
    PERMANENT,
    duplicate_rows,
    duplicate_warning,
    finish_run_if_all_sent,
    is_claimable,
    latest_generations,
    mail_organization,
    organization_of,
)
from oroshi_desktop.mail.readiness import statement_period, statement_periods

log = logging.getLogger(__name__)

# Organization rows whose PDFs are read in one query (and held in memory together while composed).
_DOCUMENTS_PART = 25


@dataclass(frozen=True)
class RowFailure:
    """An organization row that cannot be sent, and why (English, Japanese)."""

    row_id: int | None
    organization_id: int
    organization: str
    message: str
    message_ja: str
    still_blocked: bool = False  # failed earlier for good, and nothing changed since: not tried again


@dataclass
class Preparation:
    """What ``prepare_run`` did: the rows to deliver now, and the rows that failed (or still wait
    for a data change after a permanent failure)."""

    deliverable: list[OutboxMessage] = field(default_factory=list)
    failed: list[RowFailure] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (English, Japanese), e.g. duplicated rows


def _compose_and_store(session: Session, context: RunContext, organization: SupplierOrganization,
                       frozen: FrozenRow, row_id: int, generation: int, message_id: str, *,
                       new_row: bool = False) -> list[dict[str, Any]]:
    """Compose the row's mail(s) once and store their exact bytes; returns the references to send.
    ``new_row``: the outbox row was inserted just now (no message stored for it yet)."""
    invoice = context.invoice
    assert context.company is not None and invoice.start_date is not None and invoice.end_date is not None
    # The period the PDFs print (their first and last supply day), not the run's request.
    start, end = (context.periods.get(organization.id)
                  or statement_period(session, organization.id, invoice.start_date, invoice.end_date))
    messages = compose_statement_mail(
        company=context.company, organization=mail_organization(organization), start=start, end=end,
        attachments=frozen.attachments, password_delivery=context.mode, message_id=message_id,
        recipients=Recipients.from_json(frozen.recipients), when=context.now)
    references = []
    for part, message in enumerate(messages, start=1):
        document = store_message(session, outbox_id=row_id, part=part, content=message_to_bytes(message),
                                 filename=f"outbox-{row_id}-g{generation}-{part}.eml", first=new_row)
        references.append({"id": document.id, "sha256": document.sha256, "byte_size": document.byte_size})
    return references


def _insert(session: Session, iso: InvoiceSupplierOrganization, generation: int, now: datetime,
            **values: Any) -> OutboxMessage | None:
    """Insert generation ``generation``; None when another writer inserted it first."""
    row = OutboxMessage(invoice_id=iso.invoice_id, invoice_supplier_organization_id=iso.id,
                        supplier_organization_id=iso.supplier_organization_id, generation=generation,
                        attempts=0, parts_sent=0, created_at=now, updated_at=now, **values)
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        return None
    return row


def _new_generation(session: Session, context: RunContext, iso: InvoiceSupplierOrganization,
                    organization: SupplierOrganization, frozen: FrozenRow, generation: int,
                    fingerprint: str) -> OutboxMessage | None:
    # Known before any SMTP connection and globally unique: a retry of this row sends the same ID.
    message_id = new_message_id(frozen.recipients["from"])
    row = _insert(session, iso, generation, context.now, state=PENDING, message_id=message_id,
                  recipients=frozen.recipients, documents=frozen.documents, input_fingerprint=fingerprint)
    if row is None:
        return None
    row.messages = _compose_and_store(session, context, organization, frozen, row.id, generation, message_id,
                                      new_row=True)
    session.flush()
    return row


def _refresh(session: Session, context: RunContext, row: OutboxMessage, organization: SupplierOrganization,
             frozen: FrozenRow, fingerprint: str) -> None:
    """Bring an unsent row up to date (the PDFs may have been regenerated, the data corrected)."""
    if (row.messages and row.documents == frozen.documents and row.recipients == frozen.recipients
            and row.input_fingerprint == fingerprint and is_claimable(row)):
        return
    message_id = row.message_id or new_message_id(frozen.recipients["from"])
    messages = _compose_and_store(session, context, organization, frozen, row.id, row.generation, message_id)
    # Conditional: a worker may have claimed the row since we read it; then it keeps what it has.
    session.execute(update(OutboxMessage)
                    .where(OutboxMessage.id == row.id, OutboxMessage.state.in_((PENDING, FAILED)),
                           OutboxMessage.parts_sent == 0)
                    .values(state=PENDING, failure_kind=None, last_error=None, last_error_ja=None,
                            message_id=message_id, documents=frozen.documents, recipients=frozen.recipients,
                            messages=messages, input_fingerprint=fingerprint, updated_at=context.now)
                    .execution_options(synchronize_session=False))
    session.refresh(row)


def _record_failure(session: Session, context: RunContext, iso: InvoiceSupplierOrganization,
                    current: OutboxMessage | None, generation: int, fingerprint: str, message: str,
                    message_ja: str) -> int | None:
    values = {"state": FAILED, "failure_kind": PERMANENT, "last_error": message, "last_error_ja": message_ja,
              "input_fingerprint": fingerprint}
    if current is not None and current.generation == generation:
        session.execute(update(OutboxMessage)
                        .where(OutboxMessage.id == current.id, OutboxMessage.state.in_((PENDING, FAILED)),
                               OutboxMessage.parts_sent == 0)
                        .values(**values, updated_at=context.now).execution_options(synchronize_session=False))
        return current.id
    row = _insert(session, iso, generation, context.now, **values)
    return row.id if row is not None else None


def _missing_organization_fingerprint(iso: InvoiceSupplierOrganization) -> str:
    """What a row naming a missing organization is measured against: it changes when the link does."""
    return hashlib.sha256(f"missing organization {iso.supplier_organization_id}".encode()).hexdigest()


def _missing_organization(session: Session, context: RunContext, iso: InvoiceSupplierOrganization,
                          current: OutboxMessage | None, result: Preparation, err: BrokenReference) -> None:
    """A run row naming an organization that does not exist fails alone, as a data problem."""
    fingerprint = _missing_organization_fingerprint(iso)
    if current is not None and current.state == FAILED and current.input_fingerprint == fingerprint:
        result.failed.append(RowFailure(current.id, iso.supplier_organization_id, "?", current.last_error or "",
                                        current.last_error_ja or "", still_blocked=True))
        return
    if current is not None and current.state not in (PENDING, FAILED):
        return  # sent before the organization was deleted: nothing more to send
    row_id = _record_failure(session, context, iso, current, current.generation if current else 1, fingerprint,
                             err.message, err.message_ja)
    log.warning("outbox: %s", err.message)
    result.failed.append(RowFailure(row_id, iso.supplier_organization_id, "?", err.message, err.message_ja))


def _prepare_row(session: Session, context: RunContext, iso: InvoiceSupplierOrganization,
                 current: OutboxMessage | None, result: Preparation, decision: Decision, *,
                 generation_error: UserError | None, documents: list[StoredDocument] | None) -> None:
    if decision.error is not None:
        _missing_organization(session, context, iso, current, result, decision.error)
        return
    organization = decision.organization
    if decision.action == "skip" or organization is None:
        return
    if decision.action == "deliverable" and current is not None:
        result.deliverable.append(current)
        return
    if decision.action == "blocked" and current is not None:
        result.failed.append(RowFailure(current.id, organization.id, organization.entity_name,
                                        current.last_error or "", current.last_error_ja or "", still_blocked=True))
        return
    generation, reuse, fingerprint = decision.generation, decision.reuse, decision.fingerprint
    try:
        with session.begin_nested():  # a bad row rolls back alone
            if generation_error is not None:
                raise generation_error
            frozen = freeze_row(session, context, iso, organization, documents)
            refuse_zero_statement(session, context, iso, frozen)  # the clerk's choice; the preview still shows it
            if reuse and current is not None:
                _refresh(session, context, current, organization, frozen, fingerprint)
                row: OutboxMessage | None = current
            else:
                row = _new_generation(session, context, iso, organization, frozen, generation, fingerprint)
                if row is None:  # another PC prepared the same row a moment ago: use theirs
                    row = latest_generations(session, [iso.id]).get(iso.id)
    except sa_exc.SQLAlchemyError:
        raise  # the database itself: the job retries with backoff
    except Exception as err:  # this organization's data: it fails alone, the run goes on
        if not isinstance(err, UserError):
            log.exception("outbox: preparing organization row %s failed", iso.id)
        # A generation error arrives already naming the organization.
        message, message_ja = ((err.message, err.message_ja) if err is generation_error and isinstance(err, UserError)
                               else named_reason(organization, err))
        row_id = _record_failure(session, context, iso, current if reuse else None, generation, fingerprint,
                                 message, message_ja)
        log.warning("outbox: %s", message)
        result.failed.append(RowFailure(row_id, organization.id, organization.entity_name, message, message_ja))
        return
    if row is not None and is_claimable(row):
        result.deliverable.append(row)


def blocked_rows(session: Session, invoice_id: int, iso_ids: list[int], *, sender: str = "") -> set[int]:
    """The organization rows whose latest outbox row failed for good on the data they have now."""
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        return set()
    latest = latest_generations(session, iso_ids)
    candidates = [row for row in latest.values() if row.state == FAILED and row.failure_kind == PERMANENT]
    if not candidates:
        return set()
    context = run_context(session, invoice, sender, utcnow())
    blocked = set()
    for row in candidates:
        iso = session.get(InvoiceSupplierOrganization, row.invoice_supplier_organization_id)
        if iso is None:
            continue
        try:
            fingerprint = row_fingerprint(session, context, iso, organization_of(session, iso))
        except BrokenReference:
            fingerprint = _missing_organization_fingerprint(iso)
        if row.input_fingerprint == fingerprint:
            blocked.add(iso.id)
    return blocked


def prepare_run(session: Session, invoice_id: int, *, resend: bool = False, sender: str = "",
                now: datetime | None = None, generation_errors: Mapping[int, UserError] | None = None,
                only: Collection[int] | None = None) -> Preparation:
    """Make sure every organization row of the run has an outbox row with its composed mail.

    Rows already sent are skipped, unless ``resend``: then a sent or uncertain row gets a new
    generation with a new Message-ID (and a failed one is tried again whatever its reason). Rows in
    ``sending`` are left to their worker, ``uncertain`` ones to a person. ``generation_errors``
    (organization row id → error) are recorded as those rows' reasons. ``sender`` is the
    configured From address (empty: the company mail). ``only`` limits the work to those
    organization rows (a caller commits a large run in parts).
    """
    now = now or utcnow()
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound(f"statement run {invoice_id} does not exist", f"支払い明細書 {invoice_id} が見つかりません")
    query = (select(InvoiceSupplierOrganization).where(InvoiceSupplierOrganization.invoice_id == invoice_id)
             .order_by(InvoiceSupplierOrganization.id))
    # A large run is prepared in parts: load only the part's rows (not the whole run per part).
    isos = session.scalars(query.where(InvoiceSupplierOrganization.id.in_(list(only))) if only is not None
                           else query).all()
    if not isos and (only is None or not session.scalar(query.with_only_columns(InvoiceSupplierOrganization.id)
                                                         .limit(1))):
        # The web system counted an empty run as sent; it is a mistake the user should see.
        raise UserError(f"statement run {invoice_id} has no organization; nothing to send",
                        f"支払い明細書 {invoice_id} に組織がありません（少なくとも1つ必要です）")
    context = run_context(session, invoice, sender, now, list(isos))
    latest = latest_generations(session, [iso.id for iso in isos])
    # One query for the part's organizations: ``organization_of`` then finds each in the session
    # (a query per row was a third of a prepared run's re-check). Held here so they stay loaded.
    organizations = session.scalars(select(SupplierOrganization).where(
        SupplierOrganization.id.in_({iso.supplier_organization_id for iso in isos}))).all()
    result = Preparation()
    duplicates = duplicate_rows(session, invoice_id)
    if duplicates and (only is None or (isos and isos[0].id == session.scalar(
            query.with_only_columns(InvoiceSupplierOrganization.id).limit(1)))):
        result.warnings.append(duplicate_warning(invoice_id, duplicates))  # once per run, with its first part
    errors = generation_errors or {}
    # Its organization is mailed once, by the first row that names it.
    rows = [iso for iso in isos if iso.id not in duplicates]
    for start in range(0, len(rows), _DOCUMENTS_PART):
        # Decided first (reads only), then the PDFs and printed periods of the rows to compose read together.
        decided = [(iso, decide(session, context, iso, latest.get(iso.id), resend=resend,
                                generation_error=errors.get(iso.id)))
                   for iso in rows[start:start + _DOCUMENTS_PART]]
        composed = [iso for iso, decision in decided if needs_documents(context, iso, decision, errors.get(iso.id))]
        documents = statement_documents_of(session, [iso.id for iso in composed])
        if composed and invoice.start_date is not None and invoice.end_date is not None:
            context.periods.update(statement_periods(session, [iso.supplier_organization_id for iso in composed],
                                                     invoice.start_date, invoice.end_date))
        for iso, decision in decided:
            _prepare_row(session, context, iso, latest.get(iso.id), result, decision,
                         generation_error=errors.get(iso.id), documents=documents.get(iso.id, []))
    finish_run_if_all_sent(session, invoice_id, now, touch=False)
    del organizations
    return result


def prepare_outbox(session: Session, invoice_id: int, *, resend: bool = False, sender: str = "",
                   now: datetime | None = None) -> list[OutboxMessage]:
    """The rows to deliver now (``prepare_run`` without its failure report)."""
    return prepare_run(session, invoice_id, resend=resend, sender=sender, now=now).deliverable


def renew_row(session: Session, row: OutboxMessage, *, sender: str | None, now: datetime,
              new_generation: bool) -> OutboxMessage:
    """再送 of one row: a new generation (after sent/uncertain) or the same row made pending again
    (after a failure), composed from the current data. Raises the row's problem as ``UserError``."""
    iso = session.get(InvoiceSupplierOrganization, row.invoice_supplier_organization_id)
    invoice = session.get(Invoice, row.invoice_id)
    if iso is None or invoice is None:
        raise NotFound(f"outbox row {row.id}: its statement run was deleted",
                       f"送信キューの行 {row.id}: 支払い明細書が削除されています")
    organization = organization_of(session, iso)
    context = run_context(session, invoice, sender if sender is not None else str((row.recipients or {}).get("from", "")),
                       now)
    try:
        frozen = freeze_row(session, context, iso, organization)
    except UserError as err:
        message, message_ja = named_reason(organization, err)
        raise UserError(message, message_ja) from None
    fingerprint = row_fingerprint(session, context, iso, organization)
    if not new_generation:
        # A person asked for it: try again whatever the reason was (conditional: not if claimed).
        reopened = session.execute(update(OutboxMessage).where(OutboxMessage.id == row.id, OutboxMessage.state == FAILED)
                                   .values(state=PENDING, failure_kind=None, last_error=None, last_error_ja=None,
                                           updated_at=now).execution_options(synchronize_session=False))
        if rows_changed(reopened) != 1:
            raise UserError(f"outbox row {row.id} is already on its way", f"送信キューの行 {row.id} はすでに送信中です")
        session.refresh(row)
        _refresh(session, context, row, organization, frozen, fingerprint)
        return row
    new_row = _new_generation(session, context, iso, organization, frozen, row.generation + 1, fingerprint)
    if new_row is None:
        raise UserError(f"outbox row {row.id} was resent by someone else just now",
                        f"送信キューの行 {row.id} は他の操作で再送されました")
    return new_row
