"""The mail outbox on SQLite, PostgreSQL by the app and the real Oroshi schema, against a real SMTP server."""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text, update

from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, OutboxMessage, StoredDocument
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.outbox import (
    FAILED,
    PENDING,
    SENDING,
    SENT,
    UNCERTAIN,
    DeliveryResult,
    DeliveryStatus,
    claim,
    deliver,
    due_invoices,
    latest_outbox_rows,
    mark_sent,
    prepare_outbox,
    preview_invoice_mails,
    recover_stale,
    resend,
)
from oroshi_desktop.mail.transport import MailTemporaryError, Phase, SmtpTransport
from oroshi_desktop.queries.preferences import PASSWORD_DELIVERY, set_preference
from tests.core.outbox_fixtures import (
    COMPANY,
    ORG_WITH_MAIL,
    StatementRun,
    add_invoice,
    build_statement_run,
    generate_statements,
)
from tests.helpers.smtp_server import Behaviour, SmtpTestServer

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar

SUBJECT_A = f"{COMPANY['name']} ー 札幌市 支払い明細書（2025年10月01日(水) 〜 2025年10月15日(水)）"
SUBJECT_B = f"{COMPANY['name']} ー 相生 支払い明細書（2025年10月01日(水) 〜 2025年10月15日(水)）"


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    with SmtpTestServer.running() as server:
        yield server


@pytest.fixture
def run(db) -> StatementRun:
    return build_statement_run(db)


def transport(server: SmtpTestServer) -> SmtpTransport:
    return SmtpTransport(server.settings())


def prepare(db, invoice_id: int, **kwargs) -> list[int]:
    with db.write() as session:
        return [row.id for row in prepare_outbox(session, invoice_id, **kwargs)]


def send_run(db, invoice_id: int, sender, **kwargs) -> list[DeliveryResult]:
    return [deliver(db, row_id, sender) for row_id in prepare(db, invoice_id, **kwargs)]


def rows_of(db, invoice_id: int) -> list[OutboxMessage]:
    with db.read() as session:
        return latest_outbox_rows(session, invoice_id)


def all_rows(db) -> list[OutboxMessage]:
    with db.read() as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def invoice_sent_at(db, invoice_id: int) -> datetime | None:
    with db.read() as session:
        return session.get(Invoice, invoice_id).sent_at


def iso_sent_at(db, iso_id: int) -> datetime | None:
    with db.read() as session:
        return session.get(InvoiceSupplierOrganization, iso_id).sent_at


def documents(db, ids: list[int]) -> list[StoredDocument]:
    with db.read() as session:
        return [session.get(StoredDocument, doc_id) for doc_id in ids]


def mail_to(server: SmtpTestServer, address: str) -> list[EmailMessage]:
    return [m for m in server.messages if address in [a.addr_spec for a in m["To"].addresses]]


# ---- the normal send ---------------------------------------------------------------------------------

def test_one_mail_per_organization(db, run: StatementRun, smtp_server: SmtpTestServer):
    results = send_run(db, run.invoice_id, transport(smtp_server))
    assert [r.status for r in results] == [DeliveryStatus.SENT, DeliveryStatus.SENT]
    assert len(smtp_server.messages) == 2
    iso_a, iso_b = run.iso_ids

    [mail_a] = mail_to(smtp_server, ORG_WITH_MAIL["email"])
    assert [a.addr_spec for a in mail_a["Cc"].addresses] == [COMPANY["mail"]]
    assert mail_a["From"].addresses[0].addr_spec == COMPANY["mail"]
    assert mail_a["Subject"] == SUBJECT_A
    html = mail_a.get_body(preferencelist=("html",)).get_content()
    assert "北海水産&lt;本所&gt;&amp;協同組合" in html and "(北海道 - 札幌市)" in html
    attachments = list(mail_a.iter_attachments())
    stored = documents(db, run.documents[iso_a])
    assert [p.get_filename() for p in attachments] == run.filenames[iso_a]
    assert [p.get_content() for p in attachments] == [doc.content for doc in stored]
    for doc in stored:
        assert run.passwords[iso_a][str(doc.id)] in html

    [mail_b] = mail_to(smtp_server, COMPANY["mail"])
    assert mail_b["Cc"] is None
    assert mail_b["Subject"] == SUBJECT_B
    assert [p.get_filename() for p in mail_b.iter_attachments()] == run.filenames[iso_b]

    rows = rows_of(db, run.invoice_id)
    assert [r.state for r in rows] == [SENT, SENT]
    assert [r.attempts for r in rows] == [1, 1]
    assert mail_a["Message-ID"] == rows[0].message_id
    assert re.fullmatch(r"<[0-9a-f]{32}\.oroshi@oroshi\.example>", rows[0].message_id)
    assert all(r.sent_at is not None for r in rows)
    assert iso_sent_at(db, iso_a) is not None and iso_sent_at(db, iso_b) is not None
    assert invoice_sent_at(db, run.invoice_id) is not None


def test_outbox_rows_freeze_documents_and_recipients_but_no_secret(db, run: StatementRun,
                                                                   smtp_server: SmtpTestServer):
    prepare(db, run.invoice_id)
    row_a, row_b = rows_of(db, run.invoice_id)
    assert row_a.state == PENDING and row_a.message_id
    docs = documents(db, run.documents[run.iso_ids[0]])
    assert row_a.documents == [{"id": d.id, "kind": d.kind, "filename": d.filename, "sha256": d.sha256,
                                "byte_size": d.byte_size} for d in docs]
    assert row_a.recipients["to"] == [ORG_WITH_MAIL["email"]] and row_a.recipients["cc"] == [COMPANY["mail"]]
    assert row_b.recipients["to"] == [COMPANY["mail"]] and row_b.recipients["cc"] == []
    smtp_server.behave(Behaviour.DATA_REJECT)
    send_run(db, run.invoice_id, transport(smtp_server))
    everything = json.dumps([{c.name: str(getattr(r, c.name)) for c in OutboxMessage.__table__.columns}
                             for r in all_rows(db)], ensure_ascii=False)
    for passwords in run.passwords.values():
        for password in passwords.values():
            assert password not in everything


def test_separate_password_mail_sends_two_mails_per_organization(db, run: StatementRun,
                                                                smtp_server: SmtpTestServer):
    with db.write() as session:
        set_preference(session, PASSWORD_DELIVERY, "separate_mail")
    send_run(db, run.invoice_id, transport(smtp_server))
    mails = mail_to(smtp_server, ORG_WITH_MAIL["email"])
    assert len(mails) == 2 and len(smtp_server.messages) == 4
    statement, passwords = mails
    assert statement["Subject"] == SUBJECT_A and passwords["Subject"] == f"【パスワード】{SUBJECT_A}"
    assert len(list(statement.iter_attachments())) == 2 and list(passwords.iter_attachments()) == []
    for password in run.passwords[run.iso_ids[0]].values():
        assert password not in statement.get_body(preferencelist=("html",)).get_content()
        assert password in passwords.get_body(preferencelist=("html",)).get_content()
    assert passwords["In-Reply-To"] == statement["Message-ID"]
    assert [r.state for r in rows_of(db, run.invoice_id)] == [SENT, SENT]
    assert [r.parts_sent for r in rows_of(db, run.invoice_id)] == [2, 2]


class FailSecondSendOnce:
    """A transport whose second message fails once with a temporary error."""

    def __init__(self, inner: SmtpTransport) -> None:
        self.inner = inner
        self.calls = 0

    def send_raw(self, sender: str, recipients: list[str], data: bytes) -> None:
        self.calls += 1
        if self.calls == 2:
            raise MailTemporaryError("connection lost", "接続が切れました", phase=Phase.CONNECT)
        self.inner.send_raw(sender, recipients, data)


def test_separate_mode_retry_sends_only_the_missing_password_mail(db, run: StatementRun,
                                                                 smtp_server: SmtpTestServer):
    with db.write() as session:
        set_preference(session, PASSWORD_DELIVERY, "separate_mail")
    row_a, _row_b = prepare(db, run.invoice_id)
    result = deliver(db, row_a, FailSecondSendOnce(transport(smtp_server)))
    assert result.status is DeliveryStatus.RETRY
    [row] = [r for r in rows_of(db, run.invoice_id) if r.id == row_a]
    assert row.state == FAILED and row.parts_sent == 1
    assert deliver(db, row_a, transport(smtp_server)).status is DeliveryStatus.SENT
    subjects = [m["Subject"] for m in mail_to(smtp_server, ORG_WITH_MAIL["email"])]
    assert subjects == [SUBJECT_A, f"【パスワード】{SUBJECT_A}"]


# ---- claiming ----------------------------------------------------------------------------------------

def test_claim_race_has_one_winner(db, run: StatementRun):
    row_a, row_b = prepare(db, run.invoice_id)
    assert claim(db, row_a, "pc-1") is True
    assert claim(db, row_a, "pc-2") is False
    [row] = [r for r in all_rows(db) if r.id == row_a]
    assert row.state == SENDING and row.claimed_by == "pc-1" and row.attempts == 1

    barrier = threading.Barrier(6)
    wins: list[str] = []
    errors: list[BaseException] = []

    def contender(name: str) -> None:
        try:
            barrier.wait()
            if claim(db, row_b, name):
                wins.append(name)
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=contender, args=(f"worker-{n}",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(wins) == 1
    [row] = [r for r in all_rows(db) if r.id == row_b]
    assert row.claimed_by == wins[0] and row.attempts == 1


def test_a_lost_claim_sends_nothing(db, run: StatementRun, smtp_server: SmtpTestServer):
    row_a, _ = prepare(db, run.invoice_id)
    assert claim(db, row_a, "other-pc")
    assert deliver(db, row_a, transport(smtp_server)).status is DeliveryStatus.SKIPPED
    assert smtp_server.received == []


def test_an_older_generation_cannot_be_claimed(db, run: StatementRun, smtp_server: SmtpTestServer):
    send_run(db, run.invoice_id, transport(smtp_server))
    old_a, _ = (r.id for r in rows_of(db, run.invoice_id))
    prepare(db, run.invoice_id, resend=True)
    with db.write() as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == old_a).values(state=FAILED))
    assert claim(db, old_a, "pc-1") is False


# ---- failures ---------------------------------------------------------------------------------------

def test_5xx_fails_the_row_with_the_server_text(db, run: StatementRun, smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.DATA_REJECT)
    results = send_run(db, run.invoice_id, transport(smtp_server))
    assert [r.status for r in results] == [DeliveryStatus.FAILED, DeliveryStatus.FAILED]
    assert not results[0].retryable
    rows = rows_of(db, run.invoice_id)
    assert [r.state for r in rows] == [FAILED, FAILED]
    assert "554 5.7.1 Message rejected as spam" in rows[0].last_error
    assert "拒否" in rows[0].last_error_ja
    assert invoice_sent_at(db, run.invoice_id) is None
    assert iso_sent_at(db, run.iso_ids[0]) is None


def test_4xx_is_temporary_and_the_retry_sends_it(db, run: StatementRun, smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.RCPT_TEMPFAIL)
    results = send_run(db, run.invoice_id, transport(smtp_server))
    assert [r.status for r in results] == [DeliveryStatus.RETRY, DeliveryStatus.RETRY]
    assert results[0].retryable and "451" in results[0].message
    assert [r.state for r in rows_of(db, run.invoice_id)] == [FAILED, FAILED]
    smtp_server.behave(Behaviour.ACCEPT)
    results = send_run(db, run.invoice_id, transport(smtp_server))
    assert [r.status for r in results] == [DeliveryStatus.SENT, DeliveryStatus.SENT]
    rows = rows_of(db, run.invoice_id)
    assert [(r.generation, r.attempts, r.last_error) for r in rows] == [(1, 2, None), (1, 2, None)]
    assert len(smtp_server.messages) == 2


def test_drop_after_data_is_uncertain_and_never_resent_automatically(db, run: StatementRun,
                                                                     smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.DROP_AFTER_DATA, only_for=ORG_WITH_MAIL["email"], hang_seconds=0.2)
    results = send_run(db, run.invoice_id, transport(smtp_server))
    assert [r.status for r in results] == [DeliveryStatus.UNCERTAIN, DeliveryStatus.SENT]
    row_a = rows_of(db, run.invoice_id)[0]
    assert row_a.state == UNCERTAIN and "再送" in row_a.last_error_ja
    assert len(smtp_server.received) == 2

    smtp_server.behave(Behaviour.ACCEPT)
    assert deliver(db, row_a.id, transport(smtp_server)).status is DeliveryStatus.SKIPPED
    assert send_run(db, run.invoice_id, transport(smtp_server)) == []  # the schedule's next tick
    assert len(smtp_server.received) == 2
    assert invoice_sent_at(db, run.invoice_id) is None


def test_recover_stale_turns_sending_into_uncertain(db, run: StatementRun, smtp_server: SmtpTestServer):
    row_a, row_b = prepare(db, run.invoice_id)
    now = utcnow()
    assert claim(db, row_a, "crashed-pc", now=now - timedelta(hours=1))
    assert claim(db, row_b, "busy-pc", now=now - timedelta(seconds=30))
    assert recover_stale(db, timedelta(minutes=15), now=now) == [row_a]
    states = {r.id: r.state for r in all_rows(db)}
    assert states == {row_a: UNCERTAIN, row_b: SENDING}
    assert recover_stale(db, timedelta(minutes=15), now=now) == []
    assert deliver(db, row_a, transport(smtp_server)).status is DeliveryStatus.SKIPPED
    assert smtp_server.received == []


def test_retry_after_partial_failure_sends_only_unsent_rows(db, run: StatementRun, smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.RCPT_TEMPFAIL, only_for=ORG_WITH_MAIL["email"])
    results = send_run(db, run.invoice_id, transport(smtp_server))
    assert [r.status for r in results] == [DeliveryStatus.RETRY, DeliveryStatus.SENT]
    assert invoice_sent_at(db, run.invoice_id) is None
    assert iso_sent_at(db, run.iso_ids[1]) is not None

    smtp_server.behave(Behaviour.ACCEPT)
    retry_ids = prepare(db, run.invoice_id)
    assert retry_ids == [rows_of(db, run.invoice_id)[0].id]
    assert [deliver(db, i, transport(smtp_server)).status for i in retry_ids] == [DeliveryStatus.SENT]
    assert len(mail_to(smtp_server, ORG_WITH_MAIL["email"])) == 1
    assert len(mail_to(smtp_server, COMPANY["mail"])) == 1
    assert invoice_sent_at(db, run.invoice_id) is not None
    assert prepare(db, run.invoice_id) == []


# ---- a person's decisions -------------------------------------------------------------------------

def test_resend_of_a_sent_run_is_a_new_generation(db, run: StatementRun, smtp_server: SmtpTestServer):
    send_run(db, run.invoice_id, transport(smtp_server))
    first_ids = [r.message_id for r in rows_of(db, run.invoice_id)]
    first_sent_at = invoice_sent_at(db, run.invoice_id)
    assert prepare(db, run.invoice_id) == []  # not on purpose: nothing

    results = send_run(db, run.invoice_id, transport(smtp_server), resend=True)
    assert [r.status for r in results] == [DeliveryStatus.SENT, DeliveryStatus.SENT]
    rows = rows_of(db, run.invoice_id)
    assert [r.generation for r in rows] == [2, 2]
    assert [r.message_id for r in rows] != first_ids
    assert len(smtp_server.messages) == 4
    assert sorted(m["Message-ID"] for m in smtp_server.messages) == sorted(first_ids + [r.message_id for r in rows])
    assert invoice_sent_at(db, run.invoice_id) >= first_sent_at
    assert [r.state for r in all_rows(db)] == [SENT] * 4


def test_resend_of_an_uncertain_row(db, run: StatementRun, smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.DROP_AFTER_DATA, only_for=ORG_WITH_MAIL["email"], hang_seconds=0.2)
    send_run(db, run.invoice_id, transport(smtp_server))
    uncertain = rows_of(db, run.invoice_id)[0]
    smtp_server.behave(Behaviour.ACCEPT)

    new_row = resend(db, uncertain.id)
    assert new_row.generation == 2 and new_row.state == PENDING
    assert new_row.message_id != uncertain.message_id
    with pytest.raises(UserError):
        resend(db, uncertain.id)  # a newer generation exists
    with pytest.raises(UserError):
        resend(db, new_row.id)  # already on its way
    assert deliver(db, new_row.id, transport(smtp_server)).status is DeliveryStatus.SENT
    assert len(mail_to(smtp_server, ORG_WITH_MAIL["email"])) == 1
    assert invoice_sent_at(db, run.invoice_id) is not None


def test_resend_of_a_failed_row_reuses_it(db, run: StatementRun, smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.DATA_REJECT)
    row_a = send_run(db, run.invoice_id, transport(smtp_server))[0].row_id
    again = resend(db, row_a)
    assert again.id == row_a and again.state == PENDING and again.last_error is None


def test_an_old_generation_cannot_be_marked_sent_once_a_newer_one_exists(db, run: StatementRun,
                                                                         smtp_server: SmtpTestServer):
    """`outbox mark-sent` accepted an old generation that was already resent (issue 21, point 7)."""
    smtp_server.behave(Behaviour.DROP_AFTER_DATA, only_for=ORG_WITH_MAIL["email"], hang_seconds=0.2)
    send_run(db, run.invoice_id, transport(smtp_server))
    uncertain = rows_of(db, run.invoice_id)[0]
    smtp_server.behave(Behaviour.DATA_REJECT)
    newer = resend(db, uncertain.id)
    assert deliver(db, newer.id, transport(smtp_server)).status is not DeliveryStatus.SENT  # the newer one failed
    with pytest.raises(UserError, match="newer send"):
        mark_sent(db, uncertain.id)
    assert [r.state for r in all_rows(db) if r.id == uncertain.id] == [UNCERTAIN]
    mark_sent(db, newer.id)  # the newest generation is the one a person decides on
    assert invoice_sent_at(db, run.invoice_id) is not None


def test_mark_sent_completes_the_run(db, run: StatementRun, smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.DROP_AFTER_DATA, only_for=ORG_WITH_MAIL["email"], hang_seconds=0.2)
    send_run(db, run.invoice_id, transport(smtp_server))
    uncertain = rows_of(db, run.invoice_id)[0]
    assert invoice_sent_at(db, run.invoice_id) is None
    mark_sent(db, uncertain.id)
    assert rows_of(db, run.invoice_id)[0].state == SENT
    assert iso_sent_at(db, run.iso_ids[0]) is not None
    assert invoice_sent_at(db, run.invoice_id) is not None
    with pytest.raises(UserError):
        mark_sent(db, uncertain.id)


# ---- refusing to send -------------------------------------------------------------------------------

def test_incomplete_row_fails_alone_naming_the_organization(db, run: StatementRun):
    with db.write() as session:
        session.get(InvoiceSupplierOrganization, run.iso_ids[0]).completed = False
    deliverable = prepare(db, run.invoice_id)
    failed, other = rows_of(db, run.invoice_id)
    assert deliverable == [other.id] and other.state == PENDING
    assert failed.state == FAILED and failed.failure_kind == "permanent"
    assert ORG_WITH_MAIL["entity_name"] in failed.last_error_ja and "PDF" in failed.last_error_ja
    assert ORG_WITH_MAIL["entity_name"] in failed.last_error


def test_row_without_documents_is_refused(db):
    run = build_statement_run(db)
    with db.write() as session:
        session.execute(update(StoredDocument).where(StoredDocument.owner_id == run.iso_ids[1])
                        .values(owner_id=-1))
    deliverable = prepare(db, run.invoice_id)
    other, failed = rows_of(db, run.invoice_id)
    assert deliverable == [other.id]
    assert failed.state == FAILED and "相生漁業" in failed.last_error and "no statement PDF" in failed.last_error


def test_regenerating_after_prepare_sends_the_new_pdfs(db, run: StatementRun, smtp_server: SmtpTestServer):
    row_a, _ = prepare(db, run.invoice_id)
    # The statement job runs again: completed is false meanwhile, and a send is refused.
    with db.write() as session:
        session.get(InvoiceSupplierOrganization, run.iso_ids[0]).completed = False
    result = deliver(db, row_a, transport(smtp_server))
    # Transient: the row waits for the new PDFs, nobody has to act.
    assert result.status is DeliveryStatus.RETRY and "作成し直しています" in result.message_ja
    new_ids, _ = generate_statements(db, run.iso_ids[0], label="again")
    # The composed mail holds the old PDFs, whose passwords are gone: not sent until prepared again.
    assert deliver(db, row_a, transport(smtp_server)).status is DeliveryStatus.RETRY
    assert smtp_server.received == []
    # The next preparation points the unsent row at the new PDFs.
    assert row_a in prepare(db, run.invoice_id)
    assert deliver(db, row_a, transport(smtp_server)).status is DeliveryStatus.SENT
    [mail] = mail_to(smtp_server, ORG_WITH_MAIL["email"])
    assert [p.get_content() for p in mail.iter_attachments()] == [d.content for d in documents(db, new_ids)]


def test_a_changed_stored_message_is_not_sent(db, run: StatementRun, smtp_server: SmtpTestServer):
    row_a, _ = prepare(db, run.invoice_id)
    [row] = [r for r in rows_of(db, run.invoice_id) if r.id == row_a]
    with db.write() as session:
        session.execute(update(StoredDocument).where(StoredDocument.id == row.messages[0]["id"])
                        .values(content=b"Subject: tampered\r\n\r\n"))
    result = deliver(db, row_a, transport(smtp_server))
    assert result.status is DeliveryStatus.FAILED and "changed" in result.message
    assert smtp_server.received == []


def test_rows_sent_by_the_web_system_are_skipped(db, run: StatementRun):
    with db.write() as session:
        session.get(InvoiceSupplierOrganization, run.iso_ids[0]).sent_at = utcnow()
    assert len(prepare(db, run.invoice_id)) == 1


def test_a_run_without_organizations_is_refused(db):
    invoice_id = add_invoice(db, send_at=utcnow())
    with pytest.raises(UserError) as info:
        prepare(db, invoice_id)
    assert "少なくとも1つ必要です" in info.value.message_ja


def test_preview_uses_the_current_pdfs(db, run: StatementRun):
    with db.read() as session:
        previews = preview_invoice_mails(session, run.invoice_id)
    assert [p.organization_name for p in previews] == [ORG_WITH_MAIL["entity_name"], "相生漁業"]
    [mail_a] = previews[0].mails
    assert mail_a.subject == SUBJECT_A and mail_a.to == (ORG_WITH_MAIL["email"],)
    assert mail_a.attachment_names == tuple(run.filenames[run.iso_ids[0]])
    assert all_rows(db) == []  # a preview queues nothing


# ---- due selection --------------------------------------------------------------------------------

@pytest.fixture(params=["UTC", "America/New_York"])
def local_tz(request: pytest.FixtureRequest) -> Iterator[str]:
    """The machine's local zone must not matter: Rails stores naive UTC."""
    previous = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    try:
        yield request.param
    finally:
        if previous is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = previous
        time.tzset()


def test_due_invoices_boundaries(db, local_tz: str):
    now = datetime.now(UTC).replace(microsecond=0)
    due = add_invoice(db, send_at=now - timedelta(seconds=1))
    exactly_now = add_invoice(db, send_at=now)
    add_invoice(db, send_at=now + timedelta(seconds=1))
    add_invoice(db, send_at=now - timedelta(hours=1), send_email=False)
    add_invoice(db, send_at=now - timedelta(hours=1), sent_at=now - timedelta(minutes=30))
    add_invoice(db, send_at=None)
    # Tokyo business time, 9 hours ahead in the clock but 13 hours from New York: same instant.
    due_tokyo = add_invoice(db, send_at=(now - timedelta(minutes=10)).astimezone(ZoneInfo("Asia/Tokyo")))
    with db.read() as session:
        assert due_invoices(session, now) == [due, exactly_now, due_tokyo]
        assert due_invoices(session, now.astimezone(ZoneInfo("Asia/Tokyo"))) == [due, exactly_now, due_tokyo]
        assert due_invoices(session, now.astimezone(ZoneInfo("America/New_York"))) == [due, exactly_now,
                                                                                       due_tokyo]
        assert due_invoices(session, now - timedelta(seconds=2)) == [due_tokyo]
        with pytest.raises(ValueError):
            due_invoices(session, now.replace(tzinfo=None))


def test_send_at_is_stored_as_naive_utc(db, local_tz: str):
    tokyo = datetime(2025, 10, 16, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    invoice_id = add_invoice(db, send_at=tokyo)
    with db.read() as session:
        raw = session.execute(text("SELECT send_at FROM oroshi_invoices WHERE id = :id"),
                              {"id": invoice_id}).scalar_one()
        assert session.get(Invoice, invoice_id).send_at == tokyo
    if isinstance(raw, str):  # SQLite keeps datetimes as text
        raw = datetime.fromisoformat(raw)
    assert raw == datetime(2025, 10, 16, 0, 0)


def test_a_bounced_rows_reason_and_advice_read_as_two_sentences() -> None:
    """The server's words end without a full stop: the advice starts a sentence of its own."""
    from oroshi_desktop.queries.job_centre import OutboxRow

    row = OutboxRow(id=1, invoice_id=1, period_start=None, period_end=None, organization="北海水産協同組合",
                    recipients="keiri@example.jp", state="bounced", attempts=1,
                    last_error='bounced: keiri@example.jp: 5.1.1 unknown user: "x"',
                    last_error_ja='不達: keiri@example.jp に届きませんでした（5.1.1）unknown user: "x"',
                    claimed_by=None, generation=1, updated_at=None)
    assert row.what_to_check("ja").startswith('不達: keiri@example.jp に届きませんでした（5.1.1）unknown user: "x"。宛先を')
    assert 'unknown user: "x". Correct the address' in row.what_to_check("en")
