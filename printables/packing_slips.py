"""Per-buyer packing slips (卸先用出荷表): one A4 slip per buyer, each numbered on its own.

A slip goes into the box or along with the delivery, so it names both parties: the buyer at the
top left, our company (from company settings, nothing hard-coded) at the top right.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from oroshi_desktop.domain.formats import iso_date, long_date, short_date
from oroshi_desktop.domain.parties import Company
from oroshi_desktop.domain.shipping import SLIP_TITLE, PackingSlip
from printables import tables
from printables.fonts import GOTHIC
from printables.pages import A4, Margins, build_pdf, section_start
from printables.text import one_line, para, plain, styles

SLIP_MARGINS: Margins = (14 * mm, 12 * mm, 15 * mm, 12 * mm)
BODY_WIDTH = A4[0] - SLIP_MARGINS[1] - SLIP_MARGINS[3]


def _dates(slip: PackingSlip) -> str:
    return "、".join(long_date(d) for d in slip.arrival_dates) or "—"


def _parties(slip: PackingSlip, company: Company) -> Table:
    st = styles(9)
    buyer = slip.buyer
    half = BODY_WIDTH / 2 - 3 * mm
    name_style = st["large"].clone("slip-buyer", fontName=st["bold"].fontName, fontSize=14, leading=19)
    left: list[Any] = [one_line(f"{buyer.name}　{buyer.honorific}", name_style, half)]
    if buyer.handle:
        left.append(plain(f"卸先コード {buyer.handle}", st["small"]))
    address = buyer.address
    if address.postal_code:
        left.append(plain(f"〒{address.postal_code}", st["normal"]))
    if address.line:
        left.append(plain(address.line, st["normal"]))
    phones = " ".join(p for p in (f"TEL {buyer.phone}" if buyer.phone else "", f"FAX {buyer.fax}" if buyer.fax else "") if p)
    if phones:
        left.append(plain(phones, st["normal"]))
    right: list[Any] = []
    if company.name:
        right.append(one_line(company.name, st["bold"].clone("slip-company", alignment=2), half))
    for line in (company.postal_line, company.address, company.phone_line, company.mail):
        if line:
            right.append(plain(line, st["right"]))
    table = Table([[left, right]], colWidths=[BODY_WIDTH / 2, BODY_WIDTH / 2])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), GOTHIC),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (0, 0), (0, 0), 0.8, colors.black),
    ]))
    return table


def _info(slip: PackingSlip) -> Table:
    st = styles(9)
    label, value = st["center_bold"], st["normal"]
    shipping = "、".join(slip.shipping_labels) or "—"
    rows = [
        [plain("出荷日", label), plain(long_date(slip.day) if slip.day else "—", value),
         plain("到着日", label), plain(_dates(slip), value)],
        [plain("運送会社・出荷方法", label), plain(shipping, value), "", ""],
    ]
    widths = [30 * mm, BODY_WIDTH / 2 - 30 * mm, 22 * mm, BODY_WIDTH / 2 - 22 * mm]
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([
        *tables.base_table_style(9),
        ("SPAN", (1, 1), (3, 1)),
        ("BACKGROUND", (0, 0), (0, -1), tables.HEADER_BACKGROUND),
        ("BACKGROUND", (2, 0), (2, 0), tables.HEADER_BACKGROUND),
    ]))
    return table


def _lines(slip: PackingSlip) -> tables.PagedTable:
    st = styles(8.5)
    head, cell, right, right_bold = st["center_bold"], st["normal"], st["right"], st["right_bold"]
    several_arrivals = len(slip.arrival_dates) > 1
    titles = ["No.", "商品", "規格", "出荷方法", "商品数量", "容器数量", "容器", "口数", "備考"]
    widths = [9 * mm, 28 * mm, 34 * mm, 22 * mm, 15 * mm, 15 * mm, 20 * mm, 12 * mm]
    if several_arrivals:
        # Only when the orders arrive on different days; otherwise the date is in the header.
        titles.insert(8, "到着日")
        widths.append(17 * mm)
    widths.append(BODY_WIDTH - sum(widths))
    header = tables.TableRow([plain(t, head) for t in titles], [("BACKGROUND", (0, 0), (-1, 0), tables.HEADER_BACKGROUND)])
    body: list[tables.TableRow] = []
    for number, line in enumerate(slip.lines, start=1):
        cells: list[Any] = [
            plain(str(number), right), plain(line.product_name, cell),
            plain(line.variation_name or line.variation_handle, cell), plain(line.method_name, cell),  # the carrier is in the header
            plain(f"{line.item_quantity:,}", right), plain(f"{line.receptacle_quantity:,}", right),
            plain(line.receptacle_name, cell), plain(f"{line.freight_quantity:,}", right),
        ]
        if several_arrivals:
            cells.append(plain(short_date(line.arrival_date) if line.arrival_date else "", cell))
        cells.append(plain(line.note, cell))
        body.append(tables.TableRow(cells))
    totals: list[Any] = [para("<b>合計</b>", head), "", "", "",
                         plain(tables.blank_zero(slip.totals.items), right_bold),
                         plain(tables.blank_zero(slip.totals.boxes), right_bold), "",
                         plain(tables.blank_zero(slip.totals.freight), right_bold), ""]
    if several_arrivals:
        totals.append("")
    body.append(tables.TableRow(totals, [("SPAN", (0, 0), (3, 0)), ("BACKGROUND", (0, 0), (-1, 0), tables.TOTAL_BACKGROUND),
                                  ("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black)]))
    return tables.PagedTable([header], body, widths, tables.base_table_style(8.5))


def _swatch(slip: PackingSlip) -> list[Flowable]:
    fill = tables.swatch_color(slip.buyer.color)
    if fill is None:
        return []
    # The buyer's colour as a thin band, matching the chart's swatch, for sorting boxes by eye.
    band = Table([[""]], colWidths=[BODY_WIDTH], rowHeights=[2.5])
    band.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), GOTHIC), ("BACKGROUND", (0, 0), (-1, -1), fill)]))
    return [band, Spacer(1, 3)]


def slip_flowables(slip: PackingSlip, company: Company) -> list[Flowable]:
    st = styles(9)
    return [
        *section_start(f"slip-{slip.buyer.id}"),
        *_swatch(slip),
        plain(SLIP_TITLE, st["title"]),
        _parties(slip, company),
        Spacer(1, 3 * mm),
        _info(slip),
        Spacer(1, 4 * mm),
        _lines(slip),
    ]


def render_packing_slips(slips: tuple[PackingSlip, ...] | list[PackingSlip], company: Company) -> bytes:
    """All slips in one A4 PDF; each starts on a new page and is numbered "n / N" on its own."""
    st = styles(9)
    flowables: list[Flowable] = []
    for slip in slips:
        flowables.extend(slip_flowables(slip, company))
    if not slips:
        flowables = [plain(SLIP_TITLE, st["title"]), plain("該当する出荷はありません", st["normal"])]
    day = next((s.day for s in slips if s.day), None)
    title = f"{SLIP_TITLE} {iso_date(day)}" if day else SLIP_TITLE
    return build_pdf(flowables, pagesize=A4, margins=SLIP_MARGINS, title=title, author=company.name,
                     numbering=True)
