"""The five jobs, run by one Huey task, each with a ledger row created when it is enqueued.

The task takes ``(job_id, token)`` only: the kind and the JSON arguments (dates as ISO strings) are
read from the ledger row, the truth, so any machine of the queue can run any job and a failed job
can be re-run from the ledger alone (``Tasks.resubmit``). No argument is ever a password: statement
passwords are made inside the task and stored in the database only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from huey import Huey
from huey.exceptions import RetryTask

from jobs.queue.pause import PAUSE_RETRY_DELAY, PAUSED_MESSAGE, is_paused
from jobs.queue.schedule import cron_in_zone
from jobs.runtime import RetryLater, Runtime
from oroshi_desktop.domain.statement_options import StatementLayout
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.labels import JOB_MESSAGE_LABELS, JobKind, JobMessage, LedgerMessage
from oroshi_desktop.ledger import JobOutput, JobView

log = logging.getLogger(__name__)

STATEMENT, PREVIEW, MAIL, ORDER_DOCUMENT, CHECK_SHEET = (
    JobKind.STATEMENT, JobKind.PREVIEW, JobKind.MAIL, JobKind.ORDER_DOCUMENT, JobKind.CHECK_SHEET)
BOUNCE_CHECK = JobKind.BOUNCE_CHECK  # 不達の確認: the bounce mailbox read (oroshi_desktop.mail.bounces)
ORDER_DOCUMENT_TYPES = ("shipping_chart", "packing_slips", "shipping_list")

MAIL_RETRIES = 3
MAIL_RETRY_DELAY = 30  # seconds; doubled each retry

class JobMessages(NamedTuple):
    """The ledger message of a job kind at each stage (words in ``oroshi_desktop.labels``)."""

    queued: JobMessage  # also while it runs; a check sheet's names its date
    done: JobMessage
    failed: JobMessage


MESSAGES: dict[str, JobMessages] = {
    STATEMENT: JobMessages(JobMessage.STATEMENT_RUNNING, JobMessage.STATEMENT_DONE, JobMessage.STATEMENT_FAILED),
    PREVIEW: JobMessages(JobMessage.PREVIEW_RUNNING, JobMessage.PREVIEW_DONE, JobMessage.PREVIEW_FAILED),
    MAIL: JobMessages(JobMessage.MAIL_RUNNING, JobMessage.MAIL_DONE, JobMessage.MAIL_FAILED),
    ORDER_DOCUMENT: JobMessages(JobMessage.ORDER_DOCUMENT_RUNNING, JobMessage.ORDER_DOCUMENT_DONE,
                                JobMessage.ORDER_DOCUMENT_FAILED),
    CHECK_SHEET: JobMessages(JobMessage.CHECK_SHEET_RUNNING, JobMessage.CHECK_SHEET_DONE,
                             JobMessage.CHECK_SHEET_FAILED),
    BOUNCE_CHECK: JobMessages(JobMessage.BOUNCE_CHECK_RUNNING, JobMessage.BOUNCE_CHECK_DONE,
                              JobMessage.BOUNCE_CHECK_FAILED),
}
MAIL_CHECK_RUNNING = LedgerMessage(JobMessage.MAIL_CHECK_RUNNING)
# A generation done whose period has supplies no statement carries: it names them, with their amount.
STATEMENT_DONE_UNATTRIBUTED = JobMessage.STATEMENT_DONE_UNATTRIBUTED
NOTHING_DUE = LedgerMessage(JobMessage.NOTHING_DUE)


def running_message(kind: str, arguments: dict[str, Any]) -> LedgerMessage:
    key = MESSAGES[kind].queued
    return LedgerMessage(key, {"date": str(arguments.get("date", ""))} if kind == CHECK_SHEET else {})


def _filters(arguments: dict[str, Any]) -> Any:
    from oroshi_desktop.domain.shipping import ShippingFilters

    raw = arguments.get("filters") or {}
    return ShippingFilters(order_category_ids=tuple(raw.get("order_category_ids", ())),
                           buyer_ids=tuple(raw.get("buyer_ids", ())),
                           shipping_method_ids=tuple(raw.get("shipping_method_ids", ())),
                           print_empty_buyers=raw.get("print_empty_buyers", "none"))


def filters_arguments(filters: Any) -> dict[str, Any]:
    """A ShippingFilters as JSON for the ledger."""
    return {"order_category_ids": list(filters.order_category_ids), "buyer_ids": list(filters.buyer_ids),
            "shipping_method_ids": list(filters.shipping_method_ids),
            "print_empty_buyers": filters.print_empty_buyers}


# ---- the work of each job (plain functions: testable without a queue) ---------------------------

Work = Callable[[Runtime, dict[str, Any]], tuple[LedgerMessage, JobOutput | None]]


def work_statement(runtime: Runtime, arguments: dict[str, Any]) -> tuple[LedgerMessage, JobOutput | None]:
    """Generate a run; its summary names the supplies of the period that no statement carries
    (supplier or organization missing), with their amount, whether the run succeeded or not."""
    from jobs.statements import generate_statements
    from oroshi_desktop.queries.run_planning import run_unattributed

    invoice_id = int(arguments["invoice_id"])
    lost = runtime.db.reading(run_unattributed, invoice_id)  # money in the period: said, never silent
    try:
        generate_statements(runtime.db, invoice_id, tz=runtime.settings.tz)
    except UserError as err:
        if lost is None or type(err) is not UserError:
            raise
        raise UserError(f"{err.message}; {lost.text_en()}", f"{err.message_ja}／{lost.text_ja()}") from err
    if lost is not None:
        return LedgerMessage(STATEMENT_DONE_UNATTRIBUTED, lost.message_arguments()), None
    return LedgerMessage(MESSAGES[STATEMENT].done), None


def work_preview(runtime: Runtime, arguments: dict[str, Any]) -> tuple[LedgerMessage, JobOutput | None]:
    from jobs.documents import preview_pdf
    from oroshi_desktop.domain.filenames import preview_filename
    from oroshi_desktop.queries.references import organization_name

    start, end = date.fromisoformat(arguments["start"]), date.fromisoformat(arguments["end"])
    organization_id, fmt = int(arguments["organization_id"]), arguments["format"]
    name = runtime.db.reading(organization_name, organization_id)
    pdf = preview_pdf(runtime.db, start=start, end=end, organization_id=organization_id, fmt=fmt,
                      layout=arguments.get("layout") or StatementLayout.SIMPLE)
    now = datetime.now(runtime.settings.tz)
    return LedgerMessage(MESSAGES[PREVIEW].done), JobOutput(PREVIEW, preview_filename(name, start, end, fmt, now), pdf)


def work_order_document(runtime: Runtime, arguments: dict[str, Any]) -> tuple[LedgerMessage, JobOutput | None]:
    from jobs.documents import order_document_pdf
    from oroshi_desktop.domain.filenames import order_document_filename

    day = date.fromisoformat(arguments["date"])
    document_type = arguments["document_type"]
    pdf = order_document_pdf(runtime.db, document_type, day=day, carrier_id=arguments.get("carrier_id"),
                             filters=_filters(arguments), paper=arguments.get("paper"))
    now = datetime.now(runtime.settings.tz)
    return LedgerMessage(MESSAGES[ORDER_DOCUMENT].done), JobOutput(
        document_type, order_document_filename(day, document_type, now), pdf)


def work_check_sheet(runtime: Runtime, arguments: dict[str, Any]) -> tuple[LedgerMessage, JobOutput | None]:
    from jobs.documents import check_sheet_pdf
    from oroshi_desktop.domain.filenames import check_sheet_filename

    day = date.fromisoformat(arguments["date"])
    prefectures = [int(p) for p in arguments["prefecture_ids"]]
    times = [int(t) for t in arguments["reception_time_ids"]]
    if not prefectures or not times:
        raise UserError("a check sheet needs a prefecture and a reception time",
                        "チェック表には都道府県と受入れ時間の指定が必要です")
    pdf = check_sheet_pdf(runtime.db, day=day, prefecture_ids=prefectures, reception_time_ids=times)
    filename = check_sheet_filename(day, int("".join(map(str, prefectures))), int("".join(map(str, times))))
    return LedgerMessage(MESSAGES[CHECK_SHEET].done), JobOutput(CHECK_SHEET, filename, pdf)


def work_mail(runtime: Runtime, arguments: dict[str, Any]) -> tuple[LedgerMessage, JobOutput | None]:
    """Manual (``invoice_id`` given: send now / resend) or batch (every due run)."""
    from jobs.statements import mail_check, send_run

    if arguments.get("invoice_id") is not None:
        summary = send_run(runtime, int(arguments["invoice_id"]), resend=bool(arguments.get("resend")))
    else:
        summary = mail_check(runtime)
    if summary.retryable:
        details = "; ".join(summary.error_lines())
        raise RetryLater(f"temporary mail failure ({summary.describe()})" + (f": {details}" if details else ""),
                         "一時的にメールを送信できませんでした。しばらくして再試行します")
    if not summary.ok:
        raise UserError("; ".join(summary.error_lines()) or summary.describe(),
                        JOB_MESSAGE_LABELS[MESSAGES[MAIL].failed].ja)
    if not summary.invoices:
        return NOTHING_DUE, None
    return LedgerMessage(MESSAGES[MAIL].done), None


def work_bounce_check(runtime: Runtime, arguments: dict[str, Any]) -> tuple[LedgerMessage, JobOutput | None]:
    """The bounce mailbox read once; a mailbox that cannot be read fails the job with one line."""
    from oroshi_desktop.mail.bounces.check import check_bounces

    summary = check_bounces(runtime.db, runtime.settings.imap)
    log.info("bounce check: %s", summary.describe())
    for line in summary.lines():
        log.info("bounce check: %s", line)
    return LedgerMessage(MESSAGES[BOUNCE_CHECK].done), None


WORK: dict[str, Work] = {
    STATEMENT: work_statement, PREVIEW: work_preview, MAIL: work_mail, ORDER_DOCUMENT: work_order_document,
    CHECK_SHEET: work_check_sheet, BOUNCE_CHECK: work_bounce_check,
}


def queued_message(kind: str, arguments: dict[str, Any]) -> LedgerMessage:
    """What a queued or running row says (the batch mail check has its own words)."""
    if kind == MAIL and arguments.get("invoice_id") is None:
        return MAIL_CHECK_RUNNING
    return running_message(kind, arguments)


def run_work(runtime: Runtime, job_id: int, kind: str, arguments: dict[str, Any], *,
             will_retry: bool = False, token: str | None = None) -> str | None:
    return runtime.run_job(job_id, message_running=queued_message(kind, arguments),
                           message_failed=LedgerMessage(MESSAGES[kind].failed), work=lambda: WORK[kind](runtime, arguments),
                           will_retry=will_retry, token=token)


def held_while_paused(runtime: Runtime, job_id: int, delay: float) -> bool:
    """While this PC's queue is paused: keep the row queued (一時停止中) and have Huey try later.

    Raises ``RetryTask`` (Huey counts it as no retry); returns True when the job was discarded
    meanwhile (then it is dropped), False when the queue is running.
    """
    if not is_paused(runtime.ledger):
        return False
    if not runtime.ledger.hold(job_id, PAUSED_MESSAGE):
        log.info("job %s was discarded while paused; dropped", job_id)
        return True
    raise RetryTask("the queue is paused", delay=delay)


# ---- Huey ---------------------------------------------------------------------------------------

JOB_TASK_NAME = "oroshi.job"
# Huey registers a task under ``<module>.<name>``: the module the task lived in before the Huey
# plumbing moved into ``jobs/queue/`` stays its name, so a task queued by a PC that has not been
# updated yet (a shared Redis or PostgreSQL queue) still runs on one that has.
JOB_TASK_MODULE = "jobs.tasks"


@dataclass
class Tasks:
    """The registered task and the ``enqueue_*`` functions that create each job's ledger row."""

    huey: Huey
    runtime_factory: Callable[[], Runtime]
    # Is a slot one of the mail check's? (``jobs.queue.schedule.cron_in_zone`` of the settings' expression)
    mail_schedule: Callable[[datetime], bool]
    job_task: Any = None
    by_kind: dict[str, Any] = field(default_factory=dict)  # kind → the task that runs it (one for all)

    @property
    def runtime(self) -> Runtime:
        return self.runtime_factory()

    def enqueue(self, kind: str, arguments: dict[str, Any]) -> int:
        if kind not in self.by_kind:
            raise UserError(f"unknown job kind {kind!r}", f"不明なジョブの種類です（{kind}）")
        ledger = self.runtime.ledger
        job_id = ledger.create(kind, arguments, queued_message(kind, arguments))
        self.resubmit(ledger.get(job_id))
        return job_id

    def retry(self, job_id: int) -> JobView:
        """A person's retry of a failed or discarded job (from any PC): back to queued, then on the queue."""
        ledger = self.runtime.ledger
        job = ledger.get(job_id)
        job = ledger.requeue(job_id, queued_message(job.kind, job.arguments))
        self.resubmit(job)
        return job

    def resubmit(self, job: JobView) -> int:
        """Put a ledger job (already queued) on this process's queue."""
        self.job_task(job.id, job.token)
        return job.id

    def enqueue_statement(self, invoice_id: int) -> int:
        return self.enqueue(STATEMENT, {"invoice_id": int(invoice_id)})

    def enqueue_preview(self, *, start: date, end: date, organization_id: int, fmt: str,
                        layout: str = StatementLayout.SIMPLE) -> int:
        return self.enqueue(PREVIEW, {"start": start.isoformat(), "end": end.isoformat(),
                                      "organization_id": int(organization_id), "format": fmt, "layout": layout})

    def enqueue_mail(self, invoice_id: int, *, resend: bool = False) -> int:
        return self.enqueue(MAIL, {"invoice_id": int(invoice_id), "resend": bool(resend)})

    def mail_check_now(self) -> int:
        """The batch check (every due run), now; the schedule runs it at start too."""
        return self.enqueue(MAIL, {})

    def scheduled_mail_check(self) -> int | None:
        """One slot's mail check: a ledger job only when something is due (and nothing while paused).

        Level-triggered, so a slot missed while every PC slept is caught up by the next one.
        """
        from oroshi_desktop.db.types import utcnow
        from oroshi_desktop.mail.outbox import due_invoices

        runtime = self.runtime
        if is_paused(runtime.ledger):
            log.info("the queue is paused; the scheduled mail check does nothing")
            return None
        if not runtime.db.reading(due_invoices, utcnow()):
            return None
        return self.mail_check_now()

    def bounce_check_now(self) -> int:
        """The bounce check, now (the job centre's button, ``bounce-check``)."""
        return self.enqueue(BOUNCE_CHECK, {})

    def scheduled_bounce_check(self) -> int | None:
        """One slot's bounce check: only with a bounce mailbox set, some statement mail sent within
        the bounce window, and the queue running."""
        from oroshi_desktop.db.types import utcnow
        from oroshi_desktop.mail.bounces.check import recently_sent

        runtime = self.runtime
        if not runtime.settings.imap.configured or is_paused(runtime.ledger):
            return None
        if not recently_sent(runtime.db, utcnow()):
            return None
        return self.bounce_check_now()

    def enqueue_order_document(self, document_type: str, *, day: date, carrier_id: int | None,
                               filters: Any = None, paper: str | None = None) -> int:
        if document_type not in ORDER_DOCUMENT_TYPES:
            raise UserError(f"unknown order document {document_type!r}", f"不明な注文書類です（{document_type}）")
        arguments: dict[str, Any] = {"document_type": document_type, "date": day.isoformat(),
                                     "carrier_id": carrier_id}
        if filters is not None:
            arguments["filters"] = filters_arguments(filters)
        if paper:
            arguments["paper"] = paper
        return self.enqueue(ORDER_DOCUMENT, arguments)

    def enqueue_check_sheet(self, *, day: date, prefecture_ids: list[int], reception_time_ids: list[int]) -> int:
        return self.enqueue(CHECK_SHEET, {"date": day.isoformat(), "prefecture_ids": [int(p) for p in prefecture_ids],
                                          "reception_time_ids": [int(t) for t in reception_time_ids]})


def run_task(runtime: Runtime, job_id: int, token: str | None, *, will_retry: bool, pause_delay: float) -> str | None:
    """What the queue's task does: look the job up, wait while paused, run it."""
    runtime.reread_settings()  # a worker process takes what 設定 saved since the last job
    try:
        job = runtime.ledger.get(job_id)
    except NotFound:
        log.warning("job %s is not in the ledger; task dropped", job_id)
        return None
    if job.kind not in WORK:
        runtime.ledger.fail(job_id, LedgerMessage(JobMessage.UNKNOWN_KIND), f"unknown job kind {job.kind!r}")
        return None
    if held_while_paused(runtime, job_id, pause_delay):
        return None
    return run_work(runtime, job_id, job.kind, job.arguments, will_retry=will_retry, token=token)


def register_tasks(huey: Huey, runtime_factory: Callable[[], Runtime], *,
                   mail_retry_delay: float = MAIL_RETRY_DELAY, pause_delay: float = PAUSE_RETRY_DELAY) -> Tasks:
    """Define the task on ``huey`` (once per Huey instance) and return it with the enqueue functions.

    ``mail_retry_delay`` is the first wait after a transient failure (mail server or database); it
    doubles each retry.
    ``pause_delay`` is how often a task held by a paused queue looks at the flag again.
    """
    settings = runtime_factory().settings
    # One scheduler: ``jobs.queue.office_schedule`` claims each slot in the database and asks this cron
    # check; no Huey periodic task is registered (the consumer runs with periodic=False).
    tasks = Tasks(huey, runtime_factory, mail_schedule=cron_in_zone(settings.mail_schedule, settings.tz))

    # Every job retries with exponential backoff; only transient failures (RetryLater: SMTP 4xx or
    # refused connection, database unreachable) use the retries, the rest fail at once.
    def job(job_id: int, token: str | None = None, task: Any = None) -> str | None:
        return run_task(runtime_factory(), job_id, token, will_retry=bool(task is not None and task.retries > 0),
                        pause_delay=pause_delay)

    job.__module__ = JOB_TASK_MODULE
    job_task = huey.task(name=JOB_TASK_NAME, retries=MAIL_RETRIES, retry_delay=mail_retry_delay,
                         retry_backoff=2, context=True)(job)

    tasks.job_task = job_task
    tasks.by_kind.update(dict.fromkeys(WORK, job_task))
    return tasks
