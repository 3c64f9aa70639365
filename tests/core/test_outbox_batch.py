"""The send loop of a batch (``deliver_rows``): one transaction per mail, the never-twice order kept,
a bad row failing alone, and on SQLite the claims committed with ``synchronous=FULL``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import event, select, text

from oroshi_desktop.db.models import Invoice, InvoiceLayout, InvoiceSupplierOrganization, OutboxMessage
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.mail.outbox import SENDING, SENT, DeliveryStatus, deliver_rows, prepare_run
from oroshi_desktop.mail.transport import BatchSmtpTransport
from tests.core.outbox_fixtures import END, START, add_company, add_organization, generate_statements
from tests.helpers.smtp_server import Behaviour, SmtpTestServer

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

ORGANIZATIONS = 4


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    with SmtpTestServer.running() as server:
        yield server


def _run(db, emails: list[str]) -> tuple[int, list[int]]:
    """A due run with one organization per address, PDFs generated and rows prepared."""
    add_company(db)
    org_ids = [add_organization(db, entity_name=f"北海水産{n}", micro_region="札幌市", subregion_id=1, email=email)
               for n, email in enumerate(emails)]
    with db.write() as session:
        invoice = Invoice(start_date=START, end_date=END, invoice_layout=int(InvoiceLayout.SIMPLE),
                          send_email=True, send_at=utcnow() - timedelta(minutes=5))
        session.add(invoice)
        session.flush()
        isos = [InvoiceSupplierOrganization(invoice_id=invoice.id, supplier_organization_id=org_id,
                                            completed=False, passwords={}) for org_id in org_ids]
        session.add_all(isos)
        session.flush()
        invoice_id, iso_ids = invoice.id, [iso.id for iso in isos]
    for iso_id in iso_ids:
        generate_statements(db, iso_id)
    with db.write() as session:
        rows = [row.id for row in prepare_run(session, invoice_id).deliverable]
    return invoice_id, rows


def test_a_batch_sends_each_row_once_and_marks_the_run_sent(db, smtp_server):
    invoice_id, rows = _run(db, [f"org{n}@example.jp" for n in range(ORGANIZATIONS)])
    # The state every row had when the server got its DATA: the claim must be committed by then.
    seen_at_data: list[str] = []
    handler = smtp_server.handler
    original = handler.handle_DATA

    async def handle_data(server, session, envelope):
        with db.read() as reading:
            states = dict(reading.execute(select(OutboxMessage.message_id, OutboxMessage.state)).all())
        message_id = next(line.split(b":", 1)[1].strip().decode() for line in envelope.original_content.splitlines()
                          if line.lower().startswith(b"message-id:"))
        seen_at_data.append(states[message_id])
        return await original(server, session, envelope)

    handler.handle_DATA = handle_data
    transport = BatchSmtpTransport(smtp_server.settings())
    try:
        results = deliver_rows(db, rows, transport)
    finally:
        transport.close()
    assert [r.status for r in results] == [DeliveryStatus.SENT] * ORGANIZATIONS
    assert seen_at_data == [SENDING] * ORGANIZATIONS
    assert len(smtp_server.accepted) == ORGANIZATIONS
    with db.read() as session:
        assert set(session.scalars(select(OutboxMessage.state))) == {SENT}
        assert session.get(Invoice, invoice_id).sent_at is not None
    # Sending the batch again sends nothing: every row is taken.
    again = deliver_rows(db, rows, BatchSmtpTransport(smtp_server.settings()))
    assert [r.status for r in again] == [DeliveryStatus.SKIPPED] * ORGANIZATIONS
    assert len(smtp_server.accepted) == ORGANIZATIONS


def test_a_rejected_row_fails_alone_and_the_rows_around_it_are_sent(db, smtp_server):
    _invoice_id, rows = _run(db, ["a@example.jp", "bad@example.jp", "c@example.jp"])
    smtp_server.handler.behaviour = Behaviour.RCPT_REJECT
    smtp_server.handler.only_for = "bad@example.jp"
    transport = BatchSmtpTransport(smtp_server.settings())
    try:
        results = deliver_rows(db, rows, transport)
    finally:
        transport.close()
    assert [r.status for r in results] == [DeliveryStatus.SENT, DeliveryStatus.FAILED, DeliveryStatus.SENT]
    with db.read() as session:
        states = [session.get(OutboxMessage, row_id).state for row_id in rows]
    assert states == [SENT, "failed", SENT]


def test_on_sqlite_the_claims_commit_with_synchronous_full(sqlite_db, smtp_server):
    db = sqlite_db
    _invoice_id, rows = _run(db, ["a@example.jp", "b@example.jp"])
    levels: list[int] = []

    def before(conn, _cursor, statement, _params, _context, _many):
        # The claim: the only UPDATE of the outbox that counts an attempt.
        if statement.lstrip().upper().startswith("UPDATE OROSHI_DESKTOP_OUTBOX") and "attempts" in statement:
            levels.append(conn.connection.driver_connection.execute("PRAGMA synchronous").fetchone()[0])

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        transport = BatchSmtpTransport(smtp_server.settings())
        try:
            assert [r.status for r in deliver_rows(db, rows, transport)] == [DeliveryStatus.SENT] * 2
        finally:
            transport.close()
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    assert levels == [2, 2]  # FULL for both claims
    with db.engine.connect() as conn:  # the pool's connections are back at NORMAL
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 1
