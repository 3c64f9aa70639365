"""Make the app's icon files from their SVG source, with Qt (no ImageMagick, Inkscape or cairo needed).

    .venv/bin/python installer/icons.py          # resources/icons/oroshi-desktop.svg → PNGs, .ico, .icns
    .venv/bin/python installer/icons.py glyph    # print the SVG path of 卸 in BIZ UDPGothic Bold

The SVG carries 卸 as an outline (taken once with ``glyph`` from the bundled font), so it renders
the same on every machine whatever fonts are installed. The .ico (Windows: program, shortcuts,
installer) and the .icns (macOS) are written by Pillow from the rendered PNGs. Run it after changing
the SVG and commit every file it writes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "oroshi-desktop.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def png_name(size: int) -> str:
    return f"oroshi-desktop-{size}.png"


def render(svg: Path, size: int) -> bytes:
    """The SVG drawn at size×size pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def glyph_path(char: str = "卸") -> str:
    """The outline of one character of BIZ UDPGothic Bold as an SVG path in a 0..1000 em box."""
    from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPainterPath

    QGuiApplication.instance() or QGuiApplication(["icons", "-platform", "offscreen"])
    font_id = QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "BIZUDPGothic-Bold.ttf"))
    font = QFont(QFontDatabase.applicationFontFamilies(font_id)[0])
    font.setPixelSize(1000)
    path = QPainterPath()
    path.addText(0, 880, font, char)  # baseline at 880: the em box's top is y = 0
    commands: list[str] = []
    index = 0
    while index < path.elementCount():
        element = path.elementAt(index)
        if element.isMoveTo():
            commands.append(f"M{element.x:.0f} {element.y:.0f}")
        elif element.isLineTo():
            commands.append(f"L{element.x:.0f} {element.y:.0f}")
        else:  # a cubic curve: this control point and the next two elements
            c2, end = path.elementAt(index + 1), path.elementAt(index + 2)
            commands.append(f"C{element.x:.0f} {element.y:.0f} {c2.x:.0f} {c2.y:.0f} {end.x:.0f} {end.y:.0f}")
            index += 2
        index += 1
    return "".join(commands) + "Z"


def main(argv: list[str]) -> int:
    if argv[1:] == ["glyph"]:
        print(glyph_path())
        return 0
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.instance() or QGuiApplication(["icons", "-platform", "offscreen"])
    rendered = {size: render(SOURCE, size) for size in sorted({*SIZES, *ICO_SIZES, *ICNS_SIZES})}
    for size in SIZES:
        (ICONS / png_name(size)).write_bytes(rendered[size])
    images = {size: Image.open(io.BytesIO(rendered[size])).convert("RGBA") for size in rendered}
    # Pillow's ICO writer takes the largest image and the sizes; it embeds each size it is given
    # through append_images when the size matches exactly, so no size is a blurry downscale.
    largest = images[max(ICO_SIZES)]
    largest.save(ICONS / "oroshi-desktop.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    images[max(ICNS_SIZES)].save(ICONS / "oroshi-desktop.icns", format="ICNS",
                                 append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)])
    for path in sorted(ICONS.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
