"""The app's icon (resources/icons, drawn from oroshi-desktop.svg by installer/icons.py): the window's,
the taskbar's and, with a state badge, the tray's."""

from __future__ import annotations

from importlib import resources

from ui.qt import QColor, QIcon, QPainter, QPixmap, QSize

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_file(size: int) -> str:
    return str(resources.files("resources") / "icons" / f"oroshi-desktop-{size}.png")


def app_icon() -> QIcon:
    """Every rendered size, so Qt picks a sharp one instead of scaling the largest down."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(icon_file(size), QSize(size, size))
    return icon


def badged_icon(colour: str, size: int = 32) -> QIcon:
    """The app icon with a dot in ``colour`` in its lower right corner (the tray's state)."""
    pixmap = app_icon().pixmap(size, size)
    pixmap = pixmap if not pixmap.isNull() else QPixmap(size, size)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor("white"))
    dot = size * 7 // 16
    painter.drawEllipse(size - dot - 1, size - dot - 1, dot, dot)
    painter.end()
    return QIcon(pixmap)



