"""A statement mail's identity: its Message-ID, made once per outbox row (every retry sends the
same one), and the password mail's, derived from it (the bounce check maps one back to the other)."""

from __future__ import annotations

import uuid

__all__ = ["message_domain", "new_message_id", "password_message_id"]

_FALLBACK_DOMAIN = "oroshi-desktop.invalid"


def message_domain(address: str) -> str:
    domain = address.rpartition("@")[2].strip().strip(">")
    return domain or _FALLBACK_DOMAIN


def new_message_id(sender: str) -> str:
    """A globally unique Message-ID (random UUID at the sender's domain); the outbox stores it with
    the row before any connection, so every retry of the row sends the same ID. Row numbers are not
    unique across databases, so they are not used."""
    return f"<{uuid.uuid4().hex}.oroshi@{message_domain(sender)}>"


def password_message_id(message_id: str) -> str:
    """Message-ID of the separate password mail, derived from the statement mail's."""
    local, at, domain = message_id.strip("<>").partition("@")
    return f"<{local}-pw{at}{domain}>"
