"""Three statement runs with stored PDFs, on top of the statement-loading fixture, and the figures
each one must show (worked out by hand from the supplies of ``build``)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D

from sqlalchemy import select

from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, SupplierOrganization
from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE, store_document
from tests.core.test_statement_loading import build

# Run A, 北海水産 10/1–10/15, sent 10/16 09:00 JST: 20.6 kg × 1235 = 25441 (+8 % 2035),
# 3 箱 × 105 = 315 (+10 % 32) → 27823.
A_TOTAL = D(27823)
A_TAXES = ((D("0.08"), D(25441), D(2035)), (D("0.10"), D(315), D(32)))
# Run B, 北海水産 10/16–10/31, sent 11/01: 函館水産 5 kg × 1000 = 5000 (+400) → 5400.
B_TOTAL = D(5400)
# Run C, 他組合 10/1–10/31, sent 11/02: 7 × 1000 = 7000 (+560) → 7560.
C_TOTAL = D(7560)


def pdf_bytes(label: str) -> bytes:
    return b"%PDF-1.4\n% " + label.encode() + b"\n%%EOF\n"


def build_archive(session) -> dict[str, int]:  # type: ignore[no-untyped-def]
    ids = build(session)
    other = session.scalar(select(SupplierOrganization.id).where(SupplierOrganization.entity_name == "他組合"))
    runs = {
        "A": (ids["org"], date(2025, 10, 1), date(2025, 10, 15), datetime(2025, 10, 16, 0, tzinfo=UTC)),
        "B": (ids["org"], date(2025, 10, 16), date(2025, 10, 31), datetime(2025, 11, 1, 0, tzinfo=UTC)),
        "C": (other, date(2025, 10, 1), date(2025, 10, 31), datetime(2025, 11, 2, 0, tzinfo=UTC)),
    }
    for name, (org_id, start, end, send_at) in runs.items():
        invoice = Invoice(start_date=start, end_date=end, invoice_layout=1, send_email=True, send_at=send_at)
        session.add(invoice)
        session.flush()
        iso = InvoiceSupplierOrganization(invoice_id=invoice.id, supplier_organization_id=org_id, passwords={})
        session.add(iso)
        session.flush()
        passwords = {}
        for kind in ("organization", "supplier"):
            doc = store_document(session, owner_type=STATEMENT_OWNER_TYPE, owner_id=iso.id, kind=kind,
                                 filename=f"{name}_{kind}.pdf", content=pdf_bytes(f"{name} {kind} v1"))
            ids[f"{name}_{kind}"] = doc.id
            passwords[str(doc.id)] = f"pw-{name}-{kind}"
        if name == "A":  # regenerated once: version 2 of the organization format
            doc = store_document(session, owner_type=STATEMENT_OWNER_TYPE, owner_id=iso.id, kind="organization",
                                 filename=f"{name}_organization.pdf", content=pdf_bytes("A organization v2"))
            ids["A_organization_v2"] = doc.id
            passwords = {str(doc.id): "pw-A-v2", str(ids["A_supplier"]): "pw-A-supplier"}
        iso.passwords = passwords
        ids[f"iso_{name}"] = iso.id
    session.flush()
    return ids
