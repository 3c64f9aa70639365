"""The shipping chart (出荷表): buyers × products of freight units for one carrier on one day.

Its table is a :class:`printables.tables.PagedTable`, shared with the packing slips and the list.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from oroshi_desktop.domain.formats import iso_date
from oroshi_desktop.domain.shipping import CHART_TITLE, ShippingChart
from printables import tables
from printables.fonts import GOTHIC, GOTHIC_BOLD
from printables.pages import ISO_B4, JIS_B4, Margins, PageSize, build_pdf
from printables.text import LEADING_RATIO, escape, para, plain, styles

PAPERS: dict[str, PageSize] = {"jis_b4": JIS_B4, "iso_b4": ISO_B4}

CHART_MARGINS: Margins = (12 * mm, 10 * mm, 14 * mm, 10 * mm)
SWATCH_WIDTH = 9.0  # pt; the original's 5 pt swatch is hard to see on paper
TOTAL_WIDTH = 15 * mm


# ---------------------------------------------------------------------------------------------
# The chart


def _font_size(product_width: float) -> float:
    # Many products make narrow columns; a smaller face keeps "12 (salmon-fillet)" on one line.
    if product_width >= 48:
        return 8
    if product_width >= 34:
        return 7
    return 6


def chart_flowables(chart: ShippingChart, width: float) -> list[Flowable]:
    st = styles(8)
    title_style = st["bold"].clone("chart-title", fontSize=10, leading=10 * LEADING_RATIO, spaceAfter=4)
    flowables: list[Flowable] = [plain(chart.title, title_style, keep_newlines=False)]

    handles = [r.buyer.handle for r in chart.rows]
    handle_width = max([stringWidth(h, GOTHIC, 8) for h in handles] + [stringWidth("卸先", GOTHIC_BOLD, 8)])
    handle_width = min(max(handle_width + 10, 14 * mm), 32 * mm)  # + cell padding and air
    count = len(chart.products)
    rest = width - SWATCH_WIDTH - handle_width - TOTAL_WIDTH
    product_width = rest / count if count else rest
    size = _font_size(product_width)
    st = styles(size)
    cell, head, right_bold = st["normal"], st["center_bold"], st["right_bold"]

    col_widths = [SWATCH_WIDTH, handle_width, *([product_width] * count), TOTAL_WIDTH] if count else [
        SWATCH_WIDTH, handle_width, rest, TOTAL_WIDTH]
    header = tables.TableRow(
        [plain("卸先", head), "", *(plain(p.name, head) for p in chart.products), *([""] if not count else []),
         plain("合計", head)],
        [("SPAN", (0, 0), (1, 0)), ("BACKGROUND", (0, 0), (-1, 0), tables.HEADER_BACKGROUND)],
    )
    body: list[tables.TableRow] = []
    for row in chart.rows:
        cells: list[Any] = ["", plain(row.buyer.handle, cell)]
        for variations in row.cells:
            markup = "<br/>".join(escape(v.label) for v in variations)
            cells.append(para(markup, cell) if markup else "")
        if not count:
            cells.append("")
        cells.append(plain(tables.blank_zero(row.total), right_bold))
        fill = tables.swatch_color(row.buyer.color)
        body.append(tables.TableRow(cells, [("BACKGROUND", (0, 0), (0, 0), fill)] if fill else []))
    totals: list[Any] = [plain("合計", head), ""]
    totals.extend(plain(tables.blank_zero(t), right_bold) for t in chart.column_totals)
    if not count:
        totals.append("")
    totals.append(plain(tables.blank_zero(chart.grand_total), right_bold))
    body.append(tables.TableRow(totals, [("SPAN", (0, 0), (1, 0)), ("BACKGROUND", (0, 0), (-1, 0), tables.TOTAL_BACKGROUND),
                                  ("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black)]))
    flowables.append(tables.PagedTable([header], body, col_widths, tables.base_table_style(size)))
    if not chart.rows:
        flowables += [Spacer(1, 4), plain("該当する出荷はありません", st["normal"])]
    return flowables


def render_shipping_chart(chart: ShippingChart, *, paper: str = "jis_b4") -> bytes:
    """The 出荷表 as PDF bytes; ``paper`` is ``"jis_b4"`` (default, 257×364 mm) or ``"iso_b4"``."""
    try:
        pagesize = PAPERS[paper]
    except KeyError:
        raise ValueError(f"paper must be one of {sorted(PAPERS)}, got {paper!r}") from None
    width = pagesize[0] - CHART_MARGINS[1] - CHART_MARGINS[3]
    title = f"{CHART_TITLE} {chart.carrier_name} {iso_date(chart.day) if chart.day else ''}".strip()
    return build_pdf(chart_flowables(chart, width), pagesize=pagesize, margins=CHART_MARGINS, title=title,
                     subject=chart.title, numbering=True, number_single_page=False)


__all__ = ["PAPERS", "chart_flowables", "render_shipping_chart"]
