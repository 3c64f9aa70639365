"""Outbox states and the queries every part of the outbox shares (latest generation, due runs, run state).

States: ``pending → sending → sent``, or ``failed`` (definitely not delivered) or ``uncertain``
(the server may have it; a person chooses 再送 or 送信済みにする). A failed row is ``permanent``
(the data must change, or a person resends) or ``transient`` (the next check tries again).
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, Connection, Select, bindparam, exists, or_, select, update
from sqlalchemy.orm import Session, aliased

from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, OutboxMessage, SupplierOrganization
from oroshi_desktop.domain.formats import prefecture_name
from oroshi_desktop.errors import BrokenReference
from oroshi_desktop.labels import OutboxState
from oroshi_desktop.mail.compose import PASSWORD_DELIVERY_MODES, MailOrganization, header_text
from oroshi_desktop.queries.preferences import PASSWORD_DELIVERY, get_preference

PENDING, SENDING, SENT, FAILED, UNCERTAIN, BOUNCED = (
    OutboxState.PENDING, OutboxState.SENDING, OutboxState.SENT, OutboxState.FAILED, OutboxState.UNCERTAIN,
    OutboxState.BOUNCED)  # BOUNCED, 不達: accepted by the server, then a notification said it failed
STATES = tuple(OutboxState)
CLAIMABLE = (PENDING, FAILED)  # a permanent failure is excluded by ``claimable_condition``

PERMANENT = "permanent"
TRANSIENT = "transient"


class DeliveryStatus(StrEnum):
    SENT = "sent"
    FAILED = "failed"  # definite; waits for a data change or a person's 再送
    RETRY = "retry"  # temporary; the row is ``failed`` (transient) and the job retries with backoff
    UNCERTAIN = "uncertain"  # outcome unknown; waits for a person
    SKIPPED = "skipped"  # another worker has the row, or it is not in a sendable state


@dataclass(frozen=True)
class DeliveryResult:
    row_id: int
    status: DeliveryStatus
    message: str = ""
    message_ja: str = ""

    @property
    def retryable(self) -> bool:
        return self.status is DeliveryStatus.RETRY


def default_worker_id() -> str:
    """Names the claimer in the row: which PC, which process, which thread."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def claimable_condition() -> ColumnElement[bool]:
    """``pending``, or ``failed`` for a reason a retry can fix."""
    return or_(OutboxMessage.state == PENDING,
               (OutboxMessage.state == FAILED)
               & or_(OutboxMessage.failure_kind.is_(None), OutboxMessage.failure_kind != PERMANENT))


def is_claimable(row: OutboxMessage) -> bool:
    return row.state == PENDING or (row.state == FAILED and row.failure_kind != PERMANENT)


def is_latest() -> ColumnElement[bool]:
    """SQL: this outbox row is the newest generation of its organization row."""
    newer = aliased(OutboxMessage)
    return ~exists().where(newer.invoice_supplier_organization_id == OutboxMessage.invoice_supplier_organization_id,
                           newer.generation > OutboxMessage.generation)


def latest_generations(session: Session, iso_ids: Iterable[int]) -> dict[int, OutboxMessage]:
    ids = list(iso_ids)
    if not ids:
        return {}
    query = (select(OutboxMessage)
             .where(OutboxMessage.invoice_supplier_organization_id.in_(ids), is_latest())
             # Our own UPDATEs bypass the identity map: reload, never trust a cached state.
             .execution_options(populate_existing=True))
    return {row.invoice_supplier_organization_id: row for row in session.scalars(query)}


def latest_outbox_rows(session: Session, invoice_id: int) -> list[OutboxMessage]:
    """The newest outbox row of each organization row of a run (older generations are history)."""
    iso_ids = session.scalars(select(InvoiceSupplierOrganization.id)
                              .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                              .order_by(InvoiceSupplierOrganization.id)).all()
    latest = latest_generations(session, iso_ids)
    return [latest[iso_id] for iso_id in iso_ids if iso_id in latest]


def due_invoices_query(now: datetime) -> Select[int]:
    """The due rule, in SQL: send_email, not sent, send_at ≤ now; by id.

    ``send_at`` is a Rails column (naive UTC); the column type turns the aware ``now`` into a
    naive UTC bound, so the comparison never depends on the machine's or the server's time zone.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("due_invoices needs an aware datetime")
    return (select(Invoice.id)
            .where(Invoice.send_email.is_(True), Invoice.sent_at.is_(None), Invoice.send_at.is_not(None),
                   Invoice.send_at <= now)
            .order_by(Invoice.id))


def due_invoices(session: Session, now: datetime) -> list[int]:
    """Runs due for the automatic send (see ``due_invoices_query``)."""
    return list(session.scalars(due_invoices_query(now)))


def duplicate_rows(session: Session | Connection, invoice_id: int) -> dict[int, int]:
    """Organization rows of a run that repeat an organization an earlier row of the run already
    names (the web schema has no unique constraint): duplicate row id → the row that is sent."""
    first: dict[int, int] = {}
    duplicates: dict[int, int] = {}
    for iso_id, organization_id in _connection(session).execute(
            select(InvoiceSupplierOrganization.id, InvoiceSupplierOrganization.supplier_organization_id)
            .where(InvoiceSupplierOrganization.invoice_id == invoice_id).order_by(InvoiceSupplierOrganization.id)):
        if organization_id in first:
            duplicates[iso_id] = first[organization_id]
        else:
            first[organization_id] = iso_id
    return duplicates


def duplicate_warning(invoice_id: int, duplicates: dict[int, int]) -> tuple[str, str]:
    """The run's warning naming its duplicated organization rows (English, Japanese)."""
    pairs = ", ".join(f"{dup} (= {kept})" for dup, kept in sorted(duplicates.items()))
    pairs_ja = "、".join(f"{dup}（{kept} と同じ組織）" for dup, kept in sorted(duplicates.items()))
    return (f"statement run {invoice_id}: organization row(s) {pairs} repeat an organization of the run; "
            "its statement is mailed once",
            f"支払い明細書 {invoice_id}: 組織行 {pairs_ja} は同じ組織の重複です。メールは1通だけ送ります")


def organization_of(session: Session, iso: InvoiceSupplierOrganization) -> SupplierOrganization:
    organization = session.get(SupplierOrganization, iso.supplier_organization_id)
    if organization is None:  # written by the web system: its data is broken, not the user's input
        raise BrokenReference("oroshi_invoice_supplier_organizations", iso.id, "supplier_organization_id",
                              iso.supplier_organization_id)
    return organization


def mail_organization(organization: SupplierOrganization) -> MailOrganization:
    """The organization as the mail shows it; one-line text only (it reaches the subject)."""
    try:
        prefecture = prefecture_name(organization.subregion_id)
    except (TypeError, ValueError):
        prefecture = ""
    return MailOrganization(name=header_text(organization.entity_name),
                            micro_region=header_text(organization.micro_region),
                            prefecture=prefecture, email=(organization.email or "").strip())


def password_delivery(session: Session) -> str:
    mode = get_preference(session, PASSWORD_DELIVERY)
    return mode if mode in PASSWORD_DELIVERY_MODES else "same_mail"


MARK_ISO_SENT = (update(InvoiceSupplierOrganization)
                  .where(InvoiceSupplierOrganization.id == bindparam("iso_id"))
                  .values(sent_at=bindparam("now"), updated_at=bindparam("now"))
                  .execution_options(synchronize_session=False))
RUN_WAITING = (select(OutboxMessage.id)
                .where(OutboxMessage.invoice_id == bindparam("invoice_id"),
                       OutboxMessage.state.in_((PENDING, SENDING, FAILED))).limit(1))


def _connection(session: Session | Connection) -> Connection:
    return session.connection() if isinstance(session, Session) else session


def mark_iso_sent(session: Session | Connection, iso_id: int, now: datetime) -> None:
    _connection(session).execute(MARK_ISO_SENT, {"iso_id": iso_id, "now": now})


def finish_run_if_all_sent(session: Session | Connection, invoice_id: int, now: datetime, *, touch: bool) -> bool:
    """Set ``oroshi_invoices.sent_at`` when every organization row is sent.

    ``touch`` (a row was just delivered) moves an existing sent_at to now, as the web system did
    on a resend; otherwise only an empty sent_at is filled. The send loop passes a bare
    ``Connection`` (no ORM session per mail); the statements here work on either.
    """
    # Fast path: while any row of the run still waits or is being sent, the run is not sent. In a
    # batch this answers for every row but the last without looking at the whole run.
    connection = _connection(session)
    waiting = connection.execute(RUN_WAITING, {"invoice_id": invoice_id}).first()
    if waiting is not None:
        return False
    # Columns only, one query: loading whole outbox rows (JSON columns included) for the run after
    # every delivered row would make a 200-organization run quadratic.
    latest_state = (select(OutboxMessage.state)
                    .where(OutboxMessage.invoice_supplier_organization_id == InvoiceSupplierOrganization.id,
                           is_latest())
                    .correlate(InvoiceSupplierOrganization).scalar_subquery())
    isos = connection.execute(select(InvoiceSupplierOrganization.supplier_organization_id,
                                     InvoiceSupplierOrganization.sent_at, latest_state)
                              .where(InvoiceSupplierOrganization.invoice_id == invoice_id)).all()
    if not isos:
        return False
    # One mail per organization: a duplicated organization row is covered by its organization's send.
    sent: dict[int, bool] = {}
    for organization_id, sent_at, state in isos:
        done = state == SENT if state is not None else sent_at is not None
        sent[organization_id] = sent.get(organization_id, False) or done
    if not all(sent.values()):
        return False
    condition = [Invoice.id == invoice_id]
    if not touch:
        condition.append(Invoice.sent_at.is_(None))
    connection.execute(update(Invoice).where(*condition).values(sent_at=now, updated_at=now))
    return True
