"""What one organization row of a run needs before it is prepared, decided from data already read
(no write): nothing (sent, sending, uncertain), its failure again (nothing changed since it failed
for good), its stored mail as it is, or a new composing. A part of the run is decided first, then
the PDFs and printed periods of the rows to compose are read together (``preparation.prepare_run``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from oroshi_desktop.db.models import InvoiceSupplierOrganization, OutboxMessage, SupplierOrganization
from oroshi_desktop.errors import BrokenReference, UserError
from oroshi_desktop.mail.outbox.row_inputs import RunContext, row_fingerprint
from oroshi_desktop.mail.outbox.states import (
    FAILED,
    PENDING,
    PERMANENT,
    SENT,
    UNCERTAIN,
    is_claimable,
    organization_of,
)


@dataclass(frozen=True)
class Decision:
    """What one organization row needs, decided from data already read (no write)."""

    action: str  # "missing", "skip", "deliverable", "blocked" or "prepare"
    organization: SupplierOrganization | None = None
    error: BrokenReference | None = None
    generation: int = 0
    reuse: bool = False
    fingerprint: str = ""


def decide(session: Session, context: RunContext, iso: InvoiceSupplierOrganization, current: OutboxMessage | None,
           *, resend: bool, generation_error: UserError | None) -> Decision:
    try:
        organization = organization_of(session, iso)
    except BrokenReference as err:
        return Decision("missing", error=err)
    if current is None:
        if iso.sent_at is not None and not resend:
            return Decision("skip")  # sent before the outbox existed (by the web system)
        generation, reuse = 1, False
    elif current.state in (PENDING, FAILED):
        generation, reuse = current.generation, True
    elif resend and current.state in (SENT, UNCERTAIN):
        generation, reuse = current.generation + 1, False
    else:
        return Decision("skip")  # sent; or sending (its worker decides); or uncertain (a person decides)
    fingerprint = row_fingerprint(session, context, iso, organization)
    unchanged = reuse and current is not None and current.input_fingerprint == fingerprint
    action = "prepare"
    if unchanged and current is not None and current.messages and is_claimable(current) and generation_error is None:
        action = "deliverable"  # composed from exactly this data already
    elif unchanged and current is not None and current.failure_kind == PERMANENT and not resend:
        action = "blocked"  # nothing changed since it failed for good: the same reason stands, no new attempt
    return Decision(action, organization, None, generation, reuse, fingerprint)


def needs_documents(context: RunContext, iso: InvoiceSupplierOrganization, decision: Decision,
                    generation_error: UserError | None) -> bool:
    """Whether preparing the row reads its PDFs and printed period (``freeze_row`` refuses the
    others before that)."""
    return (decision.action == "prepare" and generation_error is None and context.company_error is None
            and bool(iso.completed))
