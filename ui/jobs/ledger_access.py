"""Reading the job ledger's table directly, for lists and counts the ``Ledger`` class does not offer.

The ``Ledger``'s own engine starts every transaction with ``BEGIN IMMEDIATE`` (right for its
writes), which would make each poll of the job centre take the write lock for the length of a
read and hold up the workers. Reads here go through a second engine on the same file whose
statements run without an explicit transaction: in WAL mode a reader never blocks a writer.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from oroshi_desktop.ledger import Ledger

_engines: dict[int, tuple[Ledger, Engine]] = {}
_lock = threading.Lock()


def _read_engine(ledger: Ledger) -> Engine:
    with _lock:
        known = _engines.get(id(ledger))
        if known is not None and known[0] is ledger:
            return known[1]
        engine = create_engine(ledger.engine.url)

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # no BEGIN: each statement reads a consistent snapshot
            dbapi_connection.execute("PRAGMA busy_timeout=30000")

        _engines[id(ledger)] = (ledger, engine)
        return engine


def ledger_session(ledger: Ledger) -> Session:
    """A read-only session on the ledger's database (local SQLite today, the app database later)."""
    return Session(_read_engine(ledger))


def forget(ledger: Ledger) -> None:
    """Close the read engine of a ledger that is being disposed."""
    with _lock:
        known = _engines.pop(id(ledger), None)
    if known is not None:
        known[1].dispose()
