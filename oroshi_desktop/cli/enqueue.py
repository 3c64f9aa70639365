"""``oroshi-desktop enqueue …``: queue a job for the worker; the documents take the same arguments
as ``render`` (``cli/documents.py``) and their PDF goes to the output folder."""

from __future__ import annotations

import argparse
from typing import Any

from oroshi_desktop.cli.common import record_id
from oroshi_desktop.cli.documents import Handler, add_document_commands, shipping_filters
from oroshi_desktop.cli.wiring import job_tasks
from oroshi_desktop.config import Settings
from oroshi_desktop.errors import UserError


def _print_queued(job_id: int) -> int:
    print(f"queued job {job_id} (a running worker or the app will run it; see: oroshi-desktop jobs list)")
    return 0


def _require(tasks: Any, **references: Any) -> None:
    """Every record a job would use must exist before it is queued (one line now, not a failed job)."""
    from oroshi_desktop.queries.references import require

    for reference, ids in references.items():
        tasks.runtime.db.reading(require, reference, ids if isinstance(ids, list | tuple) else [ids])


def cmd_enqueue_statement(args: argparse.Namespace, settings: Settings) -> int:
    tasks = job_tasks(settings)
    _require(tasks, invoice=args.invoice)
    return _print_queued(tasks.enqueue_statement(args.invoice))


def cmd_enqueue_mail(args: argparse.Namespace, settings: Settings) -> int:
    tasks = job_tasks(settings)
    _require(tasks, invoice=args.invoice)
    return _print_queued(tasks.enqueue_mail(args.invoice, resend=args.resend))


def cmd_enqueue_preview(args: argparse.Namespace, settings: Settings) -> int:
    if args.date_to < args.date_from:
        raise UserError("--to is before --from", "終了日が開始日より前です")
    tasks = job_tasks(settings)
    _require(tasks, organization=args.organization)
    return _print_queued(tasks.enqueue_preview(start=args.date_from, end=args.date_to,
                                                          organization_id=args.organization, fmt=args.format,
                                                          layout=args.layout))


def _enqueue_order(document_type: str) -> Handler:
    def handler(args: argparse.Namespace, settings: Settings) -> int:
        tasks = job_tasks(settings)
        _require(tasks, carrier=args.carrier, buyer=args.buyer, category=args.category, method=args.method)
        return _print_queued(tasks.enqueue_order_document(
            document_type, day=args.date, carrier_id=args.carrier, filters=shipping_filters(args),
            paper=getattr(args, "paper", None)))

    return handler


def cmd_enqueue_check_sheet(args: argparse.Namespace, settings: Settings) -> int:
    tasks = job_tasks(settings)
    _require(tasks, prefecture=args.prefecture, reception_time=args.reception_time)
    return _print_queued(tasks.enqueue_check_sheet(day=args.date, prefecture_ids=args.prefecture,
                                                              reception_time_ids=args.reception_time))


def add_enqueue_commands(commands: Any) -> None:
    enqueue = commands.add_parser("enqueue", help="queue a job for the worker (the PDF goes to the output folder)")
    docs = enqueue.add_subparsers(title="jobs", metavar="JOB", required=True)
    statement = docs.add_parser("statement", help="generate a run's statement PDFs (供給料仕切り書)")
    statement.add_argument("--invoice", type=record_id, required=True)
    statement.set_defaults(handler=cmd_enqueue_statement)

    mail_job = docs.add_parser("mail", help="send a run's statement mails now (--resend: again)")
    mail_job.add_argument("--invoice", type=record_id, required=True)
    mail_job.add_argument("--resend", action="store_true")
    mail_job.set_defaults(handler=cmd_enqueue_mail)

    handlers: dict[str, Handler] = {"preview": cmd_enqueue_preview,
                                    "shipping-chart": _enqueue_order("shipping_chart"),
                                    "packing-slips": _enqueue_order("packing_slips"),
                                    "shipping-list": _enqueue_order("shipping_list"),
                                    "check-sheet": cmd_enqueue_check_sheet}
    add_document_commands(docs, handlers)
