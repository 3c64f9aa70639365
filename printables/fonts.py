"""The fonts every printable uses: BIZ UD P-Gothic (regular, bold) and BIZ UD P-Mincho.

The TTF files ship in ``resources/fonts`` (see its README for version and licence) so that a
statement looks the same on every PC. ReportLab embeds a subset of each TrueType font that a PDF
uses, so the recipient needs no Japanese fonts installed.

Call :func:`register_fonts` before building any document; it is cheap after the first call.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from importlib import resources
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

GOTHIC = "Gothic"
GOTHIC_BOLD = "Gothic-Bold"
MINCHO = "Mincho"

FONT_FILES: dict[str, str] = {
    GOTHIC: "BIZUDPGothic-Regular.ttf",
    GOTHIC_BOLD: "BIZUDPGothic-Bold.ttf",
    MINCHO: "BIZUDPMincho-Regular.ttf",
}


def _font_dir() -> Path:
    """Locate ``resources/fonts`` in a source tree, an installed wheel or a PyInstaller bundle."""
    candidates: list[Path] = []
    # A Traversable, but for a package on disk (and PyInstaller's collected data) it is a real
    # directory, which is what TTFont needs: it opens files by name.
    with contextlib.suppress(ModuleNotFoundError, TypeError):
        candidates.append(Path(str(resources.files("resources") / "fonts")))
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and meipass:
        # A onefile/onedir bundle unpacks data files under _MEIPASS even when the package itself
        # lives in the PYZ archive and has no directory of its own.
        candidates.append(Path(meipass) / "resources" / "fonts")
    for candidate in candidates:
        if (candidate / FONT_FILES[GOTHIC]).is_file():
            return candidate
    # Report the first (expected) place so the error message points somewhere sensible.
    return candidates[0] if candidates else Path(__file__).resolve().parent.parent / "resources" / "fonts"


FONT_DIR: Path = _font_dir()

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register Gothic, Gothic-Bold and Mincho with ReportLab; safe to call repeatedly and from threads.

    Also maps ``<b>`` in Paragraph markup: Gothic → Gothic-Bold, and Mincho → Mincho because no bold
    Mincho ships (better plain than ReportLab's "font not found" error). Italic maps to upright:
    Japanese fonts have no italics.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in FONT_FILES.items():
            path = FONT_DIR / filename
            if not path.is_file():
                raise FileNotFoundError(f"bundled font missing: {path}")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            GOTHIC, normal=GOTHIC, bold=GOTHIC_BOLD, italic=GOTHIC, boldItalic=GOTHIC_BOLD
        )
        pdfmetrics.registerFontFamily(MINCHO, normal=MINCHO, bold=MINCHO, italic=MINCHO, boldItalic=MINCHO)
        _registered = True


def missing_glyphs(text: str, font: str = GOTHIC) -> set[str]:
    """The characters of ``text`` that ``font`` has no glyph for (they print as a .notdef box).

    Used to report what a document could not print as written (emoji, 𠮷, bidi marks) instead of
    letting it pass silently; whitespace and line breaks are layout, not content, and never count.
    """
    register_fonts()
    cmap = pdfmetrics.getFont(font).face.charToGlyph
    return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in cmap}
