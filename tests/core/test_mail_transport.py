"""SmtpTransport against a real SMTP server on localhost: success, and each kind of failure."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from oroshi_desktop import secrets
from oroshi_desktop.config import SmtpSettings
from oroshi_desktop.mail.transport import (
    MailOutcomeUnknown,
    MailPermanentError,
    MailTemporaryError,
    Phase,
    SmtpTransport,
)
from oroshi_desktop.mail.wire import envelope_of
from tests.helpers.pgserver import free_port
from tests.helpers.smtp_server import HOST, Behaviour, SmtpTestServer, TlsFiles, make_certificates

USER = ("mailer@oroshi.example", "correct horse battery")
WRONG_PASSWORD = "s3cret-Wrong-pw"


@pytest.fixture
def smtp_server() -> Iterator[SmtpTestServer]:
    with SmtpTestServer.running() as server:
        yield server


@pytest.fixture
def auth_server() -> Iterator[SmtpTestServer]:
    with SmtpTestServer.running(user=USER) as server:
        yield server


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    return make_certificates(tmp_path_factory.mktemp("tls"))


def message(body: str = "本文です。\n", *, to: str = "org@example.jp", cc: str | None = "office@oroshi.example",
            attachment: bytes | None = b"%PDF-1.4 test") -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = "株式会社オロシ ー 札幌市 支払い明細書"
    msg["From"] = "office@oroshi.example"
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Message-ID"] = "<oroshi-outbox-1-g1@oroshi.example>"
    msg.set_content(body)
    if attachment is not None:
        msg.add_attachment(attachment, maintype="application", subtype="pdf", filename="明細書 組織.pdf")
    return msg


def store_password(password: str) -> None:
    secrets.set_secret(secrets.smtp_key(USER[0], HOST), password)


# ---- success --------------------------------------------------------------------------------------

def test_delivers_to_to_and_cc_with_content_intact(smtp_server: SmtpTestServer):
    SmtpTransport(smtp_server.settings()).send(message())

    [mail] = smtp_server.accepted
    assert mail.mail_from == "office@oroshi.example"
    assert sorted(mail.rcpt_tos) == ["office@oroshi.example", "org@example.jp"]
    received = mail.message
    assert received["Subject"] == "株式会社オロシ ー 札幌市 支払い明細書"
    assert received["Message-ID"] == "<oroshi-outbox-1-g1@oroshi.example>"
    [pdf] = list(received.iter_attachments())
    assert pdf.get_filename() == "明細書 組織.pdf"
    assert pdf.get_content() == b"%PDF-1.4 test"


def test_lines_starting_with_a_dot_survive(smtp_server: SmtpTestServer):
    body = "first\n.\n.hidden line\n..two dots\n"
    SmtpTransport(smtp_server.settings()).send(message(body, attachment=None))
    assert smtp_server.messages[0].get_content().replace("\r\n", "\n") == body


def test_bcc_is_an_envelope_recipient_but_not_a_header(smtp_server: SmtpTestServer):
    msg = message(cc=None)
    msg["Bcc"] = "archive@oroshi.example"
    assert envelope_of(msg) == ("office@oroshi.example", ["org@example.jp", "archive@oroshi.example"])
    SmtpTransport(smtp_server.settings()).send(msg)
    [mail] = smtp_server.accepted
    assert "archive@oroshi.example" in mail.rcpt_tos
    assert b"archive@oroshi.example" not in mail.content


def test_login_with_the_keyring_password(auth_server: SmtpTestServer):
    store_password(USER[1])
    SmtpTransport(auth_server.settings()).send(message())
    assert auth_server.auth_attempts == [USER[0]]
    assert len(auth_server.accepted) == 1


def test_no_login_without_a_username(auth_server: SmtpTestServer):
    SmtpTransport(auth_server.settings(username="")).send(message())
    assert auth_server.auth_attempts == []
    assert len(auth_server.accepted) == 1


def test_check_logs_in_without_sending(auth_server: SmtpTestServer):
    store_password(USER[1])
    SmtpTransport(auth_server.settings()).check()
    assert auth_server.auth_attempts == [USER[0]]
    assert auth_server.received == []


# ---- temporary failures -----------------------------------------------------------------------------

def test_connection_refused_is_temporary():
    settings = SmtpSettings(host=HOST, port=free_port(), security="none", timeout_seconds=2)
    with pytest.raises(MailTemporaryError) as info:
        SmtpTransport(settings).send(message())
    assert info.value.phase is Phase.CONNECT
    assert f"{HOST}:{settings.port}" in info.value.message
    assert "接続できません" in info.value.message_ja


def test_451_at_rcpt_is_temporary(smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.RCPT_TEMPFAIL)
    with pytest.raises(MailTemporaryError) as info:
        SmtpTransport(smtp_server.settings()).send(message())
    assert info.value.code == 451 and info.value.phase is Phase.RCPT
    assert "Mailbox temporarily unavailable" in info.value.message
    assert "451" in info.value.message_ja
    assert smtp_server.received == []


def test_451_after_content_is_temporary(smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.DATA_TEMPFAIL)
    with pytest.raises(MailTemporaryError) as info:
        SmtpTransport(smtp_server.settings()).send(message())
    assert info.value.code == 451 and info.value.phase is Phase.REPLY
    assert smtp_server.accepted == []
    # Plain English: not "SMTP server … (reply) refused for now".
    assert "temporarily refused the message: 451" in info.value.message
    assert "refused for now" not in info.value.message and "(reply)" not in info.value.message


def test_one_refused_recipient_sends_to_nobody(smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.RCPT_TEMPFAIL, only_for="office@oroshi.example")
    with pytest.raises(MailTemporaryError):
        SmtpTransport(smtp_server.settings()).send(message())
    assert smtp_server.received == []


def test_timeout_before_data_is_temporary(smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.HANG_AT_RCPT, hang_seconds=2)
    with pytest.raises(MailTemporaryError) as info:
        SmtpTransport(smtp_server.settings(timeout_seconds=0.5)).send(message())
    assert info.value.phase is Phase.RCPT
    assert smtp_server.received == []


# ---- permanent failures -----------------------------------------------------------------------------

def test_554_is_permanent_with_the_server_text(smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.DATA_REJECT)
    with pytest.raises(MailPermanentError) as info:
        SmtpTransport(smtp_server.settings()).send(message())
    assert info.value.code == 554
    assert "554 5.7.1 Message rejected as spam" in info.value.message
    assert "Message rejected as spam" in info.value.message_ja
    assert "拒否" in info.value.message_ja


def test_550_at_rcpt_is_permanent(smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.RCPT_REJECT)
    with pytest.raises(MailPermanentError) as info:
        SmtpTransport(smtp_server.settings()).send(message())
    assert info.value.code == 550 and "User unknown" in info.value.message


def test_wrong_password_is_permanent_and_never_shown(auth_server: SmtpTestServer,
                                                     caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG)
    store_password(WRONG_PASSWORD)
    with pytest.raises(MailPermanentError) as info:
        SmtpTransport(auth_server.settings()).send(message())
    err = info.value
    assert err.phase is Phase.LOGIN and err.code == 535
    assert "535" in err.message and USER[0] in err.message
    assert "認証に失敗" in err.message_ja
    for text in (err.message, err.message_ja, str(err), repr(err.args), err.reply, caplog.text):
        assert WRONG_PASSWORD not in text
    assert auth_server.received == []


def test_missing_keyring_password_is_permanent(auth_server: SmtpTestServer):
    with pytest.raises(MailPermanentError) as info:
        SmtpTransport(auth_server.settings()).send(message())
    assert info.value.phase is Phase.LOGIN
    assert "keyring" in info.value.message and "キーリング" in info.value.message_ja
    assert auth_server.auth_attempts == []


def test_unconfigured_server_is_permanent():
    with pytest.raises(MailPermanentError) as info:
        SmtpTransport(SmtpSettings()).send(message())
    assert "設定されていません" in info.value.message_ja


def test_starttls_missing_is_permanent(smtp_server: SmtpTestServer):
    with pytest.raises(MailPermanentError) as info:
        SmtpTransport(smtp_server.settings(security="starttls")).send(message())
    assert info.value.phase is Phase.STARTTLS and "STARTTLS" in info.value.message


# ---- outcome unknown ---------------------------------------------------------------------------------

def test_drop_after_content_is_outcome_unknown(smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.DROP_AFTER_DATA, hang_seconds=0.2)
    with pytest.raises(MailOutcomeUnknown) as info:
        SmtpTransport(smtp_server.settings()).send(message())
    assert info.value.phase is Phase.REPLY
    assert "再送" in info.value.message_ja and "送信済みにする" in info.value.message_ja
    # The server did get the whole message: a blind retry could deliver it twice.
    assert len(smtp_server.received) == 1 and smtp_server.accepted == []


def test_timeout_after_content_is_outcome_unknown(smtp_server: SmtpTestServer):
    smtp_server.behave(Behaviour.HANG_AFTER_DATA, hang_seconds=2)
    with pytest.raises(MailOutcomeUnknown):
        SmtpTransport(smtp_server.settings(timeout_seconds=0.5), data_reply_timeout=0.5).send(message())
    assert len(smtp_server.received) == 1


def test_final_reply_waits_longer_than_the_command_timeout():
    transport = SmtpTransport(SmtpSettings(host=HOST, timeout_seconds=10))
    assert transport.data_reply_timeout >= 120


# ---- TLS ---------------------------------------------------------------------------------------

def test_starttls_with_a_trusted_certificate(tls_files: TlsFiles, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_files.ca_file))
    store_password(USER[1])
    with SmtpTestServer.running(user=USER, security="starttls", tls=tls_files) as server:
        SmtpTransport(server.settings()).send(message())
        assert server.auth_attempts == [USER[0]]
        assert len(server.accepted) == 1


def test_starttls_refuses_an_untrusted_certificate(tls_files: TlsFiles, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    # Trust only an unrelated CA: verification must fail, and nothing may be sent.
    other = make_certificates(tmp_path / "other")
    monkeypatch.setenv("SSL_CERT_FILE", str(other.ca_file))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "none"))
    with SmtpTestServer.running(security="starttls", tls=tls_files) as server:
        with pytest.raises(MailPermanentError) as info:
            SmtpTransport(server.settings()).send(message())
        assert info.value.phase is Phase.STARTTLS
        assert "certificate" in info.value.message and "証明書" in info.value.message_ja
        assert server.received == []


def test_implicit_tls(tls_files: TlsFiles, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SSL_CERT_FILE", str(tls_files.ca_file))
    with SmtpTestServer.running(security="ssl", tls=tls_files) as server:
        SmtpTransport(server.settings()).send(message())
        assert len(server.accepted) == 1


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_a_self_signed_office_server_is_refused_unless_its_certificate_is_trusted(tls_files: TlsFiles, security):
    # No SSL_CERT_FILE: the system bundle as on an office PC, which does not know the in-house CA.
    with SmtpTestServer.running(security=security, tls=tls_files) as server:
        with pytest.raises(MailPermanentError) as info:
            SmtpTransport(server.settings()).send(message())
        assert "証明書" in info.value.message_ja and server.received == []
        trusted = dataclasses.replace(server.settings(), trusted_certificate=str(tls_files.ca_file))
        SmtpTransport(trusted).send(message())  # trusted in the settings, the system bundle kept
        assert len(server.accepted) == 1


def test_an_unreadable_trusted_certificate_is_one_settings_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from oroshi_desktop.config import load_settings
    from oroshi_desktop.errors import ConfigError

    (tmp_path / "not-a-cert.pem").write_text("hello")
    monkeypatch.setenv("OROSHI_SMTP_TRUSTED_CERTIFICATE", str(tmp_path / "not-a-cert.pem"))
    with pytest.raises(ConfigError, match="trusted_certificate"):
        load_settings()
