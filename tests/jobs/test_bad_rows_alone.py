"""Every bad row fails alone, and every organization gets one mail (issue 21, points 2 and 3), on SQLite
and both PostgreSQL kinds, with real PDFs and a real SMTP server.

Defects these reproduce: an organization name over 255 characters and line amounts inside the
documented limits overflowed the archive facts on PostgreSQL and stopped the whole run (0 mails);
a run row naming a missing organization made the mail check refuse the run; an SMTP host holding
a NUL crashed every check on PostgreSQL while it wrote the error text; a duplicated run row mailed
the same statement twice; a failed INSERT printed its parameters (business data) to stderr.
"""

from __future__ import annotations

import logging
from collections import Counter
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from jobs.statements import check_and_send
from oroshi_desktop.db.models import (
    ArchiveFacts,
    Invoice,
    InvoiceSupplierOrganization,
    OutboxMessage,
    SupplierOrganization,
    Supply,
)
from oroshi_desktop.db.types import ERROR_TEXT_LIMIT, utcnow
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.transport import SmtpTransport
from oroshi_desktop.queries.archive_facts import Figures, storable
from tests.helpers.broken_data import write_unchecked
from tests.jobs import test_statement_isolation as isolation
from tests.jobs.conftest import DUE_INVOICE
from tests.jobs.test_statement_isolation import a_supply_of, incomplete, organization_rows

TZ = ZoneInfo("Asia/Tokyo")
demo = isolation.demo  # the fixture: the demo data with its scheduled run due


def mailed_organizations(db) -> list[int]:
    """The organizations of the due run (one has no address of its own: its mail goes to the company)."""
    return sorted({org_id for _iso, org_id, _name in organization_rows(db)})


def mails_per_organization(db, server) -> Counter[int]:
    """How many accepted mails each organization got, told apart by the name its mail's text states."""
    with db.read() as session:
        names = {org.id: org.entity_name for org in session.scalars(select(SupplierOrganization))}
    bodies = [mail.message.get_body(("plain",)).get_content() for mail in server.accepted]
    return Counter(org_id for body in bodies for org_id, name in names.items() if name in body)


def send(db, server, **changes) -> object:
    return check_and_send(db, SmtpTransport(server.settings(**changes)), tz=TZ)


def test_an_organization_name_longer_than_255_characters_is_archived_and_mailed(demo, smtp_server):
    long_name = "有限会社" + "長" * 400
    first_org = mailed_organizations(demo)[0]
    with demo.write() as session:
        session.execute(update(SupplierOrganization).where(SupplierOrganization.id == first_org)
                        .values(entity_name=long_name, invoice_name=long_name))
    incomplete(demo)
    summary = send(demo, smtp_server)
    assert summary.ok, summary.describe()
    assert mails_per_organization(demo, smtp_server) == Counter(dict.fromkeys(mailed_organizations(demo), 1))
    with demo.read() as session:
        assert long_name in session.scalars(select(ArchiveFacts.counterparty)).all()


def test_line_amounts_at_the_documented_limits_are_archived_and_mailed(demo, smtp_server):
    first_org = mailed_organizations(demo)[0]
    supply_id = a_supply_of(demo, first_org)
    with demo.write() as session:
        session.execute(update(Supply).where(Supply.id == supply_id)
                        .values(price=9_999_999.99, quantity=9_999_999.0))
    incomplete(demo)
    summary = send(demo, smtp_server)
    assert summary.ok, summary.describe()
    assert mails_per_organization(demo, smtp_server) == Counter(dict.fromkeys(mailed_organizations(demo), 1))
    with demo.read() as session:
        top = session.scalar(select(ArchiveFacts.amount).order_by(ArchiveFacts.amount.desc()).limit(1))
    assert top > Decimal("99999999999999.99")  # beyond the NUMERIC(16,2) of revision 0004


def test_an_amount_the_archive_cannot_keep_is_refused_naming_the_field():
    figures = Figures(issued=None, counterparty="x", registration_number="", producers=(),
                      amount=Decimal(10) ** 28, taxes=())
    with pytest.raises(UserError) as info:
        storable(figures)
    assert "amount" in info.value.message and "合計金額" in info.value.message_ja
    assert storable(Figures(None, "x", "", (), Decimal(10) ** 27, ())) is not None


def test_a_run_row_naming_a_missing_organization_fails_alone_in_the_mail_check(demo, smtp_server):
    rows = organization_rows(demo)
    iso_first = rows[0][0]
    write_unchecked(demo, "UPDATE oroshi_invoice_supplier_organizations SET supplier_organization_id = 999999 "
                          f"WHERE id = {iso_first}")
    summary = send(demo, smtp_server)
    others = mailed_organizations(demo)  # the broken row is not among them
    assert summary.sent == len(others) and summary.errors == [], summary.describe()
    [failure] = summary.failed_rows
    assert "supplier_organization_id" in failure.message and "999999" in failure.message
    assert mails_per_organization(demo, smtp_server) == Counter(dict.fromkeys(others, 1))
    # The next check neither refuses the run nor mails anyone again; the reason stands.
    again = send(demo, smtp_server)
    assert again.errors == [] and again.sent == 0 and again.failed_rows[0].still_blocked
    assert len(smtp_server.accepted) == len(others)


def test_an_smtp_host_with_a_nul_fails_the_rows_and_the_error_is_recorded_clean(demo, smtp_server):
    summary = send(demo, smtp_server, host="smtp\x00.example.jp")
    assert summary.sent == 0 and summary.results, summary.describe()
    with demo.read() as session:
        errors = session.scalars(select(OutboxMessage.last_error).where(OutboxMessage.invoice_id == DUE_INVOICE)).all()
    assert errors and all(error and "\x00" not in error for error in errors)
    # Corrected, the same rows go out once each.
    fixed = send(demo, smtp_server)
    assert fixed.sent == len(mailed_organizations(demo)), fixed.describe()


def test_error_texts_are_stored_without_nul_and_bounded(demo):
    with demo.write() as session:
        row = OutboxMessage(invoice_id=DUE_INVOICE, invoice_supplier_organization_id=1, supplier_organization_id=1,
                            generation=99, state="failed", last_error="bad\x00host " + "x" * 10_000,
                            last_error_ja="ホスト\x00", created_at=utcnow(), updated_at=utcnow())
        session.add(row)
        session.flush()
        row_id = row.id
    with demo.read() as session:
        stored = session.get(OutboxMessage, row_id)
        assert stored.last_error.startswith("bad\\x00host ") and len(stored.last_error) == ERROR_TEXT_LIMIT
        assert stored.last_error_ja == "ホスト\\x00"


def test_a_duplicated_run_row_mails_its_organization_once_and_is_named(demo, smtp_server):
    iso_first, org_first, _name = next(row for row in organization_rows(demo) if row[1] in mailed_organizations(demo))
    with demo.write() as session:
        now = utcnow()
        duplicate = session.execute(insert(InvoiceSupplierOrganization).values(
            invoice_id=DUE_INVOICE, supplier_organization_id=org_first, completed=False, passwords={},
            created_at=now, updated_at=now).returning(InvoiceSupplierOrganization.id)).scalar_one()
    summary = send(demo, smtp_server)
    assert summary.ok, summary.describe()
    assert mails_per_organization(demo, smtp_server) == Counter(dict.fromkeys(mailed_organizations(demo), 1))
    [(warning, warning_ja)] = summary.warnings
    assert f"{duplicate} (= {iso_first})" in warning and str(duplicate) in warning_ja
    with demo.read() as session:
        assert session.get(Invoice, DUE_INVOICE).sent_at is not None  # the run is complete
    assert send(demo, smtp_server).invoices == []  # and not due again: nothing more is mailed
    assert len(smtp_server.accepted) == len(mailed_organizations(demo))


def test_a_failed_statement_never_shows_its_parameters(demo, caplog):
    secret = "取引先の秘密データ-4711"
    taken = 1
    with demo.write() as session:
        session.execute(insert(ArchiveFacts).values(document_id=taken, counterparty="a", registration_number="",
                                                    producers="", taxes=[], recorded_at=utcnow()))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(IntegrityError) as info, demo.write() as session:
        session.execute(insert(ArchiveFacts).values(document_id=taken, counterparty=secret, registration_number="",
                                                    producers="", taxes=[], recorded_at=utcnow()))
    assert secret not in str(info.value) and secret not in caplog.text


def test_a_send_time_in_year_9999_fails_each_organization_with_its_field_not_a_traceback(demo, caplog):
    from datetime import datetime

    from jobs.statements import generate_statement_rows

    with demo.write() as session:
        session.execute(update(Invoice).where(Invoice.id == DUE_INVOICE)
                        .values(send_at=datetime(9999, 12, 31, 23, 0, tzinfo=ZoneInfo("UTC"))))
    incomplete(demo)
    caplog.set_level(logging.WARNING)
    result = generate_statement_rows(demo, DUE_INVOICE, tz=TZ)
    assert result.failures and all("send_at" in f.message and "送信日時" in f.message_ja
                                   for f in result.failures.values())
    assert "Traceback" not in caplog.text and not any(r.exc_info for r in caplog.records)


def test_company_settings_that_are_an_array_are_a_clear_error_for_every_document():
    from oroshi_desktop.domain.parties import Company

    with pytest.raises(UserError) as info:
        Company.from_settings(["name", "address"])  # type: ignore[arg-type]
    assert "JSON object" in info.value.message and "list" in info.value.message


def test_a_zero_statement_is_not_mailed_unless_the_clerk_chooses_so(demo, smtp_server):
    """An organization with no supplies got a ¥0 statement mailed (issue 21, point 4)."""
    from sqlalchemy import delete

    from oroshi_desktop.db.models import Supplier, SupplyDate
    from oroshi_desktop.queries.preferences import ZERO_STATEMENTS, set_preference

    _iso, zero_org, zero_name = organization_rows(demo)[-1]
    with demo.write() as session:
        invoice = session.get(Invoice, DUE_INVOICE)
        days = select(SupplyDate.id).where(SupplyDate.date.between(invoice.start_date, invoice.end_date))
        suppliers = select(Supplier.id).where(Supplier.supplier_organization_id == zero_org)
        session.execute(delete(Supply).where(Supply.supply_date_id.in_(days), Supply.supplier_id.in_(suppliers)))
    incomplete(demo)
    summary = send(demo, smtp_server)
    others = [org for org in mailed_organizations(demo) if org != zero_org]
    assert summary.sent == len(others), summary.describe()
    [failure] = summary.failed_rows
    assert failure.organization == zero_name and "¥0" in failure.message and "¥0" in failure.message_ja
    assert mails_per_organization(demo, smtp_server) == Counter(dict.fromkeys(others, 1))
    assert send(demo, smtp_server).sent == 0  # the choice stands: still not mailed
    with demo.write() as session:
        set_preference(session, ZERO_STATEMENTS, "send")  # the clerk's explicit choice (設定)
    chosen = send(demo, smtp_server)
    assert chosen.sent == 1 and chosen.failed_rows == [], chosen.describe()
    assert mails_per_organization(demo, smtp_server) == Counter(dict.fromkeys(mailed_organizations(demo), 1))
