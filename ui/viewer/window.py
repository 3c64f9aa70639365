"""The PDF viewer window: one per app, each opened document a tab (閉じる on each tab).

Escape or Ctrl+W closes the current tab (the last one closes the window). The window opens inside
the screen's free area (never under the task bar) and remembers its size and whether it was
maximized, in the same per-user file as the main window's layout.
"""

from __future__ import annotations

import shiboken6

from ui.pdf_document import PdfPasswordError, load_pdf_document
from ui.qt import (
    QAction,
    QCloseEvent,
    QCoreApplication,
    QGuiApplication,
    QInputDialog,
    QKeySequence,
    QLineEdit,
    QMainWindow,
    QSettings,
    QSize,
    Qt,
    QTabWidget,
    QWidget,
)
from ui.viewer.tab import PdfTab

_window: PdfViewerWindow | None = None


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """The wanted size, but never larger than the screen's free area (task bar excluded), and placed
    inside that area (centred), frame and title bar included."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else None
    if area is not None:
        width, height = min(width, area.width() - 20), min(height, area.height() - 40)
    widget.resize(width, height)
    if area is not None:
        widget.move(area.x() + max(0, (area.width() - width) // 2), area.y() + max(0, (area.height() - height - 30) // 2))


def _settings() -> QSettings:
    from oroshi_desktop.paths import app_paths
    from ui.window_state import window_settings

    return window_settings(app_paths())


class PdfViewerWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("pdfViewerWindow")
        self.setWindowTitle(self.tr("PDFビューア"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pdfTabs")
        self.tabs.setAccessibleName(self.tr("開いているPDF"))
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._title_from_tab)
        self.setCentralWidget(self.tabs)
        for name, keys in (("closePdfTab", [QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Ctrl+W"),
                                            QKeySequence(Qt.Key.Key_Escape)]),):
            action = QAction(self.tr("タブを閉じる"), self)
            action.setObjectName(name)
            action.setShortcuts(list(dict.fromkeys(k for k in keys if not k.isEmpty())))
            action.triggered.connect(lambda _checked=False: self.close_tab(self.tabs.currentIndex()))
            self.addAction(action)
        find = QAction(self.tr("PDF内を検索"), self)
        find.setObjectName("findInPdf")
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(lambda _checked=False: self._focus_search())
        self.addAction(find)  # Ctrl+F anywhere in the viewer: the current tab's search box
        self.restore_size()

    def restore_size(self) -> None:
        settings = _settings()
        size = settings.value("viewer/size")
        width, height = (size.width(), size.height()) if isinstance(size, QSize) else (900, 700)
        fit_to_screen(self, width, height)
        if str(settings.value("viewer/maximized", "false")).lower() == "true":
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_size(self) -> None:
        settings = _settings()
        maximized = self.isMaximized()
        settings.setValue("viewer/maximized", maximized)
        if not maximized:
            settings.setValue("viewer/size", self.size())
        settings.sync()

    def add_document(self, tab: PdfTab) -> PdfTab:
        index = self.tabs.addTab(tab, tab.title)
        self.tabs.setTabToolTip(index, tab.title)
        self.tabs.setCurrentIndex(index)
        return tab

    def _focus_search(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.focus_search()

    def current_tab(self) -> PdfTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, PdfTab) else None

    def tab_list(self) -> list[PdfTab]:
        return [tab for i in range(self.tabs.count()) if isinstance(tab := self.tabs.widget(i), PdfTab)]

    def close_tab(self, index: int) -> None:
        if index < 0:
            self.close()
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if widget is not None:
            widget.deleteLater()
        if self.tabs.count() == 0:
            self.close()

    def _title_from_tab(self, _index: int) -> None:
        tab = self.current_tab()
        title = self.tr("PDFビューア")
        self.setWindowTitle(f"{tab.title} — {title}" if tab else title)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_size()
        # The documents hold whole PDFs in memory: closing the window lets them go.
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        super().closeEvent(event)


def viewer_window(parent: QWidget | None = None) -> PdfViewerWindow:
    """The app's viewer window, made on first use (and again if it was destroyed)."""
    global _window
    if _window is None or not shiboken6.isValid(_window):
        _window = PdfViewerWindow(parent)
    return _window


def _ask_password(parent: QWidget | None, title: str) -> str | None:
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("PdfViewerWindow", "パスワード"),
                                    QCoreApplication.translate("PdfViewerWindow", "「{title}」はパスワードで保護されています。\nパスワードを入力してください。").format(title=title),
                                    QLineEdit.EchoMode.Password)
    return text if ok and text else None


def open_pdf(parent: QWidget | None, data: bytes, title: str,
             password: str | None = None) -> PdfViewerWindow | None:
    """Show ``data`` in a new tab of the viewer; ``None`` when it could not be opened.

    A known password (a statement's stored one) opens the file without asking; a protected file
    without one asks once; a wrong password or unreadable bytes end in a plain Japanese message.
    """
    from ui.operations import show_error

    try:
        document, _buffer = load_pdf_document(data, password)
    except PdfPasswordError as err:
        if err.wrong:
            show_error(parent, err.as_user_error())
            return None
        password = _ask_password(parent, title)
        if password is None:
            return None
        try:
            document, _buffer = load_pdf_document(data, password)
        except PdfPasswordError as again:
            show_error(parent, again.as_user_error())
            return None
    except Exception as err:  # unreadable bytes (UserError) or a bug: both end in a dialog
        show_error(parent, err)
        return None
    window = viewer_window(parent)
    window.add_document(PdfTab(document, data, title, password))
    window.show()
    window.raise_()
    window.activateWindow()
    return window


