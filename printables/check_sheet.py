"""Reception check sheet (供給・受入チェック表): one A4 table per prefecture × reception time, laid out
like the web system's sheet; the HACCP wording is :mod:`oroshi_desktop.domain.haccp`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from oroshi_desktop.domain.check_sheet import (
    CheckSheet,
    CheckSheetPage,
    Notice,
    OrganizationBlock,
    ProducerRow,
    document_date,
)
from oroshi_desktop.domain.formats import long_date
from oroshi_desktop.domain.haccp import CRITERIA, FREQUENCY, LEGEND, LEGEND_NOTE, Guidance
from oroshi_desktop.domain.parties import Company
from printables.fonts import GOTHIC_BOLD, MINCHO, register_fonts
from printables.logo import logo_flowable
from printables.pages import A4, build_pdf, section_start
from printables.tables import SpanTableBuilder
from printables.text import content_height, escape, fit_to_height, para, paragraph_style, plain, scaled_style

__all__ = ["CRITERIA", "FREQUENCY", "LEGEND", "render_check_sheet"]

MARGIN = 15.0  # pt on every side, as on the web system's sheet
WIDTH = A4[0] - 2 * MARGIN
COLUMN = WIDTH / 8
GREY = colors.HexColor("#cfcfcf")
BORDER = 0.25
PAD_X = 3.0
PAD_Y = 2.0
LOGO_HEIGHT = 48.0  # the footer's company block is about this tall

HEADER_ROWS = 6  # title block (3), spacer, date row, column headings: repeated on continuation pages
CHECK_ROW_MIN = 22.0  # room to write a temperature or a ○ by hand
CONTAINER_ROW_MIN = 12.0
# An organization taller than this is cut into several blocks, so that every block (a row span
# ReportLab will not split) fits on a page below the repeated header.
MAX_BLOCK_HEIGHT = 520.0
CHUNK_HEIGHT = 300.0  # the size of the pieces a taller organization is cut into
VERTICAL_FULL_SIZE = 18.0
VERTICAL_MIN_SIZE = 8.0
VERTICAL_MAX_CHARS = 16  # longer areas print horizontally: a 40-character column would not fit

COLUMN_HEADINGS = ("海域", "生産者", "官能検査", "温度(℃)", "pH", "塩分(%)", "最終判定", "時間・署名")


# The web system's sheet sets its lines a little tighter than the other printables.
_style = partial(paragraph_style, leading_ratio=1.3)


class _Styles:
    """The paragraph styles of one rendering (ReportLab styles are mutable, so never shared)."""

    def __init__(self) -> None:
        self.title = _style("title", 14, font=GOTHIC_BOLD, align=TA_CENTER)
        self.legend = _style("legend", 8, hang=True)
        self.label = _style("label", 7)
        self.label_center = _style("label_c", 7, align=TA_CENTER)
        self.day = _style("day", 11, font=GOTHIC_BOLD, align=TA_CENTER, hang=True)
        self.heading = _style("heading", 8, font=GOTHIC_BOLD, align=TA_CENTER)
        # autoLeading: the 12 pt circled number shares a line with the 8 pt name.
        self.producer = _style("producer", 8, font=MINCHO, leading=10, autoLeading="max", hang=True)
        self.unit = _style("unit", 8, align=TA_RIGHT)
        self.slash = _style("slash", 18, align=TA_CENTER, leading=20)
        self.containers = _style("containers", 8, textColor=colors.HexColor("#333333"), hang=True)
        self.area_horizontal = _style("area_h", 8, align=TA_CENTER, hang=True)
        self.total_name = _style("total_name", 6, align=TA_CENTER, hang=True)
        self.total_value = _style("total_value", 8, align=TA_CENTER, hang=True)
        self.footer = _style("footer", 7, hang=True)
        self.company = _style("company", 8, autoLeading="max", hang=True)
        self.dates_label = _style("dates_label", 12, font=GOTHIC_BOLD, align=TA_RIGHT)
        self.dates = _style("dates", 9, align=TA_RIGHT)
        self.notice = _style("notice", 12, leading=18, hang=True)


def _height(flowables: Sequence[Flowable], width: float) -> float:
    """Laid-out height of a cell's content, padding included."""
    return content_height(flowables, width, 2 * PAD_Y)


def _rows() -> SpanTableBuilder:
    """The sheet's table: eight equal columns, 8 pt Gothic, thin rules."""
    return SpanTableBuilder([COLUMN] * 8, font_size=8, pad_x=PAD_X, pad_y=PAD_Y, border=BORDER)


# ---------------------------------------------------------------------------------------------
# Header and footer
# ---------------------------------------------------------------------------------------------


def _header(rows: SpanTableBuilder, st: _Styles, page: CheckSheetPage) -> None:
    title = para(f"供給・受入チェック表<br/>（{escape(page.prefecture_name)}）", st.title)
    legend = para(f"{escape(LEGEND)}<br/>{escape(LEGEND_NOTE)}", st.legend)
    top = rows.add([title, "", "", "", legend, "", plain("日付", st.label)], height=16)
    rows.add(["", "", "", "", "", "", plain("社長", st.label_center), plain("品管", st.label_center)], height=12)
    rows.add([""] * 8, height=44)  # room for the hanko stamps
    rows.span(0, top, 3, top + 2)
    rows.span(4, top, 5, top + 2)
    rows.span(6, top, 7, top)
    rows.grid(top, top + 2)
    rows.style("VALIGN", (6, top), (7, top), "TOP")

    rows.add([""] * 8, height=5)
    day_row = rows.add([plain(long_date(page.day), st.day), "", "", "",
                        plain(page.reception_time.label, st.day)])
    rows.span(0, day_row, 3, day_row)
    rows.span(4, day_row, 7, day_row)
    heading_row = rows.add([plain(h, st.heading) for h in COLUMN_HEADINGS], min_height=16)
    rows.grid(day_row, heading_row)


def _company_lines(company: Company) -> str:
    lines = [f'<font name="{GOTHIC_BOLD}" size="9">{escape(company.name)}</font>' if company.name else ""]
    address = " ".join(part for part in (company.postal_line, company.address) if part)
    lines += [escape(address), escape(company.phone_line), escape(company.mail), escape(company.web)]
    return "<br/>".join(line for line in lines if line)


def _dates_block(st: _Styles, sheet: CheckSheet) -> list[Flowable] | str:
    if not sheet.document_dates:
        return ""
    return [plain("作成日・更新日", st.dates_label),
            para("<br/>".join(escape(document_date(d)) for d in sheet.document_dates), st.dates)]


def _footer(rows: SpanTableBuilder, st: _Styles, sheet: CheckSheet) -> None:
    rows.add([""] * 8, height=6)

    def notes(guidance: Guidance) -> Paragraph:
        body = "<br/>".join(f"・{escape(item)}" for item in guidance.items)
        return para(f"<b>{escape(guidance.heading)}</b><br/>{body}", st.footer)

    notes_row = rows.add([notes(CRITERIA), "", "", "", notes(FREQUENCY)])
    rows.span(0, notes_row, 3, notes_row)
    rows.span(4, notes_row, 7, notes_row)
    rows.grid(notes_row, notes_row)
    rows.style("VALIGN", (0, notes_row), (7, notes_row), "TOP")

    rows.add([""] * 8, height=6)
    company_markup = _company_lines(sheet.company)
    company = para(company_markup, st.company) if company_markup else ""
    # Columns 4–5 hold the logo, as on the web system's sheet (fitted into the row the company
    # block makes, never taller than LOGO_HEIGHT).
    logo = logo_flowable(sheet.company.logo_png, 2 * COLUMN - 2 * PAD_X, LOGO_HEIGHT) or ""
    last = rows.add([company, "", "", logo, "", _dates_block(st, sheet)])
    rows.span(0, last, 2, last)
    rows.span(3, last, 4, last)
    rows.span(5, last, 7, last)
    rows.style("VALIGN", (0, last), (7, last), "TOP")
    rows.style("ALIGN", (3, last), (4, last), "CENTER")


# ---------------------------------------------------------------------------------------------
# Organizations
# ---------------------------------------------------------------------------------------------


def _fitted(build: Callable[[float], list[Flowable]], width: float, budget: float) -> list[Flowable]:
    """Cell content at the largest scale that stays within ``budget`` points of height.

    A row span is never split across pages, so an organization block must fit on one page; only
    absurd data (names of hundreds of characters) ever needs anything but full size.
    """
    return fit_to_height(build, width, budget, padding=2 * PAD_Y)


def _area_cell(st: _Styles, block: OrganizationBlock, with_totals: bool, scale: float = 1.0,
               total_name_limit: int | None = None) -> list[Flowable]:
    chars = [ch for ch in block.area_label if not ch.isspace()]
    cell: list[Flowable] = []
    if len(chars) <= VERTICAL_MAX_CHARS:
        # One character per line: the area reads top to bottom like hand-written 縦書き.
        size = VERTICAL_FULL_SIZE if len(chars) <= 6 else max(VERTICAL_MIN_SIZE, VERTICAL_FULL_SIZE * 6 / len(chars))
        style = _style(f"area{size:g}", size, align=TA_CENTER, leading=round(size * 1.1, 2))
        cell.append(para("<br/>".join(escape(ch) for ch in chars), style))
    else:
        cell.append(plain(block.area_label, scaled_style(st.area_horizontal, scale), keep_newlines=False))
    if with_totals and block.totals:
        cell.append(Spacer(1, 4))
        name_style, value_style = scaled_style(st.total_name, scale), scaled_style(st.total_value, scale)
        for total in block.totals:
            name = total.variation_name
            if total_name_limit is not None and len(name) > total_name_limit:
                name = name[:total_name_limit] + "…"  # printed in full in the producers' rows
            cell.append(plain(name, name_style, keep_newlines=False))
            cell.append(plain(total.text, value_style))
    return cell


def _fitted_area(st: _Styles, block: OrganizationBlock, with_totals: bool) -> list[Flowable]:
    width = COLUMN - 2 * PAD_X
    content = _fitted(lambda scale: _area_cell(st, block, with_totals, scale), width, MAX_BLOCK_HEIGHT)
    if _height(content, width) > MAX_BLOCK_HEIGHT:
        content = _fitted(lambda scale: _area_cell(st, block, with_totals, scale, total_name_limit=20),
                          width, MAX_BLOCK_HEIGHT)
    return content


def _producer_cell(st: _Styles, producer: ProducerRow, scale: float = 1.0) -> list[Flowable]:
    circled = f'<font size="{12 * scale:g}">{producer.circled}</font> ' if producer.circled else ""
    return [para(f"{circled}{escape(producer.short_name)}", scaled_style(st.producer, scale))]


def _spaced(text: str) -> str:
    """Escaped markup keeping the gaps between containers: Paragraph collapses runs of spaces."""
    markup = escape(text).replace("\r", " ").replace("\n", " ")
    return markup.replace("\u3000", "&nbsp;&nbsp;").replace("  ", "&nbsp;&nbsp;")


def _check_cells(st: _Styles, producer: ProducerRow) -> list[object]:
    if producer.slashed:
        slash = plain("/", st.slash)
        return ["", slash, slash, slash, ""]
    return ["", plain("℃", st.unit), "", plain("%", st.unit), ""]


@dataclass(frozen=True)
class _ProducerCells:
    producer: ProducerRow
    name: list[Flowable]
    containers: list[Flowable]
    height: float


def _measure(st: _Styles, producer: ProducerRow) -> _ProducerCells:
    name_width, containers_width = COLUMN - 2 * PAD_X, 5 * COLUMN - 2 * PAD_X
    name = _fitted(lambda scale: _producer_cell(st, producer, scale), name_width, MAX_BLOCK_HEIGHT)
    markup = _spaced(producer.containers_text)
    containers = _fitted(lambda scale: [para(markup, scaled_style(st.containers, scale))], containers_width,
                         MAX_BLOCK_HEIGHT - CHECK_ROW_MIN)
    rows_height = CHECK_ROW_MIN + max(CONTAINER_ROW_MIN, _height(containers, containers_width))
    return _ProducerCells(producer, name, containers, max(_height(name, name_width), rows_height))


def _chunks(cells: Sequence[_ProducerCells]) -> list[list[_ProducerCells]]:
    """Producers grouped into blocks short enough to fit on a page (almost always just one block).

    The area cell is fitted to the same limit, so a block never outgrows a page even when that
    cell is taller than its producers' rows.
    """
    if sum(item.height for item in cells) <= MAX_BLOCK_HEIGHT:
        return [list(cells)]
    # Smaller pieces than a page can hold, so two of them share a page rather than leaving half
    # of it empty before a piece that just misses.
    chunks: list[list[_ProducerCells]] = [[]]
    used = 0.0
    for item in cells:
        if chunks[-1] and used + item.height > CHUNK_HEIGHT:
            chunks.append([])
            used = 0.0
        chunks[-1].append(item)
        used += item.height
    return chunks


def _organization(rows: SpanTableBuilder, st: _Styles, block: OrganizationBlock) -> None:
    cells = [_measure(st, producer) for producer in block.producers]
    for index, chunk in enumerate(_chunks(cells)):
        first = rows.next
        for item in chunk:
            producer = item.producer
            # Totals once, in the first block; a continued organization repeats only its area.
            area = _fitted_area(st, block, index == 0) if item is chunk[0] else ""
            top = rows.add([area, item.name, *_check_cells(st, producer), ""], min_height=CHECK_ROW_MIN)
            bottom = rows.add(["", "", item.containers], min_height=CONTAINER_ROW_MIN)
            rows.span(1, top, 1, bottom)
            rows.span(2, bottom, 6, bottom)
            if producer.greyed:
                rows.style("BACKGROUND", (1, top), (6, bottom), GREY)
            if producer.slashed:
                rows.style("BACKGROUND", (3, top), (5, top), GREY)
        last = rows.next - 1
        rows.span(0, first, 0, last)  # 海域
        rows.span(7, first, 7, last)  # 時間・署名
        rows.grid(first, last)


def _page(st: _Styles, sheet: CheckSheet, page: CheckSheetPage) -> Table:
    rows = _rows()
    _header(rows, st, page)
    for block in page.organizations:
        _organization(rows, st, block)
    _footer(rows, st, sheet)
    return rows.table(repeat_rows=HEADER_ROWS)


def _notice(st: _Styles, sheet: CheckSheet, notice: Notice) -> list[Flowable]:
    rows = _rows()
    title = para("供給・受入チェック表", st.title)
    top = rows.add([title], height=30)
    rows.span(0, top, 7, top)
    day = rows.add([plain(long_date(sheet.day), st.day)], height=22)
    rows.span(0, day, 7, day)
    message = rows.add([plain(notice.message_ja, st.notice)], min_height=60)
    rows.span(0, message, 7, message)
    rows.grid(top, message)
    _footer(rows, st, sheet)
    return [rows.table(repeat_rows=0)]


def render_check_sheet(sheet: CheckSheet) -> bytes:
    """The check sheet as A4 PDF bytes: one section per page, or one notice page if there is nothing.

    Each page is an 8-column table with the title, marking legend and the 社長 / 品管 stamp boxes on
    top, then per organization a tall 海域 cell (area written vertically, plus per-variation totals
    when there are two or more producers) beside two rows per producer: the check cells
    (temperature, pH and salinity struck out when nothing liquid arrived) and the container
    quantities. Rows of producers who delivered nothing are grey, except for free-entry
    organizations, whose rows are filled in by hand. A page too long for one sheet continues on the
    next with the header repeated; an organization that alone would not fit is cut into several 海域
    blocks. A sheet with nothing to print (no supply date, or no supply at the chosen prefecture and
    time) becomes a single notice page.
    """
    register_fonts()
    st = _Styles()
    flowables: list[Flowable] = []
    notice = sheet.notice
    if notice is not None:
        flowables = _notice(st, sheet, notice)
    for number, page in enumerate(sheet.pages):
        # Each prefecture × time is its own section: a continuation page is numbered "2 / 2",
        # a page that fits on one sheet gets no number at all.
        flowables += section_start(f"check-sheet-{number}", number_if_single_page=False)
        flowables.append(_page(st, sheet, page))
    return build_pdf(
        flowables, pagesize=A4, margins=(MARGIN, MARGIN, MARGIN, MARGIN), title=sheet.title,
        author=sheet.company.name, subject="供給・受入チェック表", numbering=True, number_single_page=False,
    )
