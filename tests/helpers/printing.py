"""Printing into a PDF file through QPrinter, the way 印刷 renders into a printer (tests only):
the printed file can be read back page by page."""

from __future__ import annotations

from pathlib import Path

from oroshi_desktop.errors import UserError
from ui.printing import FILE_DPI, PrintRequest, load_pdf_document, render_into_printer
from ui.qt import QPrinter


def print_pdf_to_file(data: bytes, path: str | Path, password: str | None = None, *, copies: int = 1,
                      first_page: int | None = None, last_page: int | None = None, dpi: int = FILE_DPI) -> int:
    """Print ``data`` into a PDF file through QPrinter (1-based page range); returns the sheet count."""
    document, _buffer = load_pdf_document(data, password)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)
    count = document.pageCount()
    request = PrintRequest((first_page or 1) - 1, (last_page or count) - 1, max(1, copies), True)
    if not 0 <= request.first_page <= request.last_page < count:
        raise UserError(f"page range is outside the document's {count} pages",
                        f"印刷範囲が文書の{count}ページを超えています")
    return render_into_printer(printer, document, request)
