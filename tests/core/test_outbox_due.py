"""The due rule where it lives, in SQL (``due_invoices_query``), on SQLite and both PostgreSQL kinds:
every case of the Python twin (``domain.schedule.is_due``) gives the same answer in the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from oroshi_desktop.domain.schedule import is_due
from oroshi_desktop.mail.outbox import due_invoices, due_invoices_query
from tests.core.outbox_fixtures import add_invoice

NOW = datetime(2025, 10, 16, 0, 0, 0, tzinfo=UTC)  # 09:00 in Tokyo
TOKYO = ZoneInfo("Asia/Tokyo")

CASES = [  # (send_email, send_at, sent_at)
    (True, NOW, None),
    (True, NOW - timedelta(seconds=1), None),
    (True, NOW + timedelta(seconds=1), None),
    (True, datetime(2025, 10, 16, 9, 0, tzinfo=TOKYO), None),
    (True, datetime(2025, 10, 16, 9, 0, 1, tzinfo=TOKYO), None),
    (True, datetime(2025, 10, 16, 8, 0, tzinfo=TOKYO), None),
    (True, datetime(2025, 10, 16, 10, 0, tzinfo=TOKYO), None),
    (False, NOW, None),
    (True, NOW - timedelta(days=1), NOW - timedelta(hours=1)),
    (True, None, None),
    (True, NOW - timedelta(days=400), None),
]


def test_sql_due_rule_agrees_with_every_case(db):
    ids = [add_invoice(db, send_email=send_email, send_at=send_at, sent_at=sent_at)
           for send_email, send_at, sent_at in CASES]
    expected = [invoice_id for invoice_id, case in zip(ids, CASES, strict=True) if is_due(*case, NOW)]
    assert len(expected) == 5  # the cases are not all one way
    with db.read() as session:
        for now in (NOW, NOW.astimezone(TOKYO), NOW.astimezone(ZoneInfo("America/New_York"))):
            assert due_invoices(session, now) == expected
            assert list(session.scalars(due_invoices_query(now))) == expected
