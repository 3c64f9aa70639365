"""Helpers for the resilience tests: an SMTP test server on a port chosen in advance, a server that
is slow in DATA and tells the test when a given message's content has arrived, and a quick way to
build many due organization rows with tiny real PDFs (no rendering)."""

from __future__ import annotations

import asyncio
import secrets
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import select

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import (
    Invoice,
    InvoiceLayout,
    InvoiceSupplierOrganization,
    OutboxMessage,
    SupplierOrganization,
)
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import STATEMENT_KINDS, STATEMENT_OWNER_TYPE, store_document
from oroshi_desktop.domain.filenames import statement_filename
from tests.core.outbox_fixtures import END, START, add_company, tiny_pdf
from tests.helpers.smtp_server import HOST, RecordingHandler, SmtpTestServer


class FixedPortSmtpServer(SmtpTestServer):
    """The test SMTP server on a port picked before it starts (nothing listens there until then)."""

    def __init__(self, port: int, handler: RecordingHandler | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.port = port
        if handler is not None:
            self.handler = handler

    def start(self) -> FixedPortSmtpServer:
        controller = Controller(self.handler, hostname=HOST, port=self.port)
        controller.start()
        self._controller = controller
        return self


@dataclass
class SlowHandler(RecordingHandler):
    """Accepts every mail, but only after ``delay`` seconds in DATA (the content has fully arrived).

    ``in_data`` is set when the content of mail number ``signal_at`` (1-based) has arrived, while its
    250 is still held back: a client killed then is waiting for the answer to its final dot.
    """

    delay: float = 0.3
    signal_at: int = 0
    in_data: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        from tests.helpers.smtp_server import ReceivedMail

        mail = ReceivedMail(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content))
        with self.lock:
            self.received.append(mail)
            count = len(self.received)
        if count == self.signal_at:
            self.in_data.set()
        await asyncio.sleep(self.delay)  # aiosmtpd cancels this when the client goes away
        with self.lock:
            self.accepted.append(mail)
        return "250 Message accepted for delivery"


def mail_keys(mails: list[Any]) -> tuple[Counter[str], Counter[tuple[tuple[str, ...], str]]]:
    """Counts by Message-ID and by (recipients, subject) of recorded mails."""
    by_id: Counter[str] = Counter()
    by_recipient: Counter[tuple[tuple[str, ...], str]] = Counter()
    for mail in mails:
        message = mail.message
        by_id[str(message["Message-ID"])] += 1
        by_recipient[(tuple(sorted(mail.rcpt_tos)), str(message["Subject"]))] += 1
    return by_id, by_recipient


def build_due_runs(db: Database, *, organizations: int, runs: int) -> list[int]:
    """``organizations`` organizations with a mail address each, spread over ``runs`` due statement
    runs, every organization row completed with two tiny stored PDFs and their passwords."""
    add_company(db)
    with db.write() as session:
        orgs = [SupplierOrganization(entity_type=0, country_id=392, active=True, invoice_number="T9999999999999",
                                     fax="000-0000", entity_name=f"テスト漁協{index:03d}", micro_region="札幌市",
                                     subregion_id=1, email=f"org{index:03d}@example.jp")
                for index in range(organizations)]
        session.add_all(orgs)
        session.flush()
        org_ids = [org.id for org in orgs]
    invoice_ids: list[int] = []
    per_run = -(-organizations // runs)
    for run in range(runs):
        chunk = org_ids[run * per_run:(run + 1) * per_run]
        with db.write() as session:
            invoice = Invoice(start_date=START, end_date=END, invoice_layout=int(InvoiceLayout.SIMPLE),
                              send_email=True, send_at=utcnow() - timedelta(minutes=5))
            session.add(invoice)
            session.flush()
            invoice_ids.append(invoice.id)
            for org_id in chunk:
                iso = InvoiceSupplierOrganization(invoice_id=invoice.id, supplier_organization_id=org_id,
                                                  completed=False, passwords={})
                session.add(iso)
                session.flush()
                passwords: dict[str, str] = {}
                for kind in STATEMENT_KINDS:
                    document = store_document(
                        session, owner_type=STATEMENT_OWNER_TYPE, owner_id=iso.id, kind=kind,
                        filename=statement_filename(f"テスト漁協{org_id}", START, END, kind),
                        content=tiny_pdf(f"{iso.id}-{kind}-{secrets.token_hex(4)}"))
                    passwords[str(document.id)] = secrets.token_hex(4)
                iso.passwords = passwords
                iso.completed = True
                iso.updated_at = utcnow()
    return invoice_ids


def outbox_rows(db: Database) -> list[OutboxMessage]:
    with db.read() as session:
        rows = list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        session.expunge_all()
        return rows
