"""テストメール and the bounce mailbox's 接続テスト: the work that runs on a pool thread (no widgets
here); the database's 接続テスト is ``oroshi_desktop.db.connection_check``.

A password typed but not yet saved is used for the test only; an empty field uses the stored one.
"""

from __future__ import annotations

from dataclasses import replace
from email.message import EmailMessage
from email.utils import make_msgid

from oroshi_desktop import secrets
from oroshi_desktop.config import ImapSettings, SmtpSettings
from oroshi_desktop.mail.transport import SmtpTransport


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
