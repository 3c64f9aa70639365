"""Password protection for PDFs that leave the office by mail (payment statements).

pypdf's AES-256 (security handler revision 6, PDF 2.0 / ISO 32000-2) is used rather than ReportLab's
own encryption: ReportLab's 256-bit mode is refused by poppler, whereas R6 opens in poppler, Qt's
PDF module, Acrobat and the browsers' viewers. RC4 and AES-128 are deliberately not offered.
"""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, NumberObject

# AES-256 R6 is defined by ISO 32000-2 (PDF 2.0) and, before it, by Adobe's extension level 8
# to PDF 1.7. Declaring 1.7 + ADBE level 8 is what Acrobat itself writes: readers that know R6
# open it, and readers that predate PDF 2.0 are not told the file is newer than it is.
PDF_VERSION = b"%PDF-1.7"
ADBE_EXTENSION_LEVEL = 8


def encrypt_pdf(pdf: bytes, password: str) -> bytes:
    """Return ``pdf`` encrypted with AES-256 (V5/R6), openable with ``password``.

    The same password is used as owner password: recipients get full rights once they open the file,
    and there is no second secret for the office to lose. Document metadata (title, author …) is
    kept; note that with R6 the Info dictionary strings are encrypted too.
    """
    if not password:
        raise ValueError("empty password: an encrypted statement needs a password")
    reader = PdfReader(BytesIO(pdf))
    if reader.is_encrypted:
        raise ValueError("PDF is already encrypted")
    writer = PdfWriter(clone_from=reader)
    # clone_from copies the catalogue; copy the Info dictionary explicitly so the metadata survives
    # regardless of pypdf version.
    if reader.metadata:
        writer.add_metadata({k: v for k, v in reader.metadata.items() if isinstance(k, str)})
    writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    writer.pdf_header = PDF_VERSION
    writer.root_object[NameObject("/Extensions")] = DictionaryObject({
        NameObject("/ADBE"): DictionaryObject({
            NameObject("/BaseVersion"): NameObject("/1.7"),
            NameObject("/ExtensionLevel"): NumberObject(ADBE_EXTENSION_LEVEL),
        }),
    })
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
