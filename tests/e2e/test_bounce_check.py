"""Bounced statement mail through a real mail system (issue 19): Postfix accepts a run's mail, bounces
the address that does not exist with a real DSN, Dovecot serves it over IMAP, and the bounce check
marks exactly that organization 不達. Plus the corpus of notification formats read from a real
IMAP folder, and the mailbox problems a person can cause. On SQLite and both PostgreSQL schemas.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from imapclient import IMAPClient
from sqlalchemy import select, update

from oroshi_desktop import secrets
from oroshi_desktop.config import ImapSettings, SmtpSettings
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import (
    OutboxEvent,
    OutboxMessage,
    StoredDocument,
    SupplierOrganization,
)
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import sha256_hex
from oroshi_desktop.mail.bounces.check import check_bounces
from oroshi_desktop.mail.bounces.mailbox import PROCESSED_KEYWORD, MailboxError
from oroshi_desktop.mail.outbox import DeliveryStatus, deliver, prepare_outbox, resend
from oroshi_desktop.mail.outbox.bounces import latest_bounce, row_events
from oroshi_desktop.mail.transport import SmtpTransport
from oroshi_desktop.queries.statement_runs import RunState, run_rows
from tests.core.outbox_fixtures import COMPANY, add_company, add_organization, run_for_organizations
from tests.helpers.mail_system import DOMAIN, MailSystem, mail_system, missing_reason

pytestmark = pytest.mark.skipif(missing_reason() is not None, reason=str(missing_reason()))

CORPUS = Path(__file__).parents[1] / "fixtures" / "bounces"
OFFICE = f"office@{DOMAIN}"


@pytest.fixture
def mail() -> Iterator[MailSystem]:
    with mail_system(["office", "hokkai", "aioi", "kaisan"]) as system:
        yield system


@pytest.fixture
def mailbox() -> Iterator[MailSystem]:
    """Dovecot alone: the notifications are put into the folder with IMAP APPEND."""
    with mail_system(["office"], postfix=False) as system:
        yield system


def imap_settings(system: MailSystem, **changes: object) -> ImapSettings:
    secrets.set_secret(secrets.imap_key(OFFICE, "127.0.0.1"), system.passwords["office"])
    return replace(ImapSettings(host="127.0.0.1", port=system.imap_port, security="none", username=OFFICE,
                                timeout_seconds=10), **changes)


def three_organization_run(db: Database, emails: list[str]) -> tuple[int, list[int]]:
    add_company(db, {**COMPANY, "mail": OFFICE})
    org_ids = [add_organization(db, entity_name=f"組合{n}", micro_region=f"浜{n}", subregion_id=1, email=email)
               for n, email in enumerate(emails)]
    return run_for_organizations(db, org_ids, send_at=utcnow()), org_ids


def states(db: Database) -> dict[str, str]:
    """The newest row of each recipient address: its state."""
    with db.read() as session:
        rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        return {row.recipients["to"][0]: row.state for row in rows}


def test_a_real_bounce_marks_exactly_that_organization_and_a_corrected_resend_delivers(db, mail):
    invoice_id, org_ids = three_organization_run(db, [f"hokkai@{DOMAIN}", f"nosuch@{DOMAIN}", f"aioi@{DOMAIN}"])
    transport = SmtpTransport(SmtpSettings(host="127.0.0.1", port=mail.smtp_port, security="none",
                                           timeout_seconds=10))
    with db.write() as session:
        row_ids = [row.id for row in prepare_outbox(session, invoice_id)]
    assert [deliver(db, row_id, transport).status for row_id in row_ids] == [DeliveryStatus.SENT] * 3
    with db.read() as session:
        assert run_rows(session, [invoice_id])[invoice_id].state is RunState.SENT  # the server said 250 to all three
    # Postfix delivers two and returns a DSN for the third; the office also gets its three CC copies.
    assert len(mail.wait_for("hokkai", 1)) == 1 and len(mail.wait_for("aioi", 1)) == 1
    inbox = mail.wait_for("office", 4)
    assert sum(b"report-type=delivery-status" in m for m in inbox) == 1, mail.log()

    settings = imap_settings(mail)
    summary = check_bounces(db, settings)
    assert [(f.address, f.status) for f in summary.bounced] == [(f"nosuch@{DOMAIN}", "5.1.1")], summary.lines()
    assert not summary.problems and summary.ignored == 3  # the CC copies are not notifications
    assert states(db) == {f"hokkai@{DOMAIN}": "sent", f"nosuch@{DOMAIN}": "bounced", f"aioi@{DOMAIN}": "sent"}
    bounced_id = summary.bounced[0].row_id
    with db.read() as session:
        assert run_rows(session, [invoice_id])[invoice_id].state is RunState.BOUNCED
        event, document = latest_bounce(session, bounced_id)
        assert (event.address, event.status) == (f"nosuch@{DOMAIN}", "5.1.1")
        assert "unknown user" in event.diagnostic
        dsn = next(m for m in mail.delivered("office") if b"report-type=delivery-status" in m)
        assert bytes(document.content) == dsn.replace(b"\n", b"\r\n")  # the DSN as IMAP served it
        assert document.sha256 == sha256_hex(bytes(document.content))
        row = session.get(OutboxMessage, bounced_id)
        assert row is not None and "nosuch@" in (row.last_error or "") and "5.1.1" in (row.last_error_ja or "")

    # The notification is flagged, not deleted; the other mail is left exactly as it was.
    with IMAPClient("127.0.0.1", port=mail.imap_port, ssl=False) as client:
        client.login(OFFICE, mail.passwords["office"])
        client.select_folder("INBOX", readonly=True)
        flags = client.get_flags(client.search(["ALL"]))
        assert len(flags) == 4
        flagged = [uid for uid, f in flags.items() if PROCESSED_KEYWORD.encode() in f]
        assert len(flagged) == 1
        assert all(b"\\Seen" not in f for f in flags.values())  # nothing was marked read

    # A second check reads nothing new and changes nothing.
    again = check_bounces(db, settings)
    assert (again.bounced, again.delayed, again.problems) == ([], [], [])
    # Even a notification read twice (its flag removed by someone) changes nothing.
    with IMAPClient("127.0.0.1", port=mail.imap_port, ssl=False) as client:
        client.login(OFFICE, mail.passwords["office"])
        client.select_folder("INBOX")
        client.remove_flags(flagged, [PROCESSED_KEYWORD])
    twice = check_bounces(db, settings)
    assert twice.bounced == [] and twice.known == 1
    with db.read() as session:
        assert len(session.scalars(select(OutboxEvent)).all()) == 1

    # The address is corrected in the web system; 再送 uses it and Postfix delivers.
    with db.write() as session:
        session.execute(update(SupplierOrganization).where(SupplierOrganization.id == org_ids[1])
                        .values(email=f"kaisan@{DOMAIN}"))
    renewed = resend(db, bounced_id)
    assert renewed.recipients["to"] == [f"kaisan@{DOMAIN}"]
    assert deliver(db, renewed.id, transport).status is DeliveryStatus.SENT
    assert len(mail.wait_for("kaisan", 1)) == 1
    with db.read() as session:
        assert run_rows(session, [invoice_id])[invoice_id].state is RunState.SENT
        history = [(e.kind, e.address) for e in row_events(session, bounced_id)]
    assert history == [("bounced", f"nosuch@{DOMAIN}"), ("resent", f"kaisan@{DOMAIN}")]


CORPUS_ROWS = {  # the Message-ID and To of the statement mail each corpus notification reports on
    "postfix_unknown_user.eml": ("<5b1f0c2a9d8e4f7a.oroshi@oroshi.test>", "nosuchuser@oroshi.test"),
    "exchange_ndr.eml": ("<9c3e2a1b7d6f4e5a.oroshi@oroshi.test>", "tanaka@suppliers.example.co.jp"),
    "qmail_plain_text.eml": ("<a8b7c6d5e4f3a2b1.oroshi@oroshi.test>", "sato@fishnet.example.jp"),
    "japanese_provider_mailbox_full.eml": ("<c4d3e2f1a0b9c8d7.oroshi@oroshi.test>",
                                           "suzuki@umi-no-sachi.example.ne.jp"),
    "delay_still_trying.eml": ("<d0e1f2a3b4c5d6e7.oroshi@oroshi.test>", "kato@slow.example.jp"),
    "two_recipients.eml": ("<f1e2d3c4b5a69788.oroshi@oroshi.test>", "gone@oroshi.test"),
    "out_of_office.eml": ("<e5f6a7b8c9d0e1f2.oroshi@oroshi.test>", "ito@kaisan.example.jp"),
    # gmail_address_not_found.eml reports on a Message-ID this app never sent.
}


def sent_rows_for_corpus(db: Database) -> dict[str, int]:
    """One sent outbox row per corpus notification, with the Message-ID and address it names."""
    invoice_id, _orgs = three_organization_run(db, [f"org{n}@example.jp" for n in range(len(CORPUS_ROWS))])
    with db.write() as session:
        rows = prepare_outbox(session, invoice_id)
        ids = {}
        for row, (name, (message_id, to)) in zip(rows, CORPUS_ROWS.items(), strict=True):
            session.execute(update(OutboxMessage).where(OutboxMessage.id == row.id).values(
                state="sent", sent_at=utcnow(), message_id=message_id,
                recipients={**row.recipients, "to": [to]}))
            ids[name] = row.id
    return ids


def test_the_corpus_from_a_real_imap_folder(db, mailbox, monkeypatch):
    rows = sent_rows_for_corpus(db)
    with IMAPClient("127.0.0.1", port=mailbox.imap_port, ssl=False) as client:
        client.login(OFFICE, mailbox.passwords["office"])
        for path in sorted(CORPUS.glob("*.eml")):
            client.append("INBOX", path.read_bytes())
        client.append("INBOX", b"Subject: huge\r\n\r\n" + b"x" * 5000)
    monkeypatch.setattr("oroshi_desktop.mail.bounces.check.MAX_NOTIFICATION_BYTES", 4000)
    summary = check_bounces(db, imap_settings(mailbox))

    bounced = {(f.row_id, f.address, f.status) for f in summary.bounced}
    assert bounced == {
        (rows["postfix_unknown_user.eml"], "nosuchuser@oroshi.test", "5.1.1"),
        (rows["exchange_ndr.eml"], "tanaka@suppliers.example.co.jp", "5.1.10"),
        (rows["qmail_plain_text.eml"], "sato@fishnet.example.jp", "5.1.1"),
        (rows["japanese_provider_mailbox_full.eml"], "suzuki@umi-no-sachi.example.ne.jp", "5.2.2"),
        (rows["two_recipients.eml"], "gone@oroshi.test", "5.1.1"),
    }
    assert [(f.row_id, f.status) for f in summary.delayed] == [(rows["delay_still_trying.eml"], "4.4.1")]
    problems = "\n".join(summary.lines())
    assert "<71d2c3b4a5e6f708.oroshi@oroshi.test>" in problems  # the Gmail bounce: never sent by us
    assert "stranger@elsewhere.example is not an address" in problems  # several recipients: only ours marked
    assert "cannot be read" in problems  # malformed.eml
    assert "too large" in problems
    assert len(summary.problems) == 4 and summary.ignored == 2  # out of office, unrelated
    with db.read() as session:
        state = {name: session.get(OutboxMessage, row_id).state for name, row_id in rows.items()}
        kept = session.scalars(select(StoredDocument).where(StoredDocument.kind == "bounce")).all()
    assert state == {"postfix_unknown_user.eml": "bounced", "exchange_ndr.eml": "bounced",
                     "qmail_plain_text.eml": "bounced", "japanese_provider_mailbox_full.eml": "bounced",
                     "two_recipients.eml": "bounced", "delay_still_trying.eml": "sent", "out_of_office.eml": "sent"}
    assert len(kept) == 6  # five bounces and the delay, each with its notification

    # Only the notifications about our mail are flagged; the rest is left exactly as it was.
    with IMAPClient("127.0.0.1", port=mailbox.imap_port, ssl=False) as client:
        client.login(OFFICE, mailbox.passwords["office"])
        client.select_folder("INBOX", readonly=True)
        flagged = client.search(["KEYWORD", PROCESSED_KEYWORD])
        untouched = client.search(["NOT", "KEYWORD", PROCESSED_KEYWORD])
        assert (len(flagged), len(untouched)) == (6, 5)  # eleven messages in all
        assert client.search(["SEEN"]) == []


def test_processed_notifications_move_to_the_configured_folder(sqlite_db, mailbox):
    rows = sent_rows_for_corpus(sqlite_db)
    with IMAPClient("127.0.0.1", port=mailbox.imap_port, ssl=False) as client:
        client.login(OFFICE, mailbox.passwords["office"])
        client.create_folder("Bounces")
        client.append("INBOX", (CORPUS / "postfix_unknown_user.eml").read_bytes())
        client.append("INBOX", (CORPUS / "unrelated.eml").read_bytes())
    summary = check_bounces(sqlite_db, imap_settings(mailbox, processed_folder="Bounces"))
    assert [f.row_id for f in summary.bounced] == [rows["postfix_unknown_user.eml"]]
    with IMAPClient("127.0.0.1", port=mailbox.imap_port, ssl=False) as client:
        client.login(OFFICE, mailbox.passwords["office"])
        assert client.select_folder("Bounces")[b"EXISTS"] == 1
        assert client.select_folder("INBOX")[b"EXISTS"] == 1  # the unrelated mail stays


@pytest.mark.parametrize(("change", "expected"), [
    ({"port": 1}, "メールボックス 127.0.0.1:1 に接続できません"),
    ({"username": "office@oroshi.test", "host": "127.0.0.1", "folder": "NoSuchFolder"}, "フォルダー「NoSuchFolder」"),
])
def test_an_unusable_mailbox_is_one_line(sqlite_db, mailbox, change, expected):
    with pytest.raises(MailboxError) as caught:
        check_bounces(sqlite_db, imap_settings(mailbox, **change))
    assert expected in caught.value.message_ja
    assert "\n" not in caught.value.message


def test_a_wrong_password_is_one_line(sqlite_db, mailbox):
    settings = imap_settings(mailbox)
    secrets.set_secret(secrets.imap_key(OFFICE, "127.0.0.1"), "wrong")
    with pytest.raises(MailboxError) as caught:
        check_bounces(sqlite_db, settings)
    assert "ログインできません" in caught.value.message_ja and "refused" in caught.value.message


def test_the_command_line(sqlite_db, mailbox, monkeypatch, capfdbinary):
    """``imap set-password``, ``bounce-check --once``, ``outbox list`` and ``outbox show-bounce``."""
    import io

    from oroshi_desktop.cli import main

    rows = sent_rows_for_corpus(sqlite_db)
    with IMAPClient("127.0.0.1", port=mailbox.imap_port, ssl=False) as client:
        client.login(OFFICE, mailbox.passwords["office"])
        client.append("INBOX", (CORPUS / "postfix_unknown_user.eml").read_bytes())
    for name, value in {"OROSHI_DATABASE_URL": sqlite_db.url.render_as_string(hide_password=False),
                        "OROSHI_IMAP_HOST": "127.0.0.1", "OROSHI_IMAP_PORT": str(mailbox.imap_port),
                        "OROSHI_IMAP_SECURITY": "none", "OROSHI_IMAP_USERNAME": OFFICE}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("sys.stdin", io.StringIO(mailbox.passwords["office"] + "\n"))
    assert main(["imap", "set-password", "--password-stdin"]) == 0
    assert secrets.get_secret(secrets.imap_key(OFFICE, "127.0.0.1")) == mailbox.passwords["office"]

    capfdbinary.readouterr()
    assert main(["bounce-check", "--once"]) == 0
    out = capfdbinary.readouterr().out.decode()
    row_id = rows["postfix_unknown_user.eml"]
    assert f"bounced: outbox row {row_id} nosuchuser@oroshi.test 5.1.1" in out and "1 bounced" in out

    assert main(["outbox", "list", "--state", "bounced"]) == 0
    listed = capfdbinary.readouterr().out.decode().strip().splitlines()
    assert len(listed) == 1 and listed[0].split()[0] == str(row_id)
    assert "bounced" in listed[0] and "nosuchuser@oroshi.test" in listed[0] and "5.1.1" in listed[0]

    capfdbinary.readouterr()
    assert main(["outbox", "show-bounce", str(row_id)]) == 0
    shown = capfdbinary.readouterr().out
    assert b"bounced nosuchuser@oroshi.test status 5.1.1" in shown and b"unknown user" in shown
    # The notification byte for byte as the IMAP server handed it over (CRLF line ends on the wire).
    assert (CORPUS / "postfix_unknown_user.eml").read_bytes().replace(b"\n", b"\r\n") in shown

    monkeypatch.setenv("OROSHI_IMAP_FOLDER", "Missing")
    assert main(["bounce-check", "--once"]) == 2
    error = capfdbinary.readouterr().err.decode().strip().splitlines()
    assert len(error) == 1 and "Missing" in error[0]


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_the_certificate_is_verified_as_for_smtp(sqlite_db, tmp_path, security):
    """TLS to the mailbox: the office's own CA trusted through ``trusted_certificate``, refused without it."""
    from tests.helpers.smtp_server import make_certificates

    tls = make_certificates(tmp_path / "tls")
    with mail_system(["office"], postfix=False, tls=tls) as system:
        port = system.imaps_port if security == "ssl" else system.imap_port
        settings = imap_settings(system, port=port, security=security)
        with pytest.raises(MailboxError) as caught:
            check_bounces(sqlite_db, settings)
        assert "証明書を確認できません" in caught.value.message_ja
        summary = check_bounces(sqlite_db, replace(settings, trusted_certificate=str(tls.ca_file)))
        assert (summary.read, summary.problems) == (0, [])
