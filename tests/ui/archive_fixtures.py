"""The archive view on the three statement runs of ``tests/core/archive_fixtures`` in a bare
QMainWindow, with a real password-protected PDF as the newest version of run A's statement."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, replace

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from oroshi_desktop.config import load_settings
from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import InvoiceSupplierOrganization
from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE, store_document
from oroshi_desktop.ledger import Ledger
from tests.core.archive_fixtures import build_archive
from ui.context import AppContext
from ui.qt import QMainWindow

PASSWORD = "pw-A-v3"


def protected_pdf(text: str, password: str) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, encrypt=StandardEncryption(password, ownerPassword=password + "-owner"))
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return out.getvalue()


@dataclass
class ArchiveEnv:
    database: Database
    ids: dict[str, int]
    ctx: AppContext
    view: object
    window: QMainWindow


def start_archive_env(qtbot, qapp, database: Database) -> Iterator[ArchiveEnv]:  # type: ignore[no-untyped-def]
    from tests.ui.pdf_fixtures import japanese_app
    from ui.archive.view import ArchiveView
    from ui.operations import wait_for_operations

    japanese_app(qapp)
    with database.write() as session:
        ids = build_archive(session)
        doc = store_document(session, owner_type=STATEMENT_OWNER_TYPE, owner_id=ids["iso_A"], kind="organization",
                             filename="A_organization.pdf", content=protected_pdf("A v3", PASSWORD))
        ids["A_organization_v3"] = doc.id
        iso = session.get(InvoiceSupplierOrganization, ids["iso_A"])
        iso.passwords = {str(doc.id): PASSWORD, str(ids["A_supplier"]): "pw-A-supplier"}
    settings = replace(load_settings(), database_url=database.url.render_as_string(hide_password=False))
    ledger = Ledger.for_settings(database, settings)
    ctx = AppContext(settings, database, ledger)
    window = QMainWindow()
    view = ArchiveView(ctx, window)
    window.setCentralWidget(view)
    window.resize(1366, 768)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not view.loading, timeout=20000)
    try:
        yield ArchiveEnv(database, ids, ctx, view, window)
    finally:
        window.close()
        wait_for_operations()
        ledger.dispose()
