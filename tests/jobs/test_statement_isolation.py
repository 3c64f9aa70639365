"""Generation and sending of a real demo run, row by row (issue 9, points 1 and 4), on SQLite and both
PostgreSQL kinds, with real PDFs and a real SMTP server.

Defects these reproduce: a NaN or infinite quantity or price crashed the whole check every 10
minutes; a generation failure at organization k skipped every organization after it; the mail
said the run's end date while the PDF printed the last supply day.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import delete, func, select, update

from jobs.statements import check_and_send, generate_statement_rows, generate_statements, send_invoice
from oroshi_desktop.db.models import (
    Invoice,
    InvoiceSupplierOrganization,
    OutboxMessage,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
)
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.domain.formats import long_date
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.outbox import SENDING, UNCERTAIN
from oroshi_desktop.mail.transport import SmtpTransport
from tests.jobs.conftest import DUE_INVOICE, make_due

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

TZ = ZoneInfo("Asia/Tokyo")


@pytest.fixture
def demo(db):
    from oroshi_desktop.demo import generate_demo

    generate_demo(db, scale=1, seed=0)
    make_due(db)
    return db


def organization_rows(db, invoice_id: int = DUE_INVOICE) -> list[tuple[int, int, str]]:
    with db.read() as session:
        return [tuple(r) for r in session.execute(
            select(InvoiceSupplierOrganization.id, SupplierOrganization.id, SupplierOrganization.entity_name)
            .join(SupplierOrganization, SupplierOrganization.id == InvoiceSupplierOrganization.supplier_organization_id)
            .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
            .order_by(InvoiceSupplierOrganization.id))]


def a_supply_of(db, organization_id: int) -> int:
    with db.read() as session:
        invoice = session.get(Invoice, DUE_INVOICE)
        return session.scalar(
            select(Supply.id).join(Supplier, Supplier.id == Supply.supplier_id)
            .join(SupplyDate, SupplyDate.id == Supply.supply_date_id)
            .where(Supplier.supplier_organization_id == organization_id, Supply.quantity != 0,
                   SupplyDate.date.between(invoice.start_date, invoice.end_date))
            .order_by(Supply.id).limit(1))


def incomplete(db) -> None:
    with db.write() as session:
        session.execute(update(InvoiceSupplierOrganization).where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)
                        .values(completed=False))


@pytest.mark.parametrize(("field", "value", "ja"), [("price", float("inf"), "単価"),
                                                     ("quantity", float("-inf"), "数量")])
def test_a_bad_number_fails_its_organization_and_the_others_are_sent(demo, smtp_server, field, value, ja):
    rows = organization_rows(demo)
    _iso_first, org_first, name_first = rows[0]
    supply_id = a_supply_of(demo, org_first)
    with demo.write() as session:
        session.execute(update(Supply).where(Supply.id == supply_id).values(**{field: value}))
    incomplete(demo)

    summary = check_and_send(demo, SmtpTransport(smtp_server.settings()), tz=TZ)
    # The first organization fails; every organization after it is generated and sent.
    assert summary.sent == len(rows) - 1, summary.describe()
    [failure] = summary.failed_rows
    assert name_first in failure.message_ja and f"供給 {supply_id} の{ja}（{field}）" in failure.message_ja
    assert f"supply {supply_id}: {field}" in failure.message
    assert not summary.ok
    lines = list(summary.error_lines())
    assert any(name_first in line and field in line for line in lines)
    with demo.read() as session:
        completed = dict(session.execute(select(InvoiceSupplierOrganization.id, InvoiceSupplierOrganization.completed)
                                         .where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)).all())
        assert [completed[iso] for iso, _org, _name in rows] == [False] + [True] * (len(rows) - 1)
        assert session.get(Invoice, DUE_INVOICE).sent_at is None  # half a run is never marked complete

    # The next check does not render the bad organization again while its data is unchanged.
    again = check_and_send(demo, SmtpTransport(smtp_server.settings()), tz=TZ)
    assert again.generated == [] and again.sent == 0 and again.failed_rows[0].still_blocked
    # A person's resend of the run tries the bad organization again (and it fails the same way).
    manual = send_invoice(demo, DUE_INVOICE, SmtpTransport(smtp_server.settings()), tz=TZ, resend=True)
    assert manual.generated == [DUE_INVOICE] and not manual.failed_rows[0].still_blocked
    assert f"供給 {supply_id}" in manual.failed_rows[0].message_ja
    # (a run's resend is on purpose: the others go out again, each under a new Message-ID)
    assert len({str(m.message["Message-ID"]) for m in smtp_server.accepted}) == 2 * (len(rows) - 1)
    assert manual.failed_rows[0].message_ja.count(name_first) == 1  # named once, not twice
    # Corrected: generated and sent, the run is complete.
    with demo.write() as session:
        session.execute(update(Supply).where(Supply.id == supply_id).values(**{field: 100.0}, updated_at=utcnow()))
    fixed = check_and_send(demo, SmtpTransport(smtp_server.settings()), tz=TZ)
    assert fixed.ok and fixed.sent == 1, fixed.describe()
    with demo.read() as session:
        assert session.get(Invoice, DUE_INVOICE).sent_at is not None
    assert len(smtp_server.accepted) == 2 * (len(rows) - 1) + 1


def test_generate_statements_goes_on_after_a_failed_organization_and_names_it(demo):
    rows = organization_rows(demo)
    _iso, org_second, name_second = rows[1]
    with demo.write() as session:
        session.execute(update(SupplierOrganization).where(SupplierOrganization.id == org_second)
                        .values(invoice_number=None))
    with pytest.raises(UserError) as info:
        generate_statements(demo, DUE_INVOICE, tz=TZ)
    assert name_second in info.value.message_ja and "登録番号" in info.value.message_ja
    with demo.read() as session:
        flags = session.scalars(select(InvoiceSupplierOrganization.completed)
                                .where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE)
                                .order_by(InvoiceSupplierOrganization.id)).all()
    assert flags == [True, False] + [True] * (len(rows) - 2)


def test_the_mail_states_the_period_the_pdfs_print(demo, smtp_server):
    from oroshi_desktop.queries.statements import load_statement

    with demo.write() as session:
        invoice = session.get(Invoice, DUE_INVOICE)
        # The run asks for three days past the last supply day: the PDFs print the supply days.
        # The demo's supplies go on up to its "today"; those three days are emptied so that the
        # run's end lies past the last supply day whatever date the demo is anchored on.
        extra_days = select(SupplyDate.id).where(
            SupplyDate.date > invoice.end_date, SupplyDate.date <= invoice.end_date + timedelta(days=3))
        session.execute(delete(Supply).where(Supply.supply_date_id.in_(extra_days)))
        invoice.end_date = invoice.end_date + timedelta(days=3)
    incomplete(demo)
    summary = send_invoice(demo, DUE_INVOICE, SmtpTransport(smtp_server.settings()), tz=TZ)
    assert summary.ok, summary.describe()
    with demo.read() as session:
        invoice = session.get(Invoice, DUE_INVOICE)
        for _iso, org_id, name in organization_rows(demo):
            statement = load_statement(session, organization_id=org_id, start=invoice.start_date,
                                       end=invoice.end_date, fmt="organization", layout="simple")
            first, last = statement.body.first_date, statement.body.last_date
            assert last < invoice.end_date
            mails = [m for m in smtp_server.accepted if name in m.message.get_body(("plain",)).get_content()]
            assert mails, name
            for mail in mails:
                period = f"{long_date(first)} 〜 {long_date(last)}"
                assert period in str(mail.message["Subject"])
                assert period in mail.message.get_body(("plain",)).get_content()
                # The attachments' names state the same period (they said the run's end date).
                names = [part.get_filename() for part in mail.message.iter_attachments()]
                assert names and all(f"({first.isoformat()} ~ {last.isoformat()})" in name for name in names), names


def test_the_running_check_finds_rows_left_sending(demo, smtp_server):
    summary = send_invoice(demo, DUE_INVOICE, SmtpTransport(smtp_server.settings()), tz=TZ)
    assert summary.ok
    with demo.write() as session:
        row = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id).limit(1)).one()
        row.state, row.claimed_at, row.claimed_by = SENDING, utcnow() - timedelta(minutes=30), "dead-worker"
        session.execute(update(Invoice).where(Invoice.id == DUE_INVOICE).values(sent_at=None))
        stale_id = row.id
    check = check_and_send(demo, SmtpTransport(smtp_server.settings()), tz=TZ)
    assert check.recovered == [stale_id] and check.sent == 0
    assert any("uncertain" in line for line in check.error_lines())
    with demo.read() as session:
        assert session.get(OutboxMessage, stale_id).state == UNCERTAIN
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == len(organization_rows(demo))


def test_a_run_row_naming_a_missing_organization_fails_alone_as_a_data_problem(demo):
    from tests.helpers.broken_data import write_unchecked

    rows = organization_rows(demo)
    iso_first = rows[0][0]
    write_unchecked(demo, "UPDATE oroshi_invoice_supplier_organizations SET supplier_organization_id = 999999 "
                          f"WHERE id = {iso_first}")
    incomplete(demo)
    result = generate_statement_rows(demo, DUE_INVOICE, tz=TZ)
    # Before, the inner join dropped the row: the run looked complete with one organization missing.
    assert list(result.failures) == [iso_first]
    failure = result.failures[iso_first]
    assert "oroshi_invoice_supplier_organizations" in failure.message and "supplier_organization_id" in failure.message
    assert "データの不整合" in failure.message_ja
    assert len(result.document_ids) == 2 * (len(rows) - 1)  # every other organization: both formats
