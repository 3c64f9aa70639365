"""今日: what a clerk has to do today, read in one go for the home view.

Today's and tomorrow's shipments per carrier, the statement runs due to be mailed by the end of
today, the mails that need a decision, the supplies still without a price before the next run,
and this PC's failed jobs that nothing has settled since. Each part is a small grouped query over
indexed columns, so the whole reads in well under a second on a big database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Connection, and_, exists, func, select

from oroshi_desktop.db import tables as t
from oroshi_desktop.db.engine import Database
from oroshi_desktop.labels import OutboxState, stored_message_text
from oroshi_desktop.ledger import unresolved_failure

# The outbox states that wait for a person's decision (再送 or 送信済みにする). A bounce (不達) is
# another such state: when the outbox gains ``bounced``, add it here and the 今日 view lists it.
# From the labels, not ``mail.outbox``: importing that package loads the composer and the SMTP
# transport, which the window's first view (今日) does not need (issue 20 point 1).
DECISION_STATES: tuple[str, ...] = (OutboxState.UNCERTAIN, OutboxState.FAILED, OutboxState.BOUNCED)  # 要確認, 失敗, 不達
UNPRICED_LOOKBACK = timedelta(days=31)  # with no statement run at all, the last month's supplies
SHOWN_PER_PART = 50  # a part lists at most this many lines; its count says the rest


@dataclass(frozen=True)
class CarrierShipments:
    day: date
    carrier_id: int
    carrier_name: str
    orders: int
    freight_units: int


@dataclass(frozen=True)
class DueRun:
    invoice_id: int
    start: date | None
    end: date | None
    send_at: datetime  # aware, in the business time zone
    organizations: int


@dataclass(frozen=True)
class MailDecision:
    outbox_id: int
    invoice_id: int
    organization_name: str
    state: str


@dataclass(frozen=True)
class UnpricedDay:
    day: date
    supplies: int


@dataclass(frozen=True)
class FailedJob:
    job_id: int
    kind: str
    message: str
    error: str
    finished_at: datetime | None
    message_key: str | None = None
    message_args: dict[str, str] | None = None

    def message_text(self, language: str) -> str:
        """The message in ``language``: by its key, or the stored sentence (``labels.StoredMessage``)."""
        return stored_message_text(self.message_key, self.message_args, self.message, language)


@dataclass(frozen=True)
class Today:
    today: date
    shipments: list[CarrierShipments]
    due_runs: list[DueRun]
    decisions: list[MailDecision]
    decision_count: int
    unpriced: list[UnpricedDay]
    failed_jobs: list[FailedJob]
    failed_job_count: int

    @property
    def unpriced_count(self) -> int:
        return sum(day.supplies for day in self.unpriced)


def day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The business day as an aware UTC interval [start, end)."""
    start = datetime.combine(day, time(), tz)
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


def shipments(conn: Connection, days: tuple[date, ...]) -> list[CarrierShipments]:
    """Orders (not templates) shipping on ``days``, per day and carrier."""
    order, method, carrier = t.orders.c, t.shipping_methods.c, t.shipping_organizations.c
    query = (select(order.shipping_date, carrier.id, carrier.name, func.count(order.id),
                    func.coalesce(func.sum(order.freight_quantity), 0))
             .select_from(t.orders)
             .join(t.shipping_methods, method.id == order.shipping_method_id)
             .join(t.shipping_organizations, carrier.id == method.shipping_organization_id)
             .where(order.shipping_date.in_(days), ~exists().where(t.order_templates.c.order_id == order.id))
             .group_by(order.shipping_date, carrier.id, carrier.name)
             .order_by(order.shipping_date, carrier.name, carrier.id))
    return [CarrierShipments(day, int(cid), name or "", int(count), int(freight))
            for day, cid, name, count, freight in conn.execute(query) if day is not None]


def due_runs(conn: Connection, until: datetime, tz: ZoneInfo) -> list[DueRun]:
    """Runs to be mailed and not yet sent whose send time is before ``until`` (overdue ones too)."""
    run, member = t.invoices.c, t.invoice_organizations.c
    organizations = select(func.count(member.id)).where(member.invoice_id == run.id).scalar_subquery()
    query = (select(run.id, run.start_date, run.end_date, run.send_at, organizations)
             .where(run.send_email.is_(True), run.sent_at.is_(None), run.send_at.is_not(None), run.send_at < until)
             .order_by(run.send_at, run.id))
    return [DueRun(int(run_id), start, end, send_at.replace(tzinfo=UTC).astimezone(tz) if send_at.tzinfo is None
                   else send_at.astimezone(tz), int(count or 0))
            for run_id, start, end, send_at, count in conn.execute(query)]


def _latest_generation() -> ColumnElement[bool]:
    mail, newer = t.outbox.c, t.outbox.alias().c
    return ~exists().where(and_(newer.invoice_supplier_organization_id == mail.invoice_supplier_organization_id,
                                newer.generation > mail.generation))


def mail_decisions(conn: Connection, limit: int = SHOWN_PER_PART) -> tuple[list[MailDecision], int]:
    """The newest generation of each organization's mail in a state that waits for a person."""
    mail, organization = t.outbox.c, t.supplier_organizations.c
    condition = and_(_latest_generation(), mail.state.in_(DECISION_STATES))
    count = conn.scalar(select(func.count(mail.id)).where(condition)) or 0
    query = (select(mail.id, mail.invoice_id, organization.entity_name, mail.state)
             .select_from(t.outbox)
             .join(t.supplier_organizations, organization.id == mail.supplier_organization_id, isouter=True)
             .where(condition).order_by(mail.invoice_id.desc(), mail.id).limit(limit))
    return [MailDecision(int(oid), int(run), name or "", state) for oid, run, name, state in conn.execute(query)], \
        int(count)


def unpriced_since(conn: Connection, today: date) -> date:
    """The first day whose supplies still go into a statement: the earliest unsent run's start, or
    the day after the newest run's end, whichever is earlier."""
    run = t.invoices.c
    unsent_start, last_end = conn.execute(
        select(func.min(run.start_date).filter(run.sent_at.is_(None)), func.max(run.end_date))).one()
    candidates = [d for d in (unsent_start, last_end + timedelta(days=1) if last_end else None) if d is not None]
    return min(candidates) if candidates else today - UNPRICED_LOOKBACK


def unpriced_days(conn: Connection, since: date, today: date) -> list[UnpricedDay]:
    """Supplies delivered (quantity > 0) without a price, per day from ``since`` to ``today``: a
    statement of those days would print ¥0 for them."""
    supply, day = t.supplies.c, t.supply_dates.c
    query = (select(day.date, func.count(supply.id))
             .select_from(t.supplies)
             .join(t.supply_dates, day.id == supply.supply_date_id)
             .where(day.date.between(since, today), supply.quantity > 0, supply.price == 0)
             .group_by(day.date).order_by(day.date))
    return [UnpricedDay(day, int(count)) for day, count in conn.execute(query)]


def failed_jobs(conn: Connection, pc: str, limit: int = SHOWN_PER_PART) -> tuple[list[FailedJob], int]:
    """This PC's failed jobs that no later success settled (``ledger.unresolved_failure``)."""
    job = t.jobs.c
    condition = and_(job.requested_by == pc, unresolved_failure(t.jobs))
    count = conn.scalar(select(func.count(job.id)).where(condition)) or 0
    rows = conn.execute(select(job.id, job.kind, job.message, job.error, job.finished_at, job.message_key,
                                  job.message_args)
                           .where(condition).order_by(job.id.desc()).limit(limit))
    return [FailedJob(int(job_id), kind, message or "", error or "", finished, key, args)
            for job_id, kind, message, error, finished, key, args in rows], int(count)


def load_today(conn: Connection, ledger_conn: Connection | None, *, now: datetime, tz: ZoneInfo, pc: str) -> Today:
    """Everything the 今日 view shows, at ``now`` (aware). The job ledger may live in another
    database (``ledger_conn``); None leaves the failed jobs out (that database is away)."""
    if now.tzinfo is None:
        raise ValueError("load_today needs an aware datetime")
    today = now.astimezone(tz).date()
    _start, end = day_bounds(today, tz)
    decisions, decision_count = mail_decisions(conn)
    jobs, job_count = failed_jobs(ledger_conn, pc) if ledger_conn is not None else ([], 0)
    return Today(today=today, shipments=shipments(conn, (today, today + timedelta(days=1))),
                 due_runs=due_runs(conn, end, tz), decisions=decisions, decision_count=decision_count,
                 unpriced=unpriced_days(conn, unpriced_since(conn, today), today),
                 failed_jobs=jobs, failed_job_count=job_count)


def read_today(database: Database, ledger_database: Database, *, now: datetime, tz: ZoneInfo, pc: str) -> Today:
    """``load_today`` on read connections to the data's database and to the one holding the job ledger
    (the same database in every mode today; apart, so the view never holds a connection). Core
    connections, not sessions: a start paints 今日 without loading the ORM (issue 20 point 1)."""
    with database.read_rows() as conn, ledger_database.read_rows() as ledger_conn:
        return load_today(conn, ledger_conn, now=now, tz=tz, pc=pc)
