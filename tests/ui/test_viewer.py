"""The PDF viewer with real statements: password handling, pages, zoom, search, tabs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ui.pdf_fixtures import (
    PASSWORD,
    PRODUCER_NAME,
    answer_modal,
    japanese_app,
    mixed_sizes_pdf,
    protected_statement,
)
from ui.qt import QApplication, QInputDialog, QLineEdit, QMessageBox, QPdfView
from ui.viewer import PdfTab, PdfViewerWindow, open_pdf


@pytest.fixture(autouse=True)
def _viewer(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    japanese_app(qapp)
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PdfViewerWindow):
            widget.close()
            widget.deleteLater()


def test_statement_opens_with_its_stored_password_and_finds_a_producer(qtbot, sqlite_db) -> None:
    data, _fixture = protected_statement(sqlite_db)
    window = open_pdf(None, data, "北海水産協同組合 - 供給者.pdf", password=PASSWORD)
    assert window is not None
    qtbot.waitExposed(window)
    tab = window.current_tab()
    assert isinstance(tab, PdfTab)
    view = window.findChild(QPdfView, "pdfView")
    assert view is tab.view and view.pageMode() == QPdfView.PageMode.MultiPage
    pages = tab.document.pageCount()
    assert pages >= 2 and tab.page_count_label.text() == f"/ {pages} ページ"

    tab.search_box.setText(PRODUCER_NAME)
    qtbot.waitUntil(lambda: tab.result_count() > 0, timeout=5000)
    tab.find_next()
    assert tab.search_label.text().startswith("1 / ")
    link = tab.search_model.resultAtIndex(0)
    assert link.page() == tab.current_page
    tab.search_box.setText("存在しない文字列ですよ")
    qtbot.waitUntil(lambda: tab.search_label.text() == "見つかりません", timeout=5000)

    tab.page_box.setValue(2)
    qtbot.waitUntil(lambda: tab.current_page == 1, timeout=3000)

    tab.fit_page()
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView
    tab.zoom_in()
    zoomed = view.zoomFactor()
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    tab.zoom_out()
    assert view.zoomFactor() == pytest.approx(zoomed / 1.25)
    tab.fit_width()
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_unknown_protected_file_asks_once(qtbot, sqlite_db) -> None:
    data, _fixture = protected_statement(sqlite_db)

    def type_password(dialog: QInputDialog) -> None:
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        dialog.setTextValue(PASSWORD)
        dialog.accept()

    asked = answer_modal(QInputDialog, type_password)
    window = open_pdf(None, data, "受け取ったファイル.pdf")
    assert window is not None and len(asked) == 1 and "パスワードで保護" in asked[0]
    assert window.current_tab().document.pageCount() >= 2

    wrong = answer_modal(QInputDialog, lambda d: (d.setTextValue("00000000"), d.accept()))
    told = answer_modal(QMessageBox, lambda box: box.accept())
    assert open_pdf(None, data, "もう一度.pdf") is None
    qtbot.waitUntil(lambda: bool(told), timeout=3000)
    assert len(wrong) == 1 and told == ["PDFのパスワードが違います。"]
    assert len(window.tab_list()) == 1


def test_several_documents_are_tabs_of_one_window(qtbot, sqlite_db) -> None:
    data, _fixture = protected_statement(sqlite_db)
    first = open_pdf(None, data, "明細書.pdf", password=PASSWORD)
    second = open_pdf(None, mixed_sizes_pdf(), "出荷表.pdf")
    assert first is second and first is not None
    assert [tab.title for tab in first.tab_list()] == ["明細書.pdf", "出荷表.pdf"]
    assert first.windowTitle() == "出荷表.pdf — PDFビューア"
    first.close_tab(1)
    assert [tab.title for tab in first.tab_list()] == ["明細書.pdf"]


def test_bytes_that_are_not_a_pdf_give_a_message(qtbot) -> None:
    told = answer_modal(QMessageBox, lambda box: box.accept())
    assert open_pdf(None, b"not a pdf at all", "壊れた.pdf") is None
    assert told and "PDFを開けませんでした" in told[0]


def _pages_with_a_mark_on(page_of_mark: int, pages: int = 4) -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for page in range(pages):
        c.drawString(72, 760, f"page {page + 1}")
        if page == page_of_mark:
            c.drawString(72, 120, "needle-on-a-later-page")
        c.showPage()
    c.save()
    return out.getvalue()


def test_search_scrolls_to_and_highlights_a_hit_on_a_later_page(qtbot) -> None:
    from ui.qt import QEvent

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the last test's viewer is gone
    window = open_pdf(None, _pages_with_a_mark_on(2), "four pages.pdf")
    assert window is not None
    qtbot.waitExposed(window)
    tab = window.current_tab()
    scroll = tab.view.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 0, timeout=5000)
    assert scroll.value() == 0 and tab.current_page == 0
    tab.search_box.setText("needle-on-a-later-page")  # typed: no Enter needed for the first hit
    qtbot.waitUntil(lambda: tab.current_page == 2, timeout=5000)
    assert tab.view.currentSearchResultIndex() == 0  # highlighted
    assert tab.search_label.text() == "1 / 1 件"
    # The view really moved: page 3's hit is in the viewport, two pages down.
    qtbot.waitUntil(lambda: scroll.value() > scroll.maximum() // 3, timeout=5000)


def test_ctrl_f_escape_and_the_remembered_size(qtbot) -> None:
    from ui.qt import QAction, QEvent, QGuiApplication, Qt

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the last test's viewer is gone
    window = open_pdf(None, mixed_sizes_pdf(), "a.pdf")
    open_pdf(None, mixed_sizes_pdf(), "b.pdf")
    qtbot.waitExposed(window)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert area.contains(window.frameGeometry().topLeft()) and window.height() <= area.height()
    tab = window.current_tab()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(tab.search_box.hasFocus, timeout=3000)
    close = window.findChild(QAction, "closePdfTab")
    assert Qt.Key.Key_Escape in [k[0].key() for k in close.shortcuts()]
    qtbot.keyClick(tab.search_box, Qt.Key.Key_Escape)
    assert window.tabs.count() == 1
    window.resize(700, 500)
    close.trigger()  # the last tab: the window closes and keeps its size for next time
    assert not window.isVisible()
    again = open_pdf(None, mixed_sizes_pdf(), "c.pdf")
    assert (again.width(), again.height()) == (700, 500)


def test_ctrl_w_closes_the_tab_then_the_window_and_a_maximized_viewer_reopens_maximized(qtbot) -> None:
    from ui.qt import QEvent, Qt

    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the last test's viewer is gone
    window = open_pdf(None, mixed_sizes_pdf(), "a.pdf")
    open_pdf(None, mixed_sizes_pdf(), "b.pdf")
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized, timeout=3000)
    qtbot.keyClick(window.current_tab().view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert [tab.title for tab in window.tab_list()] == ["a.pdf"] and window.isVisible()
    qtbot.keyClick(window.current_tab().view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 0 and not window.isVisible()  # the last tab takes the window with it
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    again = open_pdf(None, mixed_sizes_pdf(), "c.pdf")  # a new window: only the saved state is shared
    assert again is not None and again is not window
    qtbot.waitExposed(again)
    assert again.isMaximized()
    again.showNormal()
    qtbot.waitUntil(lambda: not again.isMaximized(), timeout=3000)
    again.close()
    assert not open_pdf(None, mixed_sizes_pdf(), "d.pdf").isMaximized()  # and normal once left normal
