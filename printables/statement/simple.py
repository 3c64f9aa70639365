"""The 簡易版 (simple) statement layout: centred Mincho party blocks, the total, then a fully ruled
detail table with the tax summary per rate below it."""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.platypus import Flowable, Spacer

from oroshi_desktop.domain.formats import long_date, quantity, short_date, tax_rate_label, yen_suffix
from oroshi_desktop.domain.parties import Receiver
from oroshi_desktop.domain.payment_statement import PaymentStatement
from oroshi_desktop.domain.statement_body import PRINTED_RATES, StatementBody
from printables.blocks import Beside, TextBlock, TextLine
from printables.fonts import GOTHIC, GOTHIC_BOLD, MINCHO
from printables.grid import Column, Grid, GridData, GridRow, RowBuilder, cell
from printables.pdf_text import SubsetEncoder
from printables.statement.shared import (
    CONTENT_WIDTH,
    no_payments,
    nonempty,
    period_text,
    preview_notice,
    printed_date,
    unit_price,
)
from printables.text import literal_line

DEEMED_ACCEPTANCE = "※送付後一定期間内に連絡がない場合確認済とします"
REDUCED_RATE_LEGEND = "※ 軽減税率対象"

_SIZE = 9
_PAD = 3.0
# Six underlying columns: 月日 | 商品名 (two) | 数量 | 単価 | 金額; the tax summary spans pairs.
_EDGES = (0.0, 66.0, 186.0, 306.0, 392.0, 468.0, CONTENT_WIDTH)


def _mincho(text: str, *, underline: bool = False) -> TextLine:
    """The simple layout's party blocks: Mincho 10 pt, centred, 15 pt apart."""
    return TextLine(text, 10.0, MINCHO, TA_CENTER, underline=underline, leading=15.0)


def simple_document(statement: PaymentStatement, receiver: Receiver, title: str, body: StatementBody,
                    encoder: SubsetEncoder) -> list[Flowable]:
    # The original's header is 75 % of the page wide; a little wider here so that the
    # deemed-acceptance clause fits on one line at 10 pt.
    width = CONTENT_WIDTH * 0.8
    issuer_width = 260.0
    receiver_width = width - issuer_width - 10
    receiver_lines = nonempty([
        _mincho(receiver.addressed_name, underline=True),
        _mincho(f"登録番号：{receiver.registration_number}" if receiver.registration_number else ""),
    ])
    company = statement.company
    issuer_lines = [
        *nonempty([_mincho(text) for text in (
            company.postal_line, company.address, company.phone_line,
            f"メール: {company.mail}" if company.mail else "", company.name)]),
        _mincho(""),
        _mincho(DEEMED_ACCEPTANCE),
    ]
    left = (CONTENT_WIDTH - width) / 2
    out: list[Flowable] = [
        *preview_notice(statement, encoder),
        TextBlock([TextLine("支払明細書", 18, GOTHIC_BOLD, TA_CENTER)], CONTENT_WIDTH, encoder),
        Spacer(0, 4),
        TextBlock([TextLine(period_text(statement, body), 12, GOTHIC, TA_CENTER)], CONTENT_WIDTH, encoder),
        Spacer(0, 20),
        Beside([(TextBlock([TextLine(long_date(printed_date(statement)), 10, MINCHO, TA_RIGHT)], width, encoder),
                  left, "top")], CONTENT_WIDTH),
        Spacer(0, 10),
        Beside([(TextBlock(receiver_lines, receiver_width, encoder), left, "top"),
                 (TextBlock(issuer_lines, issuer_width, encoder), left + width - issuer_width, "bottom")],
                CONTENT_WIDTH),
        Spacer(0, 12),
    ]
    if body.is_empty:
        return [*out, *no_payments(encoder)]
    return [
        *out,
        TextBlock([TextLine(f"支払金額合計： {yen_suffix(body.total)}", 12, GOTHIC_BOLD, underline=True)],
               CONTENT_WIDTH, encoder),
        Spacer(0, 8),
        Grid(_grid(body, encoder)),
    ]


def _grid(body: StatementBody, encoder: SubsetEncoder) -> GridData:
    e = _EDGES
    date_col, name_col = Column(e[0], e[1], TA_CENTER), Column(e[1], e[3], TA_LEFT)
    qty_col, price_col, amount_col = Column(e[3], e[4], TA_RIGHT), Column(e[4], e[5], TA_RIGHT), Column(e[5], e[6], TA_RIGHT)
    sum_cols = (Column(e[0], e[2], TA_CENTER), Column(e[2], e[4], TA_CENTER), Column(e[4], e[6], TA_CENTER))
    line_bounds = (e[0], e[1], e[3], e[4], e[5], e[6])
    sum_bounds = (e[0], e[2], e[4], e[6])
    build = RowBuilder(_SIZE, _PAD)
    header = build.row(
        [cell(Column(c.x0, c.x1, TA_CENTER), h)
         for c, h in zip((date_col, name_col, qty_col, price_col, amount_col), ("月日", "商品名", "数量", "単価", "金額"),
                         strict=True)],
        bounds=line_bounds, boxed=True, fill=0.92)
    rows: list[GridRow] = []
    for line in body.lines:
        name = literal_line(line.variation_name) + ("  ※" if line.reduced_rate else "")
        rows.append(build.row([
            cell(date_col, short_date(line.date)),
            cell(name_col, name, wrap=True),
            cell(qty_col, f"{quantity(line.quantity)} {literal_line(line.unit)}".rstrip()),
            cell(price_col, unit_price(line.unit_price)),
            cell(amount_col, yen_suffix(line.amount)),
        ], bounds=line_bounds, boxed=True))
    rows.append(build.row([cell(col, text) for col, text in zip(sum_cols, ("合計", "仕入額", "消費税額等"), strict=True)],
                          bounds=sum_bounds, boxed=True, fill=0.92))
    extra_rates = tuple(b.rate for b in body.tax_buckets if b.rate not in PRINTED_RATES)
    for rate in (*PRINTED_RATES, *extra_rates):
        bucket = body.bucket(rate)
        texts = (f"{tax_rate_label(rate)}対象", yen_suffix(bucket.base), yen_suffix(bucket.tax))
        rows.append(build.row([cell(col, text) for col, text in zip(sum_cols, texts, strict=True)],
                              bounds=sum_bounds, boxed=True, keep_with_previous=True))
    rows.append(build.row([cell(Column(e[0], e[6], TA_CENTER), REDUCED_RATE_LEGEND)], top_pad=2,
                          keep_with_previous=True))
    return GridData(CONTENT_WIDTH, header, rows, encoder)
