"""The outbox rows support looks at (``outbox list``): newest first, with their organization's name."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import OutboxMessage, SupplierOrganization


def recent_outbox_rows(session: Session, *, states: Sequence[str] = (), limit: int = 50,
                       ) -> list[tuple[OutboxMessage, str | None]]:
    """The newest ``limit`` rows (only those in ``states`` when given) and each organization's name
    (``None`` when the organization is gone)."""
    query = (select(OutboxMessage, SupplierOrganization.entity_name)
             .join(SupplierOrganization, SupplierOrganization.id == OutboxMessage.supplier_organization_id,
                   isouter=True)
             .order_by(OutboxMessage.id.desc()).limit(limit))
    if states:
        query = query.where(OutboxMessage.state.in_(states))
    return [(row, name) for row, name in session.execute(query).all()]
