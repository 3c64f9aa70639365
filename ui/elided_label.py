"""A one-line label that shortens its text in the middle (…) to the width it gets, with the whole
text in its tooltip and its accessible name.

Japanese has no spaces, so a word-wrapped QLabel breaks a file name between any two characters
(供給 / 者.pdf); cutting the middle keeps both ends readable: whose file it is and which one.
"""

from __future__ import annotations

from ui.qt import QLabel, QResizeEvent, QSize, QSizePolicy, Qt, QWidget


class ElidedLabel(QLabel):
    """``keep_end``: a tail of ``text`` that stays whole (``- 供給者.pdf``); the rest is cut at its end."""

    def __init__(self, text: str, parent: QWidget | None = None, *, keep_end: str = "") -> None:
        super().__init__(parent)
        self.full_text = text
        self.keep_end = keep_end if keep_end and text.endswith(keep_end) else ""
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # any width: it elides
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("…" * 6))
        self._elide()

    def set_full_text(self, text: str) -> None:
        """A new whole text (a status line that changes), shortened again to the width it has."""
        if self.accessibleName() == self.full_text:  # not a name of its own (a status line's role)
            self.setAccessibleName(text)
        self.full_text = text
        self.keep_end = self.keep_end if self.keep_end and text.endswith(self.keep_end) else ""
        self.setToolTip(text)
        self.updateGeometry()
        self._elide()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self.full_text) + 2 * self.margin() + 4, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width() - 2 * self.margin())
        metrics = self.fontMetrics()
        room = width - metrics.horizontalAdvance(self.keep_end)
        if not self.keep_end or metrics.horizontalAdvance(self.full_text) <= width:
            self.setText(metrics.elidedText(self.full_text, Qt.TextElideMode.ElideMiddle, width))
            return
        if room < metrics.horizontalAdvance(self.full_text[:2] + "…"):  # too narrow for a head: the tail
            self.setText(metrics.elidedText(self.full_text, Qt.TextElideMode.ElideLeft, width))
            return
        head = self.full_text[:-len(self.keep_end)]
        self.setText(metrics.elidedText(head, Qt.TextElideMode.ElideRight, room) + self.keep_end)
