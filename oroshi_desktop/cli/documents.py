"""The documents ``render`` and ``enqueue`` both make, defined once: each document's subcommand, its
help and its arguments. ``render`` adds ``--out``; ``enqueue`` adds nothing."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from oroshi_desktop.cli.common import Handler, record_id
from oroshi_desktop.domain.statement_options import StatementFormat, StatementLayout
from oroshi_desktop.queries.preferences import CHART_PAPERS

if TYPE_CHECKING:  # the shipping domain loads with the command that makes a document
    from oroshi_desktop.domain.shipping.records import EmptyBuyers

Arguments = Callable[[argparse.ArgumentParser], object]  # what it returns is not used

def date_argument(text: str) -> date:
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


def shipping_filters(args: argparse.Namespace) -> Any:
    """The order filters of a shipping document's arguments."""
    from oroshi_desktop.domain.shipping import ShippingFilters

    empty: EmptyBuyers = "all" if args.all_buyers else args.empty_buyers
    return ShippingFilters(order_category_ids=tuple(args.category), buyer_ids=tuple(args.buyer),
                           shipping_method_ids=tuple(args.method), print_empty_buyers=empty)


def add_statement_format(parser: argparse.ArgumentParser, *, layout_default: str | None,
                         layout_help: str | None = None) -> None:
    """``--format`` and ``--layout`` of a payment statement."""
    parser.add_argument("--format", choices=[f.value for f in StatementFormat], required=True)
    parser.add_argument("--layout", choices=[layout.value for layout in StatementLayout], default=layout_default,
                        help=layout_help)


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--all-buyers", action="store_true", help="list every buyer of the carrier, even without orders")
    parser.add_argument("--empty-buyers", type=_buyers_option, default="none",
                        help="buyers without orders: none (default), all, or a buyer category id")
    parser.add_argument("--category", type=record_id, action="append", default=[], metavar="ID", help="order category filter")
    parser.add_argument("--buyer", type=record_id, action="append", default=[], metavar="ID", help="buyer filter")
    parser.add_argument("--method", type=record_id, action="append", default=[], metavar="ID", help="shipping method filter")


def _preview(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", type=date_argument, required=True)
    parser.add_argument("--to", dest="date_to", type=date_argument, required=True)
    parser.add_argument("--organization", type=record_id, required=True)
    add_statement_format(parser, layout_default=StatementLayout.SIMPLE.value)


def _shipping_chart(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=date_argument, required=True)
    parser.add_argument("--carrier", type=record_id, required=True)
    parser.add_argument("--paper", choices=CHART_PAPERS, help="default: the shared setting (JIS B4)")
    _filter_options(parser)


def _packing_slips(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=date_argument, required=True)
    parser.add_argument("--carrier", type=record_id, required=True)
    _filter_options(parser)


def _shipping_list(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=date_argument, required=True)
    parser.add_argument("--carrier", type=record_id)
    _filter_options(parser)


def _check_sheet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", type=date_argument, required=True)
    parser.add_argument("--prefecture", type=record_id, action="append", required=True, metavar="N")
    parser.add_argument("--reception-time", type=record_id, action="append", required=True, metavar="ID")


# subcommand → (help, its arguments); the order is the order of the help listing.
DOCUMENTS: dict[str, tuple[str, Arguments]] = {
    "preview": ("支払明細書 preview (見本) for any period", _preview),
    "shipping-chart": ("出荷表 of a carrier on a day", _shipping_chart),
    "packing-slips": ("卸先用出荷表: one packing slip per buyer", _packing_slips),
    "shipping-list": ("まとめた出荷明細表: the day's shipping list", _shipping_list),
    "check-sheet": ("供給・受入チェック表", _check_sheet),
}


def add_document_commands(documents: Any, handlers: Mapping[str, Handler],
                          extra: Arguments | None = None) -> None:
    """One subcommand per document of ``DOCUMENTS``, run by ``handlers[name]``; ``extra`` adds the
    command's own arguments after the document's."""
    for name, (help_text, arguments) in DOCUMENTS.items():
        parser = documents.add_parser(name, help=help_text)
        arguments(parser)
        if extra is not None:
            extra(parser)
        parser.set_defaults(handler=handlers[name])
