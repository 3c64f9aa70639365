"""Rows a stopped worker left ``sending``, and a person's decisions: 送信済みにする and 再送.

A ``sending`` row claimed longer ago than the lease becomes ``uncertain``, never ``pending``: the
stopped worker may have finished the DATA phase (ARCHITECTURE.md §5). The periodic check runs
this too, so a running worker finds such rows, not only a restart.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from oroshi_desktop.db.engine import Database, rows_changed
from oroshi_desktop.db.models import OutboxMessage
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.mail.outbox.bounces import MARKED_SENT_EVENT, RESENT_EVENT, record_event
from oroshi_desktop.mail.outbox.preparation import renew_row
from oroshi_desktop.mail.outbox.states import (
    BOUNCED,
    FAILED,
    SENDING,
    SENT,
    UNCERTAIN,
    finish_run_if_all_sent,
    latest_generations,
    mark_iso_sent,
)

log = logging.getLogger(__name__)

_STALE_TEXT = ("the sending worker stopped before the server's answer was recorded; the mail may have "
               "been delivered")
_STALE_TEXT_JA = ("送信中に処理が中断されたため、メールが届いたかどうか分かりません。"
                  "受信者に確認し、「再送」か「送信済みにする」を選んでください。")


def recover_stale(db: Database, lease: timedelta, *, now: datetime | None = None) -> list[int]:
    """Rows in ``sending`` claimed longer ago than ``lease`` become ``uncertain``; returns their ids.

    The lease must be longer than a whole send can take (connection, TLS, login and the final reply).
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


def mark_sent(db: Database, row_id: int, *, now: datetime | None = None, note: str = "") -> None:
    """送信済みにする: a person confirmed an uncertain (or failed) mail did arrive, or a bounced one
    was handled another way (``note``: posted, handed over); the row's history keeps the note."""
    now = now or utcnow()
    with db.write() as session:
        row = session.get(OutboxMessage, row_id)
        if row is None:
            raise NotFound(f"outbox row {row_id} does not exist", f"送信キューの行 {row_id} が見つかりません")
        _refuse_if_superseded(session, row)  # a newer send decides; an old generation cannot overrule it
        result = session.execute(update(OutboxMessage)
                                 .where(OutboxMessage.id == row_id,
                                        OutboxMessage.state.in_((UNCERTAIN, FAILED, BOUNCED)))
                                 .values(state=SENT, sent_at=now, updated_at=now)
                                 .execution_options(synchronize_session=False))
        if rows_changed(result) != 1:
            raise UserError(f"outbox row {row_id} is {row.state}; only uncertain, failed or bounced rows can be marked sent",
                            f"送信キューの行 {row_id} は「{row.state}」です。要確認・失敗・不達の行だけ送信済みにできます")
        if note or row.state == BOUNCED:
            record_event(session, row_id, MARKED_SENT_EVENT, note=note, now=now)
        mark_iso_sent(session, row.invoice_supplier_organization_id, now)
        finish_run_if_all_sent(session, row.invoice_id, now, touch=False)


def _refuse_if_superseded(session: Session, row: OutboxMessage) -> None:
    latest = latest_generations(session, [row.invoice_supplier_organization_id])[row.invoice_supplier_organization_id]
    if latest.id != row.id:
        raise UserError(f"outbox row {row.id} has a newer send (generation {latest.generation}, row {latest.id}); "
                        "decide on that one",
                        f"送信キューの行 {row.id} には新しい再送（第{latest.generation}回、行 {latest.id}）があります。"
                        "そちらで判断してください")


def resend(db: Database, row_id: int, *, sender: str | None = None, force: bool = False,
           now: datetime | None = None) -> OutboxMessage:
    """再送: send this organization's mail again, on purpose; returns the row to deliver.

    A row already sent is mailed again only with ``force`` (the person confirmed it: ``--force``,
    or the window's confirmation). A failed row (whatever its reason) is composed again from the
    current data and becomes pending. A sent or uncertain row gets a new generation with a new Message-ID, the current PDFs
    and a newly stored message, so the recipient's mail system does not drop it as a duplicate.
    """
    now = now or utcnow()
    with db.write() as session:
        row = session.get(OutboxMessage, row_id)
        if row is None:
            raise NotFound(f"outbox row {row_id} does not exist", f"送信キューの行 {row_id} が見つかりません")
        _refuse_if_superseded(session, row)
        if row.state == SENT and not force:
            raise UserError(f"outbox row {row_id} was already sent; to mail it again on purpose, confirm with "
                            f"--force (outbox resend {row_id} --force)",
                            f"送信キューの行 {row_id} は送信済みです。もう一度送る場合は確認のうえ "
                            f"--force を付けてください（outbox resend {row_id} --force）")
        if row.state not in (FAILED, SENT, UNCERTAIN, BOUNCED):
            raise UserError(f"outbox row {row_id} is {row.state}; it is already on its way",
                            f"送信キューの行 {row_id} は「{row.state}」です。すでに送信待ちか送信中です")
        renewed = renew_row(session, row, sender=sender, now=now, new_generation=row.state != FAILED)
        if row.state == BOUNCED:  # the history says which address the resend used
            record_event(session, row.id, RESENT_EVENT, now=now,
                         address=", ".join((renewed.recipients or {}).get("to") or ()))
        return renewed
