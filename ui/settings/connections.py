"""接続テスト (database and bounce mailbox) and テストメール: the work that runs on a pool thread (no widgets here).

A password typed but not yet saved is used for the test only; an empty field uses the stored one.
Neither ever reaches a URL that is shown, logged or written.
"""

from __future__ import annotations

from dataclasses import replace
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from oroshi_desktop import secrets
from oroshi_desktop.config import ImapSettings, SmtpSettings
from oroshi_desktop.db.engine import parse_database_url
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.transport import SmtpTransport

CONNECT_TIMEOUT_SECONDS = 10


def database_password_key(url_text: str) -> str | None:
    url = parse_database_url(url_text)
    if url.get_backend_name() != "postgresql" or not url.username:
        return None
    return secrets.database_key(url.username, url.host or "localhost", url.port, url.database)


def server_version(url_text: str, typed_password: str = "") -> str:
    """The server's version line, or a ``UserError`` with the reason (no password in it)."""
    url = parse_database_url(url_text)
    password = typed_password
    if not password:
        key = database_password_key(url_text)
        password = (secrets.get_secret(key) or "") if key else ""
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_SECONDS} if url.get_backend_name() == "postgresql" else {}
    engine = create_engine(url.set(password=password or None), connect_args=connect_args, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            if url.get_backend_name() == "postgresql":
                return str(conn.execute(text("SELECT version()")).scalar_one()).split(",")[0]
            return "SQLite " + str(conn.execute(text("SELECT sqlite_version()")).scalar_one())
    except Exception as err:  # every driver error: its first line, with the password scrubbed
        reason = str(getattr(err, "orig", err) or err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        if password:
            reason = reason.replace(password, "***")
        raise UserError(f"cannot connect: {reason}", f"接続できません: {reason}") from None
    finally:
        engine.dispose()


def send_test_mail(smtp: SmtpSettings, *, sender: str, to: str, typed_password: str = "") -> str:
    """Send one short test message; returns its Message-ID."""
    message = EmailMessage()
    message["Subject"] = "オロシ デスクトップ テストメール"
    message["From"] = sender
    message["To"] = to
    message["Message-ID"] = make_msgid(domain=sender.partition("@")[2] or None)
    message.set_content("オロシ デスクトップの設定画面から送信したテストメールです。\n"
                        "This is a test message sent from the settings of Oroshi Desktop.\n")

    def password_lookup(key: str) -> str | None:
        return typed_password or secrets.get_secret(key)

    SmtpTransport(replace(smtp, sender=sender), password_lookup).send(message)
    return str(message["Message-ID"])


def test_mailbox(imap: ImapSettings, *, typed_password: str = "") -> int:
    """Log in to the bounce mailbox and open its folder; the number of messages not yet checked."""
    from oroshi_desktop.mail.bounces.mailbox import open_mailbox

    def password_lookup(key: str) -> str | None:
        return typed_password or secrets.get_secret(key)

    with open_mailbox(imap, password_lookup) as mailbox:
        return len(mailbox.unprocessed())
