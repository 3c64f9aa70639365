"""A small statement run for the outbox tests: company settings, two organizations (one without a
mail address), one run with both organization rows completed, two stored PDFs each, and passwords.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from pypdf import PdfWriter

from oroshi_desktop.db.engine import Database
from oroshi_desktop.db.models import (
    COMPANY_SETTINGS_NAME,
    Invoice,
    InvoiceLayout,
    InvoiceSupplierOrganization,
    SettingsRow,
    SupplierOrganization,
)
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.document_store import STATEMENT_KINDS, STATEMENT_OWNER_TYPE, store_document
from oroshi_desktop.domain.filenames import statement_filename

COMPANY = {
    "name": "株式会社オロシ&サーモン",
    "postal_code": "060-0001",
    "address": "北海道札幌市中央区北1条西1-1",
    "phone": "011-000-0000",
    "fax": "011-000-0001",
    "mail": "office@oroshi.example",
    "web": "https://oroshi.example",
    "invoice_number": "T1234567890123",
}
ORG_WITH_MAIL = {"entity_name": "北海水産<本所>&協同組合", "micro_region": "札幌市", "subregion_id": 1,
                 "email": "org-a@example.jp"}
ORG_WITHOUT_MAIL = {"entity_name": "相生漁業", "micro_region": "相生", "subregion_id": 28, "email": None}
START = date(2025, 10, 1)
END = date(2025, 10, 15)


def tiny_pdf(label: str) -> bytes:
    """A real one-page PDF; the label makes every document's bytes (and hash) different."""
    writer = PdfWriter()
    writer.add_blank_page(width=72, height=72)
    writer.add_metadata({"/Title": label})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@dataclass
class StatementRun:
    invoice_id: int
    organization_ids: list[int]  # [with mail, without mail]
    iso_ids: list[int]  # organization rows, same order
    documents: dict[int, list[int]] = field(default_factory=dict)  # iso id → [organization, supplier] doc ids
    passwords: dict[int, dict[str, str]] = field(default_factory=dict)  # iso id → {doc id: password}
    filenames: dict[int, list[str]] = field(default_factory=dict)


def add_company(db: Database, settings: dict[str, str] | None = None) -> None:
    with db.write() as session:
        session.add(SettingsRow(name=COMPANY_SETTINGS_NAME, settings=dict(settings or COMPANY)))


def add_organization(db: Database, **values: object) -> int:
    with db.write() as session:
        row = SupplierOrganization(entity_type=0, country_id=392, active=True, invoice_number="T9999999999999",
                                   fax="000-0000", **values)
        session.add(row)
        session.flush()
        return row.id


def generate_statements(db: Database, iso_id: int, *, label: str = "") -> tuple[list[int], dict[str, str]]:
    """What the statement job does: store both PDFs as new versions and record fresh passwords."""
    with db.write() as session:
        iso = session.get(InvoiceSupplierOrganization, iso_id)
        assert iso is not None
        organization = session.get(SupplierOrganization, iso.supplier_organization_id)
        assert organization is not None
        passwords: dict[str, str] = {}
        ids = []
        for kind in STATEMENT_KINDS:
            document = store_document(
                session, owner_type=STATEMENT_OWNER_TYPE, owner_id=iso_id, kind=kind,
                filename=statement_filename(organization.entity_name, START, END, kind),
                content=tiny_pdf(f"{iso_id}-{kind}-{label}-{secrets.token_hex(4)}"))
            passwords[str(document.id)] = secrets.token_hex(4)
            ids.append(document.id)
        iso.passwords = passwords
        iso.completed = True
        iso.updated_at = utcnow()
        return ids, passwords


def build_statement_run(db: Database, *, send_at: datetime | None = None, send_email: bool = True,
                        with_company: bool = True) -> StatementRun:
    if with_company:
        add_company(db)
    org_ids = [add_organization(db, **ORG_WITH_MAIL), add_organization(db, **ORG_WITHOUT_MAIL)]
    with db.write() as session:
        invoice = Invoice(start_date=START, end_date=END, invoice_layout=int(InvoiceLayout.SIMPLE),
                          send_email=send_email, send_at=send_at or utcnow() - timedelta(minutes=5))
        session.add(invoice)
        session.flush()
        isos = [InvoiceSupplierOrganization(invoice_id=invoice.id, supplier_organization_id=org_id,
                                            completed=False, passwords={}) for org_id in org_ids]
        session.add_all(isos)
        session.flush()
        run = StatementRun(invoice_id=invoice.id, organization_ids=org_ids, iso_ids=[iso.id for iso in isos])
    for iso_id in run.iso_ids:
        ids, passwords = generate_statements(db, iso_id)
        run.documents[iso_id] = ids
        run.passwords[iso_id] = passwords
    with db.read() as session:
        for iso_id in run.iso_ids:
            organization = session.get(SupplierOrganization, org_ids[run.iso_ids.index(iso_id)])
            assert organization is not None
            run.filenames[iso_id] = [statement_filename(organization.entity_name, START, END, kind)
                                     for kind in STATEMENT_KINDS]
    return run


def run_for_organizations(db: Database, org_ids: list[int], *, send_at: datetime) -> int:
    """A mailed run over ``org_ids`` with both statement PDFs of each organization stored; its id."""
    with db.write() as session:
        invoice = Invoice(start_date=START, end_date=END, invoice_layout=int(InvoiceLayout.SIMPLE), send_email=True,
                          send_at=send_at)
        session.add(invoice)
        session.flush()
        isos = [InvoiceSupplierOrganization(invoice_id=invoice.id, supplier_organization_id=org_id, completed=False,
                                            passwords={}) for org_id in org_ids]
        session.add_all(isos)
        session.flush()
        invoice_id, iso_ids = invoice.id, [iso.id for iso in isos]
    for iso_id in iso_ids:
        generate_statements(db, iso_id)
    return invoice_id


def add_invoice(db: Database, *, send_at: datetime | None, send_email: bool = True,
                sent_at: datetime | None = None) -> int:
    """A bare run (no organizations) for the due-selection tests."""
    with db.write() as session:
        invoice = Invoice(start_date=START, end_date=END, invoice_layout=int(InvoiceLayout.SIMPLE),
                          send_email=send_email, send_at=send_at, sent_at=sent_at)
        session.add(invoice)
        session.flush()
        return invoice.id
