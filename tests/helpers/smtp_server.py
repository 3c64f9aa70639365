"""A real SMTP server on localhost (aiosmtpd) that records mail and can misbehave on request.

``port=0`` does not work with aiosmtpd's Controller (its readiness check connects to port 0), so
a free port is chosen first. Behaviours: accept; 451 or 550 at RCPT; 451 or 554 after the
content; drop the connection or hang after the content (the outcome-unknown cases); hang at RCPT.
Optional AUTH with one test user, STARTTLS or implicit TLS with a throwaway CA.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from enum import StrEnum
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from oroshi_desktop.config import SmtpSettings
from tests.helpers.clock import real_now
from tests.helpers.pgserver import free_port

HOST = "127.0.0.1"


class Behaviour(StrEnum):
    ACCEPT = "accept"
    RCPT_TEMPFAIL = "rcpt_451"
    RCPT_REJECT = "rcpt_550"
    DATA_TEMPFAIL = "data_451"
    DATA_REJECT = "data_554"
    DROP_AFTER_DATA = "drop_after_data"
    HANG_AFTER_DATA = "hang_after_data"
    HANG_AT_RCPT = "hang_at_rcpt"


REPLIES = {
    Behaviour.RCPT_TEMPFAIL: "451 4.3.0 Mailbox temporarily unavailable",
    Behaviour.RCPT_REJECT: "550 5.1.1 User unknown",
    Behaviour.DATA_TEMPFAIL: "451 4.3.0 Try again later",
    Behaviour.DATA_REJECT: "554 5.7.1 Message rejected as spam",
}


@dataclass
class ReceivedMail:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = BytesParser(policy=policy.default).parsebytes(self.content)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class RecordingHandler:
    """aiosmtpd handler: ``accepted`` holds mail answered 250, ``received`` every complete content."""

    behaviour: Behaviour = Behaviour.ACCEPT
    only_for: str | None = None  # misbehave only for mail to this address; accept the rest
    hang_seconds: float = 3.0
    accepted: list[ReceivedMail] = field(default_factory=list)
    received: list[ReceivedMail] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _applies(self, addresses: list[str]) -> bool:
        return self.only_for is None or self.only_for in addresses

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if self._applies([address]):
            if self.behaviour in (Behaviour.RCPT_TEMPFAIL, Behaviour.RCPT_REJECT):
                return REPLIES[self.behaviour]
            if self.behaviour is Behaviour.HANG_AT_RCPT:
                await asyncio.sleep(self.hang_seconds)
                return "451 4.4.2 Too slow"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        mail = ReceivedMail(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content))
        with self.lock:
            self.received.append(mail)
        if self._applies(mail.rcpt_tos):
            if self.behaviour in (Behaviour.DATA_TEMPFAIL, Behaviour.DATA_REJECT):
                return REPLIES[self.behaviour]
            if self.behaviour is Behaviour.DROP_AFTER_DATA:
                # The content arrived in full, but the client never hears back.
                server.transport.abort()
                await asyncio.sleep(self.hang_seconds)
                return "250 never delivered"
            if self.behaviour is Behaviour.HANG_AFTER_DATA:
                await asyncio.sleep(self.hang_seconds)
                return "451 4.4.2 Too slow"
        with self.lock:
            self.accepted.append(mail)
        return "250 Message accepted for delivery"

    @property
    def messages(self) -> list[EmailMessage]:
        with self.lock:
            return [mail.message for mail in self.accepted]


# ---- TLS --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TlsFiles:
    ca_file: Path
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def make_certificates(directory: Path) -> TlsFiles:
    """A throwaway CA and a server certificate for 127.0.0.1 and localhost."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = real_now()  # OpenSSL checks the dates on the real clock, not the suite's pinned one
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "oroshi-desktop test CA")])
    ca_cert = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
               .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
               .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                            content_commitment=False, key_encipherment=False,
                                            data_encipherment=False, key_agreement=False,
                                            encipher_only=False, decipher_only=False), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
               .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address(HOST))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    directory.mkdir(parents=True, exist_ok=True)
    files = TlsFiles(directory / "ca.pem", directory / "server.pem", directory / "server.key")
    files.ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    files.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                 serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))
    return files


# ---- the server -------------------------------------------------------------------------------

class SmtpTestServer:
    """One aiosmtpd Controller on a free port; ``security`` is ``none``, ``starttls`` or ``ssl``."""

    def __init__(self, *, user: tuple[str, str] | None = None, security: str = "none",
                 tls: TlsFiles | None = None) -> None:
        if security != "none" and tls is None:
            raise ValueError("TLS needs certificate files (make_certificates)")
        self.handler = RecordingHandler()
        self.user = user
        self.security = security
        self.tls = tls
        self.auth_attempts: list[str] = []
        self.port = 0
        self._controller: Controller | None = None

    def _authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str,
                      auth_data: Any) -> AuthResult:
        if not isinstance(auth_data, LoginPassword) or self.user is None:
            return AuthResult(success=False, handled=False)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.auth_attempts.append(login)
        if (login, password) == self.user:
            return AuthResult(success=True)
        # handled=False makes aiosmtpd answer 535; with True it would stay silent.
        return AuthResult(success=False, handled=False)

    def start(self) -> SmtpTestServer:
        kwargs: dict[str, Any] = {}
        if self.user is not None:
            kwargs.update(authenticator=self._authenticate, auth_require_tls=self.security != "none")
        if self.security == "starttls":
            assert self.tls is not None
            kwargs.update(tls_context=self.tls.server_context(), require_starttls=True)
        elif self.security == "ssl":
            assert self.tls is not None
            kwargs.update(ssl_context=self.tls.server_context())
        last_error: Exception | None = None
        for _attempt in range(5):  # another process may take the free port before we bind it
            self.port = free_port()
            controller = Controller(self.handler, hostname=HOST, port=self.port, **kwargs)
            try:
                controller.start()
            except (OSError, TimeoutError) as err:
                last_error = err
                controller.stop(no_assert=True)
                continue
            self._controller = controller
            return self
        raise RuntimeError(f"cannot start the test SMTP server: {last_error}")

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @classmethod
    @contextmanager
    def running(cls, **kwargs: Any) -> Iterator[SmtpTestServer]:
        server = cls(**kwargs).start()
        try:
            yield server
        finally:
            server.stop()

    # -- conveniences --

    @property
    def messages(self) -> list[EmailMessage]:
        return self.handler.messages

    @property
    def accepted(self) -> list[ReceivedMail]:
        return self.handler.accepted

    @property
    def received(self) -> list[ReceivedMail]:
        return self.handler.received

    def behave(self, behaviour: Behaviour, *, only_for: str | None = None, hang_seconds: float = 3.0) -> None:
        self.handler.behaviour = behaviour
        self.handler.only_for = only_for
        self.handler.hang_seconds = hang_seconds

    def settings(self, **changes: Any) -> SmtpSettings:
        values: dict[str, Any] = {"host": HOST, "port": self.port, "security": self.security,
                                  "username": self.user[0] if self.user else "", "timeout_seconds": 5.0}
        values.update(changes)
        return SmtpSettings(**values)
