"""``oroshi-desktop outbox list | show-message | show-bounce | resend | mark-sent | recover``: the statement mail
outbox (送信キュー) from the command line, for support and for decisions on 要確認 rows."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from oroshi_desktop.cli.common import add_list_command, add_record_command, lease_minutes, print_lines
from oroshi_desktop.cli.wiring import job_runtime, opened_database
from oroshi_desktop.config import Settings
from oroshi_desktop.errors import UserError
from oroshi_desktop.labels import OutboxState  # not mail.outbox: its package loads the composer and SMTP

if TYPE_CHECKING:
    from oroshi_desktop.db.models import OutboxMessage


def cmd_outbox_list(args: argparse.Namespace, settings: Settings) -> int:
    from oroshi_desktop.queries.outbox_rows import recent_outbox_rows

    with opened_database(settings) as database:
        rows = database.reading(recent_outbox_rows, states=args.state or (), limit=args.limit)
    return print_lines([_outbox_line(row, name) for row, name in rows], "the outbox is empty")


def _outbox_line(row: OutboxMessage, name: str | None) -> str:
    state = f"{row.state} ({row.failure_kind})" if row.state == OutboxState.FAILED and row.failure_kind else row.state
    error = f"  [{row.last_error}]" if row.last_error else ""
    return (f"{row.id:>6}  run {row.invoice_id:<6} gen {row.generation}  {state:<21} "
            f"attempts {row.attempts}  {name or row.supplier_organization_id}{error}")


def cmd_outbox_show_message(args: argparse.Namespace, settings: Settings) -> int:
    """The exact bytes a row sent (or will send); ``--save FILE`` writes them as an .eml file."""
    import sys
    from pathlib import Path

    from oroshi_desktop.mail.outbox import message_bytes

    with opened_database(settings) as database:
        data = database.reading(message_bytes, args.id, args.part)
    if args.save:
        path = Path(args.save)
        try:
            path.write_bytes(data)
        except OSError as err:
            raise UserError(f"cannot write {path}: {err.strerror or err}",
                            f"{path} に保存できません（{err.strerror or err}）") from None
        print(f"outbox row {args.id} message {args.part}: {len(data)} bytes saved to {path}")
        return 0
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0


def cmd_outbox_resend(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.statements import resend_row
    from oroshi_desktop.mail.outbox import DeliveryStatus

    runtime = job_runtime(settings)
    try:
        result = resend_row(runtime, args.id, force=args.force)
    finally:
        runtime.close()
    print(f"outbox row {result.row_id}: {result.status.value}{': ' + result.message if result.message else ''}")
    return 0 if result.status is DeliveryStatus.SENT else 1


def cmd_outbox_mark_sent(args: argparse.Namespace, settings: Settings) -> int:
    from oroshi_desktop.mail.outbox import mark_sent

    with opened_database(settings) as database:
        mark_sent(database, args.id, note=args.note)
    print(f"outbox row {args.id} marked sent")
    return 0


def cmd_outbox_recover(args: argparse.Namespace, settings: Settings) -> int:
    from datetime import timedelta

    from oroshi_desktop.mail.outbox import recover_stale

    if args.lease_minutes < 0:
        raise UserError("--lease-minutes must not be negative", "--lease-minutes は0以上にしてください")
    with opened_database(settings) as database:
        ids = recover_stale(database, timedelta(minutes=args.lease_minutes))
    if ids:
        print(f"{len(ids)} row(s) left 'sending' by a stopped worker are now 'uncertain' (要確認): "
              f"{', '.join(map(str, ids))}; decide with: outbox resend ID | outbox mark-sent ID")
    else:
        print("no stale 'sending' rows")
    return 0


def add_outbox_commands(commands: Any) -> None:
    outbox = commands.add_parser("outbox", help="the statement mail outbox (送信キュー)")
    outbox_commands = outbox.add_subparsers(title="outbox commands", metavar="ACTION", required=True)
    add_list_command(outbox_commands, "outbox rows, newest first", tuple(OutboxState), cmd_outbox_list)
    oresend = add_record_command(outbox_commands, "resend", "再送: send this row's mail again now", cmd_outbox_resend)
    oresend.add_argument("--force", action="store_true",
                         help="send a row that was already sent again (the recipient gets a second mail)")
    omark = add_record_command(outbox_commands, "mark-sent", "送信済みにする: an uncertain, failed or bounced mail "
                                                             "did arrive (or went another way: --note)", cmd_outbox_mark_sent)
    omark.add_argument("--note", default="", help="how it was handled, e.g. posted or handed over")
    oshow = add_record_command(
        outbox_commands, "show-message",
        "the exact mail a row sent (RFC 5322, as stored); --save FILE writes an .eml file", cmd_outbox_show_message)
    oshow.add_argument("--part", type=int, choices=(1, 2), default=1, help="2: the separate password mail")
    oshow.add_argument("--save", metavar="FILE", help="write the message to FILE (e.g. statement.eml)")
    from oroshi_desktop.cli.bounces import add_show_bounce

    add_show_bounce(outbox_commands)
    orecover = outbox_commands.add_parser(
        "recover", help="mark rows left 'sending' by a crashed worker as uncertain (要確認), never resend them")
    orecover.add_argument("--lease-minutes", type=lease_minutes, default=15.0,
                          help="only rows claimed longer ago than this (default 15, the send lease)")
    orecover.set_defaults(handler=cmd_outbox_recover)
