"""Text helpers for printables: markup escaping, paragraph styles, and fitting text to a width (one
literal line or wrapped lines) or a cell to a height."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from printables.fonts import GOTHIC, GOTHIC_BOLD, MINCHO, register_fonts

# Line height relative to font size: Japanese glyphs fill the em box, so Latin-style 1.2 looks cramped.
LEADING_RATIO = 1.35
# The scales fit_to_height tries, largest first.
FIT_SCALES = (1.0, 0.85, 0.7, 0.6, 0.5)

# C0/C1 control characters other than tab and newline are invalid in XML and would print as
# .notdef boxes; they only ever arrive by accident (pasted from Excel, legacy data).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Invisible format characters (bidi marks and overrides, zero-width spaces and joiners, BOM): they
# steer how text is shown, the fonts have no glyph for them, and printed they become .notdef
# boxes in the middle of a name. A right-to-left override could also reorder a name on screen
# viewers. They are removed from everything printed.
INVISIBLE_FORMAT_CHARS = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# On a line drawn literally, tabs, newlines and the other control characters become spaces: a name
# pasted with a line break must not start a new table row, and C0/C1 codes would print as boxes.
_LINE_CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f]")


# ReportLab's ``Paragraph`` parses its text as XML-like markup, so any value that comes from the
# database (names, notes, product descriptions) must go through escape() or plain(); otherwise a
# customer called ``A&B`` or a note containing ``<`` breaks or alters the document. para() is only
# for markup built from escaped pieces. Text drawn without Paragraphs (the statement's blocks and
# grid) is cleaned by literal_line(), measured by the cached unit_width() and fitted by fit_lines().


def escape(s: str | None) -> str:
    """Escape a plain string for use inside Paragraph markup; ``None`` becomes ``""``.

    Characters the fonts lack (emoji, some astral kanji such as 𠮷) are kept: ReportLab draws the
    font's .notdef glyph for them, which shows the reader something was there instead of silently
    dropping part of a name.
    """
    if s is None:
        return ""
    s = INVISIBLE_FORMAT_CHARS.sub("", _CONTROL_CHARS.sub("", str(s)))
    return (
        s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph from markup that is *already escaped* (e.g. ``f"<b>{escape(name)}</b> 様"``)."""
    register_fonts()
    return Paragraph(markup, style)


def plain(text: str | None, style: ParagraphStyle, *, keep_newlines: bool = True) -> Paragraph:
    """A Paragraph showing ``text`` literally; newlines become line breaks unless ``keep_newlines`` is False."""
    markup = escape(text)
    if keep_newlines:
        markup = markup.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>")
    return para(markup, style)


def paragraph_style(name: str, size: float, *, font: str = GOTHIC, align: int = TA_LEFT,
                    leading: float | None = None, leading_ratio: float = LEADING_RATIO, hang: bool = False,
                    **extra: Any) -> ParagraphStyle:
    """A CJK-wrapping paragraph style; ``leading`` defaults to ``leading_ratio`` × ``size``.

    ``hang`` keeps an em free on the right for wrapped text: ReportLab's CJK wrapping follows the
    kinsoku rule, so a character that may not start a line (``ェ``, ``。``, ``）``…) hangs past the
    right edge instead, and without the spare em it would cross a cell border. Centred text gets
    the same indent on the left so it stays centred.
    """
    if hang:
        extra.setdefault("rightIndent", size)
        if align == TA_CENTER:
            extra.setdefault("leftIndent", size)
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or round(size * leading_ratio, 2),
                          alignment=align, wordWrap="CJK", **extra)


def scaled_style(style: ParagraphStyle, scale: float) -> ParagraphStyle:
    """``style`` with its size, leading and indents times ``scale`` (``style`` itself when 1)."""
    if scale == 1:
        return style
    return ParagraphStyle(f"{style.name}@{scale:g}", parent=style, fontSize=style.fontSize * scale,
                          leading=style.leading * scale, leftIndent=style.leftIndent * scale,
                          rightIndent=style.rightIndent * scale)


def styles(base_size: float = 9) -> dict[str, ParagraphStyle]:
    """A fresh set of paragraph styles scaled from ``base_size`` (points).

    Keys: ``normal``, ``small``, ``tiny``, ``bold``, ``large``, ``title``, ``heading``, ``right``,
    ``right_bold``, ``center``, ``center_bold``, ``mincho``, ``mincho_title``. All use
    ``wordWrap="CJK"``: Japanese has no spaces, and the default wrapping would only break at spaces,
    overflowing table cells. A new dict is returned each call so callers may tweak styles freely.
    """
    register_fonts()

    make = paragraph_style
    b = float(base_size)
    return {
        "normal": make("normal", size=b),
        "small": make("small", size=b * 0.85),
        "tiny": make("tiny", size=b * 0.7),
        "bold": make("bold", size=b, font=GOTHIC_BOLD),
        "large": make("large", size=b * 1.3),
        "title": make("title", size=b * 2, font=GOTHIC_BOLD, align=TA_CENTER, spaceAfter=b),
        "heading": make("heading", size=b * 1.3, font=GOTHIC_BOLD, spaceBefore=b * 0.5, spaceAfter=b * 0.3),
        "right": make("right", size=b, align=TA_RIGHT),
        "right_bold": make("right_bold", size=b, font=GOTHIC_BOLD, align=TA_RIGHT),
        "center": make("center", size=b, align=TA_CENTER),
        "center_bold": make("center_bold", size=b, font=GOTHIC_BOLD, align=TA_CENTER),
        "mincho": make("mincho", size=b, font=MINCHO),
        "mincho_title": make("mincho_title", size=b * 2, font=MINCHO, align=TA_CENTER, spaceAfter=b),
    }


def fit_font_size(text: str | None, font: str, max_width: float, start_size: float, min_size: float) -> float:
    """The largest size ≤ ``start_size`` (and ≥ ``min_size``) at which ``text`` fits on one line.

    String width is proportional to font size, so this is computed directly rather than by trial.
    Returns ``min_size`` when the text does not fit even then; the caller decides whether to wrap
    or clip (see :func:`one_line`). Rounded down to 0.1 pt so the result always fits.
    """
    register_fonts()
    if min_size > start_size:
        raise ValueError(f"min_size {min_size} > start_size {start_size}")
    if not text:
        return start_size
    if max_width <= 0:
        return min_size
    width_at_1pt = unit_width(text, font)
    if width_at_1pt <= 0:
        return start_size
    size = math.floor(max_width / width_at_1pt * 10) / 10
    return max(min_size, min(start_size, size))


def one_line(
    text: str | None, style: ParagraphStyle, max_width: float, *, min_size: float | None = None
) -> Paragraph:
    """A Paragraph of ``text`` shrunk to stay on one line within ``max_width`` (names, company names).

    When even ``min_size`` (default 60 % of the style's size) is too wide, the text wraps at that
    size rather than being cut off: a wrapped name is still correct, a truncated one is not.
    """
    register_fonts()
    start = style.fontSize
    low = start * 0.6 if min_size is None else min(min_size, start)
    single = (text or "").replace("\r", " ").replace("\n", " ")
    size = fit_font_size(single, style.fontName, max_width, start, low)
    if size == start:
        return plain(single, style)
    fitted = ParagraphStyle(
        f"{style.name}-fit{size:g}",
        parent=style,
        fontSize=size,
        leading=round(size * LEADING_RATIO, 2),
    )
    return plain(single, fitted)


def literal_line(text: str | None) -> str:
    """``text`` ready to draw as one literal line: control characters are spaces, invisible ones gone."""
    return INVISIBLE_FORMAT_CHARS.sub("", _LINE_CONTROL_CHARS.sub(" ", text or ""))


@lru_cache(maxsize=16384)
def unit_width(text: str, font: str) -> float:
    """Width of ``text`` at 1 pt; cached because the same strings repeat on every line."""
    return pdfmetrics.stringWidth(text, font, 1.0)


def wrap_anywhere(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at any character (Japanese has no spaces); spaces at a break are dropped."""
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for ch in text:
        w = unit_width(ch, font) * size
        if current and used + w > width:
            lines.append("".join(current).rstrip())
            current, used = [], 0.0
            if ch == " ":
                continue
        current.append(ch)
        used += w
    if current:
        lines.append("".join(current).rstrip())
    return lines or [""]


def fit_lines(text: str, font: str, size: float, width: float, *, wrap: bool, max_lines: int,
              min_ratio: float = 0.8) -> tuple[tuple[str, ...], float]:
    """Lines and font size for ``text`` in ``width``.

    One line at ``size`` if it fits, else shrunk down to ``min_ratio`` of it. Beyond that, text
    wraps at the smallest size (at most ``max_lines`` lines, the last ending in "…"), and numbers
    (``wrap=False``) keep shrinking: a wrapped amount would be misread, a small one is still right.
    """
    unit = unit_width(text, font)
    if unit * size <= width or not text:
        return (text,), size
    if unit * size * min_ratio <= width or not wrap:
        return (text,), fit_font_size(text, font, width, size, 3.0)
    small = round(size * min_ratio, 1)
    lines = wrap_anywhere(text, font, small, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and (unit_width(last, font) + unit_width("…", font)) * small > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return tuple(lines), small


def content_height(flowables: Sequence[Flowable], width: float, padding: float = 0.0) -> float:
    """Laid-out height of a cell's content in ``width``, plus ``padding`` (top and bottom together)."""
    return sum(f.wrap(width, 1e6)[1] for f in flowables) + padding


def fit_to_height(build: Callable[[float], list[Flowable]], width: float, budget: float, *,
                  padding: float = 0.0, scales: Sequence[float] = FIT_SCALES) -> list[Flowable]:
    """``build(scale)`` at the largest of ``scales`` whose content stays within ``budget`` points of
    height (see :func:`content_height`); the smallest scale's content when none does."""
    content: list[Flowable] = []
    for scale in scales:
        content = build(scale)
        if content_height(content, width, padding) <= budget:
            break
    return content
