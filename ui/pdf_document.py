"""Opening PDF bytes as a ``QPdfDocument`` (in memory: a statement never touches the disk unasked)."""

from __future__ import annotations

from oroshi_desktop.errors import UserError
from ui.qt import QBuffer, QByteArray, QIODevice, QObject, QPdfDocument


class PdfPasswordError(Exception):
    """The PDF is protected and the password is missing or wrong."""

    def __init__(self, wrong: bool) -> None:
        super().__init__("wrong PDF password" if wrong else "the PDF needs a password")
        self.wrong = wrong

    def as_user_error(self) -> UserError:
        if self.wrong:
            return UserError("wrong PDF password", "PDFのパスワードが違います。")
        return UserError("the PDF needs a password", "このPDFはパスワードで保護されています。")


def load_pdf_document(data: bytes, password: str | None = None,
                      parent: QObject | None = None) -> tuple[QPdfDocument, QBuffer]:
    """The loaded document and the buffer it reads from (keep both alive together).

    Raises ``PdfPasswordError`` for a protected file without the right password and ``UserError``
    for bytes that are not a readable PDF.
    """
    document = QPdfDocument() if parent is None else QPdfDocument(parent)
    if password:
        document.setPassword(password)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)  # synchronous for an in-memory device
    error = document.error()
    if error == QPdfDocument.Error.IncorrectPassword:
        document.deleteLater()
        raise PdfPasswordError(wrong=bool(password))
    if error != QPdfDocument.Error.None_ or document.status() != QPdfDocument.Status.Ready:
        document.deleteLater()
        raise UserError(f"not a readable PDF ({error.name})", "PDFを開けませんでした（ファイルが壊れているか、PDFではありません）。")
    return document, buffer
