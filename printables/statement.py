"""The payment statement PDF (支払明細書): 簡易版 ("simple") and 標準版 ("standard") layouts.

:func:`render_statement` draws a :class:`~oroshi_desktop.domain.payment_statement.PaymentStatement`
that :func:`oroshi_desktop.queries.statements.load_statement` built; every number on the page comes
from that value (this module computes nothing but positions), so the page adds up exactly as the
domain rules say.

Formats and numbering:

- organization format: one document, "n / N" at the bottom right of every page (also "1 / 1");
- supplier format: one section per producer, each starting on a new page; numbering restarts per
  producer and is printed only when that producer's section has two or more pages. The original
  did this in the standard layout only; here both layouts follow the same rule, so a one-page
  producer statement never carries a lone "1 / 1".

Speed: the detail table is not a ReportLab ``Table``. A ``Table`` re-measures its remaining rows on
every page split (quadratic in the number of lines) and draws each cell through the generic
``drawString`` machinery. :class:`Grid` instead lays out each row once, keeps prefix sums of the
row heights so that measuring and splitting a page costs O(log n), and writes each page's text as
one PDF text object with positions computed in advance; its header row repeats on every page. The
header blocks use the same light text drawing (:class:`TextBlock`) rather than Paragraphs, whose CJK
line breaking costs more than the rest of a short statement. Strings are encoded for the embedded
font subsets once per document and reused (dates, names and units repeat on every line).

User strings (names, addresses, units) are always drawn literally: nothing here parses markup.
Control characters become spaces. Long names shrink a little and then wrap at any character; a
table cell never grows past :data:`MAX_CELL_LINES` lines (the rest is replaced by "…"), so no row
can be taller than a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from oroshi_desktop.domain.formats import (
    iso_date,
    long_date,
    quantity,
    short_date,
    tax_rate_label,
    yen,
    yen_suffix,
)
from oroshi_desktop.domain.parties import Receiver
from oroshi_desktop.domain.payment_statement import PaymentStatement
from oroshi_desktop.domain.statement import PRINTED_RATES, StatementBody
from printables.blocks import Beside, TextBlock, TextLine
from printables.encryption import encrypt_pdf
from printables.fonts import GOTHIC, GOTHIC_BOLD, MINCHO, register_fonts
from printables.grid import MAX_CELL_LINES, Column, Grid, GridData, GridRow, RowBuilder, cell
from printables.pages import A4, build_pdf, section_start, watermark
from printables.pdf_text import SubsetEncoder
from printables.text import literal_line

__all__ = [
    "MARGINS",
    "MAX_CELL_LINES",
    "NO_PAYMENTS",
    "PREVIEW_NOTICE",
    "TAX_NOTE",
    "render_statement",
]

# The original's page: 15 pt all round, 30 pt at the bottom for the page numbers.
MARGINS = (15.0, 15.0, 30.0, 15.0)  # top, right, bottom, left
CONTENT_WIDTH = A4[0] - MARGINS[1] - MARGINS[3]

PREVIEW_WATERMARK = "見本"
PREVIEW_NOTICE = "見本（発行済みの支払明細書ではありません）"
NO_PAYMENTS = "支払いはない"
DEEMED_ACCEPTANCE = "※送付後一定期間内に連絡がない場合確認済とします"
REDUCED_RATE_LEGEND = "※ 軽減税率対象"
TAX_NOTE = "※消費税は税率ごとに合計額から一括で計算しています（日別の消費税は参考値）"

_PREVIEW_RED = (0.75, 0.0, 0.0)


def render_statement(statement: PaymentStatement, *, password: str | None = None) -> bytes:
    """The statement as PDF bytes; encrypted with AES-256 when ``password`` is given.

    A preview (``statement.is_preview``) is never encrypted (passing a password is an error): it
    carries a diagonal 見本 watermark on every page and the notice :data:`PREVIEW_NOTICE` in its
    header, so it cannot pass for an issued statement.
    """
    if statement.format not in ("organization", "supplier"):
        raise ValueError(f"unknown statement format {statement.format!r}")
    if statement.layout not in ("simple", "standard"):
        raise ValueError(f"unknown statement layout {statement.layout!r}")
    if statement.is_preview and password:
        raise ValueError("a preview is never encrypted: it must not look like an issued statement")
    register_fonts()
    ink = SubsetEncoder()
    draw = _simple_document if statement.layout == "simple" else _standard_document
    flowables: list[Flowable] = []
    supplier_format = statement.format == "supplier"
    if supplier_format and statement.sections:
        for section in statement.sections:
            flowables += section_start(f"supplier-{section.supplier_id}", number_if_single_page=False)
            flowables += draw(statement, section.receiver, section.title, section.body, ink)
    else:
        # Organization format, or a supplier-format statement without any supplies (one page
        # saying 支払いはない rather than an empty file).
        flowables += draw(statement, statement.receiver, statement.title, statement.body, ink)
    pdf = build_pdf(
        flowables,
        pagesize=A4,
        margins=MARGINS,
        title=statement.title,
        author=statement.company.name,
        subject=PREVIEW_NOTICE if statement.is_preview else _period_text(statement, statement.body),
        on_page_end=watermark(PREVIEW_WATERMARK) if statement.is_preview else None,
        numbering=True,
        number_single_page=not supplier_format,
    )
    return encrypt_pdf(pdf, password) if password else pdf


# --------------------------------------------------------------------------------------------
# Shared pieces


def _period_text(statement: PaymentStatement, body: StatementBody) -> str:
    """Long dates of the first and last supply day (the days that exist), else the requested period."""
    first = body.first_date or statement.period_start
    last = body.last_date or statement.period_end
    return f"{long_date(first)} ~ {long_date(last)}"


def _printed_date(statement: PaymentStatement) -> date:
    return statement.printed_date or statement.period_end


def _price(value: Decimal) -> str:
    """Unit price: whole yen as ``1,235``; a fractional price keeps its decimals (``1,235.5``).

    The original truncated the price for display, which made ``price × quantity`` disagree with
    the printed amount; an exact price keeps every line checkable.
    """
    if value == value.to_integral_value():
        return yen(value)
    return f"{value.normalize():,f}"


def _preview_notice(statement: PaymentStatement, ink: SubsetEncoder) -> list[Flowable]:
    if not statement.is_preview:
        return []
    line = TextLine(PREVIEW_NOTICE, 11, GOTHIC_BOLD, TA_CENTER, color=_PREVIEW_RED)
    return [TextBlock([line], CONTENT_WIDTH, ink), Spacer(0, 4)]


def _no_payments(ink: SubsetEncoder) -> list[Flowable]:
    return [Spacer(0, 24), TextBlock([TextLine(NO_PAYMENTS, 14, GOTHIC_BOLD, TA_CENTER)], CONTENT_WIDTH, ink)]


def _nonempty(lines: Sequence[TextLine]) -> list[TextLine]:
    return [line for line in lines if line.text]


# --------------------------------------------------------------------------------------------
# 簡易版 (simple layout)

_SIMPLE_SIZE = 9
_SIMPLE_PAD = 3.0
# Six underlying columns: 月日 | 商品名 (two) | 数量 | 単価 | 金額; the tax summary spans pairs.
_SIMPLE_EDGES = (0.0, 66.0, 186.0, 306.0, 392.0, 468.0, CONTENT_WIDTH)


def _mincho(text: str, *, underline: bool = False) -> TextLine:
    """The simple layout's party blocks: Mincho 10 pt, centred, 15 pt apart."""
    return TextLine(text, 10.0, MINCHO, TA_CENTER, underline=underline, leading=15.0)


def _simple_document(statement: PaymentStatement, receiver: Receiver, title: str, body: StatementBody,
                     ink: SubsetEncoder) -> list[Flowable]:
    # The original's header is 75 % of the page wide; a little wider here so that the
    # deemed-acceptance clause fits on one line at 10 pt.
    width = CONTENT_WIDTH * 0.8
    issuer_width = 260.0
    receiver_width = width - issuer_width - 10
    receiver_lines = _nonempty([
        _mincho(receiver.addressed_name, underline=True),
        _mincho(f"登録番号：{receiver.registration_number}" if receiver.registration_number else ""),
    ])
    company = statement.company
    issuer_lines = [
        *_nonempty([_mincho(text) for text in (
            company.postal_line, company.address, company.phone_line,
            f"メール: {company.mail}" if company.mail else "", company.name)]),
        _mincho(""),
        _mincho(DEEMED_ACCEPTANCE),
    ]
    left = (CONTENT_WIDTH - width) / 2
    out: list[Flowable] = [
        *_preview_notice(statement, ink),
        TextBlock([TextLine("支払明細書", 18, GOTHIC_BOLD, TA_CENTER)], CONTENT_WIDTH, ink),
        Spacer(0, 4),
        TextBlock([TextLine(_period_text(statement, body), 12, GOTHIC, TA_CENTER)], CONTENT_WIDTH, ink),
        Spacer(0, 20),
        Beside([(TextBlock([TextLine(long_date(_printed_date(statement)), 10, MINCHO, TA_RIGHT)], width, ink),
                  left, "top")], CONTENT_WIDTH),
        Spacer(0, 10),
        Beside([(TextBlock(receiver_lines, receiver_width, ink), left, "top"),
                 (TextBlock(issuer_lines, issuer_width, ink), left + width - issuer_width, "bottom")],
                CONTENT_WIDTH),
        Spacer(0, 12),
    ]
    if body.is_empty:
        return [*out, *_no_payments(ink)]
    return [
        *out,
        TextBlock([TextLine(f"支払金額合計： {yen_suffix(body.total)}", 12, GOTHIC_BOLD, underline=True)],
               CONTENT_WIDTH, ink),
        Spacer(0, 8),
        Grid(_simple_grid(body, ink)),
    ]


def _simple_grid(body: StatementBody, ink: SubsetEncoder) -> GridData:
    e = _SIMPLE_EDGES
    date_col, name_col = Column(e[0], e[1], TA_CENTER), Column(e[1], e[3], TA_LEFT)
    qty_col, price_col, amount_col = Column(e[3], e[4], TA_RIGHT), Column(e[4], e[5], TA_RIGHT), Column(e[5], e[6], TA_RIGHT)
    sum_cols = (Column(e[0], e[2], TA_CENTER), Column(e[2], e[4], TA_CENTER), Column(e[4], e[6], TA_CENTER))
    line_bounds = (e[0], e[1], e[3], e[4], e[5], e[6])
    sum_bounds = (e[0], e[2], e[4], e[6])
    build = RowBuilder(_SIMPLE_SIZE, _SIMPLE_PAD)
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
            cell(price_col, _price(line.unit_price)),
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
    return GridData(CONTENT_WIDTH, header, rows, ink)


# --------------------------------------------------------------------------------------------
# 標準版 (standard layout)

_STANDARD_SIZE = 8
_STANDARD_PAD = 2.0
_DAY_GAP = 10.0  # extra space above the first row of each day after the first
# 月日 | 商品名 | 数量 | 単位 | 単価 | 金額 | 総合計
_STANDARD_EDGES = (0.0, 60.0, 250.0, 315.0, 350.0, 410.0, 485.0, CONTENT_WIDTH)


def _small(text: str, font: str = GOTHIC, align: int = TA_LEFT) -> TextLine:
    """The standard layout's address blocks: 8 pt, shrinking to 6 pt before wrapping."""
    return TextLine(text, 8.0, font, align, min_ratio=0.75)


def _standard_document(statement: PaymentStatement, receiver: Receiver, title: str, body: StatementBody,
                       ink: SubsetEncoder) -> list[Flowable]:
    org = statement.receiver
    third = CONTENT_WIDTH / 3
    org_phone = " ".join(p for p in (f"TEL {org.phone}" if org.phone else "", f"FAX {org.fax}" if org.fax else "") if p)
    org_block = TextBlock(_nonempty([
        _small(org.address.postal_code, GOTHIC_BOLD),
        _small(org.address.line),
        _small(statement.organization_name),
        _small(org_phone),
    ]), third, ink)
    company = statement.company
    company_block = TextBlock(_nonempty([
        _small(company.postal_line, GOTHIC_BOLD, TA_RIGHT),
        *(_small(text, align=TA_RIGHT) for text in (company.address, company.name, company.phone_line,
                                                   f"メール: {company.mail}" if company.mail else "")),
    ]), third, ink)
    out: list[Flowable] = [
        *_preview_notice(statement, ink),
        # The centre third is left free for the company logo (company settings have none yet).
        Beside([(org_block, 0.0, "top"), (company_block, 2 * third, "top")], CONTENT_WIDTH),
        Spacer(0, 10),
        TextBlock([TextLine(title, 15, GOTHIC_BOLD, TA_CENTER, min_ratio=0.6)], CONTENT_WIDTH, ink),
        Spacer(0, 8),
        TextBlock([TextLine(_period_text(statement, body), 8, GOTHIC, TA_CENTER)], CONTENT_WIDTH, ink),
        Spacer(0, 8),
    ]
    if body.is_empty:
        return [*out, *_no_payments(ink)]
    out.append(Grid(_standard_grid(body, ink)))
    box = Table(
        [["買上金額", "消費税額", "今回支払金額"],
         [yen_suffix(body.subtotal), yen_suffix(body.tax_total), yen_suffix(body.total)]],
        colWidths=[100, 100, 100], rowHeights=[20, 20], hAlign="CENTER",
        style=TableStyle([
            ("FONT", (0, 0), (-1, 0), GOTHIC_BOLD, 10),
            ("FONT", (0, 1), (-1, 1), GOTHIC, 12),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ]),
    )
    note = TextBlock([TextLine(TAX_NOTE, 8, GOTHIC, TA_CENTER)], CONTENT_WIDTH, ink)
    out.append(KeepTogether([Spacer(0, 14), box, Spacer(0, 6), note]))
    return out


def _standard_grid(body: StatementBody, ink: SubsetEncoder) -> GridData:
    e = _STANDARD_EDGES
    aligns = (TA_LEFT, TA_LEFT, TA_RIGHT, TA_LEFT, TA_RIGHT, TA_RIGHT, TA_RIGHT)
    cols = [Column(e[i], e[i + 1], aligns[i]) for i in range(7)]
    date_col, name_col, qty_col, unit_col, price_col, amount_col, total_col = cols
    label_col = Column(name_col.x0, name_col.x1, TA_RIGHT)
    build = RowBuilder(_STANDARD_SIZE, _STANDARD_PAD)
    heads = ("月日", "商品名", "数量", "単位", "単価", "金額", "総合計")
    header = build.row([cell(Column(c.x0, c.x1, TA_CENTER), h, GOTHIC_BOLD) for c, h in zip(cols, heads, strict=True)],
                       top_pad=1, rule_below="frame")
    rows: list[GridRow] = []
    for index, day in enumerate(body.days):
        label = iso_date(day.date)
        day_rows: list[GridRow] = []
        last = len(day.lines) - 1
        for i, line in enumerate(day.lines):
            cells = [
                cell(date_col, label if i == 0 else "", valign="top"),
                cell(name_col, literal_line(line.variation_name), wrap=True),
                cell(qty_col, quantity(line.quantity)),
                cell(unit_col, literal_line(line.unit)),
                cell(price_col, _price(line.unit_price)),
                cell(amount_col, yen(line.amount)),
            ]
            if i == last:
                # The day's total: bold, at the bottom of the day's lines (the original's
                # bottom-aligned cell spanning them).
                cells.append(cell(total_col, yen(day.total), GOTHIC_BOLD, valign="bottom"))
            row = build.row(cells, top_pad=_DAY_GAP if i == 0 and index > 0 else 0.0)
            if i > 0:
                # A day that breaks across pages repeats its date on the new page.
                row.carry = build.carry(row, date_col, label)
            day_rows.append(row)
        for bucket in day.taxes:
            # Informational: the statement's tax is computed once per rate (see the note).
            day_rows.append(build.row([
                cell(amount_col, f"消費税({tax_rate_label(bucket.rate)})"),
                cell(total_col, yen(bucket.tax)),
            ], keep_with_previous=True))
        for total in day.variation_totals:
            day_rows.append(build.row([
                cell(label_col, f"―{literal_line(total.variation_name)}小計―", wrap=True),
                cell(qty_col, quantity(total.quantity)),
                cell(unit_col, literal_line(total.unit)),
                cell(amount_col, yen(total.amount)),
            ], keep_with_previous=True))
        day_rows[-1].rule_below = "dotted"
        rows += day_rows
    if rows:
        rows[-1].rule_below = "solid"
    for i, total in enumerate(body.variation_totals):
        rows.append(build.row([
            cell(label_col, f"―{literal_line(total.variation_name)}合計―", GOTHIC_BOLD, wrap=True),
            cell(qty_col, quantity(total.quantity), GOTHIC_BOLD),
            cell(unit_col, literal_line(total.unit), GOTHIC_BOLD),
            cell(amount_col, yen(total.amount), GOTHIC_BOLD),
        ], top_pad=4 if i == 0 else 0.0, keep_with_previous=i > 0))
    return GridData(CONTENT_WIDTH, header, rows, ink)
