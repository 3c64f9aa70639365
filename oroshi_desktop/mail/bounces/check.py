"""The bounce check: the new messages of the bounce mailbox read, recognised and tied to our mail.

Each message is handled on its own (its own transaction): a message that cannot be read, names a
Message-ID we never sent or an address the mail did not go to gets one line, and the check goes
on. Only a notification about our mail is flagged (or moved) afterwards; anything else is left
exactly as it was. Reading a notification again changes nothing (``outbox.bounces``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from oroshi_desktop.config import ImapSettings
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import OutboxMessage
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.mail.bounces.mailbox import Mailbox, open_mailbox
from oroshi_desktop.mail.bounces.notification import (
    MAX_NOTIFICATION_BYTES,
    Notification,
    Verdict,
    read_notification,
)
from oroshi_desktop.mail.outbox.bounces import is_recipient, record_notification, rows_by_message_id
from oroshi_desktop.mail.outbox.states import SENT

log = logging.getLogger(__name__)

# Bounces come back within minutes, delays within days: the schedule reads the mailbox only while
# some statement mail was sent this recently.
BOUNCE_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class Finding:
    row_id: int
    address: str
    status: str
    permanent: bool


@dataclass
class BounceCheckSummary:
    """What one check found: 不達 rows, delays, and one line per message it could not use."""

    read: int = 0
    bounced: list[Finding] = field(default_factory=list)
    delayed: list[Finding] = field(default_factory=list)
    known: int = 0  # notifications read before: nothing changed
    ignored: int = 0  # auto-replies and unrelated mail, left as they were
    problems: list[tuple[str, str]] = field(default_factory=list)  # (English, Japanese), one per message

    def describe(self) -> str:
        return (f"{self.read} message(s) read, {len(self.bounced)} bounced, {len(self.delayed)} delayed, "
                f"{self.known} already known, {self.ignored} not about our mail, {len(self.problems)} problem(s)")

    def describe_ja(self) -> str:
        return (f"{self.read} 件を確認: 不達 {len(self.bounced)} 件、遅延 {len(self.delayed)} 件、"
                f"確認済み {self.known} 件、対象外 {self.ignored} 件、問題 {len(self.problems)} 件")

    def lines(self) -> list[str]:
        found = [f"bounced: outbox row {f.row_id} {f.address} {f.status}" for f in self.bounced]
        found += [f"delayed: outbox row {f.row_id} {f.address} {f.status}" for f in self.delayed]
        return found + [english for english, _ja in self.problems]


def _problem(summary: BounceCheckSummary, uid: int, english: str, japanese: str) -> None:
    summary.problems.append((f"message {uid}: {english}", f"メッセージ {uid}: {japanese}"))


def _record(db: Database, notification: Notification, data: bytes, uid: int, summary: BounceCheckSummary,
            now: datetime) -> bool:
    """Record one notification; True when it was about our mail (then it is marked processed)."""
    with db.write() as session:
        rows = rows_by_message_id(session, notification.original_message_ids)
        if not rows:
            ids = ", ".join(notification.original_message_ids) or "no Message-ID"
            _problem(summary, uid, f"a notification about mail this app did not send ({ids}); left as it was",
                     f"このアプリが送信していないメールについての通知です（{ids}）。そのままにしました")
            return False
        candidates = list({row.id: row for row in rows.values()}.values())
        for failure in notification.failures:
            row = next((r for r in candidates if is_recipient(r, failure.address)), None)
            if row is None:
                _problem(summary, uid, f"{failure.address} is not an address our mail "
                                       f"(outbox row {', '.join(str(r.id) for r in candidates)}) was sent to; "
                                       "not marked", f"{failure.address} は送信先ではありません。不達にしていません")
                continue
            recorded = record_notification(session, row, permanent=failure.permanent, address=failure.address,
                                           status=failure.status, diagnostic=failure.diagnostic,
                                           notification=data, now=now)
            if not recorded.new:
                summary.known += 1
                continue
            finding = Finding(row.id, failure.address, failure.status, failure.permanent)
            (summary.bounced if failure.permanent else summary.delayed).append(finding)
            if failure.permanent and not recorded.marked:
                log.info("outbox row %s: a bounce for %s recorded; the row was %s, left as it is",
                         row.id, failure.address, row.state)
    return True


def _one_message(db: Database, mailbox: Mailbox, uid: int, size: int, summary: BounceCheckSummary,
                 now: datetime) -> None:
    if size > MAX_NOTIFICATION_BYTES:
        _problem(summary, uid, f"{size:,} bytes, too large to be a notification; left as it was",
                 f"{size:,} バイトで通知としては大きすぎます。そのままにしました")
        return
    data = mailbox.read(uid)
    summary.read += 1
    notification = read_notification(data)
    if notification.verdict in (Verdict.AUTO_REPLY, Verdict.UNRELATED):
        summary.ignored += 1
        return
    if notification.verdict is Verdict.MALFORMED:
        _problem(summary, uid, f"cannot be read ({notification.reason}); left as it was",
                 f"読み取れません（{notification.reason}）。そのままにしました")
        return
    if _record(db, notification, data, uid, summary, now):
        mailbox.mark_processed(uid)


def check_mailbox(db: Database, mailbox: Mailbox, *, now: datetime | None = None) -> BounceCheckSummary:
    """Go through the mailbox's unprocessed messages once."""
    now = now or utcnow()
    summary = BounceCheckSummary()
    for message in mailbox.unprocessed():
        try:
            _one_message(db, mailbox, message.uid, message.size, summary, now)
        except OSError:
            raise  # the connection is gone: the check ends with one line (``open_mailbox``)
        except Exception as err:  # a bug or a database hiccup on one message: the others go on
            log.exception("bounce check: message %s failed", message.uid)
            _problem(summary, message.uid, f"failed ({type(err).__name__}: {err}); left as it was",
                     f"処理できませんでした（{type(err).__name__}）。そのままにしました")
    return summary


def check_bounces(db: Database, settings: ImapSettings, *, now: datetime | None = None,
                  password_lookup: Callable[[str], str | None] | None = None) -> BounceCheckSummary:
    """The bounce check (``bounce-check --once``, the job): open the mailbox, go through it once.
    Raises ``MailboxError`` (one line) when the mailbox cannot be read at all."""
    with open_mailbox(settings, password_lookup) as mailbox:
        return check_mailbox(db, mailbox, now=now)


def recently_sent(db: Database, now: datetime) -> bool:
    """Did any statement mail go out within ``BOUNCE_WINDOW``? (the schedule's reason to look)"""
    with db.read() as session:
        return session.scalar(select(OutboxMessage.id).where(OutboxMessage.state == SENT,
                                                             OutboxMessage.sent_at >= now - BOUNCE_WINDOW)
                              .limit(1)) is not None
