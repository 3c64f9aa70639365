"""Reading the job ledger's table directly, for lists and counts the ``Ledger`` class does not offer."""

from __future__ import annotations

from sqlalchemy.orm import Session

from oroshi_desktop.ledger import Ledger


def ledger_session(ledger: Ledger) -> Session:
    """A read session on the ledger's database (local SQLite today, the app database later)."""
    return Session(ledger.engine)
