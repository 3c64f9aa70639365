"""``oroshi-desktop worker | mail-check | generate | jobs | outbox | enqueue``: the queue from the command line.

``jobs``, ``printables`` and Huey are imported inside the handlers, so other commands never load them.
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

from oroshi_desktop.cli.common import positive_int, record_id
from oroshi_desktop.cli.render import _date, _filter_options, _filters
from oroshi_desktop.config import Settings
from oroshi_desktop.errors import UserError

log = logging.getLogger(__name__)

def _database(settings: Settings) -> Any:
    from oroshi_desktop.cli.common import open_db, require_healthy

    # The embedded database is the app's own file: it is brought up to date like the GUI does.
    database = open_db(settings, upgrade=settings.is_embedded_database)
    try:
        require_healthy(database)
    except BaseException:
        database.dispose()
        raise
    return database


def _runtime(settings: Settings) -> Any:
    from jobs.runtime import Runtime

    runtime = Runtime(settings)
    runtime._db = _database(settings)  # checked once, with a readable error
    return runtime


def _tasks(settings: Settings, runtime: Any | None = None) -> Any:
    from jobs.queue import make_huey, probe_queue
    from jobs.tasks import register_tasks

    runtime = runtime or _runtime(settings)
    huey = make_huey(settings)
    probe_queue(huey, settings)  # queueing into a queue nobody can reach would lose the job
    return register_tasks(huey, lambda: runtime)


# ---- worker -------------------------------------------------------------------------------------

def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.consumer import JobQueue

    queue = JobQueue(settings, runtime=_runtime(settings), embedded=False, workers=args.workers or settings.workers,
                     max_delay=1.0)
    try:
        report = queue.prepare()
    except BaseException:
        queue.close()
        queue.runtime.close()
        raise
    if report.periodic:
        if report.interrupted:
            print(f"jobs interrupted by a previous stop: {', '.join(map(str, report.interrupted))}")
        if report.stale_outbox:
            print(f"outbox rows now uncertain (check them): {', '.join(map(str, report.stale_outbox))}")
        if report.resubmitted:
            print(f"queued jobs lost from the queue, queued again: {', '.join(map(str, report.resubmitted))}")
    else:
        print("another consumer on this PC runs the schedule; this worker runs queued jobs only")
    if queue.shared:
        print("shared queue: this worker takes part in the office schedule (one mail check per slot)")
    print(f"worker running ({queue.workers} thread(s), schedule {'on' if report.periodic else 'off'}); "
          "Ctrl-C stops it", flush=True)
    try:
        queue.run()  # handles SIGINT/SIGTERM: finishes running tasks, then returns
    finally:
        queue.runtime.close()
    return 0


# ---- synchronous commands -----------------------------------------------------------------------

def cmd_mail_check(args: argparse.Namespace, settings: Settings) -> int:
    if not args.once:
        tasks = _tasks(settings)
        job_id = tasks.mail_check_now()
        print(f"queued mail check as job {job_id}")
        return 0
    from jobs.statements import check_and_send

    runtime = _runtime(settings)
    transport = None
    try:
        # check_and_send first turns rows a crashed run left 'sending' into 'uncertain' (never resent).
        transport = runtime.transport()
        summary = check_and_send(runtime.db, transport, tz=settings.tz, sender=settings.smtp.sender)
    finally:
        if transport is not None:
            transport.close()
        runtime.close()
    print(f"mail check: {summary.describe()}")
    for line in summary.error_lines():
        print(f"  {line}")
    return 0 if summary.ok else 1


def cmd_generate(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.statements import generate_statements
    from oroshi_desktop.cli.plausibility import warn_run_implausible

    database = _database(settings)
    try:
        warn_run_implausible(database, settings, args.invoice)  # a warning only: the run is generated
        ids = generate_statements(database, args.invoice, tz=settings.tz)
    finally:
        database.dispose()
    print(f"statement run {args.invoice}: stored {len(ids)} PDF(s) (documents {', '.join(map(str, ids))})")
    return 0


class _LedgerSession:
    """The job ledger for one command: the database opened (an embedded one brought up to date)."""

    def __init__(self, settings: Settings) -> None:
        from oroshi_desktop.ledger import Ledger

        self.database = _database(settings)
        self.ledger = Ledger.for_settings(self.database, settings)

    def __enter__(self) -> Any:
        return self.ledger

    def __exit__(self, *_exc: object) -> None:
        self.database.dispose()


def cmd_jobs_list(args: argparse.Namespace, settings: Settings) -> int:
    from oroshi_desktop.ledger import STATES

    with _LedgerSession(settings) as ledger:
        states = tuple(args.state) if args.state else STATES
        jobs = ledger.list(states=states, limit=args.limit, requested_by=None if args.all else ledger.pc)
    if not jobs:
        print("no jobs" + ("" if args.all else " from this PC (--all: every PC's)"))
        return 0
    for job in jobs:
        when = job.created_at.astimezone(settings.tz).strftime("%Y-%m-%d %H:%M:%S")
        line = f"{job.id:>6}  {when}  {job.kind:<17} {job.state:<9} PC {job.requested_by}"
        if job.ran_by:
            line += f"  ran by {job.ran_by}"
        line += f"  {job.message}"
        if job.output_path:
            line += f"  → {job.output_path}"
        elif job.document_id is not None:
            line += f"  (output stored: jobs open-output {job.id})"
        if job.error:
            line += f"  [{job.error}]"
        print(line)
    return 0


def cmd_jobs_retry(args: argparse.Namespace, settings: Settings) -> int:
    runtime = _runtime(settings)
    try:
        job = _tasks(settings, runtime).retry(args.id)
    finally:
        runtime.close()
    print(f"job {job.id} queued again")
    return 0


def cmd_jobs_open_output(args: argparse.Namespace, settings: Settings) -> int:
    """Write a job's stored output (made on any PC) into a local folder and print its path."""
    from pathlib import Path

    with _LedgerSession(settings) as ledger:
        path = ledger.save_output(args.id, Path(args.to) if args.to else settings.paths.output_dir)
    print(path)
    return 0


def _set_paused(paused: bool, settings: Settings) -> int:
    from jobs.pause import set_paused

    with _LedgerSession(settings) as ledger:
        set_paused(ledger, paused)
        scope = "every PC of the shared queue" if ledger.scope.startswith("shared:") else "this PC's queue"
    print(f"queue paused ({scope}): jobs wait (一時停止中) and the mail schedule does nothing until `jobs resume`"
          if paused else f"queue running again ({scope})")
    return 0


def cmd_jobs_pause(args: argparse.Namespace, settings: Settings) -> int:
    return _set_paused(True, settings)


def cmd_jobs_resume(args: argparse.Namespace, settings: Settings) -> int:
    return _set_paused(False, settings)


def cmd_jobs_status(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.control import queue_status
    from jobs.queue import make_huey, probe_queue
    from oroshi_desktop.ledger import QUEUED, RUNNING

    waiting = probe_queue(make_huey(settings), settings)  # an unreachable queue is not "running"
    with _LedgerSession(settings) as ledger:
        status = queue_status(settings, ledger)
        queued, running = ledger.count((QUEUED,)), ledger.count((RUNNING,))
    print(f"queue: {'paused' if status.paused else 'running'} ({status.state_ja})")
    print(f"mail schedule: {status.mail_schedule} ({status.time_zone})")
    if status.shared:
        print("scheduler: shared queue — every worker and app takes part; each slot is claimed once in the database")
    elif status.scheduler_pid is None:
        print("scheduler: no worker or app holds the schedule on this PC")
    elif status.scheduler_pid < 0:
        print("scheduler: held by another process (pid unknown)")
    else:
        print(f"scheduler: held by pid {status.scheduler_pid}")
    print(f"jobs: {queued} queued, {running} running; {waiting} task(s) waiting in the queue")
    return 0


def cmd_jobs_discard(args: argparse.Namespace, settings: Settings) -> int:
    with _LedgerSession(settings) as ledger:
        job = ledger.discard(args.id)
    print(f"job {job.id} discarded")
    return 0


# ---- enqueue ------------------------------------------------------------------------------------

def _print_queued(job_id: int) -> int:
    print(f"queued job {job_id} (a running worker or the app will run it; see: oroshi-desktop jobs list)")
    return 0


def _require(tasks: Any, **references: Any) -> None:
    """Every record a job would use must exist before it is queued (one line now, not a failed job)."""
    from oroshi_desktop.queries.references import require

    with tasks.runtime.db.read() as session:
        for reference, ids in references.items():
            require(session, reference, ids if isinstance(ids, list | tuple) else [ids])


def cmd_enqueue_statement(args: argparse.Namespace, settings: Settings) -> int:
    tasks = _tasks(settings)
    _require(tasks, invoice=args.invoice)
    return _print_queued(tasks.enqueue_statement(args.invoice))


def cmd_enqueue_mail(args: argparse.Namespace, settings: Settings) -> int:
    tasks = _tasks(settings)
    _require(tasks, invoice=args.invoice)
    return _print_queued(tasks.enqueue_mail(args.invoice, resend=args.resend))


def cmd_enqueue_preview(args: argparse.Namespace, settings: Settings) -> int:
    if args.date_to < args.date_from:
        raise UserError("--to is before --from", "終了日が開始日より前です")
    tasks = _tasks(settings)
    _require(tasks, organization=args.organization)
    return _print_queued(tasks.enqueue_preview(start=args.date_from, end=args.date_to,
                                                          organization_id=args.organization, fmt=args.format,
                                                          layout=args.layout))


def _enqueue_order(document_type: str) -> Any:
    def handler(args: argparse.Namespace, settings: Settings) -> int:
        tasks = _tasks(settings)
        _require(tasks, carrier=args.carrier, buyer=args.buyer, category=args.category, method=args.method)
        return _print_queued(tasks.enqueue_order_document(
            document_type, day=args.date, carrier_id=args.carrier, filters=_filters(args),
            paper=getattr(args, "paper", None)))

    return handler


def cmd_enqueue_check_sheet(args: argparse.Namespace, settings: Settings) -> int:
    tasks = _tasks(settings)
    _require(tasks, prefecture=args.prefecture, reception_time=args.reception_time)
    return _print_queued(tasks.enqueue_check_sheet(day=args.date, prefecture_ids=args.prefecture,
                                                              reception_time_ids=args.reception_time))


def add_job_commands(commands: Any) -> None:
    worker = commands.add_parser("worker", help="run the job queue in the foreground (Ctrl-C stops it)")
    worker.add_argument("--workers", type=positive_int, help="worker threads (default: the workers setting)")
    worker.set_defaults(handler=cmd_worker)

    mail = commands.add_parser("mail-check", help="send every statement mail that is due")
    mail.add_argument("--once", action="store_true", help="check and send now, in this process "
                                                          "(without it: queue a check for the worker)")
    mail.set_defaults(handler=cmd_mail_check)

    generate = commands.add_parser("generate", help="generate the statement PDFs of a run now")
    generate.add_argument("--invoice", type=record_id, required=True)
    generate.set_defaults(handler=cmd_generate)

    jobs = commands.add_parser("jobs", help="the job ledger (every PC's jobs in the app database)")
    jobs_commands = jobs.add_subparsers(title="jobs commands", metavar="ACTION", required=True)
    listing = jobs_commands.add_parser("list", help="recent jobs, newest first")
    listing.add_argument("--state", action="append", choices=("queued", "running", "done", "failed", "discarded"))
    listing.add_argument("--limit", type=positive_int, default=50)
    listing.add_argument("--all", action="store_true", help="every PC's jobs (default: the jobs this PC asked for)")
    listing.set_defaults(handler=cmd_jobs_list)
    open_output = jobs_commands.add_parser("open-output", help="write a finished job's document here and print its path")
    open_output.add_argument("id", type=record_id)
    open_output.add_argument("--to", help="folder to write it to (default: this PC's output folder)")
    open_output.set_defaults(handler=cmd_jobs_open_output)
    retry = jobs_commands.add_parser("retry", help="queue a failed or discarded job again")
    retry.add_argument("id", type=record_id)
    retry.set_defaults(handler=cmd_jobs_retry)
    discard = jobs_commands.add_parser("discard", help="discard a queued or failed job")
    discard.add_argument("id", type=record_id)
    discard.set_defaults(handler=cmd_jobs_discard)
    pause = jobs_commands.add_parser("pause", help="pause the queue: this PC's, or the office's when shared "
                                                   "(jobs wait, no scheduled mail check)")
    pause.set_defaults(handler=cmd_jobs_pause)
    resume = jobs_commands.add_parser("resume", help="resume the queue")
    resume.set_defaults(handler=cmd_jobs_resume)
    status = jobs_commands.add_parser("status", help="paused or running, the mail schedule and the scheduler's pid")
    status.set_defaults(handler=cmd_jobs_status)

    enqueue = commands.add_parser("enqueue", help="queue a job for the worker (the PDF goes to the output folder)")
    docs = enqueue.add_subparsers(title="jobs", metavar="JOB", required=True)
    statement = docs.add_parser("statement", help="generate a run's statement PDFs (供給料仕切り書)")
    statement.add_argument("--invoice", type=record_id, required=True)
    statement.set_defaults(handler=cmd_enqueue_statement)

    mail_job = docs.add_parser("mail", help="send a run's statement mails now (--resend: again)")
    mail_job.add_argument("--invoice", type=record_id, required=True)
    mail_job.add_argument("--resend", action="store_true")
    mail_job.set_defaults(handler=cmd_enqueue_mail)

    preview = docs.add_parser("preview", help="支払明細書 preview (見本) for any period")
    preview.add_argument("--from", dest="date_from", type=_date, required=True)
    preview.add_argument("--to", dest="date_to", type=_date, required=True)
    preview.add_argument("--organization", type=record_id, required=True)
    preview.add_argument("--format", choices=("organization", "supplier"), required=True)
    preview.add_argument("--layout", choices=("simple", "standard"), default="simple")
    preview.set_defaults(handler=cmd_enqueue_preview)

    chart = docs.add_parser("shipping-chart", help="出荷表 of a carrier on a day")
    chart.add_argument("--date", type=_date, required=True)
    chart.add_argument("--carrier", type=record_id, required=True)
    chart.add_argument("--paper", choices=("jis_b4", "iso_b4"), help="default: the shared setting (JIS B4)")
    _filter_options(chart)
    chart.set_defaults(handler=_enqueue_order("shipping_chart"))

    slips = docs.add_parser("packing-slips", help="卸先用出荷表: one packing slip per buyer")
    slips.add_argument("--date", type=_date, required=True)
    slips.add_argument("--carrier", type=record_id, required=True)
    _filter_options(slips)
    slips.set_defaults(handler=_enqueue_order("packing_slips"))

    listing_doc = docs.add_parser("shipping-list", help="まとめた出荷明細表: the day's shipping list")
    listing_doc.add_argument("--date", type=_date, required=True)
    listing_doc.add_argument("--carrier", type=record_id)
    _filter_options(listing_doc)
    listing_doc.set_defaults(handler=_enqueue_order("shipping_list"))

    sheet = docs.add_parser("check-sheet", help="供給・受入チェック表")
    sheet.add_argument("--date", type=_date, required=True)
    sheet.add_argument("--prefecture", type=record_id, action="append", required=True, metavar="N")
    sheet.add_argument("--reception-time", type=record_id, action="append", required=True, metavar="ID")
    sheet.set_defaults(handler=cmd_enqueue_check_sheet)

