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
