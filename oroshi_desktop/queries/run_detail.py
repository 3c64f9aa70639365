"""One statement run's detail for the window: per organization its PDFs, passwords and mails.

The list (``statement_runs``) reads many runs a page at a time; this reads one run whole, when the
clerk selects it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import (
    InvoiceSupplierOrganization,
    OutboxEvent,
    OutboxMessage,
    StoredDocument,
    SupplierOrganization,
)
from oroshi_desktop.db.models.app import OUTBOX_EVENT_KINDS
from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE
from oroshi_desktop.errors import NotFound
from oroshi_desktop.labels import OutboxState
from oroshi_desktop.queries.statement_runs import RunRow, run_rows


@dataclass(frozen=True)
class StatementFile:
    document_id: int
    kind: str           # organization | supplier
    filename: str
    version: int
    password: str | None


@dataclass(frozen=True)
class Bounce:
    """不達: which address, why (status code and the server's words) and when the notice came."""

    address: str
    status: str
    diagnostic: str
    at: datetime


@dataclass(frozen=True)
class OutboxAttempt:
    """One generation of an organization's mail (older ones are the history)."""

    id: int
    generation: int
    state: str
    attempts: int
    to: tuple[str, ...]
    cc: tuple[str, ...]
    sent_at: datetime | None
    last_error_ja: str
    created_at: datetime
    last_error: str = ""  # the same reason in English, for the window in English
    bounce: Bounce | None = None  # the newest bounce notification of this send

    def error_in(self, language: str) -> str:
        return (self.last_error or self.last_error_ja) if language == "en" else self.last_error_ja


@dataclass(frozen=True)
class OrganizationPart:
    iso_id: int
    organization_id: int
    name: str
    email: str
    completed: bool
    sent_at: datetime | None
    files: tuple[StatementFile, ...]
    history: tuple[OutboxAttempt, ...]  # newest first

    @property
    def outbox(self) -> OutboxAttempt | None:
        return self.history[0] if self.history else None


@dataclass(frozen=True)
class RunDetail:
    row: RunRow
    parts: tuple[OrganizationPart, ...] = field(default=())

    @property
    def anything_sent(self) -> bool:
        """A mail may have gone out (sent, being sent, or unknown): the run can no longer be deleted."""
        return self.row.sent_at is not None or any(
            part.sent_at is not None or any(a.state in (OutboxState.SENT, OutboxState.SENDING, OutboxState.UNCERTAIN) for a in part.history)
            for part in self.parts)


def run_detail(session: Session, invoice_id: int) -> RunDetail:
    rows = run_rows(session, [invoice_id])
    if invoice_id not in rows:
        raise NotFound(f"statement run {invoice_id} does not exist", f"支払明細書 {invoice_id} が見つかりません")
    isos = session.execute(
        select(InvoiceSupplierOrganization, SupplierOrganization.entity_name, SupplierOrganization.email)
        .join(SupplierOrganization, SupplierOrganization.id == InvoiceSupplierOrganization.supplier_organization_id)
        .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
        .order_by(InvoiceSupplierOrganization.id)).all()
    iso_ids = [iso.id for iso, _name, _email in isos]
    documents: dict[int, dict[str, tuple[int, str, int]]] = {}
    for doc_id, owner_id, kind, filename, version in session.execute(
            select(StoredDocument.id, StoredDocument.owner_id, StoredDocument.kind, StoredDocument.filename,
                   StoredDocument.version)
            .where(StoredDocument.owner_type == STATEMENT_OWNER_TYPE, StoredDocument.owner_id.in_(iso_ids))
            .order_by(StoredDocument.version)):
        documents.setdefault(owner_id, {})[kind] = (doc_id, filename, version)  # the newest version wins
    history: dict[int, list[OutboxAttempt]] = {}
    sends = session.scalars(select(OutboxMessage)
                            .where(OutboxMessage.invoice_supplier_organization_id.in_(iso_ids))
                            .order_by(OutboxMessage.generation.desc())
                            .execution_options(populate_existing=True)).all()
    bounces = latest_bounces(session, [row.id for row in sends])
    for row in sends:
        recipients = row.recipients or {}
        event = bounces.get(row.id)
        history.setdefault(row.invoice_supplier_organization_id, []).append(OutboxAttempt(
            id=row.id, generation=row.generation, state=row.state, attempts=row.attempts,
            to=tuple(recipients.get("to") or ()), cc=tuple(recipients.get("cc") or ()), sent_at=row.sent_at,
            last_error_ja=row.last_error_ja or row.last_error or "", created_at=row.created_at,
            last_error=row.last_error or "",
            bounce=Bounce(event.address, event.status, event.diagnostic, event.created_at) if event else None))
    parts = []
    for iso, name, email in isos:
        passwords = iso.passwords or {}
        files = tuple(
            StatementFile(document_id=doc_id, kind=kind, filename=filename, version=version,
                          password=passwords.get(str(doc_id)))
            for kind, (doc_id, filename, version) in sorted(documents.get(iso.id, {}).items(),
                                                            key=lambda item: item[0] != "organization"))
        parts.append(OrganizationPart(iso_id=iso.id, organization_id=iso.supplier_organization_id, name=name,
                                      email=email or "", completed=bool(iso.completed), sent_at=iso.sent_at,
                                      files=files, history=tuple(history.get(iso.id, ()))))
    return RunDetail(row=rows[invoice_id], parts=tuple(parts))


def latest_bounces(session: Session, outbox_ids: list[int]) -> dict[int, OutboxEvent]:
    """The newest bounce of each of these rows (the statement detail's 不達 line)."""
    found: dict[int, OutboxEvent] = {}
    if not outbox_ids:
        return found
    for event in session.scalars(select(OutboxEvent).where(OutboxEvent.outbox_id.in_(outbox_ids),
                                                           OutboxEvent.kind == OUTBOX_EVENT_KINDS[0])
                                 .order_by(OutboxEvent.id)):
        found[event.outbox_id] = event
    return found
