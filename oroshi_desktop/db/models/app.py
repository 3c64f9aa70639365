"""The app's own tables in the shared database (prefix ``oroshi_desktop_``).

These are the only tables the app ever creates on a database the web system already owns.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, Index, Integer, LargeBinary, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from oroshi_desktop.db.models.base import Base, BigId, IdMixin
from oroshi_desktop.db.types import AwareDateTime, ErrorText, JsonB, utcnow
from oroshi_desktop.labels import JobState, OutboxState

APP_TABLE_PREFIX = "oroshi_desktop_"
AMOUNT_DIGITS = 30  # archive amounts: NUMERIC(30, 2), 28 digits before the point (revision 0007)


class StoredDocument(IdMixin, Base):
    """A generated PDF, stored byte for byte and never overwritten; regenerating adds a version."""

    __tablename__ = "oroshi_desktop_documents"
    __table_args__ = (
        UniqueConstraint("owner_type", "owner_id", "kind", "version",
                         name="uq_oroshi_desktop_documents_owner_version"),
        Index("ix_oroshi_desktop_documents_owner", "owner_type", "owner_id"),
    )
    owner_type: Mapped[str] = mapped_column(String(64), nullable=False)
    owner_id: Mapped[int] = mapped_column(BigId, nullable=False)
    kind: Mapped[str] = mapped_column(String(64), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    filename: Mapped[str] = mapped_column(String(255), nullable=False)
    content_type: Mapped[str] = mapped_column(String(64), nullable=False, default="application/pdf")
    content: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    byte_size: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow)
    # What the document says, in one digest (revision 0009; ``statement_versions.content_key``): a
    # statement generated again with the same key keeps this version. NULL: stored before 0009, or
    # not a statement.
    content_key: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ArchiveFacts(Base):
    """What a stored statement PDF says (revision 0004): issue date, total, counterparty, taxes.

    Written once when the PDF is stored (never changed after: the supplies a run covers are locked),
    so the archive search (発行日, 金額, 取引先) is one SQL query instead of reloading every run's
    statement. The PDF bytes themselves are never touched.
    """

    __tablename__ = "oroshi_desktop_archive_facts"
    __table_args__ = (
        Index("ix_oroshi_desktop_archive_facts_issued", "issued"),
        Index("ix_oroshi_desktop_archive_facts_amount", "amount"),
    )
    document_id: Mapped[int] = mapped_column(BigId, primary_key=True)  # oroshi_desktop_documents.id
    issued: Mapped[date | None] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(AMOUNT_DIGITS, 2))  # None: the run had no figures
    counterparty: Mapped[str] = mapped_column(Text, nullable=False, default="")
    registration_number: Mapped[str] = mapped_column(Text, nullable=False, default="")
    producers: Mapped[str] = mapped_column(Text, nullable=False, default="")  # one name a line (supplier format)
    taxes: Mapped[list[Any]] = mapped_column(JsonB(), nullable=False, default=list)  # [[rate, base, tax], ...]
    recorded_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow)


class ArchiveChainRecord(Base):
    """One link of the archive's hash chain (revision 0008, 電子帳簿保存法): what a stored statement
    was when it entered the archive (its bytes' SHA-256, the figures the search shows, when it was
    stored), hashed together with the link before it. Appended only; ``seq`` runs 1, 2, 3 … with
    no gap, so a deleted or inserted link shows, and a changed one breaks every hash after it."""

    __tablename__ = "oroshi_desktop_archive_chain"
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=False)
    document_id: Mapped[int] = mapped_column(BigId, nullable=False, unique=True)
    payload: Mapped[str] = mapped_column(Text, nullable=False)  # canonical JSON of what is chained
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    record_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    chained_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow)


class OutboxMessage(IdMixin, Base):
    """One statement mail per (run, organization, generation); the unique key forbids a twin."""

    __tablename__ = "oroshi_desktop_outbox"
    __table_args__ = (
        UniqueConstraint("invoice_supplier_organization_id", "generation",
                         name="uq_oroshi_desktop_outbox_row_generation"),
        Index("ix_oroshi_desktop_outbox_state", "state"),
    )
    invoice_id: Mapped[int] = mapped_column(BigId, nullable=False)
    invoice_supplier_organization_id: Mapped[int] = mapped_column(BigId, nullable=False)
    supplier_organization_id: Mapped[int] = mapped_column(BigId, nullable=False)
    generation: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    state: Mapped[str] = mapped_column(String(16), nullable=False, default=OutboxState.PENDING)
    message_id: Mapped[str | None] = mapped_column(String(255))
    recipients: Mapped[dict[str, Any] | None] = mapped_column(JsonB())
    documents: Mapped[list[Any] | None] = mapped_column(JsonB())  # [{id, filename, sha256}]
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # With passwords in a separate mail one row sends two messages; a retry skips the ones sent.
    parts_sent: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    claimed_by: Mapped[str | None] = mapped_column(String(255))
    claimed_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    last_error: Mapped[str | None] = mapped_column(ErrorText)
    last_error_ja: Mapped[str | None] = mapped_column(ErrorText)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow,
                                                 onupdate=utcnow)
    # Revision 0002. ``failure_kind``: "permanent" (retrying the same data cannot help: waits for a
    # data change or a person's 再送) or "transient" (the next check tries again).
    failure_kind: Mapped[str | None] = mapped_column(String(16))
    # SHA-256 of everything the row was prepared (or failed) from; a changed value lifts a
    # permanent failure.
    input_fingerprint: Mapped[str | None] = mapped_column(String(64))
    # The composed RFC 5322 messages in the document store: [{id, sha256, byte_size}], sent as is.
    messages: Mapped[list[Any] | None] = mapped_column(JsonB())


# The kinds of an outbox row's history: a bounce (不達), a delay (4.x.x), a resend, 送信済みにする.
OUTBOX_EVENT_KINDS = ("bounced", "delayed", "resent", "marked_sent")


class OutboxEvent(IdMixin, Base):
    """The history of one outbox row after its send (revision 0006): a bounce (不達), a delay, a
    resend or 送信済みにする, with who or what said so. A bounce keeps the notification itself in the
    document store (``document_id``); its SHA-256 and the address make reading it twice a no-op."""

    __tablename__ = "oroshi_desktop_outbox_events"
    __table_args__ = (
        UniqueConstraint("outbox_id", "kind", "notification_sha256", "address",
                         name="uq_oroshi_desktop_outbox_events_notification"),
        Index("ix_oroshi_desktop_outbox_events_outbox", "outbox_id"),
    )
    outbox_id: Mapped[int] = mapped_column(BigId, nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)  # bounced, delayed, resent, marked_sent
    address: Mapped[str] = mapped_column(String(320), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="")  # 5.1.1
    diagnostic: Mapped[str] = mapped_column(Text, nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # The notification (message/rfc822) in the document store, and its SHA-256 ("" for a person's event).
    document_id: Mapped[int | None] = mapped_column(BigId)
    notification_sha256: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow)



class Preference(Base):
    """Shared business settings that every PC must agree on (rounding, password delivery, ...)."""

    __tablename__ = "oroshi_desktop_preferences"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[Any] = mapped_column(JsonB())
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow,
                                                 onupdate=utcnow)


class SupplyTypeTaxRate(Base):
    """Consumption-tax rate per supply type; the Oroshi schema has no such column."""

    __tablename__ = "oroshi_desktop_supply_type_tax_rates"
    supply_type_id: Mapped[int] = mapped_column(BigId, primary_key=True)
    tax_rate: Mapped[Decimal] = mapped_column(Numeric(5, 4), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow,
                                                 onupdate=utcnow)


class JobRow(IdMixin, Base):
    """One job of the ledger (see ``oroshi_desktop.ledger``), in the app database in every mode.

    The id is the database's own sequence, unique for every PC that shares the database; ``token``
    is a random value the queued task carries too, so a task never runs under another row.
    """

    __tablename__ = "oroshi_desktop_jobs"
    __table_args__ = (
        Index("ix_oroshi_desktop_jobs_state_scope", "state", "scope"),
        Index("ix_oroshi_desktop_jobs_requested_by", "requested_by"),
    )
    token: Mapped[str] = mapped_column(String(32), nullable=False)
    kind: Mapped[str] = mapped_column(String(64), nullable=False)
    arguments: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    state: Mapped[str] = mapped_column(String(16), nullable=False, default=JobState.QUEUED)
    message: Mapped[str] = mapped_column(ErrorText, nullable=False, default="")  # in Japanese (older readers, CLI)
    # ``labels.JobMessage`` and its arguments: what the window shows, in the chosen language.
    message_key: Mapped[str | None] = mapped_column(String(64))
    message_args: Mapped[dict[str, str] | None] = mapped_column(JsonB())
    output_path: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(BigId)
    error: Mapped[str | None] = mapped_column(ErrorText)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Which queue holds its task: a local queue is one PC's, a shared queue the office's.
    scope: Mapped[str] = mapped_column(String(255), nullable=False)
    requested_by: Mapped[str] = mapped_column(String(255), nullable=False)
    ran_by: Mapped[str | None] = mapped_column(String(255))
    lease_until: Mapped[datetime | None] = mapped_column(AwareDateTime())
    submitted_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(AwareDateTime())
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow,
                                                 onupdate=utcnow)


class QueueFlag(Base):
    """A switch of one queue scope (the paused flag): office-wide for a shared queue, per PC otherwise."""

    __tablename__ = "oroshi_desktop_queue_flags"
    scope: Mapped[str] = mapped_column(String(255), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow,
                                                 onupdate=utcnow)


class ScheduleSlot(IdMixin, Base):
    """One periodic slot claimed by one process: the unique key lets exactly one enqueue per slot."""

    __tablename__ = "oroshi_desktop_schedule_slots"
    __table_args__ = (UniqueConstraint("scope", "task", "slot", name="uq_oroshi_desktop_schedule_slots_slot"),)
    scope: Mapped[str] = mapped_column(String(255), nullable=False)
    task: Mapped[str] = mapped_column(String(64), nullable=False)
    slot: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False)
    claimed_by: Mapped[str] = mapped_column(String(255), nullable=False)
    job_id: Mapped[int | None] = mapped_column(BigId)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime(), nullable=False, default=utcnow)
