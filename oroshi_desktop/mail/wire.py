"""What goes on the wire for one mail: its envelope, its DATA bytes, and the TLS context.

Kept apart from the SMTP dialogue (``transport.py``) because these are pure functions of the
message or the settings: the tests and the mail preview use them without a server.
"""

from __future__ import annotations

import copy
import email.utils
import io
import re
import ssl
from email.generator import BytesGenerator
from email.message import EmailMessage
from typing import Any


def tls_context(settings: Any) -> ssl.SSLContext:
    """The system's trusted certificates, plus the one the office chose to trust for its own mail
    server (a self-signed certificate or an in-house CA: ``smtp.trusted_certificate``). The server's
    certificate and name are always verified; nothing replaces the system bundle for the process."""
    context = ssl.create_default_context()
    extra = getattr(settings, "trusted_certificate", "")
    if extra:
        context.load_verify_locations(cafile=extra)
    return context


def envelope_of(message: EmailMessage) -> tuple[str, list[str]]:
    """Envelope sender and recipients from the From, To, Cc and Bcc headers."""
    from_values = message.get_all("Sender") or message.get_all("From") or []
    senders = [addr for _name, addr in email.utils.getaddresses([str(v) for v in from_values]) if addr]
    if not senders:
        raise ValueError("the message has no From address")
    fields = [str(v) for name in ("To", "Cc", "Bcc") for v in (message.get_all(name) or [])]
    recipients: list[str] = []
    for _name, addr in email.utils.getaddresses(fields):
        if addr and addr.lower() not in {r.lower() for r in recipients}:
            recipients.append(addr)
    if not recipients:
        raise ValueError("the message has no recipient")
    return senders[0], recipients


def flatten(message: EmailMessage) -> bytes:
    """The message as sent on the wire: CRLF line ends, without Bcc."""
    if "Bcc" in message:
        message = copy.copy(message)
        del message["Bcc"]
    buffer = io.BytesIO()
    BytesGenerator(buffer).flatten(message, linesep="\r\n")
    return buffer.getvalue()


_LEADING_DOT = re.compile(rb"(?m)^\.")


def dot_stuffed(data: bytes) -> bytes:
    """RFC 5321 §4.5.2 transparency, plus the terminating ``CRLF . CRLF``."""
    data = _LEADING_DOT.sub(b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"
