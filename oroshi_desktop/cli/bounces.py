"""``oroshi-desktop bounce-check`` and ``outbox show-bounce``: the bounce mailbox read now, and the
notification that made a row 不達 (bounced) printed as it arrived."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from oroshi_desktop.cli.common import add_record_command
from oroshi_desktop.cli.wiring import job_tasks, opened_database
from oroshi_desktop.config import Settings


def cmd_bounce_check(args: argparse.Namespace, settings: Settings) -> int:
    if not args.once:
        job_id = job_tasks(settings).bounce_check_now()
        print(f"queued bounce check as job {job_id}")
        return 0
    from oroshi_desktop.mail.bounces.check import check_bounces

    with opened_database(settings) as database:
        summary = check_bounces(database, settings.imap)  # an unreadable mailbox: one line, exit 2
    print(f"bounce check: {summary.describe()}")
    for line in summary.lines():
        print(f"  {line}")
    return 0 if not summary.problems else 1


def cmd_outbox_show_bounce(args: argparse.Namespace, settings: Settings) -> int:
    """The newest bounce of a row: what it says in one line each, then the notification's bytes."""
    from oroshi_desktop.mail.outbox.bounces import bounce_report

    with opened_database(settings) as database:
        header, data = database.reading(bounce_report, args.id)
    sys.stdout.write(header)
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0


def add_bounce_commands(commands: Any) -> None:
    check = commands.add_parser("bounce-check", help="read the bounce mailbox: mark bounced statement mail 不達")
    check.add_argument("--once", action="store_true", help="check now, in this process "
                                                           "(without it: queue a check for the worker)")
    check.set_defaults(handler=cmd_bounce_check)


def add_show_bounce(outbox_commands: Any) -> None:
    add_record_command(outbox_commands, "show-bounce", "the bounce notification that made a row 不達 (bounced)",
                       cmd_outbox_show_bounce)
