"""A run's PDFs from the view: open in the viewer, print, or 見本 previews when none are made yet.
Reading the stored bytes and rendering previews happen off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import InvoiceLayout
from oroshi_desktop.document_store import document_content
from oroshi_desktop.domain.statement_options import StatementFormat, StatementLayout
from oroshi_desktop.queries.run_detail import RunDetail, StatementFile
from ui.operations import Operation
from ui.qt import QCoreApplication, QWidget

translate = QCoreApplication.translate  # lupdate reads translate("Context", "source")



def with_document(parent: QWidget, database: Database, file: StatementFile, then: Callable[[bytes], object]) -> None:
    def work() -> bytes:
        return database.reading(document_content, file.document_id)

    Operation(parent, work, label=translate("Pdfs", "PDFを読み込んでいます…")).success(then).run()


def open_file(parent: QWidget, database: Database, file: StatementFile) -> None:
    """A statement opens with its stored password, without asking."""
    from ui.viewer import open_pdf

    with_document(parent, database, file, lambda data: open_pdf(parent, data, file.filename, file.password))


def print_file(parent: QWidget, database: Database, file: StatementFile) -> None:
    from ui.printing import print_pdf

    with_document(parent, database, file, lambda data: print_pdf(parent, data, file.password, title=file.filename))


def preview_run(parent: QWidget, database: Database, detail: RunDetail) -> None:
    """プレビュー: the run's PDFs when made; otherwise each organization's 見本, rendered without saving."""
    files = [f for p in detail.parts for f in p.files]
    if files:
        for file in files:
            open_file(parent, database, file)
        return
    from jobs.documents import preview_pdf
    from ui.viewer import open_pdf

    row = detail.row
    start, end = row.start_date, row.end_date
    if start is None or end is None:
        return
    layout = StatementLayout.STANDARD if row.layout == InvoiceLayout.STANDARD else StatementLayout.SIMPLE

    def work() -> list[tuple[str, bytes]]:
        return [(translate("Pdfs", "{name} 見本（組織）").format(name=p.name),
                 preview_pdf(database, start=start, end=end, organization_id=p.organization_id, fmt=StatementFormat.ORGANIZATION,
                             layout=layout))
                for p in detail.parts]

    def done(pdfs: list[tuple[str, bytes]]) -> None:
        for title, data in pdfs:
            open_pdf(parent, data, title)

    Operation(parent, work, label=translate("Pdfs", "プレビューを作成しています…")).success(done).run()
