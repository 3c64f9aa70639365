"""Markup escaping, paragraph styles and font fitting render Japanese and hostile text safely."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from printables.fonts import GOTHIC, GOTHIC_BOLD
from printables.pages import build_pdf
from printables.text import escape, fit_font_size, one_line, para, plain, styles


def _render(flowables: list[Flowable]) -> PdfReader:
    return PdfReader(BytesIO(build_pdf(flowables, title="text test")))


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _base_fonts(reader: PdfReader) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"]).split("+", 1)[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        (None, ""),
        ("", ""),
        ("山田水産", "山田水産"),
        ("<b>&\"'", "&lt;b&gt;&amp;&quot;&#39;"),
        ("A&amp;B", "A&amp;amp;B"),  # already-escaped looking input is still literal text
        ("a\x00b\x07c\x7f", "abc"),  # control characters would print as boxes
        ("1行目\n2行目\t", "1行目\n2行目\t"),
        ("🐟𠮷", "🐟𠮷"),  # kept: the font's .notdef shows something was there
    ],
)
def test_escape(raw: str | None, escaped: str) -> None:
    assert escape(raw) == escaped


def test_japanese_text_is_extractable() -> None:
    st = styles()
    reader = _render([plain("支払明細書", st["title"]), plain("① 〒100-0001 ※ 5℃ 髙﨑", st["normal"])])
    text = _text(reader)
    assert "支払明細書" in text
    assert "①" in text
    assert "髙﨑" in text


def test_hostile_text_prints_literally() -> None:
    st = styles()
    hostile = "<b>&\"'"
    reader = _render([plain(hostile, st["normal"]), plain("</para><font name='x'>", st["normal"])])
    text = _text(reader)
    assert hostile in text
    assert "</para><font name='x'>" in text
    assert _base_fonts(reader) == {"BIZUDPGothic-Regular"}  # the <b> did not switch to bold


def test_para_markup_bold_maps_to_gothic_bold_and_mincho_stays() -> None:
    st = styles()
    reader = _render(
        [
            para(f"<b>{escape('A&B水産')}</b> 様", st["normal"]),
            para("<b>明朝の太字</b>", st["mincho"]),
        ]
    )
    assert "A&B水産 様" in _text(reader)
    assert _base_fonts(reader) == {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold", "BIZUDPMincho-Regular"}


def test_missing_glyphs_do_not_crash() -> None:
    st = styles()
    reader = _render([plain("🐟𠮷 鮮魚", st["normal"]), one_line("🐟𠮷" * 40, st["bold"], 40 * mm)])
    assert len(reader.pages) == 1
    assert "鮮魚" in _text(reader)


def test_plain_turns_newlines_into_breaks() -> None:
    st = styles()
    p = plain("一行目\r\n二行目\n三行目", st["normal"])
    p.wrap(150 * mm, 100 * mm)
    assert len(p.blPara.lines) == 3
    q = plain("一行目\n二行目", st["normal"], keep_newlines=False)
    q.wrap(150 * mm, 100 * mm)
    assert len(q.blPara.lines) == 1


def test_styles_wrap_japanese_without_spaces() -> None:
    st = styles(10)
    assert {"normal", "small", "bold", "title", "right", "center", "mincho"} <= st.keys()
    assert all(s.wordWrap == "CJK" for s in st.values())
    assert st["normal"].fontSize == 10 and st["bold"].fontName == GOTHIC_BOLD
    width = 40 * mm
    p = plain("北海道産の活ほたて貝を毎朝築地へ出荷しております" * 3, st["normal"])
    _, height = p.wrap(width, 500 * mm)
    assert len(p.blPara.lines) > 1
    assert height >= st["normal"].leading * 2
    # Every line fits: ReportLab records the leftover width of each line, never negative.
    for extra_space, _words in p.blPara.lines:
        assert extra_space >= -0.01


def test_styles_returns_independent_copies() -> None:
    a = styles()
    a["normal"].fontSize = 30
    assert styles()["normal"].fontSize == 9


def test_fit_font_size() -> None:
    name = "株式会社 山田水産"
    full = stringWidth(name, GOTHIC, 12)
    assert fit_font_size(name, GOTHIC, full + 1, 12, 6) == 12
    half = fit_font_size(name, GOTHIC, full / 2, 12, 4)
    assert 5.9 <= half <= 6.0
    assert stringWidth(name, GOTHIC, half) <= full / 2
    assert fit_font_size(name * 20, GOTHIC, 50 * mm, 12, 6) == 6
    assert fit_font_size("", GOTHIC, 50 * mm, 12, 6) == 12
    assert fit_font_size(None, GOTHIC, 50 * mm, 12, 6) == 12
    with pytest.raises(ValueError):
        fit_font_size(name, GOTHIC, 50 * mm, 6, 12)


def test_one_line_shrinks_then_wraps_long_names() -> None:
    st = styles(12)
    width = 60 * mm
    short = one_line("山田水産", st["normal"], width)
    assert short.style.fontSize == 12
    medium_name = "有限会社ほげほげ北海道水産物加工販売"
    medium = one_line(medium_name, st["normal"], width, min_size=6)
    assert 6 <= medium.style.fontSize < 12
    medium.wrap(width, 100 * mm)
    assert len(medium.blPara.lines) == 1

    name200 = ("長い名前の生産者" * 25)[:200]
    assert len(name200) == 200
    long = one_line(name200, st["normal"], width)
    assert long.style.fontSize == pytest.approx(12 * 0.6)
    long.wrap(width, 500 * mm)
    assert len(long.blPara.lines) > 1
    reader = _render([long, plain(name200, st["bold"])])
    assert name200[:20] in _text(reader).replace("\n", "")
