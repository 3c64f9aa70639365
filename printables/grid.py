"""A prefix-sum table engine: rows laid out once (:class:`RowBuilder`), pages split by binary search
and drawn as raw PDF operators under a header row repeated on every page (:class:`Grid`)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak

from printables.fonts import GOTHIC
from printables.pdf_text import ASCENT, PlacedText, SubsetEncoder, text_object
from printables.text import fit_lines, unit_width

__all__ = ["MAX_CELL_LINES", "Cell", "Column", "Grid", "GridData", "GridRow", "RowBuilder", "cell"]

MAX_CELL_LINES = 10  # the rest of a longer text is replaced by "…"
LINE_SPACING = 1.25  # a cell's line height relative to its font size, tighter than prose (1.35)


@dataclass(frozen=True)
class Column:
    """A cell's horizontal extent in the grid and how its text sits there."""

    x0: float
    x1: float
    align: int = TA_LEFT


@dataclass
class GridRow:
    """One laid-out row: its height, its texts placed below its top, and how it is ruled and kept."""

    height: float
    texts: list[PlacedText]
    bounds: tuple[float, ...] = ()  # cell edges of a boxed row
    boxed: bool = False  # every cell edge ruled (the simple statement), else only the rules below
    fill: float | None = None  # grey level of a background (header rows)
    rule_below: str | None = None  # "solid" | "dotted"; "frame": rules above and below (header)
    keep_with_previous: bool = False  # never starts a page
    carry: list[PlacedText] = field(default_factory=list)  # drawn only when the row starts a page


# A cell to lay out: column, text, font, wrap (text cells) or shrink (numbers), vertical alignment.
Cell = tuple[Column, str, str, bool, str]


def cell(col: Column, text: str, font: str = GOTHIC, *, wrap: bool = False, valign: str = "middle") -> Cell:
    """A :data:`Cell`; ``valign`` is "top", "middle" or "bottom"."""
    return (col, text, font, wrap, valign)


class RowBuilder:
    """Turns cells into a :class:`GridRow`: fitting, row height and baselines, computed once."""

    def __init__(self, size: float, pad: float) -> None:
        self.size = size
        self.pad = pad
        self.leading = size * LINE_SPACING

    def row(self, cells: Sequence[Cell], *, top_pad: float = 0.0, bounds: tuple[float, ...] = (),
            boxed: bool = False, fill: float | None = None, rule_below: str | None = None,
            keep_with_previous: bool = False) -> GridRow:
        pad, size = self.pad, self.size
        laid = []
        content = self.leading
        for col, text, font, wrap, valign in cells:
            if not text:
                continue
            lines, fitted = fit_lines(text, font, size, col.x1 - col.x0 - 2 * pad, wrap=wrap, max_lines=MAX_CELL_LINES)
            laid.append((col, font, valign, lines, fitted))
            if len(lines) > 1 or fitted != size:
                content = max(content, len(lines) * fitted * LINE_SPACING)
        height = top_pad + content + 2 * pad
        texts: list[PlacedText] = []
        for col, font, valign, lines, fitted in laid:
            texts += self._place(col, font, valign, lines, fitted, top_pad, height)
        return GridRow(height, texts, bounds, boxed, fill, rule_below, keep_with_previous)

    def carry(self, row: GridRow, col: Column, text: str) -> list[PlacedText]:
        """A top-aligned label placed inside an existing row (the date of a continued day)."""
        lines, fitted = fit_lines(text, GOTHIC, self.size, col.x1 - col.x0 - 2 * self.pad, wrap=False,
                                  max_lines=MAX_CELL_LINES)
        return self._place(col, GOTHIC, "top", lines, fitted, 0.0, row.height)

    def _place(self, col: Column, font: str, valign: str, lines: tuple[str, ...], size: float, top_pad: float,
               height: float) -> list[PlacedText]:
        leading = size * LINE_SPACING
        block = len(lines) * leading
        if valign == "top":
            y = top_pad + self.pad
        elif valign == "bottom":
            y = height - self.pad - block
        else:
            y = top_pad + (height - top_pad - block) / 2
        y += (leading - size) / 2 + ASCENT * size
        out: list[PlacedText] = []
        for line in lines:
            if col.align == TA_LEFT:
                x = col.x0 + self.pad
            else:
                w = unit_width(line, font) * size
                x = col.x1 - self.pad - w if col.align == TA_RIGHT else (col.x0 + col.x1 - w) / 2
            out.append((x, y, font, size, line))
            y += leading
        return out


@dataclass
class GridData:
    """A whole table for :class:`Grid`: its rows, the header repeated on each page, and their tops."""

    width: float
    header: GridRow
    rows: list[GridRow]
    encoder: SubsetEncoder
    tops: list[float] = field(default_factory=list)  # tops[i] = Σ heights of rows[:i]

    def __post_init__(self) -> None:
        total = 0.0
        self.tops = [0.0]
        for row in self.rows:
            total += row.height
            self.tops.append(total)


class Grid(Flowable):
    """Rows ``start:end`` of a table, drawn under a header row that repeats on every page.

    A ReportLab ``Table`` re-measures its remaining rows on every page split (quadratic in the number
    of rows) and draws each cell through the generic ``drawString`` machinery. Here each row was
    measured once (:class:`RowBuilder`), measuring uses the prefix sums in :class:`GridData` and a
    split is a binary search, so laying out n rows costs O(n) in total; each page's text is one PDF
    text object with positions computed in advance. Cell text is drawn literally, and a cell never
    grows past :data:`MAX_CELL_LINES` lines, so no row is taller than a page.
    """

    def __init__(self, data: GridData, start: int = 0, end: int | None = None) -> None:
        super().__init__()
        self.data = data
        self.start = start
        self.end = len(data.rows) if end is None else end
        self.width = data.width
        self.height = data.header.height + data.tops[self.end] - data.tops[self.start]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        data, start, end = self.data, self.start, self.end
        room = availHeight - data.header.height
        cut = bisect.bisect_right(data.tops, data.tops[start] + room + 1e-6, start, end + 1) - 1
        if cut >= end:
            # Only reachable through rounding (the frame said the whole piece does not fit):
            # leave the last row for the next page rather than offering the same piece again.
            cut = end - 1
        if cut <= start:
            return []  # not even one row fits: the whole grid moves to the next page
        # Keep groups of keep_with_previous rows (a day's tax and subtotal rows) with the row before them,
        # unless the group alone is longer than the room, then it has to break somewhere.
        keep = cut
        while keep > start and data.rows[keep].keep_with_previous:
            keep -= 1
        if keep > start:
            cut = keep
        # The rest goes to the next page even when a kept group left room on this one; otherwise
        # the frame would place it right here, under a second header.
        return [Grid(data, start, cut), PageBreak(), Grid(data, cut, end)]

    def draw(self) -> None:
        canv = self.canv
        data = self.data
        top = self.height
        placed: list[tuple[float, GridRow]] = [(top, data.header)]
        top -= data.header.height
        for row in data.rows[self.start:self.end]:
            placed.append((top, row))
            top -= row.height
        self._fills(canv, placed)
        self._rules(canv, placed)
        items = []
        for index, (top, row) in enumerate(placed):
            # A page's first row shows its carry (a continued day's date) first, so that text
            # extraction reads it before the line.
            texts = row.carry + row.texts if index == 1 and self.start > 0 else row.texts
            items += [(x, top - dy, font, size, text) for x, dy, font, size, text in texts]
        canv.addLiteral(text_object(canv, data.encoder, items))

    def _fills(self, canv: Canvas, placed: list[tuple[float, GridRow]]) -> None:
        ops = []
        for top, row in placed:
            if row.fill is not None:
                left, right = (row.bounds[0], row.bounds[-1]) if row.bounds else (0.0, self.width)
                ops.append(f"{row.fill:.3f} g {left:.2f} {top - row.height:.2f} {right - left:.2f} "
                           f"{row.height:.2f} re f")
        if ops:
            canv.addLiteral("q\n" + "\n".join(ops) + "\nQ")

    def _rules(self, canv: Canvas, placed: list[tuple[float, GridRow]]) -> None:
        thin: list[str] = []
        thick: list[str] = []
        dotted: list[str] = []

        def hline(out: list[str], y: float, x0: float = 0.0, x1: float = self.width) -> None:
            out.append(f"{x0:.2f} {y:.2f} m {x1:.2f} {y:.2f} l")

        # Vertical cell edges run on through consecutive rows that share them (one segment per
        # column and page instead of one per cell).
        open_edges: dict[float, float] = {}
        previous_boxed = False
        for top, row in placed:
            bottom = top - row.height
            edges = set(row.bounds) if row.boxed else set()
            for x in [x for x in open_edges if x not in edges]:
                thin.append(f"{x:.2f} {open_edges.pop(x):.2f} m {x:.2f} {top:.2f} l")
            if row.boxed:
                for x in row.bounds:
                    open_edges.setdefault(x, top)
                if not previous_boxed:
                    hline(thin, top, row.bounds[0], row.bounds[-1])
                hline(thin, bottom, row.bounds[0], row.bounds[-1])
            previous_boxed = row.boxed
            if row.rule_below == "solid":
                hline(thin, bottom)
            elif row.rule_below == "dotted":
                hline(dotted, bottom)
            elif row.rule_below == "frame":
                hline(thick, top)
                hline(thick, bottom)
        last_bottom = placed[-1][0] - placed[-1][1].height
        for x, y in open_edges.items():
            thin.append(f"{x:.2f} {y:.2f} m {x:.2f} {last_bottom:.2f} l")
        ops = ["q 0 G 0 J"]
        if thin:
            ops += ["0.25 w", *thin, "S"]
        if thick:
            ops += ["1 w", *thick, "S"]
        if dotted:
            ops += ["0.5 w [1 1.5] 0 d", *dotted, "S"]
        if len(ops) > 1:
            canv.addLiteral("\n".join([*ops, "Q"]))
