"""The PDF viewer: ``open_pdf(parent, data, title, password=None)`` shows a PDF in a tab."""

from ui.viewer.tab import PdfTab
from ui.viewer.window import PdfViewerWindow, open_pdf, viewer_window

__all__ = ["PdfTab", "PdfViewerWindow", "open_pdf", "viewer_window"]
