"""``oroshi-desktop render …``: every document from the command line, through the same functions
the jobs call (``printables.documents``, imported lazily so other commands never load ReportLab)."""

from __future__ import annotations

import argparse
import getpass
import secrets
import sys
from datetime import date
from pathlib import Path
from typing import Any

from oroshi_desktop.cli.common import record_id
from oroshi_desktop.config import Settings
from oroshi_desktop.errors import UserError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _buyers_option(text: str) -> str | int:
    if text in ("none", "all"):
        return text
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("--empty-buyers takes none, all or a buyer category id") from None


def _filters(args: argparse.Namespace) -> Any:
    from oroshi_desktop.domain.shipping import ShippingFilters

    empty: str | int = "all" if args.all_buyers else args.empty_buyers
    return ShippingFilters(order_category_ids=tuple(args.category), buyer_ids=tuple(args.buyer),
                           shipping_method_ids=tuple(args.method), print_empty_buyers=empty)


def _write(pdf: bytes, out: Path) -> int:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
    except OSError as err:
        raise UserError(f"cannot write {out}: {err.strerror}", f"{out} に書き込めません: {err.strerror}") from None
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


def _database(settings: Settings) -> Any:
    from oroshi_desktop.cli.common import open_db, require_healthy

    database = open_db(settings)
    require_healthy(database)
    return database


def cmd_statement(args: argparse.Namespace, settings: Settings) -> int:
    from oroshi_desktop.cli.plausibility import warn_run_implausible
    from printables.documents import statement_pdf

    database = _database(settings)
    pdf = statement_pdf(database, invoice_id=args.invoice, organization_id=args.organization,
                        fmt=args.format, layout=args.layout, password=_statement_password(args),
                        tz=settings.tz)
    written = _write(pdf, args.out)
    warn_run_implausible(database, settings, args.invoice, [args.organization])
    return written


def cmd_preview(args: argparse.Namespace, settings: Settings) -> int:
    from oroshi_desktop.cli.plausibility import warn_implausible
    from printables.documents import preview_pdf

    database = _database(settings)
    pdf = preview_pdf(database, start=args.date_from, end=args.date_to,
                      organization_id=args.organization, fmt=args.format, layout=args.layout)
    written = _write(pdf, args.out)
    warn_implausible(database, settings, [args.organization], args.date_from, args.date_to)
    return written


def cmd_shipping_chart(args: argparse.Namespace, settings: Settings) -> int:
    from printables.documents import shipping_chart_pdf

    pdf = shipping_chart_pdf(_database(settings), day=args.date, carrier_id=args.carrier,
                             filters=_filters(args), paper=args.paper)
    return _write(pdf, args.out)


def cmd_packing_slips(args: argparse.Namespace, settings: Settings) -> int:
    from printables.documents import packing_slips_pdf

    pdf = packing_slips_pdf(_database(settings), day=args.date, carrier_id=args.carrier, filters=_filters(args))
    return _write(pdf, args.out)


def cmd_shipping_list(args: argparse.Namespace, settings: Settings) -> int:
    from printables.documents import shipping_list_pdf

    pdf = shipping_list_pdf(_database(settings), day=args.date, carrier_id=args.carrier, filters=_filters(args))
    return _write(pdf, args.out)


def cmd_check_sheet(args: argparse.Namespace, settings: Settings) -> int:
    from printables.documents import check_sheet_pdf

    pdf = check_sheet_pdf(_database(settings), day=args.date, prefecture_ids=args.prefecture,
                          reception_time_ids=args.reception_time)
    return _write(pdf, args.out)


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--all-buyers", action="store_true", help="list every buyer of the carrier, even without orders")
    parser.add_argument("--empty-buyers", type=_buyers_option, default="none",
                        help="buyers without orders: none (default), all, or a buyer category id")
    parser.add_argument("--category", type=record_id, action="append", default=[], metavar="ID", help="order category filter")
    parser.add_argument("--buyer", type=record_id, action="append", default=[], metavar="ID", help="buyer filter")
    parser.add_argument("--method", type=record_id, action="append", default=[], metavar="ID", help="shipping method filter")


def add_render_commands(commands: Any) -> None:
    render = commands.add_parser("render", help="render a document to a PDF file")
    docs = render.add_subparsers(title="documents", metavar="DOCUMENT", required=True)

    statement = docs.add_parser("statement", help="支払明細書 of a statement run")
    statement.add_argument("--invoice", type=record_id, required=True)
    statement.add_argument("--organization", type=record_id, required=True)
    statement.add_argument("--format", choices=("organization", "supplier"), required=True)
    statement.add_argument("--layout", choices=("simple", "standard"), help="default: the run's layout")
    protection = statement.add_mutually_exclusive_group()
    protection.add_argument("--ask-password", action="store_true",
                            help="type the password at a prompt (default: a generated one, printed once)")
    protection.add_argument("--password-stdin", action="store_true",
                            help="read the password from the first line of standard input")
    protection.add_argument("--no-password", action="store_true", help="write the PDF without protection")
    protection.add_argument("--password", help=argparse.SUPPRESS)  # recognised only to refuse it
    statement.add_argument("--out", type=Path, required=True)
    statement.set_defaults(handler=cmd_statement)

    preview = docs.add_parser("preview", help="支払明細書 preview (見本) for any period")
    preview.add_argument("--from", dest="date_from", type=_date, required=True)
    preview.add_argument("--to", dest="date_to", type=_date, required=True)
    preview.add_argument("--organization", type=record_id, required=True)
    preview.add_argument("--format", choices=("organization", "supplier"), required=True)
    preview.add_argument("--layout", choices=("simple", "standard"), default="simple")
    preview.add_argument("--out", type=Path, required=True)
    preview.set_defaults(handler=cmd_preview)

    chart = docs.add_parser("shipping-chart", help="出荷表 of a carrier on a day")
    chart.add_argument("--date", type=_date, required=True)
    chart.add_argument("--carrier", type=record_id, required=True)
    chart.add_argument("--paper", choices=("jis_b4", "iso_b4"), help="default: the shared setting (JIS B4)")
    _filter_options(chart)
    chart.add_argument("--out", type=Path, required=True)
    chart.set_defaults(handler=cmd_shipping_chart)

    slips = docs.add_parser("packing-slips", help="卸先用出荷表: one packing slip per buyer")
    slips.add_argument("--date", type=_date, required=True)
    slips.add_argument("--carrier", type=record_id, required=True)
    _filter_options(slips)
    slips.add_argument("--out", type=Path, required=True)
    slips.set_defaults(handler=cmd_packing_slips)

    listing = docs.add_parser("shipping-list", help="まとめた出荷明細表: the day's shipping list")
    listing.add_argument("--date", type=_date, required=True)
    listing.add_argument("--carrier", type=record_id)
    _filter_options(listing)
    listing.add_argument("--out", type=Path, required=True)
    listing.set_defaults(handler=cmd_shipping_list)

    sheet = docs.add_parser("check-sheet", help="供給・受入チェック表")
    sheet.add_argument("--date", type=_date, required=True)
    sheet.add_argument("--prefecture", type=record_id, action="append", required=True, metavar="N")
    sheet.add_argument("--reception-time", type=record_id, action="append", required=True, metavar="ID")
    sheet.add_argument("--out", type=Path, required=True)
    sheet.set_defaults(handler=cmd_check_sheet)
