"""One document in the viewer: the pages, page number, zoom, search, save and print."""

from __future__ import annotations

from oroshi_desktop.domain.filenames import safe_filename
from ui.qt import (
    QAction,
    QFileDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPdfDocument,
    QPdfSearchModel,
    QPdfView,
    QPointF,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.1, 8.0


class PdfTab(QWidget):
    """The viewer's page for one PDF. Holds the bytes so that save and print use the original file."""

    def __init__(self, document: QPdfDocument, data: bytes, title: str, password: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        document.setParent(self)
        self.data = data
        self.title = title
        self.password = password

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName(self.tr("PDFのページ"))
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(document)
        self.search_model = QPdfSearchModel(self)
        self.search_model.setDocument(document)
        self.view.setSearchModel(self.search_model)

        self.toolbar = QToolBar(self)
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("pageNumber")
        self.page_box.setAccessibleName(self.tr("ページ番号"))
        self.page_box.setRange(1, max(1, document.pageCount()))
        self.page_count_label = QLabel(self.tr("/ {count} ページ").format(count=document.pageCount()), self)
        self.page_count_label.setObjectName("pageCount")
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("pdfSearch")
        self.search_box.setAccessibleName(self.tr("PDF内を検索"))
        self.search_box.setPlaceholderText(self.tr("検索"))
        self.search_box.setClearButtonEnabled(True)
        self.search_label = QLabel("", self)
        self.search_label.setObjectName("searchResult")
        self._result = -1

        self.actions_by_name: dict[str, QAction] = {}
        self._add("zoomOut", self.tr("縮小"), self.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self._add("zoomIn", self.tr("拡大"), self.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self._add("fitWidth", self.tr("幅に合わせる"), self.fit_width)
        self._add("fitPage", self.tr("ページ全体"), self.fit_page)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.page_box)
        self.toolbar.addWidget(self.page_count_label)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.search_box)
        self._add("findPrevious", self.tr("前へ"), self.find_previous, QKeySequence.StandardKey.FindPrevious)
        self._add("findNext", self.tr("次へ"), self.find_next, QKeySequence.StandardKey.FindNext)
        self.toolbar.addWidget(self.search_label)
        self.toolbar.addSeparator()
        self._add("saveAs", self.tr("名前を付けて保存…"), self.save_as, QKeySequence.StandardKey.SaveAs)
        self._add("printPdf", self.tr("印刷…"), self.print_document, QKeySequence.StandardKey.Print)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.toolbar)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

        self.page_box.valueChanged.connect(self._jump_to_page)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.search_box.textChanged.connect(self._search)
        self.search_box.returnPressed.connect(self.find_next)
        self.search_model.rowsInserted.connect(self._results_arrived)
        self.search_model.modelReset.connect(self._show_result_count)

    def _add(self, name: str, text: str, slot: object, shortcut: QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    # ---- pages and zoom ----------------------------------------------------------------------

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def _jump_to_page(self, number: int) -> None:
        if number - 1 != self.current_page:
            self.view.pageNavigator().jump(number - 1, QPointF(), self.view.pageNavigator().currentZoom())

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(ZOOM_MAX, max(ZOOM_MIN, factor)))

    def zoom_in(self) -> None:
        self._set_zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.view.zoomFactor() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    # ---- search ------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _search(self, text: str) -> None:
        self._result = -1
        self.search_model.setSearchString(text)
        self._show_result_count()

    def result_count(self) -> int:
        return self.search_model.rowCount(self.search_model.index(-1, -1).parent())

    def _results_arrived(self) -> None:
        """The search runs in the background: its first hit is shown (scrolled to, highlighted) as
        soon as it is found, as a browser's find does; Enter and 次へ go on from there."""
        if self._result < 0 and self.search_box.text() and self.result_count() > 0:
            self._go_to_result(0)
        else:
            self._show_result_count()

    def _show_result_count(self) -> None:
        count = self.result_count()
        if not self.search_box.text():
            self.search_label.setText("")
        elif count == 0:
            self.search_label.setText(self.tr("見つかりません"))
        else:
            shown = self._result + 1 if self._result >= 0 else 0
            self.search_label.setText(self.tr("{shown} / {count} 件").format(shown=shown, count=count))

    def _go_to_result(self, index: int) -> None:
        count = self.result_count()
        if count == 0:
            self._show_result_count()
            return
        self._result = index % count
        self.view.setCurrentSearchResultIndex(self._result)  # the hit is highlighted
        link = self.search_model.resultAtIndex(self._result)
        self.view.pageNavigator().jump(link.page(), link.location(), self.view.pageNavigator().currentZoom())
        self._show_result_count()

    def find_next(self) -> None:
        self._go_to_result(self._result + 1)

    def find_previous(self) -> None:
        self._go_to_result(self._result - 1 if self._result >= 0 else -1)

    # ---- save and print ----------------------------------------------------------------------

    def save_as(self) -> None:
        name = self.title if self.title.lower().endswith(".pdf") else f"{self.title}.pdf"
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("名前を付けて保存"), safe_filename(name), "PDF (*.pdf)")
        if not path:
            return
        try:
            with open(path, "wb") as handle:  # the original file, still protected by its password
                handle.write(self.data)
        except OSError as err:
            QMessageBox.warning(self, self.tr("名前を付けて保存"),
                                self.tr("保存できませんでした: {path}\n{reason}").format(path=path, reason=err.strerror or err))

    def print_document(self) -> None:
        from ui.printing import print_pdf

        print_pdf(self, self.data, self.password, title=self.title)
