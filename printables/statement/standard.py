"""The 標準版 (standard) statement layout: address blocks, title, the detail table grouped by day
(day totals, informational tax, subtotals per variation), then the boxed totals and the tax note."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from oroshi_desktop.domain.formats import iso_date, quantity, tax_rate_label, yen, yen_suffix
from oroshi_desktop.domain.parties import Receiver
from oroshi_desktop.domain.payment_statement import PaymentStatement
from oroshi_desktop.domain.statement_body import StatementBody
from printables.blocks import Beside, TextBlock, TextLine
from printables.fonts import GOTHIC, GOTHIC_BOLD
from printables.grid import Column, Grid, GridData, GridRow, RowBuilder, cell
from printables.logo import logo_flowable
from printables.pdf_text import SubsetEncoder
from printables.statement.shared import (
    CONTENT_WIDTH,
    no_payments,
    nonempty,
    period_text,
    preview_notice,
    unit_price,
)
from printables.text import literal_line

TAX_NOTE = "※消費税は税率ごとに合計額から一括で計算しています（日別の消費税は参考値）"

_SIZE = 8
_PAD = 2.0
_DAY_GAP = 10.0  # extra space above the first row of each day after the first
LOGO_HEIGHT = 46.0  # the header's address blocks are about this tall (five 8 pt lines)
LOGO_GAP = 6.0      # clear space on each side of the logo within the middle third
# 月日 | 商品名 | 数量 | 単位 | 単価 | 金額 | 総合計
_EDGES = (0.0, 60.0, 250.0, 315.0, 350.0, 410.0, 485.0, CONTENT_WIDTH)


def _small(text: str, font: str = GOTHIC, align: int = TA_LEFT) -> TextLine:
    """The standard layout's address blocks: 8 pt, shrinking to 6 pt before wrapping."""
    return TextLine(text, 8.0, font, align, min_ratio=0.75)


def _logo(png: bytes, third: float) -> list[tuple[Flowable, float, str]]:
    """The company logo centred in the header's middle third (DOMAIN §Layout 1), if there is one."""
    width = third - 2 * LOGO_GAP
    logo = logo_flowable(png, width, LOGO_HEIGHT)
    if logo is None:
        return []
    drawn, _ = logo.wrap(width, LOGO_HEIGHT)
    return [(logo, third + (third - drawn) / 2, "top")]


def standard_document(statement: PaymentStatement, receiver: Receiver, title: str, body: StatementBody,
                      encoder: SubsetEncoder) -> list[Flowable]:
    org = statement.receiver
    third = CONTENT_WIDTH / 3
    org_phone = " ".join(p for p in (f"TEL {org.phone}" if org.phone else "", f"FAX {org.fax}" if org.fax else "") if p)
    org_block = TextBlock(nonempty([
        _small(org.address.postal_code, GOTHIC_BOLD),
        _small(org.address.line),
        _small(statement.organization_name),
        _small(org_phone),
    ]), third, encoder)
    company = statement.company
    company_block = TextBlock(nonempty([
        _small(company.postal_line, GOTHIC_BOLD, TA_RIGHT),
        *(_small(text, align=TA_RIGHT) for text in (company.address, company.name, company.phone_line,
                                                   f"メール: {company.mail}" if company.mail else "")),
    ]), third, encoder)
    out: list[Flowable] = [
        *preview_notice(statement, encoder),
        Beside([(org_block, 0.0, "top"), *_logo(company.logo_png, third), (company_block, 2 * third, "top")],
               CONTENT_WIDTH),
        Spacer(0, 10),
        TextBlock([TextLine(title, 15, GOTHIC_BOLD, TA_CENTER, min_ratio=0.6)], CONTENT_WIDTH, encoder),
        Spacer(0, 8),
        TextBlock([TextLine(period_text(statement, body), 8, GOTHIC, TA_CENTER)], CONTENT_WIDTH, encoder),
        Spacer(0, 8),
    ]
    if body.is_empty:
        return [*out, *no_payments(encoder)]
    out.append(Grid(_grid(body, encoder)))
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
    note = TextBlock([TextLine(TAX_NOTE, 8, GOTHIC, TA_CENTER)], CONTENT_WIDTH, encoder)
    out.append(KeepTogether([Spacer(0, 14), box, Spacer(0, 6), note]))
    return out


def _grid(body: StatementBody, encoder: SubsetEncoder) -> GridData:
    e = _EDGES
    aligns = (TA_LEFT, TA_LEFT, TA_RIGHT, TA_LEFT, TA_RIGHT, TA_RIGHT, TA_RIGHT)
    cols = [Column(e[i], e[i + 1], aligns[i]) for i in range(7)]
    date_col, name_col, qty_col, unit_col, price_col, amount_col, total_col = cols
    label_col = Column(name_col.x0, name_col.x1, TA_RIGHT)
    build = RowBuilder(_SIZE, _PAD)
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
                cell(price_col, unit_price(line.unit_price)),
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
    return GridData(CONTENT_WIDTH, header, rows, encoder)
