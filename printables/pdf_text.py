"""Text written straight into a page's content stream: strings encoded once for the embedded
TrueType subsets (:class:`SubsetEncoder`) and drawn as one PDF text object (:func:`text_object`)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

__all__ = ["ASCENT", "RGB", "PlacedText", "SubsetEncoder", "text_object"]

ASCENT = 0.88  # BIZ UD fonts: ascent 880/1000, descent -120/1000 (the em box)

RGB = tuple[float, float, float]


class SubsetEncoder:
    """Encodes strings for the TrueType font subsets, caching per character and per string.

    ReportLab assigns subset codes per PDF document (``TTFont.splitString``), so the caches are
    valid only for the canvas document they were filled for and are emptied when a new one appears.
    """

    def __init__(self) -> None:
        self._doc: object | None = None
        self._strings: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
        self._chars: dict[str, dict[str, tuple[str, str]]] = {}

    def encode(self, canv: Canvas, font: str, text: str) -> tuple[tuple[str, str], ...]:
        """``(subset font resource, escaped bytes)`` runs for a ``Tf``/``Tj`` sequence."""
        doc = canv._doc
        if doc is not self._doc:
            self._doc, self._strings, self._chars = doc, {}, {}
        key = (font, text)
        hit = self._strings.get(key)
        if hit is not None:
            return hit
        chars = self._chars.setdefault(font, {})
        runs: list[tuple[str, str]] = []
        name: str | None = None
        buffer: list[str] = []
        for ch in text:
            code = chars.get(ch)
            if code is None:
                ttf = pdfmetrics.getFont(font)
                ((subset, raw),) = ttf.splitString(ch, doc)
                code = chars[ch] = (ttf.getSubsetInternalName(subset, doc), escapePDF(raw))
            if code[0] != name:
                if buffer:
                    runs.append((name or "", "".join(buffer)))
                name, buffer = code[0], []
            buffer.append(code[1])
        if buffer:
            runs.append((name or "", "".join(buffer)))
        hit = self._strings[key] = tuple(runs)
        return hit


# A positioned piece of text: x, baseline y, font, size, text. Layouts keep y below the top of
# their row or block and turn it into page coordinates when they draw.
PlacedText = tuple[float, float, str, float, str]


def text_object(canv: Canvas, encoder: SubsetEncoder, items: Sequence[PlacedText],
                color: RGB | None = None) -> str:
    """One ``BT … ET`` text object drawing ``(x, baseline y, font, size, text)`` items."""
    parts = [f"BT {color[0]:.3f} {color[1]:.3f} {color[2]:.3f} rg" if color else "BT 0 g"]
    current: tuple[str, float] | None = None
    for x, y, font, size, text in items:
        parts.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        for name, escaped in encoder.encode(canv, font, text):
            if current != (name, size):
                parts.append(f"{name} {size:g} Tf")
                current = (name, size)
            parts.append(f"({escaped}) Tj")
    parts.append("ET")
    return "\n".join(parts)
