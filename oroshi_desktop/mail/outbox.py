"""The mail outbox (送信キュー): one row per organization send, so no statement mail goes out silently twice.

States: ``pending → sending → sent``, or ``failed`` (definitely not delivered; the schedule tries
again) or ``uncertain`` (the server may have it; a person chooses 再送 or 送信済みにする).

The rules (ARCHITECTURE.md §5):
1. ``prepare_outbox`` freezes the PDFs (document ids and SHA-256) and the recipients into the row
   and stores a deterministic Message-ID, all before any SMTP connection.
2. ``claim`` is one conditional UPDATE; only the worker whose update hit the row sends it, so two
   PCs or two consumers never send the same row.
3. ``deliver`` records ``sent``, ``failed`` or ``uncertain`` from the transport's error kind.
4. ``recover_stale`` turns rows left in ``sending`` by a crash into ``uncertain``, never ``pending``.
5. A statement run (``oroshi_invoices.sent_at``) is sent when every organization row is.

Passwords never enter the outbox: the row holds document ids, and the PDF passwords are read from
``oroshi_invoice_supplier_organizations.passwords`` only while composing the mail.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from enum import StrEnum
from typing import Any

from sqlalchemy import exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import (
    Invoice,
    InvoiceSupplierOrganization,
    OutboxMessage,
    StoredDocument,
    SupplierOrganization,
)
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.documents import sha256_hex, statement_documents
from oroshi_desktop.domain.formats import prefecture_name
from oroshi_desktop.domain.parties import Company
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.mail.compose import (
    PASSWORD_DELIVERY_MODES,
    MailAttachment,
    MailOrganization,
    MailPreview,
    Recipients,
    compose_statement_mail,
    outbox_message_id,
    preview_statement_mail,
    statement_recipients,
)
from oroshi_desktop.mail.transport import (
    MailOutcomeUnknown,
    MailPermanentError,
    MailTemporaryError,
    Transport,
)
from oroshi_desktop.queries.preferences import PASSWORD_DELIVERY, get_preference, load_company

__all__ = [
    "CLAIMABLE",
    "FAILED",
    "PENDING",
    "SENDING",
    "SENT",
    "STATES",
    "UNCERTAIN",
    "DeliveryResult",
    "DeliveryStatus",
    "OrganizationMailPreview",
    "claim",
    "default_worker_id",
    "deliver",
    "due_invoices",
    "latest_outbox_rows",
    "mark_sent",
    "prepare_outbox",
    "preview_invoice_mails",
    "recover_stale",
    "resend",
]

log = logging.getLogger(__name__)

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
FAILED = "failed"
UNCERTAIN = "uncertain"
STATES = (PENDING, SENDING, SENT, FAILED, UNCERTAIN)
CLAIMABLE = (PENDING, FAILED)

_STALE_TEXT = ("the sending worker stopped before the server's answer was recorded; the mail may have "
               "been delivered")
_STALE_TEXT_JA = ("送信中に処理が中断されたため、メールが届いたかどうか分かりません。"
                  "受信者に確認し、「再送」か「送信済みにする」を選んでください。")


class DeliveryStatus(StrEnum):
    SENT = "sent"
    FAILED = "failed"  # definite; the schedule may try again later, no quick retry
    RETRY = "retry"  # temporary; the row is ``failed`` and the job should retry with backoff
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


@dataclass(frozen=True)
class OrganizationMailPreview:
    organization_name: str
    mails: list[MailPreview]


def default_worker_id() -> str:
    """Names the claimer in the row: which PC, which process, which thread."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


# ---- reading ------------------------------------------------------------------------------------

def _latest_generations(session: Session, iso_ids: Iterable[int]) -> dict[int, OutboxMessage]:
    ids = list(iso_ids)
    if not ids:
        return {}
    newer = aliased(OutboxMessage)
    query = (select(OutboxMessage)
             .where(OutboxMessage.invoice_supplier_organization_id.in_(ids),
                    ~exists().where(newer.invoice_supplier_organization_id
                                    == OutboxMessage.invoice_supplier_organization_id,
                                    newer.generation > OutboxMessage.generation))
             # Our own UPDATEs bypass the identity map: reload, never trust a cached state.
             .execution_options(populate_existing=True))
    return {row.invoice_supplier_organization_id: row for row in session.scalars(query)}


def latest_outbox_rows(session: Session, invoice_id: int) -> list[OutboxMessage]:
    """The newest outbox row of each organization row of a run (older generations are history)."""
    iso_ids = session.scalars(select(InvoiceSupplierOrganization.id)
                              .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                              .order_by(InvoiceSupplierOrganization.id)).all()
    latest = _latest_generations(session, iso_ids)
    return [latest[iso_id] for iso_id in iso_ids if iso_id in latest]


def due_invoices(session: Session, now: datetime) -> list[int]:
    """Runs due for the automatic send: send_email, not sent, send_at ≤ now; by id.

    ``send_at`` is a Rails column (naive UTC); the column type turns the aware ``now`` into a
    naive UTC bound, so the comparison never depends on the machine's or the server's time zone.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("due_invoices needs an aware datetime")
    query = (select(Invoice.id)
             .where(Invoice.send_email.is_(True), Invoice.sent_at.is_(None), Invoice.send_at.is_not(None),
                    Invoice.send_at <= now)
             .order_by(Invoice.id))
    return list(session.scalars(query))


def _organization(session: Session, iso: InvoiceSupplierOrganization) -> SupplierOrganization:
    organization = session.get(SupplierOrganization, iso.supplier_organization_id)
    if organization is None:  # the foreign key makes this a broken database, not a user mistake
        raise NotFound(f"supplier organization {iso.supplier_organization_id} does not exist",
                       f"組織 {iso.supplier_organization_id} が見つかりません")
    return organization


def _mail_organization(organization: SupplierOrganization) -> MailOrganization:
    try:
        prefecture = prefecture_name(organization.subregion_id)
    except (TypeError, ValueError):
        prefecture = ""
    return MailOrganization(name=organization.entity_name, micro_region=organization.micro_region or "",
                            prefecture=prefecture, email=(organization.email or "").strip())


def _password_delivery(session: Session) -> str:
    mode = get_preference(session, PASSWORD_DELIVERY)
    return mode if mode in PASSWORD_DELIVERY_MODES else "same_mail"


# ---- freezing -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Frozen:
    documents: list[dict[str, Any]]
    recipients: dict[str, Any]


def _freeze(session: Session, iso: InvoiceSupplierOrganization, organization: SupplierOrganization,
            company: Company, sender: str) -> _Frozen:
    """The documents and recipients a new or refreshed row will send; refuses an unready row."""
    name = organization.entity_name
    if not iso.completed:
        raise UserError(
            f"{name}: the statement PDFs are not ready (being generated or never generated); not sent",
            f"{name}: 支払い明細書のPDFがまだできていません（作成中または未作成）。送信できません")
    documents = statement_documents(session, iso.id)
    if not documents:
        raise UserError(f"{name}: no statement PDF is stored for this run; generate the statements first",
                        f"{name}: 支払い明細書のPDFが保存されていません。先に作成してください")
    passwords = iso.passwords or {}
    missing = [doc.filename for doc in documents if not passwords.get(str(doc.id))]
    if missing:
        raise UserError(f"{name}: no password recorded for {', '.join(missing)}; generate the statements again",
                        f"{name}: {'、'.join(missing)} のパスワードがありません。支払い明細書を作成し直してください")
    recipients = statement_recipients(company, organization.email, sender)
    return _Frozen(
        documents=[{"id": doc.id, "kind": doc.kind, "filename": doc.filename, "sha256": doc.sha256,
                    "byte_size": doc.byte_size} for doc in documents],
        # How passwords travel is decided here too: it fixes how many messages this row sends.
        recipients={**recipients.as_json(), "password_delivery": _password_delivery(session)},
    )


def _new_generation(session: Session, iso: InvoiceSupplierOrganization, frozen: _Frozen, generation: int,
                    now: datetime) -> OutboxMessage | None:
    """Insert generation ``generation``; None when another writer inserted it first."""
    row = OutboxMessage(invoice_id=iso.invoice_id, invoice_supplier_organization_id=iso.id,
                        supplier_organization_id=iso.supplier_organization_id, generation=generation,
                        state=PENDING, recipients=frozen.recipients, documents=frozen.documents,
                        attempts=0, parts_sent=0, created_at=now, updated_at=now)
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
            # Known before any SMTP connection: a retry of this row sends the same Message-ID.
            row.message_id = outbox_message_id(row.id, generation, frozen.recipients["from"])
    except IntegrityError:
        return None
    return row


def _refresh(session: Session, row: OutboxMessage, frozen: _Frozen, now: datetime) -> None:
    """Point an unsent row at the current PDFs (they may have been regenerated since it was made)."""
    if row.documents == frozen.documents and row.recipients == frozen.recipients:
        return
    # Conditional: a worker may have claimed the row since we read it; then it keeps what it has.
    session.execute(update(OutboxMessage)
                    .where(OutboxMessage.id == row.id, OutboxMessage.state.in_(CLAIMABLE),
                           OutboxMessage.parts_sent == 0)
                    .values(documents=frozen.documents, recipients=frozen.recipients, updated_at=now)
                    .execution_options(synchronize_session=False))
    session.refresh(row)


def prepare_outbox(session: Session, invoice_id: int, *, resend: bool = False, sender: str = "",
                   now: datetime | None = None) -> list[OutboxMessage]:
    """Make sure every organization row of the run has an outbox row; return the rows to deliver.

    Rows already sent are skipped (the web system's retry re-sent them: fixed), unless ``resend``:
    then a sent or uncertain row gets a new generation with a new Message-ID. Pending and failed
    rows are reused. Rows in ``sending`` are left to their worker, ``uncertain`` ones to a person.
    Raises ``UserError`` naming the organization when a row that must be sent is not ready.
    ``sender`` is the configured From address (empty: the company mail).
    """
    now = now or utcnow()
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound(f"statement run {invoice_id} does not exist", f"支払い明細書 {invoice_id} が見つかりません")
    isos = session.scalars(select(InvoiceSupplierOrganization)
                           .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                           .order_by(InvoiceSupplierOrganization.id)).all()
    if not isos:
        # The web system counted an empty run as sent; it is a mistake the user should see.
        raise UserError(f"statement run {invoice_id} has no organization; nothing to send",
                        f"支払い明細書 {invoice_id} に組織がありません（少なくとも1つ必要です）")
    company = load_company(session)
    latest = _latest_generations(session, [iso.id for iso in isos])
    deliverable: list[OutboxMessage] = []
    for iso in isos:
        organization = _organization(session, iso)
        current = latest.get(iso.id)
        if current is None:
            if iso.sent_at is not None and not resend:
                continue  # sent before the outbox existed (by the web system)
            generation = 1
        elif current.state in CLAIMABLE:
            if current.parts_sent == 0:
                _refresh(session, current, _freeze(session, iso, organization, company, sender), now)
            if current.state in CLAIMABLE:
                deliverable.append(current)
            continue
        elif resend and current.state in (SENT, UNCERTAIN):
            generation = current.generation + 1
        else:
            continue  # sent; or sending (its worker decides); or uncertain (a person decides)
        row = _new_generation(session, iso, _freeze(session, iso, organization, company, sender),
                              generation, now)
        if row is None:  # another PC prepared the same row a moment ago: use theirs if sendable
            other = _latest_generations(session, [iso.id]).get(iso.id)
            if other is not None and other.state in CLAIMABLE:
                deliverable.append(other)
            continue
        deliverable.append(row)
    _finish_run_if_all_sent(session, invoice_id, now, touch=False)
    return deliverable


# ---- claiming and delivering --------------------------------------------------------------------

def claim(db: Database, row_id: int, worker_id: str, *, now: datetime | None = None) -> bool:
    """Take the row for sending; True only for the one worker whose conditional update hit it.

    Only the newest generation of an organization row can be claimed: an older failed generation
    must not go out next to its successor.
    """
    now = now or utcnow()
    newer = aliased(OutboxMessage)
    statement = (
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id, OutboxMessage.state.in_(CLAIMABLE),
               ~exists().where(newer.invoice_supplier_organization_id
                               == OutboxMessage.invoice_supplier_organization_id,
                               newer.generation > OutboxMessage.generation))
        .values(state=SENDING, claimed_by=worker_id, claimed_at=now, attempts=OutboxMessage.attempts + 1,
                updated_at=now)
        .execution_options(synchronize_session=False)
    )
    with db.write() as session:
        won = session.execute(statement).rowcount == 1
    log.debug("outbox row %s claim by %s: %s", row_id, worker_id, "won" if won else "lost")
    return won


@dataclass(frozen=True)
class _Plan:
    invoice_id: int
    iso_id: int
    parts_sent: int
    messages: list[EmailMessage]


def _plan(session: Session, row_id: int) -> _Plan:
    """Compose the row's mail(s) from its frozen documents; UserError when that is impossible."""
    row = session.get(OutboxMessage, row_id)
    if row is None:
        raise NotFound(f"outbox row {row_id} does not exist", f"送信キューの行 {row_id} が見つかりません")
    iso = session.get(InvoiceSupplierOrganization, row.invoice_supplier_organization_id)
    invoice = session.get(Invoice, row.invoice_id)
    if iso is None or invoice is None:
        raise NotFound(f"outbox row {row_id}: its statement run was deleted",
                       f"送信キューの行 {row_id}: 支払い明細書が削除されています")
    organization = _organization(session, iso)
    name = organization.entity_name
    if not iso.completed:
        raise UserError(f"{name}: the statement PDFs are being generated again; not sent",
                        f"{name}: 支払い明細書を作成し直しています。送信しませんでした")
    if invoice.start_date is None or invoice.end_date is None:
        raise UserError(f"statement run {invoice.id} has no date range", f"支払い明細書 {invoice.id} に期間がありません")
    passwords = iso.passwords or {}
    attachments = []
    for frozen in row.documents or []:
        document = session.get(StoredDocument, frozen["id"])
        if document is None or sha256_hex(document.content) != frozen["sha256"]:
            raise UserError(f"{name}: the stored PDF {frozen['filename']} is missing or changed; not sent",
                            f"{name}: 保存されたPDF {frozen['filename']} が見つからないか変更されています。送信しませんでした")
        password = passwords.get(str(document.id))
        if not password:
            raise UserError(f"{name}: no password for {frozen['filename']} (statements regenerated?); not sent",
                            f"{name}: {frozen['filename']} のパスワードがありません（作成し直されましたか）。送信しませんでした")
        attachments.append(MailAttachment(frozen["filename"], document.content, str(password)))
    if not attachments or not row.message_id or not row.recipients:
        raise UserError(f"{name}: outbox row {row_id} is incomplete", f"{name}: 送信キューの行 {row_id} が不完全です")
    messages = compose_statement_mail(
        company=load_company(session), organization=_mail_organization(organization),
        start=invoice.start_date, end=invoice.end_date, attachments=attachments,
        password_delivery=row.recipients.get("password_delivery", "same_mail"), message_id=row.message_id,
        recipients=Recipients.from_json(row.recipients))
    return _Plan(invoice_id=invoice.id, iso_id=iso.id, parts_sent=row.parts_sent, messages=messages)


def _finish(db: Database, row_id: int, worker_id: str, state: str, *, message: str | None = None,
            message_ja: str | None = None, now: datetime | None = None) -> None:
    now = now or utcnow()
    with db.write() as session:
        session.execute(update(OutboxMessage)
                        .where(OutboxMessage.id == row_id, OutboxMessage.claimed_by == worker_id,
                               OutboxMessage.state == SENDING)
                        .values(state=state, last_error=message, last_error_ja=message_ja, updated_at=now)
                        .execution_options(synchronize_session=False))


def _record_part(db: Database, row_id: int, worker_id: str, parts_sent: int) -> None:
    with db.write() as session:
        session.execute(update(OutboxMessage)
                        .where(OutboxMessage.id == row_id, OutboxMessage.claimed_by == worker_id)
                        .values(parts_sent=parts_sent, updated_at=utcnow())
                        .execution_options(synchronize_session=False))


def _mark_iso_sent(session: Session, iso_id: int, now: datetime) -> None:
    session.execute(update(InvoiceSupplierOrganization)
                    .where(InvoiceSupplierOrganization.id == iso_id)
                    .values(sent_at=now, updated_at=now)
                    .execution_options(synchronize_session=False))


def _finish_run_if_all_sent(session: Session, invoice_id: int, now: datetime, *, touch: bool) -> bool:
    """Set ``oroshi_invoices.sent_at`` when every organization row is sent.

    ``touch`` (a row was just delivered) moves an existing sent_at to now, as the web system did
    on a resend; otherwise only an empty sent_at is filled.
    """
    # Fast path: while any row of the run still waits or is being sent, the run is not sent. In a
    # batch this answers for every row but the last without looking at the whole run.
    waiting = session.execute(select(OutboxMessage.id).where(
        OutboxMessage.invoice_id == invoice_id, OutboxMessage.state.in_((PENDING, SENDING, FAILED))).limit(1)).first()
    if waiting is not None:
        return False
    # Columns only, one query: loading whole outbox rows (JSON columns included) for the run after
    # every delivered row would make a 200-organization run quadratic.
    newer = aliased(OutboxMessage)
    latest_state = (select(OutboxMessage.state)
                    .where(OutboxMessage.invoice_supplier_organization_id == InvoiceSupplierOrganization.id,
                           ~exists().where(newer.invoice_supplier_organization_id
                                           == OutboxMessage.invoice_supplier_organization_id,
                                           newer.generation > OutboxMessage.generation))
                    .correlate(InvoiceSupplierOrganization).scalar_subquery())
    isos = session.execute(select(InvoiceSupplierOrganization.sent_at, latest_state)
                           .where(InvoiceSupplierOrganization.invoice_id == invoice_id)).all()
    if not isos:
        return False
    for sent_at, state in isos:
        if not (state == SENT if state is not None else sent_at is not None):
            return False
    condition = [Invoice.id == invoice_id]
    if not touch:
        condition.append(Invoice.sent_at.is_(None))
    session.execute(update(Invoice).where(*condition).values(sent_at=now, updated_at=now)
                    .execution_options(synchronize_session=False))
    return True


def _finish_sent(db: Database, row_id: int, worker_id: str, plan: _Plan, now: datetime) -> None:
    with db.write() as session:
        # Lock the run first: two workers finishing the last two rows of a run at the same moment
        # would otherwise each see the other's row still 'sending' (write skew under READ
        # COMMITTED) and neither would mark the run sent. With the lock the second one waits and
        # then sees the first one's commit. (SQLite serialises writers anyway; it has no FOR UPDATE.)
        session.execute(select(Invoice.id).where(Invoice.id == plan.invoice_id).with_for_update())
        # A recovery may have called the row uncertain meanwhile; the server's 250 is the truth.
        session.execute(update(OutboxMessage)
                        .where(OutboxMessage.id == row_id, OutboxMessage.claimed_by == worker_id,
                               OutboxMessage.state.in_((SENDING, UNCERTAIN)))
                        .values(state=SENT, sent_at=now, parts_sent=len(plan.messages), last_error=None,
                                last_error_ja=None, updated_at=now)
                        .execution_options(synchronize_session=False))
        _mark_iso_sent(session, plan.iso_id, now)
        _finish_run_if_all_sent(session, plan.invoice_id, now, touch=True)


def deliver(db: Database, row_id: int, transport: Transport, *, worker_id: str | None = None,
            now: datetime | None = None) -> DeliveryResult:
    """Claim, compose from the frozen PDFs, send, and record the outcome.

    Returns ``SKIPPED`` when another worker has the row. ``RETRY`` means a temporary failure:
    the row is ``failed`` and the job may try again with backoff. Programming errors propagate.
    """
    worker_id = worker_id or default_worker_id()
    if not claim(db, row_id, worker_id, now=now):
        return DeliveryResult(row_id, DeliveryStatus.SKIPPED, "the row is not pending or is being sent elsewhere",
                              "他の処理が送信中か、送信待ちではありません")
    try:
        with db.read() as session:
            plan = _plan(session, row_id)
    except UserError as err:
        _finish(db, row_id, worker_id, FAILED, message=err.message, message_ja=err.message_ja)
        return DeliveryResult(row_id, DeliveryStatus.FAILED, err.message, err.message_ja)
    except BaseException as err:
        # Nothing was sent yet: a bug here must not leave the row looking like a lost send.
        _finish(db, row_id, worker_id, FAILED, message=f"internal error before sending: {type(err).__name__}",
                message_ja="送信前に内部エラーが発生しました")
        raise

    for index in range(plan.parts_sent, len(plan.messages)):
        try:
            transport.send(plan.messages[index])
        except MailOutcomeUnknown as err:
            _finish(db, row_id, worker_id, UNCERTAIN, message=err.message, message_ja=err.message_ja)
            log.warning("outbox row %s: outcome unknown: %s", row_id, err.message)
            return DeliveryResult(row_id, DeliveryStatus.UNCERTAIN, err.message, err.message_ja)
        except MailPermanentError as err:
            _finish(db, row_id, worker_id, FAILED, message=err.message, message_ja=err.message_ja)
            log.warning("outbox row %s: rejected: %s", row_id, err.message)
            return DeliveryResult(row_id, DeliveryStatus.FAILED, err.message, err.message_ja)
        except MailTemporaryError as err:
            _finish(db, row_id, worker_id, FAILED, message=err.message, message_ja=err.message_ja)
            log.info("outbox row %s: temporary failure: %s", row_id, err.message)
            return DeliveryResult(row_id, DeliveryStatus.RETRY, err.message, err.message_ja)
        except BaseException as err:
            # We cannot tell how far the dialogue got, so a person has to look.
            _finish(db, row_id, worker_id, UNCERTAIN, message=f"unexpected error while sending: {type(err).__name__}",
                    message_ja="送信中に予期しないエラーが発生しました。届いたかどうか確認してください")
            raise
        if index + 1 < len(plan.messages):
            _record_part(db, row_id, worker_id, index + 1)
    now = now or utcnow()
    _finish_sent(db, row_id, worker_id, plan, now)
    log.info("outbox row %s sent", row_id)
    return DeliveryResult(row_id, DeliveryStatus.SENT)


# ---- recovery and a person's decisions ----------------------------------------------------------

def recover_stale(db: Database, lease: timedelta, *, now: datetime | None = None) -> list[int]:
    """Rows in ``sending`` claimed longer ago than ``lease`` become ``uncertain``; returns their ids.

    Never back to ``pending``: the crashed worker may have finished the DATA phase. The lease must
    be longer than a whole send can take (connection, TLS, login and the final reply).
    """
    now = now or utcnow()
    cutoff = now - lease
    with db.write() as session:
        ids = session.scalars(update(OutboxMessage)
                              .where(OutboxMessage.state == SENDING, OutboxMessage.claimed_at < cutoff)
                              .values(state=UNCERTAIN, last_error=_STALE_TEXT, last_error_ja=_STALE_TEXT_JA,
                                      updated_at=now)
                              .returning(OutboxMessage.id)
                              .execution_options(synchronize_session=False)).all()
    if ids:
        log.warning("outbox rows %s were left in sending and are now uncertain", sorted(ids))
    return sorted(ids)


def mark_sent(db: Database, row_id: int, *, now: datetime | None = None) -> None:
    """送信済みにする: a person confirmed an uncertain (or failed) mail did arrive."""
    now = now or utcnow()
    with db.write() as session:
        row = session.get(OutboxMessage, row_id)
        if row is None:
            raise NotFound(f"outbox row {row_id} does not exist", f"送信キューの行 {row_id} が見つかりません")
        result = session.execute(update(OutboxMessage)
                                 .where(OutboxMessage.id == row_id, OutboxMessage.state.in_((UNCERTAIN, FAILED)))
                                 .values(state=SENT, sent_at=now, updated_at=now)
                                 .execution_options(synchronize_session=False))
        if result.rowcount != 1:
            raise UserError(f"outbox row {row_id} is {row.state}; only uncertain or failed rows can be marked sent",
                            f"送信キューの行 {row_id} は「{row.state}」です。要確認か失敗の行だけ送信済みにできます")
        _mark_iso_sent(session, row.invoice_supplier_organization_id, now)
        _finish_run_if_all_sent(session, row.invoice_id, now, touch=False)


def resend(db: Database, row_id: int, *, sender: str | None = None,
           now: datetime | None = None) -> OutboxMessage:
    """再送: send this organization's mail again, on purpose; returns the row to deliver.

    A failed row simply becomes pending again (nothing was delivered). A sent or uncertain row gets
    a new generation with a new Message-ID and the current PDFs, so the recipient's mail system does
    not drop it as a duplicate of the first.
    """
    now = now or utcnow()
    with db.write() as session:
        row = session.get(OutboxMessage, row_id)
        if row is None:
            raise NotFound(f"outbox row {row_id} does not exist", f"送信キューの行 {row_id} が見つかりません")
        latest = _latest_generations(session, [row.invoice_supplier_organization_id])[
            row.invoice_supplier_organization_id]
        if latest.id != row.id:
            raise UserError(f"outbox row {row_id} has a newer send (generation {latest.generation})",
                            f"送信キューの行 {row_id} には新しい再送（第{latest.generation}回）があります")
        if row.state == FAILED:
            session.execute(update(OutboxMessage)
                            .where(OutboxMessage.id == row_id, OutboxMessage.state == FAILED)
                            .values(state=PENDING, last_error=None, last_error_ja=None, updated_at=now)
                            .execution_options(synchronize_session=False))
            session.refresh(row)
            return row
        if row.state not in (SENT, UNCERTAIN):
            raise UserError(f"outbox row {row_id} is {row.state}; it is already on its way",
                            f"送信キューの行 {row_id} は「{row.state}」です。すでに送信待ちか送信中です")
        iso = session.get(InvoiceSupplierOrganization, row.invoice_supplier_organization_id)
        if iso is None:
            raise NotFound(f"outbox row {row_id}: its statement run was deleted",
                           f"送信キューの行 {row_id}: 支払い明細書が削除されています")
        frozen = _freeze(session, iso, _organization(session, iso), load_company(session),
                         sender if sender is not None else str((row.recipients or {}).get("from", "")))
        new_row = _new_generation(session, iso, frozen, row.generation + 1, now)
        if new_row is None:
            raise UserError(f"outbox row {row_id} was resent by someone else just now",
                            f"送信キューの行 {row_id} は他の操作で再送されました")
        return new_row


# ---- preview ------------------------------------------------------------------------------------

def preview_invoice_mails(session: Session, invoice_id: int, *, sender: str = "") -> list[OrganizationMailPreview]:
    """メールのプレビュー: each organization's mail(s) from the current PDFs, before anything is queued."""
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound(f"statement run {invoice_id} does not exist", f"支払い明細書 {invoice_id} が見つかりません")
    if invoice.start_date is None or invoice.end_date is None:
        raise UserError(f"statement run {invoice_id} has no date range", f"支払い明細書 {invoice_id} に期間がありません")
    company = load_company(session)
    mode = _password_delivery(session)
    previews = []
    for iso in session.scalars(select(InvoiceSupplierOrganization)
                               .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                               .order_by(InvoiceSupplierOrganization.id)):
        organization = _organization(session, iso)
        frozen = _freeze(session, iso, organization, company, sender)
        passwords = iso.passwords or {}
        attachments = [MailAttachment(doc.filename, doc.content, str(passwords[str(doc.id)]))
                       for doc in statement_documents(session, iso.id)]
        mails = preview_statement_mail(
            company=company, organization=_mail_organization(organization), start=invoice.start_date,
            end=invoice.end_date, attachments=attachments, password_delivery=mode,
            recipients=Recipients.from_json(frozen.recipients))
        previews.append(OrganizationMailPreview(organization.entity_name, mails))
    return previews
