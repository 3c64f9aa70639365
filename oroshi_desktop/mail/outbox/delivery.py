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
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy import exc as sa_exc

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, OutboxMessage
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.mail.outbox.driver_sql import DriverBatch, DriverStatements
from oroshi_desktop.mail.outbox.overlap import Envelope, HeldConnection, Overlap, envelope_of
from oroshi_desktop.mail.outbox.states import FAILED as FAILED_STATE
from oroshi_desktop.mail.outbox.states import (
    MARK_ISO_SENT,
    PERMANENT,
    RUN_WAITING,
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
from oroshi_desktop.mail.outbox.stored_messages import (
    CONTENT,
    checked_messages,
    driver_messages,
    stored_messages,
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


# Built once: constructing these per row cost more than executing them (the send loop runs them
# for every row of a batch).
_CLAIM = (update(OutboxMessage)
          .where(OutboxMessage.id == bindparam("row_id"), claimable_condition(), is_latest())
          .values(state=SENDING, claimed_by=bindparam("worker_id"), claimed_at=bindparam("now"),
                  attempts=OutboxMessage.attempts + 1, updated_at=bindparam("now"))
          .execution_options(synchronize_session=False))
_PLAN = (select(OutboxMessage.id, OutboxMessage.invoice_id, OutboxMessage.invoice_supplier_organization_id,
                OutboxMessage.parts_sent, OutboxMessage.message_id, OutboxMessage.recipients,
                OutboxMessage.documents, OutboxMessage.messages, InvoiceSupplierOrganization.completed,
                InvoiceSupplierOrganization.passwords)
         .join(InvoiceSupplierOrganization,
               InvoiceSupplierOrganization.id == OutboxMessage.invoice_supplier_organization_id)
         .where(OutboxMessage.id == bindparam("row_id")))
_LOCK_RUN = select(Invoice.id).where(Invoice.id == bindparam("invoice_id")).with_for_update()
_MARK_SENT = (update(OutboxMessage)
              .where(OutboxMessage.id == bindparam("row_id"), OutboxMessage.claimed_by == bindparam("worker_id"),
                     OutboxMessage.state.in_((SENDING, UNCERTAIN)))
              .values(state=SENT, sent_at=bindparam("now"), parts_sent=bindparam("parts"), failure_kind=None,
                      last_error=None, last_error_ja=None, updated_at=bindparam("now"))
              .execution_options(synchronize_session=False))
# The overlapped "previous row sent + this row claimed" runs these same statements on the driver's
# cursor (``driver_sql``): on the database thread SQLAlchemy's per-statement Python cost as much as
# the statements, and on PostgreSQL they go out together (one round trip instead of one each).
_DRIVER = DriverStatements(claim=_CLAIM, plan=_PLAN, content=CONTENT, lock_run=_LOCK_RUN, mark_sent=_MARK_SENT,
                           mark_iso_sent=MARK_ISO_SENT, run_waiting=RUN_WAITING)


def _claim(connection: Connection, row_id: int, worker_id: str, now: datetime) -> bool:
    won = connection.execute(_CLAIM, {"row_id": row_id, "worker_id": worker_id, "now": now}).rowcount == 1
    log.debug("outbox row %s claim by %s: %s", row_id, worker_id, "won" if won else "lost")
    return won


def claim(db: Database, row_id: int, worker_id: str, *, now: datetime | None = None) -> bool:
    """Take the row for sending; True only for the one worker whose conditional update hit it.

    Only the newest generation of an organization row can be claimed (an older failed generation
    must not go out next to its successor), and never a permanent failure.
    """
    with _writing(db) as connection:
        return _claim(connection, row_id, worker_id, now or utcnow())


@dataclass(frozen=True)
class _Plan:
    invoice_id: int
    iso_id: int
    parts_sent: int
    sender: str
    recipients: list[str]
    messages: list[bytes]


def _plan(connection: Connection, row_id: int) -> _Plan:
    found = connection.execute(_PLAN, {"row_id": row_id}).first()
    return _plan_of(row_id, tuple(found) if found is not None else None,
                    lambda references: stored_messages(connection, row_id, references))


def _plan_of(row_id: int, found: tuple[Any, ...] | None,
             stored: Callable[[list[dict[str, Any]] | None], list[bytes]]) -> _Plan:
    """The plan of a row from its ``_PLAN`` row; ``stored`` reads and checks its composed messages."""
    if found is None:
        raise NotFound(f"outbox row {row_id} or its statement run does not exist",
                       f"送信キューの行 {row_id} か、その支払い明細書が見つかりません")
    (_id, invoice_id, iso_id, parts_sent, message_id, recipients, documents, messages, completed,
     passwords) = found
    passwords = passwords or {}
    if not completed or any(str(doc["id"]) not in passwords for doc in documents or []):
        # The PDFs are being (or were) regenerated: the next preparation composes the row anew.
        raise _NotNow(f"outbox row {row_id}: the statement PDFs are being generated again; not sent yet",
                      f"送信キューの行 {row_id}: 支払い明細書を作成し直しています。後で送信します")
    sender, envelope = envelope_of(recipients)
    if not message_id or not sender or not envelope:
        raise UserError(f"outbox row {row_id} is incomplete", f"送信キューの行 {row_id} が不完全です")
    return _Plan(invoice_id=invoice_id, iso_id=iso_id, parts_sent=parts_sent, sender=sender, recipients=envelope,
                 messages=stored(messages))


def _writing(db: Database) -> AbstractContextManager[Connection]:
    """A write transaction on a bare connection (``BEGIN IMMEDIATE`` on SQLite, like ``db.write()``):
    the send loop's statements are prebuilt Core statements, and an ORM session per mail cost more
    than the statements it ran."""
    return db.engine.begin()


def _write(db: Database, what: str, change: Callable[[Connection], None]) -> None:
    """One write transaction, tried again while the database is unreachable (then given up: raised)."""
    for delay in (*OUTCOME_WRITE_DELAYS, None):
        try:
            with _writing(db) as connection:
                change(connection)
            return
        except (sa_exc.OperationalError, sa_exc.InterfaceError):
            if delay is None:
                raise
            log.warning("outbox: cannot record %s (database unreachable); trying again in %.1f s", what, delay)
            time.sleep(delay)


def _finish(db: Database, row_id: int, worker_id: str, state: str, *, kind: str | None = None,
            message: str | None = None, message_ja: str | None = None) -> None:
    now = utcnow()

    def change(connection: Connection) -> None:
        connection.execute(update(OutboxMessage)
                           .where(OutboxMessage.id == row_id, OutboxMessage.claimed_by == worker_id,
                                  OutboxMessage.state == SENDING)
                           .values(state=state, failure_kind=kind, last_error=message, last_error_ja=message_ja,
                                   updated_at=now))

    _write(db, f"row {row_id} {state}", change)


def _record_part(db: Database, row_id: int, worker_id: str, parts_sent: int) -> None:
    def change(connection: Connection) -> None:
        connection.execute(update(OutboxMessage)
                           .where(OutboxMessage.id == row_id, OutboxMessage.claimed_by == worker_id)
                           .values(parts_sent=parts_sent, updated_at=utcnow()))

    _write(db, f"row {row_id} part {parts_sent}", change)


def _record_sent(connection: Connection, row_id: int, worker_id: str, plan: _Plan, now: datetime, *,
                 lock_run: bool) -> None:
    if lock_run:
        # Lock the run first: two workers finishing the last two rows of a run at the same moment
        # would otherwise each see the other's row still 'sending' (write skew under READ
        # COMMITTED) and neither would mark the run sent. SQLite needs no lock: BEGIN IMMEDIATE
        # already serialises writers.
        connection.execute(_LOCK_RUN, {"invoice_id": plan.invoice_id})
    # A recovery may have called the row uncertain meanwhile; the server's 250 is the truth.
    connection.execute(_MARK_SENT, {"row_id": row_id, "worker_id": worker_id, "now": now,
                                    "parts": len(plan.messages)})
    mark_iso_sent(connection, plan.iso_id, now)
    finish_run_if_all_sent(connection, plan.invoice_id, now, touch=True)


def _finish_sent(db: Database, accepted: _Accepted, worker_id: str) -> None:
    _write(db, f"row {accepted.row_id} sent",
           lambda connection: _record_sent(connection, accepted.row_id, worker_id, accepted.plan, accepted.now,
                                        lock_run=db.dialect != "sqlite"))


def _failed(db: Database, row_id: int, worker_id: str, kind: str, err: UserError,
            status: DeliveryStatus) -> DeliveryResult:
    _finish(db, row_id, worker_id, FAILED_STATE, kind=kind, message=err.message, message_ja=err.message_ja)
    return DeliveryResult(row_id, status, err.message, err.message_ja)


@dataclass(frozen=True)
class _Accepted:
    """A row the server accepted (every part answered 250) whose ``sent`` is not recorded yet."""

    row_id: int
    plan: _Plan
    now: datetime


_Claimed = tuple[_Plan | None, UserError | None]  # what to send, or why not (a claimed row's problem)


def _record_and_claim_in(connection: Connection, accepted: _Accepted | None, row_id: int, worker_id: str,
                         now: datetime, expected: list[dict[str, Any]] | None = None) -> _Claimed | None:
    """``_record_sent`` of the previous row, then this row's claim and plan, in the caller's
    transaction: the same statements in the same order, run on the driver's cursor
    (``driver_sql``), on PostgreSQL sent together. ``expected``: the row's message references as
    read before the batch; their contents are read together with the claim, and used only when
    the claim reads the same references."""
    batch = DriverBatch(connection, _DRIVER)
    try:
        waiting = None
        with batch.together():
            if accepted is not None:
                if connection.dialect.name != "sqlite":  # see _record_sent
                    batch.execute("lock_run", {"invoice_id": accepted.plan.invoice_id})
                batch.execute("mark_sent", {"row_id": accepted.row_id, "worker_id": worker_id, "now": accepted.now,
                                            "parts": len(accepted.plan.messages)})
                batch.execute("mark_iso_sent", {"iso_id": accepted.plan.iso_id, "now": accepted.now})
                waiting = batch.execute("run_waiting", {"invoice_id": accepted.plan.invoice_id})
            claiming = batch.execute("claim", {"row_id": row_id, "worker_id": worker_id, "now": now})
            planned = batch.execute("plan", {"row_id": row_id})
            prefetched = [batch.execute("content", {"document_id": reference["id"]}) for reference in expected or []]
        if accepted is not None and waiting is not None and waiting.first() is None:
            # Nothing of the run waits: the whole check (the claim just made cannot belong to this
            # run, or it would be waiting); rare, once a run, so through SQLAlchemy.
            finish_run_if_all_sent(connection, accepted.plan.invoice_id, accepted.now, touch=True)
        won = claiming.rowcount == 1
        log.debug("outbox row %s claim by %s: %s", row_id, worker_id, "won" if won else "lost")
        if not won:
            return None
        found = planned.first()

        def stored(references: list[dict[str, Any]] | None) -> list[bytes]:
            if expected and references == expected:
                return checked_messages(row_id, expected, [row[0] if (row := p.first()) else None for p in prefetched])
            return driver_messages(batch, row_id, references)

        try:
            return _plan_of(row_id, found, stored), None
        except UserError as err:  # recorded by the caller, after the claim is committed
            return None, err
    finally:
        batch.close()


def _record_and_claim(held: HeldConnection, accepted: _Accepted | None, row_id: int, worker_id: str,
                      now: datetime, expected: list[dict[str, Any]] | None = None) -> _Claimed | None:
    """Record the previous row ``sent`` and claim the next one in ONE transaction.

    Both halves of the never-twice rule hold: the previous row's ``sent`` commits after its 250,
    and this row's ``sending`` commits before its DATA. Sharing the commit halves the transactions
    of a batch. When the shared transaction fails, nothing of it was written: the ``sent`` is then
    recorded alone (retried through an outage, as the server's 250 must not be lost) and the claim
    is made alone, exactly as for a single row.
    """
    db = held.db
    if accepted is not None:
        try:
            with held.transaction() as connection:
                return _record_and_claim_in(connection, accepted, row_id, worker_id, now, expected)
        except (sa_exc.OperationalError, sa_exc.InterfaceError):
            _finish_sent(db, accepted, worker_id)
        except BaseException:
            _finish_sent(db, accepted, worker_id)
            raise
    with held.transaction() as connection:
        return _record_and_claim_in(connection, None, row_id, worker_id, now, expected)


def _first_payload(claimed: _Claimed | None, envelope: Envelope) -> bytes | None:
    """The bytes of the row's first part to send, once claimed; None when it must not go out with
    the envelope already given (claim lost, a problem, the envelope changed since it was read)."""
    plan = claimed[0] if claimed is not None else None
    if plan is None or (plan.sender, plan.recipients) != envelope or plan.parts_sent >= len(plan.messages):
        return None
    return plan.messages[plan.parts_sent]


def _send_parts(db: Database, row_id: int, worker_id: str, plan: _Plan, transport: Transport,
                first: Callable[[], None] | None = None) -> DeliveryResult | None:
    """Send the row's parts not sent yet; the failure's result, or None when the server took them all.

    ``first``, when given, stands for sending the first of them: the overlapped attempt's outcome
    (returns when the server took it, raises its error).
    """
    for index in range(plan.parts_sent, len(plan.messages)):
        try:
            if first is not None and index == plan.parts_sent:
                first()
            else:
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
    return None


def deliver_rows(db: Database, row_ids: list[int], transport: Transport, *, worker_id: str | None = None,
                 now: datetime | None = None) -> list[DeliveryResult]:
    """``deliver`` for each row in turn, one result per row; for a batch on one connection.

    Each row keeps its own claim, send and outcome (a bad row fails alone), but a row's ``sent``
    shares its transaction with the next row's claim (see ``_record_and_claim``). With a transport
    that can wait before DATA (``send_raw_when_ready``), that transaction commits on the database
    thread while the server takes the row's envelope (see ``overlap``).
    """
    worker_id = worker_id or default_worker_id()
    results: list[DeliveryResult] = []
    accepted: _Accepted | None = None
    held = HeldConnection(db)
    overlap = Overlap.start(db, row_ids, transport)
    try:
        for row_id in row_ids:
            previous, accepted = accepted, None
            claiming = overlap.submit(_record_and_claim, held, previous, row_id, worker_id, now or utcnow(),
                                      overlap.references.get(row_id))
            first = overlap.first_part(row_id, claiming, _first_payload)
            claimed = claiming.result()
            if claimed is None:
                results.append(DeliveryResult(row_id, DeliveryStatus.SKIPPED,
                                              "the row is not pending or is being sent elsewhere",
                                              "他の処理が送信中か、送信待ちではありません"))
                continue
            plan, problem = claimed
            if plan is None:
                assert problem is not None
                kind, status = ((TRANSIENT, DeliveryStatus.RETRY) if isinstance(problem, _NotNow)
                                else (PERMANENT, DeliveryStatus.FAILED))
                results.append(_failed(db, row_id, worker_id, kind, problem, status))
                continue
            failure = _send_parts(db, row_id, worker_id, plan, transport, first)
            if failure is not None:
                results.append(failure)
                continue
            accepted = _Accepted(row_id, plan, now or utcnow())
            log.info("outbox row %s sent", row_id)
            results.append(DeliveryResult(row_id, DeliveryStatus.SENT))
    finally:
        overlap.run(held.close)
        overlap.stop()
        if accepted is not None:  # the last accepted row (or the one before an error)
            _finish_sent(db, accepted, worker_id)
    return results


def deliver(db: Database, row_id: int, transport: Transport, *, worker_id: str | None = None,
            now: datetime | None = None) -> DeliveryResult:
    """Claim, send the stored bytes, and record the outcome.

    Returns ``SKIPPED`` when another worker has the row. ``RETRY`` means a temporary failure: the
    row is ``failed`` (transient) and the job may try again with backoff. Programming errors propagate.
    """
    return deliver_rows(db, [row_id], transport, worker_id=worker_id, now=now)[0]
