"""The send loop gives the server a row's envelope while the claim commits (``outbox.overlap``):
without a committed claim nothing goes past the envelope, and a stale envelope is never used."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import update

from oroshi_desktop.db.models import OutboxMessage
from oroshi_desktop.mail.outbox import SENDING, SENT, DeliveryStatus, deliver_rows
from oroshi_desktop.mail.outbox import overlap as overlap_module
from oroshi_desktop.mail.transport import BatchSmtpTransport
from tests.core.test_outbox_batch import _run
from tests.helpers.smtp_server import SmtpTestServer

pytestmark = pytest.mark.calendar


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    with SmtpTestServer.running() as server:
        yield server


def _record_rcpts(server: SmtpTestServer) -> list[str]:
    """Every RCPT TO address the server was given, accepted or not, in order."""
    seen: list[str] = []
    handler = server.handler
    original = handler.handle_RCPT

    async def handle_rcpt(srv, session, envelope, address, options):
        seen.append(address)
        return await original(srv, session, envelope, address, options)

    handler.handle_RCPT = handle_rcpt
    return seen


def _deliver(db, server: SmtpTestServer, rows: list[int]):
    transport = BatchSmtpTransport(server.settings())
    try:
        return deliver_rows(db, rows, transport)
    finally:
        transport.close()


def test_a_row_whose_claim_is_lost_gets_its_envelope_but_never_its_data(db, smtp_server, monkeypatch):
    _invoice_id, rows = _run(db, ["a@example.jp", "taken@example.jp", "c@example.jp"])
    read = overlap_module.read_envelopes

    def read_then_taken(database, row_ids):  # another worker claims the middle row just after the read
        envelopes = read(database, row_ids)
        with db.write() as session:
            session.execute(update(OutboxMessage).where(OutboxMessage.id == rows[1])
                            .values(state=SENDING, claimed_by="other-pc:1:1"))
        return envelopes

    monkeypatch.setattr(overlap_module, "read_envelopes", read_then_taken)
    rcpts = _record_rcpts(smtp_server)
    results = _deliver(db, smtp_server, rows)
    assert [r.status for r in results] == [DeliveryStatus.SENT, DeliveryStatus.SKIPPED, DeliveryStatus.SENT]
    # The envelope went out while the claim was being committed (the overlap) ...
    assert "taken@example.jp" in rcpts
    # ... but its transaction was reset: no content reached the server, the row is still the other's.
    assert [mail.rcpt_tos[0] for mail in smtp_server.handler.received] == ["a@example.jp", "c@example.jp"]
    with db.read() as session:
        row = session.get(OutboxMessage, rows[1])
        assert (row.state, row.claimed_by) == (SENDING, "other-pc:1:1")


def test_an_envelope_changed_after_it_was_read_is_not_used(db, smtp_server, monkeypatch):
    _invoice_id, rows = _run(db, ["new@example.jp"])
    read = overlap_module.read_envelopes

    def stale(database, row_ids):  # as if the row was re-addressed between the read and the claim
        return {row_id: (sender, ["old@example.jp"]) for row_id, (sender, _to) in read(database, row_ids).items()}

    monkeypatch.setattr(overlap_module, "read_envelopes", stale)
    rcpts = _record_rcpts(smtp_server)
    results = _deliver(db, smtp_server, rows)
    assert [r.status for r in results] == [DeliveryStatus.SENT]
    # The stale envelope was given, then reset; the mail went out with the one read under the claim.
    assert rcpts[0] == "old@example.jp" and "new@example.jp" in rcpts[1:]
    assert [mail.rcpt_tos[0] for mail in smtp_server.handler.received] == ["new@example.jp"]
    assert "old@example.jp" not in smtp_server.handler.received[0].rcpt_tos
    with db.read() as session:
        assert session.get(OutboxMessage, rows[0]).state == SENT


def test_a_transport_that_cannot_wait_before_data_sends_the_ordinary_way(db, smtp_server):
    _invoice_id, rows = _run(db, ["a@example.jp", "b@example.jp"])

    class Plain:  # only send_raw, like the plain transport and the test doubles
        def __init__(self) -> None:
            self.inner = BatchSmtpTransport(smtp_server.settings())

        def send_raw(self, sender: str, recipients: list[str], data: bytes) -> None:
            self.inner.send_raw(sender, recipients, data)

    plain = Plain()
    try:
        results = deliver_rows(db, rows, plain)
    finally:
        plain.inner.close()
    assert [r.status for r in results] == [DeliveryStatus.SENT] * 2
    assert len(smtp_server.handler.accepted) == 2


def test_rows_another_worker_has_get_no_envelope(db, smtp_server):
    _invoice_id, rows = _run(db, ["a@example.jp", "taken@example.jp"])
    with db.write() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == rows[1])
                        .values(state=SENDING, claimed_by="other-pc:1:1"))
    rcpts = _record_rcpts(smtp_server)
    results = _deliver(db, smtp_server, rows)
    assert [r.status for r in results] == [DeliveryStatus.SENT, DeliveryStatus.SKIPPED]
    assert "taken@example.jp" not in rcpts
