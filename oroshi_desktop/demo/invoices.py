"""Demo statement runs (支払明細書の作成分): the sent, printed and scheduled runs of DOMAIN.md §7."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from oroshi_desktop.db.models import (
    Invoice,
    InvoiceLayout,
    InvoiceSupplierOrganization,
    InvoiceSupplyDate,
    SupplyDate,
)
from oroshi_desktop.demo.context import Context, half_months
from oroshi_desktop.demo.supply import OrganizationState
from oroshi_desktop.domain.schedule import default_send_at


@dataclass(frozen=True)
class InvoicePlan:
    start: date
    end: date
    layout: InvoiceLayout
    send_email: bool
    send_at: datetime | None
    sent_at: datetime | None
    organization_ids: tuple[int, ...]
    completed: bool
    created_at: datetime


def plan_invoices(ctx: Context, organizations: list[OrganizationState]) -> list[InvoicePlan]:
    """Sent runs for older half-months (scale > 1), then the three runs of §7 on the last month:

    1st–15th sent (simple layout) to the organizations with e-mail; the same half printed in the
    standard layout without mail for the one organization that has no address; 16th–end scheduled
    for the next Thursday 09:00 for everyone. Every supply of the previous month ends up locked.
    """
    all_ids = tuple(o.id for o in organizations)
    with_mail = tuple(o.id for o in organizations if o.has_email)
    without_mail = tuple(o.id for o in organizations if not o.has_email)
    prev_start, prev_end = ctx.previous_month
    plans = []
    for start, end in half_months(ctx.history_start, prev_start - timedelta(days=1)):
        send_at = default_send_at(ctx.at(end + timedelta(days=1), 0), ctx.tz)
        plans.append(InvoicePlan(start, end, InvoiceLayout.SIMPLE, True, send_at, send_at + timedelta(minutes=3),
                                 all_ids, True, ctx.at(end + timedelta(days=1), 8)))
    first_end = prev_start.replace(day=15)
    # Created at 08:00, before the 09:00 send slot even when the 16th is a Thursday.
    created = ctx.at(first_end + timedelta(days=1), 8)
    sent_send_at = default_send_at(ctx.at(first_end + timedelta(days=1), 0), ctx.tz)
    plans.append(InvoicePlan(prev_start, first_end, InvoiceLayout.SIMPLE, True, sent_send_at,
                             sent_send_at + timedelta(minutes=3), with_mail, True, created))
    if without_mail:
        plans.append(InvoicePlan(prev_start, first_end, InvoiceLayout.STANDARD, False, sent_send_at, None,
                                 without_mail, False, created + timedelta(minutes=5)))
    # End of today, so the scheduled send lies in the future whatever the time of day.
    scheduled = default_send_at(ctx.at(ctx.today, 23, 59), ctx.tz)
    plans.append(InvoicePlan(first_end + timedelta(days=1), prev_end, InvoiceLayout.SIMPLE, True, scheduled, None,
                             all_ids, False, ctx.at(ctx.month_start, 10)))
    return plans


def create_invoices(ctx: Context, plans: list[InvoicePlan]) -> None:
    w = ctx.writer
    inv_table = Invoice.__table__
    org_table, date_table = InvoiceSupplierOrganization.__table__, InvoiceSupplyDate.__table__
    sd = SupplyDate.__table__
    ids = w.reserve_ids(inv_table, len(plans))
    for inv_id, plan in zip(ids, plans, strict=True):
        stamps = {"created_at": plan.created_at, "updated_at": plan.sent_at or plan.created_at}
        w.add(inv_table, {"id": inv_id, "start_date": plan.start, "end_date": plan.end,
                          "invoice_layout": int(plan.layout), "send_email": plan.send_email,
                          "send_at": plan.send_at, "sent_at": plan.sent_at, **stamps})
        for n, org_id in enumerate(plan.organization_ids):
            org_sent = plan.sent_at - timedelta(minutes=2) + timedelta(seconds=n) if plan.sent_at else None
            w.add(org_table, {"invoice_id": inv_id, "supplier_organization_id": org_id,
                              "completed": plan.completed, "passwords": {}, "sent_at": org_sent, **stamps})
        # Every supply date in range when the run was created, including any that were there before.
        for sd_id in w.execute(select(sd.c.id).where(sd.c.date.between(plan.start, plan.end))
                               .order_by(sd.c.date)).scalars():
            w.add(date_table, {"invoice_id": inv_id, "supply_date_id": sd_id, **stamps})
    w.report(inv_table, org_table, date_table)
