"""Printing a PDF on the local printer: the PDF itself to a CUPS queue where there is CUPS (text
stays text, see ``oroshi_desktop.cups``); elsewhere (Windows) each page rendered by QtPdf at the
printer's resolution. Afterwards the status bar says which printer got how many sheets.

``print_pdf`` asks with ``QPrintDialog`` (printer, page range, copies) and renders off the GUI
thread (QPainter on a QPrinter is allowed in a worker thread). Every page is printed on a sheet of
its own size and orientation, so a JIS B4 landscape chart prints B4 landscape and an A4 statement
A4 portrait.

When the output is a PDF file the page's text is also written, invisible, beneath the picture of
the page (like a scanned document's text layer), so the printed file can still be searched and
copied from; on paper it makes no difference.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from oroshi_desktop.cups import PdfJob, job_title, lp_command, submit_pdf
from oroshi_desktop.errors import UserError
from ui.pdf_document import PdfPasswordError, load_pdf_document
from ui.qt import (
    QAbstractPrintDialog,
    QColor,
    QCoreApplication,
    QFont,
    QImage,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfDocument,
    QPdfDocumentRenderOptions,
    QPrintDialog,
    QPrinter,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QWidget,
)

# A full-colour A4 page at 1200 dpi is a 550 MB image; no office printer resolves more than 600.
MAX_RENDER_DPI = 600
FILE_DPI = 300


@dataclass(frozen=True)
class PrintRequest:
    """What the print dialog decided, in plain values that can cross to the worker thread."""

    first_page: int  # 0-based, inclusive
    last_page: int   # 0-based, inclusive
    copies: int      # copies this code must produce itself (1 when the printer makes them)
    collate: bool


def _request(printer: QPrinter, page_count: int) -> PrintRequest:
    first, last = 0, page_count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(0, printer.fromPage() - 1)
        last = min(page_count - 1, (printer.toPage() or page_count) - 1)
    if first > last:
        raise UserError(f"page range {first + 1}-{last + 1} is outside the document's {page_count} pages",
                        f"印刷範囲（{first + 1}〜{last + 1}ページ）が文書の{page_count}ページを超えています")
    copies = max(1, printer.copyCount())
    if printer.supportsMultipleCopies():
        copies = 1  # the print system makes them
    return PrintRequest(first, last, copies, printer.collateCopies())


def _page_order(request: PrintRequest) -> list[int]:
    pages = list(range(request.first_page, request.last_page + 1))
    if request.copies == 1:
        return pages
    if request.collate:
        return pages * request.copies
    return [page for page in pages for _ in range(request.copies)]


def _page_layout(size_points: QSizeF) -> QPageLayout:
    """The page's own size and orientation, with no margin (the PDF page already has its margins)."""
    width, height = size_points.width(), size_points.height()
    orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    portrait = QSizeF(min(width, height), max(width, height))
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def _render(document: QPdfDocument, page: int, dpi: int) -> QImage:
    size_points = document.pagePointSize(page)
    pixels = QSize(round(size_points.width() * dpi / 72), round(size_points.height() * dpi / 72))
    image = document.render(page, pixels, QPdfDocumentRenderOptions())
    # QtPdf leaves the paper transparent; a printer needs it white.
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def _draw_text_layer(painter: QPainter, document: QPdfDocument, page: int, target: QRectF) -> None:
    """Each line of the page's text, white, where it stands on the page (the picture covers it)."""
    scale = target.width() / document.pagePointSize(page).width()
    text = document.getAllText(page).text()
    painter.save()
    painter.setPen(QColor("white"))
    index = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip():
            box = document.getSelectionAtIndex(page, index, len(stripped)).boundingRectangle()
            if box.height() > 0:
                font = QFont(painter.font())
                font.setPixelSize(max(1, round(box.height() * scale * 0.8)))
                painter.setFont(font)
                painter.drawText(QRectF(target.x() + box.x() * scale, target.y() + box.y() * scale,
                                        max(box.width() * scale, 1.0), box.height() * scale),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                                 | int(Qt.TextFlag.TextDontClip), stripped)
        index += len(line)
    painter.restore()


def render_into_printer(printer: QPrinter, document: QPdfDocument, request: PrintRequest,
                        progress: Callable[[int, int], None] | None = None) -> int:
    """Print the requested pages; returns the number of sheets. Runs on any thread."""
    pages = _page_order(request)
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    text_layer = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    printer.setFullPage(True)
    painter = QPainter()
    for n, page in enumerate(pages):
        if progress is not None:
            progress(n, len(pages))
        printer.setPageLayout(_page_layout(document.pagePointSize(page)))
        if n == 0:
            if not painter.begin(printer):
                raise UserError("the printer could not be opened", "プリンターを開けませんでした。設定を確認してください")
        elif not printer.newPage():
            raise UserError("the printer refused a new page", "プリンターが次のページを受け付けませんでした")
        target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
        target.moveTo(0, 0)
        if text_layer:
            _draw_text_layer(painter, document, page, target)
        painter.drawImage(target, _render(document, page, dpi))
    painter.end()
    return len(pages)


# The dialog step of 印刷 and 直接印刷: given the printer and the page count, let the user choose
# (printer, range, copies) on it and say whether to print.
def ask_with_dialog(printer: QPrinter, page_count: int, parent: QWidget | None) -> bool:
    """The system's print dialog (modal); True when the user pressed 印刷."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "印刷"))
    dialog.setMinMax(1, page_count)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def print_pdf(parent: QWidget | None, data: bytes, password: str | None = None, *,
              title: str = "", printer: QPrinter | None = None) -> None:
    """印刷: the print dialog, then the pages rendered into the chosen printer off the GUI thread.

    ``printer`` preselects a printer (or a PDF file) in the dialog; by default the system's default.
    """
    from ui.operations import BatchOperation, Progress, show_error

    try:
        document, _buffer = load_pdf_document(data, password)
    except (UserError, PdfPasswordError) as err:
        show_error(parent, err if isinstance(err, UserError) else err.as_user_error())
        return
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(job_title(title or "oroshi-desktop"))
    printer.setFromTo(1, document.pageCount())
    if not ask_with_dialog(printer, document.pageCount(), parent):
        return
    try:
        request = _request(printer, document.pageCount())
    except UserError as err:
        show_error(parent, err)
        return
    if takes_pdf(printer):
        submit_to_cups(parent, printer, data, password, request, title)
        return

    def work(progress: Progress) -> int:
        # A document of its own on this thread: QPdfDocument is not shared across threads.
        own, _own_buffer = load_pdf_document(data, password)

        def report(done: int, total: int) -> None:
            progress.check()
            progress.update(done, total, QCoreApplication.translate("Printing", "{page} / {total} ページ").format(page=done + 1, total=total))

        return render_into_printer(printer, own, request, report)

    BatchOperation(parent, work, label=QCoreApplication.translate("Printing", "印刷しています…")) \
        .success(lambda sheets: printed(parent, printer, sheets)).run()


def takes_pdf(printer: QPrinter) -> bool:
    """A real printer of a print system that takes the PDF itself (CUPS: Linux, macOS)."""
    return printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and bool(printer.printerName()) \
        and lp_command() is not None


def submit_to_cups(parent: QWidget | None, printer: QPrinter, data: bytes, password: str | None,
                   request: PrintRequest, title: str) -> None:
    """The document itself to the CUPS queue (text stays text), off the GUI thread."""
    from ui.operations import Operation

    copies = max(1, printer.copyCount())
    job = PdfJob(queue=printer.printerName(), title=title or "oroshi-desktop", copies=copies,
                 first_page=request.first_page + 1, last_page=request.last_page + 1, collate=request.collate)
    sheets = (request.last_page - request.first_page + 1) * copies
    Operation(parent, lambda: submit_pdf(job, data, password),
              label=QCoreApplication.translate("Printing", "印刷しています…")) \
        .success(lambda _job_id: printed(parent, printer, sheets)).run()


def printed(parent: QWidget | None, printer: QPrinter, sheets: int) -> None:
    """The status bar says what went where: the printer and the sheets, or the PDF file."""
    from ui.notices import announce

    if parent is None:
        return
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        path = Path(printer.outputFileName())
        announce(parent, QCoreApplication.translate("Printing", "{pages}ページを {file} に出力しました").format(
            pages=sheets, file=path.name), path)
        return
    announce(parent, QCoreApplication.translate("Printing", "プリンター「{printer}」に{sheets}枚を送りました").format(
        printer=printer.printerName(), sheets=sheets))
