"""What both statement layouts share: the page, the fixed wording, the period and price texts, and the
preview and 支払いはない blocks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Flowable, Spacer

from oroshi_desktop.domain.formats import long_date, yen
from oroshi_desktop.domain.payment_statement import PaymentStatement
from oroshi_desktop.domain.statement_body import StatementBody
from printables.blocks import TextBlock, TextLine
from printables.fonts import GOTHIC_BOLD
from printables.pages import A4
from printables.pdf_text import SubsetEncoder

# The original's page: 15 pt all round, 30 pt at the bottom for the page numbers.
MARGINS = (15.0, 15.0, 30.0, 15.0)  # top, right, bottom, left
CONTENT_WIDTH = A4[0] - MARGINS[1] - MARGINS[3]

PREVIEW_WATERMARK = "見本"
PREVIEW_NOTICE = "見本（発行済みの支払明細書ではありません）"
PREVIEW_RED = (0.75, 0.0, 0.0)
NO_PAYMENTS = "支払いはない"


def period_text(statement: PaymentStatement, body: StatementBody) -> str:
    """Long dates of the first and last supply day (the days that exist), else the requested period."""
    first = body.first_date or statement.period_start
    last = body.last_date or statement.period_end
    return f"{long_date(first)} 〜 {long_date(last)}"  # 〜: "~" prints as a raised ˜ in Japanese fonts


def printed_date(statement: PaymentStatement) -> date:
    return statement.printed_date or statement.period_end


def unit_price(value: Decimal) -> str:
    """Unit price: whole yen as ``1,235``; a fractional price keeps its decimals (``1,235.5``).

    The original truncated the price for display, which made ``price × quantity`` disagree with
    the printed amount; an exact price keeps every line checkable.
    """
    if value == value.to_integral_value():
        return yen(value)
    return f"{value.normalize():,f}"


def preview_notice(statement: PaymentStatement, encoder: SubsetEncoder) -> list[Flowable]:
    if not statement.is_preview:
        return []
    line = TextLine(PREVIEW_NOTICE, 11, GOTHIC_BOLD, TA_CENTER, color=PREVIEW_RED)
    return [TextBlock([line], CONTENT_WIDTH, encoder), Spacer(0, 4)]


def no_payments(encoder: SubsetEncoder) -> list[Flowable]:
    return [Spacer(0, 24), TextBlock([TextLine(NO_PAYMENTS, 14, GOTHIC_BOLD, TA_CENTER)], CONTENT_WIDTH, encoder)]


def nonempty(lines: Sequence[TextLine]) -> list[TextLine]:
    return [line for line in lines if line.text]
