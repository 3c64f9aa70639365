"""The combined shipping list (まとめた出荷明細表): every order of a day on A4 landscape, grouped by
carrier and buyer, with totals per buyer, per carrier and overall.

It is one long :class:`~printables.tables.PagedTable`, so the column header repeats on
every page and a busy day with a thousand orders still lays out in linear time. The buyer's name
is printed on every line: after a page break a line still says whose it is.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from oroshi_desktop.domain.formats import iso_date, short_date
from oroshi_desktop.domain.parties import Company
from oroshi_desktop.domain.shipping import LIST_TITLE, QuantityTotals, ShippingList
from printables import tables
from printables.fonts import GOTHIC, GOTHIC_BOLD
from printables.pages import A4_LANDSCAPE, Margins, build_pdf
from printables.text import LEADING_RATIO, plain, styles

LIST_MARGINS: Margins = (12 * mm, 10 * mm, 13 * mm, 10 * mm)
BODY_WIDTH = A4_LANDSCAPE[0] - LIST_MARGINS[1] - LIST_MARGINS[3]
FONT_SIZE = 8

CARRIER_BACKGROUND = colors.HexColor("#dde6f0")
COLUMNS = ("卸先", "", "商品", "規格", "出荷方法", "商品数量", "容器数量", "容器", "口数", "到着日", "備考")
WIDTHS = [4 * mm, 44 * mm, 32 * mm, 38 * mm, 30 * mm, 15 * mm, 15 * mm, 24 * mm, 12 * mm, 18 * mm]
WIDTHS.append(BODY_WIDTH - sum(WIDTHS))
FIRST_NUMBER_COLUMN = 5
NUMBER_COLUMNS = (5, 6, 8)  # 商品数量, 容器数量, 口数
BUYER_RULE = 0.8  # above a buyer's subtotal; heavier rules mark the carrier and grand totals


def _totals_row(label: str, totals: QuantityTotals, background: colors.Color, *, rule: float,
                keep_with_next: bool = False) -> tables.TableRow:
    st = styles(FONT_SIZE)
    cells: list[Any] = [plain(label, st["bold"]), "", "", "", "", tables.blank_zero(totals.items),
                        tables.blank_zero(totals.boxes), "", tables.blank_zero(totals.freight), "", ""]
    return tables.TableRow(cells, [("SPAN", (0, 0), (FIRST_NUMBER_COLUMN - 1, 0)),
                            ("FONT", (0, 0), (-1, 0), GOTHIC_BOLD, FONT_SIZE, FONT_SIZE * LEADING_RATIO),
                            ("BACKGROUND", (0, 0), (-1, 0), background),
                            ("LINEABOVE", (0, 0), (-1, 0), rule, colors.black)],
                    keep_with_next=keep_with_next)


def list_table_style() -> list[tables.StyleCommand]:
    # Numbers and dates are plain strings, not Paragraphs: they never wrap, and a busy day has
    # thousands of them (a Paragraph is parsed and wrapped three times per page).
    return [*tables.base_table_style(FONT_SIZE), *(("ALIGN", (c, 0), (c, -1), "RIGHT") for c in NUMBER_COLUMNS)]


def list_rows(listing: ShippingList) -> list[tables.TableRow]:
    st = styles(FONT_SIZE)
    cell = st["normal"]
    rows: list[tables.TableRow] = []
    for carrier_index, carrier_group in enumerate(listing.carriers):
        rows.append(tables.TableRow(
            [plain(carrier_group.carrier.name, st["bold"]), *[""] * (len(COLUMNS) - 1)],
            [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), CARRIER_BACKGROUND),
             ("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black)],
            keep_with_next=True,
        ))
        for buyer_index, buyer_group in enumerate(carrier_group.buyers):
            buyer = buyer_group.buyer
            fill = tables.swatch_color(buyer.color)
            swatch = [("BACKGROUND", (0, 0), (0, 0), fill)] if fill else []
            for line_index, line in enumerate(buyer_group.lines):
                rows.append(tables.TableRow([
                    "", plain(buyer.name, cell),
                    plain(line.product_name, cell), plain(line.variation_name or line.variation_handle, cell),
                    plain(line.method_name, cell),
                    f"{line.item_quantity:,}", f"{line.receptacle_quantity:,}",
                    plain(line.receptacle_name, cell), f"{line.freight_quantity:,}",
                    short_date(line.arrival_date) if line.arrival_date else "",
                    plain(line.note, cell),
                    # A subtotal never opens a page on its own: it keeps its last line with it.
                ], swatch, keep_with_next=line_index == len(buyer_group.lines) - 1))
            rows.append(_totals_row(f"{buyer.name} 計", buyer_group.totals, tables.TOTAL_BACKGROUND, rule=BUYER_RULE,
                                    keep_with_next=buyer_index == len(carrier_group.buyers) - 1))
        rows.append(_totals_row(f"{carrier_group.carrier.name} 合計", carrier_group.totals, tables.HEADER_BACKGROUND,
                                rule=1.2, keep_with_next=carrier_index == len(listing.carriers) - 1))
    rows.append(_totals_row("総合計", listing.totals, tables.HEADER_BACKGROUND, rule=1.6))
    return rows


def _heading(listing: ShippingList, company: Company) -> Table:
    st = styles(9)
    title_style = st["bold"].clone("list-title", fontSize=15, leading=20)
    left = [plain(LIST_TITLE, title_style), plain(listing.title.removeprefix(LIST_TITLE).strip(), st["normal"])]
    right = [plain(line, st["right"]) for line in (company.name, company.phone_line) if line]
    table = Table([[left, right]], colWidths=[BODY_WIDTH * 0.7, BODY_WIDTH * 0.3])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), GOTHIC), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def list_flowables(listing: ShippingList, company: Company) -> list[Flowable]:
    st = styles(FONT_SIZE)
    # 卸先 spans the colour swatch and the name, as on the chart.
    header = tables.TableRow([plain(t, st["center_bold"]) for t in COLUMNS],
                      [("SPAN", (0, 0), (1, 0)), ("BACKGROUND", (0, 0), (-1, 0), tables.HEADER_BACKGROUND)])
    flowables: list[Flowable] = [_heading(listing, company), Spacer(1, 3 * mm),
                                 tables.PagedTable([header], list_rows(listing), WIDTHS, list_table_style())]
    if not listing.carriers:
        flowables += [Spacer(1, 3), plain("該当する出荷はありません", st["normal"])]
    return flowables


def render_shipping_list(listing: ShippingList, company: Company) -> bytes:
    """The まとめた出荷明細表 as A4-landscape PDF bytes, pages numbered "n / N"."""
    title = f"{LIST_TITLE} {iso_date(listing.day)}" if listing.day else LIST_TITLE
    return build_pdf(list_flowables(listing, company), pagesize=A4_LANDSCAPE, margins=LIST_MARGINS, title=title,
                     author=company.name, subject=listing.title, numbering=True, number_single_page=False)
