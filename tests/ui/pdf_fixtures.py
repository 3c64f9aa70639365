"""PDFs for the viewer and printing tests: a real protected statement, and a mixed-size file."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from jobs.documents import statement_pdf
from oroshi_desktop.db.engine import Database
from tests.printables.statement_fixtures import PRODUCERS, StatementFixture, build_statement_fixture
from ui.qt import QApplication, QInputDialog, QTimer

PASSWORD = "ab12cd34"
JIS_B4 = (257 * mm, 364 * mm)
PRODUCER_NAME = PRODUCERS[2][0]


def protected_statement(db: Database, fmt: str = "supplier") -> tuple[bytes, StatementFixture]:
    with db.write() as session:
        fixture = build_statement_fixture(session)
    pdf = statement_pdf(db, invoice_id=fixture.invoice_id, organization_id=fixture.organization_id, fmt=fmt,
                        password=PASSWORD)
    return pdf, fixture


def mixed_sizes_pdf() -> bytes:
    """Page 1 A4 portrait, page 2 JIS B4 landscape (a shipping chart's paper)."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.drawString(72, 720, "first page A4 portrait")
    c.showPage()
    c.setPageSize(landscape(JIS_B4))
    c.drawString(72, 500, "second page B4 landscape")
    c.showPage()
    c.save()
    return out.getvalue()


def pdf_text(path: Path, password: str | None = None) -> str:
    args = ["pdftotext", *(["-upw", password] if password else []), "-layout", str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path, password: str | None = None) -> int:
    args = ["pdfinfo", *(["-upw", password] if password else []), str(path)]
    info = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def japanese_app(qapp):  # type: ignore[no-untyped-def]
    """The bundled UI font, as the app installs it (text drawn by Qt needs a Japanese font)."""
    from ui.app import install_font

    install_font(qapp)
    return qapp


def answer_modal(kind: type, act) -> list[str]:  # type: ignore[no-untyped-def]
    """Answer the next modal dialog of ``kind`` with ``act(dialog)``; returns the texts it showed."""
    seen: list[str] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog.labelText() if isinstance(dialog, QInputDialog)
                    else getattr(dialog, "text", dialog.windowTitle)())
        act(dialog)

    QTimer.singleShot(20, poll)
    return seen
