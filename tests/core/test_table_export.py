"""A list as .xlsx, CSV and clipboard text: typed cells survive, Japanese stays intact."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl

from oroshi_desktop.table_export import display_width, tab_separated, write_csv, write_xlsx

HEADERS = ["卸先", "数量", "単価", "出荷日", "送信日時"]
ROWS = [["北海水産株式会社", 12, Decimal("1234.5"), date(2026, 12, 7),
         datetime(2026, 12, 7, 10, 30, tzinfo=ZoneInfo("Asia/Tokyo"))],
        ["有限会社\tタブ入り", 0, Decimal("800"), None, None]]


def test_xlsx_keeps_numbers_dates_and_japanese(tmp_path: Path) -> None:
    path = tmp_path / "一覧.xlsx"
    assert write_xlsx(path, HEADERS, ROWS, title="注文/出荷") == 2
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "注文_出荷"
    assert sheet.freeze_panes == "A2"
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert rows[1][0] == "北海水産株式会社" and rows[1][1] == 12 and rows[1][2] == 1234.5
    assert rows[1][3] == datetime(2026, 12, 7) and rows[1][4] == datetime(2026, 12, 7, 10, 30)
    assert sheet.column_dimensions["A"].width >= display_width("北海水産株式会社")


def test_csv_has_a_bom_and_plain_values(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    write_csv(path, HEADERS, ROWS)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[1] == ["北海水産株式会社", "12", "1234.5", "2026/12/07", "2026/12/07 10:30"]


def test_clipboard_text_is_one_line_per_row_with_the_header() -> None:
    lines = tab_separated(HEADERS, ROWS).splitlines()
    assert len(lines) == 3 and lines[0] == "\t".join(HEADERS)
    assert lines[2].split("\t") == ["有限会社 タブ入り", "0", "800", "", ""]  # a tab inside a cell never splits it


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    rows = [["=HYPERLINK(\"http://x\")", 1]]
    path = tmp_path / "f.xlsx"
    write_xlsx(path, ["名前", "数"], rows)
    cell = openpyxl.load_workbook(path).active["A2"]
    assert cell.data_type == "s" and cell.value == rows[0][0]
    assert tab_separated(["名前", "数"], rows).splitlines()[1].startswith("'=")
    write_csv(tmp_path / "f.csv", ["名前", "数"], rows)
    assert "'=HYPERLINK" in (tmp_path / "f.csv").read_text(encoding="utf-8-sig")
