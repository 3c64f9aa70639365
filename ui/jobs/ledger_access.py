"""Read sessions on the job ledger's table, for lists and counts the ``Ledger`` class does not offer.

The ledger lives in the app database in every mode (the embedded SQLite file or the shared
PostgreSQL), so a read is one of that database's read sessions: a deferred transaction on SQLite
(WAL: a reader never blocks a writer), a plain read on PostgreSQL.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from sqlalchemy.orm import Session

from oroshi_desktop.ledger import Ledger


def ledger_session(ledger: Ledger) -> AbstractContextManager[Session]:
    """A read session on the database that holds the ledger."""
    return ledger.db.read()
