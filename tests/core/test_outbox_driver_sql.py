"""The send loop's claim and ``sent`` on the driver's cursor (``outbox.driver_sql``): the same
statements as through SQLAlchemy, so the same rows written, with the same types both ways (aware
times, JSON, the run's sent state), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import bindparam, select
from sqlalchemy import exc as sa_exc

from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, OutboxMessage
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.mail.outbox import SENDING, SENT, message_bytes
from oroshi_desktop.mail.outbox.delivery import _DRIVER, _Accepted, _record_and_claim_in
from oroshi_desktop.mail.outbox.driver_sql import DriverBatch, DriverStatements
from tests.core.test_outbox_batch import _run

pytestmark = pytest.mark.calendar


def _row(db, row_id: int) -> OutboxMessage:
    with db.read() as session:
        row = session.get(OutboxMessage, row_id)
        session.expunge(row)
        return row


def test_a_claim_and_a_sent_on_the_driver_write_what_the_orm_reads_back(db):
    invoice_id, rows = _run(db, ["a@example.jp", "b@example.jp"])
    first_at = utcnow().replace(microsecond=123456)
    with db.engine.begin() as connection:
        claimed = _record_and_claim_in(connection, None, rows[0], "pc:1:1", first_at)
    assert claimed is not None and claimed[1] is None
    plan = claimed[0]
    assert plan is not None and plan.recipients[0] == "a@example.jp" and plan.parts_sent == 0
    with db.read() as session:
        assert plan.messages == [message_bytes(session, rows[0])]  # the stored bytes, checked
    row = _row(db, rows[0])
    assert (row.state, row.claimed_by, row.claimed_at, row.attempts) == (SENDING, "pc:1:1", first_at, 1)

    sent_at = first_at + timedelta(seconds=1)
    with db.engine.begin() as connection:  # the first row sent, the second claimed: one transaction
        second = _record_and_claim_in(connection, _Accepted(rows[0], plan, sent_at), rows[1], "pc:1:1", sent_at)
    assert second is not None and second[0] is not None
    row = _row(db, rows[0])
    assert (row.state, row.sent_at, row.parts_sent, row.failure_kind) == (SENT, sent_at, 1, None)
    assert _row(db, rows[1]).state == SENDING
    with db.read() as session:
        iso_sent = session.scalar(select(InvoiceSupplierOrganization.sent_at)
                                  .where(InvoiceSupplierOrganization.id == plan.iso_id))
        assert iso_sent == sent_at.replace(microsecond=iso_sent.microsecond)  # Rails' column, naive UTC
        assert session.get(Invoice, invoice_id).sent_at is None  # the second row still waits

    last_at = sent_at + timedelta(seconds=1)
    with db.engine.begin() as connection:  # the run's last row sent; its own claim again is lost
        assert _record_and_claim_in(connection, _Accepted(rows[1], second[0], last_at), rows[1], "pc:1:1",
                                    last_at) is None
    assert _row(db, rows[1]).state == SENT
    with db.read() as session:
        assert session.get(Invoice, invoice_id).sent_at is not None  # every row sent: the run too


def test_a_claim_taken_by_another_pc_is_lost_on_the_driver_too(db):
    _invoice_id, rows = _run(db, ["a@example.jp"])
    with db.engine.begin() as connection:
        assert _record_and_claim_in(connection, None, rows[0], "other:1:1", utcnow()) is not None
    with db.engine.begin() as connection:
        assert _record_and_claim_in(connection, None, rows[0], "pc:1:1", utcnow()) is None
    assert _row(db, rows[0]).claimed_by == "other:1:1"


def test_a_driver_statement_wants_exactly_its_own_parameters(db):
    statement = _DRIVER.of(db.engine.dialect)["mark_iso_sent"]
    assert statement.required == {"iso_id", "now"}
    with pytest.raises(ValueError, match="needed"):
        statement.parameters({"iso_id": 1})
    with pytest.raises(ValueError, match="needed"):
        statement.parameters({"iso_id": 1, "now": utcnow(), "sent_at": utcnow()})


def test_messages_read_ahead_are_used_only_when_the_claim_reads_the_same_references(db):
    _invoice_id, rows = _run(db, ["a@example.jp", "b@example.jp", "c@example.jp"])
    with db.read() as session:
        references = {row_id: session.get(OutboxMessage, row_id).messages for row_id in rows}
        stored = {row_id: message_bytes(session, row_id) for row_id in rows}
    stale = references[rows[2]]  # another row's message: what a reference read before a new preparation names
    for row_id, expected in ((rows[0], references[rows[0]]), (rows[1], stale)):
        with db.engine.begin() as connection:
            claimed = _record_and_claim_in(connection, None, row_id, "pc:1:1", utcnow(), expected)
        assert claimed is not None and claimed[1] is None and claimed[0] is not None
        assert claimed[0].messages == [stored[row_id]]  # the row's own message, read ahead or not


def test_the_drivers_errors_reach_the_callers_as_sqlalchemys(db):
    """The send loop tells an outage or a lock (SQLAlchemy's ``OperationalError``) from a bug by
    SQLAlchemy's classes: the driver path raises those too, never the driver's own."""
    statements = DriverStatements(row=select(OutboxMessage.id).where(OutboxMessage.id == bindparam("row_id")))
    with db.engine.connect() as connection, connection.begin():
        batch = DriverBatch(connection, statements)
        try:
            with pytest.raises(sa_exc.ProgrammingError) as raised, batch.together():
                batch.execute("row", {"row_id": object()})  # no driver can bind this
        finally:
            batch.close()
    assert isinstance(raised.value.orig, db.engine.dialect.loaded_dbapi.Error)
