"""One bad organization fails alone (issue 9, point 1), on SQLite and both PostgreSQL kinds, with a
real SMTP server. Each test was a defect: before, the whole run raised, crashed or sent a mail
without its issuer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from email import message_from_bytes, policy

import pytest
from sqlalchemy import select, update

from oroshi_desktop.db.models import (
    COMPANY_SETTINGS_NAME,
    Invoice,
    OutboxMessage,
    SettingsRow,
    StoredDocument,
    Supplier,
    SupplierOrganization,
    Supply,
    SupplyDate,
    SupplyReceptionTime,
    SupplyType,
    SupplyTypeVariation,
)
from oroshi_desktop.document_store import OUTBOX_OWNER_TYPE, sha256_hex
from oroshi_desktop.domain.formats import long_date
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.outbox import (
    FAILED,
    PENDING,
    SENT,
    DeliveryStatus,
    deliver,
    message_bytes,
    prepare_run,
    resend,
)
from oroshi_desktop.mail.transport import SmtpTransport
from tests.core.outbox_fixtures import COMPANY, ORG_WITH_MAIL, START, StatementRun, build_statement_run
from tests.helpers.smtp_server import Behaviour, SmtpTestServer


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    with SmtpTestServer.running() as server:
        yield server


@pytest.fixture
def run(db) -> StatementRun:
    return build_statement_run(db)


def prepare(db, invoice_id: int, **kwargs):
    with db.write() as session:
        result = prepare_run(session, invoice_id, **kwargs)
        return [row.id for row in result.deliverable], result.failed


def send_all(db, invoice_id: int, server: SmtpTestServer, **kwargs):
    deliverable, failed = prepare(db, invoice_id, **kwargs)
    return [deliver(db, row_id, SmtpTransport(server.settings())) for row_id in deliverable], failed


def rows(db, invoice_id: int) -> list[OutboxMessage]:
    with db.read() as session:
        result = list(session.scalars(select(OutboxMessage).where(OutboxMessage.invoice_id == invoice_id)
                                      .order_by(OutboxMessage.id)))
        session.expunge_all()
        return result


def set_org(db, organization_id: int, **values) -> None:
    with db.write() as session:
        session.execute(update(SupplierOrganization).where(SupplierOrganization.id == organization_id).values(**values))


def set_company(db, settings) -> None:
    with db.write() as session:
        session.execute(update(SettingsRow).where(SettingsRow.name == COMPANY_SETTINGS_NAME)
                        .values(settings=settings))


@pytest.mark.parametrize("address", ["a@@b", "org-a@example.jp,", "org-a@example.jp, org-b@example.jp",
                                     "org-a@example.jp\r\nBcc: someone@example.jp"])
def test_a_bad_address_fails_its_row_alone_and_the_other_is_sent(db, run: StatementRun, smtp_server, address):
    set_org(db, run.organization_ids[0], email=address)
    results, failed = send_all(db, run.invoice_id, smtp_server)
    assert [r.status for r in results] == [DeliveryStatus.SENT]
    [failure] = failed
    assert failure.organization == ORG_WITH_MAIL["entity_name"]
    assert ORG_WITH_MAIL["entity_name"] in failure.message and "organization mail address" in failure.message
    assert "組織のメールアドレス" in failure.message_ja and ORG_WITH_MAIL["entity_name"] in failure.message_ja
    bad, good = rows(db, run.invoice_id)
    assert bad.state == FAILED and bad.failure_kind == "permanent" and bad.last_error == failure.message
    assert good.state == SENT
    assert len(smtp_server.accepted) == 1
    assert all("someone@example.jp" not in mail.rcpt_tos for mail in smtp_server.accepted)


def test_a_permanent_failure_waits_for_a_data_change_then_goes_out(db, run: StatementRun, smtp_server):
    set_org(db, run.organization_ids[0], email="a@@b")
    send_all(db, run.invoice_id, smtp_server)
    [bad_before, _good] = rows(db, run.invoice_id)
    # Nothing changed: the row is not tried again, its reason stands.
    deliverable, failed = prepare(db, run.invoice_id)
    assert deliverable == [] and failed[0].still_blocked and failed[0].row_id == bad_before.id
    [bad_again, _] = rows(db, run.invoice_id)
    assert bad_again.updated_at == bad_before.updated_at and bad_again.attempts == 0
    # The address is corrected: the same row is composed and sent.
    set_org(db, run.organization_ids[0], email="org-a@example.jp")
    results, failed = send_all(db, run.invoice_id, smtp_server)
    assert failed == [] and [r.status for r in results] == [DeliveryStatus.SENT]
    assert [r.state for r in rows(db, run.invoice_id)] == [SENT, SENT]
    with db.read() as session:
        assert session.get(Invoice, run.invoice_id).sent_at is not None


def test_line_breaks_in_header_values_are_cleaned_not_fatal(db, run: StatementRun, smtp_server):
    set_org(db, run.organization_ids[0], micro_region="札幌\r\n市\u2028中央区")
    set_company(db, {**COMPANY, "name": "株式会社オロシ\nサーモン"})
    results, failed = send_all(db, run.invoice_id, smtp_server)
    assert failed == [] and [r.status for r in results] == [DeliveryStatus.SENT] * 2
    subjects = sorted(str(mail.message["Subject"]) for mail in smtp_server.accepted)
    assert subjects[0].startswith("株式会社オロシ サーモン ー 札幌 市 中央区 支払い明細書")
    for mail in smtp_server.accepted:
        assert str(mail.message["From"]).startswith("株式会社オロシ サーモン <")
        headers = mail.content.split(b"\r\n\r\n", 1)[0].decode("ascii")
        assert "Bcc" not in headers


@pytest.mark.parametrize(("settings", "reason"), [
    (["not", "an", "object"], "JSONオブジェクトではありません"),
    ({**COMPANY, "name": "  "}, "発行者の会社名"),
    ({**COMPANY, "address": ""}, "発行者の住所"),
])
def test_bad_or_incomplete_company_settings_fail_every_row_without_a_crash(db, run, smtp_server, settings, reason):
    set_company(db, settings)
    results, failed = send_all(db, run.invoice_id, smtp_server)
    assert results == [] and len(failed) == 2
    assert all(reason in f.message_ja for f in failed)
    assert smtp_server.received == []


def test_no_company_settings_means_no_mail_without_an_issuer(db, smtp_server):
    run = build_statement_run(db, with_company=False)
    results, failed = send_all(db, run.invoice_id, smtp_server, sender="office@oroshi.example")
    assert results == [] and len(failed) == 2
    assert all("会社設定" in f.message_ja and "発行者" in f.message_ja for f in failed)
    assert smtp_server.received == []


def test_a_missing_registration_number_fails_that_organization(db, run: StatementRun, smtp_server):
    set_org(db, run.organization_ids[1], invoice_number="")
    results, failed = send_all(db, run.invoice_id, smtp_server)
    assert [r.status for r in results] == [DeliveryStatus.SENT]
    [failure] = failed
    assert "登録番号（invoice_number）" in failure.message_ja and "相生漁業" in failure.message_ja


def add_supply(db, organization_id: int, day: date, price: float) -> int:
    with db.write() as session:
        salmon = SupplyType(name="鮭", units="kg", position=1, active=True)
        reception = SupplyReceptionTime(hour=9, time_qualifier="午前")
        supply_date = SupplyDate(date=day)
        producer = Supplier(supplier_organization_id=organization_id, supplier_number=1, company_name="生産者",
                            invoice_number="T1111111111111", representatives=["山田 太郎"], active=True)
        session.add_all([salmon, reception, supply_date, producer])
        session.flush()
        fillet = SupplyTypeVariation(supply_type_id=salmon.id, name="フィレ", position=1, active=True)
        session.add(fillet)
        session.flush()
        supply = Supply(supply_date_id=supply_date.id, supplier_id=producer.id, supply_type_variation_id=fillet.id,
                        supply_reception_time_id=reception.id, price=price, quantity=2, entry_index=0)
        session.add(supply)
        session.flush()
        return supply.id


def test_an_unsound_supply_fails_its_row_alone_and_the_other_mail_says_its_own_period(db, run: StatementRun,
                                                                                     smtp_server):
    """The printed periods of a part are read at once; a row whose supplies are refused still fails
    alone, naming the supply, and the other row's mail states the days its PDF prints."""
    unsound = add_supply(db, run.organization_ids[0], START + timedelta(days=2), float("inf"))
    add_supply(db, run.organization_ids[1], START + timedelta(days=4), 120)
    results, failed = send_all(db, run.invoice_id, smtp_server)
    assert [r.status for r in results] == [DeliveryStatus.SENT]
    [failure] = failed
    assert failure.organization_id == run.organization_ids[0] and f"supply {unsound}" in failure.message
    [mail] = smtp_server.accepted
    subject = str(message_from_bytes(mail.content, policy=policy.default)["Subject"])
    day = long_date(START + timedelta(days=4))
    assert f"（{day} 〜 {day}）" in subject


def test_an_unknown_layout_fails_the_rows_naming_the_field(db, run: StatementRun, smtp_server):
    with db.write() as session:
        session.execute(update(Invoice).where(Invoice.id == run.invoice_id).values(invoice_layout=7))
    results, failed = send_all(db, run.invoice_id, smtp_server)
    assert results == [] and len(failed) == 2
    assert all("invoice_layout" in f.message and "7" in f.message for f in failed)


def test_organization_and_company_without_address_fails_alone(db, run: StatementRun, smtp_server):
    set_company(db, {**COMPANY, "mail": ""})
    results, failed = send_all(db, run.invoice_id, smtp_server, sender="sender@oroshi.example")
    # The organization with an address is sent; the one without has nowhere to go.
    assert [r.status for r in results] == [DeliveryStatus.SENT]
    [failure] = failed
    assert "相生漁業" in failure.message and "no mail address" in failure.message


def test_a_550_is_permanent_and_not_retried_until_resent(db, run: StatementRun, smtp_server):
    smtp_server.behave(Behaviour.RCPT_REJECT, only_for=ORG_WITH_MAIL["email"])
    results, _ = send_all(db, run.invoice_id, smtp_server)
    assert sorted(r.status.value for r in results) == ["failed", "sent"]
    smtp_server.behave(Behaviour.ACCEPT)
    again, failed = send_all(db, run.invoice_id, smtp_server)
    assert again == [] and failed and failed[0].still_blocked and "550" in failed[0].message
    assert len(smtp_server.accepted) == 1
    rejected = next(r for r in rows(db, run.invoice_id) if r.state == FAILED)
    assert rejected.attempts == 1
    row = resend(db, rejected.id)
    assert row.id == rejected.id and row.state == PENDING
    assert deliver(db, row.id, SmtpTransport(smtp_server.settings())).status is DeliveryStatus.SENT
    assert len(smtp_server.accepted) == 2


# ---- keep what was sent -------------------------------------------------------------------------

def test_the_stored_bytes_are_exactly_what_the_server_received(db, run: StatementRun, smtp_server):
    results, _ = send_all(db, run.invoice_id, smtp_server)
    assert [r.status for r in results] == [DeliveryStatus.SENT] * 2
    received = {str(mail.message["Message-ID"]): mail.content for mail in smtp_server.accepted}
    with db.read() as session:
        for row in rows(db, run.invoice_id):
            data = message_bytes(session, row.id)
            assert received[row.message_id] == data
            [reference] = row.messages
            document = session.get(StoredDocument, reference["id"])
            assert document.owner_type == OUTBOX_OWNER_TYPE and document.owner_id == row.id
            assert document.content_type == "message/rfc822" and document.sha256 == sha256_hex(data)
            message = message_from_bytes(data, policy=policy.default)
            assert message["Message-ID"] == row.message_id
            # RFC 2047: no encoded word longer than 75 characters.
            words = re.findall(rb"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=", data)
            assert words and max(len(w) for w in words) <= 75


def test_a_resend_stores_and_sends_a_new_version_with_a_new_message_id(db, run: StatementRun, smtp_server):
    send_all(db, run.invoice_id, smtp_server)
    first = rows(db, run.invoice_id)[0]
    with pytest.raises(UserError, match="--force"):  # a sent row is mailed again only on purpose
        resend(db, first.id)
    again = resend(db, first.id, force=True)
    assert again.id != first.id and again.generation == 2 and again.message_id != first.message_id
    assert deliver(db, again.id, SmtpTransport(smtp_server.settings())).status is DeliveryStatus.SENT
    with db.read() as session:
        old, new = message_bytes(session, first.id), message_bytes(session, again.id)
    assert old != new and first.message_id.encode() in old and again.message_id.encode() in new
    assert [mail.content for mail in smtp_server.accepted if again.message_id in str(mail.message["Message-ID"])] \
        == [new]


def test_message_ids_differ_between_two_databases(db, tmp_path):
    from oroshi_desktop.db import schema
    from oroshi_desktop.db.engine import open_database

    other = open_database(f"sqlite:///{tmp_path / 'second.sqlite3'}")
    schema.upgrade(other)
    try:
        ids = []
        for database in (db, other):
            first = build_statement_run(database)
            prepare(database, first.invoice_id)
            ids += [row.message_id for row in rows(database, first.invoice_id)]
        # Same row numbers in both databases, never the same Message-ID.
        assert len(set(ids)) == 4
    finally:
        other.dispose()
