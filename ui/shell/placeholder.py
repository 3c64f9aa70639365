"""The views of the next version (注文・出荷, 供給, 書類保管, 設定): a short, honest "次の版で"."""

from __future__ import annotations

from ui.context import AppContext
from ui.qt import QLabel, QSettings, Qt, QVBoxLayout, QWidget


class PlaceholderView(QWidget):
    """Keeps to the view contract so the real view replaces it without touching the shell."""

    def __init__(self, ctx: AppContext, title: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = title
        self.setObjectName("placeholderView")
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("<h2>{title}</h2><p>{what}は次の版でこの画面からできるようになります。</p>"
                               "<p>それまでは Web 版のオロシ、またはコマンド <code>oroshi-desktop --help</code> "
                               "をお使いください。</p>").format(title=title, what=what))
        label.setObjectName("placeholderText")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)

    def refresh(self) -> None:
        """Nothing to refresh yet."""

    def focus_search(self) -> None:
        """No search yet."""

    def print_current(self) -> None:
        """Nothing to print yet."""

    def new_item(self) -> None:
        """Nothing to create yet."""

    def save_state(self, settings: QSettings) -> None:
        """No layout to remember yet."""

    def restore_state(self, settings: QSettings) -> None:
        """No layout to remember yet."""
