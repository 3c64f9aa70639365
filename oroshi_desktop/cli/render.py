"""``oroshi-desktop render …``: every document from the command line, through the same functions
the jobs call (``jobs.documents``, imported lazily so other commands never load ReportLab)."""

from __future__ import annotations

import argparse
import getpass
import secrets
import sys
from pathlib import Path
from typing import Any

from oroshi_desktop.cli.common import record_id
from oroshi_desktop.cli.documents import add_document_commands, add_statement_format, shipping_filters
from oroshi_desktop.cli.wiring import checked_database
from oroshi_desktop.config import Settings
from oroshi_desktop.db.engine import Database
from oroshi_desktop.errors import UserError, write_refused


def _write(pdf: bytes, out: Path) -> int:
    try:  # a missing folder is refused, not created: a typo must not leave new folders behind
        out.write_bytes(pdf)
    except OSError as err:
        raise write_refused(out, err) from None
    print(f"wrote {out} ({len(pdf):,} bytes)")
    return 0


def _statement_password(args: argparse.Namespace) -> str | None:
    """The password a hand-rendered statement is encrypted with. Never from the command line, where
    every user of the PC sees it in the process list: generated (printed once), typed at a prompt,
    or read from standard input; ``--no-password`` writes an unprotected file on purpose."""
    if args.password is not None:
        raise UserError("a password on the command line is visible to every user of this PC (ps); "
                        "use --ask-password or --password-stdin, or leave both out to get a generated one",
                        "コマンドラインのパスワードは他の利用者にも見えます。--ask-password か "
                        "--password-stdin を使うか、省略して自動生成してください")
    if args.no_password:
        return None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif args.ask_password:
        password = getpass.getpass("password for the statement PDF: ")
    else:
        password = secrets.token_hex(4)
        print(f"password: {password} (shown once; it is not stored anywhere)")
    if not password.strip():
        raise UserError("the password is empty; an empty password would leave the statement unprotected "
                        "(use --no-password to write it unprotected on purpose)",
                        "パスワードが空です（保護しない場合は --no-password を指定してください）")
    return password


def _database(settings: Settings) -> Database:
    return checked_database(settings, upgrade_embedded=False)  # rendering never changes the schema


def cmd_statement(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.documents import statement_pdf
    from oroshi_desktop.cli.plausibility import warn_run_implausible

    database = _database(settings)
    pdf = statement_pdf(database, invoice_id=args.invoice, organization_id=args.organization,
                        fmt=args.format, layout=args.layout, password=_statement_password(args),
                        tz=settings.tz)
    written = _write(pdf, args.out)
    warn_run_implausible(database, settings, args.invoice, [args.organization])
    return written


def cmd_preview(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.documents import preview_pdf
    from oroshi_desktop.cli.plausibility import warn_implausible

    database = _database(settings)
    pdf = preview_pdf(database, start=args.date_from, end=args.date_to,
                      organization_id=args.organization, fmt=args.format, layout=args.layout)
    written = _write(pdf, args.out)
    warn_implausible(database, settings, [args.organization], args.date_from, args.date_to)
    return written


def cmd_shipping_chart(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.documents import shipping_chart_pdf

    pdf = shipping_chart_pdf(_database(settings), day=args.date, carrier_id=args.carrier,
                             filters=shipping_filters(args), paper=args.paper)
    return _write(pdf, args.out)


def cmd_packing_slips(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.documents import packing_slips_pdf

    pdf = packing_slips_pdf(_database(settings), day=args.date, carrier_id=args.carrier, filters=shipping_filters(args))
    return _write(pdf, args.out)


def cmd_shipping_list(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.documents import shipping_list_pdf

    pdf = shipping_list_pdf(_database(settings), day=args.date, carrier_id=args.carrier, filters=shipping_filters(args))
    return _write(pdf, args.out)


def cmd_check_sheet(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.documents import check_sheet_pdf

    pdf = check_sheet_pdf(_database(settings), day=args.date, prefecture_ids=args.prefecture,
                          reception_time_ids=args.reception_time)
    return _write(pdf, args.out)


def add_render_commands(commands: Any) -> None:
    render = commands.add_parser("render", help="render a document to a PDF file")
    docs = render.add_subparsers(title="documents", metavar="DOCUMENT", required=True)

    statement = docs.add_parser("statement", help="支払明細書 of a statement run")
    statement.add_argument("--invoice", type=record_id, required=True)
    statement.add_argument("--organization", type=record_id, required=True)
    add_statement_format(statement, layout_default=None, layout_help="default: the run's layout")
    protection = statement.add_mutually_exclusive_group()
    protection.add_argument("--ask-password", action="store_true",
                            help="type the password at a prompt (default: a generated one, printed once)")
    protection.add_argument("--password-stdin", action="store_true",
                            help="read the password from the first line of standard input")
    protection.add_argument("--no-password", action="store_true", help="write the PDF without protection")
    protection.add_argument("--password", help=argparse.SUPPRESS)  # recognised only to refuse it
    statement.add_argument("--out", type=Path, required=True)
    statement.set_defaults(handler=cmd_statement)

    add_document_commands(docs, {"preview": cmd_preview, "shipping-chart": cmd_shipping_chart,
                                 "packing-slips": cmd_packing_slips, "shipping-list": cmd_shipping_list,
                                 "check-sheet": cmd_check_sheet},
                          extra=lambda parser: parser.add_argument("--out", type=Path, required=True))
