"""``oroshi-desktop worker | mail-check | generate``: run the queue, check the due mail, make a run's PDFs."""

from __future__ import annotations

import argparse
from typing import Any

from oroshi_desktop.cli.common import positive_int, record_id
from oroshi_desktop.cli.wiring import checked_database, job_runtime, job_tasks
from oroshi_desktop.config import Settings


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.queue.consumer import JobQueue

    queue = JobQueue(settings, runtime=job_runtime(settings), embedded=False, workers=args.workers or settings.workers,
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
        tasks = job_tasks(settings)
        job_id = tasks.mail_check_now()
        print(f"queued mail check as job {job_id}")
        return 0
    from jobs.statements import mail_check

    runtime = job_runtime(settings)
    try:  # the check first turns rows a crashed run left 'sending' into 'uncertain' (never resent)
        summary = mail_check(runtime)
    finally:
        runtime.close()
    print(f"mail check: {summary.describe()}")
    for line in summary.error_lines():
        print(f"  {line}")
    return 0 if summary.ok else 1


def cmd_generate(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.statements import generate_statements
    from oroshi_desktop.cli.plausibility import warn_run_implausible
    from oroshi_desktop.queries.run_planning import run_unattributed

    database = checked_database(settings)
    try:
        warn_run_implausible(database, settings, args.invoice)  # a warning only: the run is generated
        ids = generate_statements(database, args.invoice, tz=settings.tz)
    finally:
        database.dispose()
    if ids:
        print(f"statement run {args.invoice}: stored {len(ids)} PDF(s) (documents {', '.join(map(str, ids))})")
    else:  # generated again with the same content: the stored versions stand (no new archive version)
        print(f"statement run {args.invoice}: every statement is unchanged; no new PDF stored")
    lost = database.reading(run_unattributed, args.invoice)
    if lost is not None:  # money in the period that no statement carries: said, never silent
        print(f"warning: statement run {args.invoice}: {lost.text_en()}")
    return 0


def add_worker_commands(commands: Any) -> None:
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
