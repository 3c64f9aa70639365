"""The payment statement PDF (支払明細書): :func:`render_statement`, in the 簡易版 (:mod:`.simple`) or
標準版 (:mod:`.standard`) layout; what both share is :mod:`.shared`."""

from __future__ import annotations

from reportlab.platypus import Flowable

from oroshi_desktop.domain.payment_statement import PaymentStatement
from oroshi_desktop.domain.statement_options import StatementFormat, StatementLayout
from printables.encryption import encrypt_pdf
from printables.fonts import register_fonts
from printables.grid import MAX_CELL_LINES
from printables.pages import A4, build_pdf, section_start, watermark
from printables.pdf_text import SubsetEncoder
from printables.statement.shared import MARGINS, NO_PAYMENTS, PREVIEW_NOTICE, PREVIEW_WATERMARK, period_text
from printables.statement.simple import simple_document
from printables.statement.standard import TAX_NOTE, standard_document

__all__ = [
    "MARGINS",
    "MAX_CELL_LINES",
    "NO_PAYMENTS",
    "PREVIEW_NOTICE",
    "TAX_NOTE",
    "render_statement",
]


def render_statement(statement: PaymentStatement, *, password: str | None = None) -> bytes:
    """The statement as PDF bytes; encrypted with AES-256 when ``password`` is given.

    Every number on the page comes from ``statement``, which
    :func:`oroshi_desktop.queries.statements.load_statement` built: this package computes nothing
    but positions, so the page adds up exactly as the domain rules say.

    Formats and numbering:

    - organization format: one document, "n / N" at the bottom right of every page (also "1 / 1");
    - supplier format: one section per producer, each starting on a new page; numbering restarts
      per producer and is printed only when that producer's section has two or more pages. The
      original did this in the standard layout only; here both layouts follow the same rule, so a
      one-page producer statement never carries a lone "1 / 1".

    A preview (``statement.is_preview``) is never encrypted (passing a password is an error): it
    carries a diagonal 見本 watermark on every page and the notice :data:`PREVIEW_NOTICE` in its
    header, so it cannot pass for an issued statement.

    User strings (names, addresses, units) are always drawn literally: nothing here parses markup,
    and control characters become spaces. Long names shrink a little and then wrap at any
    character; a table cell never grows past :data:`MAX_CELL_LINES` lines (the rest becomes "…").
    The detail table is a :class:`printables.grid.Grid` and the header blocks are
    :class:`printables.blocks.TextBlock` rather than Paragraphs, whose CJK line breaking costs more
    than the rest of a short statement; strings are encoded for the font subsets once per document.
    """
    if statement.format not in set(StatementFormat):
        raise ValueError(f"unknown statement format {statement.format!r}")
    if statement.layout not in set(StatementLayout):
        raise ValueError(f"unknown statement layout {statement.layout!r}")
    if statement.is_preview and password:
        raise ValueError("a preview is never encrypted: it must not look like an issued statement")
    register_fonts()
    encoder = SubsetEncoder()
    draw = simple_document if statement.layout == StatementLayout.SIMPLE else standard_document
    flowables: list[Flowable] = []
    supplier_format = statement.format == StatementFormat.SUPPLIER
    if supplier_format and statement.sections:
        for section in statement.sections:
            flowables += section_start(f"supplier-{section.supplier_id}", number_if_single_page=False)
            flowables += draw(statement, section.receiver, section.title, section.body, encoder)
    else:
        # Organization format, or a supplier-format statement without any supplies (one page
        # saying 支払いはない rather than an empty file).
        flowables += draw(statement, statement.receiver, statement.title, statement.body, encoder)
    pdf = build_pdf(
        flowables,
        pagesize=A4,
        margins=MARGINS,
        title=statement.title,
        author=statement.company.name,
        subject=PREVIEW_NOTICE if statement.is_preview else period_text(statement, statement.body),
        on_page_end=watermark(PREVIEW_WATERMARK) if statement.is_preview else None,
        numbering=True,
        number_single_page=not supplier_format,
    )
    return encrypt_pdf(pdf, password) if password else pdf
