"""Property-based (issue 21): the mail check with generated hostile rows — names of any text and
length, good, malformed, internationalized and missing addresses, missing registration numbers,
duplicated run rows and rows naming an organization that does not exist — mails every good
organization exactly once and no bad one, and names each bad one; nothing raises.

A fresh embedded database per example and one real SMTP server on loopback; ``max_examples`` is
kept small (each example builds and upgrades a database).
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from jobs.statements import check_and_send
from oroshi_desktop.db import schema
from oroshi_desktop.db.engine import open_database
from oroshi_desktop.db.models import (
    Invoice,
    InvoiceLayout,
    InvoiceSupplierOrganization,
    OutboxMessage,
    SupplierOrganization,
)
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.mail.transport import SmtpTransport
from tests.core.outbox_fixtures import END, START, add_company, add_organization, generate_statements
from tests.helpers.broken_data import write_unchecked
from tests.helpers.smtp_server import SmtpTestServer

TZ = ZoneInfo("Asia/Tokyo")
HOSTILE_PIECES = st.sampled_from([*"鮭帆立<>&\"' ;\\", "\r\n", "\x00", "\x1b", "\u2028", "\u202e", "😀", "𠮷",
                                   "\u3000", "\r\nBcc: x@example.com"])
HOSTILE_TEXT = st.lists(HOSTILE_PIECES, min_size=1, max_size=12).map("".join)
NAMES = st.one_of(HOSTILE_TEXT, st.text(min_size=256, max_size=400).filter(lambda t: t.strip() != ""))
ADDRESS = st.sampled_from(["good", "idn", "none", "malformed", "injected"])
ORGANIZATION = st.fixed_dictionaries({
    "name": NAMES, "address": ADDRESS, "registered": st.booleans(), "rows": st.integers(min_value=1, max_value=3)})


def _email(kind: str, index: int) -> str | None:
    return {"good": f"org{index}@example.jp", "idn": f"org{index}@例え.jp", "none": None, "malformed": "a@@b",
            "injected": f"org{index}@example.jp\r\nBcc: evil@example.com"}[kind]


def _good(org: dict[str, object]) -> bool:
    return bool(org["registered"]) and org["address"] in ("good", "idn", "none")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(organizations=st.lists(ORGANIZATION, min_size=1, max_size=4), dangling=st.integers(min_value=0, max_value=2))
def test_every_good_organization_is_mailed_exactly_once(organizations, dangling) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder, SmtpTestServer.running() as server:
        db = open_database(f"sqlite:///{Path(folder) / 'oroshi.sqlite3'}")
        try:
            schema.upgrade(db)
            add_company(db)
            org_ids = [add_organization(db, entity_name=str(org["name"]), micro_region="札幌", subregion_id=1,
                                        email=_email(str(org["address"]), index))
                       for index, org in enumerate(organizations)]
            unregistered = [org_id for org_id, org in zip(org_ids, organizations, strict=True) if not org["registered"]]
            with db.write() as session:
                session.execute(update(SupplierOrganization).where(SupplierOrganization.id.in_(unregistered))
                                .values(invoice_number=None))
            with db.write() as session:
                invoice = Invoice(start_date=START, end_date=END, invoice_layout=int(InvoiceLayout.SIMPLE),
                                  send_email=True, send_at=utcnow())
                session.add(invoice)
                session.flush()
                isos = [InvoiceSupplierOrganization(invoice_id=invoice.id, supplier_organization_id=org_id,
                                                    completed=False, passwords={})
                        for org_id, org in zip(org_ids, organizations, strict=True) for _ in range(int(org["rows"]))]
                session.add_all(isos)
                session.flush()
                iso_ids = [(iso.id, iso.supplier_organization_id) for iso in isos]
                invoice_id = invoice.id
            for n in range(dangling):  # the web system's data: a run row naming an organization that is gone
                write_unchecked(db, "INSERT INTO oroshi_invoice_supplier_organizations (invoice_id, "
                                    "supplier_organization_id, completed, passwords, created_at, updated_at) VALUES "
                                    f"({invoice_id}, {900_000 + n}, false, '{{}}', '2026-01-01', '2026-01-01')")
            for iso_id, organization_id in iso_ids:
                if organization_id < 900_000:
                    generate_statements(db, iso_id)  # the PDFs, as the statement job stores them

            summary = check_and_send(db, SmtpTransport(server.settings()), tz=TZ)

            with db.read() as session:
                sent = Counter(session.scalars(select(OutboxMessage.supplier_organization_id)
                                               .where(OutboxMessage.state == "sent")))
            good = {org_id for org_id, org in zip(org_ids, organizations, strict=True) if _good(org)}
            assert sent == Counter(dict.fromkeys(good, 1)), summary.describe()
            assert len(server.accepted) == len(good)
            assert all("evil@example.com" not in mail.rcpt_tos for mail in server.accepted)
            failed = {failure.organization_id for failure in summary.failed_rows}
            bad = {org_id for org_id in org_ids if org_id not in good}
            assert failed == bad | {900_000 + n for n in range(dangling)}
            duplicated = sum(int(org["rows"]) - 1 for org in organizations)
            assert bool(summary.warnings) == bool(duplicated)
        finally:
            db.dispose()
