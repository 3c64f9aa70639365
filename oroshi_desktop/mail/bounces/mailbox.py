"""The mailbox the bounces arrive in, over IMAP (IMAPClient), its certificate verified as for SMTP.

Messages are read with ``BODY.PEEK[]`` (their 既読 state is left alone) and only after their size is
known; a processed notification gets the keyword ``$OroshiBounce`` or is moved to the configured
folder, never deleted. Every failure a person can fix (host, password, folder, certificate) is a
``MailboxError``: one line in Japanese and English.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from oroshi_desktop.config import ImapSettings
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.wire import tls_context

PROCESSED_KEYWORD = "$OroshiBounce"


class MailboxError(UserError):
    """The bounce mailbox cannot be read: unreachable, refused login, no such folder, bad certificate."""


@dataclass(frozen=True)
class MailboxMessage:
    uid: int
    size: int


def _password(settings: ImapSettings, lookup: Callable[[str], str | None] | None) -> str:
    from oroshi_desktop import secrets

    key = secrets.imap_key(settings.username, settings.host)
    password = (lookup or secrets.get_secret)(key)
    if not password:
        raise MailboxError(f"no IMAP password for {settings.username}@{settings.host} in the OS keyring "
                           "(oroshi-desktop imap set-password)",
                           f"{settings.username}@{settings.host} のIMAPパスワードがキーリングにありません"
                           "（設定画面か oroshi-desktop imap set-password で保存してください）")
    return password


class Mailbox:
    """One logged-in session on the bounce folder."""

    def __init__(self, client: Any, settings: ImapSettings) -> None:
        self.client = client
        self.settings = settings
        flags = client.select_folder(settings.folder, readonly=False)
        permanent = [bytes(f) if isinstance(f, bytes) else str(f).encode() for f in flags.get(b"PERMANENTFLAGS", ())]
        # A server that takes no keywords of our own (no \* in PERMANENTFLAGS) marks processed mail \Flagged.
        self.keyword = PROCESSED_KEYWORD if (b"\\*" in permanent or PROCESSED_KEYWORD.encode() in permanent) \
            else "\\Flagged"

    def unprocessed(self) -> list[MailboxMessage]:
        """The messages of the folder not yet processed, oldest first, with their sizes."""
        uids = self.client.search(["NOT", "KEYWORD", self.keyword]) if self.keyword != "\\Flagged" \
            else self.client.search(["UNFLAGGED"])
        if not uids:
            return []
        sizes = self.client.fetch(uids, ["RFC822.SIZE"])
        return [MailboxMessage(int(uid), int(sizes[uid].get(b"RFC822.SIZE", 0))) for uid in sorted(sizes)]

    def read(self, uid: int) -> bytes:
        data = self.client.fetch([uid], ["BODY.PEEK[]"]).get(uid, {})
        return bytes(data.get(b"BODY[]") or b"")

    def mark_processed(self, uid: int) -> None:
        """Flag the message (or move it to the processed folder); never delete it."""
        self.client.add_flags([uid], [self.keyword])
        target = self.settings.processed_folder.strip()
        if target:
            if self.client.has_capability("MOVE"):
                self.client.move([uid], target)
            else:  # copied, and the flagged original stays: nothing is ever expunged by us
                self.client.copy([uid], target)


def _describe(settings: ImapSettings, err: BaseException) -> MailboxError:
    from imapclient.exceptions import IMAPClientError, LoginError

    where = f"{settings.host}:{settings.port}"
    if isinstance(err, LoginError):
        return MailboxError(f"IMAP login to {where} as {settings.username} was refused (wrong password?)",
                            f"メールボックス {where} にログインできません（ユーザー名 {settings.username} か"
                            "パスワードが違います）")
    if isinstance(err, ssl.SSLCertVerificationError):
        return MailboxError(f"the certificate of {where} is not trusted: {err.verify_message}",
                            f"メールボックス {where} の証明書を確認できません（{err.verify_message}）")
    if isinstance(err, ssl.SSLError):
        return MailboxError(f"TLS with {where} failed ({err.reason or err})",
                            f"メールボックス {where} と暗号化通信ができません（{err.reason or err}）")
    if isinstance(err, socket.timeout | TimeoutError):
        return MailboxError(f"the mailbox {where} did not answer in {settings.timeout_seconds:g} s",
                            f"メールボックス {where} が {settings.timeout_seconds:g} 秒以内に応答しません")
    if isinstance(err, OSError):
        return MailboxError(f"cannot reach the mailbox {where}: {err.strerror or err}",
                            f"メールボックス {where} に接続できません（{err.strerror or err}）")
    if isinstance(err, IMAPClientError):
        text = " ".join(str(err).split())[:200]
        if "select" in text.lower() or "mailbox" in text.lower() or "folder" in text.lower():
            return MailboxError(f"the folder {settings.folder!r} cannot be opened on {where}: {text}",
                                f"メールボックス {where} のフォルダー「{settings.folder}」を開けません（{text}）")
        return MailboxError(f"the mailbox {where} refused: {text}", f"メールボックス {where} がエラーを返しました（{text}）")
    raise err


@contextmanager
def open_mailbox(settings: ImapSettings, password_lookup: Callable[[str], str | None] | None = None,
                 ) -> Iterator[Mailbox]:
    """Connect, verify the certificate, log in and select the folder; any failure is one ``MailboxError``."""
    from imapclient import IMAPClient
    from imapclient.exceptions import IMAPClientError

    if not settings.configured:
        raise MailboxError("no bounce mailbox is set (imap.host and imap.username)",
                           "不達を確認するメールボックスが設定されていません（IMAPサーバーとユーザー名）")
    password = _password(settings, password_lookup)
    context = tls_context(settings)
    client = None
    try:
        client = IMAPClient(settings.host, port=settings.port, ssl=settings.security == "ssl",
                            ssl_context=context if settings.security == "ssl" else None,
                            timeout=settings.timeout_seconds)
        if settings.security == "starttls":
            client.starttls(ssl_context=context)
        client.login(settings.username, password)
        mailbox = Mailbox(client, settings)
    except (OSError, IMAPClientError) as err:
        _close(client)
        raise _describe(settings, err) from None
    try:
        yield mailbox
    except (OSError, IMAPClientError) as err:
        raise _describe(settings, err) from None
    finally:
        _close(client)


def _close(client: Any) -> None:
    if client is None:
        return
    try:
        client.logout()
    except Exception:  # the connection is already gone: nothing left to close
        with suppress(Exception):
            client.shutdown()

