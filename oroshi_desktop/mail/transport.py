"""Sending one mail over SMTP, with every failure sorted by what it means for a retry.

``MailTemporaryError``: the server did not take the message, try again later (refused
connection, timeout or disconnect before the message content was sent, 4xx replies).
``MailPermanentError``: the server said no for good, or the settings are wrong (5xx replies,
authentication failure, certificate failure); retrying the same way will not help.
``MailOutcomeUnknown``: the whole message reached the server but its answer never came back; the
server may have accepted it, so sending again could deliver a duplicate.

To know which side of that line a failure is on, the SMTP dialogue is driven step by step
(EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA) instead of ``send_message``, which hides the phase.
The SMTP password comes from the OS keyring only and never appears in an error or a log line.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
import ssl
import time
from collections.abc import Callable
from email.message import EmailMessage
from enum import StrEnum
from typing import Protocol

from oroshi_desktop import secrets
from oroshi_desktop.config import SmtpSettings
from oroshi_desktop.errors import SecretStoreError, UserError
from oroshi_desktop.mail.wire import dot_stuffed, envelope_of, flatten, tls_context

__all__ = [
    "BatchSmtpTransport",
    "MailError",
    "MailOutcomeUnknown",
    "MailPermanentError",
    "MailTemporaryError",
    "Phase",
    "SmtpTransport",
    "Transport",
]

log = logging.getLogger(__name__)

# Servers often scan a message before answering the final dot; RFC 5321 §4.5.3.2.6 allows them
# ten minutes. Giving up early would turn a probably delivered mail into "uncertain".
MIN_DATA_REPLY_TIMEOUT = 120.0


class Phase(StrEnum):
    """Where in the SMTP dialogue a failure happened."""

    CONNECT = "connect"
    EHLO = "ehlo"
    STARTTLS = "starttls"
    LOGIN = "login"
    MAIL = "mail"
    RCPT = "rcpt"
    DATA = "data"  # the DATA command, before any content
    CONTENT = "content"  # writing the message content and the final dot
    REPLY = "reply"  # waiting for the server's answer to the final dot


# What a temporary refusal at each phase refuses, said as English reads it.
_WHAT_IS_REFUSED = {
    Phase.CONNECT: "the connection", Phase.EHLO: "the greeting (EHLO)", Phase.STARTTLS: "encryption (STARTTLS)",
    Phase.LOGIN: "the login", Phase.MAIL: "the sender (MAIL FROM)", Phase.RCPT: "a recipient (RCPT TO)",
    Phase.DATA: "the message (DATA)", Phase.CONTENT: "the message content", Phase.REPLY: "the message",
}


class MailError(UserError):
    """A failed send. ``message`` is English, ``message_ja`` Japanese for the GUI."""

    def __init__(self, message: str, message_ja: str, *, phase: Phase, code: int | None = None,
                 reply: str = "") -> None:
        super().__init__(message, message_ja)
        self.phase = phase
        self.code = code
        self.reply = reply


class MailTemporaryError(MailError):
    """Not delivered; the same send may succeed later."""


class MailPermanentError(MailError):
    """Not delivered, and retrying unchanged will not help."""


class MailOutcomeUnknown(MailError):
    """The message may or may not have been accepted: a person must decide about a resend."""


class Transport(Protocol):
    """Anything that sends one message or raises one of the three ``MailError`` kinds.

    ``send_raw`` transmits bytes composed (and stored) earlier, exactly as they are; the outbox
    uses it. ``send`` flattens an ``EmailMessage`` first.
    """

    def send(self, message: EmailMessage) -> None: ...

    def send_raw(self, sender: str, recipients: list[str], data: bytes) -> None: ...


def _text(reply: bytes | str) -> str:
    if isinstance(reply, bytes):
        reply = reply.decode("utf-8", "replace")
    return " ".join(reply.split())


# ---- the transport ------------------------------------------------------------------------------

class SmtpTransport:
    """Delivers ``EmailMessage`` objects to the configured SMTP server, one connection per message."""

    def __init__(self, settings: SmtpSettings,
                 password_lookup: Callable[[str], str | None] = secrets.get_secret, *,
                 data_reply_timeout: float | None = None) -> None:
        self.settings = settings
        self._password_lookup = password_lookup
        self.data_reply_timeout = (data_reply_timeout if data_reply_timeout is not None
                                   else max(settings.timeout_seconds, MIN_DATA_REPLY_TIMEOUT))

    @property
    def server(self) -> str:
        return f"{self.settings.host}:{self.settings.port}"

    # -- errors --

    def _scrub(self, text: str, password: str | None) -> str:
        return text.replace(password, "***") if password else text

    def _reply_error(self, phase: Phase, code: int, reply: bytes | str, password: str | None = None) -> MailError:
        text = self._scrub(_text(reply), password)
        where = f"SMTP server {self.server} ({phase.value})"
        if 400 <= code < 500:
            return MailTemporaryError(
                f"SMTP server {self.server} temporarily refused {_WHAT_IS_REFUSED[phase]}: {code} {text}; "
                "it is tried again later",
                f"SMTPサーバー {self.server} が一時的に受け付けませんでした（{code} {text}）。後で再送します。",
                phase=phase, code=code, reply=text)
        if phase is Phase.LOGIN:
            return MailPermanentError(
                f"{where}: authentication failed for user {self.settings.username!r}: {code} {text}",
                f"SMTPサーバー {self.server} の認証に失敗しました（ユーザー {self.settings.username}: "
                f"{code} {text}）。ユーザー名とパスワードを確認してください。",
                phase=phase, code=code, reply=text)
        return MailPermanentError(
            f"{where} rejected the message: {code} {text}",
            f"SMTPサーバー {self.server} がメールを拒否しました（{code} {text}）。",
            phase=phase, code=code, reply=text)

    def _network_error(self, phase: Phase, err: BaseException) -> MailError:
        reason = _text(str(err)) or type(err).__name__
        if phase in (Phase.REPLY,):
            return MailOutcomeUnknown(
                f"SMTP server {self.server}: the connection was lost after the whole message was sent "
                f"({reason}); the server may have accepted it",
                f"SMTPサーバー {self.server} への送信後に接続が切れました（{reason}）。メールが届いたかどうか"
                "分かりません。受信者に確認し、「再送」か「送信済みにする」を選んでください。",
                phase=phase)
        if isinstance(err, ssl.SSLCertVerificationError):
            return MailPermanentError(
                f"SMTP server {self.server}: the TLS certificate could not be verified ({reason})",
                f"SMTPサーバー {self.server} の証明書を確認できません（{reason}）。サーバー名と設定を確認してください。",
                phase=phase)
        if isinstance(err, ssl.SSLError):
            return MailPermanentError(
                f"SMTP server {self.server}: TLS failed ({reason}); check the security setting "
                f"({self.settings.security}) and the port",
                f"SMTPサーバー {self.server} とのTLS接続に失敗しました（{reason}）。"
                "暗号化の設定とポート番号を確認してください。",
                phase=phase)
        if phase is Phase.CONNECT:
            return MailTemporaryError(
                f"cannot connect to SMTP server {self.server}: {reason}",
                f"SMTPサーバー {self.server} に接続できません（{reason}）。後で再送します。",
                phase=phase)
        return MailTemporaryError(
            f"SMTP server {self.server}: connection lost during {phase.value} ({reason}); nothing was delivered",
            f"SMTPサーバー {self.server} との接続が送信前に切れました（{reason}）。後で再送します。",
            phase=phase)

    # -- the dialogue --

    def _connect(self) -> smtplib.SMTP:
        settings = self.settings
        if not settings.configured:
            raise MailPermanentError("no SMTP server is configured",
                                     "SMTPサーバーが設定されていません。設定画面で入力してください。",
                                     phase=Phase.CONNECT)
        try:
            if settings.security == "ssl":
                return smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout_seconds,
                                        context=tls_context(settings))
            return smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_seconds)
        except smtplib.SMTPConnectError as err:  # the greeting was not 220
            raise self._reply_error(Phase.CONNECT, err.smtp_code, err.smtp_error) from None
        except (OSError, smtplib.SMTPServerDisconnected) as err:
            raise self._network_error(Phase.CONNECT, err) from None

    def _password(self) -> str:
        key = secrets.smtp_key(self.settings.username, self.settings.host)
        try:
            password = self._password_lookup(key)
        except SecretStoreError as err:
            raise MailPermanentError(err.message, err.message_ja, phase=Phase.LOGIN) from None
        if not password:
            raise MailPermanentError(
                f"no SMTP password for {self.settings.username}@{self.settings.host} in the OS keyring",
                f"SMTPのパスワード（{self.settings.username}@{self.settings.host}）がキーリングにありません。"
                "設定画面で保存してください。",
                phase=Phase.LOGIN)
        return password

    def _handshake(self, smtp: smtplib.SMTP) -> None:
        phase = Phase.EHLO
        password: str | None = None
        try:
            smtp.ehlo_or_helo_if_needed()
            if self.settings.security == "starttls":
                phase = Phase.STARTTLS
                if not smtp.has_extn("starttls"):
                    raise MailPermanentError(
                        f"SMTP server {self.server} does not offer STARTTLS; choose another security setting",
                        f"SMTPサーバー {self.server} はSTARTTLSに対応していません。暗号化の設定を確認してください。",
                        phase=phase)
                smtp.starttls(context=tls_context(self.settings))
                smtp.ehlo()
            if self.settings.username:
                phase = Phase.LOGIN
                password = self._password()
                smtp.login(self.settings.username, password)
        except smtplib.SMTPNotSupportedError as err:
            raise MailPermanentError(
                f"SMTP server {self.server} does not support {phase.value}: {_text(str(err))}",
                f"SMTPサーバー {self.server} は {phase.value} に対応していません。設定を確認してください。",
                phase=phase) from None
        except smtplib.SMTPResponseException as err:
            raise self._reply_error(phase, err.smtp_code, err.smtp_error, password) from None
        except smtplib.SMTPServerDisconnected as err:
            raise self._network_error(phase, err) from None
        except smtplib.SMTPException as err:  # e.g. "No suitable authentication method found."
            raise MailPermanentError(
                f"SMTP server {self.server} ({phase.value}): {self._scrub(_text(str(err)), password)}",
                f"SMTPサーバー {self.server} との通信に失敗しました（{phase.value}）。設定を確認してください。",
                phase=phase) from None
        except OSError as err:
            raise self._network_error(phase, err) from None

    def _transaction(self, smtp: smtplib.SMTP, sender: str, recipients: list[str],
                     data: bytes | Callable[[], bytes | None]) -> bool:
        """One SMTP mail transaction; ``data`` may be a callable asked for the bytes only once the
        server has accepted the envelope (``None``: the transaction is reset, nothing sent: False)."""
        phase = Phase.MAIL
        try:
            code, reply = smtp.mail(sender)
            if code != 250:
                raise self._reply_error(phase, code, reply)
            phase = Phase.RCPT
            refused: list[tuple[int, bytes]] = []
            for recipient in recipients:
                code, reply = smtp.rcpt(recipient)
                if code not in (250, 251):
                    refused.append((code, reply))
            if refused:
                # All or nothing: a half-delivered mail cannot be retried without a duplicate.
                code, reply = max(refused, key=lambda item: item[0])
                raise self._reply_error(phase, code, reply)
            if callable(data):
                payload = data()
                if payload is None:
                    smtp.rset()  # only the envelope was given: nothing is sent
                    return False
                data = payload
            phase = Phase.DATA
            smtp.putcmd("data")
            code, reply = smtp.getreply()
            if code != 354:
                raise self._reply_error(phase, code, reply)
            # If writing fails, the final dot never left this machine: the server cannot have
            # accepted the message, so this is still a safe, temporary failure.
            phase = Phase.CONTENT
            smtp.send(dot_stuffed(data))
            phase = Phase.REPLY
            if smtp.sock is not None:
                smtp.sock.settimeout(self.data_reply_timeout)
            code, reply = smtp.getreply()
            if code != 250:
                raise self._reply_error(phase, code, reply)
            return True
        except MailError:
            raise
        except UnicodeEncodeError:
            raise MailPermanentError(
                "a mail address contains non-ASCII characters, which this app does not send",
                "メールアドレスに全角文字などが含まれています。アドレスを確認してください。",
                phase=phase) from None
        except smtplib.SMTPResponseException as err:
            raise self._reply_error(phase, err.smtp_code, err.smtp_error) from None
        except (smtplib.SMTPServerDisconnected, OSError) as err:
            raise self._network_error(phase, err) from None

    def send(self, message: EmailMessage) -> None:
        """Deliver one message or raise one of the three ``MailError`` kinds."""
        sender, recipients = envelope_of(message)
        self.send_raw(sender, recipients, flatten(message))

    def send_raw(self, sender: str, recipients: list[str], data: bytes) -> None:
        """Deliver pre-composed RFC 5322 bytes (CRLF line ends) to ``recipients``, unchanged."""
        smtp = self._connect()
        try:
            self._handshake(smtp)
            self._transaction(smtp, sender, recipients, data)
            log.info("mail accepted by %s for %d recipient(s)", self.server, len(recipients))
            # The message is accepted; a rude goodbye changes nothing.
            with contextlib.suppress(smtplib.SMTPException, OSError):
                smtp.quit()
        finally:
            _close(smtp)

    def check(self) -> None:
        """Connect, secure and log in without sending: the settings screen's "test" button."""
        smtp = self._connect()
        try:
            self._handshake(smtp)
            with contextlib.suppress(smtplib.SMTPException, OSError):
                smtp.quit()
        finally:
            _close(smtp)


class BatchSmtpTransport(SmtpTransport):
    """``SmtpTransport`` that reuses one connection across the messages of a batch; ``close()`` it after.

    The outbox stays per row (claim → send on the shared connection → mark sent); only the TCP
    connect, EHLO, STARTTLS and AUTH are shared. A connection not used for a moment is checked with
    RSET (also clearing any half transaction) before the next message; a dead one is replaced.
    After any failure the connection is dropped, so the next message starts clean and every failure
    keeps the plain transport's meaning (temporary / permanent / outcome unknown).
    """

    max_messages_per_connection = 100
    # A connection that answered 250 this recently is taken as alive without an RSET round trip.
    fresh_seconds = 2.0

    def __init__(self, settings: SmtpSettings,
                 password_lookup: Callable[[str], str | None] = secrets.get_secret, *,
                 data_reply_timeout: float | None = None) -> None:
        super().__init__(settings, password_lookup, data_reply_timeout=data_reply_timeout)
        self._smtp: smtplib.SMTP | None = None
        self._count = 0
        self._last_ok = 0.0

    def _live(self) -> smtplib.SMTP:
        if self._smtp is not None and time.monotonic() - self._last_ok < self.fresh_seconds:
            return self._smtp
        if self._smtp is not None:
            try:
                if self._smtp.sock is not None:
                    self._smtp.sock.settimeout(self.settings.timeout_seconds)
                code, _reply = self._smtp.rset()
                if code == 250:
                    return self._smtp
            except (smtplib.SMTPException, OSError):
                pass
            self._drop()
        smtp = self._connect()
        try:
            self._handshake(smtp)
        except BaseException:
            _close(smtp)
            raise
        self._smtp, self._count = smtp, 0
        return smtp

    def _drop(self) -> None:
        if self._smtp is not None:
            _close(self._smtp)
            self._smtp = None

    def send_raw(self, sender: str, recipients: list[str], data: bytes) -> None:
        self.send_raw_when_ready(sender, recipients, data)

    def send_raw_when_ready(self, sender: str, recipients: list[str],
                            data: bytes | Callable[[], bytes | None]) -> bool:
        """``send_raw``, but ``data`` may be a callable that is asked for the bytes only after the
        server took the envelope (MAIL FROM, RCPT TO), right before DATA: the outbox commits the
        row's claim meanwhile. When it returns ``None`` the transaction is reset and nothing is
        sent (False). Errors as ``send_raw``; whatever the callable raises propagates."""
        smtp = self._live()
        try:
            if not self._transaction(smtp, sender, recipients, data):
                self._last_ok = time.monotonic()
                return False
        except BaseException:
            self._drop()
            raise
        log.info("mail accepted by %s for %d recipient(s)", self.server, len(recipients))
        self._last_ok = time.monotonic()
        self._count += 1
        if self._count >= self.max_messages_per_connection:
            self.close()
        return True

    def close(self) -> None:
        """Say goodbye and close the shared connection (the next send opens a new one)."""
        if self._smtp is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                self._smtp.quit()
            self._drop()


def _close(smtp: smtplib.SMTP) -> None:
    with contextlib.suppress(OSError):
        smtp.close()
