"""What one outbox row's mail is made from, read once per run: the run's context (sender, password
delivery, issuer, the supplies and documents every fingerprint needs), the PDFs and recipients a row
freezes, and the fingerprint that says whether the data behind a failed row changed. Shared by the
preparation of the outbox and by メールのプレビュー."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oroshi_desktop.db import models as m
from oroshi_desktop.document_store import STATEMENT_OWNER_TYPE, statement_documents
from oroshi_desktop.domain.parties import Company
from oroshi_desktop.errors import UserError
from oroshi_desktop.mail.compose import MailAttachment, statement_recipients
from oroshi_desktop.mail.outbox.states import password_delivery
from oroshi_desktop.mail.readiness import (
    check_organization,
    check_run,
    company_settings,
    data_fingerprint,
    load_issuer,
    supply_signatures,
)
from oroshi_desktop.queries.preferences import ZERO_STATEMENTS, get_preference


@dataclass
class RunContext:
    """What every row of one run shares, read once."""

    invoice: m.Invoice
    sender: str
    mode: str
    now: datetime
    company: Company | None = None
    company_error: UserError | None = None
    company_raw: Any = None
    zero_statements: str = "skip"  # the clerk's choice for ¥0 statements (preference mail.zero_statements)
    # Read once per run for every row's fingerprint (a per-row query each made the check slow).
    supplies: dict[int, tuple[int, Any]] = field(default_factory=dict)
    documents: dict[int, list[list[Any]]] = field(default_factory=dict)
    # The archived total of each of those documents that has its facts (None: no figures), read with
    # them: the ¥0 decision of every row without another query.
    amounts: dict[int, Any] = field(default_factory=dict)
    # The period the PDFs print, per organization, read for a part of the run at once
    # (``statement_periods``); an organization not here is read on its own (``statement_period``).
    periods: dict[int, tuple[date, date]] = field(default_factory=dict)


@dataclass(frozen=True)
class FrozenRow:
    """The documents and recipients one row sends, fixed before any mail is composed."""

    documents: list[dict[str, Any]]
    recipients: dict[str, Any]
    attachments: list[MailAttachment]


def run_context(session: Session, invoice: m.Invoice, sender: str, now: datetime,
             isos: list[m.InvoiceSupplierOrganization] | None = None) -> RunContext:
    context = RunContext(invoice=invoice, sender=sender, mode=password_delivery(session), now=now,
                       company_raw=company_settings(session),
                       zero_statements=str(get_preference(session, ZERO_STATEMENTS)))
    try:
        context.company = load_issuer(session)
    except UserError as err:  # every row fails with it, each on its own row
        context.company_error = err
    if isos is None:
        isos = list(session.scalars(select(m.InvoiceSupplierOrganization)
                                    .where(m.InvoiceSupplierOrganization.invoice_id == invoice.id)))
    start, end = invoice.start_date or date.min, invoice.end_date or date.max
    context.supplies = supply_signatures(session, sorted({iso.supplier_organization_id for iso in isos}), start, end)
    for owner_id, doc_id, kind, with_facts, amount in session.execute(
            select(m.StoredDocument.owner_id, m.StoredDocument.id, m.StoredDocument.kind,
                   m.ArchiveFacts.document_id, m.ArchiveFacts.amount)
            .outerjoin(m.ArchiveFacts, m.ArchiveFacts.document_id == m.StoredDocument.id)
            .where(m.StoredDocument.owner_type == STATEMENT_OWNER_TYPE,
                   m.StoredDocument.owner_id.in_([iso.id for iso in isos]))
            .order_by(m.StoredDocument.id)):
        context.documents.setdefault(owner_id, []).append([doc_id, kind])
        if with_facts is not None:
            context.amounts[doc_id] = amount
    return context


def named_reason(organization: m.SupplierOrganization, err: BaseException) -> tuple[str, str]:
    """The reason with the organization in front (English, Japanese)."""
    if isinstance(err, UserError):
        message, message_ja = err.message, err.message_ja
    else:
        message = message_ja = f"internal error: {type(err).__name__}: {err}"
    name = organization.entity_name
    return (f"organization {name!r} (id {organization.id}): {message}",
            f"組織「{name}」（ID {organization.id}）: {message_ja}")


def freeze_row(session: Session, context: RunContext, iso: m.InvoiceSupplierOrganization,
            organization: m.SupplierOrganization,
            documents: list[m.StoredDocument] | None = None) -> FrozenRow:
    """The documents and recipients a row will send; refuses a row that cannot be sent, naming the field.
    ``documents``: the row's current statement PDFs when the caller read them already (a run's part
    in one query); otherwise read here."""
    check_run(context.invoice)
    if context.company_error is not None:
        raise context.company_error
    assert context.company is not None
    check_organization(organization)
    if not iso.completed:
        raise UserError("the statement PDFs are not ready (being generated or never generated); not sent",
                        "支払い明細書のPDFがまだできていません（作成中または未作成）。送信できません")
    if documents is None:
        documents = statement_documents(session, iso.id)
    if not documents:
        raise UserError("no statement PDF is stored for this run; generate the statements first",
                        "支払い明細書のPDFが保存されていません。先に作成してください")
    passwords = iso.passwords or {}
    missing = [doc.filename for doc in documents if not passwords.get(str(doc.id))]
    if missing:
        raise UserError(f"no password recorded for {', '.join(missing)}; generate the statements again",
                        f"{'、'.join(missing)} のパスワードがありません。支払い明細書を作成し直してください")
    recipients = statement_recipients(context.company, organization.email, context.sender)
    return FrozenRow(
        documents=[{"id": doc.id, "kind": doc.kind, "filename": doc.filename, "sha256": doc.sha256,
                    "byte_size": doc.byte_size} for doc in documents],
        # How passwords travel is decided here too: it fixes how many messages this row sends.
        recipients={**recipients.as_json(), "password_delivery": context.mode},
        attachments=[MailAttachment(doc.filename, doc.content, str(passwords[str(doc.id)])) for doc in documents],
    )


def refuse_zero_statement(session: Session, context: RunContext, iso: m.InvoiceSupplierOrganization,
                          frozen: FrozenRow) -> None:
    """A ¥0 statement (its archived total, recorded with its PDFs) is mailed only by the clerk's
    choice (preference ``mail.zero_statements``); otherwise its row says so. メールのプレビュー
    still shows its mail: the preview is what would be sent if chosen.

    Decided from the frozen documents and the facts the run's context read with them; only a
    document stored after that (regenerated meanwhile) has its facts read here."""
    if context.zero_statements == "send":
        return
    document_ids = [doc["id"] for doc in frozen.documents]
    known = {doc_id for doc_id, _kind in context.documents.get(iso.id, [])}
    amounts = [context.amounts[doc_id] for doc_id in document_ids if doc_id in context.amounts]
    unknown = [doc_id for doc_id in document_ids if doc_id not in known]
    if unknown:
        amounts += session.scalars(select(m.ArchiveFacts.amount).where(m.ArchiveFacts.document_id.in_(unknown))).all()
    if amounts and all(amount is not None and amount == 0 for amount in amounts):
        raise UserError("the statement is ¥0 and is not mailed; to mail ¥0 statements, choose 「メールする」 "
                        "for ¥0の明細書 in 設定",
                        "明細書の金額が ¥0 のため、メールしません。¥0 の明細書も送る場合は、設定の"
                        "「¥0の明細書」で「メールする」を選んでください")


def row_fingerprint(session: Session, context: RunContext, iso: m.InvoiceSupplierOrganization,
                 organization: m.SupplierOrganization) -> str:
    return data_fingerprint(context.company_raw, context.invoice, organization,
                            context.supplies.get(organization.id, (0, None)),
                            extra={"sender": context.sender, "mode": context.mode, "completed": iso.completed,
                                   "zero_statements": context.zero_statements,
                                   "passwords": sorted((iso.passwords or {}).keys()),
                                   "documents": context.documents.get(iso.id, [])})
