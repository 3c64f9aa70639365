"""Tables shared by the printables: :class:`PagedTable` (pages split in linear time, header repeated),
:class:`SpanTableBuilder` (a table with row spans, built row by row), the base style and cell helpers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from printables.fonts import GOTHIC
from printables.text import LEADING_RATIO

HEADER_BACKGROUND = colors.HexColor("#f0f0f0")
TOTAL_BACKGROUND = colors.HexColor("#f7f7f7")
GRID = 0.5  # pt, as in the original chart

_HEX_COLOR = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")

StyleCommand = tuple[Any, ...]


@dataclass
class TableRow:
    """One table row and its style commands, written for row 0 (``("SPAN", (0, 0), (1, 0))``).

    ``keep_with_next`` keeps a group heading from being stranded at the foot of a page.
    """

    cells: Sequence[Any]
    commands: Sequence[StyleCommand] = field(default_factory=tuple)
    keep_with_next: bool = False


def _shift(command: StyleCommand, offset: int) -> StyleCommand:
    name, (c0, r0), (c1, r1), *rest = command
    if r0 < 0 or r1 < 0:
        raise ValueError(f"row style commands must use row 0, not {r0}/{r1}: {command}")
    return (name, (c0, r0 + offset), (c1, r1 + offset), *rest)


def make_table(rows: Sequence[TableRow], col_widths: Sequence[float],
               base: Sequence[StyleCommand]) -> Table:
    commands = list(base)
    for index, row in enumerate(rows):
        commands.extend(_shift(c, index) for c in row.commands)
    return Table([list(r.cells) for r in rows], colWidths=list(col_widths), style=TableStyle(commands))


class PagedTable(Flowable):
    """Header row(s) + body rows, split page by page with the header repeated on every page.

    Each row is measured once, alone (row heights do not depend on other rows when the column
    widths are fixed), and each page gets its own small ``Table``; so the cost is linear in the
    number of rows, where ReportLab's own ``Table.split`` re-measures the whole remainder on every
    page and a thousand-row list takes quadratic time. Row spans are not supported; column spans go in a row's own commands.
    """

    def __init__(self, header: Sequence[TableRow], body: Sequence[TableRow], col_widths: Sequence[float],
                 base: Sequence[StyleCommand], *, _start: int = 0, _heights: dict[int, float] | None = None) -> None:
        super().__init__()
        self.header = list(header)
        self.body = body  # shared between the page parts, never copied
        self.start = _start
        self.col_widths = list(col_widths)
        self.base = list(base)
        self._heights: dict[int, float] = {} if _heights is None else _heights  # shared cache
        self._header_height: float | None = None
        self._table: Table | None = None
        self.width = sum(self.col_widths)

    def _measure(self, rows: Sequence[TableRow]) -> float:
        table = make_table(rows, self.col_widths, self.base)
        return table.wrap(self.width, 1e9)[1]

    def _row_height(self, index: int) -> float:
        if index not in self._heights:
            self._heights[index] = self._measure([self.body[index]])
        return self._heights[index]

    def _head_height(self) -> float:
        if self._header_height is None:
            self._header_height = self._measure(self.header) if self.header else 0.0
        return self._header_height

    def _rows(self) -> range:
        return range(self.start, len(self.body))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Stop measuring once past the available height (like LongTable): the frame only needs to
        # know that we do not fit, and measuring the rest on every page would be quadratic.
        height = self._head_height()
        for index in self._rows():
            height += self._row_height(index)
            if height > availHeight:
                break
        return self.width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room = availHeight - self._head_height()
        end = self.start
        while end < len(self.body) and self._row_height(end) <= room + 1e-6:
            room -= self._row_height(end)
            end += 1
        while end > self.start and self.body[end - 1].keep_with_next and end < len(self.body):
            end -= 1  # do not leave a heading alone at the foot of the page
        if end == self.start:
            frame = getattr(self, "_frame", None)
            if frame is None or not frame._atTop:
                return []  # nothing fits here: the frame moves on and we try again on a fresh page
            end = self.start + 1  # a row taller than a page: print it anyway rather than loop
        first = make_table(self.header + list(self.body[self.start:end]), self.col_widths, self.base)
        if end == len(self.body):
            return [first]
        rest = PagedTable(self.header, self.body, self.col_widths, self.base, _start=end, _heights=self._heights)
        return [first, rest]

    def draw(self) -> None:
        table = make_table(self.header + list(self.body[self.start:]), self.col_widths, self.base)
        table.wrapOn(self.canv, self.width, 1e9)
        table.drawOn(self.canv, 0, 0)


class SpanTableBuilder:
    """A fixed-column table built top to bottom: rows with their heights, spans and style commands.

    For tables with row spans, which :class:`PagedTable` does not support; ReportLab splits the
    result between rows (never inside a span) and repeats ``repeat_rows`` header rows.
    """

    def __init__(self, col_widths: Sequence[float], *, font_size: float, pad_x: float, pad_y: float,
                 border: float) -> None:
        self.col_widths = list(col_widths)
        self.columns = len(self.col_widths)
        self.border = border
        self.data: list[list[object]] = []
        self.heights: list[float | None] = []
        self.min_heights: list[float] = []
        self.commands: list[StyleCommand] = [
            ("FONT", (0, 0), (-1, -1), GOTHIC, font_size),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad_x),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad_x),
            ("TOPPADDING", (0, 0), (-1, -1), pad_y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad_y),
        ]

    @property
    def next(self) -> int:
        """The index the next added row gets."""
        return len(self.data)

    def add(self, cells: Sequence[object], height: float | None = None, min_height: float = 0.0) -> int:
        """Append a row (missing trailing cells are blank) and return its index."""
        row = self.next
        self.data.append([*cells, *([""] * (self.columns - len(cells)))])
        self.heights.append(height)
        self.min_heights.append(min_height)
        return row

    def span(self, c0: int, r0: int, c1: int, r1: int) -> None:
        self.commands.append(("SPAN", (c0, r0), (c1, r1)))

    def grid(self, r0: int, r1: int) -> None:
        """Rule every cell edge of rows ``r0`` to ``r1``."""
        self.commands.append(("GRID", (0, r0), (self.columns - 1, r1), self.border, colors.black))

    def style(self, *command: object) -> None:
        self.commands.append(command)

    def table(self, repeat_rows: int) -> Table:
        table = Table(self.data, colWidths=list(self.col_widths), rowHeights=self.heights,
                      repeatRows=repeat_rows, minRowHeights=self.min_heights, hAlign="CENTER", splitByRow=1)
        table.setStyle(TableStyle(self.commands))
        return table


def base_table_style(font_size: float) -> list[StyleCommand]:
    return [
        ("FONT", (0, 0), (-1, -1), GOTHIC, font_size, round(font_size * LEADING_RATIO, 2)),
        ("GRID", (0, 0), (-1, -1), GRID, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]


def swatch_color(value: str | None) -> colors.Color | None:
    """``#rrggbb`` or ``#rgb`` as a colour; anything else (blank, a name, junk) → no swatch."""
    match = _HEX_COLOR.fullmatch((value or "").strip())
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return colors.HexColor(f"#{digits}")


def blank_zero(value: int) -> str:
    return "" if value == 0 else f"{value:,}"
