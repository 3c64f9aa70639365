"""The CLI's plausibility warning: statement lines above the ``plausible_line_amount`` setting are
printed to standard error after the command did its work. It never blocks (exit code unchanged);
the same lines are listed among the new-statement dialog's warnings (``plan_warnings``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from oroshi_desktop.config import Settings
from oroshi_desktop.domain.formats import yen
from oroshi_desktop.errors import UserError

SHOWN = 5  # lines named per organization; the count says the rest


def warn_implausible(database: Any, settings: Settings, organization_ids: Sequence[int], start: date,
                     end: date) -> int:
    """Print one warning line per organization with lines above the limit; returns how many printed."""
    from oroshi_desktop.db.models import SupplierOrganization
    from oroshi_desktop.queries.run_planning import implausible_lines

    limit = settings.plausible_line_amount
    printed = 0
    with database.read() as session:
        names = dict(session.execute(select(SupplierOrganization.id, SupplierOrganization.entity_name)
                                     .where(SupplierOrganization.id.in_(list(organization_ids)))).all())
        for organization_id in organization_ids:
            try:
                lines = implausible_lines(session, organization_id, start, end, limit)
            except UserError:
                continue  # such an organization was refused with its own line already
            if not lines:
                continue
            named = "; ".join(f"{line.date:%Y-%m-%d} {line.variation_name} {yen(line.amount)} yen"
                              for line in lines[:SHOWN])
            more = f"; and {len(lines) - SHOWN} more" if len(lines) > SHOWN else ""
            # repr() of the name: a newline in a record's name cannot start a second output line.
            print(f"warning: organization {names.get(organization_id, '')!r} (id {organization_id}): "
                  f"{len(lines)} statement line(s) above the plausible amount of {limit:,} yen "
                  f"(setting plausible_line_amount; a typing slip?): {named}{more}", file=sys.stderr)
            printed += 1
    return printed


def warn_run_implausible(database: Any, settings: Settings, invoice_id: int,
                         organization_ids: Sequence[int] | None = None) -> int:
    """``warn_implausible`` over a statement run's period (its organizations, or ``organization_ids``)."""
    from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization

    with database.read() as session:
        invoice = session.get(Invoice, invoice_id)
        if invoice is None or invoice.start_date is None or invoice.end_date is None:
            return 0
        start, end = invoice.start_date, invoice.end_date
        if organization_ids is None:
            organization_ids = list(session.scalars(
                select(InvoiceSupplierOrganization.supplier_organization_id)
                .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                .order_by(InvoiceSupplierOrganization.id)))
    return warn_implausible(database, settings, organization_ids, start, end)
