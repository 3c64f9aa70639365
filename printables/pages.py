"""Page geometry, "n / N" page numbering (optionally per section) and the PDF build entry point.

Numbering needs the total page count, which is only known once the whole document has been laid
out. :class:`NumberedCanvas` therefore holds every finished page back and stamps the numbers in
``save()`` (the classic two-pass ReportLab recipe), so a document is laid out only once.

Sections let one PDF hold several independent documents, e.g. one payment statement per producer:
start each with :func:`section_start` and its pages are numbered "1 / 2", "2 / 2" on their own.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4 as _RL_A4
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from printables.fonts import GOTHIC, GOTHIC_BOLD, register_fonts

PageSize = tuple[float, float]
Margins = tuple[float, float, float, float]  # top, right, bottom, left (CSS order)
PageCallback = Callable[[Canvas, Any], None]

A4: PageSize = (_RL_A4[0], _RL_A4[1])
A4_LANDSCAPE: PageSize = landscape(A4)
# Japanese B4 (JIS P 0138) is larger than ISO B4; Japanese office printers and paper are JIS.
JIS_B4: PageSize = (257 * mm, 364 * mm)
JIS_B4_LANDSCAPE: PageSize = landscape(JIS_B4)
ISO_B4: PageSize = (250 * mm, 353 * mm)

DEFAULT_MARGINS: Margins = (15 * mm, 12 * mm, 15 * mm, 12 * mm)
CREATOR = "oroshi-desktop"
PAGE_NUMBER_SIZE = 8


@dataclass(frozen=True)
class _Section:
    name: str | None
    number_if_single_page: bool


class SectionStart(Flowable):
    """Zero-size marker: the page it is drawn on starts a new numbering section.

    Prefer :func:`section_start`, which also starts a new page; a bare marker placed mid-page makes
    that page belong to the new section (unless another section already started on it).
    ``number_if_single_page=False`` leaves a one-page section without "1 / 1".
    """

    def __init__(self, name: str, number_if_single_page: bool = True) -> None:
        super().__init__()
        self.name = name
        self.number_if_single_page = number_if_single_page
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        # A plain Canvas (numbering off) has no sections; the marker is then a no-op.
        begin = getattr(self.canv, "begin_section", None)
        if begin is not None:
            begin(self.name, self.number_if_single_page)

    def __repr__(self) -> str:
        return f"SectionStart({self.name!r}, number_if_single_page={self.number_if_single_page})"


def section_start(name: str, *, number_if_single_page: bool = True) -> list[Flowable]:
    """Flowables that begin a section on a fresh page (no blank page when already at a page top)."""
    return [PageBreakIfNotEmpty(), SectionStart(name, number_if_single_page)]


class NumberedCanvas(Canvas):
    """A Canvas that stamps "n / N" at the bottom right of each page when the document is saved.

    Pages before the first :class:`SectionStart` form an implicit section whose single-page
    behaviour is ``number_single_page``; a document without markers is numbered as a whole.
    A page belongs to the first section started on it, otherwise to the section running on from
    the previous page.
    """

    def __init__(
        self,
        *args: Any,
        number_font: str = GOTHIC,
        number_size: float = PAGE_NUMBER_SIZE,
        number_inset_right: float = DEFAULT_MARGINS[1],
        number_inset_bottom: float = DEFAULT_MARGINS[2] / 2,
        number_single_page: bool = True,
        **kwargs: Any,
    ) -> None:
        register_fonts()
        # ReportLab starts every page in Helvetica; a page that never sets a font would then
        # reference a non-embedded Type 1 font. Start in the bundled, embedded font instead.
        kwargs.setdefault("initialFontName", GOTHIC)
        super().__init__(*args, **kwargs)
        self._number_font = number_font
        self._number_size = number_size
        self._number_inset_right = number_inset_right
        self._number_inset_bottom = number_inset_bottom
        self._sections: list[_Section] = [_Section(None, number_single_page)]
        self._running_section = 0  # the section that continues onto the next page
        self._first_section_on_page: int | None = None
        self._page_section_ids: list[int] = []
        self._page_states: list[dict[str, Any]] = []

    def begin_section(self, name: str | None, number_if_single_page: bool = True) -> None:
        self._sections.append(_Section(name, number_if_single_page))
        index = len(self._sections) - 1
        if self._first_section_on_page is None:
            self._first_section_on_page = index
        self._running_section = index

    def showPage(self) -> None:
        first = self._first_section_on_page
        self._page_section_ids.append(self._running_section if first is None else first)
        self._first_section_on_page = None
        # Keep the finished page (its content stream lives in the canvas state) for save().
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(self._page_section_ids)
        seen: Counter[int] = Counter()
        for state, section_id in zip(self._page_states, self._page_section_ids, strict=True):
            self.__dict__.update(state)
            seen[section_id] += 1
            total = totals[section_id]
            if total > 1 or self._sections[section_id].number_if_single_page:
                self._draw_page_number(seen[section_id], total)
            super().showPage()
        super().save()

    def _draw_page_number(self, number: int, total: int) -> None:
        width = self._pagesize[0]
        self.saveState()
        self.setFillColor(colors.black)
        self.setFont(self._number_font, self._number_size)
        self.drawRightString(
            width - self._number_inset_right, self._number_inset_bottom, f"{number} / {total}"
        )
        self.restoreState()


def combine(*callbacks: PageCallback | None) -> PageCallback:
    """One page callback that runs ``callbacks`` in order (``None`` entries are skipped)."""
    active = [cb for cb in callbacks if cb is not None]

    def run(canvas: Canvas, doc: Any) -> None:
        for cb in active:
            cb(canvas, doc)

    return run


def watermark(
    text: str,
    *,
    font: str = GOTHIC_BOLD,
    color: colors.Color = colors.grey,
    alpha: float = 0.18,
) -> PageCallback:
    """A page callback drawing ``text`` huge, diagonal and translucent across every page (見本 on previews).

    Used as ``on_page_end`` it lies over the content, so filled table cells cannot hide it; the
    translucency keeps the content readable underneath.
    """

    def draw(canvas: Canvas, doc: Any) -> None:
        register_fonts()
        width, height = canvas._pagesize
        unit_width = pdfmetrics.stringWidth(text, font, 1) or 1.0
        diagonal = math.hypot(width, height)
        # Span about 60 % of the diagonal, but keep short texts (見本) from growing off the page.
        size = min(diagonal * 0.6 / unit_width, min(width, height) * 0.35)
        canvas.saveState()
        canvas.setFillColor(color, alpha=alpha)
        canvas.setFont(font, size)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(math.degrees(math.atan2(height, width)))
        # Baseline offset so the glyphs' visual centre, not their baseline, sits on the diagonal.
        canvas.drawCentredString(0, -size * 0.35, text)
        canvas.restoreState()

    return draw


def build_pdf(
    flowables: Iterable[Flowable],
    *,
    pagesize: PageSize = A4,
    margins: Margins = DEFAULT_MARGINS,
    title: str = "",
    author: str = "",
    subject: str = "",
    on_page: PageCallback | None = None,
    on_page_end: PageCallback | None = None,
    numbering: bool = False,
    number_single_page: bool = True,
) -> bytes:
    """Lay out ``flowables`` on pages of ``pagesize`` and return the PDF bytes.

    ``margins`` is (top, right, bottom, left); the frame has no extra padding, so the margins are
    exact. ``on_page`` runs before each page's content (headers, letterheads), ``on_page_end``
    after it (watermarks). With ``numbering`` each page gets "n / N" at the bottom right, centred in
    the bottom margin and aligned with the right margin; sections (:func:`section_start`) restart
    the count, and ``number_single_page=False`` omits "1 / 1" on a single-page document.
    """
    register_fonts()
    top, right, bottom, left = margins
    width, height = pagesize
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        topMargin=top,
        rightMargin=right,
        bottomMargin=bottom,
        leftMargin=left,
        title=title,
        author=author,
        subject=subject,
        creator=CREATOR,
        lang="ja-JP",
        # on_page callbacks that draw text without setFont would otherwise get Helvetica, which has
        # no Japanese glyphs.
        initialFontName=GOTHIC,
    )
    frame = Frame(
        left,
        bottom,
        width - left - right,
        height - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template = PageTemplate(
        id="page",
        frames=[frame],
        pagesize=pagesize,
        onPage=on_page or _no_op,
        onPageEnd=on_page_end or _no_op,
    )
    doc.addPageTemplates([template])
    canvasmaker: Callable[..., Canvas] = Canvas
    if numbering:
        canvasmaker = partial(
            NumberedCanvas,
            number_inset_right=right,
            number_inset_bottom=max(bottom / 2 - PAGE_NUMBER_SIZE / 3, 3 * mm),
            number_single_page=number_single_page,
        )
    doc.build(list(flowables), canvasmaker=canvasmaker)
    return buffer.getvalue()


def _no_op(canvas: Canvas, doc: Any) -> None:
    """PageTemplate needs callables; ReportLab's own default is this too."""


__all__ = [
    "A4",
    "A4_LANDSCAPE",
    "DEFAULT_MARGINS",
    "ISO_B4",
    "JIS_B4",
    "JIS_B4_LANDSCAPE",
    "NumberedCanvas",
    "SectionStart",
    "build_pdf",
    "combine",
    "section_start",
    "watermark",
]
