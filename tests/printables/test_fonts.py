"""The bundled fonts: present, registered, covering the characters the documents need, embedded."""

from __future__ import annotations

import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from printables import fonts
from printables.fonts import FONT_DIR, FONT_FILES, GOTHIC, GOTHIC_BOLD, MINCHO, register_fonts
from printables.pages import build_pdf
from printables.text import para, styles

REQUIRED_CHARS = [chr(c) for c in range(0x2460, 0x2474)] + list("※〒℃～〜髙﨑")


def _sample_pdf() -> bytes:
    st = styles()
    return build_pdf(
        [
            para("支払明細書 ① <b>太字の行</b>", st["normal"]),
            para("明朝体 〒100-0001", st["mincho"]),
        ],
        title="font test",
    )


def test_font_files_ship_with_licence() -> None:
    for filename in FONT_FILES.values():
        path = FONT_DIR / filename
        assert path.is_file(), path
        assert path.stat().st_size > 1_000_000  # a real font, not an LFS pointer
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    readme = (FONT_DIR / "README.md").read_text(encoding="utf-8")
    assert "BIZ UDPGothic" in readme and "1.05" in readme


def test_register_fonts_is_idempotent_and_maps_bold() -> None:
    register_fonts()
    register_fonts()
    for name in (GOTHIC, GOTHIC_BOLD, MINCHO):
        assert isinstance(pdfmetrics.getFont(name), TTFont)
    assert tt2ps(GOTHIC, 1, 0) == GOTHIC_BOLD
    assert tt2ps(GOTHIC, 0, 0) == GOTHIC
    # No bold Mincho ships: <b> in Mincho text stays Mincho instead of failing.
    assert tt2ps(MINCHO, 1, 0) == MINCHO


@pytest.mark.parametrize("name", [GOTHIC, GOTHIC_BOLD, MINCHO])
def test_glyph_coverage(name: str) -> None:
    register_fonts()
    cmap = pdfmetrics.getFont(name).face.charToGlyph
    missing = [c for c in REQUIRED_CHARS if ord(c) not in cmap]
    assert missing == []


def test_font_dir_falls_back_to_pyinstaller_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundled = tmp_path / "resources" / "fonts"
    bundled.mkdir(parents=True)
    (bundled / FONT_FILES[GOTHIC]).write_bytes(b"")

    def no_package(_name: str) -> None:
        raise ModuleNotFoundError("resources")

    monkeypatch.setattr(fonts.resources, "files", no_package)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts._font_dir() == bundled


def test_fonts_are_embedded_as_fontfile2() -> None:
    reader = PdfReader(BytesIO(_sample_pdf()))
    embedded: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            # ReportLab names subsets "AAAAAA+BIZUDPGothic-Regular".
            base = str(font["/BaseFont"]).split("+", 1)[-1]
            embedded[base] = "/FontFile2" in descriptor
    assert embedded == {
        "BIZUDPGothic-Regular": True,
        "BIZUDPGothic-Bold": True,
        "BIZUDPMincho-Regular": True,
    }


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_reports_embedded_subsets(tmp_path: Path) -> None:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(_sample_pdf())
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    names = {row[0].split("+", 1)[-1] for row in rows}
    assert names == {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold", "BIZUDPMincho-Regular"}
    for row in rows:
        # columns from the right: object ID (2), uni, sub, emb
        emb, sub = row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), row
