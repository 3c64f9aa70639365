"""不達 in the outbox: a bounce or delay recorded on the row it reports on, with the notification
kept in the document store, and the row's history of what happened after the send.

A bounce makes the row ``bounced`` (only a ``sent`` or ``uncertain`` row: a row being resent is not
touched); a delay (4.x.x) is history only. Reading the same notification again inserts nothing: the
event's unique key holds the notification's SHA-256 and the address.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from oroshi_desktop.db.engine import rows_changed
from oroshi_desktop.db.models import OutboxEvent, OutboxMessage, StoredDocument
from oroshi_desktop.db.models.app import OUTBOX_EVENT_KINDS
from oroshi_desktop.document_store import MESSAGE_CONTENT_TYPE, OUTBOX_OWNER_TYPE, sha256_hex, store_document
from oroshi_desktop.errors import NotFound
from oroshi_desktop.mail.outbox.states import BOUNCED, SENT, UNCERTAIN

# The kinds of a row's history (``OutboxEvent.kind``), named once with the table.
BOUNCED_EVENT, DELAYED_EVENT, RESENT_EVENT, MARKED_SENT_EVENT = OUTBOX_EVENT_KINDS
NOTIFICATION_KIND = "bounce"  # the document kind of a kept notification, owned by its outbox row


@dataclass(frozen=True)
class Recorded:
    new: bool  # False: this notification was read before; nothing changed
    marked: bool  # the row became 不達 now


def rows_by_message_id(session: Session, message_ids: tuple[str, ...]) -> dict[str, OutboxMessage]:
    """Reported Message-ID → the outbox row that sent it (as its statement mail or its password mail)."""
    candidates = {mid: _candidates(mid) for mid in message_ids if mid.strip()}
    stored = {candidate for group in candidates.values() for candidate in group}
    if not stored:
        return {}
    rows = {row.message_id: row for row in session.scalars(
        select(OutboxMessage).where(OutboxMessage.message_id.in_(stored))
        .execution_options(populate_existing=True))}
    return {mid: rows[c] for mid, group in candidates.items() for c in sorted(group) if c in rows}


def _candidates(message_id: str) -> set[str]:
    """The stored Message-IDs a reported one may stand for: itself, or the statement mail whose
    password mail it is (``<x-pw@d>`` → ``<x@d>``, see ``message_ids.password_message_id``)."""
    mid = message_id.strip()
    local, at, domain = mid.strip("<>").partition("@")
    result = {f"<{local}{at}{domain}>"}
    if local.endswith("-pw"):
        result.add(f"<{local[:-3]}{at}{domain}>")
    return result


def is_recipient(row: OutboxMessage, address: str) -> bool:
    """Is ``address`` one the organization's mail went to (To, not the office's own copy)?"""
    to = (row.recipients or {}).get("to") or ()
    return address.strip().lower() in {str(a).strip().lower() for a in to}


def record_notification(session: Session, row: OutboxMessage, *, permanent: bool, address: str, status: str,
                        diagnostic: str, notification: bytes, now: datetime) -> Recorded:
    """A bounce (``permanent``) or a delay for ``address`` of ``row``, with the notification kept."""
    digest = sha256_hex(notification)
    kind = BOUNCED_EVENT if permanent else DELAYED_EVENT
    seen = session.scalar(select(OutboxEvent.id).where(
        OutboxEvent.outbox_id == row.id, OutboxEvent.kind == kind, OutboxEvent.notification_sha256 == digest,
        OutboxEvent.address == address))
    if seen is not None:
        return Recorded(new=False, marked=False)
    document_id = session.scalar(select(StoredDocument.id).where(
        StoredDocument.owner_type == OUTBOX_OWNER_TYPE, StoredDocument.owner_id == row.id,
        StoredDocument.kind == NOTIFICATION_KIND, StoredDocument.sha256 == digest))
    if document_id is None:
        document_id = store_document(session, owner_type=OUTBOX_OWNER_TYPE, owner_id=row.id, kind=NOTIFICATION_KIND,
                                     filename=f"bounce-{row.id}.eml", content=notification,
                                     content_type=MESSAGE_CONTENT_TYPE).id
    try:
        with session.begin_nested():  # another PC's check recorded it in the meantime: nothing to do
            session.add(OutboxEvent(outbox_id=row.id, kind=kind, address=address[:320], status=status[:16],
                                    diagnostic=diagnostic, document_id=document_id, notification_sha256=digest,
                                    created_at=now))
    except IntegrityError:
        return Recorded(new=False, marked=False)
    marked = False
    if permanent:
        text = f"bounced: {address}: {status} {diagnostic}".strip()
        text_ja = f"不達: {address} に届きませんでした（{status or '状態コードなし'}）{diagnostic}".strip()
        result = session.execute(update(OutboxMessage)
                                 .where(OutboxMessage.id == row.id, OutboxMessage.state.in_((SENT, UNCERTAIN)))
                                 .values(state=BOUNCED, last_error=text, last_error_ja=text_ja, updated_at=now)
                                 .execution_options(synchronize_session=False))
        marked = rows_changed(result) == 1
    return Recorded(new=True, marked=marked)


def record_event(session: Session, outbox_id: int, kind: str, *, address: str = "", note: str = "",
                 now: datetime) -> None:
    """A person's step in the row's history: 再送 (to which address) or 送信済みにする (with a note)."""
    session.add(OutboxEvent(outbox_id=outbox_id, kind=kind, address=address[:320], note=note,
                            notification_sha256=f"{kind}:{now.isoformat()}"[:64], created_at=now))


def row_events(session: Session, outbox_id: int) -> list[OutboxEvent]:
    """A row's history after the send, oldest first."""
    return list(session.scalars(select(OutboxEvent).where(OutboxEvent.outbox_id == outbox_id)
                                .order_by(OutboxEvent.created_at, OutboxEvent.id)))


def latest_bounce(session: Session, outbox_id: int) -> tuple[OutboxEvent, StoredDocument]:
    """The newest bounce of a row and its kept notification (``outbox show-bounce``)."""
    if session.get(OutboxMessage, outbox_id) is None:
        raise NotFound(f"outbox row {outbox_id} does not exist", f"送信キューの行 {outbox_id} が見つかりません")
    event = session.scalars(select(OutboxEvent).where(OutboxEvent.outbox_id == outbox_id,
                                                      OutboxEvent.kind == BOUNCED_EVENT,
                                                      OutboxEvent.document_id.is_not(None))
                            .order_by(OutboxEvent.id.desc()).limit(1)).first()
    if event is None or event.document_id is None:
        raise NotFound(f"outbox row {outbox_id} has no bounce", f"送信キューの行 {outbox_id} に不達の通知はありません")
    document = session.get(StoredDocument, event.document_id)
    if document is None:
        raise NotFound(f"the notification of outbox row {outbox_id} is gone",
                       f"送信キューの行 {outbox_id} の不達通知が見つかりません")
    return event, document


def bounce_report(session: Session, outbox_id: int) -> tuple[str, bytes]:
    """``outbox show-bounce``: the newest bounce of a row in a few lines, and the notification's bytes."""
    event, document = latest_bounce(session, outbox_id)
    header = (f"outbox row {outbox_id}: bounced {event.address} status {event.status or '-'} "
              f"at {event.created_at.isoformat(timespec='seconds')}\n"
              f"diagnostic: {event.diagnostic or '-'}\n"
              f"notification: {document.byte_size} bytes, sha256 {document.sha256}\n\n")
    return header, bytes(document.content)
