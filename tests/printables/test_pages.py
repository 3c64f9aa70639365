"""Page sizes, build_pdf metadata, per-section "n / N" numbering and the watermark."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak

from printables.pages import (
    A4,
    A4_LANDSCAPE,
    ISO_B4,
    JIS_B4,
    SectionStart,
    build_pdf,
    combine,
    section_start,
    watermark,
)
from printables.text import plain, styles

NUMBER = re.compile(r"\d+ / \d+")


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def _numbers(pdf: bytes) -> list[str | None]:
    """The "n / N" stamp of each page, or None when a page has none."""
    result: list[str | None] = []
    for text in _pages(pdf):
        found = NUMBER.findall(text)
        assert len(found) <= 1, text
        result.append(found[0] if found else None)
    return result


def _section(name: str, pages: int, *, number_if_single_page: bool = False) -> list[Flowable]:
    st = styles()
    flowables = section_start(name, number_if_single_page=number_if_single_page)
    for i in range(pages):
        if i:
            flowables.append(PageBreak())
        flowables.append(plain(f"{name} 生産者 {i + 1}ページ目", st["normal"]))
    return flowables


def test_page_sizes() -> None:
    assert pytest.approx((210 * mm, 297 * mm)) == A4
    assert pytest.approx((297 * mm, 210 * mm)) == A4_LANDSCAPE
    assert pytest.approx((728.5, 1031.8), abs=0.1) == JIS_B4
    assert pytest.approx((708.7, 1000.6), abs=0.1) == ISO_B4


def test_build_pdf_metadata_and_pagesize() -> None:
    pdf = build_pdf(
        [plain("出荷表", styles()["title"])],
        pagesize=JIS_B4,
        title="出荷表 2024-04-01",
        author="株式会社オロシ",
    )
    reader = PdfReader(BytesIO(pdf))
    meta = reader.metadata
    assert meta is not None
    assert (meta.title, meta.author, meta.creator) == (
        "出荷表 2024-04-01",
        "株式会社オロシ",
        "oroshi-desktop",
    )
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(JIS_B4, abs=0.01)


def test_sections_number_independently() -> None:
    flowables = _section("A", 2) + _section("B", 1) + _section("C", 3)
    pdf = build_pdf(flowables, numbering=True)
    pages = _pages(pdf)
    assert len(pages) == 6  # section_start at the top of the document adds no blank page
    assert ["A" in pages[0], "B" in pages[2], "C" in pages[5]] == [True, True, True]
    assert _numbers(pdf) == ["1 / 2", "2 / 2", None, "1 / 3", "2 / 3", "3 / 3"]


def test_single_page_section_numbered_when_asked() -> None:
    flowables = _section("A", 1, number_if_single_page=True) + _section("B", 2)
    assert _numbers(build_pdf(flowables, numbering=True)) == ["1 / 1", "1 / 2", "2 / 2"]


def test_section_that_overflows_counts_its_own_pages() -> None:
    st = styles(12)
    flowables = section_start("long", number_if_single_page=False)
    flowables += [plain(f"{i}行目 鮮魚の明細", st["normal"]) for i in range(120)]
    flowables += _section("short", 1)
    numbers = _numbers(build_pdf(flowables, numbering=True))
    overflow = len(numbers) - 1
    assert overflow >= 2
    assert numbers == [f"{n} / {overflow}" for n in range(1, overflow + 1)] + [None]


def test_bare_marker_after_page_break() -> None:
    st = styles()
    flowables: list[Flowable] = [
        SectionStart("x"),
        plain("x1", st["normal"]),
        PageBreak(),
        SectionStart("y", number_if_single_page=False),
        plain("y1", st["normal"]),
    ]
    assert _numbers(build_pdf(flowables, numbering=True)) == ["1 / 1", None]


def test_whole_document_numbering() -> None:
    st = styles()
    flowables: list[Flowable] = []
    for i in range(3):
        if i:
            flowables.append(PageBreak())
        flowables.append(plain(f"{i + 1}枚目", st["normal"]))
    assert _numbers(build_pdf(flowables, numbering=True)) == ["1 / 3", "2 / 3", "3 / 3"]


def test_single_page_document_numbering_option() -> None:
    flowables = [plain("一枚だけ", styles()["normal"])]
    assert _numbers(build_pdf(flowables, numbering=True)) == ["1 / 1"]
    assert _numbers(build_pdf(flowables, numbering=True, number_single_page=False)) == [None]


def test_numbering_off_ignores_sections() -> None:
    flowables = _section("A", 2) + _section("B", 1)
    assert _numbers(build_pdf(flowables, numbering=False)) == [None, None, None]


def test_page_number_sits_bottom_right() -> None:
    pdf = build_pdf([plain("本文", styles()["normal"])], numbering=True, margins=(20 * mm,) * 4)
    page = PdfReader(BytesIO(pdf)).pages[0]
    positions: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if "1 / 1" in text:
            positions.append((cm[4] + tm[4], cm[5] + tm[5]))

    page.extract_text(visitor_text=visit)
    assert len(positions) == 1
    x, y = positions[0]
    assert A4[0] / 2 < x < A4[0] - 20 * mm
    assert 0 < y < 20 * mm


def test_watermark_on_every_page_including_landscape() -> None:
    st = styles()
    flowables = [plain("一頁", st["normal"]), PageBreak(), plain("二頁", st["normal"])]
    for size in (A4, A4_LANDSCAPE):
        pages = _pages(build_pdf(flowables, pagesize=size, on_page_end=watermark("見本")))
        assert len(pages) == 2
        assert all("見本" in text for text in pages)


def test_on_page_callbacks_run_per_page_and_combine_in_order() -> None:
    calls: list[str] = []

    def first(canvas: Canvas, doc: object) -> None:
        calls.append(f"first{canvas.getPageNumber()}")

    def second(canvas: Canvas, doc: object) -> None:
        calls.append(f"second{canvas.getPageNumber()}")

    st = styles()
    build_pdf(
        [plain("1", st["normal"]), PageBreak(), plain("2", st["normal"])],
        on_page=combine(first, None, second),
        numbering=True,
    )
    assert calls == ["first1", "second1", "first2", "second2"]
