"""The ロゴ画像 field of 設定: pick a PNG or JPEG, see it, remove it — checked before it is kept.

The picked file is converted here to a PNG of at most ``STORED_SIDE`` pixels on its long side
(a header logo prints a few centimetres wide; 1,200 px is over 600 dpi there), so the web system's
company row only ever receives a small PNG (``oroshi_desktop.domain.logo``). Nothing is written
until 保存: the field only holds the new value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from oroshi_desktop.domain.logo import MAX_LOGO_BYTES, MAX_LOGO_SIDE, LogoError, decode_logo, encode_logo
from ui.qt import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QHBoxLayout,
    QImage,
    QImageReader,
    QImageWriter,
    QIODevice,
    QLabel,
    QPixmap,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

MAX_FILE_BYTES = 5_000_000  # the picked file; a logo is far smaller, a camera photo is not
STORED_SIDE = 1200
PREVIEW = (220, 70)  # logical pixels: about the logo's printed proportions in the statement header
ACCEPTED_FORMATS = (b"png", b"jpeg", b"jpg")


# lupdate reads translate("Context", "source") with literal texts only: a wrapper taking the text
# as a variable left these refusals out of the translation, so they stayed Japanese in English.
translate = QCoreApplication.translate


def _refused(text: str) -> LogoError:
    return LogoError(text, text)


def converted_logo(path: Path) -> bytes:
    """The picked file checked and converted to the PNG that is stored; ``LogoError`` (in the
    chosen language) when refused. Runs on a pool thread: QImage is not tied to the GUI thread."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise _refused(translate("LogoField", "ファイルを開けません（{reason}）").format(reason=err.strerror)) from err
    if size > MAX_FILE_BYTES:
        raise _refused(translate("LogoField", "ファイルが大きすぎます（{size:,} バイト、上限 {limit:,} バイト）")
                       .format(size=size, limit=MAX_FILE_BYTES))
    reader = QImageReader(str(path))
    if bytes(reader.format().data()).lower() not in ACCEPTED_FORMATS:
        raise _refused(translate("LogoField", "PNGまたはJPEGの画像を選んでください"))
    dimensions = reader.size()
    if dimensions.width() > MAX_LOGO_SIDE or dimensions.height() > MAX_LOGO_SIDE:
        raise _refused(translate("LogoField", "画像の大きさが範囲外です（{w}×{h} ピクセル、上限 {limit}）")
                       .format(w=dimensions.width(), h=dimensions.height(), limit=MAX_LOGO_SIDE))
    image = reader.read()
    if image.isNull():
        raise _refused(translate("LogoField", "画像を読み込めません（壊れているか、対応していない形式です）"))
    if max(image.width(), image.height()) > STORED_SIDE:
        image = image.scaled(STORED_SIDE, STORED_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # A writer, not QImage.save: PySide's stub types save()'s format as bytes, which it then refuses.
    QImageWriter(buffer, QByteArray(b"PNG")).write(image.convertToFormat(QImage.Format.Format_ARGB32))
    buffer.close()
    png = bytes(data.data())
    if len(png) > MAX_LOGO_BYTES:
        raise _refused(translate("LogoField", "画像が大きすぎます（PNGにして {size:,} バイト、上限 {limit:,} バイト）")
                       .format(size=len(png), limit=MAX_LOGO_BYTES))
    return png


class LogoField(QWidget):
    """``value()`` is what 保存 writes under ``logo_png``: base64 text, None to remove, or the row's
    own value untouched."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_logo")
        self._stored: Any = None   # the row's value as loaded
        self._new: str | None = None
        self._touched = False
        self.preview = QLabel(self)
        self.preview.setObjectName("settings_logoPreview")
        self.preview.setAccessibleName(self.tr("ロゴ画像の見本"))
        self.preview.setFixedSize(*PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid #c8c8c8; background: white;")
        self.choose_button = QPushButton(self.tr("画像を選ぶ…"), self)
        self.choose_button.setObjectName("settings_logoChoose")
        self.remove_button = QPushButton(self.tr("削除"), self)
        self.remove_button.setObjectName("settings_logoRemove")
        self.remove_button.clicked.connect(self.remove)
        self.note = QLabel(self.tr("PNGまたはJPEG（{mb} MBまで）。標準版の明細書とチェック表に印刷されます。")
                           .format(mb=MAX_FILE_BYTES // 1_000_000), self)
        self.note.setWordWrap(True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addLayout(buttons)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.note)
        self._show(b"", "")

    # ---- the value -----------------------------------------------------------------------------

    def set_stored(self, value: Any) -> None:
        """The company row's value (from the database); shown, kept unless the user changes it."""
        self._stored, self._new, self._touched = value, None, False
        png, problem = decode_logo(value)
        self._show(png, self.tr("保存されている画像を読み込めません（印刷されません）") if problem else "")

    def value(self) -> Any:
        return self._new if self._touched else self._stored

    @property
    def png(self) -> bytes:
        return decode_logo(self.value())[0]

    # ---- the user's actions --------------------------------------------------------------------

    def accept_png(self, png: bytes) -> None:
        """Take a PNG made by ``converted_logo`` as the new value (on the GUI thread)."""
        self._new, self._touched = encode_logo(png), True
        self._show(png, "")
        self.changed.emit()

    def remove(self) -> None:
        self._new, self._touched = None, True
        self._show(b"", "")
        self.changed.emit()

    def _show(self, png: bytes, problem: str) -> None:
        self.remove_button.setEnabled(bool(png) or bool(problem))
        if problem:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(problem)
            self.preview.setWordWrap(True)
            return
        pixmap = QPixmap()
        if png and pixmap.loadFromData(png, "PNG"):
            self.preview.setText("")
            self.preview.setPixmap(pixmap.scaled(PREVIEW[0] - 8, PREVIEW[1] - 8, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("ロゴなし"))
