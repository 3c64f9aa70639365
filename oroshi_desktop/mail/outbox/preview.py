"""メールのプレビュー: each organization's mail(s) from the current PDFs, before anything is queued."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from oroshi_desktop.db.models import Invoice, InvoiceSupplierOrganization
from oroshi_desktop.db.types import utcnow
from oroshi_desktop.errors import NotFound, UserError
from oroshi_desktop.mail.compose import MailPreview, Recipients, preview_statement_mail
from oroshi_desktop.mail.outbox.row_inputs import freeze_row, named_reason, run_context
from oroshi_desktop.mail.outbox.states import mail_organization, organization_of
from oroshi_desktop.mail.readiness import statement_period


@dataclass(frozen=True)
class OrganizationMailPreview:
    organization_name: str
    mails: list[MailPreview]


def preview_invoice_mails(session: Session, invoice_id: int, *, sender: str = "") -> list[OrganizationMailPreview]:
    """The mails as they would be composed now; raises the first organization's problem, named."""
    invoice = session.get(Invoice, invoice_id)
    if invoice is None:
        raise NotFound(f"statement run {invoice_id} does not exist", f"支払い明細書 {invoice_id} が見つかりません")
    if invoice.start_date is None or invoice.end_date is None:
        raise UserError(f"statement run {invoice_id} has no date range", f"支払い明細書 {invoice_id} に期間がありません")
    context = run_context(session, invoice, sender, utcnow())
    previews = []
    for iso in session.scalars(select(InvoiceSupplierOrganization)
                               .where(InvoiceSupplierOrganization.invoice_id == invoice_id)
                               .order_by(InvoiceSupplierOrganization.id)):
        organization = organization_of(session, iso)
        try:
            frozen = freeze_row(session, context, iso, organization)
        except UserError as err:
            raise UserError(*named_reason(organization, err)) from None
        assert context.company is not None
        start, end = statement_period(session, organization.id, invoice.start_date, invoice.end_date)
        mails = preview_statement_mail(
            company=context.company, organization=mail_organization(organization), start=start, end=end,
            attachments=frozen.attachments, password_delivery=context.mode,
            recipients=Recipients.from_json(frozen.recipients))
        previews.append(OrganizationMailPreview(organization.entity_name, mails))
    return previews
