"""``oroshi-desktop jobs list | open-output | retry | discard | pause | resume | status``: the job
ledger (every PC's jobs in the app database) from the command line."""

from __future__ import annotations

import argparse
from datetime import tzinfo
from typing import Any

from oroshi_desktop.cli.common import add_list_command, add_record_command, print_lines
from oroshi_desktop.cli.wiring import LedgerSession, job_runtime, job_tasks
from oroshi_desktop.config import Settings
from oroshi_desktop.ledger import STATES, JobView


def cmd_jobs_list(args: argparse.Namespace, settings: Settings) -> int:
    with LedgerSession(settings) as ledger:
        states = tuple(args.state) if args.state else STATES
        jobs = ledger.list(states=states, limit=args.limit, requested_by=None if args.all else ledger.pc)
    return print_lines([_job_line(job, settings.tz) for job in jobs],
                       "no jobs" + ("" if args.all else " from this PC (--all: every PC's)"))


def _job_line(job: JobView, tz: tzinfo) -> str:
    when = job.created_at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
    ran_by = f"  ran by {job.ran_by}" if job.ran_by else ""
    if job.output_path:
        output = f"  → {job.output_path}"
    else:
        output = f"  (output stored: jobs open-output {job.id})" if job.document_id is not None else ""
    error = f"  [{job.error}]" if job.error else ""
    return (f"{job.id:>6}  {when}  {job.kind:<17} {job.state:<9} PC {job.requested_by}{ran_by}  {job.message}"
            f"{output}{error}")


def cmd_jobs_retry(args: argparse.Namespace, settings: Settings) -> int:
    runtime = job_runtime(settings)
    try:
        job = job_tasks(settings, runtime).retry(args.id)
    finally:
        runtime.close()
    print(f"job {job.id} queued again")
    return 0


def cmd_jobs_open_output(args: argparse.Namespace, settings: Settings) -> int:
    """Write a job's stored output (made on any PC) into a local folder and print its path."""
    from pathlib import Path

    with LedgerSession(settings) as ledger:
        path = ledger.save_output(args.id, Path(args.to) if args.to else settings.paths.output_dir)
    print(path)
    return 0


def _set_paused(paused: bool, settings: Settings) -> int:
    from jobs.queue.pause import set_paused

    with LedgerSession(settings) as ledger:
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
    from jobs.queue.control import queue_status
    from jobs.queue.instance import make_huey, probe_queue
    from oroshi_desktop.ledger import QUEUED, RUNNING

    waiting = probe_queue(make_huey(settings), settings)  # an unreachable queue is not "running"
    with LedgerSession(settings) as ledger:
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
    with LedgerSession(settings) as ledger:
        job = ledger.discard(args.id)
    print(f"job {job.id} discarded")
    return 0


def add_job_commands(commands: Any) -> None:
    jobs = commands.add_parser("jobs", help="the job ledger (every PC's jobs in the app database)")
    jobs_commands = jobs.add_subparsers(title="jobs commands", metavar="ACTION", required=True)
    listing = add_list_command(jobs_commands, "recent jobs, newest first", STATES, cmd_jobs_list)
    listing.add_argument("--all", action="store_true", help="every PC's jobs (default: the jobs this PC asked for)")
    open_output = add_record_command(jobs_commands, "open-output", "write a finished job's document here and print its path",
                                     cmd_jobs_open_output)
    open_output.add_argument("--to", help="folder to write it to (default: this PC's output folder)")
    add_record_command(jobs_commands, "retry", "queue a failed or discarded job again", cmd_jobs_retry)
    add_record_command(jobs_commands, "discard", "discard a queued or failed job", cmd_jobs_discard)
    pause = jobs_commands.add_parser("pause", help="pause the queue: this PC's, or the office's when shared "
                                                   "(jobs wait, no scheduled mail check)")
    pause.set_defaults(handler=cmd_jobs_pause)
    resume = jobs_commands.add_parser("resume", help="resume the queue")
    resume.set_defaults(handler=cmd_jobs_resume)
    status = jobs_commands.add_parser("status", help="paused or running, the mail schedule and the scheduler's pid")
    status.set_defaults(handler=cmd_jobs_status)
