"""End to end: a due statement run on the demo data is generated and mailed to a real SMTP
server; each mail's PDFs open with the passwords written in that mail, and read correctly."""

from __future__ import annotations

import io
import re
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from jobs.statements import check_and_send
from oroshi_desktop.config import load_settings, with_smtp
from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization, SupplierOrganization
from oroshi_desktop.demo import generate_demo
from oroshi_desktop.mail.transport import SmtpTransport
from oroshi_desktop.queries.preferences import load_company
from tests.helpers.smtp_server import HOST, SmtpTestServer
from tests.jobs.conftest import DUE_INVOICE, make_due

# Depends on the date the demo is anchored on: .ci/run runs it again on other dates.
pytestmark = pytest.mark.calendar


def test_due_run_is_mailed_and_every_pdf_opens_with_its_password(db):
    generate_demo(db, scale=1, seed=0)
    make_due(db)
    with db.read() as session:
        company = load_company(session)
        organizations = {org.entity_name: org for org in session.scalars(
            select(SupplierOrganization).join(InvoiceSupplierOrganization,
                                              InvoiceSupplierOrganization.supplier_organization_id
                                              == SupplierOrganization.id)
            .where(InvoiceSupplierOrganization.invoice_id == DUE_INVOICE))}
    with SmtpTestServer.running() as server:
        settings = with_smtp(load_settings(), host=HOST, port=server.port, security="none", timeout_seconds=10)
        summary = check_and_send(db, SmtpTransport(settings.smtp), tz=ZoneInfo("Asia/Tokyo"))
        messages = list(server.messages)
    assert summary.ok and summary.sent == len(organizations) == len(messages)

    for message in messages:
        text = message.get_body(("plain",)).get_content()
        name = text.split("場所: ", 1)[1].splitlines()[0]
        organization = organizations[name]
        assert f"{company.name} ー {organization.micro_region} 支払い明細書（" in message["Subject"]
        if organization.email:
            assert message["To"] == organization.email and message["Cc"] == company.mail
        else:
            assert message["To"] == company.mail and message["Cc"] is None
        passwords = dict(re.findall(r"ファイル: (.+)\nパスワード: ([0-9a-f]{8})", text))
        attachments = list(message.iter_attachments())
        assert sorted(part.get_filename() for part in attachments) == sorted(passwords)
        assert any(f.endswith("組織.pdf") for f in passwords) and any(f.endswith("供給者.pdf") for f in passwords)
        for part in attachments:
            reader = PdfReader(io.BytesIO(part.get_content()))
            assert reader.is_encrypted
            assert not reader.decrypt("00000000")
            reader = PdfReader(io.BytesIO(part.get_content()))
            assert reader.decrypt(passwords[part.get_filename()])
            content = "".join(page.extract_text() for page in reader.pages)
            assert "支払明細書" in content and "8%対象" in content
            if part.get_filename().endswith("組織.pdf"):
                assert organization.invoice_number in content
    with db.read() as session:
        assert session.get(Invoice, DUE_INVOICE).sent_at is not None
