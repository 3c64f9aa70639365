"""One message from the bounce mailbox, read: a bounce, a delay, an auto-reply or unrelated mail.

RFC 3464 delivery status notifications (``multipart/report; report-type=delivery-status``) are
read with the standard library: every recipient block with its action, status and diagnostic.
The non-standard formats of large providers (qmail, old Exchange, plain-text reports) are left to
flufl.bounce, which knows them; the status code is then looked for in the text (``#5.1.1``).
The original Message-ID comes from the returned message or headers, or from ``In-Reply-To``,
``References`` and ``X-Original-Message-ID``; a plain-text bounce that quotes the original mail
has it in the quote.
"""

from __future__ import annotations

import email
import email.errors
import email.header
import email.policy
import email.utils
import re
from dataclasses import dataclass
from email.message import Message
from enum import StrEnum

# Bigger than any statement mail returned whole (PDFs of a large organization, a few MB): a message
# above it is not read at all (``mailbox`` checks the size before fetching).
MAX_NOTIFICATION_BYTES = 20 * 1024 * 1024


class Verdict(StrEnum):
    BOUNCE = "bounce"  # a permanent failure: the row becomes 不達
    DELAY = "delay"  # 4.x.x "still trying": recorded, the row stays as it is
    AUTO_REPLY = "auto_reply"  # out of office and other automatic answers: not a bounce
    UNRELATED = "unrelated"  # anything else: left exactly as it was
    MALFORMED = "malformed"  # cannot be read (too big, broken): reported, left as it was


@dataclass(frozen=True)
class RecipientFailure:
    address: str
    status: str  # "5.1.1", or "" when the report gives none
    diagnostic: str
    permanent: bool


@dataclass(frozen=True)
class Notification:
    verdict: Verdict
    failures: tuple[RecipientFailure, ...] = ()
    original_message_ids: tuple[str, ...] = ()
    subject: str = ""
    reason: str = ""  # why a message is malformed

    @property
    def permanent(self) -> tuple[RecipientFailure, ...]:
        return tuple(f for f in self.failures if f.permanent)

    @property
    def temporary(self) -> tuple[RecipientFailure, ...]:
        return tuple(f for f in self.failures if not f.permanent)


_MESSAGE_ID = re.compile(r"<[^<>\s]+@[^<>\s]+>")
_QUOTED_MESSAGE_ID = re.compile(r"(?im)^\s*>?\s*Message-ID:\s*(<[^<>\s]+@[^<>\s]+>)")
_STATUS = re.compile(r"(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])")
_AUTO_SUBJECT = re.compile(r"(?i)^\s*(auto(matic)?[ -]?reply|out of (the )?office|autoreply|不在|自動(応答|返信))")


def _text(value: object) -> str:
    return " ".join(str(value or "").split())


def _address(field: str) -> str:
    """``rfc822; a@b`` → ``a@b`` (the address type is dropped)."""
    _kind, _sep, address = field.partition(";")
    address = (address if _sep else field).strip().strip("<>").strip()
    return address


def _delivery_status_blocks(part: Message) -> list[Message]:
    """The per-message and per-recipient field blocks of a ``message/delivery-status`` part."""
    payload = part.get_payload()
    if isinstance(payload, list):  # the email package parses the blocks as messages
        return [block for block in payload if isinstance(block, Message)]
    text = payload if isinstance(payload, str) else ""
    blocks = re.split(r"\r?\n\s*\r?\n", text.strip())
    return [email.message_from_string(block, policy=email.policy.compat32) for block in blocks if block.strip()]


def _report_failures(message: Message) -> list[RecipientFailure] | None:
    """Recipients a RFC 3464 report says failed or were delayed, or None without such a part."""
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        failures = []
        for block in _delivery_status_blocks(part):
            recipient = block.get("Final-Recipient") or block.get("Original-Recipient")
            action = _text(block.get("Action")).lower()
            if not recipient or action not in ("failed", "delayed"):
                continue
            status_match = _STATUS.search(_text(block.get("Status")))
            status = ".".join(status_match.groups()) if status_match else ""
            permanent = action == "failed" and not status.startswith("4")
            failures.append(RecipientFailure(address=_address(str(recipient)), status=status,
                                             diagnostic=_text(block.get("Diagnostic-Code")).partition(";")[2].strip()
                                             or _text(block.get("Diagnostic-Code")),
                                             permanent=permanent))
        return failures
    return None


def _body_text(message: Message) -> str:
    chunks = []
    for part in message.walk():
        if part.get_content_maintype() == "text":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = part.get_content_charset() or "utf-8"
                try:
                    chunks.append(payload.decode(charset, errors="replace"))
                except LookupError:
                    chunks.append(payload.decode("utf-8", errors="replace"))
    return "\n".join(chunks)


def _near(text: str, address: str) -> tuple[str, str]:
    """The status code and a diagnostic line next to ``address`` in a plain-text bounce."""
    index = text.lower().find(address.lower())
    window = text[index:index + 600] if index >= 0 else text
    status_match = _STATUS.search(window) or _STATUS.search(text)
    status = ".".join(status_match.groups()) if status_match else ""
    lines = [line.strip() for line in window.splitlines()[1:] if line.strip()]
    return status, (lines[0] if lines else "")[:500]


def _library_failures(message: Message) -> list[RecipientFailure]:
    from flufl.bounce import all_failures

    temporary, permanent = all_failures(message)
    text = _body_text(message)
    failures = []
    for addresses, is_permanent in ((permanent, True), (temporary, False)):
        for raw in sorted(addresses):
            address = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
            status, diagnostic = _near(text, address)
            failures.append(RecipientFailure(address=address, status=status, diagnostic=diagnostic,
                                             permanent=is_permanent and not status.startswith("4")))
    return failures


def _original_message_ids(message: Message) -> tuple[str, ...]:
    found: list[str] = []

    def add(values: object) -> None:
        for mid in _MESSAGE_ID.findall(str(values or "")):
            if mid not in found:
                found.append(mid)

    for part in message.walk():
        content_type = part.get_content_type()
        if content_type == "message/rfc822":
            inner = part.get_payload()
            for original in inner if isinstance(inner, list) else [inner]:
                if isinstance(original, Message):
                    add(original.get("Message-ID"))
        elif content_type == "text/rfc822-headers":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                headers = email.message_from_bytes(payload, policy=email.policy.compat32)
                add(headers.get("Message-ID"))
    for name in ("X-Original-Message-ID", "In-Reply-To", "References"):
        add(message.get(name))
    if not found:  # a plain-text bounce quoting the original mail
        for mid in _QUOTED_MESSAGE_ID.findall(_body_text(message)):
            add(mid)
    return tuple(found)


def _is_auto_reply(message: Message) -> bool:
    auto = _text(message.get("Auto-Submitted")).lower()
    if auto.startswith("auto-replied") or auto.startswith("auto-generated"):
        return True
    if message.get("X-Autoreply") or message.get("X-Autorespond") or message.get("X-Auto-Response-Suppress"):
        return True
    if _text(message.get("Precedence")).lower() in ("auto_reply", "bulk", "junk"):
        return True
    return bool(_AUTO_SUBJECT.match(_text(message.get("Subject"))))


def read_notification(data: bytes) -> Notification:
    """What one message from the bounce mailbox is; never raises for a message's content."""
    if len(data) > MAX_NOTIFICATION_BYTES:
        return Notification(Verdict.MALFORMED, reason=f"larger than {MAX_NOTIFICATION_BYTES // (1024 * 1024)} MB")
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
    except Exception as err:  # the parser is lenient; this is a last guard for a hostile message
        return Notification(Verdict.MALFORMED, reason=f"unreadable ({type(err).__name__})")
    if not message.keys():
        return Notification(Verdict.MALFORMED, reason="no mail headers")
    subject = _text(_decoded_subject(message))
    try:
        failures = _report_failures(message)
        if failures is None:
            if _is_auto_reply(message):
                return Notification(Verdict.AUTO_REPLY, subject=subject)
            failures = _library_failures(message)
        ids = _original_message_ids(message)
    except Exception as err:  # a broken MIME structure in one message must not stop the check
        return Notification(Verdict.MALFORMED, subject=subject, reason=f"unreadable ({type(err).__name__})")
    if not failures:
        return Notification(Verdict.UNRELATED, subject=subject, original_message_ids=ids)
    verdict = Verdict.BOUNCE if any(f.permanent for f in failures) else Verdict.DELAY
    return Notification(verdict, failures=tuple(failures), original_message_ids=ids, subject=subject)


def _decoded_subject(message: Message) -> str:
    raw = message.get("Subject")
    if raw is None:
        return ""
    try:
        return str(email.header.make_header(email.header.decode_header(str(raw))))
    except (email.errors.HeaderParseError, LookupError, UnicodeDecodeError):
        return str(raw)


__all__ = ["MAX_NOTIFICATION_BYTES", "Notification", "RecipientFailure", "Verdict", "read_notification"]
