"""The send loop's database work: one held connection, on its own thread, overlapped with the SMTP envelope.

A row's claim must be committed before its DATA, not before its MAIL FROM and RCPT TO: those only
open a mail transaction that a RSET (or a dropped connection) discards without a trace. So while
the database thread commits "previous row sent + this row claimed" (on SQLite with
``synchronous=FULL``, a disk sync), the sending thread already gives the server this row's
envelope, read for the whole batch up front; it waits for the commit only right before DATA. When
the claim is lost, the row cannot be sent now, or its envelope changed meanwhile, the transaction is
reset and nothing is sent; the row then goes the ordinary way (skipped, failed, or sent with the
envelope read under its claim).

Every claim is still committed before its DATA and only one row is claimed at a time, so a worker
killed at any moment leaves at most one row ``sending`` (ARCHITECTURE.md §5, decision in
docs/decisions.md "The send loop overlapped").
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, select
from sqlalchemy import exc as sa_exc

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import OutboxMessage
from oroshi_desktop.mail.outbox.states import claimable_condition

T = TypeVar("T")

# At most this many ids in one IN list (SQLite's default limit on host parameters is far higher).
_CHUNK = 500

Envelope = tuple[str, list[str]]

_SYNCHRONOUS = {"FULL": "PRAGMA synchronous=FULL", "NORMAL": "PRAGMA synchronous=NORMAL"}


class _WaitingSender(Protocol):
    def __call__(self, sender: str, recipients: list[str], data: Callable[[], bytes | None]) -> bool: ...


def envelope_of(recipients: dict[str, Any] | None) -> Envelope:
    """The SMTP envelope an outbox row's stored recipients give: MAIL FROM and the RCPT TO list."""
    recipients = recipients or {}
    return (str(recipients.get("from") or ""),
            [str(address) for address in (*recipients.get("to", []), *recipients.get("cc", []))])


def _claimable(db: Database, row_ids: list[int], column: Any) -> Iterator[tuple[int, Any]]:
    """(id, ``column``) of every row that can be claimed now, in a query per 500 rows."""
    with db.engine.connect() as connection:
        for start in range(0, len(row_ids), _CHUNK):
            found = connection.execute(select(OutboxMessage.id, column)
                                       .where(OutboxMessage.id.in_(row_ids[start:start + _CHUNK]),
                                              claimable_condition()))
            yield from ((row[0], row[1]) for row in found)


def read_envelopes(db: Database, row_ids: list[int]) -> dict[int, Envelope]:
    """The envelope of every row that can be claimed now (a hint only: the claim's own read
    decides). A row another worker has, or already sent, is left out: the server is not given an
    envelope for a row that would only be reset."""
    return {row_id: envelope_of(recipients) for row_id, recipients in _claimable(db, row_ids, OutboxMessage.recipients)}


def read_references(db: Database, row_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The stored-message references of the rows that can be claimed now: on PostgreSQL the claim
    reads those messages in its first round trip (a hint only: used when the references read under
    the claim are the same, and the bytes are checked against their SHA-256 as always)."""
    return {row_id: messages for row_id, messages in _claimable(db, row_ids, OutboxMessage.messages) if messages}


class HeldConnection:
    """One connection kept for a batch's claims and ``sent`` records, replaced after any failure.

    A connection per mail from the pool cost PostgreSQL two extra round trips per transaction
    (the pre-ping, and the rollback when it goes back to the pool). Outside its transactions the
    connection holds no lock (SQLite's writes still start with ``BEGIN IMMEDIATE``).

    On SQLite these transactions commit with ``synchronous=FULL`` (the rest of the app keeps
    NORMAL): a claim must survive a power cut once DATA may follow it. Under NORMAL a WAL commit
    can roll back after a power loss, the row would be ``pending`` again and the next check would
    send it a second time (decision 92).
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._connection: Connection | None = None

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        try:
            if self._connection is None:
                self._connection = self.db.engine.connect()
                self._synchronous("FULL")
            with self._connection.begin():
                yield self._connection
        except BaseException:
            self.close()  # whatever went wrong, the next transaction starts on a fresh connection
            raise

    def _synchronous(self, level: str) -> None:
        # On the driver's connection: through SQLAlchemy the PRAGMA would begin a transaction,
        # inside which SQLite refuses to change it. PRAGMA takes no parameters: one fixed statement per level.
        driver = self._connection.connection.driver_connection if self._connection is not None else None
        if self.db.dialect == "sqlite" and driver is not None:
            driver.execute(_SYNCHRONOUS[level])

    def close(self) -> None:
        if self._connection is not None:
            with suppress(sa_exc.SQLAlchemyError, sqlite3.Error):
                self._synchronous("NORMAL")  # back to the pool as the other connections are
                self._connection.close()
            self._connection = None


class Overlap:
    """One database thread for a batch, and the overlapped first part of each row."""

    def __init__(self, send: _WaitingSender | None, envelopes: dict[int, Envelope],
                 references: dict[int, list[dict[str, Any]]] | None = None) -> None:
        self._send = send
        self._envelopes = envelopes
        self.references = references or {}
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outbox-db")

    @classmethod
    def start(cls, db: Database, row_ids: list[int], transport: object) -> Overlap:
        send = getattr(transport, "send_raw_when_ready", None)
        # Only PostgreSQL gains by the references (a round trip less a row); SQLite has no round trips.
        return cls(send, read_envelopes(db, row_ids) if send is not None and row_ids else {},
                   read_references(db, row_ids) if db.dialect == "postgresql" and row_ids else {})

    def submit(self, work: Callable[..., T], *args: Any) -> Future[T]:
        return self._thread.submit(work, *args)

    def run(self, work: Callable[[], T]) -> T:
        return self._thread.submit(work).result()

    def stop(self) -> None:
        self._thread.shutdown(wait=True)

    def first_part(self, row_id: int, claiming: Future[T],
                   payload: Callable[[T, Envelope], bytes | None]) -> Callable[[], None] | None:
        """Give the server the row's envelope while ``claiming`` commits, then DATA with
        ``payload(claimed, envelope)`` (None: reset, nothing sent).

        Returns what stands for sending the row's first part: a callable that returns when the
        server took it or raises the attempt's error; None when nothing was sent (send it the
        ordinary way, if at all)."""
        envelope = self._envelopes.get(row_id)
        if self._send is None or envelope is None or not envelope[0] or not envelope[1]:
            return None
        try:
            took = self._send(envelope[0], envelope[1], lambda: payload(claiming.result(), envelope))
        except BaseException as err:  # raised again where the row's outcome is recorded
            error = err

            def failed() -> None:
                raise error

            return failed
        return (lambda: None) if took else None
