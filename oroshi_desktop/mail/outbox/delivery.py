"""Claiming and delivering one outbox row: its stored bytes go out as they are, and the outcome is recorded.

``claim`` is one conditional UPDATE; only the worker whose update hit the row sends it, so two PCs
or two consumers never send the same row. ``deliver`` sends the bytes composed at preparation and
records ``sent``, ``failed`` (permanent or transient) or ``uncertain`` from the transport's error
kind. Writing the outcome survives a short database outage (a few retries): a mail the server
accepted must not be left looking ``sending``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exc as sa_exc
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, OutboxMessage, StoredDocument
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.documents import sha256_hex
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.mail.outbox.states import FAILED as FAILED_STATE
from oroshi_desktop.mail.outbox.states import (
    PERMANENT,
    SENDING,
    SENT,
    TRANSIENT,
    UNCERTAIN,
    DeliveryResult,
    DeliveryStatus,
    claimable_condition,
    default_worker_id,
    finish_run_if_all_sent,
    is_latest,
    mark_iso_sent,
)
from oroshi_desktop.mail.transport import (
    MailOutcomeUnknown,
    MailPermanentError,
    MailTemporaryError,
    Transport,
)

log = logging.getLogger(__name__)

# Recording an outcome retries this long in total when the database is unreachable.
OUTCOME_WRITE_DELAYS = (0.2, 0.5, 1.0, 2.0, 4.0, 8.0)


class _NotNow(UserError):
    """The row cannot go out at this moment, but will later without anyone's help (transient)."""


def claim(db: Database, row_id: int, worker_id: str, *, now: datetime | None = None) -> bool:
    """Take the row for sending; True only for the one worker whose conditional update hit it.

    Only the newest generation of an organization row can be claimed (an older failed generation
    must not go out next to its successor), and never a permanent failure.
    """
    now = now or utcnow()
    statement = (
        update(OutboxMessage)
        .where(OutboxMessage.id == row_id, claimable_condition(), is_latest())
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
    sender: str
    recipients: list[str]
    messages: list[bytes]


def _stored_messages(session: Session, row: OutboxMessage) -> list[bytes]:
    """The row's composed messages, checked against the SHA-256 recorded when they were stored."""
    if not row.messages:
        raise NotFound(f"outbox row {row.id}: no composed message is stored (prepared before messages were kept)",
                       f"送信キューの行 {row.id}: 送信したメールの内容は保存されていません")
    contents = []
    for reference in row.messages:
        document = session.get(StoredDocument, reference["id"])
        if document is None or sha256_hex(document.content) != reference["sha256"]:
            raise UserError(f"outbox row {row.id}: the stored message {reference['id']} is missing or changed",
                            f"送信キューの行 {row.id}: 保存されたメール {reference['id']} が見つからないか変更されています")
        contents.append(bytes(document.content))
    return contents


def message_bytes(session: Session, row_id: int, part: int = 1) -> bytes:
    """The exact RFC 5322 bytes of part ``part`` (1: the statement mail, 2: a separate password mail)
    of an outbox row, as stored when the row was prepared and as sent; for the CLI and the job centre."""
    row = session.get(OutboxMessage, row_id)
    if row is None:
        raise NotFound(f"outbox row {row_id} does not exist", f"送信キューの行 {row_id} が見つかりません")
    messages = _stored_messages(session, row)
    if not 1 <= part <= len(messages):
        raise NotFound(f"outbox row {row_id} has {len(messages)} message(s); there is no part {part}",
                       f"送信キューの行 {row_id} のメールは {len(messages)} 通です（{part} 通目はありません）")
    return messages[part - 1]


def _plan(session: Session, row_id: int) -> _Plan:
    row = session.get(OutboxMessage, row_id)
    if row is None:
        raise NotFound(f"outbox row {row_id} does not exist", f"送信キューの行 {row_id} が見つかりません")
    iso = session.get(InvoiceSupplierOrganization, row.invoice_supplier_organization_id)
    invoice = session.get(Invoice, row.invoice_id)
    if iso is None or invoice is None:
        raise NotFound(f"outbox row {row_id}: its statement run was deleted",
                       f"送信キューの行 {row_id}: 支払い明細書が削除されています")
    passwords = iso.passwords or {}
    if not iso.completed or any(str(doc["id"]) not in passwords for doc in row.documents or []):
        # The PDFs are being (or were) regenerated: the next preparation composes the row anew.
        raise _NotNow(f"outbox row {row_id}: the statement PDFs are being generated again; not sent yet",
                      f"送信キューの行 {row_id}: 支払い明細書を作成し直しています。後で送信します")
    recipients = row.recipients or {}
    envelope = [*recipients.get("to", []), *recipients.get("cc", [])]
    if not row.message_id or not recipients.get("from") or not envelope:
        raise UserError(f"outbox row {row_id} is incomplete", f"送信キューの行 {row_id} が不完全です")
    return _Plan(invoice_id=invoice.id, iso_id=iso.id, parts_sent=row.parts_sent, sender=str(recipients["from"]),
                 recipients=[str(address) for address in envelope], messages=_stored_messages(session, row))


def _write(db: Database, what: str, change: Callable[[Session], None]) -> None:
    """One write transaction, tried again while the database is unreachable (then given up: raised)."""
    for delay in (*OUTCOME_WRITE_DELAYS, None):
        try:
            with db.write() as session:
                change(session)
            return
        except (sa_exc.OperationalError, sa_exc.InterfaceError):
            if delay is None:
                raise
            log.warning("outbox: cannot record %s (database unreachable); trying again in %.1f s", what, delay)
            time.sleep(delay)


def _finish(db: Database, row_id: int, worker_id: str, state: str, *, kind: str | None = None,
            message: str | None = None, message_ja: str | None = None) -> None:
    now = utcnow()

    def change(session: Session) -> None:
        session.execute(update(OutboxMessage)
                        .where(OutboxMessage.id == row_id, OutboxMessage.claimed_by == worker_id,
                               OutboxMessage.state == SENDING)
                        .values(state=state, failure_kind=kind, last_error=message, last_error_ja=message_ja,
                                updated_at=now)
                        .execution_options(synchronize_session=False))

    _write(db, f"row {row_id} {state}", change)


def _record_part(db: Database, row_id: int, worker_id: str, parts_sent: int) -> None:
    def change(session: Session) -> None:
        session.execute(update(OutboxMessage)
                        .where(OutboxMessage.id == row_id, OutboxMessage.claimed_by == worker_id)
                        .values(parts_sent=parts_sent, updated_at=utcnow())
                        .execution_options(synchronize_session=False))

    _write(db, f"row {row_id} part {parts_sent}", change)


def _finish_sent(db: Database, row_id: int, worker_id: str, plan: _Plan, now: datetime) -> None:
    def change(session: Session) -> None:
        # Lock the run first: two workers finishing the last two rows of a run at the same moment
        # would otherwise each see the other's row still 'sending' (write skew under READ
        # COMMITTED) and neither would mark the run sent. (SQLite serialises writers anyway.)
        session.execute(select(Invoice.id).where(Invoice.id == plan.invoice_id).with_for_update())
        # A recovery may have called the row uncertain meanwhile; the server's 250 is the truth.
        session.execute(update(OutboxMessage)
                        .where(OutboxMessage.id == row_id, OutboxMessage.claimed_by == worker_id,
                               OutboxMessage.state.in_((SENDING, UNCERTAIN)))
                        .values(state=SENT, sent_at=now, parts_sent=len(plan.messages), failure_kind=None,
                                last_error=None, last_error_ja=None, updated_at=now)
                        .execution_options(synchronize_session=False))
        mark_iso_sent(session, plan.iso_id, now)
        finish_run_if_all_sent(session, plan.invoice_id, now, touch=True)

    _write(db, f"row {row_id} sent", change)


def _failed(db: Database, row_id: int, worker_id: str, kind: str, err: UserError,
            status: DeliveryStatus) -> DeliveryResult:
    _finish(db, row_id, worker_id, FAILED_STATE, kind=kind, message=err.message, message_ja=err.message_ja)
    return DeliveryResult(row_id, status, err.message, err.message_ja)


def deliver(db: Database, row_id: int, transport: Transport, *, worker_id: str | None = None,
            now: datetime | None = None) -> DeliveryResult:
    """Claim, send the stored bytes, and record the outcome.

    Returns ``SKIPPED`` when another worker has the row. ``RETRY`` means a temporary failure: the
    row is ``failed`` (transient) and the job may try again with backoff. Programming errors propagate.
    """
    worker_id = worker_id or default_worker_id()
    if not claim(db, row_id, worker_id, now=now):
        return DeliveryResult(row_id, DeliveryStatus.SKIPPED, "the row is not pending or is being sent elsewhere",
                              "他の処理が送信中か、送信待ちではありません")
    try:
        with db.read() as session:
            plan = _plan(session, row_id)
    except _NotNow as err:
        return _failed(db, row_id, worker_id, TRANSIENT, err, DeliveryStatus.RETRY)
    except UserError as err:
        return _failed(db, row_id, worker_id, PERMANENT, err, DeliveryStatus.FAILED)
    except BaseException as err:
        # Nothing was sent yet: a bug or an outage here must not leave the row looking like a lost send.
        _finish(db, row_id, worker_id, FAILED_STATE, kind=TRANSIENT,
                message=f"error before sending: {type(err).__name__}", message_ja="送信前にエラーが発生しました")
        raise

    for index in range(plan.parts_sent, len(plan.messages)):
        try:
            transport.send_raw(plan.sender, plan.recipients, plan.messages[index])
        except MailOutcomeUnknown as err:
            _finish(db, row_id, worker_id, UNCERTAIN, message=err.message, message_ja=err.message_ja)
            log.warning("outbox row %s: outcome unknown: %s", row_id, err.message)
            return DeliveryResult(row_id, DeliveryStatus.UNCERTAIN, err.message, err.message_ja)
        except MailPermanentError as err:
            log.warning("outbox row %s: rejected: %s", row_id, err.message)
            return _failed(db, row_id, worker_id, PERMANENT, err, DeliveryStatus.FAILED)
        except MailTemporaryError as err:
            log.info("outbox row %s: temporary failure: %s", row_id, err.message)
            return _failed(db, row_id, worker_id, TRANSIENT, err, DeliveryStatus.RETRY)
        except BaseException as err:
            # We cannot tell how far the dialogue got, so a person has to look.
            _finish(db, row_id, worker_id, UNCERTAIN, message=f"unexpected error while sending: {type(err).__name__}",
                    message_ja="送信中に予期しないエラーが発生しました。届いたかどうか確認してください")
            raise
        if index + 1 < len(plan.messages):
            _record_part(db, row_id, worker_id, index + 1)
    _finish_sent(db, row_id, worker_id, plan, now or utcnow())
    log.info("outbox row %s sent", row_id)
    return DeliveryResult(row_id, DeliveryStatus.SENT)
