"""Light flowables for literal text: :class:`TextBlock` (lines laid out once, drawn as one PDF text
object, no markup parsed) and :class:`Beside` (flowables side by side)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.platypus import Flowable

from printables.fonts import GOTHIC
from printables.pdf_text import ASCENT, RGB, PlacedText, SubsetEncoder, text_object
from printables.text import LEADING_RATIO, fit_lines, literal_line, unit_width

__all__ = ["Beside", "TextBlock", "TextLine"]

MAX_BLOCK_LINES = 12  # a header line longer than this many wrapped lines ends in "…"


@dataclass(frozen=True)
class TextLine:
    """One logical line of a :class:`TextBlock`; it wraps (after shrinking) when too long."""

    text: str
    size: float = 10.0
    font: str = GOTHIC
    align: int = TA_LEFT  # ReportLab's TA_LEFT, TA_CENTER or TA_RIGHT
    underline: bool = False
    color: RGB | None = None
    leading: float | None = None
    min_ratio: float = 0.85  # how far a long line shrinks before it wraps


class TextBlock(Flowable):
    """Lines of text in a fixed width, laid out once; like a stack of Paragraphs without markup."""

    def __init__(self, lines: Sequence[TextLine], width: float, encoder: SubsetEncoder) -> None:
        super().__init__()
        self.encoder = encoder
        self.width = width
        self.placed: list[tuple[float, float, str, float, str, bool, RGB | None]] = []
        y = 0.0
        for line in lines:
            text = literal_line(line.text)
            rows, size = fit_lines(text, line.font, line.size, width, wrap=True, min_ratio=line.min_ratio,
                                   max_lines=MAX_BLOCK_LINES)
            leading = line.leading or round(size * LEADING_RATIO, 2)
            for row in rows:
                baseline = y + (leading - size) / 2 + ASCENT * size
                w = unit_width(row, line.font) * size
                x = 0.0 if line.align == TA_LEFT else width - w if line.align == TA_RIGHT else (width - w) / 2
                self.placed.append((x, baseline, line.font, size, row, line.underline, line.color))
                y += leading
        self.height = y

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        top = self.height
        by_color: dict[RGB | None, list[PlacedText]] = {}
        rules = []
        for x, baseline, font, size, text, underline, color in self.placed:
            by_color.setdefault(color, []).append((x, top - baseline, font, size, text))
            if underline and text:
                w = unit_width(text, font) * size
                y = top - baseline - size * 0.12
                rules.append(f"{size * 0.06:.2f} w {x:.2f} {y:.2f} m {x + w:.2f} {y:.2f} l S")
        for color, items in by_color.items():
            canv.addLiteral(text_object(canv, self.encoder, items, color))
        if rules:
            canv.addLiteral("q 0 G\n" + "\n".join(rules) + "\nQ")


class Beside(Flowable):
    """Flowables side by side: ``(flowable, x, valign)`` with valign "top" or "bottom"."""

    def __init__(self, parts: Sequence[tuple[Flowable, float, str]], width: float) -> None:
        super().__init__()
        self.parts = list(parts)
        self.width = width
        self.sizes = [part.wrap(width, 10_000) for part, _, _ in self.parts]
        self.height = max((h for _, h in self.sizes), default=0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        for (part, x, valign), (_, h) in zip(self.parts, self.sizes, strict=True):
            part.drawOn(self.canv, x, self.height - h if valign == "top" else 0.0)
