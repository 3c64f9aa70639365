"""A list as the office takes it elsewhere: an .xlsx workbook, a CSV file, or tab-separated text
for the clipboard (pasted into Excel as cells).

Cells come typed: ``date``/``datetime`` stay dates, ``int``/``Decimal`` stay numbers, everything
else is text (never a formula: a text starting with = stays text in the workbook and gets the
archive CSV's leading apostrophe in CSV and clipboard text, decision 122). The workbook is written streaming (openpyxl's write-only mode), so 200,000 orders
need no more memory than one row; its header row is frozen and each column sized to its longest
text (Japanese characters count twice, as they print about twice as wide).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

Cell = Any  # str | int | Decimal | date | datetime | None
DATE_FORMAT = "yyyy/mm/dd"
DATETIME_FORMAT = "yyyy/mm/dd hh:mm"
MAX_WIDTH = 60  # characters; a long message is cut in the sheet's view, not in the cell
SIZED_ROWS = 1000  # column widths follow the header and the first rows (a streamed sheet is sized first)


# A cell Excel would run as a formula (CSV injection: "=HYPERLINK(…)", "+cmd|…", "@SUM(…)"), or whose
# leading tab/CR Excel drops before reading it so: the cell gets a leading apostrophe, which Excel
# reads as "text" and does not show. Only text taken from records passes here, never our numbers.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: str) -> str:
    """A text cell safe to open in Excel: a leading formula character is neutralised with ``'``."""
    return "'" + value if value.startswith(FORMULA_START) else value


def display_width(text: str) -> int:
    """How many Latin characters wide ``text`` prints: full-width (Japanese) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def cell_text(value: Cell) -> str:
    """The plain text of a cell (CSV, clipboard): dates as 2026/12/07, numbers without separators."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y/%m/%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y/%m/%d")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return str(value)


def tab_separated(headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """Rows as Excel pastes them: one line per row, cells separated by tabs, header first."""
    def clean(value: Cell) -> str:  # a tab or line break inside a cell would split it; =… is no formula
        return csv_text(" ".join(value.split())) if isinstance(value, str) else cell_text(value)

    lines = ["\t".join(clean(h) for h in headers)]
    lines += ["\t".join(clean(v) for v in row) for row in rows]
    return "\r\n".join(lines) + "\r\n"


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """UTF-8 with a BOM (Excel on Windows reads Japanese right with it). Returns the row count."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([csv_text(v) if isinstance(v, str) else cell_text(v) for v in row])
            count += 1
    return count


def write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, title: str = "一覧") -> int:
    """One sheet: the header row bold and frozen, typed cells, columns sized. Returns the row count."""
    # Imported here: every list view imports this module, and openpyxl (≈ 0.2 s) is needed only
    # when someone saves a workbook, never for the window's first paint.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    widths = [display_width(str(h)) for h in headers]
    for row in rows[:SIZED_ROWS]:
        for column, value in enumerate(row[:len(widths)]):
            widths[column] = max(widths[column], display_width(cell_text(value)))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 2)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=str(text))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_typed_cell(sheet, value) for value in row])
    workbook.save(path)
    return len(rows)


def _typed_cell(sheet: Any, value: Cell) -> Any:
    from openpyxl.cell import WriteOnlyCell  # already loaded by write_xlsx: a dictionary look-up
    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=value.replace(tzinfo=None))  # Excel has no time zones: local wall time
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, Decimal):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "#,##0" if value == value.to_integral_value() else "#,##0.##"
        return cell
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, str) and value.startswith("="):  # text from a record, never a formula
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    if isinstance(value, int | float):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "#,##0"
        return cell
    return str(value)


def _sheet_title(title: str) -> str:
    """Excel refuses : \\ / ? * [ ] in a sheet name and more than 31 characters."""
    cleaned = "".join("_" if ch in ':\\/?*[]' else ch for ch in title).strip() or "Sheet"
    return cleaned[:31]
